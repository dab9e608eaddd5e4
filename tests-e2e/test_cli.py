"""The `mentalize` command as an operator meets it: help, clear one-line errors, migrate, demo."""
import sqlite3
import subprocess
import uuid

import requests

from conftest import DEMO_PATIENTS, mentalize_binary, sqlite_environment


def run(*args, env=None, timeout=60):
    return subprocess.run([mentalize_binary(), *args], capture_output=True, text=True, timeout=timeout,
                          env=env or sqlite_environment())


def assert_one_line_error(result, phrase):
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("mentalize: error:")]
    assert len(errors) == 1, result.stderr
    assert phrase in errors[0], errors[0]
    assert "Fatal error" not in result.stderr and "Stack" not in result.stderr


def test_help_lists_every_command_with_a_description():
    result = run("--help")
    assert result.returncode == 0
    for command in ("serve", "migrate", "demo"):
        line = next(line for line in result.stdout.splitlines() if line.strip().startswith(command + " "))
        assert len(line.split()) > 2, f"{command} has no description"


def test_a_bad_flag_is_named_and_exits_non_zero(tmp_path):
    result = run("serve", "--no-such-flag", "--data-dir", str(tmp_path / "d"))
    assert result.returncode != 0
    assert "--no-such-flag" in result.stderr.splitlines()[0]
    assert not (tmp_path / "d").exists(), "nothing was written"


def test_unreachable_database_is_one_line_and_writes_nothing(tmp_path):
    result = run("serve", "--data-dir", str(tmp_path / "d"), "--database-url", "postgres://u:pw@127.0.0.1:1/none")
    assert_one_line_error(result, "cannot reach the PostgreSQL database")
    assert "pw@" not in result.stderr
    assert not (tmp_path / "d").exists()


def test_a_data_dir_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run("migrate", "--data-dir", str(blocker / "data"))
    assert_one_line_error(result, "data directory")


def test_migrate_reports_what_ran_then_nothing(tmp_path):
    first = run("migrate", "--data-dir", str(tmp_path / "d"))
    assert first.returncode == 0, first.stderr
    listed = [line.strip() for line in first.stdout.splitlines() if line.startswith("  ")]
    assert f"Applied {len(listed)} migration(s)" in first.stdout
    assert listed[0] == "001-01-create-installation" and len(listed) >= 6
    assert listed == sorted(listed), "migrations run in their numbered order"
    second = run("migrate", "--data-dir", str(tmp_path / "d"))
    assert "up to date" in second.stdout
    assert oct((tmp_path / "d" / "secret.key").stat().st_mode & 0o777) == "0o600"
    assert oct((tmp_path / "d" / "mentalize.sqlite").stat().st_mode & 0o077) == "0o0"


def test_a_database_from_a_newer_version_is_refused_without_changes(tmp_path):
    assert run("migrate", "--data-dir", str(tmp_path / "d")).returncode == 0
    db = tmp_path / "d" / "mentalize.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO _fluent_migrations (id, name, batch) VALUES (?, ?, 9)", (str(uuid.uuid4()).upper(), "999-01-future"))
    before = db.read_bytes()
    result = run("serve", "--data-dir", str(tmp_path / "d"))
    assert_one_line_error(result, "newer version of Mentalize")
    assert db.read_bytes() == before


def test_a_missing_secret_key_with_existing_data_is_refused(tmp_path):
    assert run("migrate", "--data-dir", str(tmp_path / "d")).returncode == 0
    (tmp_path / "d" / "secret.key").unlink()
    result = run("serve", "--data-dir", str(tmp_path / "d"))
    assert_one_line_error(result, "secret key")
    assert not (tmp_path / "d" / "secret.key").exists(), "no silent new key"


def test_demo_is_idempotent(tmp_path):
    first = run("demo", "--data-dir", str(tmp_path / "d"))
    assert "Demo data seeded." in first.stdout, first.stderr
    assert "therapist.ash@demo.invalid" in first.stdout
    second = run("demo", "--data-dir", str(tmp_path / "d"))
    assert "already there" in second.stdout
    with sqlite3.connect(tmp_path / "d" / "mentalize.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == DEMO_PATIENTS


def test_serve_demo_prints_the_url_and_the_accounts(demo_server):
    banner = demo_server.banner
    assert demo_server.base_url in banner
    for account in ("therapist.ash@demo.invalid", "supervisor.cedar@demo.invalid", "lead.dogwood@demo.invalid", "admin.elm@demo.invalid", "patient.avery@demo.invalid"):
        assert account in banner
    ready = requests.get(demo_server.base_url + "/readyz", timeout=5)
    assert ready.status_code == 200
    assert ready.json()["migrations"] == "current"


def test_user_commands_manage_accounts_and_roles(tmp_path):
    data = str(tmp_path / "d")
    assert run("demo", "--data-dir", data).returncode == 0
    weak = subprocess.run([mentalize_binary(), "user", "create", "--data-dir", data, "--username", "kim@demo.invalid", "--name", "Kim", "--role", "therapist"],
                          input="password1234\n", capture_output=True, text=True, env=sqlite_environment())
    assert_one_line_error(weak, "too common")
    made = subprocess.run([mentalize_binary(), "user", "create", "--data-dir", data, "--username", "kim@demo.invalid", "--name", "Kim", "--role", "therapist"],
                          input="a long enough passphrase\n", capture_output=True, text=True, env=sqlite_environment())
    assert made.returncode == 0, made.stderr
    assert run("user", "set-roles", "kim@demo.invalid", "--role", "therapist", "--role", "supervisor", "--data-dir", data).returncode == 0
    listed = run("user", "list", "--data-dir", data).stdout
    assert "kim@demo.invalid\tsupervisor,therapist\tactive" in listed
    assert run("user", "disable", "kim@demo.invalid", "--data-dir", data).returncode == 0
    assert "kim@demo.invalid\tsupervisor,therapist\tdisabled" in run("user", "list", "--data-dir", data).stdout
    reset = subprocess.run([mentalize_binary(), "user", "reset-password", "nobody@demo.invalid", "--data-dir", data],
                           input="a long enough passphrase\n", capture_output=True, text=True, env=sqlite_environment())
    assert_one_line_error(reset, "no account named")
