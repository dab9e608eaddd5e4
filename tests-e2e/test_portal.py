"""The patient portal on a phone-sized Chromium window: the home page, writing a diary entry and
seeing reflection questions with the words that led to them, sharing it with the therapist, risk
language bringing up the crisis plan and helplines, and a message to the care team; axe finds
nothing on any portal page. Then the therapist sees what was shared and nothing private."""
from axe_core_python.selenium import Axe
from selenium.webdriver.common.by import By

from conftest import screenshot
from test_sign_in_flow import PASSWORD, sign_in, submit_and_wait
from test_staff_pages import sign_in_staff

AVERY = "00000000-DE00-4000-8000-0000000000C9"


def check_page(browser, name):
    screenshot(browser, f"portal-{name}-390")
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    assert browser.find_element(By.CSS_SELECTOR, "header a.crisis-link").is_displayed(), "crisis help one tap away"
    violations = [(v["id"], v["help"]) for v in Axe().run(browser)["violations"]]
    assert violations == [], f"{name}: {violations}"


def write_entry(browser, server, happened, shared, **fields):
    browser.get(server.base_url + "/me/diary/new")
    browser.find_element(By.ID, "whatHappened").send_keys(happened)
    for name, text in fields.items():
        browser.find_element(By.ID, name).send_keys(text)
    browser.find_element(By.ID, "visibility-shared" if shared else "visibility-private").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save entry']"))


def test_patient_portal_on_a_phone_and_what_the_therapist_sees(demo_server, browser):
    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Hello, Avery"
    check_page(browser, "home")

    browser.find_element(By.CSS_SELECTOR, "header a[href='/me/diary']").click()
    check_page(browser, "diary-list")
    browser.get(demo_server.base_url + "/me/diary/new")
    browser.find_element(By.ID, "emotion-hurt").click()
    check_page(browser, "diary-form")
    write_entry(browser, demo_server, "My sister cancelled our lunch an hour before. I was sure she did it because she does not care about me.",
                shared=True, whatIThought="She always does this. She obviously thinks I am not worth her time.",
                whatIDid="I sent her an angry text.", certaintyAboutTheirMind="95")
    prompts = browser.find_element(By.CSS_SELECTOR, ".prompts")
    assert "Something to think about" in prompts.text and prompts.find_elements(By.TAG_NAME, "mark")
    assert "You and your therapist can read this entry." in browser.page_source
    check_page(browser, "diary-entry")

    write_entry(browser, demo_server, "A private day: nobody else reads this one.", shared=False)
    assert "Only you can read this entry." in browser.page_source

    write_entry(browser, demo_server, "After the argument I wanted to end it all.", shared=False)
    support = browser.find_element(By.CSS_SELECTOR, ".support")
    assert support.is_displayed() and "We have let your care team know" in support.text
    assert browser.find_element(By.CSS_SELECTOR, ".support a[href='tel:116123']").is_displayed()
    check_page(browser, "diary-safety")

    browser.find_element(By.CSS_SELECTOR, "header a[href='/me/learning']").click()
    check_page(browser, "learning-list")
    browser.find_element(By.PARTIAL_LINK_TEXT, "What mentalizing is").click()
    assert browser.find_element(By.ID, "exercise-heading").text == "Try this"
    check_page(browser, "module")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='I have finished this one']"))
    assert "1 of 12 finished" in browser.page_source

    browser.find_element(By.CSS_SELECTOR, "header a[href='/me/messages']").click()
    assert "Not for emergencies" in browser.page_source
    check_page(browser, "messages")
    browser.find_element(By.ID, "subject").send_keys("Tuesday")
    browser.find_element(By.ID, "body").send_keys("Could we talk about my sister on Tuesday?")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send']"))
    assert "Could we talk about my sister on Tuesday?" in browser.page_source
    check_page(browser, "message-thread")

    browser.get(demo_server.base_url + "/me/data")
    assert "My sister cancelled our lunch" in browser.page_source and "Could we talk about my sister" in browser.page_source
    check_page(browser, "my-data")

    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    browser.set_window_size(1280, 900)
    assert "Avery Testpatient" in browser.find_element(By.CSS_SELECTOR, ".alert-banner").text
    browser.get(f"{demo_server.base_url}/patients/{AVERY}/diary")
    body = browser.page_source
    assert "My sister cancelled our lunch" in body
    assert "nobody else reads" not in body and "end it all" not in body
    screenshot(browser, "portal-therapist-diary-1280")
    browser.find_element(By.CSS_SELECTOR, "input[name=flagged]").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save']"))
    assert browser.find_element(By.CSS_SELECTOR, "input[name=flagged]").is_selected()
    browser.get(demo_server.base_url + "/messages")
    assert "Tuesday" in browser.page_source
