"""Going live without the demo (issue 16): an empty directory becomes a clinic (`mentalize setup`,
or the one-time first-run page), staff sign in with a second factor, a therapist invites a
patient by email, the patient writes a diary entry with risk language on a phone at night and is
told the truth about when their team will see it, while the therapist is emailed and the clinic's
webhook is called (signed) at once, saying nothing about the patient. Then what must hold when
the clinic runs for real: two nodes on PostgreSQL send each notification once, HTTPS with a
certificate keeps the sign-in, plain http on a public address is refused, an SMTP server that is
down (and a server killed with SIGKILL) loses nothing, and start-up errors are one line.

Every mail goes through a real SMTP server (aiosmtpd) and every webhook call to a real HTTP
receiver, both in this process; the pages are driven in headless Chromium and checked with axe.
Screenshots: tests-e2e/artifacts/golive-*.png."""
import re
import socket
import ssl
import time
import urllib.parse

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import free_port
from form_client import FormClient
from golive_support import (IN_HOURS, OUT_OF_HOURS, Authenticator, Store, check_page, dom_order, form_register_patient, form_sign_in_patient,
                            form_sign_in_staff, form_write_diary, one_error_line, run_cli, sign_in_staff)
from golive_support import fresh_postgres, live, postgres_server  # noqa: F401 (fixtures)
from mail_fixtures import MailServer, WebhookReceiver, port_is_closed, wait_until
from mail_fixtures import smtp_server, webhook  # noqa: F401 (fixtures)
from test_sign_in_flow import sign_in, submit_and_wait

CLINIC = "Riverside MBT Service"
ADMIN, ADMIN_PASSWORD = "ada.okafor@riverside.example", "copper kettle on a windy pier"
LEAD, LEAD_PASSWORD = "lee.marsh@riverside.example", "seven lanterns over the harbour"
THERAPIST, THERAPIST_PASSWORD = "tam.ibe@riverside.example", "a slow boat to the lighthouse"
PATIENT_GIVEN, PATIENT_FAMILY = "Marieke", "Vandersloot"
PATIENT_EMAIL, PATIENT_PASSWORD = "p4711@mail.example", "blue heron at the quiet lock"
HELPLINES = ["Samaritans=116 123=24 hours, every day", "113 Zelfmoordpreventie=0800 0113=24/7"]
RISK_TEXT = "After the argument I want to disappear. Last night I wanted to end it all."
RISK_WORDS = ["disappear", "end it all", "argument", "Last night"]
INVITATION_SUBJECT = "Your invitation to Mentalize"
ALERT_SUBJECT = "A risk alert needs attention in Mentalize"
RESET_SUBJECT = "Choose a new Mentalize password"
NEXT_OPENING = "They will see this when they are next at work: Monday 23 November at 08:30."
CLINIC_OUT_OF_HOURS = "Out of hours, call the Riverside crisis team on 0300 123 4567."
IN_HOURS_TEXT = "Your team is at work now and will contact you today."


def setup_clinic(data_dir, *extra):
    args = ["setup", "--data-dir", data_dir, "--clinic-name", CLINIC, "--time-zone", "Europe/London", "--country", "GB",
            "--admin-email", ADMIN, "--admin-name", "Ada Okafor", *extra]
    for line in HELPLINES:
        args += ["--helpline", line]
    made = run_cli(*args, stdin=ADMIN_PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    assert f"Created {CLINIC} (Europe/London) with 2 helpline(s), and the administrator {ADMIN}." in made.stdout
    assert ADMIN_PASSWORD not in made.stdout
    return made


def create_user(data_dir, username, name, role, password, *extra):
    made = run_cli("user", "create", "--data-dir", data_dir, "--username", username, "--name", name, "--role", role, *extra,
                   stdin=password + "\n")
    assert made.returncode == 0, made.stderr


def webhook_key(data_dir, *extra) -> str:
    result = run_cli("webhook-key", "--data-dir", data_dir, *extra)
    assert result.returncode == 0, result.stderr
    key = result.stdout.strip()
    assert re.fullmatch(r"[0-9a-f]{64}", key), key
    return key


def assert_not_logged(server, *secrets):
    """The server's log (stderr) holds none of `secrets` (tokens, passwords, what a patient wrote)."""
    log = server.log_path.read_text()
    assert log, "the server logged nothing at all"
    found = [secret for secret in secrets if secret.lower() in log.lower()]
    assert found == [], f"{server.log_path} contains {found}"


def assert_nothing_personal(mails, calls, *secrets):
    """No email (headers or body) and no webhook body carries any of `secrets`."""
    leaks = [(f"email {m.subject!r} to {m.to}", s) for m in mails for s in secrets if s.lower() in m.everything().lower()]
    leaks += [(f"webhook {c.json.get('kind')}", s) for c in calls for s in secrets if s.lower() in c.body.decode().lower()]
    assert leaks == [], f"personal data left the system: {leaks}"


def write_diary_entry(browser, server, text):
    browser.get(server.base_url + "/me/diary/new")
    browser.find_element(By.ID, "whatHappened").send_keys(text)
    browser.find_element(By.ID, "visibility-private").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save entry']"))


def activate_and_sign_in(browser, server, link, password, screenshots=True):
    """The patient follows the invitation link on a phone, chooses a password and signs in."""
    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    browser.get(link)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Welcome: choose your password"
    username = browser.find_element(By.ID, "username")
    assert username.get_attribute("value") == PATIENT_EMAIL and username.get_attribute("readonly")
    if screenshots:
        check_page(browser, "activation")
    browser.set_window_size(390, 844)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.ID, "password-again").send_keys(password)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert browser.current_url.endswith("/sign-in?done=activated"), browser.current_url
    assert "Your account is ready." in browser.find_element(By.CSS_SELECTOR, ".notice-ok").text
    browser.get(link)
    assert browser.find_element(By.TAG_NAME, "h1").text == "This link no longer works", "an invitation link works once"
    sign_in(browser, server, PATIENT_EMAIL, password)
    assert browser.current_url.endswith("/home"), browser.current_url


