"""`mentalize backup` and `mentalize restore` with the real binary: a SQLite installation in use is
backed up, restored into a new installation on PostgreSQL (the path for outgrowing one machine),
and served from there with the same people, records and intact audit chain; the backup and the
restore are in that chain as the operator's. Damaged or misdirected restores are refused with one
clear line and change nothing."""
import os
import shutil
import stat
import subprocess

import requests

from conftest import DEMO_PATIENTS, Server, mentalize_binary, sqlite_environment

PASSWORD = "calm-harbour-demo-7"


def run(*args, env=None):
    return subprocess.run([mentalize_binary(), *args], capture_output=True, text=True, env=env or sqlite_environment())


def events(verified):
    """The number of events `audit verify` reported."""
    return int(verified.stdout.split("intact: ")[1].split(" events")[0])


def head(verified):
    """The SEQUENCE:HASH head `audit verify` reported."""
    return verified.stdout.split("Head ")[1].strip()


def token(server, username):
    code = run("demo", "--totp-code", username).stdout.strip()
    response = requests.post(server.base_url + "/api/v1/auth/token", json={"username": username, "password": PASSWORD, "totpCode": code}, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()["token"]


def patients(server, bearer):
    response = requests.get(server.base_url + "/api/v1/patients", headers={"Authorization": f"Bearer {bearer}"}, timeout=10)
    assert response.status_code == 200, response.text
    return sorted(patient["id"] for patient in response.json())


def test_a_sqlite_installation_moves_to_postgresql_through_a_backup(postgres_url, tmp_path):
    source = tmp_path / "sqlite-node"
    server = Server(source, extra_args=["--demo"])
    try:
        before = patients(server, token(server, "lead.dogwood@demo.invalid"))
    finally:
        server.stop()
    assert len(before) == DEMO_PATIENTS
    audit_before = run("audit", "verify", "--data-dir", str(source))
    assert audit_before.returncode == 0 and "intact" in audit_before.stdout

    backup = tmp_path / "mentalize.backup"
    written = run("backup", "--data-dir", str(source), "--out", str(backup))
    assert written.returncode == 0, written.stderr
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    assert b"Testpatient" not in backup.read_bytes(), "rows are sealed"
    again = run("backup", "--data-dir", str(source), "--out", str(backup))
    assert again.returncode == 1 and "already exists" in again.stderr
    audit_backed_up = run("audit", "verify", "--data-dir", str(source))
    assert events(audit_backed_up) == events(audit_before) + 1, "the backup is in the audit log; the refused one is not"

    target = tmp_path / "postgres-node"
    missing_key = run("restore", str(backup), "--data-dir", str(target), "--database-url", postgres_url)
    assert missing_key.returncode == 1 and "secret.key" in missing_key.stderr
    target.mkdir(mode=0o700)  # a data directory others can open is refused
    shutil.copy2(source / "secret.key", target / "secret.key")

    checked = run("restore", str(backup), "--check", "--data-dir", str(source))
    assert checked.returncode == 0 and "is complete and opens with this key" in checked.stdout and f"  patients: {DEMO_PATIENTS}" in checked.stdout

    cut = tmp_path / "cut.backup"
    cut.write_bytes(b"".join(backup.read_bytes().splitlines(keepends=True)[:-1]))
    assert run("restore", str(cut), "--check", "--data-dir", str(source)).returncode == 1
    refused = run("restore", str(cut), "--data-dir", str(target), "--database-url", postgres_url)
    assert refused.returncode == 1 and "cut off before its closing record" in refused.stderr and "nothing was restored" in refused.stderr

    restored = run("restore", str(backup), "--data-dir", str(target), "--database-url", postgres_url)
    assert restored.returncode == 0, restored.stderr
    audit_after = run("audit", "verify", "--data-dir", str(target), "--database-url", postgres_url)
    assert audit_after.returncode == 0, audit_after.stderr
    assert events(audit_after) == events(audit_backed_up) + 1, "the restore is appended to the restored chain"
    continues = run("audit", "verify", "--data-dir", str(target), "--database-url", postgres_url, "--expect-head", head(audit_backed_up))
    assert continues.returncode == 0, "the same chain as the source's at the backup, down to its head hash: " + continues.stderr
    twice = run("restore", str(backup), "--data-dir", str(target), "--database-url", postgres_url)
    assert twice.returncode == 1 and "already holds accounts or patients" in twice.stderr

    # Served from PostgreSQL: the same people and records. (Ash signs in there: the lead's code was
    # just used on the old node, and the restored credentials still refuse it within its 30 s.)
    moved = Server(target, extra_args=["--database-url", postgres_url])
    try:
        caseload = patients(moved, token(moved, "therapist.ash@demo.invalid"))
        assert 6 <= len(caseload) < len(before) and set(caseload) <= set(before), "caseload and group members, as before"
    finally:
        moved.stop()
