"""The JSON report of some facts, made exactly as `python cli.py FACTS --format json` makes it.

The API and the pages both use this one path: diagnose, check the plan, render
with visualise/json_report.py. A test holds the API's bytes equal to the CLI's
for every example.
"""

from __future__ import annotations

from typing import Any

from engine.diagnosis import Diagnosis, Doctor
from engine.facts import Facts
from engine.next_steps import next_steps
from engine.plan_check import check_plan
from visualise.json_report import render_json, report_data
from visualise.language import ENGLISH, Language


def diagnose_json(
    doctor: Doctor, facts: Facts, reveal: bool = False, language: Language = ENGLISH
) -> str:
    """The report as the CLI prints it with `--format json` (`reveal`: --show-personal-data,
    `language`: --lang)."""
    diagnosis = doctor.diagnose(facts)
    plan_check = check_plan(doctor, facts, diagnosis)
    after = next_steps(doctor, facts, diagnosis)
    return render_json(diagnosis, reveal, plan_check, language, next_steps=after)


def diagnose_data(
    doctor: Doctor, facts: Facts, reveal: bool = False, language: Language = ENGLISH
) -> tuple[Diagnosis, dict[str, Any]]:
    """The diagnosis (for its diagram) and the same report as data (for the pages)."""
    diagnosis = doctor.diagnose(facts)
    plan_check = check_plan(doctor, facts, diagnosis)
    after = next_steps(doctor, facts, diagnosis)
    return diagnosis, report_data(diagnosis, reveal, plan_check, language, next_steps=after)
