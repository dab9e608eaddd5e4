"""Fixtures for end-to-end tests: the real `mentalize` binary on a free loopback port, headless
Chromium through the Debian driver, and throw-away PostgreSQL databases."""
import os
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests-e2e" / "artifacts"


# The demo's patients: the twelve named ones the walk-throughs use, and the two-year cohort of 48
# behind the lead's outcome figures (DemoCohort.size).
DEMO_PATIENTS = 12 + 48

def mentalize_binary() -> str:
    path = os.environ.get("MENTALIZE_BIN", str(REPO / ".build" / "debug" / "mentalize"))
    if not Path(path).is_file():
        pytest.fail(f"mentalize binary not found at {path}: run `swift build` first or set MENTALIZE_BIN")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sqlite_environment() -> dict:
    """The environment without DATABASE_URL, so a server uses SQLite unless a test passes a URL."""
    return {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "MENTALIZE_DATABASE_URL")}


class Server:
    """A running `mentalize serve` process."""

    def __init__(self, data_dir: Path, extra_args=(), env=None):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.log_path = data_dir.parent / f"serve-{self.port}.log"
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [mentalize_binary(), "serve", "--port", str(self.port), "--data-dir", str(data_dir), *extra_args],
            stdout=subprocess.PIPE, stderr=self._log, text=True, env=env or sqlite_environment(),
        )
        self.banner = self._wait_until_healthy()

    def _wait_until_healthy(self) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                out = self.process.stdout.read() if self.process.stdout else ""
                raise RuntimeError(f"server exited early ({self.process.returncode}): {out}\n{self.log_path.read_text()}")
            try:
                if requests.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not become healthy within 60 s")
        lines = []
        os.set_blocking(self.process.stdout.fileno(), False)
        try:
            for line in self.process.stdout:
                lines.append(line)
        except (BlockingIOError, TypeError):
            pass
        return "".join(lines)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def demo_server(data_dir):
    server = Server(data_dir, extra_args=["--demo"])
    yield server
    server.stop()


@pytest.fixture
def start_server():
    started = []

    def start(data_dir: Path, *args, env=None) -> Server:
        server = Server(data_dir, extra_args=args, env=env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(arg)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    yield driver
    driver.quit()


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database on the server named by DATABASE_URL."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        if os.environ.get("MENTALIZE_REQUIRE_POSTGRES") == "1":
            pytest.fail("DATABASE_URL must name a PostgreSQL server for this run")
        pytest.skip("DATABASE_URL does not name a PostgreSQL server")
    name = "e2e_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", base, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    prefix, _, _ = base.rpartition("/")
    yield f"{prefix}/{name}"
    subprocess.run(["psql", base, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)


def screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path
