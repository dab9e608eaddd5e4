"""Signing in and out in a real browser: the hardened session cookie works over the loopback
address, a wrong password gets a clear message, and staff are sent to the second factor."""
from axe_core_python.selenium import Axe
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import screenshot

PASSWORD = "calm-harbour-demo-7"


def replaced(element):
    """A wait condition: true once `element` has left the document (the next page replaced it).
    Chromium reports a node torn down mid-navigation either as stale or as not in the document."""
    def check(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def submit_and_wait(browser, button):
    """Clicks a submit button and waits until the next page has loaded."""
    page = browser.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(browser, 15).until(replaced(page))
    WebDriverWait(browser, 15).until(lambda b: b.execute_script("return document.readyState") == "complete")


def sign_in(browser, server, username, password):
    browser.get(server.base_url + "/sign-in")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))


def test_a_patient_signs_in_and_out_on_a_phone(demo_server, browser):
    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    assert browser.current_url.endswith("/home")
    assert "Avery Testpatient" in browser.page_source
    cookie = browser.get_cookie("__Host-mentalize-session")
    assert cookie and cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    screenshot(browser, "home-patient-390")
    assert Axe().run(browser)["violations"] == []
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"))
    assert browser.current_url.endswith("/sign-in")
    browser.get(demo_server.base_url + "/home")
    assert browser.current_url.endswith("/sign-in"), "signed out for real"


def test_a_wrong_password_shows_a_clear_message(demo_server, browser):
    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    sign_in(browser, demo_server, "patient.avery@demo.invalid", "not the right one")
    alert = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert "do not match" in alert.text
    screenshot(browser, "sign-in-error-390")
    assert Axe().run(browser)["violations"] == []
