"""`mentalize fidelity`: which fidelity scales raters can use, and loading a clinic's licensed
wording for the MBT scales (a pack that leaves an item unworded or names an unknown item is refused
in one line, nothing stored; a complete one makes the scale ready for rating)."""
import json

from test_cli import assert_one_line_error, run

SCALES = __import__("conftest").REPO / "Sources" / "MentalizeCore" / "Resources" / "FidelityScales"


def listed(data_dir):
    result = run("fidelity", "list", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    return {line.split("\t")[0]: line.split("\t")[2] for line in result.stdout.splitlines() if "\t" in line}


def test_import_text_refuses_an_incomplete_pack_and_loads_a_complete_one(tmp_path):
    data_dir = tmp_path / "data"
    before = listed(data_dir)
    assert before == {"mbt-aqs": "licensed texts not loaded", "mbt-g-aqs": "licensed texts not loaded", "mentalize-demo": "ready for rating"}

    definition = json.loads((SCALES / "mbt-aqs.json").read_text())
    items = {item["id"]: {"label": f"Licensed wording {item['id']}"} for item in definition["items"]}
    incomplete = tmp_path / "incomplete.json"
    incomplete.write_text(json.dumps({"scaleID": "mbt-aqs", "items": {k: v for k, v in items.items() if k != "aqs-3"}}))
    assert_one_line_error(run("fidelity", "import-text", str(incomplete), "--data-dir", str(data_dir)), "missing: aqs-3")
    stray = tmp_path / "stray.json"
    stray.write_text(json.dumps({"scaleID": "mbt-aqs", "items": dict(items, **{"aqs-99": {"label": "x"}})}))
    assert_one_line_error(run("fidelity", "import-text", str(stray), "--data-dir", str(data_dir)), "aqs-99 is not an item of mbt-aqs")
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"scaleID": "no-such-scale", "items": {}}))
    assert_one_line_error(run("fidelity", "import-text", str(unknown), "--data-dir", str(data_dir)), "no shipped scale is called no-such-scale")
    assert listed(data_dir)["mbt-aqs"] == "licensed texts not loaded"

    complete = tmp_path / "mbt-aqs-pack.json"
    complete.write_text(json.dumps({"scaleID": "mbt-aqs", "items": items}))
    loaded = run("fidelity", "import-text", str(complete), "--data-dir", str(data_dir))
    assert loaded.returncode == 0, loaded.stderr
    assert "Imported the wording of mbt-aqs: 17 items" in loaded.stdout
    assert listed(data_dir)["mbt-aqs"] == "ready for rating"
