"""Staff pages in a real browser: a therapist signs in with the second factor and reads the
patient list and a patient; the lead and admin see the audit log; every page passes axe and is
photographed at phone and desktop widths."""
import re
import subprocess

import pytest
from axe_core_python.selenium import Axe
from selenium.webdriver.common.by import By

from conftest import mentalize_binary, screenshot
from test_sign_in_flow import PASSWORD, sign_in, submit_and_wait


def totp_code(username):
    return subprocess.run([mentalize_binary(), "demo", "--totp-code", username], capture_output=True, text=True, check=True).stdout.strip()


def sign_in_staff(browser, server, username):
    browser.delete_all_cookies()
    sign_in(browser, server, username, PASSWORD)
    assert browser.current_url.endswith("/sign-in/second-factor")
    browser.find_element(By.ID, "code").send_keys(totp_code(username))
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert browser.current_url.endswith("/home"), browser.current_url


def assert_accessible(browser, name):
    for width, height in ((390, 844), (1280, 900)):
        browser.set_window_size(width, height)
        screenshot(browser, f"{name}-{width}")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
    violations = [(v["id"], v["help"]) for v in Axe().run(browser)["violations"]]
    assert violations == [], f"{name}: {violations}"


def test_a_therapist_reads_their_caseload(demo_server, browser):
    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    assert_accessible(browser, "home-therapist")
    browser.find_element(By.LINK_TEXT, "Patients").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    names = [row.find_element(By.TAG_NAME, "a").text for row in rows]
    assert "Avery Testpatient" in names and "Devon Testpatient" not in names
    assert_accessible(browser, "patients-therapist")
    browser.find_element(By.LINK_TEXT, "Avery Testpatient").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Avery Testpatient"
    assert "Robin Ash (demo therapist)" in browser.page_source
    assert_accessible(browser, "patient-therapist")
    browser.get(demo_server.base_url + "/break-glass")
    assert_accessible(browser, "break-glass")

    # Emergency access to Devon (not in Ash's care): every page of the record says so.
    browser.find_element(By.ID, "familyName").send_keys("Testpatient")
    browser.execute_script("arguments[0].value = '1999-01-30'", browser.find_element(By.ID, "dateOfBirth"))
    browser.find_element(By.ID, "reason").send_keys("Devon rang the clinic in crisis and the duty therapist needs the crisis plan.")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Devon Testpatient"
    banner = browser.find_element(By.CSS_SELECTOR, ".emergency-banner")
    assert banner.is_displayed() and "You are using emergency access" in banner.text
    assert re.search(r"\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}", banner.text), f"until when, in the clinic's time: {banner.text}"
    assert_accessible(browser, "patient-break-glass")


@pytest.mark.parametrize("username", ["lead.dogwood@demo.invalid", "admin.elm@demo.invalid"])
def test_the_audit_log_viewer(demo_server, browser, username):
    sign_in_staff(browser, demo_server, username)
    browser.get(demo_server.base_url + "/audit")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Audit log"
    assert_accessible(browser, "audit-" + username.split(".")[0])


def test_a_patient_sees_who_looked_at_their_record(demo_server, browser):
    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    browser.get(demo_server.base_url + "/patients/00000000-DE00-4000-8000-0000000000C9")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Avery Testpatient"
    browser.delete_all_cookies()
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    browser.find_element(By.LINK_TEXT, "Who has looked at my record").click()
    assert "Robin Ash (demo therapist)" in browser.page_source
    assert_accessible(browser, "record-access-patient")


def test_admin_and_care_team_pages(demo_server, browser):
    sign_in_staff(browser, demo_server, "admin.elm@demo.invalid")
    browser.find_element(By.LINK_TEXT, "Accounts").click()
    assert "therapist.ash@demo.invalid" in browser.page_source
    assert_accessible(browser, "admin-users")
    sign_in_staff(browser, demo_server, "lead.dogwood@demo.invalid")
    browser.find_element(By.LINK_TEXT, "Care teams and supervision").click()
    assert "Robin Ash (demo therapist)" in browser.page_source
    assert_accessible(browser, "care-team")
    browser.get(demo_server.base_url + "/home")
    browser.find_element(By.LINK_TEXT, "Programme figures").click()
    assert "Referral to treatment" in browser.page_source
    assert_accessible(browser, "programme-figures")


