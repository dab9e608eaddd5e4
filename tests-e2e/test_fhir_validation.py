"""The FHIR R4 files `mentalize instruments export-fhir --out DIR` writes, checked by two
third-party validators: google-fhir-r4 (exact R4 4.0.1: structure, primitive formats, required
code bindings, reference target types) and fhir.resources (`fhir.resources.R4B`: structure,
cardinality, primitive formats, one value[x] per choice). Hand-written broken resources in
fixtures/fhir-invalid prove that each validator rejects what it is relied on to reject."""
import json
import subprocess
from pathlib import Path

import pydantic
import pytest
import requests
from fhir.resources.R4B import get_fhir_model_class
from google.fhir.core import fhir_errors
from google.fhir.r4 import json_format
from google.fhir.r4.proto.core.resources import (
    bundle_and_contained_resource_pb2,
    observation_pb2,
    questionnaire_pb2,
    questionnaire_response_pb2,
)

from conftest import REPO, mentalize_binary, sqlite_environment

AVERY = "00000000-DE00-4000-8000-0000000000C9"
BLAKE = "00000000-DE00-4000-8000-0000000000CA"
DEFINITIONS = REPO / "Sources" / "MentalizeCore" / "Resources" / "Instruments"
INVALID = Path(__file__).resolve().parent / "fixtures" / "fhir-invalid"

GOOGLE_MESSAGES = {
    "Bundle": bundle_and_contained_resource_pb2.Bundle,
    "Observation": observation_pb2.Observation,
    "Questionnaire": questionnaire_pb2.Questionnaire,
    "QuestionnaireResponse": questionnaire_response_pb2.QuestionnaireResponse,
}


def validate_google(text: str):
    resource_type = json.loads(text)["resourceType"]
    json_format.json_fhir_string_to_proto(text, GOOGLE_MESSAGES[resource_type], validate=True)


def validate_fhir_resources(text: str):
    resource_type = json.loads(text)["resourceType"]
    get_fhir_model_class(resource_type).model_validate_json(text)


VALIDATORS = {
    "google-fhir-r4": (validate_google, (fhir_errors.InvalidFhirError, ValueError)),
    "fhir.resources": (validate_fhir_resources, (pydantic.ValidationError,)),
}

BOTH = ("google-fhir-r4", "fhir.resources")
# Broken fixture -> the validators that must reject it. fhir.resources does not check required
# code bindings or reference target types; google-fhir-r4 does not check that a choice element
# carries only one value[x]. Together they cover every case.
MUST_REJECT = {
    "observation-code-wrong-type.json": BOTH,
    "questionnaire-missing-status.json": BOTH,
    "bundle-observation-missing-status.json": BOTH,
    "questionnaire-response-bad-date.json": BOTH,
    "observation-bad-date.json": BOTH,
    "questionnaire-response-bad-status.json": ("google-fhir-r4",),
    "questionnaire-bad-item-type.json": ("google-fhir-r4",),
    "observation-subject-not-a-patient.json": ("google-fhir-r4",),
    "questionnaire-enablewhen-two-answers.json": ("fhir.resources",),
}


def shipped_definitions() -> dict:
    return {path.stem: json.loads(path.read_text()) for path in sorted(DEFINITIONS.glob("*.json"))}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict:
    """File name -> parsed JSON of everything `instruments export-fhir` wrote."""
    out = tmp_path_factory.mktemp("fhir")
    result = subprocess.run([mentalize_binary(), "instruments", "export-fhir", "--out", str(out)],
                            capture_output=True, text=True, timeout=120, env=sqlite_environment())
    assert result.returncode == 0, result.stderr
    return {path.name: path.read_text() for path in sorted(out.iterdir())}


def test_one_questionnaire_per_definition_and_one_sample_bundle_per_scored_one(exported):
    definitions = shipped_definitions()
    expected = {f"Questionnaire-{id}.json" for id in definitions}
    expected |= {f"Bundle-{id}-sample.json" for id, definition in definitions.items() if definition.get("scoring")}
    assert set(exported) == expected


