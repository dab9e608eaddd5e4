"""A webhook receiver for Mentalize's tests: a real HTTP server on 127.0.0.1 that stores each POST.

Prints "PORT <n>" when ready. Each request is written to --out DIR as <n>.json with its path,
headers and body (base64-free: the body is text). --status CODE answers every request with CODE.
Stops when standard input closes.
"""
import argparse
import http.server
import json
import os
import sys
import threading


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--status", type=int, default=204)
    args = parser.parse_args()
    counter = {"n": 0}
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8", "replace")
            with lock:
                counter["n"] += 1
                number = counter["n"]
            record = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
            with open(os.path.join(args.out, f"{number}.json"), "w", encoding="utf-8") as handle:
                json.dump(record, handle)
            self.send_response(args.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