def register_patient_in_browser(browser, server) -> str:
    browser.get(server.base_url + "/patients/new")
    for field, value in {"givenName": PATIENT_GIVEN, "familyName": PATIENT_FAMILY, "email": PATIENT_EMAIL, "source": "GP referral (synthetic)",
                         "reason": "Self-harm after arguments; unstable relationships. Asks for MBT."}.items():
        browser.find_element(By.ID, field).send_keys(value)
    browser.execute_script("arguments[0].value = '1991-04-12'; arguments[1].value = '2026-11-02'",
                           browser.find_element(By.ID, "dateOfBirth"), browser.find_element(By.ID, "receivedOn"))
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert browser.find_element(By.TAG_NAME, "h1").text == f"{PATIENT_GIVEN} {PATIENT_FAMILY}", browser.find_element(By.TAG_NAME, "main").text[:500]
    return urllib.parse.urlparse(browser.current_url).path.rsplit("/", 1)[1]


def test_from_empty_directory_to_first_diary_entry_without_demo(tmp_path, browser, smtp_server, webhook, live):
    data = tmp_path / "data"
    started = time.monotonic()
    assert not data.exists()

    # The operator: setup once (a second run and the demo are refused), a programme lead by the CLI.
    setup_clinic(data)
    again = run_cli("setup", "--data-dir", data, "--clinic-name", "Another", "--time-zone", "Europe/London", "--admin-email", "x@riverside.example",
                    "--admin-name", "X", "--helpline", "Samaritans=116 123", stdin="another long passphrase here\n")
    assert again.returncode == 1
    assert one_error_line(again).startswith("mentalize: error: this installation already has a clinic")
    demo = run_cli("serve", "--demo", "--data-dir", data, "--port", free_port(), timeout=30)
    assert demo.returncode == 1 and "runs a real clinic" in one_error_line(demo)
    create_user(data, LEAD, "Lee Marsh", "programmeLead", LEAD_PASSWORD)
    key = webhook_key(data)

    server = live(data, "--smtp-url", smtp_server.url, "--smtp-from", "mentalize@riverside.example", "--notify-webhook", webhook.url,
                  clock_start=OUT_OF_HOURS)
    assert "No clinic yet" not in server.banner and "/setup/" not in server.banner
    served = time.monotonic()
    auth = Authenticator()

    # The administrator enrols an authenticator at the first sign-in, on a desktop.
    browser.set_window_size(1280, 900)
    assert sign_in_staff(browser, server, auth, ADMIN, ADMIN_PASSWORD), "a new administrator enrols a second factor"

    # The administrator sets the clinic's office hours (Mondays from 08:30), its out-of-hours
    # instruction and a crisis line of its own, first in the list.
    browser.get(server.base_url + "/settings/clinic")
    check_page(browser, "clinic-settings")
    browser.execute_script("document.getElementById('monday-opens').value = '08:30'")
    browser.find_element(By.ID, "out-of-hours").send_keys(CLINIC_OUT_OF_HOURS)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save settings']"))
    assert "The clinic's settings are saved." in browser.page_source
    for field, value in {"new-line-name": "Riverside crisis team", "new-line-number": "0300 123 4567", "new-line-hours": "Evenings and weekends"}.items():
        browser.find_element(By.ID, field).send_keys(value)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Add helpline']"))
    for _ in range(2):
        submit_and_wait(browser, browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Move up') and contains(., 'Riverside crisis team')]"))
    assert [e.get_attribute("value") for e in browser.find_elements(By.CSS_SELECTOR, "input[id^='line-number-']")] == ["0300 123 4567", "116 123", "0800 0113"]
    browser.get(server.base_url + "/admin/outbox")
    assert "Nothing has been sent yet." in browser.page_source
    check_page(browser, "admin-outbox")
    browser.get(server.base_url + "/me/notifications")
    check_page(browser, "my-notifications")

    # The administrator proposes the therapist; the programme lead approves the clinical role.
    browser.get(server.base_url + "/admin/users")
    for field, value in {"username": THERAPIST, "displayName": "Tam Ibe", "password": THERAPIST_PASSWORD}.items():
        browser.find_element(By.ID, field).send_keys(value)
    Select(browser.find_element(By.ID, "role")).select_by_value("therapist")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/admin/users'] button[type=submit]"))
    assert "a programme lead must approve the role" in browser.page_source
    assert sign_in_staff(browser, server, auth, LEAD, LEAD_PASSWORD)
    browser.get(server.base_url + "/role-approvals")
    assert "Tam Ibe" in browser.page_source
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=approve]"))
    assert "The role was approved." in browser.page_source

    # The therapist enrols, registers a patient with an email address and invites them.
    assert sign_in_staff(browser, server, auth, THERAPIST, THERAPIST_PASSWORD)
    patient_id = register_patient_in_browser(browser, server)
    section = browser.find_element(By.ID, "portal-access")
    assert "Not invited to the portal yet." in section.text
    check_page(browser, "chart-portal-access", scroll_to="#portal-access")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//section[@id='portal-access']//button[normalize-space()='Send an invitation']"))
    assert "Invited; the link works until:" in browser.find_element(By.ID, "portal-access").text
    invited = time.monotonic()
    therapist_session = browser.get_cookies()
    invitation = smtp_server.wait_for(lambda m: m.subject == INVITATION_SUBJECT, what="the invitation")[0]
    invitation_delay = time.monotonic() - invited
    assert invitation.rcpt_tos == [PATIENT_EMAIL] and invitation.to == PATIENT_EMAIL
    assert "mentalize@riverside.example" in str(invitation.parsed["from"])
    assert invitation.link.startswith(f"{server.base_url}/activate/"), invitation.link

    # The patient, on a phone, late on a Saturday night.
    activate_and_sign_in(browser, server, invitation.link, PATIENT_PASSWORD)
    write_diary_entry(browser, server, RISK_TEXT)
    first_entry = time.monotonic()
    support = browser.find_element(By.CSS_SELECTOR, ".support")
    assert support.is_displayed() and "We have let your care team know" in support.text
    availability = browser.find_element(By.ID, "team-availability")
    assert availability.get_attribute("data-hours") == "closed"
    assert NEXT_OPENING in availability.text, availability.text
    helplines = support.find_elements(By.CSS_SELECTOR, "ul.helplines a[href^='tel:']")
    assert [a.get_attribute("href") for a in helplines] == ["tel:03001234567", "tel:116123", "tel:08000113"], [a.get_attribute("href") for a in helplines]
    assert "113 Zelfmoordpreventie" in helplines[2].text
    assert CLINIC_OUT_OF_HOURS in support.text
    assert dom_order(browser, helplines[0], availability) and dom_order(browser, helplines[-1], availability), \
        "at night the numbers to call come before when the team will see it"
    check_page(browser, "diary-support-out-of-hours")

    # The therapist is emailed and the webhook is called at once, with nothing about the patient.
    alert = smtp_server.wait_for(lambda m: m.subject == ALERT_SUBJECT, what="the risk alert email")[0]
    alert_delay = time.monotonic() - first_entry
    assert alert.rcpt_tos == [THERAPIST]
    alert_id = alert.link.rsplit("/", 1)[1]
    assert alert.link == f"{server.base_url}/alerts/{alert_id}"
    assert Store(data).rows(f"SELECT id FROM risk_alerts WHERE upper(id) = '{alert_id.upper()}'"), "the link names the alert that was raised"
    call = webhook.wait_for(1)[0]
    webhook_delay = time.monotonic() - first_entry
    payload = call.json
    assert set(payload) == {"id", "kind", "recipient", "text", "link", "createdAt"}, payload
    assert (payload["kind"], payload["recipient"], payload["text"], payload["link"]) == ("risk-alert", THERAPIST, ALERT_SUBJECT, alert.link)
    assert call.headers.get("Content-Type", "").startswith("application/json")
    assert call.signature_is_valid(key), (call.headers, key)
    assert not call.signature_is_valid("00" * 32), "the signature depends on the key"
    assert abs(int(call.headers["X-Mentalize-Timestamp"]) - server.app_now()) < 120
    outbox = Store(data).wait_all_sent(expected=3, timeout=30)
    assert sorted((r["kind"], r["channel"]) for r in outbox) == [("invitation", "email"), ("risk-alert", "email"), ("risk-alert", "webhook")]
    assert {r["id"].upper() for r in outbox if r["channel"] == "webhook"} == {payload["id"].upper()}
    assert_nothing_personal(smtp_server.messages, webhook.received(), PATIENT_GIVEN, PATIENT_FAMILY, *RISK_WORDS)
    assert len(smtp_server.messages) == 2 and len(webhook.received()) == 1, "nothing else was sent"
    assert_not_logged(server, PATIENT_GIVEN, PATIENT_FAMILY, *RISK_WORDS, invitation.link.rsplit("/", 1)[1], PATIENT_PASSWORD, THERAPIST_PASSWORD)

    # The link in the email opens the alert in the therapist's (still signed-in) browser.
    browser.set_window_size(1280, 900)
    browser.delete_all_cookies()
    for cookie in therapist_session:
        browser.add_cookie(cookie)
    browser.get(alert.link)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Risk alert", browser.find_element(By.TAG_NAME, "main").text[:300]
    assert f"{PATIENT_GIVEN} {PATIENT_FAMILY}" in browser.find_element(By.TAG_NAME, "main").text
    browser.get(f"{server.base_url}/patients/{patient_id}")
    section = browser.find_element(By.ID, "portal-access")
    assert "Has a portal account:" in section.text and PATIENT_EMAIL in section.text, section.text
    assert not section.find_elements(By.XPATH, ".//button[contains(., 'invitation')]"), "no invitation for a patient with an account"

    print(f"\n[go-live timings] empty directory -> first diary entry: {first_entry - started:.1f} s "
          f"(setup and CLI {served - started:.1f} s, browser steps {first_entry - served:.1f} s); "
          f"invitation email arrived {invitation_delay:.1f} s after 'Send', alert email {alert_delay:.1f} s and webhook "
          f"{webhook_delay:.1f} s after the entry was saved; emails sent: {len(smtp_server.messages)} "
          f"({', '.join(m.subject for m in smtp_server.messages)}), webhook calls: {len(webhook.received())}")
    for message in smtp_server.messages:
        print(f"--- email to {message.to}: {message.subject}\n{message.body.strip()}")
    print(f"--- webhook body: {call.body.decode()}")


