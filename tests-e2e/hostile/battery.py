"""The run: every route, method and actor sent the corpus, each answer and the process checked,
a stopped server replaced, and the failures and counts reported."""
import json
import socket
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

import requests

from .corpus import (DATE_IN_VALUE, GENERIC_FIELDS, HEAD_LIMIT, IN_EVERY_FIELD, PATH_VALUES, PATH_VALUES_REACHED, RANDOM_UUID, VALUES,
                     Target, corpus, defaults, form, spread, urlencoded)
from .site import PATIENT, THERAPIST, RouteMatcher, SiteMap, crawl, make_actors, segments, warm_up, web_session
from .wire import NoReply, exchange, parse_reply, raw_request, response_complete

MAX_RESTARTS = 12


@dataclass
class Failure:
    cause: str
    method: str
    pattern: str
    actor: str
    input: str
    status: str
    body: str
    request_id: str
    log: str = ""


class Battery:
    def __init__(self, start_server, tmp_path, routes):
        self.start_server, self.tmp_path, self.routes = start_server, tmp_path, routes
        self.matcher = RouteMatcher(routes)
        self.failures, self.sent, self.covered, self.restarts = [], 0, set(), 0
        self.quarantined, self.skipped, self.closed_big_heads = {}, Counter(), 0
        self.statuses, self.by_actor, self.by_tier, self.by_category, self.sessions_ended = Counter(), Counter(), Counter(), Counter(), []
        self.servers, self.site, self.reached_pairs = [], SiteMap(), Counter()
        self.start()

    def start(self):
        self.health_socket = None
        self.server = self.start_server(self.tmp_path / f"data-{len(self.servers)}", "--demo")
        self.servers.append(self.server)
        self.actors = make_actors(self.server)

    # One request --------------------------------------------------------------------------------
    def send(self, actor, method, pattern, target: Target, label, tier, query=b"", headers=None, body=None, big_head=False, category="baseline"):
        """Sends one hostile request and checks the answer and the process. Returns the reply (None
        if there was none) and the actor to go on with (a new one after a restart)."""
        api = pattern.startswith("/api/")
        if label in self.quarantined:
            self.skipped[label] += 1
            return None, actor
        self.sent += 1
        self.covered.add((method, pattern))
        self.by_actor[actor.name] += 1
        self.by_tier[tier] += 1
        self.by_category[category] += 1
        request_id = f"hostile-{self.sent:06d}"
        # Web posts carry this site's Origin, as a browser's do (the form-token check refuses any without).
        origin = {"Origin": self.server.base_url} if method != "GET" and not api else {}
        request = raw_request(self.server.port, method, target.path.encode() + (b"?" + query if query else b""),
                              {"X-Request-Id": request_id, **actor.headers(api), **origin, **(headers or {})}, body)
        reply, problem, stopped = None, "", None
        try:
            reply = exchange(self.server.port, request)
        except (NoReply, OSError) as error:
            problem = str(error) or type(error).__name__
            if self.healthz() != 200:
                stopped = self.stopping()
        if stopped is None and self.server.process.poll() is not None:
            stopped = f"exit {self.server.process.returncode}"
        if stopped:
            self.fail("the server stopped", method, pattern, actor, label, f"{stopped}: {problem}", b"", request_id,
                      log=self.log_tail(self.server, 40))
            self.quarantined[label] = (method, pattern, actor.name)
            if self.restarts >= MAX_RESTARTS:
                raise RuntimeError(f"the server stopped {self.restarts + 1} times; giving up")
            self.restarts += 1
            self.start()
            self.explore()
            return None, next(a for a in self.actors if a.name == actor.name)
        if reply is None:
            if big_head:
                self.closed_big_heads += 1
            else:
                self.fail("no HTTP answer", method, pattern, actor, label, problem, b"", request_id)
        else:
            self.statuses[reply.status] += 1
            self.judge(reply, method, pattern, actor, label, request_id, api)
        health = self.healthz()
        if health != 200:
            self.fail("/healthz not 200 after the request", method, pattern, actor, label, str(health), b"", request_id)
        return reply, actor

    def stopping(self):
        """After a request without an answer and a failed /healthz: how the process ended (a
        crashing Swift process prints its backtrace first, which takes a few seconds), or None if
        it answers again. One that neither ends nor answers within 30 s is killed."""
        try:
            return f"exit {self.server.process.wait(timeout=30)}"
        except subprocess.TimeoutExpired:
            if self.healthz() == 200:
                return None
            self.server.process.kill()
            self.server.process.wait()
            return "alive but not answering for 30 s (killed)"

    def healthz(self):
        """GET /healthz over one kept-alive connection (opened again when it has been closed)."""
        for attempt in range(2):
            try:
                if self.health_socket is None:
                    self.health_socket = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
                self.health_socket.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % self.server.port)
                data = bytearray()
                while not response_complete(data):
                    chunk = self.health_socket.recv(65536)
                    if not chunk:
                        raise ConnectionError("connection closed")
                    data += chunk
                return parse_reply(bytes(data)).status
            except OSError as error:
                if self.health_socket:
                    self.health_socket.close()
                self.health_socket = None
                if attempt:
                    return f"no answer: {error}"

    def judge(self, reply, method, pattern, actor, label, request_id, api):
        status, kind = reply.status, reply.headers.get("content-type", "")
        if status >= 500 and status != 503:
            self.fail(f"{status} server error", method, pattern, actor, label, status, reply.body, request_id)
        elif not 400 <= status < 500:
            return
        elif kind.startswith("application/problem+json"):
            try:
                problem = json.loads(reply.body)
                ok = (problem.get("status") == status and problem.get("type") == "about:blank" and isinstance(problem.get("title"), str)
                      and problem.get("requestId") == request_id)
            except (ValueError, AttributeError):
                ok = False
            if not ok:
                self.fail("problem+json without its documented fields", method, pattern, actor, label, status, reply.body, request_id)
        elif api:
            self.fail("a 4xx under /api/ that is not application/problem+json", method, pattern, actor, label, f"{status} {kind}", reply.body, request_id)
        elif not (kind.startswith("text/html") and b"<html" in reply.body[:2000].lower()):
            self.fail("a 4xx that is neither an HTML page nor problem+json", method, pattern, actor, label, f"{status} {kind}", reply.body, request_id)

    def fail(self, cause, method, pattern, actor, label, status, body, request_id, log=""):
        self.failures.append(Failure(cause, method, pattern, actor.name, label, str(status),
                                     body[:200].decode("utf-8", "replace"), request_id, log))

    @staticmethod
    def log_tail(server, lines):
        try:
            return "\n".join(server.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError as error:
            return f"(log unreadable: {error})"

    # The plan -----------------------------------------------------------------------------------
    def explore(self):
        """What the actors' pages show on this server, after the warm-up's records are made."""
        self.site = SiteMap()
        for actor in self.actors:
            home = ["/home" if actor.bearer else "/sign-in"]
            crawl(self.server, actor, self.matcher, self.site, home)
            if actor.bearer:
                crawl(self.server, actor, self.matcher, self.site, warm_up(self.server, actor, self.site) + home)

    def run(self):
        self.explore()
        inputs = corpus()
        ordered = sorted(self.routes, key=lambda r: ("sign-out" in r[1], r[1], r[0]))
        for index in range(len(self.actors)):
            actor, reached = self.actors[index], {}
            for method, pattern in ordered:
                if "sign-out" not in pattern:
                    reached[method, pattern], actor = self.baseline(actor, method, pattern)
            representatives = self.representatives(ordered, reached)
            for method, pattern in ordered:
                if "sign-out" in pattern:
                    reached[method, pattern], actor = self.baseline(actor, method, pattern)
                self.reached_pairs[actor.name] += reached[method, pattern]
                actor = self.route(actor, method, pattern, inputs, reached[method, pattern], (method, pattern) in representatives)
                if method == "POST" and actor.bearer and "sign-out" not in pattern:
                    actor = self.keep_signed_in(actor, method, pattern)

    def keep_signed_in(self, actor, method, pattern):
        """After a post route: signs the actor in again if one of its requests ended the session."""
        home = requests.get(self.server.base_url + "/home", headers={"Cookie": actor.cookie}, allow_redirects=False, timeout=10)
        if home.status_code >= 500 and home.status_code != 503:
            self.fail(f"{home.status_code} server error", "GET", "/home", actor, f"session check after {method} {pattern}",
                      home.status_code, home.content, home.headers.get("X-Request-Id", ""))
        elif home.status_code != 200:
            self.sessions_ended.append(f"{actor.name}: {method} {pattern} ({home.status_code})")
            actor.cookie, actor.token = web_session(self.server, PATIENT if actor.name == "patient" else THERAPIST)
        return actor

    def baseline(self, actor, method, pattern):
        """The route as the actor reaches it, with real parameters and harmless input: whether
        the handler takes it (a page for a GET; for a post anything but a refusal as
        signed-out, as missing or for the form token)."""
        target = self.target(actor, method, pattern)
        if method == "GET":
            reply, actor = self.send(actor, method, pattern, target, "baseline: real parameters", "core")
            return reply is not None and 200 <= reply.status < 300, actor
        headers, body = urlencoded(form(defaults(target), target, True))
        reply, actor = self.send(actor, method, pattern, target, "baseline: the form's own values with the token", "core", headers=headers, body=body)
        if reply is None:
            return False, actor
        refused = reply.status in (401, 404, 409) or reply.headers.get("location", "").startswith("/sign-in")
        return pattern.startswith("/api/") or not refused, actor

    @staticmethod
    def representatives(ordered, reached):
        chosen = set()
        for method in ("GET", "POST"):
            web = [p for m, p in ordered if m == method and reached.get((m, p)) and not p.startswith("/api/") and "sign-out" not in p]
            api = [p for m, p in ordered if m == method and p.startswith("/api/")]
            chosen.update((method, p) for p in web[:2] + api[:1])
        return chosen

    def target(self, actor, method, pattern, parameters=None) -> Target:
        values = {s[1:]: self.real_value(actor, s[1:]) for s in segments(pattern) if s.startswith(":")}
        values.update(parameters or {})
        path = "/" + "/".join(values[s[1:]] if s.startswith(":") else {"*": "x", "**": "x/y"}.get(s, s) for s in segments(pattern))
        if method == "GET":
            names = self.site.route_queries.get(pattern) or self.site.query_names
            fields = [(n, "") for n in sorted(names | {"next"})]
        else:
            known = self.site.forms.get(pattern)
            fields = list(known.items()) if known else [(n, "") for n in GENERIC_FIELDS]
        kinds = self.site.kinds.get(pattern, {})
        text = next((n for n, _ in fields if kinds.get(n) == "textarea"), None) or \
            next((n for n, _ in fields if kinds.get(n, "text") == "text"), None) or fields[0][0]
        return Target(method, pattern, path, fields, text, "" if pattern.startswith("/api/") else actor.token)

    def real_value(self, actor, name):
        for values in [self.site.params[actor.name], *self.site.params.values()]:
            if name in values:
                return values[name]
        return RANDOM_UUID

    def route(self, actor, method, pattern, inputs, reached, representative):
        web_post = method == "POST" and not pattern.startswith("/api/")
        # Path parameters: random, malformed and (where the actor reaches the route) more.
        for name in [s[1:] for s in segments(pattern) if s.startswith(":")]:
            variants = list(PATH_VALUES)
            if reached:
                real = self.real_value(actor, name)
                variants += PATH_VALUES_REACHED
                if DATE_IN_VALUE.search(real):
                    variants += [(f"the real one with {d}", DATE_IN_VALUE.sub(d, real, 1)) for d in ("0001-01-01", "9999-12-31", "2026-02-30")]
            for label, value in variants:
                target = self.target(actor, method, pattern, {name: value})
                headers, body = ({}, None) if method == "GET" else urlencoded(form(defaults(target), target, True))
                _, actor = self.send(actor, method, pattern, target, f"path :{name} = {label}", "core", headers=headers, body=body,
                                     category="path parameter")
        # The corpus.
        takes_query = pattern in self.site.route_queries
        spread_values = []
        if reached and web_post:
            spread_values = spread([v for v in VALUES if v[1] not in IN_EVERY_FIELD], self.target(actor, method, pattern))
        elif reached and method == "GET":
            every_name = replace(self.target(actor, method, pattern), fields=[(n, "") for n in sorted(self.site.query_names)])
            spread_values = spread(VALUES, every_name)
        for hostile in inputs + spread_values:
            if method not in hostile.methods or {
                    "core": False, "reached": not reached, "query": not (reached and takes_query), "representative": not representative}[hostile.tier]:
                continue
            for with_token in hostile.tokens if web_post else hostile.tokens[-1:]:
                target = self.target(actor, method, pattern)
                query, headers, body = hostile.build(target, with_token)
                label = hostile.name + ((" (with the token)" if with_token else " (no token)") if web_post else "")
                _, actor = self.send(actor, method, pattern, target, label, hostile.tier, query=query, headers=headers, body=body,
                                     big_head=hostile.big_head, category=hostile.category)
        return actor

    # Reporting ----------------------------------------------------------------------------------
    def server_lines(self, failure):
        found = []
        for server in self.servers:
            try:
                found += [line for line in server.log_path.read_text(errors="replace").splitlines()
                          if failure.request_id and f'"{failure.request_id}"' in line and '"msg":"request"' not in line]
            except OSError:
                pass
        return "\n".join(found)

    def report(self) -> str:
        groups = defaultdict(list)
        for failure in self.failures:
            groups[failure.cause].append(failure)
        out = []
        for cause, items in sorted(groups.items(), key=lambda group: -len(group[1])):
            out.append(f"== {cause}: {len(items)}")
            for f in items:
                out.append(f"  {f.method} {f.pattern} as {f.actor}: {f.input} -> {f.status} [{f.request_id}] {f.body!r}")
                out += ["      | " + line[:400] for line in (f.log or self.server_lines(f)).splitlines()]
        for label, (method, pattern, actor) in self.quarantined.items():
            out.append(f"not sent again after it stopped the server ({method} {pattern} as {actor}): {label}; {self.skipped[label]} sends skipped")
        return "\n".join(out)

    def summary(self, seconds) -> str:
        return "\n".join([
            f"hostile-input battery: {self.sent} requests in {seconds:.0f} s (each followed by GET /healthz)",
            f"routes covered: {len(self.covered)} of {len(self.routes)} registered METHOD /path pairs",
            f"actors: {len(self.by_actor)} (requests: {dict(self.by_actor)}; routes each reaches: {dict(self.reached_pairs)})",
            f"requests by tier: {dict(self.by_tier)}",
            f"requests by category: {dict(sorted(self.by_category.items()))}",
            f"pages crawled for real ids and forms: {dict(self.site.pages)}; forms found for {len(self.site.forms)} posts; "
            f"GET routes linked with a query: {len(self.site.route_queries)}; query parameters known: {len(self.site.query_names)}; "
            f"records made for real ids: {self.site.made}",
            f"answers by status: {dict(sorted(self.statuses.items()))}",
            f"request heads over {HEAD_LIMIT // 1024} KiB closed without an answer (allowed): {self.closed_big_heads}",
            f"server restarts after a stop: {self.restarts}; sends skipped for inputs that stopped it: {sum(self.skipped.values())}",
            f"sessions that ended on a route that is not sign-out (signed in again): {self.sessions_ended or 'none'}",
            f"failures: {len(self.failures)} {dict(Counter(f.cause for f in self.failures))}",
        ])
