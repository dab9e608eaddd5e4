"""Helpers for the go-live tests: `mentalize` processes that can be killed with SIGKILL and
restarted, served over http or https, on a chosen clock; the command line; an authenticator that
enrols staff and computes their codes on the app's clock (which MENTALIZE_CLOCK_START moves);
reading the outbox from SQLite or PostgreSQL; a throw-away PostgreSQL when DATABASE_URL names
none; and one accessibility check (screenshot at 390 and 1280 px, no sideways scrolling, axe)."""
import base64
import hashlib
import hmac
import os
import re
import signal
import sqlite3
import struct
import subprocess
import threading
import time
import urllib.parse
import uuid
from datetime import datetime
from pathlib import Path
from typing import Optional

import pytest
import requests
from axe_core_python.selenium import Axe
from selenium.webdriver.common.by import By

from conftest import ARTIFACTS, REPO, free_port, mentalize_binary, screenshot, sqlite_environment
from form_client import FormClient
from mail_fixtures import wait_until
from test_sign_in_flow import sign_in, submit_and_wait

# Saturday 21 November 2026, 23:37 in London (GMT): out of office hours until Monday 09:00.
OUT_OF_HOURS = "2026-11-21T23:37:00Z"
# Wednesday 18 November 2026, 10:00 in London: office hours (Mon–Fri 09:00–17:00).
IN_HOURS = "2026-11-18T10:00:00Z"


