"""Measurement-based care in Chromium: a demo patient completes PHQ-9 on a 390 px screen (one
question per page, progress, review, send); an answer to item 9 shows support at once and raises
an alert that the therapist sees above every page, acknowledges, records an action on and
resolves; the therapist sees the score, band and chart."""
from axe_core_python.selenium import Axe
from selenium.webdriver.common.by import By

from conftest import screenshot
from test_sign_in_flow import PASSWORD, sign_in, submit_and_wait
from test_staff_pages import assert_accessible, sign_in_staff

AVERY = "00000000-DE00-4000-8000-0000000000C9"


def no_axe_violations(browser):
    violations = [(v["id"], v["help"]) for v in Axe().run(browser)["violations"]]
    assert violations == [], violations


def test_patient_completes_phq9_on_a_phone_and_the_therapist_handles_the_alert(demo_server, browser):
    # The demo plan asks patients in treatment for PHQ-9 every 28 days, so one is due now.
    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "header a[href='/me/measures']").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "My questionnaires"
    screenshot(browser, "measures-patient-list-390")
    no_axe_violations(browser)
    start = browser.find_elements(By.XPATH, "//li[contains(., 'PHQ-9')]//button[normalize-space()='Start']")
    assert start, "the assigned PHQ-9 is offered"
    submit_and_wait(browser, start[0])

    # Question 1 of 9: sending without an answer keeps the page and says why.
    assert "Question 1 of 9" in browser.page_source
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Next']"))
    assert "Please choose an answer." in browser.find_element(By.CSS_SELECTOR, ".form-error").text
    screenshot(browser, "measures-question-error-390")
    no_axe_violations(browser)
    # Item 9 > 0; the difficulty question (10) appears once any problem is reported.
    answers = ["1", "2", "1", "2", "1", "1", "0", "1", "1", "1"]
    for number, code in enumerate(answers, start=1):
        assert f"Question {number} of 10" in browser.page_source or number == 1
        browser.find_element(By.CSS_SELECTOR, f"input[name=answer][value='{code}']").click()
        if number == 3:
            screenshot(browser, "measures-question-390")
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0
        submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Next']"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Check your answers"
    screenshot(browser, "measures-review-390")
    no_axe_violations(browser)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send my answers']"))
    support = browser.find_element(By.CSS_SELECTOR, ".support")
    assert support.is_displayed() and "We have let your care team know" in support.text
    assert browser.find_element(By.CSS_SELECTOR, ".support a[href='/me/crisis-plan']").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "a[href='tel:116123']").is_displayed()
    screenshot(browser, "measures-support-390")
    no_axe_violations(browser)
    # Going back and sending again stores nothing new.
    browser.back()
    browser.refresh()

    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    browser.set_window_size(1280, 900)
    banner = browser.find_element(By.CSS_SELECTOR, ".alert-banner")
    assert "Avery Testpatient" in banner.text
    banner.find_element(By.TAG_NAME, "a").click()
    assert browser.find_element(By.ID, "alert-state").text == "open"
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Acknowledge']"))
    assert browser.find_element(By.ID, "alert-state").text == "acknowledged"
    assert not browser.find_elements(By.CSS_SELECTOR, ".alert-banner")
    browser.find_element(By.ID, "action").send_keys("Phoned Avery the same day; crisis plan reviewed together.")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Record the action']"))
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Resolve']"))
    assert browser.find_element(By.ID, "alert-state").text == "resolved"
    assert_accessible(browser, "alert-resolved")

    browser.get(f"{demo_server.base_url}/patients/{AVERY}/measures")
    phq = browser.find_element(By.XPATH, "//section[h2[contains(., 'PHQ-9')]]")
    assert phq.find_element(By.CSS_SELECTOR, ".score").text == "10"
    assert "Moderate" in phq.find_element(By.CSS_SELECTOR, ".band").text
    chart = phq.find_element(By.CSS_SELECTOR, "img")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart)
    assert_accessible(browser, "measures-staff")
    browser.find_element(By.LINK_TEXT, "Item-level answers").click()
    assert "from paper" not in browser.page_source and "by the patient" in browser.page_source
