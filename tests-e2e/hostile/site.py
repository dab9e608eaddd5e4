"""The site as the actors see it: signing in, the routes `mentalize routes` lists, and what the
actors' pages show (real ids, form fields, query parameters)."""
import html.parser
import re
import subprocess
import time
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import requests

from conftest import mentalize_binary, sqlite_environment
from form_client import PASSWORD, FormClient

SESSION_COOKIE = "__Host-mentalize-session"
CSRF_COOKIE = "__Host-mentalize-csrf"
PATIENT = "patient.avery@demo.invalid"
THERAPIST = "therapist.ash@demo.invalid"
# The therapist's API token is Birch's: a TOTP code is accepted once per account, and Ash's web
# sign-in has just used Ash's.
API_THERAPIST = "therapist.birch@demo.invalid"
# Query parameters the handlers read today (`grep request.query Sources`); the crawl adds every
# other one the pages' links and GET forms use.
QUERY_NAMES = {"next", "week", "from", "to", "item", "instrument", "patientID", "added", "sent", "deleted", "support", "notYet",
               "user", "patient", "action", "breakGlass", "before", "after"}


# --- The actors ---------------------------------------------------------------------------------
@dataclass
class Actor:
    name: str
    cookie: str = ""          # the Cookie header for web routes
    token: str = ""           # the form token of the actor's pages
    bearer: str = ""          # the API token

    def headers(self, api: bool) -> dict:
        if api:
            return {"Authorization": f"Bearer {self.bearer}"} if self.bearer else {}
        return {"Cookie": self.cookie} if self.cookie else {}


def web_session(server, username):
    """Signs in through the forms (staff with the demo second factor); returns the Cookie header
    and the session's form token."""
    for attempt in range(2):
        client = FormClient(server.base_url, env=sqlite_environment())
        try:
            client.sign_in(username)
            break
        except AssertionError:
            if attempt:
                raise
            # This 30-second step's code was used already (a code is accepted once): the next one.
            time.sleep(31 - time.time() % 30)
    home = client.get("/home")
    assert home.status_code == 200, home.status_code
    return "; ".join(f"{name}={value}" for name, value in client.cookies.items()), client.csrf


def api_token(server, username, staff: bool):
    body = {"username": username, "password": PASSWORD}
    if staff:
        body["totpCode"] = subprocess.run([mentalize_binary(), "demo", "--totp-code", username], capture_output=True, text=True,
                                          check=True, env=sqlite_environment()).stdout.strip()
    answer = requests.post(server.base_url + "/api/v1/auth/token", json=body, timeout=30)
    assert answer.status_code == 201, answer.text
    return answer.json()["token"]


def make_actors(server) -> list:
    client = FormClient(server.base_url)
    client.get("/sign-in")
    anonymous = Actor("anonymous", cookie=f"{CSRF_COOKIE}={client.cookies[CSRF_COOKIE]}", token=client.cookies[CSRF_COOKIE])
    patient = Actor("patient", *web_session(server, PATIENT), bearer=api_token(server, PATIENT, False))
    therapist = Actor("therapist", *web_session(server, THERAPIST), bearer=api_token(server, API_THERAPIST, True))
    return [anonymous, patient, therapist]


# --- Routes and what the pages show -------------------------------------------------------------
def registered_routes(tmp_path) -> list:
    listed = subprocess.run([mentalize_binary(), "routes", "--data-dir", str(tmp_path / "routes-data")],
                            capture_output=True, text=True, env=sqlite_environment())
    assert listed.returncode == 0, listed.stderr
    routes = [tuple(line.split(" ", 1)) for line in listed.stdout.splitlines() if line.strip()]
    assert len(routes) > 50 and ("POST", "/sign-in") in routes, listed.stdout
    return routes


def segments(pattern):
    return [s for s in pattern.split("/") if s]


def pattern_regex(pattern):
    parts = []
    for segment in segments(pattern):
        if segment.startswith(":"):
            parts.append(f"(?P<{segment[1:]}>[^/]+)")
        elif segment == "*":
            parts.append("[^/]+")
        elif segment == "**":
            parts.append(".+")
        else:
            parts.append(re.escape(segment))
    return re.compile("^/" + "/".join(parts) + "$")


class RouteMatcher:
    def __init__(self, routes):
        # Literal segments win over parameters, as in Vapor's router.
        self.routes = sorted(((m, p, pattern_regex(p)) for m, p in routes),
                             key=lambda r: -sum(1 for s in segments(r[1]) if not s.startswith(":") and "*" not in s))

    def match(self, method, path):
        for m, pattern, regex in self.routes:
            found = regex.match(path)
            if m == method and found:
                return pattern, found.groupdict()
        return None, {}