def run_cli(*args, stdin: Optional[str] = None, env=None, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([mentalize_binary(), *map(str, args)], input=stdin if stdin is not None else "",
                          capture_output=True, text=True, timeout=timeout, env=env or sqlite_environment())


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single line a start-up error prints; fails when stderr holds anything else."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected exactly one line on stderr, got {len(lines)}:\n{result.stderr[:3000]}"
    assert lines[0].startswith("mentalize: error: "), lines[0]
    return lines[0]


class LiveServer:
    """`mentalize serve` as an operator runs it, with stdout collected line by line."""

    def __init__(self, data_dir: Path, *args, clock_start: Optional[str] = None, port: Optional[int] = None, scheme: str = "http",
                 verify=True, database_url: Optional[str] = None, poll_seconds: float = 1, env_extra: Optional[dict] = None):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.base_url = f"{scheme}://127.0.0.1:{self.port}"
        self.verify = verify
        self.clock_start = clock_start
        env = sqlite_environment()
        env["MENTALIZE_OUTBOX_POLL_SECONDS"] = str(poll_seconds)
        if clock_start:
            env["MENTALIZE_CLOCK_START"] = clock_start
        env.update(env_extra or {})
        command = [mentalize_binary(), "serve", "--port", str(self.port), "--data-dir", str(self.data_dir), *map(str, args)]
        if database_url:
            command += ["--database-url", database_url]
        self.log_path = self.data_dir.parent / f"serve-{self.port}-{int(time.time() * 1000)}.log"
        self._log = open(self.log_path, "w")
        self.lines: list = []
        self.launched = time.time()
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self._log, text=True, env=env)
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self._wait_until_healthy()

    def _read_stdout(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def banner(self) -> str:
        return "\n".join(self.lines)

    def _wait_until_healthy(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early ({self.process.returncode}): {self.banner}\n{self.log_path.read_text()[-3000:]}")
            try:
                if requests.get(self.base_url + "/healthz", timeout=2, verify=self.verify).status_code == 200:
                    wait_until(lambda: any(line.startswith("Mentalize is starting") for line in self.lines), 10, "the start-up banner")
                    return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("server did not become healthy within 60 s")

    def app_now(self) -> float:
        """The app's clock (seconds since 1970): MENTALIZE_CLOCK_START plus the time since start."""
        if not self.clock_start:
            return time.time()
        start = datetime.fromisoformat(self.clock_start.replace("Z", "+00:00")).timestamp()
        return start + (time.time() - self.launched)

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=15)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


@pytest.fixture
def live():
    """Starts LiveServers and stops every one at the end of the test."""
    started = []

    def start(data_dir, *args, **kwargs) -> LiveServer:
        server = LiveServer(data_dir, *args, **kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def totp(secret_b32: str, at: float) -> str:
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


class Authenticator:
    """The staff's authenticator apps: keys learnt at enrolment, codes on the server's clock, never
    the same 30-second step twice for one person (the server refuses a replayed code)."""

    def __init__(self):
        self.secrets: dict = {}
        self.last_step: dict = {}

    def learn(self, username: str, otpauth_uri: str):
        uri = urllib.parse.urlparse(otpauth_uri)
        assert uri.scheme == "otpauth" and uri.netloc == "totp", otpauth_uri
        self.secrets[username] = urllib.parse.parse_qs(uri.query)["secret"][0]

    def code(self, username: str, server: LiveServer) -> str:
        last = self.last_step.get(username)
        if last is not None and int(server.app_now() // 30) <= last:
            # A new code appears every 30 s: nothing to poll, only to wait for the next step.
            time.sleep((last + 1) * 30 - server.app_now() + 0.5)
        now = server.app_now()
        self.last_step[username] = int(now // 30)
        return totp(self.secrets[username], now)


def sign_in_staff(browser, server: LiveServer, auth: Authenticator, username: str, password: str) -> bool:
    """Signs a member of staff in through the real pages; at their first sign-in they enrol an
    authenticator (the key read from the page's otpauth link). True when they enrolled."""
    browser.delete_all_cookies()
    sign_in(browser, server, username, password)
    assert browser.current_url.endswith("/sign-in/second-factor"), (browser.current_url, browser.find_element(By.TAG_NAME, "main").text[:500])
    links = browser.find_elements(By.CSS_SELECTOR, "a[href^='otpauth://']")
    if links:
        auth.learn(username, links[0].get_attribute("href"))
    browser.find_element(By.ID, "code").send_keys(auth.code(username, server))
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    if links:
        codes = browser.find_elements(By.CSS_SELECTOR, ".code-list code")
        assert len(codes) == 10, browser.find_element(By.TAG_NAME, "main").text[:500]
        browser.get(server.base_url + "/home")
    assert browser.current_url.endswith("/home"), browser.current_url
    return bool(links)


_OTPAUTH = re.compile(r'href="(otpauth://[^"]+)"')


def form_sign_in_staff(server: LiveServer, auth: Authenticator, username: str, password: str) -> FormClient:
    """The same sign-in through plain HTTP forms (for the many-requests tests)."""
    client = FormClient(server.base_url)
    client.get("/sign-in")
    response = client.post("/sign-in", {"username": username, "password": password})
    assert response.status_code == 303 and response.headers["Location"].endswith("/sign-in/second-factor"), (response.status_code, response.text[:300])
    page = client.get("/sign-in/second-factor")
    enrolment = _OTPAUTH.search(page.text)
    if enrolment:
        auth.learn(username, enrolment.group(1).replace("&amp;", "&"))
    response = client.post("/sign-in/second-factor", {"code": auth.code(username, server)})
    assert response.status_code in (200, 303), (response.status_code, response.text[:300])
    return client


def form_sign_in_patient(server: LiveServer, username: str, password: str) -> FormClient:
    client = FormClient(server.base_url)
    client.get("/sign-in")
    response = client.post("/sign-in", {"username": username, "password": password})
    assert response.status_code == 303 and response.headers["Location"].endswith("/home"), (response.status_code, response.headers.get("Location"))
    return client


def form_register_patient(client: FormClient, given: str, family: str, email: str) -> str:
    """Registers a patient (on the signed-in therapist's caseload); their id."""
    page = client.get("/patients/new")
    programme = re.search(r'name="programmeType" value="([^"]+)"[^>]*checked', page.text)
    assert programme, "the registration form preselects a programme type"
    response = client.post("/patients/new", {
        "givenName": given, "familyName": family, "dateOfBirth": "1991-04-12", "programmeType": programme.group(1),
        "identifierType": "", "identifierValue": "", "email": email, "source": "GP referral (synthetic)",
        "receivedOn": "2026-11-02", "reason": "Unstable relationships; asks for MBT.", "urgency": "routine"})
    assert response.status_code == 303, (response.status_code, re.findall(r'<li>([^<]+)</li>', response.text)[:5])
    return response.headers["Location"].rsplit("/", 1)[1]


def form_write_diary(client: FormClient, text: str) -> str:
    page = client.get("/me/diary/new")
    key = re.search(r'name="key" value="([^"]+)"', page.text).group(1)
    response = client.post("/me/diary/new", {"key": key, "whatHappened": text, "visibility": "private", "action": "save"})
    assert response.status_code == 303, (response.status_code, response.text[:300])
    return response.headers["Location"]


def full_page_screenshot(browser, name: str) -> Path:
    """The whole page, not only the window (Chromium's DevTools protocol)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": {
        "x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 8000), "scale": 1}})
    path = ARTIFACTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def check_page(browser, name: str, widths=(390, 1280), scroll_to: Optional[str] = None) -> list:
    """Photographs the whole page at each width (tests-e2e/artifacts/golive-NAME-WIDTH.png, or only
    the window scrolled to `scroll_to`), and fails on sideways scrolling or any axe violation."""
    problems, paths = [], []
    for width in widths:
        browser.set_window_size(width, 844 if width < 600 else 900)
        if scroll_to:
            browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", browser.find_element(By.CSS_SELECTOR, scroll_to))
            paths.append(screenshot(browser, f"golive-{name}-{width}"))
        else:
            paths.append(full_page_screenshot(browser, f"golive-{name}-{width}"))
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{name} scrolls sideways by {overflow}px at {width}px")
        violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in Axe().run(browser)["violations"]]
        if violations:
            problems.append(f"{name} at {width}px: axe {violations}")
    assert problems == [], problems
    return paths


def dom_order(browser, first, second) -> bool:
    """True when element `first` comes before `second` in the document."""
    return browser.execute_script("return !!(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING)", first, second)


# --- The database, read as an operator would ---------------------------------------------------

class Store:
    """Reads the installation's database: SQLite in the data directory, or PostgreSQL by URL."""

    def __init__(self, data_dir: Optional[Path] = None, url: Optional[str] = None):
        self.data_dir = data_dir
        self.url = url

    def rows(self, sql: str) -> list:
        if self.url:
            out = subprocess.run(["psql", self.url, "-X", "-q", "-A", "-t", "-F", "\t", "-c", sql], capture_output=True, text=True, check=True).stdout
            return [tuple(line.split("\t")) for line in out.splitlines() if line]
        with sqlite3.connect(self.data_dir / "mentalize.sqlite", timeout=10) as connection:
            return [tuple("" if v is None else str(v) for v in row) for row in connection.execute(sql).fetchall()]

    def outbox(self) -> list:
        keys = ("id", "kind", "channel", "recipient", "status", "attempts", "last_error", "claimed_by")
        return [dict(zip(keys, row)) for row in self.rows(
            "SELECT id, kind, channel, recipient, status, attempts, last_error, claimed_by FROM outbox ORDER BY created_at")]

    def wait_all_sent(self, expected: int, timeout: float = 60) -> list:
        def done():
            rows = self.outbox()
            return len(rows) == expected and all(r["status"] == "sent" for r in rows) and rows
        try:
            return wait_until(done, timeout, f"{expected} outbox rows, all sent", interval=0.3)
        except AssertionError as error:
            raise AssertionError(f"{error}: {self.outbox()}") from None


# --- PostgreSQL --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def postgres_server():
    """DATABASE_URL when it names PostgreSQL; otherwise a throw-away cluster for this session
    (scripts/throwaway-postgres), so the multi-node test never skips."""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        yield base
        return
    started = subprocess.run([str(REPO / "scripts" / "throwaway-postgres"), "start"], capture_output=True, text=True)
    assert started.returncode == 0, f"could not start a throw-away PostgreSQL: {started.stderr}"
    values = dict(re.findall(r"export (\w+)=(\S+)", started.stdout))
    yield values["DATABASE_URL"]
    subprocess.run([str(REPO / "scripts" / "throwaway-postgres"), "stop", values["MENTALIZE_PG_DIR"]], capture_output=True)


@pytest.fixture
def fresh_postgres(postgres_server):
    name = "golive_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", postgres_server, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    prefix, _, _ = postgres_server.rpartition("/")
    yield f"{prefix}/{name}"
    subprocess.run(["psql", postgres_server, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)
