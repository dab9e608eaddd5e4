"""Raw-socket HTTP: hostile requests go on the wire exactly as written, which `requests` and
urllib3 do not allow (they re-encode or refuse invalid percent-encoding and control bytes)."""
import re
import selectors
import socket
import time
from dataclasses import dataclass

HOSTILE_SOURCE = "127.0.0.2"
REQUEST_TIMEOUT = 30


@dataclass
class Reply:
    status: int
    headers: dict
    body: bytes


class NoReply(Exception):
    pass


def response_complete(data: bytearray) -> bool:
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return False
    head = bytes(data[:end]).lower()
    length = re.search(rb"\r\ncontent-length:\s*(\d+)", head)
    if length:
        return len(data) - end - 4 >= int(length.group(1))
    if b"transfer-encoding: chunked" in head:
        return data.endswith(b"0\r\n\r\n")
    return False


def parse_reply(data: bytes) -> Reply:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    if headers.get("transfer-encoding", "").lower() == "chunked":
        out, rest = b"", body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            if size == 0:
                break
            out, rest = out + rest[:size], rest[size + 2:]
        body = out
    return Reply(status, headers, body)


def exchange(port: int, request: bytes, source: str = HOSTILE_SOURCE) -> Reply:
    """Sends `request` as is and reads the answer, reading while writing, so an early answer to a
    large body (413) is seen instead of blocking the write."""
    sock = socket.socket()
    sock.bind((source, 0))
    sock.settimeout(5)
    sock.connect(("127.0.0.1", port))
    sock.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
    view, sent, writing, received, closed = memoryview(request), 0, True, bytearray(), False
    deadline = time.monotonic() + REQUEST_TIMEOUT
    try:
        while not closed and not response_complete(received):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise NoReply(f"no answer within {REQUEST_TIMEOUT} s ({sent} of {len(request)} bytes sent)")
            for _, mask in selector.select(remaining):
                if mask & selectors.EVENT_READ:
                    try:
                        chunk = sock.recv(262_144)
                    except (ConnectionResetError, BrokenPipeError):
                        chunk = b""
                    closed = not chunk
                    received += chunk
                if mask & selectors.EVENT_WRITE and writing:
                    try:
                        sent += sock.send(view[sent:sent + 262_144])
                    except (BrokenPipeError, ConnectionResetError):
                        writing = False
                    if sent >= len(request):
                        writing = False
                    if not writing:
                        selector.modify(sock, selectors.EVENT_READ)
    finally:
        selector.close()
        sock.close()
    if b"\r\n\r\n" not in received:
        raise NoReply(f"connection closed without an answer ({sent} of {len(request)} bytes sent)")
    try:
        return parse_reply(bytes(received))
    except (ValueError, IndexError):
        raise NoReply(f"a malformed answer: {bytes(received[:120])!r}") from None


def raw_request(port, method: str, target: bytes, headers: dict, body) -> bytes:
    lines = [method.encode() + b" " + target + b" HTTP/1.1", b"Host: 127.0.0.1:%d" % port, b"Connection: close"]
    for name, value in headers.items():
        if value is None:
            continue
        lines.append(name.encode() + b": " + (value if isinstance(value, bytes) else value.encode()))
    if body is not None:
        if headers.get("Transfer-Encoding") == b"chunked":
            step = 1 << 20
            body = b"".join(b"%x\r\n" % len(body[i:i + step]) + body[i:i + step] + b"\r\n" for i in range(0, len(body), step)) + b"0\r\n\r\n"
        else:
            lines.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")
