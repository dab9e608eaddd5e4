"""No input stops the server or gets a server error. Every route `mentalize routes` lists, with
its method, is sent a fixed corpus of malformed input as three actors (anonymous, a patient and a
therapist) against the real binary on the demo data: invalid percent-encoding (`a=[`, `%`, `%zz`,
`%E9`), every ASCII punctuation character raw in a field, NUL and control bytes, invalid UTF-8,
a 1 MB field, bodies over the 1 MiB limit and of 10 MB, JSON nested 10,000 deep, huge, negative
and non-finite numbers, dates at years 0001 and 9999 and impossible ones, duplicate fields, wrong
content types, and path parameters that are real, a random UUID, `not-a-uuid`, `%00`, `..%2F..`
or 5,000 characters long. Form posts carry this site's Origin, as a browser's do, and go both
without a form token and with the actor's valid `_csrf` token in the otherwise hostile body, so
that the input reaches the handlers.

After every request the process must still run and /healthz answer 200; every answer must be
below 500 (or the documented 503), and every 4xx an HTML page or `application/problem+json` with
its documented fields, the request's id among them (always so under /api/, FHIR route included).
All failures are collected and reported together, with the server's log lines for them.

The corpus is fixed (no randomness). Real ids come from walking each actor's pages, after the
actor has sent each form for making a record (a diary entry, a message, a measure response...)
once, well-formed. To stay well under five minutes against the debug binary the corpus is
tiered; every category still reaches every route, method and actor:
- core, for every route, method and actor: the issue's four bodies without and with the token,
  and `a=[` as the issue's curl sent it (no Origin either); one request holding a value of each
  value category (percent-encoding, punctuation, controls, invalid UTF-8, numbers, dates) in a
  GET's query or a post's fields; duplicate fields; JSON nested 10,000 deep; a JSON object and a
  multipart body with the token; multipart garbage; no content type; a 1 MB field; a body over
  the limit; a form key nested 10,000 deep; and each path-parameter value above;
- reached, where the handler takes the actor's request (a GET that answers 2xx; a post not
  refused as signed-out, missing or for its token): every value of the corpus, in a post's own
  fields (those the actor's pages show for it; a chosen set as the value of every field at once,
  the rest spread over the fields, one per field and request) or spread over every query
  parameter known for a GET, and each in every query parameter the pages link a GET with; more
  JSON, multipart and charset bodies;
- representative: the other structural inputs (odd form keys, `_csrf` shapes, odd JSON and
  multipart, content types, cookie, bearer, Accept and Origin headers), 10 MB bodies (plain and
  chunked) and 64 KB and 1 MB queries go to the first two routes per method each actor reaches
  and to the first /api/ route. They are parsed before routing, by the same code whatever the
  route, so they need not go everywhere.
A request head over SwiftNIO's 80 KiB limit (the 1 MB query) may be closed without an answer;
that is counted, not failed. The sign-out routes run last for each actor: the first well-formed
one ends the session, and the rest of theirs run with the session just ended. The hostile
requests come from 127.0.0.2, so their failed sign-ins throttle that address and not the one
the actors sign in from. A server that stops (or stops answering) is replaced by one on fresh
demo data, the input that stopped it is not sent again (the skipped sends are counted), and the
battery goes on.

The hostile requests go over raw sockets: `requests` and urllib3 re-encode or refuse invalid
percent-encoding and control bytes. Counts and the time taken are printed and written to
artifacts/hostile-input-summary.txt."""
import time

from conftest import ARTIFACTS
from hostile.battery import Battery
from hostile.site import registered_routes


def test_no_hostile_input_stops_the_server_or_gets_a_server_error(start_server, tmp_path):
    started = time.monotonic()
    routes = registered_routes(tmp_path)
    battery = Battery(start_server, tmp_path, routes)
    try:
        battery.run()
    finally:
        summary, report = battery.summary(time.monotonic() - started), battery.report()
        print("\n" + summary)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "hostile-input-summary.txt").write_text(summary + "\n\n" + (report or "no failures") + "\n")
    assert battery.covered == set(routes), sorted(set(routes) - battery.covered)
    assert not battery.failures, f"{len(battery.failures)} failures:\n{report}"
