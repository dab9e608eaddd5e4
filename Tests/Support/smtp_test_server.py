#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the e-mail client's tests.

Prints one line "PORT <n>" on stdout when it accepts connections, then serves until
SIGTERM or SIGINT, or until its standard input reaches end of file (so it stops
when the test process that started it dies). Each accepted message is written into --out as N.eml (the bytes as
received, after the server removed the dot-stuffing) and N.json (envelope, TLS and AUTH
facts, and the Subject/From/body as decoded by Python's email package).
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="directory for received messages")
    parser.add_argument("--starttls", action="store_true", help="offer STARTTLS")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte")
    parser.add_argument("--ca-out", help="write the test CA certificate (PEM) here")
    parser.add_argument("--cert-name", action="append", metavar="NAME",
                        help="name or IP address in the server certificate (repeatable; "
                             "default: localhost, 127.0.0.1 and ::1)")
    parser.add_argument("--auth", metavar="USER:PASSWORD", help="require AUTH (PLAIN and LOGIN)")
    parser.add_argument("--auth-exclude", action="append", default=[], metavar="MECHANISM",
                        help="do not offer this AUTH mechanism (repeatable)")
    parser.add_argument("--require-starttls", action="store_true", help="refuse commands before STARTTLS")
    parser.add_argument("--refuse", action="store_true", help="answer 550 to RCPT TO")
    parser.add_argument("--tempfail", action="store_true", help="answer 451 at the end of DATA")
    return parser.parse_args()


def make_tls_context(ca_out, names):
    import trustme

    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*(names or ["localhost", "127.0.0.1", "::1"])).configure_cert(context)
    if ca_out:
        ca.cert_pem.write_to_path(ca_out)
    return context


class Authenticator:
    def __init__(self, user, password):
        self.login = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        valid = (isinstance(auth_data, LoginPassword)
                 and auth_data.login == self.login and auth_data.password == self.password)
        if valid:
            session.test_auth_mechanism = mechanism
        return AuthResult(success=valid, handled=False, auth_data=auth_data)


class Handler:
    def __init__(self, out_dir, refuse, tempfail):
        self.out_dir = out_dir
        self.refuse = refuse
        self.tempfail = tempfail
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.1.1 Recipient refused by the test server"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.tempfail:
            return "451 4.3.0 Temporary failure in the test server, try again later"
        self.count += 1
        raw = envelope.original_content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        facts = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "auth_login": session.auth_data.login.decode() if session.authenticated else None,
            "auth_mechanism": getattr(session, "test_auth_mechanism", None),
            "subject": str(parsed["subject"]),
            "from": str(parsed["from"]) if parsed["from"] else None,
            "body": parsed.get_content(),
        }
        base = os.path.join(self.out_dir, str(self.count))
        write_atomically(base + ".eml", raw)
        write_atomically(base + ".json", json.dumps(facts).encode())
        return "250 2.0.0 Message accepted"


def write_atomically(path, data):
    with open(path + ".tmp", "wb") as file:
        file.write(data)
    os.replace(path + ".tmp", path)


async def serve(args):
    tls_context = make_tls_context(args.ca_out, args.cert_name) if args.starttls or args.implicit_tls else None
    handler = Handler(args.out, args.refuse, args.tempfail)
    authenticator = Authenticator(*args.auth.split(":", 1)) if args.auth else None
    loop = asyncio.get_running_loop()

    def make_protocol():
        return SMTP(
            handler,
            hostname="smtp.test",
            tls_context=tls_context if args.starttls else None,
            require_starttls=args.require_starttls,
            auth_required=authenticator is not None,
            auth_require_tls=not args.implicit_tls,
            authenticator=authenticator,
            auth_exclude_mechanism=args.auth_exclude,
            loop=loop,
        )

    server = await loop.create_server(
        make_protocol, host="127.0.0.1", port=0,
        ssl=tls_context if args.implicit_tls else None)
    stop = asyncio.Event()
    # A parent's threads may block signals, and children inherit that mask.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    threading.Thread(target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(stop.set)), daemon=True).start()
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    await stop.wait()
    server.close()


if __name__ == "__main__":
    asyncio.run(serve(parse_args()))
