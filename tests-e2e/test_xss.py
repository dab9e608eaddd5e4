"""Stored and reflected script payloads in every free-text field that pages show are rendered
as text in headless Chromium and never run."""
import subprocess
import urllib.parse

from selenium.webdriver.common.by import By

from conftest import mentalize_binary, sqlite_environment
from test_sign_in_flow import sign_in

PAYLOADS = [
    '<script>window.__xss="script"</script>',
    '<img src=x onerror="window.__xss=\'img\'">',
    '"><svg onload="window.__xss=\'svg\'">',
    "';window.__xss='quote';'",
]


def assert_inert(browser):
    assert browser.execute_script("return window.__xss === undefined"), browser.execute_script("return window.__xss")
    assert browser.find_elements(By.CSS_SELECTOR, "img[src='x'], svg[onload]") == []


def test_a_display_name_full_of_markup_is_shown_as_text(demo_server, browser):
    # One account per payload: display names are limited to 100 characters, and each payload
    # is then checked on its own in the header. A patient's account names its record: the demo
    # patients still in assessment or referral (Finley, Gray, Harper, Indigo) have none yet.
    records = [f"00000000-de00-4000-8000-0000000000{suffix}" for suffix in ("ce", "cf", "d0", "d1")]
    for number, payload in enumerate(PAYLOADS):
        username = f"eve{number}@demo.invalid"
        result = subprocess.run(
            [mentalize_binary(), "user", "create", "--data-dir", str(demo_server.data_dir), "--username", username,
             "--name", "Eve " + payload, "--role", "patient", "--patient-id", records[number]],
            input="a perfectly long password 7\n", capture_output=True, text=True, env=sqlite_environment())
        assert result.returncode == 0, result.stderr
        browser.delete_all_cookies()
        sign_in(browser, demo_server, username, "a perfectly long password 7")
        assert browser.current_url.endswith("/home")
        assert_inert(browser)
        assert payload in browser.find_element(By.CSS_SELECTOR, ".site-nav__user").text


def test_reflected_fields_do_not_run(demo_server, browser):
    browser.delete_all_cookies()
    for payload in PAYLOADS:
        sign_in(browser, demo_server, payload, "wrong password 123")
        assert_inert(browser)
        assert browser.find_element(By.ID, "username").get_attribute("value") == payload
    browser.get(demo_server.base_url + "/no-such/" + urllib.parse.quote(PAYLOADS[1]))
    assert_inert(browser)