SETUP_LINK = re.compile(r"^No clinic yet\. Open this one-time link within 60 minutes to create it \(or run `mentalize setup`\): (\S+)$")


def fill_setup_form(browser, password, password_again):
    fields = {"clinic-name": CLINIC, "country": "GB", "public-url": "https://mbt.riverside.example",
              "helpline-name-1": "Samaritans", "helpline-number-1": "116 123", "helpline-hours-1": "24 hours, every day",
              "helpline-name-2": "113 Zelfmoordpreventie", "helpline-number-2": "0800 0113", "helpline-hours-2": "24/7",
              "admin-name": "Ada Okafor", "admin-email": ADMIN, "password": password, "password-again": password_again}
    for field, value in fields.items():
        element = browser.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    assert browser.find_element(By.ID, "time-zone").get_attribute("value") == "Europe/London"


def test_web_first_run_page_creates_the_clinic(tmp_path, browser, live, smtp_server):
    data = tmp_path / "data"
    server = live(data, "--smtp-url", smtp_server.url)
    links = [m.group(1) for line in server.lines if (m := SETUP_LINK.match(line))]
    assert len(links) == 1, server.banner
    link = links[0]
    assert link.startswith(server.base_url + "/setup/") and len(link.rsplit("/", 1)[1]) >= 32, link

    # Until the clinic exists, everything but the setup page, health checks and static files waits.
    for path in ("/", "/sign-in", "/home", "/patients", "/forgot-password", "/admin/users", "/api/v1/patients"):
        answer = requests.get(server.base_url + path, allow_redirects=False, timeout=10)
        assert answer.status_code == 503, (path, answer.status_code)
        assert "mentalize setup" in answer.text
    for path in ("/healthz", "/readyz", "/static/css/app.css"):
        assert requests.get(server.base_url + path, timeout=10).status_code == 200, path
    assert requests.get(server.base_url + "/setup/not-the-token", timeout=10).status_code == 404

    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    browser.get(link)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Set up your clinic"
    check_page(browser, "setup")
    box_widths = []
    for width in (390, 1280):
        browser.set_window_size(width, 900)
        box_widths.append((width, browser.find_element(By.ID, "clinic-name").rect["width"], browser.find_element(By.ID, "public-url").rect["width"]))

    # Two different passwords: refused, nothing created, what was typed (not the passwords) kept.
    browser.set_window_size(390, 844)
    fill_setup_form(browser, ADMIN_PASSWORD, ADMIN_PASSWORD + " typo")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    problems = browser.find_element(By.ID, "setup-problems")
    assert "the two passwords are not the same" in problems.text
    assert browser.find_element(By.ID, "clinic-name").get_attribute("value") == CLINIC
    assert browser.find_element(By.ID, "password").get_attribute("value") == ""
    check_page(browser, "setup-refused")
    assert requests.get(server.base_url + "/sign-in", timeout=10).status_code == 503, "nothing was created"

    browser.set_window_size(390, 844)
    fill_setup_form(browser, ADMIN_PASSWORD, ADMIN_PASSWORD)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    assert browser.current_url == server.base_url + "/sign-in?done=setup", browser.current_url
    assert "Your clinic is ready" in browser.find_element(By.CSS_SELECTOR, ".notice-ok").text
    assert CLINIC in browser.find_element(By.CSS_SELECTOR, ".clinic-name").text
    assert requests.get(link, timeout=10).status_code == 404, "the setup link works once"
    assert requests.get(server.base_url + "/sign-in", timeout=10).status_code == 200
    again = run_cli("setup", "--data-dir", data, "--clinic-name", "Second", "--time-zone", "Europe/London", "--admin-email", "x@riverside.example",
                    "--admin-name", "X", "--helpline", "Samaritans=116 123", stdin="another long passphrase here\n")
    assert again.returncode == 1 and "already has a clinic" in one_error_line(again)

    # The administrator signs in and enrols an authenticator.
    auth = Authenticator()
    browser.set_window_size(1280, 900)
    assert sign_in_staff(browser, server, auth, ADMIN, ADMIN_PASSWORD)
    assert "Ada Okafor" in browser.page_source

    # A forgotten password: the same answer for an unknown address; one email, its link on the
    # public address given on the setup page.
    answers = []
    for address in ("nobody@riverside.example", ADMIN):
        browser.delete_all_cookies()
        browser.set_window_size(390, 844)
        browser.get(server.base_url + "/forgot-password")
        if not answers:
            check_page(browser, "forgot-password")
        browser.find_element(By.ID, "email").send_keys(address)
        submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
        answers.append(browser.find_element(By.TAG_NAME, "main").text)
    assert answers[0] == answers[1] and "Check your email" in answers[0], answers
    check_page(browser, "forgot-password-sent")
    reset = smtp_server.wait_for(lambda m: m.subject == RESET_SUBJECT, what="the password-reset email")[0]
    assert reset.rcpt_tos == [ADMIN]
    assert reset.link.startswith("https://mbt.riverside.example/reset-password/"), reset.link
    browser.get(server.base_url + urllib.parse.urlparse(reset.link).path)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Choose a new password"
    check_page(browser, "reset-password")
    assert [m.rcpt_tos for m in smtp_server.messages] == [[ADMIN]], "nothing went to the unknown address"
    assert_not_logged(server, link.rsplit("/", 1)[1], reset.link.rsplit("/", 1)[1], ADMIN_PASSWORD)

    # Last, because it is cosmetic: the public address box was as wide as every other text box.
    assert all(abs(a - b) < 2 for _, a, b in box_widths), \
        f"the setup page's public address box (<input type=url>) is narrower than the others (width, text box, url box): {box_widths}"


