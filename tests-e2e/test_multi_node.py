"""Several stateless app nodes against one PostgreSQL: both serve the same data."""
import requests


def test_two_nodes_share_one_postgresql(start_server, postgres_url, tmp_path):
    shared_data_dir = tmp_path / "shared"  # holds the secret key both nodes use
    first = start_server(shared_data_dir, "--demo", "--database-url", postgres_url)
    second = start_server(shared_data_dir, "--database-url", postgres_url)
    assert first.port != second.port
    for node in (first, second):
        ready = requests.get(node.base_url + "/readyz", timeout=5)
        assert ready.status_code == 200, ready.text
        assert ready.json() == {"status": "ready", "database": "ok", "migrations": "current", "pendingMigrations": 0}
    # The second node never seeded anything, yet shows the clinic the first node wrote.
    page = requests.get(second.base_url + "/sign-in", timeout=5)
    assert "Demo MBT Clinic (synthetic data)" in page.text


def test_a_node_with_the_wrong_key_refuses_the_shared_database(start_server, postgres_url, tmp_path):
    import pytest
    start_server(tmp_path / "node-a", "--database-url", postgres_url)
    with pytest.raises(RuntimeError, match="does not belong to this database|secret key"):
        start_server(tmp_path / "node-b", "--database-url", postgres_url)
