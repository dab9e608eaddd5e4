"""The clinic's calendar in Chromium: the programme lead adds a treatment room and a holiday on a
day with sessions (the page says how many it cancels) and finds the room offered when booking;
a therapist moves one MBT-I course session without moving the rest. axe at 390 px and 1280 px."""
import datetime

from selenium.webdriver.common.by import By

from test_sessions import set_value
from test_sign_in_flow import submit_and_wait
from test_staff_pages import assert_accessible, sign_in_staff

AVERY = "00000000-DE00-4000-8000-0000000000C9"
COURSE_GROUP = "00000000-DE00-4000-8000-00000000012D"


def next_weekday(weekday, weeks_ahead=1):
    """The date of `weekday` (Monday 0) in a week `weeks_ahead` from now."""
    today = datetime.date.today()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks_ahead)


def test_the_lead_keeps_rooms_and_holidays(demo_server, browser):
    sign_in_staff(browser, demo_server, "lead.dogwood@demo.invalid")
    browser.find_element(By.LINK_TEXT, "Treatment rooms").click()
    browser.find_element(By.ID, "room-name").send_keys("Garden room")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Add room']"))
    assert "Garden room" in browser.find_element(By.ID, "rooms").text
    assert "in use" in browser.find_element(By.ID, "rooms").text, "the seeded rooms are booked and cannot be removed"
    assert_accessible(browser, "clinic-rooms")

    browser.get(f"{demo_server.base_url}/home")
    browser.find_element(By.LINK_TEXT, "Clinic holidays").click()
    tuesday = next_weekday(1, weeks_ahead=2)  # the demo's Tuesday group meets then
    set_value(browser, "holiday-date", tuesday.isoformat())
    browser.find_element(By.ID, "holiday-name").send_keys("Staff training day")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Add holiday']"))
    impact = browser.find_element(By.ID, "holiday-impact").text
    cancelled = int(impact.split("Sessions cancelled that day:")[1].split(".")[0])
    assert cancelled >= 1, impact
    assert "Staff training day" in browser.find_element(By.ID, "holidays").text
    assert_accessible(browser, "clinic-holidays")

    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    browser.get(f"{demo_server.base_url}/patients/{AVERY}/sessions")
    assert "Garden room" in browser.find_element(By.ID, "booking-room").text
    browser.get(f"{demo_server.base_url}/schedule?week={tuesday.isoformat()}")
    assert "Cancelled (clinic holiday)" in browser.page_source


def test_a_therapist_moves_one_course_session(demo_server, browser):
    sign_in_staff(browser, demo_server, "therapist.birch@demo.invalid")
    browser.get(f"{demo_server.base_url}/groups/{COURSE_GROUP}")
    links = [a.get_attribute("href") for a in browser.find_elements(By.XPATH, "//a[contains(@href, '/sessions/')]")]
    # A session key ends in its week's date; take the course's next two sessions.
    upcoming = [link for link in links if link.rsplit("_", 1)[1] > datetime.date.today().isoformat()]
    assert len(upcoming) >= 2
    browser.get(upcoming[0])
    title = browser.find_element(By.TAG_NAME, "h1").text
    before = browser.find_element(By.ID, "session-when").text
    day = datetime.date.fromisoformat(browser.find_element(By.ID, "move-date").get_attribute("value"))
    set_value(browser, "move-date", (day + datetime.timedelta(days=1)).isoformat())
    set_value(browser, "move-time", "11:00")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Move session']"))
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    assert "Moved" in browser.find_element(By.ID, "session-status").text
    assert "11:00" in browser.find_element(By.ID, "session-when").text and browser.find_element(By.ID, "session-when").text != before
    assert_accessible(browser, "course-session-moved")
    browser.get(upcoming[1])
    assert "16:00" in browser.find_element(By.ID, "session-when").text, "the next course session keeps its weekly time"
