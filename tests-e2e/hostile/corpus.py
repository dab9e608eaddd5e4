"""The fixed hostile-input corpus: the values, the routes' targets and the bodies built from them."""
import re
import string
import urllib.parse
from dataclasses import dataclass
from typing import Callable

from .site import CSRF_COOKIE, SESSION_COOKIE

RANDOM_UUID = "5a0f3c9e-2b7d-4e1a-9c48-0d6e2f7b1a93"
BOUNDARY = b"hostile7MA4YWxkTrZu0gW"
ONE_MB = 1_000_000
OVER_LIMIT = 1024 * 1024 + 1  # the routes' body limit is "1mb", 1 MiB
TEN_MB = 10 * 1024 * 1024
HEAD_LIMIT = 80 * 1024        # SwiftNIO's HTTP parser refuses longer request heads
GENERIC_FIELDS = ["username", "password", "totpCode", "code", "id", "text", "reason", "date", "number"]

# Values are bytes as they go on the wire in a form body (never encoded further). In a query,
# bytes that would break the request line (controls, space, non-ASCII, `#`) are percent-encoded,
# so the server decodes them to the same hostile text.
NUMBERS = ["-1", "0", "-0", "99999999999999999999", "-99999999999999999999", "1e308", "1e309", "-1e308", "1e-400", "NaN",
           "nan", "inf", "-inf", "Infinity", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
           "4294967296", "0x7fffffff", "1.5", "1,5", "%D9%A1%D9%A2"]
