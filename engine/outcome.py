"""One pipeline for every face: a diagnosis with its plan check and next steps.

The CLI, the API, the pages, the consultation (terminal and web) and batch get
what they show from here, so diagnose -> check the plan -> next steps is
written once. A consultation's step has diagnosed its facts already
(`Interviewer.step`, to choose the question): `consultation_step` completes
that diagnosis instead of making it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from engine.facts.model import Facts
from engine.planning.next_steps import NextSteps, next_steps
from engine.planning.plan_check import PlanCheck, check_plan
from engine.reasoning.diagnosis import Diagnosis, Doctor

if TYPE_CHECKING:
    from engine.consultation.interview import Interviewer, Step
    from engine.facts.edits import FactData


@dataclass(frozen=True)
class Outcome:
    """A diagnosis and what a report shows beside it."""

    facts: Facts
    diagnosis: Diagnosis
    plan_check: PlanCheck | None
    """What would be left once every step of the plan is done (None: not asked for)."""
    next_steps: NextSteps | None
    """What could still reveal a cause, when none was found (None: one was, or not asked for)."""


def diagnose(
    doctor: Doctor, facts: Facts, today: date | None = None, *, complete: bool = True
) -> Outcome:
    """The diagnosis of `facts`, with its plan check and next steps unless `complete` is False
    (batch's records and `--explain` show the diagnosis alone)."""
    diagnosis = doctor.diagnose(facts, today)
    if not complete:
        return Outcome(facts, diagnosis, None, None)
    return _completed(doctor, facts, diagnosis)


@dataclass(frozen=True)
class ConsultationStep:
    """A consultation's next step (the question, or done) and the report of the facts so far."""

    step: Step
    outcome: Outcome


def consultation_step(
    interviewer: Interviewer, data: FactData, today: date | None = None
) -> ConsultationStep:
    """The next question about `data` (facts with `dont_know`) and the report so far, from the
    one diagnosis the step made."""
    step = interviewer.step(data, today)
    return ConsultationStep(step, _completed(interviewer.doctor, step.facts, step.diagnosis))


def _completed(doctor: Doctor, facts: Facts, diagnosis: Diagnosis) -> Outcome:
    return Outcome(
        facts,
        diagnosis,
        check_plan(doctor, facts, diagnosis),
        next_steps(doctor, facts, diagnosis),
    )
