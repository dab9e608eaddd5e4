"""Therapy sessions in Chromium: a therapist books a weekly individual series (a clash is refused
with a clear message), runs the Tuesday group with a member joining and leaving, records
attendance, writes and signs an MBT group note with an addendum, and writes a process note; a
patient sees their appointments and subscribes to the calendar feed, which the `icalendar`
parser reads. Every page passes axe at 390 px and 1280 px; the process note's text never reaches
the server log."""
import datetime

import requests
from icalendar import Calendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_sign_in_flow import PASSWORD, sign_in, submit_and_wait
from test_staff_pages import assert_accessible, sign_in_staff

AVERY = "00000000-DE00-4000-8000-0000000000C9"
EMERY = "00000000-DE00-4000-8000-0000000000CD"
TUESDAY_GROUP = "00000000-DE00-4000-8000-00000000012C"
MARKER = "PN-E2E-MARKER-5521"


def set_value(browser, element_id, value):
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, element_id), value)


def wednesday(weeks_ahead):
    """A Wednesday: the demo's clinic holidays fall on other weekdays."""
    today = datetime.date.today()
    return today + datetime.timedelta(days=(2 - today.weekday()) % 7 + 7 * weeks_ahead)


def test_a_therapist_books_runs_the_group_and_signs_notes(demo_server, browser):
    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    browser.find_element(By.LINK_TEXT, "Caseload").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Caseload"
    assert_accessible(browser, "sessions-caseload")
    browser.find_element(By.LINK_TEXT, "My week").click()
    assert "Avery Testpatient" in browser.page_source or "Tuesday MBT group" in browser.page_source
    assert_accessible(browser, "sessions-week")

    # Book a weekly series for Avery, then a clashing single session for the same slot.
    browser.get(f"{demo_server.base_url}/patients/{AVERY}/sessions")
    assert_accessible(browser, "sessions-patient")
    day = wednesday(3).isoformat()
    set_value(browser, "booking-date", day)
    set_value(browser, "booking-time", "17:00")
    browser.find_element(By.ID, "modality-phone").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Book weekly series']"))
    assert f"Wednesday 17:00, 50 min, {day}" in browser.page_source
    set_value(browser, "booking-date", wednesday(4).isoformat())
    set_value(browser, "booking-time", "17:20")
    browser.find_element(By.ID, "modality-phone").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Book single session']"))
    conflict = browser.find_element(By.ID, "booking-conflict").text
    assert "Robin Ash (demo therapist) is already booked" in conflict and "Europe/London" in conflict
    assert_accessible(browser, "sessions-booking-conflict")

    # The group: Emery joins today, then a last day is recorded.
    browser.get(f"{demo_server.base_url}/groups/{TUESDAY_GROUP}")
    Select(browser.find_element(By.ID, "join-patient")).select_by_visible_text("Emery Testpatient")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Join the group']"))
    member = browser.find_element(By.XPATH, "//ul[@id='members']/li[contains(., 'Emery Testpatient')]")
    leave_id = member.find_element(By.CSS_SELECTOR, "input[type=date]").get_attribute("id")
    set_value(browser, leave_id, (datetime.date.today() + datetime.timedelta(days=28)).isoformat())
    submit_and_wait(browser, member.find_element(By.XPATH, ".//button[normalize-space()='Record leaving']"))
    assert "last day" in browser.find_element(By.XPATH, "//ul[@id='members']/li[contains(., 'Emery Testpatient')]").text
    assert_accessible(browser, "sessions-group")

    # The latest past group session without a note: attendance, group note, signing, addendum.
    rows = browser.find_elements(By.XPATH, "//tr[td[contains(., 'No note yet')]]//a")
    past = [row.get_attribute("href") for row in rows]
    browser.get(past[0])
    selects = browser.find_elements(By.CSS_SELECTOR, "select[id^='mark.']")
    assert len(selects) >= 4
    for select in selects:
        Select(select).select_by_visible_text("Attended")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save attendance']"))
    browser.find_element(By.ID, "intervention.mentalizingTheRelationship").click()
    browser.find_element(By.ID, "narrative").send_keys("The group stayed with a conflict between two members and slowed it down.")
    Select(browser.find_element(By.ID, "risk")).select_by_visible_text("No concerns")
    browser.find_element(By.ID, "plan").send_keys("Return to the conflict next week.")
    for field in browser.find_elements(By.CSS_SELECTOR, "textarea[id^='member.']:not([id$='.riskSummary'])"):
        field.send_keys("Took part; curious about B.T.'s view.")
    # Observed mentalizing for one member, in the fold under their note.
    browser.find_element(By.XPATH, f"//summary[contains(., 'Observed mentalizing and risk for A.T.')]").click()
    browser.find_element(By.ID, f"member.{AVERY}.mode.psychicEquivalence").click()
    Select(browser.find_element(By.ID, f"member.{AVERY}.risk")).select_by_visible_text("No concerns")
    assert_accessible(browser, "sessions-group-note")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Sign note']"))
    assert "Signed by Robin Ash" in browser.find_element(By.ID, "note-state").text
    assert "Psychic equivalence" in browser.find_element(By.XPATH, "//li[strong[contains(., 'Avery Testpatient')]]").text
    browser.find_element(By.ID, "addendum").send_keys("One member phoned afterwards; no change in risk.")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Add addendum']"))
    assert "One member phoned afterwards" in browser.page_source
    assert_accessible(browser, "sessions-group-signed")

    # A process note on Avery's latest session, visible to its author only.
    browser.get(f"{demo_server.base_url}/patients/{AVERY}/sessions")
    browser.find_element(By.XPATH, "(//section[h2='Recent sessions']//tbody//a)[1]").click()
    browser.find_element(By.LINK_TEXT, "Write a process note").click()
    browser.find_element(By.ID, "process-text").send_keys(f"My own reaction today: {MARKER}")
    Select(browser.find_element(By.ID, "process-supervisor")).select_by_visible_text("Alex Cedar (demo supervisor)")
    assert_accessible(browser, "sessions-process-note-form")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save process note']"))
    assert MARKER in browser.find_element(By.ID, "process-text").text
    note_url = browser.current_url
    sign_in_staff(browser, demo_server, "therapist.birch@demo.invalid")
    browser.get(note_url)
    assert MARKER not in browser.page_source
    assert MARKER not in demo_server.log_path.read_text(), "process notes never reach the log"


def test_a_patient_sees_appointments_and_subscribes_to_the_calendar(demo_server, browser):
    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    browser.find_element(By.LINK_TEXT, "My appointments").click()
    appointments = browser.find_element(By.ID, "appointments").text
    assert "Individual session" in appointments and "Tuesday MBT group" in appointments
    assert_accessible(browser, "sessions-my-appointments")
    browser.find_element(By.LINK_TEXT, "Calendar subscription").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Create a calendar address']"))
    url = browser.find_element(By.ID, "feed-url").get_attribute("value")
    assert_accessible(browser, "sessions-calendar")
    response = requests.get(url, timeout=10)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = [component for component in calendar.walk("VEVENT")]
    assert len(events) > 10
    for event in events:
        start = event.decoded("DTSTART")
        assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0)
        assert event.decoded("DTEND") > start
        assert "Testpatient" not in str(event.get("SUMMARY"))
    assert {str(event.get("SUMMARY")) for event in events} >= {"Individual session", "Tuesday MBT group"}
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Revoke the address']"))
    assert requests.get(url, timeout=10).status_code == 404
