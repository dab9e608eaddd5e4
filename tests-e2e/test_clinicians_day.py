"""A therapist's morning and a programme lead's review, in Chromium at 1280 px on the demo (with
its two-year cohort): the navigation with counts, the caseload with scores and the alert, the
patient search, the risk-first chart summary, an alert acknowledged; then the lead's outcomes
for a chosen range with the CSV, the break-glass reason and the audit viewer with names. Every
page passes axe and is photographed at phone and desktop widths."""
import csv
import io
import re

from selenium.webdriver.common.by import By

from test_portal import write_entry
from test_sign_in_flow import PASSWORD, sign_in, submit_and_wait
from test_staff_pages import assert_accessible, sign_in_staff

DEVON_REASON = "Devon rang the clinic in crisis overnight; the duty therapist needs the crisis plan."


def nav_item(browser, label):
    for link in browser.find_elements(By.CSS_SELECTOR, "nav.staff-nav a"):
        if link.text.split(" ")[0].strip() == label:
            return link
    raise AssertionError(f"no {label} in the navigation")


def test_a_therapists_morning_and_a_leads_review(demo_server, browser):
    base = demo_server.base_url
    browser.set_window_size(1280, 900)
    # Overnight, Avery writes about wanting to end it all: a risk alert for the care team.
    browser.delete_all_cookies()
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    write_entry(browser, demo_server, "After the argument I wanted to end it all.", shared=False)

    # The morning: Today, with the open alert counted in the navigation.
    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    assert nav_item(browser, "Today").get_attribute("aria-current") == "page"
    assert nav_item(browser, "Alerts").find_element(By.CSS_SELECTOR, ".count").text.startswith("1")
    assert "This week" in browser.page_source and "Notes not yet signed" in browser.page_source
    assert_accessible(browser, "day-today")

    # The caseload lists the caseload, the patient with the alert first.
    browser.set_window_size(1280, 900)
    nav_item(browser, "Caseload").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#caseload tbody tr")
    names = [row.find_element(By.CSS_SELECTOR, "th a").text for row in rows]
    assert "Avery Testpatient" in names and "Blake Testpatient" not in names and len(names) >= 5
    assert names[0] == "Avery Testpatient", names
    avery = rows[0]
    assert "needs-attention" in avery.get_attribute("class")
    assert "1 open alerts" in avery.text and "PHQ-9" in avery.text and "since the first" in avery.text
    assert_accessible(browser, "day-caseload")

    # The search finds Avery by part of her name, inside what Ash may see.
    browser.set_window_size(1280, 900)
    nav_item(browser, "Patients").click()
    browser.find_element(By.NAME, "q").send_keys("testpatient aver")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Search']"))
    assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main tbody a")] == ["Avery Testpatient"]
    browser.find_element(By.CSS_SELECTOR, "main tbody a").click()

    # The chart opens with risk: the open alert first, then scores with their change.
    summary = browser.find_element(By.ID, "chart-summary")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Avery Testpatient"
    risk = summary.find_element(By.CSS_SELECTOR, ".summary-grid > div")
    assert risk.find_element(By.TAG_NAME, "h3").text == "Risk" and "open" in risk.text
    assert "Since the first questionnaire" in summary.text
    assert_accessible(browser, "day-chart")

    # The alert is handled: opened from the summary, acknowledged, gone from the count.
    browser.set_window_size(1280, 900)
    risk.find_element(By.CSS_SELECTOR, "a[href^='/alerts/']").click()
    assert "Words about suicide or ending their life" in browser.page_source, "the rule is named in words, not a key"
    assert "risk.suicide" not in browser.page_source
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert browser.find_element(By.ID, "alert-state").text == "acknowledged"
    assert not nav_item(browser, "Alerts").find_elements(By.CSS_SELECTOR, ".count")

    # Ash needs Devon's record in an emergency, and says why.
    browser.get(base + "/break-glass")
    browser.find_element(By.ID, "familyName").send_keys("Testpatient")
    browser.execute_script("arguments[0].value = '1999-01-30'", browser.find_element(By.ID, "dateOfBirth"))
    browser.find_element(By.ID, "reason").send_keys(DEVON_REASON)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Devon Testpatient"

    # The lead's review: outcomes for two years, with the CSV.
    sign_in_staff(browser, demo_server, "lead.dogwood@demo.invalid")
    assert DEVON_REASON in browser.page_source, "the home page shows the reason given"
    nav_item(browser, "Outcomes").click()
    start = browser.find_element(By.ID, "from")
    today = browser.find_element(By.ID, "to").get_attribute("value")
    two_years_ago = f"{int(today[:4]) - 2}{today[4:]}"
    browser.execute_script("arguments[0].value = arguments[1]", start, two_years_ago)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Show']"))
    table = browser.find_element(By.ID, "outcome-table").text
    assert "Patient Health Questionnaire (PHQ-9)" in table and re.search(r"\d+ \(\d+%\)", table), table
    assert browser.find_element(By.CSS_SELECTOR, "img.outcome-chart").get_attribute("src").startswith("data:image/svg+xml")
    assert_accessible(browser, "review-outcomes")
    csv_path = browser.find_element(By.ID, "outcomes-csv").get_attribute("href")
    assert f"from={two_years_ago}" in csv_path
    text = browser.execute_async_script(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", csv_path)
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["from", "to", "section", "instrument", "figure", "count", "of", "rate"]
    improvement = next(line for line in lines if line[2:5] == ["outcome", "phq-9", "reliable improvement"])
    assert improvement[0] == two_years_ago and improvement[7].endswith("%") and improvement[7][:-1] in table

    # The audit viewer: names, clinic times, list events folded, the break-glass reason on the event.
    browser.set_window_size(1280, 900)
    nav_item(browser, "Audit").click()
    browser.find_element(By.ID, "f-user").send_keys("therapist.ash@demo.invalid")
    browser.find_element(By.ID, "f-glass").click()
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    log = browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "Robin Ash" in log and "Devon Testpatient" in log and DEVON_REASON in log
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", log), "no raw ISO times"
    assert_accessible(browser, "review-audit")
    browser.get(base + "/audit?user=therapist.ash%40demo.invalid&action=list")
    assert "patients listed (one request)" in browser.page_source
