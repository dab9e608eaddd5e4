"""Issue 18 in Chromium on the demo: the lead sets a co-sign supervision; the therapist signs a
note; the supervisor returns it with a comment; the therapist revises; the supervisor
counter-signs; the supervisor logs a group supervision session; two raters rate the same clip
blind; the lead sees the ICC for the pair; the therapist's ledger shows progress toward the AFC
practitioner scheme and the evidence pack prints. Every new page passes axe at 390 and 1280 px
and is photographed."""
import base64

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_sign_in_flow import submit_and_wait
from test_staff_pages import assert_accessible, sign_in_staff

CEDAR = "Alex Cedar (demo supervisor)"


class Desk:
    """Switches the browser between staff members, each signed in once (a second-factor code is
    accepted once, so a second sign-in within the same half minute would be refused): the
    session cookie of each is kept and put back."""

    def __init__(self, browser, server):
        self.browser, self.server, self.cookies = browser, server, {}

    def be(self, username):
        if username in self.cookies:
            self.browser.delete_all_cookies()
            for cookie in self.cookies[username]:
                self.browser.add_cookie(cookie)
            self.browser.get(self.server.base_url + "/home")
        else:
            sign_in_staff(self.browser, self.server, username)
            self.cookies[username] = self.browser.get_cookies()


def click_button(browser, text, scope=None):
    submit_and_wait(browser, (scope or browser).find_element(By.XPATH, f".//button[normalize-space()='{text}']"))


def rate(browser, level, feedback):
    for name in sorted({box.get_attribute("name") for box in browser.find_elements(By.CSS_SELECTOR, "#rating-form input[type=radio]")}):
        browser.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{level}']").click()
    browser.find_element(By.ID, "rating-feedback").send_keys(feedback)
    click_button(browser, "Submit my rating")


