"""`mentalize setup` at a terminal: run with no flags, it asks for each value, and the clinic it
creates is the one `serve` then shows; the flags form refuses bad values in one line."""
import os
import pty
import select
import sqlite3
import subprocess
import time

from conftest import Server, mentalize_binary, sqlite_environment
from form_client import FormClient


def converse(args, answers, timeout=60):
    """Runs the command on a pseudo-terminal, answering each prompt (the last line ends in ': '
    and nothing more comes for a moment) with the next answer; returns everything it wrote and its
    exit code."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([mentalize_binary(), *args], stdin=follower, stdout=follower, stderr=follower,
                               env=sqlite_environment(), close_fds=True)
    os.close(follower)
    transcript, pending = "", list(answers)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.3)
        if ready:
            try:
                chunk = os.read(leader, 4096).decode("utf-8", "replace")
            except OSError:
                break
            if not chunk:
                break
            transcript += chunk
        elif pending and transcript.replace("\r", "").split("\n")[-1].endswith(": "):
            os.write(leader, (pending.pop(0) + "\n").encode())
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(leader)
    return transcript, process.returncode


def test_setup_asks_at_a_terminal_and_creates_the_clinic_once(tmp_path):
    data = tmp_path / "data"
    answers = ["Harbour MBT", "Europe/London", "en", "GB", "https://mbt.harbour.example",
               "Samaritans=116 123=24 hours", "not a helpline", "Emergency=999", "",
               "ada@harbour.example", "Ada Admin", "a-long-harbour-password-31"]
    transcript, code = converse(["setup", "--data-dir", str(data)], answers)
    assert code == 0, transcript
    assert "Clinic name" in transcript and "Helpline 1" in transcript and "Write it as Name=number." in transcript
    assert "a-long-harbour-password-31" not in transcript, "the password is not echoed"
    assert "Created Harbour MBT (Europe/London) with 2 helpline(s), and the administrator ada@harbour.example." in transcript
    with sqlite3.connect(data / "mentalize.sqlite") as db:
        assert db.execute("select name, time_zone, country, public_url from clinics").fetchall() == [("Harbour MBT", "Europe/London", "GB", "https://mbt.harbour.example")]
        assert [row[0] for row in db.execute("select phone from helplines order by position")] == ["116 123", "999"]
        assert db.execute("select roles from users").fetchall() == [("admin",)]
    again = subprocess.run([mentalize_binary(), "setup", "--data-dir", str(data), "--clinic-name", "Second", "--time-zone", "Europe/London",
                            "--admin-email", "bo@harbour.example", "--admin-name", "Bo", "--helpline", "S=116 123"],
                           input="", capture_output=True, text=True, env=sqlite_environment(), timeout=60)
    assert again.returncode == 1 and again.stderr.strip().splitlines() == ["mentalize: error: this installation already has a clinic: setup runs once (change the clinic on its settings page)"]


def test_setup_generates_a_password_when_none_is_given_and_refuses_bad_values_before_creating_anything(tmp_path):
    refused = subprocess.run([mentalize_binary(), "setup", "--data-dir", str(tmp_path / "bad"), "--clinic-name", "X", "--time-zone", "Mars/Olympus",
                              "--admin-email", "x@example.org", "--admin-name", "X", "--helpline", "S=call us"],
                             input="", capture_output=True, text=True, env=sqlite_environment(), timeout=60)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert "Mars/Olympus" in refused.stderr and "call us" in refused.stderr
    assert not (tmp_path / "bad").exists()
    made = subprocess.run([mentalize_binary(), "setup", "--data-dir", str(tmp_path / "good"), "--clinic-name", "Harbour MBT", "--time-zone", "Europe/Amsterdam",
                           "--admin-email", "ada@harbour.example", "--admin-name", "Ada", "--helpline", "113 Zelfmoordpreventie=0800-0113"],
                          input="", capture_output=True, text=True, env=sqlite_environment(), timeout=60)
    assert made.returncode == 0, made.stderr
    line = next(line for line in made.stdout.splitlines() if "first password" in line)
    password = line.rsplit(": ", 1)[1]
    assert len(password) == 29 and password.count("-") == 5
    # The printed password signs the administrator in (next comes the second factor).
    server = Server(tmp_path / "good")
    try:
        client = FormClient(server.base_url)
        client.get("/sign-in")
        answer = client.post("/sign-in", {"username": "ada@harbour.example", "password": password})
        assert answer.status_code == 303 and answer.headers["Location"].startswith("/sign-in/second-factor")
    finally:
        server.stop()