def test_in_hours_text(tmp_path, browser, live, smtp_server):
    data = tmp_path / "data"
    setup_clinic(data)
    create_user(data, THERAPIST, "Tam Ibe", "therapist", THERAPIST_PASSWORD)
    server = live(data, "--smtp-url", smtp_server.url, clock_start=IN_HOURS)
    therapist = form_sign_in_staff(server, Authenticator(), THERAPIST, THERAPIST_PASSWORD)
    patient_id = form_register_patient(therapist, PATIENT_GIVEN, PATIENT_FAMILY, PATIENT_EMAIL)
    create_user(data, PATIENT_EMAIL, f"{PATIENT_GIVEN} {PATIENT_FAMILY}", "patient", PATIENT_PASSWORD, "--patient-id", patient_id)

    browser.delete_all_cookies()
    browser.set_window_size(390, 844)
    sign_in(browser, server, PATIENT_EMAIL, PATIENT_PASSWORD)
    assert browser.current_url.endswith("/home"), browser.current_url
    write_diary_entry(browser, server, RISK_TEXT)
    support = browser.find_element(By.CSS_SELECTOR, ".support")
    availability = support.find_element(By.ID, "team-availability")
    assert availability.get_attribute("data-hours") == "open"
    assert IN_HOURS_TEXT in availability.text, availability.text
    assert "next at work" not in support.text
    helplines = support.find_elements(By.CSS_SELECTOR, "ul.helplines a[href^='tel:']")
    assert [a.get_attribute("href") for a in helplines] == ["tel:116123", "tel:08000113"]
    check_page(browser, "diary-support-in-hours")
    alert = smtp_server.wait_for(lambda m: m.subject == ALERT_SUBJECT, what="the risk alert email")[0]
    assert alert.rcpt_tos == [THERAPIST]
    assert_nothing_personal(smtp_server.messages, [], PATIENT_GIVEN, PATIENT_FAMILY, *RISK_WORDS)


