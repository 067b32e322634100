"""The JSON report of some facts, made exactly as `python cli.py FACTS --format json` makes it.

The API and the pages both use this one path: the diagnosis with its plan check
and next steps (engine/outcome.py, as the CLI makes it), rendered with
visualise/json_report.py. A test holds the API's bytes equal to the CLI's for
every example.
"""

from __future__ import annotations

from typing import Any

from engine.facts.model import Facts
from engine.outcome import diagnose
from engine.reasoning.diagnosis import Diagnosis, Doctor
from visualise.json_report import render_json, report_data
from visualise.language import ENGLISH, Language


def diagnose_json(
    doctor: Doctor, facts: Facts, reveal: bool = False, language: Language = ENGLISH
) -> str:
    """The report as the CLI prints it with `--format json` (`reveal`: --show-personal-data,
    `language`: --lang)."""
    outcome = diagnose(doctor, facts)
    return render_json(
        outcome.diagnosis, reveal, outcome.plan_check, language, next_steps=outcome.next_steps
    )


def diagnose_data(
    doctor: Doctor, facts: Facts, reveal: bool = False, language: Language = ENGLISH
) -> tuple[Diagnosis, dict[str, Any]]:
    """The diagnosis (for its diagram) and the same report as data (for the pages)."""
    outcome = diagnose(doctor, facts)
    report = report_data(
        outcome.diagnosis, reveal, outcome.plan_check, language, next_steps=outcome.next_steps
    )
    return outcome.diagnosis, report
