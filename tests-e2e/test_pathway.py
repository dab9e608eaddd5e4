"""The MBT pathway in Chromium: a therapist takes a new referral through assessment (interview,
risk, checklist), the team decision, MBT-I and into treatment, with a refused move explained on
the way; the patient reads and agrees to their formulation on a phone and reaches the crisis plan
in one tap; the lead's dashboard counts the events. Every page passes axe and is photographed."""
from axe_core_python.selenium import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import screenshot
from test_sign_in_flow import PASSWORD, sign_in, submit_and_wait
from test_staff_pages import assert_accessible, sign_in_staff


def submit(browser, form_selector):
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]"))


def move(browser, target, reason):
    Select(browser.find_element(By.ID, "target")).select_by_visible_text(target)
    browser.find_element(By.ID, "reason").send_keys(reason)
    submit(browser, "form[action$='/programme']")


def test_a_therapist_takes_a_referral_to_treatment(demo_server, browser):
    browser.set_window_size(1280, 900)
    sign_in_staff(browser, demo_server, "therapist.birch@demo.invalid")
    browser.find_element(By.LINK_TEXT, "Register a patient").click()
    # Carer fields show only for a programme that involves a carer.
    browser.find_element(By.XPATH, "//label[contains(., 'MBT-A')]/input").click()
    assert browser.find_element(By.ID, "carerName").is_displayed()
    browser.find_element(By.XPATH, "//label[contains(., 'MBT (adults)')]/input").click()
    assert not browser.find_element(By.ID, "carerName").is_displayed()
    for field, value in {"givenName": "Quinn", "familyName": "Pathwaytest", "dateOfBirth": "03021994", "identifierValue": "943 476 5919",
                         "phone": "07700 900123", "email": "quinn@example.org", "gpName": "Dr Example (synthetic)",
                         "source": "GP (synthetic)", "receivedOn": "11012026", "reason": "Self-harm and unstable relationships; asks for MBT."}.items():
        browser.find_element(By.ID, field).send_keys(value)
    submit(browser, "main form")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Quinn Pathwaytest"
    assert "9434765919" in browser.page_source and "MBT (adults)" in browser.page_source
    move(browser, "Assessment", "Assessment booked with Sam Birch")
    move(browser, "MBT-I (introductory group)", "Straight to the group")
    assert "cannot start without a team decision" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text

    browser.find_element(By.LINK_TEXT, "Open the assessment").click()
    assert_accessible(browser, "pathway-assessment-empty")
    browser.set_window_size(1280, 900)
    browser.find_element(By.ID, "criteriaMet").send_keys("6")
    browser.find_element(By.ID, "outcome").send_keys("Meets criteria for borderline personality disorder")
    submit(browser, "form[action$='/interviews']")
    browser.find_element(By.CSS_SELECTOR, "input[name=level][value=moderate]").click()
    browser.find_element(By.ID, "summary").send_keys("Past overdose, no current plan")
    submit(browser, "form[action$='/risk']")
    for field in ("activePsychosis", "severeCognitiveImpairment", "noWillingnessToEngage"):
        browser.find_element(By.CSS_SELECTOR, f"input[name={field}][value=absent]").click()
    submit(browser, "form[action$='/checklist']")
    page = browser.page_source
    assert "6/9" in page and "Past overdose" in page and "Checklist: no exclusion" in page
    assert_accessible(browser, "pathway-assessment-done")

    browser.set_window_size(1280, 900)
    browser.find_element(By.LINK_TEXT, "Go to the chart").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=decision][value=suitable]").click()
    browser.find_element(By.ID, "reasons").send_keys("MDT: criteria met, willing to engage")
    browser.find_element(By.ID, "participants").send_keys("Sam Birch, Robin Ash, Alex Cedar")
    submit(browser, "form[action$='/suitability']")
    move(browser, "MBT-I (introductory group)", "Joins the January MBT-I group")
    move(browser, "Treatment", "MBT-I completed; starts individual and group sessions")
    timeline = browser.find_element(By.CSS_SELECTOR, ".timeline").text
    assert "Treatment" in timeline and "MBT-I (introductory group)" in timeline and "Assessment" in timeline
    assert "Sam Birch, Robin Ash, Alex Cedar" in browser.page_source
    assert_accessible(browser, "pathway-chart-treatment")


def test_the_patient_reads_and_agrees_to_the_formulation_on_a_phone(demo_server, browser):
    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    browser.find_element(By.LINK_TEXT, "My formulation").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "My formulation"
    assert "Notice feelings earlier and name them." in browser.page_source
    screenshot(browser, "formulation-patient-390")
    assert Axe().run(browser)["violations"] == []
    assert browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 0
    submit(browser, "#agree-form")
    assert "You agreed with this version on" in browser.find_element(By.ID, "agreed").text
    screenshot(browser, "formulation-agreed-390")
    assert Axe().run(browser)["violations"] == []
    link = browser.find_element(By.CSS_SELECTOR, "header a.crisis-link")
    assert link.is_displayed()
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "If you need help now"

    browser.get(demo_server.base_url + "/me/report")
    assert browser.find_element(By.CSS_SELECTOR, "a[href='tel:116123']").is_displayed()
    screenshot(browser, "self-report-390")
    assert Axe().run(browser)["violations"] == []
    browser.find_element(By.CSS_SELECTOR, "input[name=help][value=self-care]").click()
    submit(browser, "main form")
    assert "id=\"team-availability\"" in browser.page_source

    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    browser.set_window_size(1280, 900)
    browser.get(demo_server.base_url + "/patients/00000000-DE00-4000-8000-0000000000C9")
    assert "Agreed by the patient" in browser.page_source and "reported by the patient" in browser.page_source
    browser.find_element(By.LINK_TEXT, "Open the formulation").click()
    browser.find_element(By.LINK_TEXT, "Compare versions").click()
    assert browser.find_elements(By.CSS_SELECTOR, ".diff ins")
    assert_accessible(browser, "formulation-compare")

    sign_in_staff(browser, demo_server, "lead.dogwood@demo.invalid")
    browser.get(demo_server.base_url + "/programme")
    assert "Clinical events per month" in browser.page_source
    assert_accessible(browser, "programme-events-per-month")