@pytest.fixture
def slow_smtp_server():
    server = MailServer(delay=0.4).start()
    yield server
    server.stop()


@pytest.fixture
def slow_webhook():
    receiver = WebhookReceiver(delay=0.4)
    yield receiver
    receiver.stop()


def test_two_nodes_on_postgresql_send_each_notification_once(tmp_path, fresh_postgres, live, slow_smtp_server, slow_webhook):
    """Both nodes look for work every second while the SMTP server and the webhook take 0.4 s per
    message, so one node is mid-batch whenever the other looks: a message in flight stays with
    the node that claimed it."""
    smtp_server, webhook = slow_smtp_server, slow_webhook
    data = tmp_path / "shared"  # the installation key both nodes use
    db = ["--database-url", fresh_postgres]
    setup_clinic(data, *db)
    create_user(data, THERAPIST, "Tam Ibe", "therapist", THERAPIST_PASSWORD, *db)
    key = webhook_key(data, *db)
    flags = ("--smtp-url", smtp_server.url, "--notify-webhook", webhook.url)
    nodes = [live(data, *flags, database_url=fresh_postgres), live(data, *flags, database_url=fresh_postgres)]
    store = Store(url=fresh_postgres)

    # One therapist session used through both nodes; each patient registered and invited.
    therapist = form_sign_in_staff(nodes[0], Authenticator(), THERAPIST, THERAPIST_PASSWORD)
    through = [therapist, FormClient(nodes[1].base_url)]
    through[1].cookies = dict(therapist.cookies)
    patients = [(f"p{n}.{int(time.time())}@mail.example", f"Patientgiven{n}", f"Patientfamily{n}") for n in range(6)]
    for n, (email, given, family) in enumerate(patients):
        client = through[n % 2]
        patient_id = form_register_patient(client, given, family, email)
        client.get(f"/patients/{patient_id}")
        sent = client.post(f"/patients/{patient_id}/invitation", {"confirm": "send"})
        assert sent.status_code == 303, (sent.status_code, sent.text[:300])
    invitations = smtp_server.wait_for(lambda m: m.subject == INVITATION_SUBJECT, count=len(patients), what="the invitations")

    # Each patient activates, signs in and writes an entry with risk language, through either node;
    # two ask for a password link.
    base_of = {urllib.parse.urlparse(n.base_url).netloc: n for n in nodes}
    for n, (email, _, _) in enumerate(patients):
        mail = next(m for m in invitations if m.rcpt_tos == [email])
        node = nodes[n % 2]
        activation = FormClient(node.base_url)
        path = urllib.parse.urlparse(mail.link).path
        assert urllib.parse.urlparse(mail.link).netloc in base_of, mail.link
        activation.get(path)
        done = activation.post(path, {"password": PATIENT_PASSWORD, "passwordAgain": PATIENT_PASSWORD})
        assert done.status_code == 303 and done.headers["Location"] == "/sign-in?done=activated", (done.status_code, done.text[:300])
        patient = form_sign_in_patient(nodes[(n + 1) % 2], email, PATIENT_PASSWORD)
        form_write_diary(patient, f"Entry {n}: {RISK_TEXT}")
    for email, _, _ in patients[:2]:
        forgot = FormClient(nodes[1].base_url)
        forgot.get("/forgot-password")
        assert forgot.post("/forgot-password", {"email": email}).status_code == 200

    expected = len(patients) * 3 + 2  # invitation, alert email, alert webhook each; two resets
    outbox = store.wait_all_sent(expected, timeout=60)
    alerts = {row[0].upper() for row in store.rows("SELECT id FROM risk_alerts")}
    assert len(alerts) == len(patients)
    mails = smtp_server.messages
    assert len(mails) == len(patients) * 2 + 2, [m.subject for m in mails]
    links = [urllib.parse.urlparse(m.link).path for m in mails]
    assert len(set(links)) == len(links), f"an email was sent twice: {sorted(links)}"
    assert {p.rsplit('/', 1)[1].upper() for p in links if p.startswith("/alerts/")} == alerts
    assert sorted(m.subject for m in mails) == sorted([ALERT_SUBJECT] * len(patients) + [INVITATION_SUBJECT] * len(patients) + [RESET_SUBJECT] * 2)
    calls = webhook.received()
    ids = [c.json["id"].upper() for c in calls]
    assert sorted(ids) == sorted(r["id"].upper() for r in outbox if r["channel"] == "webhook"), "each webhook row called exactly once"
    assert len(set(ids)) == len(ids) == len(patients)
    assert all(c.signature_is_valid(key) for c in calls)
    assert {c.json["link"].rsplit("/", 1)[1].upper() for c in calls} == alerts
    assert all(int(r["attempts"]) == 1 for r in outbox), [r for r in outbox if int(r["attempts"]) != 1]
    assert_nothing_personal(mails, calls, *[p[1] for p in patients], *[p[2] for p in patients], *RISK_WORDS)
    senders = {urllib.parse.urlparse(m.link).netloc for m in mails}
    print(f"\n[two nodes] {len(mails)} emails and {len(calls)} webhook calls, each once; links made by node(s): {sorted(senders)}")