DATES = ["0001-01-01", "9999-12-31", "0000-00-00", "0000-01-01", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
         "2026-12-32", "-0001-01-01", "10000-01-01", "99999-12-31", "2026-1-1", "31/12/2026", "2026-12-31T25:61:61Z",
         "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "24:00", "23:60", "-01:00", "99:99", "2038-01-19T03:14:08Z"]
VALUES = [
    *[("percent", v) for v in (b"[", b"%", b"%zz", b"%E9", b"%e9%", b"%C3%28", b"%ED%A0%80", b"%FF%FE%FD", b"%%", b"%u00e9", b"%0")],
    ("punctuation", string.punctuation.encode()), *[("punctuation", c.encode()) for c in string.punctuation],
    *[("control", v) for v in (b"\x00", bytes(range(1, 32)) + b"\x7f", b"a\x00b", b"\r\n\r\nX-Injected: 1", b"\x1b[31m",
                                b"%00", b"%0D%0A%00%7F")],
    *[("utf8", v) for v in (b"\xff\xfe\xc3\x28\xed\xa0\x80", b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
                             b"\xe2\x82", b"\xf0\x9f\x98", b"%F0%9F%98")],
    *[("number", n.encode()) for n in NUMBERS],
    *[("date", d.encode()) for d in DATES],
    *[("text", v) for v in (b"", b"+", b"A" * 5000, b"%E2%80%AE%F0%9F%98%80")],
]
# Sent to reached posts as the value of every field at once (the rest are spread over the fields).
IN_EVERY_FIELD = {b"[", b"%", b"%zz", b"%E9", string.punctuation.encode(), bytes(range(1, 32)) + b"\x7f", b"\x00", b"\xff",
                  b"-1", b"1e308", b"1e309", b"NaN", b"inf", b"9223372036854775808", b"9999-12-31", b"0000-00-00", b"2026-02-30",
                  b"10000-01-01", b"24:00", b"A" * 5000, b""}
# One value of each category, all in one request, for every route and actor (a GET's query, a
# post's fields); where the handler takes the request, the reached tier sends each on its own.
MIXED = [("percent", b"%zz"), ("percent", b"%E9"), ("punctuation", string.punctuation.encode()),
         ("control", bytes(range(0, 32)) + b"\x7f"), ("utf8", b"\xff\xfe\xc3\x28\xed\xa0\x80"),
         ("number", b"99999999999999999999"), ("number", b"-1"), ("date", b"0001-01-01"), ("date", b"9999-12-31")]
PATH_VALUES = [("random UUID", RANDOM_UUID), ("not-a-uuid", "not-a-uuid"), ("%00", "%00"), ("..%2F..", "..%2F.."),
               ("5000 chars", "A" * 5000)]
PATH_VALUES_REACHED = [("%zz", "%zz"), ("%E9", "%E9"), ("-1", "-1")]
DATE_IN_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


def show(raw: bytes) -> str:
    return repr(raw if len(raw) <= 40 else raw[:16] + b"...(%d bytes)" % len(raw))


@dataclass
class Target:
    """One route as one actor sends to it."""
    method: str
    pattern: str
    path: str                 # the pattern with real (or random) parameter values
    fields: list              # [(name, default)] of the route's form, or its query parameters
    text_field: str           # where the 1 MB value goes
    token: str                # the actor's form token ("" under /api/, which takes none)


@dataclass
class Hostile:
    name: str
    category: str
    tier: str                 # "core", "reached", "query" or "representative"
    build: Callable           # (Target, with_token) -> (query, headers, body)
    methods: tuple = ("GET", "POST")
    tokens: tuple = (True,)   # for web posts: sent with and/or without the form token
    big_head: bool = False    # a request head over HEAD_LIMIT


def wire_name(name: str) -> bytes:
    return urllib.parse.quote_plus(name).encode()


def in_target(raw: bytes) -> bytes:
    return b"".join(b"%%%02X" % b if b <= 0x20 or b >= 0x7f or b == 0x23 else bytes([b]) for b in raw)


def form(pairs, target: Target, with_token: bool) -> bytes:
    pairs = list(pairs) + ([(b"_csrf", target.token.encode())] if with_token and target.token else [])
    return b"&".join(name + b"=" + value for name, value in pairs)


def urlencoded(body: bytes):
    return {"Content-Type": b"application/x-www-form-urlencoded"}, body


def defaults(target: Target, replace=None) -> list:
    replace = replace or {}
    return [(wire_name(n), replace[n] if n in replace else urllib.parse.quote_plus(v).encode()) for n, v in target.fields]


def posted(pairs_of):
    """An urlencoded post of `pairs_of(target)` (the token added when sent with it)."""
    return lambda t, w: (b"", *urlencoded(form(pairs_of(t), t, w)))


def query_value(category, raw, tier):
    def build(target, with_token):
        return b"&".join(wire_name(n) + b"=" + in_target(raw) for n, _ in target.fields), {}, None
    return Hostile(f"query {category} {show(raw)}", category, tier, build, methods=("GET",))


def every_field(category, raw, tier):
    def pairs(target):
        extra = [(raw, raw)] if category == "punctuation" and len(raw) == 1 else []  # the character as a name too
        return [(wire_name(n), raw) for n, _ in target.fields] + extra
    return Hostile(f"{category} {show(raw)} in every field", category, tier, posted(pairs), methods=("POST",))


def spread(values, target: Target) -> list:
    """The values spread over the target's fields (a GET's: every query parameter known), one per
    field and request, shifted by one field each pass so a value does not always meet the same
    field."""
    names = [n for n, _ in target.fields] or ["a"]
    inputs = []
    for start in range(0, len(values), len(names)):
        chunk = values[start:start + len(names)]
        shift = (start // len(names)) % len(names)
        chosen = {names[(i + shift) % len(names)]: raw for i, (_, raw) in enumerate(chunk)}

        def build(t, with_token, chosen=chosen):
            if t.method == "GET":
                return b"&".join(wire_name(n) + b"=" + in_target(v) for n, v in chosen.items()), {}, None
            return b"", *urlencoded(form(defaults(t, chosen), t, with_token))
        label = ", ".join(f"{n}={show(v)}" for n, v in chosen.items())
        inputs.append(Hostile(f"spread: {label}", "spread", "reached", build))
    return inputs


def literal(body: bytes, tier, tokens=(False, True), category="structure"):
    """A whole form body as written (the issue's `a=[` and others), the token appended."""
    def build(target, with_token):
        token = b"&_csrf=" + target.token.encode() if with_token and target.token else b""
        return b"", *urlencoded(body + token)
    return Hostile(f"form body {show(body)}", category, tier, build, methods=("POST",), tokens=tokens)


def typed(name, category, tier, content_type, make_body, methods=("POST",), tokens=(True,)):
    def build(target, with_token):
        return b"", ({"Content-Type": content_type} if content_type else {}), make_body(target, with_token)
    return Hostile(name, category, tier, build, methods=methods, tokens=tokens)


def json_object(value_of):
    """A JSON object of the route's fields, `value_of(index)` as each value, with the token."""
    def make(target, with_token):
        items = [f'"{n}": {value_of(i)}' for i, (n, _) in enumerate(target.fields)]
        if with_token and target.token:
            items.append(f'"_csrf": "{target.token}"')
        return ("{" + ", ".join(items) + "}").encode()
    return make


def multipart(raw):
    def make(target, with_token):
        pairs = [(n.encode(), raw) for n, _ in target.fields] + ([(b"_csrf", target.token.encode())] if with_token and target.token else [])
        parts = b"".join(b'--' + BOUNDARY + b'\r\nContent-Disposition: form-data; name="' + n + b'"\r\n\r\n' + v + b"\r\n" for n, v in pairs)
        return parts + b"--" + BOUNDARY + b"--\r\n"
    return make


MULTIPART = b"multipart/form-data; boundary=" + BOUNDARY


def header_input(name, headers, methods=("GET", "POST")):
    def build(target, with_token):
        if target.method == "GET":
            return b"", dict(headers), None
        content, body = urlencoded(form(defaults(target), target, with_token))
        return b"", {**content, **headers}, body
    return Hostile(name, "headers", "representative", build, methods=methods, tokens=(False, True))


def mixed(target, with_token):
    """The MIXED values over the fields (more fields named if there are fewer than values)."""
    names = [wire_name(n) for n, _ in target.fields]
    names += [b"extra%d" % i for i in range(len(MIXED) - len(names))]
    pairs = [(name, MIXED[i % len(MIXED)][1]) for i, name in enumerate(names)]
    if target.method == "GET":
        return b"&".join(n + b"=" + in_target(v) for n, v in pairs), {}, None
    return b"", *urlencoded(form(pairs, target, with_token))


def duplicates(target, with_token):
    pairs = [(wire_name(n), b"1") for n, _ in target.fields] + [(wire_name(n), b"2") for n, _ in target.fields]
    if target.method == "GET":
        return b"&".join(n + b"=" + v for n, v in pairs), {}, None
    return b"", *urlencoded(form(pairs, target, with_token))


def token_twice(first, second):
    def build(target, with_token):
        token = target.token.encode()
        values = [token if v == "token" else b"wrong" for v in (first, second)]
        return b"", *urlencoded(form(defaults(target) + [(b"_csrf", v) for v in values], target, False))
    return build


def token_named(suffix: bytes):
    return lambda t, w: (b"", *urlencoded(form(defaults(t) + [(b"_csrf" + suffix, t.token.encode())], t, False)))


def big_query(size):
    return lambda t, w: (b"next=" + b"a" * size, {}, None)


def chunked_ten_mb(target, with_token):
    return b"", {"Content-Type": b"application/x-www-form-urlencoded", "Transfer-Encoding": b"chunked"}, form([(b"a", b"b" * TEN_MB)], target, with_token)


def corpus() -> list:
    """Every input but the spread values and path parameters, which depend on the route."""
    reproducers = [b"a=[", b"%", b"%zz", b"%E9"]
    inputs = [literal(body, "core", category="percent") for body in reproducers]
    inputs.append(Hostile("the issue's curl: form body b'a=[' without Origin or token", "percent", "core",
                          lambda t, w: (b"", {"Content-Type": b"application/x-www-form-urlencoded", "Origin": None}, b"a=["),
                          methods=("POST",), tokens=(False,)))
    inputs += [Hostile("mixed: %zz, %E9, all punctuation, controls, invalid UTF-8, 99999999999999999999, -1, 0001-01-01, 9999-12-31",
                       "mixed", "core", mixed)]
    inputs += [query_value(category, raw, "query") for category, raw in VALUES]
    inputs += [every_field(category, raw, "reached") for category, raw in VALUES if raw in IN_EVERY_FIELD]
    inputs += [
        Hostile("duplicate fields", "duplicates", "core", duplicates),
        typed("JSON [ nested 10,000 deep, unterminated", "json", "core", b"application/json", lambda t, w: b"[" * 10_000,
              methods=("GET", "POST"), tokens=(False,)),
        typed("JSON object with the token, huge numbers", "json", "core", b"application/json", json_object(lambda i: "99999999999999999999")),
        typed("multipart garbage", "content type", "core", MULTIPART, lambda t, w: b"\x00garbage\xff--" + BOUNDARY + b"\r\nno headers", tokens=(False,)),
        typed("multipart with the token, %E9 values", "content type", "core", MULTIPART, multipart(b"%E9")),
        typed("no content type, a=[ with the token", "content type", "core", b"", lambda t, w: form([(b"a", b"[")], t, w)),
        Hostile("1 MB field", "size", "core", posted(lambda t: defaults(t, {t.text_field: b"a" * ONE_MB})), methods=("POST",)),
        typed("body over the 1 MiB limit", "size", "core", b"application/x-www-form-urlencoded",
              lambda t, w: form([(b"a", b"b" * OVER_LIMIT)], t, w), methods=("GET", "POST"), tokens=(False,)),
        Hostile("form key nested 10,000 deep", "structure", "core", posted(lambda t: [(b"a" + b"[x]" * 10_000, b"1")]), methods=("POST",)),
        # Reached: JSON and multipart bodies the handlers decode.
        typed("JSON object with the token, 1e309", "json", "reached", b"application/json", json_object(lambda i: "1e309")),
        typed("JSON object with the token, arrays", "json", "reached", b"application/json", json_object(lambda i: '["x", 1]')),
        typed("JSON object with the token, objects", "json", "reached", b"application/json", json_object(lambda i: '{"a": {"b": null}}')),
        typed("JSON object with the token, dates 0001/9999", "json", "reached", b"application/json",
              json_object(lambda i: ['"0001-01-01"', '"9999-12-31"'][i % 2])),
        typed("JSON object with the token, lone surrogate and NUL", "json", "reached", b"application/json", json_object(lambda i: '"\\ud800a\\u0000b"')),
        typed("multipart with the token, invalid UTF-8", "content type", "reached", MULTIPART, multipart(b"\xff\xc3\x28")),
        typed("form body labelled JSON", "content type", "reached", b"application/json", lambda t, w: form(defaults(t), t, w)),
        typed("form in charset utf-16", "content type", "reached", b"application/x-www-form-urlencoded; charset=utf-16",
              lambda t, w: form(defaults(t), t, w).decode("latin-1").encode("utf-16")),
    ]
    for body in [b"=", b"&", b"&&==&&", b"a", b"a[", b"a]=1", b"[]=1", b"[=1", b"a[]=1&a[]=2", b"a[b]=1&a=2", b"a=1&a[b]=2",
                 b"a[][]=1&a[]=2", b"a[0]=1&a[1]=2&a[99999999999999999999]=3", b"a[-1]=1", b"a[[[[b]]]]=1", b"[" * 10_000,
                 b"%" * 10_000, b"a=" + b"%E9" * 10_000]:
        inputs.append(literal(body, "representative"))
    def representative(name, category, content_type, make, methods=("POST",)):
        return typed(name, category, "representative", content_type, make, methods=methods, tokens=(False, True))

    inputs += [
        Hostile("_csrf twice", "duplicates", "representative", token_twice("token", "token"), methods=("POST",)),
        Hostile("_csrf twice, wrong first", "duplicates", "representative", token_twice("wrong", "token"), methods=("POST",)),
        Hostile("_csrf twice, wrong last", "duplicates", "representative", token_twice("token", "wrong"), methods=("POST",)),
        Hostile("_csrf[]", "duplicates", "representative", token_named(b"[]"), methods=("POST",)),
        Hostile("_csrf[a]", "duplicates", "representative", token_named(b"[a]"), methods=("POST",)),
        representative("JSON [] nested 10,000 deep", "json", b"application/json", lambda t, w: b"[" * 10_000 + b"]" * 10_000, ("GET", "POST")),
        representative('JSON {"a": nested 10,000 deep', "json", b"application/json", lambda t, w: b'{"a":' * 10_000 + b"1" + b"}" * 10_000),
        representative("JSON object with the token, -1", "json", b"application/json", json_object(lambda i: "-1")),
        representative("JSON object with the token, NaN (not JSON)", "json", b"application/json", json_object(lambda i: "NaN")),
        representative("JSON with invalid UTF-8", "json", b"application/json", lambda t, w: b'{"username": "\xff\xfe", "password": "\xc3\x28"}'),
        representative("JSON unterminated", "json", b"application/json", lambda t, w: b'{"username": '),
        representative("JSON null", "json", b"application/json", lambda t, w: b"null"),
        representative("JSON []", "json", b"application/json", lambda t, w: b"[]"),
        representative('JSON "text"', "json", b"application/json", lambda t, w: b'"text"'),
        representative("JSON _csrf as an array", "json", b"application/json", lambda t, w: b'{"_csrf": ["%s"]}' % t.token.encode()),
        representative("JSON _csrf as an object", "json", b"application/json", lambda t, w: b'{"_csrf": {"a": 1}}'),
        representative("JSON _csrf twice", "json", b"application/json", lambda t, w: b'{"_csrf": "wrong", "_csrf": "%s"}' % t.token.encode()),
        representative("JSON 1 MB string", "size", b"application/json", lambda t, w: b'{"username": "' + b"a" * ONE_MB + b'", "password": "x"}'),
        representative("multipart without a boundary", "content type", b"multipart/form-data", lambda t, w: b"--x\r\n\r\n"),
        representative("multipart, 5000-character boundary", "content type", b"multipart/form-data; boundary=" + b"b" * 5000,
                       lambda t, w: b"--" + b"b" * 5000 + b"\r\n"),
        representative("multipart unterminated", "content type", MULTIPART,
                       lambda t, w: b"--" + BOUNDARY + b'\r\nContent-Disposition: form-data; name="a"\r\n\r\nxx'),
        representative("multipart with the token, NUL values", "content type", MULTIPART, multipart(b"a\x00b")),
        representative("multipart with the token, 99999999999999999999", "content type", MULTIPART, multipart(b"99999999999999999999")),
        representative("text/plain form", "content type", b"text/plain", lambda t, w: form(defaults(t), t, w)),
        representative("application/xml with an external entity", "content type", b"application/xml",
                       lambda t, w: b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a>&e;</a>"),
        representative("content type garbage", "content type", b"\xff/;;;=", lambda t, w: form(defaults(t), t, w)),
        representative("JSON body labelled as a form", "content type", b"application/x-www-form-urlencoded", json_object(lambda i: '"x"')),
        representative("10 MB body", "size", b"application/x-www-form-urlencoded", lambda t, w: form([(b"a", b"b" * TEN_MB)], t, w), ("GET", "POST")),
        Hostile("10 MB chunked body", "size", "representative", chunked_ten_mb, tokens=(False, True)),
        Hostile("64 KB query", "size", "representative", big_query(64 * 1024), methods=("GET",)),
        Hostile("1 MB query", "size", "representative", big_query(ONE_MB), methods=("GET",), big_head=True),
        header_input("session cookie %E9", {"Cookie": b"%s=%%E9; %s=%%zz" % (SESSION_COOKIE.encode(), CSRF_COOKIE.encode())}),
        header_input("session cookie of invalid UTF-8", {"Cookie": b"%s=\xff\xfe; %s=\xc3\x28" % (SESSION_COOKIE.encode(), CSRF_COOKIE.encode())}),
        header_input("bearer token garbage", {"Authorization": b"Bearer %E9\xff" + b"A" * 5000}),
        header_input("Accept: application/json", {"Accept": b"application/json"}),
        header_input("no Origin", {"Origin": None}, methods=("POST",)),
        header_input("Origin: null", {"Origin": b"null"}, methods=("POST",)),
        header_input("Origin: malformed", {"Origin": b"http://[::1%zz"}, methods=("POST",)),
    ]
    return inputs
