"""Shared fixtures: one Doctor per test session, built like the CLI builds it."""

from __future__ import annotations

import atexit
import csv
import json
import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

from engine.facts.loading import validate_facts
from engine.kb import cache as kb_cache
from engine.reasoning.diagnosis import Diagnosis, Doctor
from knowledge import builtin_knowledge
from visualise.language import LOCALE_VARIABLES

if kb_cache.ENVIRONMENT not in os.environ:
    # The suite's own cache (engine/kb/cache.py), gone after it: never the user's, and the
    # orders of the tests' made-up knowledge bases left nowhere.
    os.environ[kb_cache.ENVIRONMENT] = tempfile.mkdtemp(prefix="paydoctor-cache-")
    atexit.register(shutil.rmtree, os.environ[kb_cache.ENVIRONMENT], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """Tests read English output unless they ask otherwise, whatever the machine's locale."""
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(scope="session")
def doctor() -> Doctor:
    return Doctor(builtin_knowledge())


@pytest.fixture(scope="session")
def diagnose(doctor):
    """Diagnose facts given as a dict (as_of defaults to a fixed day, never today)."""

    def run(facts: dict) -> Diagnosis:
        return doctor.diagnose(validate_facts({"as_of": "2026-11-27", **facts}))

    return run


def statuses(diagnosis: Diagnosis) -> dict[str, str]:
    return {finding.cause.id: finding.status for finding in diagnosis.findings}


def load_example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def expected_findings() -> dict[str, set[tuple[str, str]]]:
    """What examples/expected.csv states, by file: (cause key or workaround id, status)."""
    stated: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with (EXAMPLES / "expected.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            stated[row["file"]].add((row["finding"], row["status"]))
    return stated


@pytest.fixture(scope="session")
def web_client():
    """The web application with the built-in knowledge, served in-process."""
    from starlette.testclient import TestClient

    from web.app import Settings, create_app

    with TestClient(create_app(Settings())) as client:
        yield client


def held_and_fired(doctor: Doctor, facts) -> tuple[set, set]:
    """(rule, subject) pairs the why-not evaluator holds, and those durable-rules fired."""
    from engine.authoring.rules import Case
    from engine.reasoning.evaluate import HOLDS, Held, evaluate

    diagnosis = doctor.diagnose(facts)
    case = Case(facts, diagnosis.as_of)
    session = Held(doctor.observer.observe(case), diagnosis.trace, doctor.rules, case)
    held = {
        (result.rule.id, result.subject)
        for rule in doctor.rules
        for result in evaluate(rule, session)
        if result.outcome == HOLDS
    }
    return held, {(firing.rule.id, firing.subject) for firing in diagnosis.trace}


VISITOR_CAUSES = {
    "personal-collection-code",
    "vpn-during-payment",
    "foreign-card-service-fee",
    "identity-not-verified",
    "passport-scan-rejected",
    "sms-code-not-received",
    "card-network-not-supported",
    "merchant-refuses-foreign-card",
    "card-issuer-country-refused",
}
"""causes-v3's nine causes, each reached by a visitor who answers the consultation."""
VISITOR_STORIES = sorted(
    name
    for name, found in expected_findings().items()
    if any(key.split("@")[0] in VISITOR_CAUSES for key, _ in found)
)
