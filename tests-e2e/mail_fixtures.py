"""What a going-live installation talks to, run inside the test process: a real SMTP server
(aiosmtpd on 127.0.0.1, plain or offering STARTTLS) that keeps every message it accepts, and a
real HTTP webhook receiver that keeps every call with its headers. Both can be stopped and
started again on the same port (a mail server that is down for a while)."""
import asyncio
import email
import email.policy
import hashlib
import hmac
import json
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional

import pytest
from aiosmtpd.controller import Controller

from conftest import free_port

LINK = re.compile(r"https?://\S+")


def wait_until(predicate: Callable[[], object], timeout: float, what: str, interval: float = 0.1):
    """Polls `predicate` until it returns something truthy (which is returned); fails naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list
    raw: bytes
    tls: bool
    received_at: float
    parsed: email.message.EmailMessage = field(repr=False, default=None)

    @property
    def subject(self) -> str:
        return str(self.parsed["subject"])

    @property
    def to(self) -> str:
        return str(self.parsed["to"])

    @property
    def body(self) -> str:
        return self.parsed.get_content()

    @property
    def links(self) -> list:
        return LINK.findall(self.body)

    @property
    def link(self) -> str:
        links = self.links
        assert len(links) == 1, f"expected one link in {self.subject!r}: {links}"
        return links[0]

    def everything(self) -> str:
        """Headers and decoded body together: what a privacy check must search."""
        return self.raw.decode("utf-8", "replace") + "\n" + self.body


class _RecordingHandler:
    def __init__(self, sink, delay):
        self.sink = sink
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)  # a slow server: the sender holds its claim meanwhile
        raw = envelope.original_content or envelope.content
        self.sink(ReceivedMail(
            mail_from=envelope.mail_from, rcpt_tos=list(envelope.rcpt_tos), raw=raw,
            tls=server.transport.get_extra_info("ssl_object") is not None, received_at=time.monotonic(),
            parsed=email.message_from_bytes(raw, policy=email.policy.default)))
        return "250 2.0.0 Message accepted"


class MailServer:
    """aiosmtpd on 127.0.0.1:`port`; `tls_context` makes it offer (and require) STARTTLS; `delay`
    seconds pass before each message is accepted."""

    def __init__(self, port: Optional[int] = None, tls_context: Optional[ssl.SSLContext] = None, delay: float = 0):
        self.port = port or free_port()
        self.tls_context = tls_context
        self.delay = delay
        self._messages = []
        self._lock = threading.Lock()
        self._controller = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def _keep(self, message):
        with self._lock:
            self._messages.append(message)

    def start(self):
        assert self._controller is None, "already running"
        extra = {"tls_context": self.tls_context, "require_starttls": True} if self.tls_context else {}
        self._controller = Controller(_RecordingHandler(self._keep, self.delay), hostname="127.0.0.1", port=self.port,
                                      server_hostname="smtp.e2e.test", ready_timeout=10, **extra)
        self._controller.start()
        return self

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def messages(self) -> list:
        with self._lock:
            return list(self._messages)

    def with_subject(self, subject: str) -> list:
        return [m for m in self.messages if m.subject == subject]

    def wait_for(self, predicate: Callable[[ReceivedMail], bool], count: int = 1, timeout: float = 30, what: str = "an email") -> list:
        return wait_until(lambda: (found := [m for m in self.messages if predicate(m)]) and len(found) >= count and found,
                          timeout, f"{count} × {what} (have: {[m.subject for m in self.messages]})")


@dataclass
class WebhookCall:
    path: str
    headers: object  # http.client.HTTPMessage: names are case-insensitive
    body: bytes
    received_at: float

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    def signature_is_valid(self, key_hex: str) -> bool:
        timestamp = self.headers.get("X-Mentalize-Timestamp", "")
        expected = "sha256=" + hmac.new(bytes.fromhex(key_hex), timestamp.encode() + b"." + self.body, hashlib.sha256).hexdigest()
        return bool(timestamp) and hmac.compare_digest(expected, self.headers.get("X-Mentalize-Signature", ""))


class WebhookReceiver:
    """An HTTP server on 127.0.0.1 answering 204 to every POST (after `delay` seconds) and keeping
    what it got."""

    def __init__(self, delay: float = 0):
        self.calls = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                time.sleep(delay)
                with receiver._lock:
                    receiver.calls.append(WebhookCall(self.path, self.headers, body, time.monotonic()))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/mentalize-hook"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def received(self) -> list:
        with self._lock:
            return list(self.calls)

    def wait_for(self, count: int, timeout: float = 30) -> list:
        return wait_until(lambda: len(calls := self.received()) >= count and calls, timeout, f"{count} webhook call(s)")

    def stop(self):
        self._server.shutdown()
        self._server.server_close()


def port_is_closed(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def smtp_server():
    server = MailServer().start()
    yield server
    server.stop()


@pytest.fixture
def webhook():
    receiver = WebhookReceiver()
    yield receiver
    receiver.stop()
