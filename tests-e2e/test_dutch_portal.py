"""The platform in Dutch: a patient whose browser asks for Dutch (Accept-Language: nl) signs in on a
390 px phone and walks home, the diary (Dutch risk language brings the Dutch crisis support with
the Dutch helplines first), a questionnaire, messages, learning and My data. Every page is in
Dutch: the test fails on any word of the English catalogue that is not also Dutch (names aside).
Then a therapist switches the header to Dutch and the choice stays with the account."""
import json
import re
from pathlib import Path

import pytest
from axe_core_python.selenium import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import REPO, screenshot
from test_cli import run
from test_instruments_cli import complete_pack
from test_sign_in_flow import PASSWORD, sign_in, submit_and_wait
from test_staff_pages import sign_in_staff

LOCALES = REPO / "Sources" / "MentalizeApp" / "Resources" / "Locales"
# Names and data, not interface text: people, the demo clinic, its rooms and group, the instruments.
NAMES = {"room", "avery", "testpatient", "robin", "ash", "demo", "mbt", "clinic", "synthetic", "data", "tuesday", "group",
         "phq", "gad", "samaritans"}

# Dutch weekday abbreviations in dates ("do 26 nov 2026"): Dutch, though "do" is English too.
DUTCH_DATE_WORDS = {"ma", "di", "wo", "do", "vr", "za", "zo"}


def words(text):
    return {word.lower() for word in re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", text)}


def english_only_words():
    """Words of the English catalogue that no Dutch text uses (placeholders like {count} left out)."""
    def catalogue_words(name):
        texts = json.loads((LOCALES / name).read_text()).values()
        return words(" ".join(re.sub(r"\{[^}]*\}", " ", text) for text in texts))
    return catalogue_words("en.json") - catalogue_words("nl.json") - NAMES - DUTCH_DATE_WORDS


ENGLISH = english_only_words()


@pytest.fixture(scope="module")
def dutch_browser():
    options = webdriver.ChromeOptions()
    import os
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=nl"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl,nl-NL"})
    driver = webdriver.Chrome(service=Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=options)
    yield driver
    driver.quit()


def dutch_test_pack(instrument_id):
    """A Dutch text pack made for this test: obviously not the validated translation, which a
    clinic loads from its licensed copy; it shows the mechanism, never ships."""
    pack = complete_pack(instrument_id)
    pack["language"] = "nl"
    pack["title"] = "Testvragenlijst (PHQ-9)"
    for link_id, texts in pack["items"].items():
        texts["text"] = f"Testtekst voor vraag {link_id}"
        texts["options"] = {code: f"Testantwoord {code}" for code in texts["options"]}
    return pack


def check_dutch(browser, name):
    """The page is Dutch, shows no English catalogue word outside text marked lang=en, has the
    crisis link, fits the phone and passes axe."""
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl", name
    text = browser.execute_script("""
        const clone = document.body.cloneNode(true);
        clone.querySelectorAll('[lang]:not([lang=nl]), script, style').forEach(node => node.remove());
        return clone.innerText + ' ' + [...document.querySelectorAll('[aria-label],[title],[placeholder]')]
            .map(node => [node.getAttribute('aria-label'), node.getAttribute('title'), node.getAttribute('placeholder')].join(' ')).join(' ');
    """)
    english = sorted(words(text) & ENGLISH)
    screenshot(browser, f"nl-{name}-390")
    assert english == [], f"{name} shows English: {english}"
    if name != "sign-in":
        assert browser.find_element(By.CSS_SELECTOR, "header a.crisis-link").text == "Hulp bij crisis"
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    violations = [(v["id"], v["help"]) for v in Axe().run(browser)["violations"]]
    assert violations == [], f"{name}: {violations}"


def click(browser, text):
    submit_and_wait(browser, browser.find_element(By.XPATH, f"//main//button[normalize-space()='{text}']"))


