"""A small browser-like HTTP client for tests that need many signed-in people at once, which one
Chromium cannot be: it keeps its own cookies (the `__Host-` cookies are Secure, and `requests`
will not send those back over plain http on loopback), follows no redirects, and remembers the
last form token it saw so posts carry it."""
import re
import subprocess

import requests

from conftest import mentalize_binary

PASSWORD = "calm-harbour-demo-7"
_TOKEN = re.compile(r'name="_csrf" value="([^"]*)"')


class FormClient:
    def __init__(self, base_url: str, env=None):
        self.base_url = base_url
        self.env = env
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def request(self, method: str, path: str, data=None, headers=None, timeout=60) -> requests.Response:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(method, self.base_url + path, data=data, headers=headers, allow_redirects=False, timeout=timeout)
        for header in response.raw.headers.getlist("Set-Cookie"):
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value:
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        match = _TOKEN.search(response.text) if "html" in response.headers.get("Content-Type", "") else None
        if match:
            self.csrf = match.group(1)
        return response

    def get(self, path: str) -> requests.Response:
        return self.request("GET", path)

    def post(self, path: str, fields: dict) -> requests.Response:
        """Posts a form as a browser does: with the token and this site's Origin."""
        return self.request("POST", path, data={"_csrf": self.csrf, **fields}, headers={"Origin": self.base_url})

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        """Signs in through the forms, with the demo second factor for staff."""
        self.get("/sign-in")
        response = self.post("/sign-in", {"username": username, "password": password})
        assert response.status_code == 303, (response.status_code, response.text[:300])
        if response.headers["Location"].endswith("/sign-in/second-factor"):
            self.get("/sign-in/second-factor")
            code = subprocess.run([mentalize_binary(), "demo", "--totp-code", username], capture_output=True, text=True, check=True, env=self.env).stdout.strip()
            response = self.post("/sign-in/second-factor", {"code": code})
            assert response.status_code == 303, (response.status_code, response.text[:300])
