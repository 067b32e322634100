"""The example facts files: what each must find, and their reports against reviewed snapshots.

`examples/expected.csv` states, for every facts file in examples/, each cause it
must find (by key: `id@wallet` for a per-wallet cause) with its status, and each
workaround it must offer ("offered"); nothing else may be found. It is written by
hand, so a changed diagnosis fails here until the change is stated there.

Each file is also diagnosed (plan check and, when nothing is found, next steps
included) and its JSON report, without the trace, compared with the snapshot in
tests/__snapshots__/. After reviewing a snapshot diff, update the snapshots with:

    python -m pytest tests/test_examples.py --snapshot-update
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from engine.facts.loading import read_facts_file
from engine.outcome import diagnose
from tests.conftest import EXAMPLES, expected_findings
from visualise.json_report import report_data

DAY = date(2026, 11, 27)
"""The day a file without `as_of` is diagnosed on, so snapshots never depend on today."""

FILES = sorted(p.name for p in EXAMPLES.glob("*.json"))


def test_every_example_states_what_it_must_find():
    stated = expected_findings()
    assert sorted(set(FILES) - set(stated)) == [], "add their lines to examples/expected.csv"
    assert sorted(set(stated) - set(FILES)) == [], "lines for files examples/ does not hold"


@pytest.mark.parametrize("name", FILES)
def test_example_finds_what_it_states(doctor, name):
    diagnosis = doctor.diagnose(read_facts_file(EXAMPLES / name), DAY)
    found = {(f.cause.key, f.status.value) for f in diagnosis.findings} | {
        (offer.workaround.id, "offered") for offer in diagnosis.workarounds
    }
    assert found == expected_findings().get(name, set())


@pytest.mark.parametrize("name", FILES)
def test_example_report(doctor, snapshot, name):
    facts = read_facts_file(EXAMPLES / name)
    outcome = diagnose(doctor, facts, DAY)
    report = report_data(
        outcome.diagnosis, plan_check=outcome.plan_check, next_steps=outcome.next_steps
    )
    del report["trace"]  # how the rules chained: the unit examples and tests say what must fire
    assert json.loads(json.dumps(report, ensure_ascii=False)) == snapshot