def test_a_dutch_patient_walks_the_portal_in_dutch(demo_server, dutch_browser, tmp_path):
    browser = dutch_browser
    pack = tmp_path / "phq-9-nl.json"
    pack.write_text(json.dumps(dutch_test_pack("phq-9")))
    loaded = run("instruments", "import-text", str(pack), "--data-dir", str(demo_server.data_dir))
    assert loaded.returncode == 0, loaded.stderr

    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    browser.get(demo_server.base_url + "/sign-in")
    check_dutch(browser, "sign-in")
    sign_in(browser, demo_server, "patient.avery@demo.invalid", PASSWORD)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Hallo, Avery"
    check_dutch(browser, "home")

    browser.find_element(By.CSS_SELECTOR, "header a[href='/me/diary']").click()
    check_dutch(browser, "diary-list")
    browser.get(demo_server.base_url + "/me/diary/new")
    check_dutch(browser, "diary-form")
    click(browser, "Dagboekfragment opslaan")
    assert browser.find_elements(By.CSS_SELECTOR, ".form-error"), "an empty entry is refused"
    check_dutch(browser, "diary-form-error")
    browser.find_element(By.ID, "whatHappened").send_keys("Na de ruzie met mijn zus wilde ik er een eind aan maken.")
    browser.find_element(By.ID, "visibility-private").click()
    click(browser, "Dagboekfragment opslaan")
    support = browser.find_element(By.CSS_SELECTOR, ".support")
    assert support.is_displayed()
    lines = [link.get_attribute("href") for link in support.find_elements(By.CSS_SELECTOR, "a[href^='tel:']")]
    assert lines[:2] == ["tel:08000113", "tel:112"], lines
    check_dutch(browser, "diary-safety")
    browser.find_element(By.CSS_SELECTOR, "header a.crisis-link").click()
    assert "113 Zelfmoordpreventie" in browser.page_source
    check_dutch(browser, "crisis-plan")

    browser.find_element(By.CSS_SELECTOR, "header a[href='/me/measures']").click()
    check_dutch(browser, "measures")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//li[contains(., 'PHQ-9')]//button"))
    click(browser, "Volgende")
    assert browser.find_element(By.CSS_SELECTOR, ".form-error").is_displayed(), "no answer is refused, in Dutch"
    check_dutch(browser, "question-error")
    for number in range(1, 11):
        if not browser.find_elements(By.CSS_SELECTOR, "input[name=answer]"):
            break
        assert "Testtekst voor vraag" in browser.page_source
        browser.find_element(By.CSS_SELECTOR, "input[name=answer][value='0']").click()
        if number == 2:
            check_dutch(browser, "question")
        click(browser, "Volgende")
    check_dutch(browser, "measure-review")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check_dutch(browser, "measure-done")

    browser.find_element(By.CSS_SELECTOR, "header a[href='/me/messages']").click()
    check_dutch(browser, "messages")
    browser.find_element(By.ID, "subject").send_keys("Dinsdag")
    browser.find_element(By.ID, "body").send_keys("Kunnen we dinsdag over mijn zus praten?")
    click(browser, "Versturen")
    assert "Kunnen we dinsdag over mijn zus praten?" in browser.page_source
    check_dutch(browser, "message-thread")

    browser.find_element(By.CSS_SELECTOR, "header a[href='/me/learning']").click()
    check_dutch(browser, "learning")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Wat mentaliseren is").click()
    check_dutch(browser, "module")

    browser.get(demo_server.base_url + "/me/data")
    assert "Kunnen we dinsdag over mijn zus praten?" in browser.page_source
    check_dutch(browser, "my-data")


def test_a_therapist_switches_to_dutch_in_the_header(demo_server, browser):
    sign_in_staff(browser, demo_server, "therapist.ash@demo.invalid")
    browser.set_window_size(1280, 900)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    form = browser.find_element(By.CSS_SELECTOR, "header form[action='/language']")
    form.find_element(By.CSS_SELECTOR, "select option[value='nl']").click()
    submit_and_wait(browser, form.find_element(By.TAG_NAME, "button"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    assert browser.find_element(By.LINK_TEXT, "Cliënten").is_displayed()
    screenshot(browser, "nl-therapist-home-1280")
    violations = [(v["id"], v["help"]) for v in Axe().run(browser)["violations"]]
    assert violations == [], violations
    browser.get(demo_server.base_url + "/patients")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl", "the choice stays with the account"
