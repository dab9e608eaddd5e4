"""The sign-in page in a real browser: renders, fits a phone, and passes axe with no violations."""
import pytest
from axe_core_python.selenium import Axe
from selenium.webdriver.common.by import By

from conftest import screenshot


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_sign_in_page_renders_fits_and_is_accessible(demo_server, browser, width, height):
    browser.set_window_size(width, height)
    browser.get(demo_server.base_url + "/sign-in")

    assert browser.title == "Sign in · Mentalize"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in to Mentalize"
    assert browser.find_element(By.ID, "username").is_displayed()
    assert browser.find_element(By.ID, "password").get_attribute("type") == "password"
    assert "Demo MBT Clinic" in browser.page_source
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    shot = screenshot(browser, f"sign-in-{width}")
    assert shot.stat().st_size > 5000

    results = Axe().run(browser)
    violations = [(v["id"], v["help"], len(v["nodes"])) for v in results["violations"]]
    assert violations == [], violations
    assert len(results["passes"]) > 10, "axe ran its checks"


def test_skip_link_moves_focus_to_main_content(demo_server, browser):
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(390, 844)
    browser.get(demo_server.base_url + "/sign-in")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.text == "Skip to main content"
    skip.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"


def test_not_found_page_in_the_browser(demo_server, browser):
    browser.set_window_size(390, 844)
    browser.get(demo_server.base_url + "/no/such/page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"
    screenshot(browser, "not-found-390")
    assert Axe().run(browser)["violations"] == []