@pytest.fixture
def insecure_browser():
    """A second Chromium that accepts the test's self-signed certificate (the session browser does not)."""
    import os
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(arg)
    options.accept_insecure_certs = True
    driver = webdriver.Chrome(service=Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=options)
    yield driver
    driver.quit()


def test_https_with_a_self_signed_certificate_keeps_sign_in(tmp_path, live, insecure_browser):
    import trustme

    ca = trustme.CA()
    certificate = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file, ca_file = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert_file.write_bytes(b"".join(blob.bytes() for blob in certificate.cert_chain_pems))
    certificate.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(ca_file))
    # The SMTP server offers STARTTLS with a certificate from the same CA, given with ?ca=.
    smtp_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(smtp_context)
    mail = MailServer(tls_context=smtp_context).start()
    try:
        data = tmp_path / "data"
        setup_clinic(data)
        server = live(data, "--tls-cert", cert_file, "--tls-key", key_file, "--smtp-url", f"{mail.url}?ca={ca_file}",
                      scheme="https", verify=str(ca_file))
        assert f"Mentalize is starting at https://127.0.0.1:{server.port}" in server.banner
        page = requests.get(server.base_url + "/sign-in", verify=str(ca_file), timeout=10)
        assert page.status_code == 200, "the certificate verifies"
        assert page.headers.get("Strict-Transport-Security", "").startswith("max-age="), page.headers
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(server.base_url + "/sign-in", timeout=10)  # not trusted without the CA
        with pytest.raises(requests.exceptions.ConnectionError):
            requests.get(f"http://127.0.0.1:{server.port}/sign-in", timeout=10)  # no plain http on the TLS port

        browser = insecure_browser
        browser.set_window_size(1280, 900)
        assert sign_in_staff(browser, server, Authenticator(), ADMIN, ADMIN_PASSWORD)
        cookie = browser.get_cookie("__Host-mentalize-session")
        assert cookie and cookie["secure"] and cookie["httpOnly"], cookie
        for path, heading in (("/admin/users", "Accounts"), ("/audit", "Audit log"), ("/home", None)):
            browser.get(server.base_url + path)
            assert urllib.parse.urlparse(browser.current_url).path == path, f"{path} sent us to {browser.current_url}"
            if heading:
                assert browser.find_element(By.TAG_NAME, "h1").text == heading
        assert "Ada Okafor" in browser.page_source

        # A password link by email over STARTTLS, pointing at the https address.
        browser.delete_all_cookies()
        browser.get(server.base_url + "/forgot-password")
        browser.find_element(By.ID, "email").send_keys(ADMIN)
        submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
        reset = mail.wait_for(lambda m: m.subject == RESET_SUBJECT, what="the password-reset email")[0]
        assert reset.tls, "the email went over STARTTLS"
        assert reset.link.startswith(f"https://127.0.0.1:{server.port}/reset-password/"), reset.link
    finally:
        mail.stop()

    # Plain http on an address others can reach is refused before anything is created.
    public = tmp_path / "public"
    refused = run_cli("serve", "--host", "0.0.0.0", "--port", free_port(), "--data-dir", public, timeout=30)
    assert refused.returncode == 1
    assert one_error_line(refused).startswith("mentalize: error: refusing to serve plain http on 0.0.0.0"), refused.stderr
    assert not public.exists(), "nothing was created"