@pytest.mark.parametrize("validator", VALIDATORS)
def test_every_exported_file_is_valid(exported, validator):
    validate, _ = VALIDATORS[validator]
    failures = []
    for name, text in exported.items():
        try:
            validate(text)
        except Exception as error:  # collect every failure, not just the first
            failures.append(f"{name}: {error}")
    assert not failures, "\n".join(failures)


def test_questionnaires_match_their_definitions(exported):
    for id, definition in shipped_definitions().items():
        questionnaire = json.loads(exported[f"Questionnaire-{id}.json"])
        assert (questionnaire["url"], questionnaire["version"]) == (definition["url"], definition["version"])
        assert linked_ids(questionnaire["item"]) == linked_ids(definition["items"])
        panel = (definition.get("loinc") or {}).get("questionnaire")
        assert questionnaire.get("code", []) == ([{"system": "http://loinc.org", "code": panel}] if panel else [])


def test_bundle_references_resolve_and_name_a_shipped_questionnaire(exported):
    canonicals = {f"{q['url']}|{q['version']}" for q in map(json.loads, exported.values()) if q["resourceType"] == "Questionnaire"}
    for name, text in exported.items():
        bundle = json.loads(text)
        if bundle["resourceType"] != "Bundle":
            continue
        full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
        assert len(full_urls) == len(bundle["entry"]), name
        response, *observations = [entry["resource"] for entry in bundle["entry"]]
        assert response["resourceType"] == "QuestionnaireResponse"
        assert response["questionnaire"] in canonicals, name
        assert observations, f"{name} has no score Observation"
        for observation in observations:
            assert observation["resourceType"] == "Observation"
            assert observation["derivedFrom"] == [{"reference": bundle["entry"][0]["fullUrl"]}], name
            assert observation["subject"] == response["subject"], name


def test_a_patients_real_responses_export_as_a_valid_bundle(demo_server):
    """A patient's export of their own stored responses (monthly PHQ-9 and GAD-7) passes both validators."""
    session = requests.Session()
    token = session.post(demo_server.base_url + "/api/v1/auth/token",
                         json={"username": "patient.avery@demo.invalid", "password": "calm-harbour-demo-7"}).json()["token"]
    response = session.get(f"{demo_server.base_url}/api/v1/me/measures/fhir", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/fhir+json")
    bundle = response.json()
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert kinds.count("QuestionnaireResponse") >= 10 and kinds.count("Observation") >= kinds.count("QuestionnaireResponse")
    for validator, (validate, _) in VALIDATORS.items():
        validate(response.text)
    other = session.get(f"{demo_server.base_url}/api/v1/patients/{BLAKE}/measures/fhir", headers={"Authorization": f"Bearer {token}"})
    assert other.status_code == 404 and other.headers["Content-Type"] == "application/problem+json"
    # The staff route is for staff, even for the patient's own record (issue 15).
    staff_route = session.get(f"{demo_server.base_url}/api/v1/patients/{AVERY}/measures/fhir", headers={"Authorization": f"Bearer {token}"})
    assert staff_route.status_code == 404


@pytest.mark.parametrize("fixture", sorted(MUST_REJECT))
def test_broken_resources_are_rejected(fixture):
    text = (INVALID / fixture).read_text()
    for validator in MUST_REJECT[fixture]:
        validate, errors = VALIDATORS[validator]
        with pytest.raises(errors):
            validate(text)


def test_every_broken_fixture_is_listed():
    assert {path.name for path in INVALID.glob("*.json")} == set(MUST_REJECT)


def linked_ids(items) -> list:
    ids = []
    for item in items:
        ids.append(item["linkId"])
        ids += linked_ids(item.get("item") or item.get("items") or [])
    return ids