def test_a_therapist_registers_a_referral_and_moves_it_to_assessment(demo_server, browser):
    from selenium.webdriver.support.ui import Select

    sign_in_staff(browser, demo_server, "therapist.birch@demo.invalid")
    browser.find_element(By.LINK_TEXT, "Register a patient").click()
    assert_accessible(browser, "register")
    for field, value in {"givenName": "Quinn", "familyName": "Browsertest", "dateOfBirth": "03021994", "source": "GP (synthetic)",
                         "receivedOn": "11012026", "reason": "Self-harm and unstable relationships; asks for MBT."}.items():
        browser.find_element(By.ID, field).send_keys(value)
    Select(browser.find_element(By.ID, "urgency")).select_by_visible_text("Urgent")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Quinn Browsertest"
    assert "Urgent" in browser.page_source and "Referral" in browser.page_source
    Select(browser.find_element(By.ID, "target")).select_by_visible_text("Assessment")
    browser.find_element(By.ID, "reason").send_keys("Assessment booked with Sam Birch")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/programme'] button"))
    assert "Assessment booked with Sam Birch" in browser.find_element(By.CSS_SELECTOR, ".timeline").text
    Select(browser.find_element(By.ID, "target")).select_by_visible_text("Treatment")
    browser.find_element(By.ID, "reason").send_keys("Start treatment now")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/programme'] button"))
    assert "cannot start without a team decision" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert_accessible(browser, "patient-refused-move")


def test_an_admin_proposes_a_therapist_and_the_lead_approves(demo_server, browser):
    from selenium.webdriver.support.ui import Select

    sign_in_staff(browser, demo_server, "admin.elm@demo.invalid")
    browser.find_element(By.LINK_TEXT, "Accounts").click()
    for field, value in {"username": "new.therapist@clinic.example", "displayName": "Noa Newhire", "password": "a quiet harbour at dawn 42"}.items():
        browser.find_element(By.ID, field).send_keys(value)
    Select(browser.find_element(By.ID, "role")).select_by_value("therapist")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/admin/users'] button[type=submit]"))
    assert "a programme lead must approve the role" in browser.page_source
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "tbody tr") if "new.therapist@clinic.example" in r.text)
    assert "therapist (awaiting a programme lead's approval)" in row.text
    assert_accessible(browser, "admin-users-pending")
    browser.get(demo_server.base_url + "/role-approvals")
    assert "Another person decides this one" in browser.page_source, "the admin cannot grant a therapist role"

    sign_in_staff(browser, demo_server, "lead.dogwood@demo.invalid")
    assert "Unusual reading in the last 24 hours" in browser.page_source
    browser.find_element(By.PARTIAL_LINK_TEXT, "Clinical roles waiting for approval").click()
    assert "Noa Newhire" in browser.page_source
    assert_accessible(browser, "role-approvals")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=approve]"))
    assert "The role was approved." in browser.page_source and "No roles are waiting." in browser.page_source


def test_the_supervisors_page(demo_server, browser):
    sign_in_staff(browser, demo_server, "supervisor.cedar@demo.invalid")
    browser.find_element(By.CSS_SELECTOR, "nav.staff-nav a[href='/supervision']").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Supervision"
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "#supervisees tbody tr")]
    assert any("Robin Ash" in row for row in rows) and any("Sam Birch" in row for row in rows)
    assert_accessible(browser, "supervision")
    # A group supervision with both supervisees, recorded material shown, attested.
    browser.set_window_size(1280, 900)
    browser.find_element(By.ID, "log-minutes").send_keys("90")
    browser.find_element(By.ID, "format-group").click()
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name^='supervisee.']"):
        box.click()
    browser.find_element(By.ID, "material-recorded").click()
    browser.find_element(By.ID, "log-cases").send_keys("A.T., B.T.")
    browser.find_element(By.ID, "log-attest").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Log the session']"))
    logged = browser.find_element(By.ID, "logged").text
    assert "90 min" in logged and "group of 2" in logged and "A.T., B.T." in logged, logged


def test_a_therapists_training_record(demo_server, browser):
    sign_in_staff(browser, demo_server, "therapist.birch@demo.invalid")
    browser.get(demo_server.base_url + "/me/training")
    browser.find_element(By.ID, "course-name").send_keys("MBT basic training")
    browser.find_element(By.ID, "course-provider").send_keys("Anna Freud Centre")
    browser.find_element(By.ID, "course-days").send_keys("3")
    browser.execute_script("arguments[0].value = '2026-03-12'", browser.find_element(By.ID, "course-completed"))
    browser.find_element(By.ID, "course-certificate").send_keys("AFC-2026-0142")
    browser.find_element(By.CSS_SELECTOR, "#course-key option[value='mbt-basic']").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Add the course']"))
    courses = browser.find_element(By.ID, "courses").text
    assert "MBT basic training" in courses and "AFC-2026-0142" in courses and "Counts as" in courses, courses
    met = [item.text for item in browser.find_elements(By.CSS_SELECTOR, ".scheme-progress li.met")]
    assert any("MBT basic course" in item for item in met), met
    assert "of 16 supervision sessions" in browser.find_element(By.ID, "progress-heading").find_element(By.XPATH, "..").text
    assert_accessible(browser, "training-record")