def test_co_sign_loop_supervision_log_blind_double_rating_agreement_and_evidence_pack(demo_server, browser):
    base = demo_server.base_url
    browser.set_window_size(1280, 900)
    desk = Desk(browser, demo_server)

    # The lead turns Cedar's supervision of Birch into co-signing: the old one ends, a dated new one starts.
    desk.be("lead.dogwood@demo.invalid")
    browser.get(base + "/care-team")
    row = browser.find_element(By.XPATH, "//tr[td[contains(., 'Alex Cedar')] and td[contains(., 'Sam Birch')]]")
    row.find_element(By.CSS_SELECTOR, "summary").click()
    click_button(browser, "Yes: End: Alex Cedar (demo supervisor), Sam Birch (demo therapist)", row)
    Select(browser.find_element(By.ID, "s-supervisor")).select_by_visible_text(CEDAR)
    Select(browser.find_element(By.ID, "s-therapist")).select_by_visible_text("Sam Birch (demo therapist)")
    Select(browser.find_element(By.ID, "s-mode")).select_by_visible_text("Co-signs notes")
    click_button(browser, "Start supervision")
    assert browser.find_element(By.XPATH, "//tr[td[contains(., 'Sam Birch')] and td[contains(., 'Co-signs notes')]]")
    assert_accessible(browser, "issue18-care-team")

    # Birch signs last week's note for Blake.
    desk.be("therapist.birch@demo.invalid")
    browser.find_element(By.XPATH, "//section[h2='Notes not yet signed']//li[contains(., 'Individual session')]//a").click()
    session_url = browser.current_url
    browser.find_element(By.ID, "intervention.mentalizingTheRelationship").click()
    browser.find_element(By.ID, "narrative").send_keys("Blake talked about the row with a flatmate.")
    Select(browser.find_element(By.ID, "risk")).select_by_visible_text("No concerns")
    browser.find_element(By.ID, "plan").send_keys("Return to the row next week.")
    click_button(browser, "Sign note")
    assert "Signed by Sam Birch" in browser.find_element(By.ID, "note-state").text
    assert "Awaiting review" in browser.find_element(By.ID, "review-status").text

    # Cedar finds it in the queue (counted in the navigation) and returns it with a comment.
    desk.be("supervisor.cedar@demo.invalid")
    supervision = browser.find_element(By.CSS_SELECTOR, "nav.staff-nav a[href='/supervision']")
    assert supervision.find_element(By.CSS_SELECTOR, ".count").text.startswith("2"), "Ash's demo note and Birch's"
    supervision.click()
    queue = browser.find_element(By.ID, "awaiting-review")
    assert "Sam Birch" in queue.text and "Robin Ash" in queue.text
    assert_accessible(browser, "issue18-supervision")
    browser.set_window_size(1280, 900)
    queue.find_element(By.XPATH, ".//li[contains(., 'Sam Birch')]//a").click()
    browser.find_element(By.ID, "review-comment").send_keys("Say what Blake felt just before the row.")
    assert_accessible(browser, "issue18-review")
    browser.set_window_size(1280, 900)
    click_button(browser, "Return with comment")
    assert "Returned for revision" in browser.find_element(By.ID, "review-status").text

    # Birch sees the comment, revises and signs again; the first version is kept.
    desk.be("therapist.birch@demo.invalid")
    browser.get(session_url)
    review = browser.find_element(By.ID, "note-review")
    assert "Say what Blake felt just before the row." in review.text and "Version 1" in review.text
    narrative = browser.find_element(By.ID, "narrative")
    narrative.send_keys(" Just before it Blake felt shut out.")
    assert_accessible(browser, "issue18-revise")
    browser.set_window_size(1280, 900)
    click_button(browser, "Sign note")
    assert "signed version 2" in browser.find_element(By.ID, "review-steps").text

    # Cedar counter-signs, then logs a group supervision with Ash and Birch.
    desk.be("supervisor.cedar@demo.invalid")
    browser.get(session_url)
    click_button(browser, "Counter-sign")
    assert "Counter-signed" in browser.find_element(By.ID, "review-status").text
    assert "counter-signed version 2" in browser.find_element(By.ID, "review-steps").text
    browser.get(base + "/supervision")
    browser.find_element(By.ID, "log-minutes").send_keys("90")
    browser.find_element(By.ID, "format-group").click()
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name^='supervisee.']"):
        box.click()
    browser.find_element(By.ID, "material-recorded").click()
    browser.find_element(By.XPATH, "//fieldset[@id='log-linked-cases']//label[normalize-space()='A.T. · Robin Ash (demo therapist)']").click()
    browser.find_element(By.ID, "log-attest").click()
    click_button(browser, "Log the session")
    logged = browser.find_element(By.ID, "logged").text
    assert "group of 2" in logged and "A.T." in logged, logged

    # Birch asks Cedar to rate 15 minutes of that session, with a link to the clinic's store.
    desk.be("therapist.birch@demo.invalid")
    browser.get(session_url)
    browser.find_element(By.CSS_SELECTOR, "#ask-rating a").click()
    browser.find_element(By.ID, "clip-start").send_keys("10")
    browser.find_element(By.ID, "clip-end").send_keys("25")
    browser.find_element(By.ID, "clip-link").send_keys("https://recordings.demo.invalid/birch/row")
    Select(browser.find_element(By.ID, "clip-rater")).select_by_visible_text(CEDAR)
    assert_accessible(browser, "issue18-ask-rating")
    browser.set_window_size(1280, 900)
    click_button(browser, "Ask for the rating")

    # The lead asks Ash as the second rater of every single-rated clip.
    desk.be("lead.dogwood@demo.invalid")
    browser.get(base + "/programme/fidelity")
    for box in browser.find_elements(By.CSS_SELECTOR, "#rater-pool input[type=checkbox]"):
        if box.is_selected():
            box.click()
    browser.find_element(By.XPATH, "//label[contains(., 'Robin Ash')]/input").click()
    share = browser.find_element(By.ID, "sample-share")
    share.clear()
    share.send_keys("100")
    click_button(browser, "Draw the sample")
    assert "Second ratings asked: 2" in browser.find_element(By.ID, "sample-result").text, "Birch's new clip and the demo clip Cedar rated alone"

    # Cedar rates the new clip; Ash, rating blind, cannot see Cedar's scores until Ash's are in.
    desk.be("supervisor.cedar@demo.invalid")
    browser.get(base + "/fidelity")
    browser.find_element(By.XPATH, "//ol[@id='ratings-to-do']//li[contains(., 'Sam Birch') and contains(., 'minutes 10–25')]//a").click()
    assert_accessible(browser, "issue18-rate")
    browser.set_window_size(1280, 900)
    rate(browser, 5, "Good stop and rewind at the row.")
    desk.be("therapist.ash@demo.invalid")
    browser.get(base + "/fidelity")
    to_do = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#ratings-to-do a")]
    assert len(to_do) == 2
    for index, link in enumerate(to_do):
        browser.get(link)
        assert "Rated blind" in browser.find_element(By.ID, "blind-note").text
        assert "Good stop and rewind" not in browser.page_source and "Rating by" not in browser.page_source
        rate(browser, 4 + index, "Curious stance.")
        assert "Rating by Alex Cedar" in browser.page_source and "Rating by Robin Ash" in browser.page_source, "unblinded once both are in"

    # The lead sees the agreement of the pair.
    desk.be("lead.dogwood@demo.invalid")
    browser.get(base + "/programme/fidelity")
    pair = browser.find_element(By.XPATH, "//table[contains(@class, 'agreement-table')]//tr[th[contains(., 'Robin Ash') and contains(., 'Alex Cedar')]]")
    cells = pair.find_elements(By.TAG_NAME, "td")
    assert cells[0].text == "2" and "[" in cells[1].text, pair.text
    assert "Blake" not in browser.page_source and "Good stop and rewind" not in browser.page_source
    assert_accessible(browser, "issue18-agreement")

    # Birch reads the feedback; Ash's ledger shows AFC progress and the evidence pack prints.
    desk.be("therapist.birch@demo.invalid")
    browser.get(base + "/fidelity")
    assert "Good stop and rewind at the row." in browser.find_element(By.ID, "my-rated-sessions").text
    assert browser.find_elements(By.CSS_SELECTOR, "#fidelity-trend tbody tr")
    assert_accessible(browser, "issue18-feedback")
    desk.be("therapist.ash@demo.invalid")
    browser.get(base + "/me/training")
    afc = browser.find_element(By.XPATH, "//h3[contains(., 'Anna Freud Centre')]/following-sibling::ul[1]").text
    assert "met MBT basic course" in afc and "of 4 individual cases" in afc and "rated clips of 15 minutes" in afc and "with 4 hours each" in afc, afc
    browser.find_element(By.XPATH, "//a[contains(., 'Evidence pack') and contains(., 'Anna Freud Centre')]").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Evidence pack: Anna Freud Centre: MBT practitioner"
    assert "A.T." in browser.find_element(By.ID, "evidence-case-table").text
    assert "group of 2" in browser.find_element(By.ID, "evidence-supervision-table").text
    assert_accessible(browser, "issue18-evidence-pack")
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
