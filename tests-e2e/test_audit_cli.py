"""`mentalize audit verify` on a real log written by the server, before and after tampering."""
import sqlite3
import subprocess

import requests

from conftest import DEMO_PATIENTS, Server, mentalize_binary, sqlite_environment


def verify(data_dir, *extra):
    return subprocess.run([mentalize_binary(), "audit", "verify", "--data-dir", str(data_dir), *extra],
                          capture_output=True, text=True, env=sqlite_environment())


def test_verify_reports_intact_then_names_the_tampered_row(tmp_path):
    data_dir = tmp_path / "data"
    server = Server(data_dir, extra_args=["--demo"])
    try:
        session = requests.Session()
        token = session.post(server.base_url + "/api/v1/auth/token", json={
            "username": "lead.dogwood@demo.invalid", "password": "calm-harbour-demo-7",
            "totpCode": subprocess.run([mentalize_binary(), "demo", "--totp-code", "lead.dogwood@demo.invalid"],
                                       capture_output=True, text=True, check=True).stdout.strip()}).json()["token"]
        listed = session.get(server.base_url + "/api/v1/patients", headers={"Authorization": f"Bearer {token}"})
        assert listed.status_code == 200 and len(listed.json()) == DEMO_PATIENTS
        wrong = session.get(server.base_url + "/api/v1/patients", headers={"Authorization": "Bearer not-a-token"})
        assert wrong.status_code == 401 and wrong.headers["Content-Type"] == "application/problem+json"
    finally:
        server.stop()

    intact = verify(data_dir)
    assert intact.returncode == 0, intact.stderr
    assert f"Audit log intact: {DEMO_PATIENTS} events" in intact.stdout, "one list event per patient the lead's API call returned"
    head = intact.stdout.split("Head ")[1].strip()

    with sqlite3.connect(data_dir / "mentalize.sqlite") as conn:
        conn.execute("UPDATE audit_events SET action = 'export' WHERE sequence = 5")
    broken = verify(data_dir)
    assert broken.returncode == 1
    assert "broken at row 5" in broken.stderr

    with sqlite3.connect(data_dir / "mentalize.sqlite") as conn:
        conn.execute("UPDATE audit_events SET action = 'list' WHERE sequence = 5")
        conn.execute("DELETE FROM audit_events WHERE sequence > 10")
    assert verify(data_dir).returncode == 0, "a cut tail alone looks intact"
    cut = verify(data_dir, "--expect-head", head)
    assert cut.returncode == 1 and "removed from the end" in cut.stderr
