"""The example facts files and their reports, checked against reviewed snapshots.

Each file in examples/ is diagnosed (plan check and, when nothing is found, next
steps included) and its JSON report compared with the snapshot in
tests/__snapshots__/. A new or changed cause that rightly fires in a story shows
as a snapshot diff to review, not as a broken assertion. After reviewing the
diff, update the snapshots with:

    python -m pytest tests/test_examples.py --snapshot-update
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from engine.loading import read_facts_file
from engine.next_steps import next_steps
from engine.plan_check import check_plan
from tests.conftest import EXAMPLES
from visualise.json_report import report_data

DAY = date(2026, 11, 27)
"""The day a file without `as_of` is diagnosed on, so snapshots never depend on today."""


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_example_report(doctor, snapshot, name):
    facts = read_facts_file(EXAMPLES / name)
    diagnosis = doctor.diagnose(facts, DAY)
    plan_check = check_plan(doctor, facts, diagnosis)
    after = next_steps(doctor, facts, diagnosis)
    report = report_data(diagnosis, plan_check=plan_check, next_steps=after)
    assert json.loads(json.dumps(report, ensure_ascii=False)) == snapshot
