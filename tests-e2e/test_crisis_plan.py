"""The crisis plan in Chromium: a therapist writes it; the patient, on a phone, reaches it with
one tap from the header of any page, with the helplines first; the print layout hides the rest."""
from axe_core_python.selenium import Axe
from selenium.webdriver.common.by import By

from conftest import screenshot
from test_sign_in_flow import PASSWORD, sign_in, submit_and_wait
from test_staff_pages import sign_in_staff

AVERY = "00000000-DE00-4000-8000-0000000000C9"


def test_the_patient_opens_their_crisis_plan_in_one_tap(demo_server, browser):
    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    browser.get(f"{demo_server.base_url}/patients/{AVERY}")
    browser.find_element(By.LINK_TEXT, "Crisis plan").click()
    browser.find_element(By.ID, "warningSigns").send_keys("Not sleeping, replaying arguments in my head")
    browser.find_element(By.ID, "whatICanDo").send_keys("Cold water on my face; walk round the block; text my sister")
    browser.find_element(By.ID, "contacts").send_keys("Sister: 07700 900123 (synthetic)")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert "Version 1" in browser.page_source

    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    for path in ("/home", "/me/record-access"):
        browser.get(demo_server.base_url + path)
        link = browser.find_element(By.CSS_SELECTOR, "header a.crisis-link")
        assert link.is_displayed() and link.text == "Crisis help"
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "If you need help now"
    assert browser.find_element(By.CSS_SELECTOR, "a[href='tel:116123']").is_displayed()
    assert "text my sister" in browser.page_source
    screenshot(browser, "crisis-plan-patient-390")
    assert Axe().run(browser)["violations"] == []
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element(By.CSS_SELECTOR, "header").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, ".plan-section").is_displayed()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
