"""`mentalize instruments`: which instruments patients can be shown, and loading a clinic's licensed
texts (a broken pack is refused in one line naming the problem, nothing stored; a complete one is
stored and the instrument becomes available to patients)."""
import json

from test_cli import assert_one_line_error, run

DEFINITIONS = __import__("conftest").REPO / "Sources" / "MentalizeCore" / "Resources" / "Instruments"


def listed(data_dir):
    result = run("instruments", "list", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    return {line.split("\t")[0]: line.split("\t")[2] for line in result.stdout.splitlines() if "\t" in line}


def complete_pack(instrument_id):
    definition = json.loads((DEFINITIONS / f"{instrument_id}.json").read_text())

    def texts(items):
        for item in items:
            yield item["linkId"], {"text": f"Licensed text {item['linkId']}",
                                   "options": {o["code"]: f"Option {o['code']}" for o in item.get("answerOptions", [])}}
            yield from texts(item.get("items", []))

    return {"instrumentId": instrument_id, "version": definition["version"], "language": "en", "items": dict(texts(definition["items"]))}


def test_import_text_refuses_a_broken_pack_and_loads_a_complete_one(tmp_path):
    data_dir = tmp_path / "data"
    before = listed(data_dir)
    assert before["phq-9"] == "texts complete"
    assert before["bsl-23"] == "licensed texts not loaded"
    assert before["zan-bpd"] == "clinician-rated"

    pack = complete_pack("bsl-23")
    broken = dict(pack, items={k: v for k, v in pack["items"].items() if k != "bsl23-3"})
    broken_file = tmp_path / "broken.json"
    broken_file.write_text(json.dumps(broken))
    assert_one_line_error(run("instruments", "import-text", str(broken_file), "--data-dir", str(data_dir)), "items.bsl23-3: missing")
    assert listed(data_dir)["bsl-23"] == "licensed texts not loaded"

    not_json = tmp_path / "not.json"
    not_json.write_text("{ this is not json")
    assert_one_line_error(run("instruments", "import-text", str(not_json), "--data-dir", str(data_dir)), "text pack")
    assert_one_line_error(run("instruments", "import-text", str(tmp_path / "missing.json"), "--data-dir", str(data_dir)), "cannot read")

    good_file = tmp_path / "bsl-23-en.json"
    good_file.write_text(json.dumps(pack))
    loaded = run("instruments", "import-text", str(good_file), "--data-dir", str(data_dir))
    assert loaded.returncode == 0, loaded.stderr
    assert "Imported bsl-23 texts (en" in loaded.stdout
    assert listed(data_dir)["bsl-23"] == "texts complete"
