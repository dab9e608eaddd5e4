"""A new staff member enrols an authenticator in Chromium: the QR code on the page decodes (with
the third-party zxing-cpp reader) to an otpauth URI whose key produces a code the server accepts."""
import base64
import hashlib
import hmac
import io
import struct
import subprocess
import time
import urllib.parse

import zxingcpp
from axe_core_python.selenium import Axe
from PIL import Image
from selenium.webdriver.common.by import By

from conftest import mentalize_binary, screenshot, sqlite_environment
from test_sign_in_flow import sign_in, submit_and_wait


def totp(secret_b32, at=None):
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def test_enrolment_qr_code_scans_and_its_code_signs_in(demo_server, browser):
    made = subprocess.run(
        [mentalize_binary(), "user", "create", "--data-dir", str(demo_server.data_dir), "--username", "new.staff@demo.invalid",
         "--name", "New Staff", "--role", "therapist"],
        input="a perfectly long password 8\n", capture_output=True, text=True, env=sqlite_environment())
    assert made.returncode == 0, made.stderr
    browser.delete_all_cookies()
    browser.set_window_size(390, 1100)
    sign_in(browser, demo_server, "new.staff@demo.invalid", "a perfectly long password 8")
    assert browser.current_url.endswith("/sign-in/second-factor")
    qr = browser.find_element(By.CSS_SELECTOR, "img.qr")
    screenshot(browser, "enrolment-390")
    assert Axe().run(browser)["violations"] == []
    image = Image.open(io.BytesIO(qr.screenshot_as_png))
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1, "the QR code did not decode"
    uri = urllib.parse.urlparse(results[0].text)
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    assert urllib.parse.unquote(uri.path) == "/Mentalize:new.staff@demo.invalid"
    secret = urllib.parse.parse_qs(uri.query)["secret"][0]
    browser.find_element(By.ID, "code").send_keys(totp(secret))
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    codes = [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".code-list code")]
    assert len(codes) == 10
    screenshot(browser, "recovery-codes-390")
    assert Axe().run(browser)["violations"] == []