def test_smtp_down_is_retried_and_nothing_is_lost_across_kill_9(tmp_path, live):
    data = tmp_path / "data"
    setup_clinic(data)
    create_user(data, THERAPIST, "Tam Ibe", "therapist", THERAPIST_PASSWORD)
    mail = MailServer()  # its port is chosen, but nothing listens there yet: the SMTP server is down
    assert port_is_closed(mail.port)
    store = Store(data)

    # With a 60 s poll, the first pass (at start) finds nothing; the invitation committed after it
    # waits in the outbox when the server is killed.
    first = live(data, "--smtp-url", mail.url, poll_seconds=60)
    therapist = form_sign_in_staff(first, Authenticator(), THERAPIST, THERAPIST_PASSWORD)
    patient_id = form_register_patient(therapist, PATIENT_GIVEN, PATIENT_FAMILY, PATIENT_EMAIL)
    therapist.get(f"/patients/{patient_id}")
    assert therapist.post(f"/patients/{patient_id}/invitation", {"confirm": "send"}).status_code == 303
    first.kill9()
    [row] = store.outbox()
    assert (row["kind"], row["status"], row["attempts"]) == ("invitation", "queued", "0"), row

    # Restarted (poll 1 s) with the SMTP server still down: the first attempt fails and is scheduled again.
    second = live(data, "--smtp-url", mail.url, port=first.port)
    failed = wait_until(lambda: (r := store.outbox()[0])["attempts"] == "1" and r["status"] == "queued" and r, 20, "a failed first attempt")
    failed_at = time.monotonic()
    assert failed["last_error"], failed
    assert "refused" in failed["last_error"].lower() or "connect" in failed["last_error"].lower(), failed["last_error"]
    # Killed again while it waits: the retry is in the database, not in the process.
    second.kill9()
    third = live(data, "--smtp-url", mail.url, port=first.port)
    mail.start()
    try:
        [invitation] = mail.wait_for(lambda m: m.subject == INVITATION_SUBJECT, timeout=60, what="the retried invitation")
        waited = time.monotonic() - failed_at
        assert 20 < waited < 50, f"the retry came {waited:.0f} s after the failure (back-off 30 s)"
        [row] = store.wait_all_sent(expected=1, timeout=10)
        assert row["attempts"] == "2" and row["last_error"] == "", row
        assert len(mail.messages) == 1
        page = requests.get(invitation.link, timeout=10)
        assert invitation.link.startswith(third.base_url) and "Welcome: choose your password" in page.text
        print(f"\n[smtp down] first attempt failed with: {failed['last_error']!r}; delivered {waited:.1f} s later, attempts {row['attempts']}")
    finally:
        mail.stop()


def test_start_up_errors_are_one_line_and_create_nothing(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = run_cli("serve", "--port", port, "--data-dir", tmp_path / "busy", timeout=30)
    assert busy.returncode == 1
    assert one_error_line(busy).startswith(f"mentalize: error: cannot listen on 127.0.0.1:{port}: the port is already in use"), busy.stderr
    assert not (tmp_path / "busy").exists()

    unreachable = run_cli("serve", "--port", free_port(), "--data-dir", tmp_path / "pg", "--database-url", "postgres://u:secret-pw@127.0.0.1:1/none", timeout=60)
    assert unreachable.returncode == 1
    line = one_error_line(unreachable)
    assert line.startswith("mentalize: error: cannot reach the PostgreSQL database"), line
    assert "secret-pw" not in unreachable.stderr + unreachable.stdout
    assert not (tmp_path / "pg").exists()