class PageReader(html.parser.HTMLParser):
    """Links, forms (action, method, fields with their first value) of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.forms, self._form, self._select, self._textarea = [], [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = {"action": a.get("action") or "", "method": (a.get("method") or "get").upper(), "fields": {}, "kinds": {}}
            self.forms.append(self._form)
        elif self._form is not None and a.get("name"):
            name = a["name"]
            if tag == "input" and a.get("type") in ("checkbox", "radio") and name in self._form["fields"]:
                return
            if tag in ("input", "button"):
                self._form["fields"].setdefault(name, a.get("value") or ("on" if a.get("type") == "checkbox" else ""))
                self._form["kinds"].setdefault(name, a.get("type") or "text")
            elif tag == "select":
                self._form["fields"].setdefault(name, None)
                self._form["kinds"].setdefault(name, "select")
                self._select = name
            elif tag == "textarea":
                self._form["fields"].setdefault(name, "")
                self._form["kinds"].setdefault(name, "textarea")
                self._textarea = name
        elif tag == "option" and self._form is not None and self._select and self._form["fields"].get(self._select) is None:
            self._form["fields"][self._select] = a.get("value") or ""

    def handle_data(self, data):
        if self._textarea and self._form is not None and not self._form["fields"][self._textarea]:
            self._form["fields"][self._textarea] = data.strip()

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@dataclass
class SiteMap:
    """What the actors' pages show: real parameter values, form fields and query names."""
    params: dict = field(default_factory=lambda: defaultdict(dict))        # actor -> param -> value
    forms: dict = field(default_factory=dict)                              # POST pattern -> {name: default}
    kinds: dict = field(default_factory=dict)                              # POST pattern -> {name: input type}
    actions: dict = field(default_factory=lambda: defaultdict(dict))       # actor -> form action URL -> POST pattern
    query_names: set = field(default_factory=lambda: set(QUERY_NAMES))    # every query parameter known
    route_queries: dict = field(default_factory=dict)                      # GET pattern -> the query parameters linked
    pages: Counter = field(default_factory=Counter)
    made: list = field(default_factory=list)                               # records the warm-up made


def crawl(server, actor, matcher, site, start, limit=150, per_pattern=2):
    """Walks the actor's pages (GET only, a few per route) for real parameter values, the fields
    of the forms and the query parameters the links and GET forms use."""
    queue, seen, per = list(start), set(), Counter()
    while queue and site.pages[actor.name] < limit:
        url = queue.pop(0)
        pattern, values = matcher.match("GET", url.split("?")[0])
        if url in seen or pattern is None or per[pattern] >= per_pattern:
            continue
        seen.add(url)
        per[pattern] += 1
        for name, value in values.items():
            site.params[actor.name].setdefault(name, value)
        page = requests.get(server.base_url + url, headers=actor.headers(False), allow_redirects=False, timeout=30)
        site.pages[actor.name] += 1
        if "text/html" not in page.headers.get("content-type", ""):
            continue
        reader = PageReader()
        reader.feed(page.text)
        for href in reader.links:
            href = urllib.parse.urljoin(url, href).split("#")[0]
            if href.startswith("/") and not href.startswith("//"):
                names = set(urllib.parse.parse_qs(urllib.parse.urlsplit(href).query, keep_blank_values=True))
                linked, _ = matcher.match("GET", href.split("?")[0])
                if names and linked:
                    site.query_names.update(names)
                    site.route_queries.setdefault(linked, set()).update(names)
                queue.append(href)
        for found in reader.forms:
            action = urllib.parse.urljoin(url, found["action"] or url).split("#")[0]
            names = {n for n in found["fields"] if n != "_csrf"}
            if found["method"] == "GET":
                searched, _ = matcher.match("GET", action.split("?")[0])
                if searched:
                    site.query_names.update(names)
                    site.route_queries.setdefault(searched, set()).update(names)
                continue
            post_pattern, post_values = matcher.match("POST", action.split("?")[0])
            if post_pattern is None:
                continue
            site.actions[actor.name][action] = post_pattern
            for name, value in post_values.items():
                site.params[actor.name].setdefault(name, value)
            fields, kinds = site.forms.setdefault(post_pattern, {}), site.kinds.setdefault(post_pattern, {})
            for name in names:
                fields.setdefault(name, found["fields"][name] or "")
                kinds.setdefault(name, found["kinds"].get(name, "text"))


def warm_up(server, actor, site) -> list:
    """Sends, once and well-formed, each form the actor's pages show for making a record (actions
    ending in /new or /start: a diary entry, a message, a measure response...), empty fields
    filled in by their type, so the routes that need such a record get real ids. Returns where
    the made records are."""
    filler = {"date": time.strftime("%Y-%m-%d"), "time": "10:00", "number": "1", "email": "warm-up@demo.invalid",
              "hidden": "", "checkbox": "on", "radio": "", "select": ""}
    made = []
    for action, pattern in site.actions[actor.name].items():
        if not re.search(r"/(new|start)$", action.split("?")[0]):
            continue
        kinds = site.kinds.get(pattern, {})
        data = {n: v or filler.get(kinds.get(n, "text"), "Written by the hostile-input battery before it starts.")
                for n, v in site.forms[pattern].items()}
        answer = requests.post(server.base_url + action, data={**data, "_csrf": actor.token},
                               headers={"Cookie": actor.cookie, "Origin": server.base_url}, allow_redirects=False, timeout=30)
        location = answer.headers.get("Location", "")
        if answer.status_code == 303 and location.startswith("/") and not location.startswith("/sign-in"):
            made.append(location)
            site.made.append(f"{actor.name}: POST {pattern}")
    return made
