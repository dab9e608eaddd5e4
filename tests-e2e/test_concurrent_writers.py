"""Sixteen people writing and sixteen reading at once never get an error page, and every write
the server acknowledged is in the database afterwards: on SQLite (one writer at a time, readers
beside it) and on PostgreSQL. The load is a fixed number of requests, not a duration.

Writers are patients saving diary entries (each with its own idempotency key); readers are
patients opening their diary and home page and the programme lead opening the patient list,
the pages that failed under load before (every GET also writes the audit log)."""
import sqlite3
import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import sqlite_environment
from form_client import FormClient

WRITERS = 16
READERS = 16
WRITES_EACH = 8
READS_EACH = 20
PATIENTS = ("patient.avery@demo.invalid", "patient.blake@demo.invalid")
LEAD = "lead.dogwood@demo.invalid"
PATIENT_PAGES = ("/me/diary", "/home", "/me/measures")


def signed_in(server, username, env) -> FormClient:
    client = FormClient(server.base_url, env=env)
    client.sign_in(username)
    return client


def copy_of(client: FormClient) -> FormClient:
    """Another tab of the same signed-in person (staff codes cannot be used twice)."""
    other = FormClient(client.base_url, env=client.env)
    other.cookies = dict(client.cookies)
    other.csrf = client.csrf
    return other


def write_entries(client: FormClient, writer: int) -> list:
    results = []
    for number in range(WRITES_EACH):
        key = str(uuid.uuid4())
        client.get("/me/diary/new")
        response = client.post("/me/diary/new", {
            "key": key, "whatHappened": f"Writer {writer}, entry {number}: my friend did not answer and I wondered why.",
            "emotion-hurt": "on", "intensity-hurt": "6", "visibility": "shared", "action": "save",
        })
        results.append((key, response.status_code, response.text[:200] if response.status_code >= 400 else ""))
    return results


def read_pages(client: FormClient, pages) -> list:
    results = []
    for number in range(READS_EACH):
        path = pages[number % len(pages)]
        response = client.get(path)
        results.append((path, response.status_code, response.text[:200] if response.status_code >= 400 else ""))
    return results


def stored_keys(server, postgres_url) -> set:
    """The forms' idempotency keys of the stored entries (stored as `author:key`)."""
    query = "SELECT idempotency_key FROM diary_entries"
    if postgres_url:
        out = subprocess.run(["psql", postgres_url, "-At", "-c", query], capture_output=True, text=True, check=True).stdout
        stored = out.split()
    else:
        with sqlite3.connect(server.data_dir / "mentalize.sqlite") as db:
            stored = [row[0] for row in db.execute(query)]
    return {key.rpartition(":")[2].lower() for key in stored}


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_sixteen_writers_and_sixteen_readers_get_no_error_and_lose_nothing(engine, start_server, tmp_path, request):
    postgres_url = request.getfixturevalue("postgres_url") if engine == "postgresql" else None
    env = sqlite_environment()
    args = ["--demo"] + (["--database-url", postgres_url] if postgres_url else [])
    server = start_server(tmp_path / "data", *args, env=env)

    writers = [signed_in(server, PATIENTS[n % 2], env) for n in range(WRITERS)]
    lead = signed_in(server, LEAD, env)
    readers = [signed_in(server, PATIENTS[n % 2], env) for n in range(READERS // 2)] + [copy_of(lead) for _ in range(READERS // 2)]
    reader_pages = [PATIENT_PAGES] * (READERS // 2) + [("/patients", "/programme")] * (READERS // 2)

    with ThreadPoolExecutor(max_workers=WRITERS + READERS) as pool:
        write_jobs = [pool.submit(write_entries, client, n) for n, client in enumerate(writers)]
        read_jobs = [pool.submit(read_pages, client, pages) for client, pages in zip(readers, reader_pages)]
        writes = [result for job in write_jobs for result in job.result()]
        reads = [result for job in read_jobs for result in job.result()]

    assert len(writes) == WRITERS * WRITES_EACH and len(reads) == READERS * READS_EACH
    errors = [w for w in writes if w[1] >= 500] + [r for r in reads if r[1] >= 500]
    assert errors == [], f"{len(errors)} error pages under load, e.g. {errors[:5]}"
    refused = [w for w in writes if w[1] != 303] + [r for r in reads if r[1] != 200]
    assert refused == [], f"{len(refused)} requests not served as usual, e.g. {refused[:5]}"
    acknowledged = {key for key, status, _ in writes if status == 303}
    missing = acknowledged - stored_keys(server, postgres_url)
    assert missing == set(), f"{len(missing)} acknowledged diary entries are not in the database"
    assert server.process.poll() is None
    print(f"{engine}: {len(writes)} writes and {len(reads)} reads by {WRITERS + READERS} people, 0 errors, {len(acknowledged)} entries stored")
