"""The report-v3 JSON contract (../shared/spec/report-v3.md): report-v2 (report-v1 with evidence
as objects, plan steps' `"if"`, `"next_steps"` and `"language"`) with `"wallet"` on a per-wallet
cause and its plan steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.authoring.rules import Cause
from engine.facts.personal import Text
from engine.planning.plan_check import PlanCheck
from engine.reasoning.diagnosis import Diagnosis, Step
from visualise.json_text import indented
from visualise.language import ENGLISH, Language

REPORT_VERSION = 3

if TYPE_CHECKING:
    from engine.planning.next_steps import NextSteps


def report_data(
    diagnosis: Diagnosis,
    reveal: bool = False,
    plan_check: PlanCheck | None = None,
    language: Language = ENGLISH,
    next_steps: NextSteps | None = None,
) -> dict[str, Any]:
    """The report as JSON-ready data; personal data masked unless `reveal`."""
    words = language.words
    data = {
        "report_version": REPORT_VERSION,
        "language": language.code,
        "as_of": diagnosis.as_of.isoformat(),
        "causes": [
            {
                "id": finding.cause.id,
                **_wallet(finding.cause),
                "status": finding.status,
                "layer": finding.cause.layer,
                "title": words(finding.cause.title),
                "evidence": [evidence_data(text, reveal, language) for text in finding.evidence],
                "rules": list(finding.rules),
                "explanation": words(finding.cause.explanation),
                "source": finding.cause.source,
            }
            for finding in diagnosis.findings
        ],
        "plan": [_step(step, language) for step in diagnosis.plan],
        "workarounds": [
            {
                "id": offer.workaround.id,
                "title": words(offer.workaround.title),
                "steps": [words(step) for step in offer.workaround.steps],
                "because": [text.render(reveal, language) for text in offer.evidence],
            }
            for offer in diagnosis.workarounds
        ],
        "checks": [
            {
                "fact": check.fact,
                "question": language.words(check.question),
                "decides": list(check.decides),
            }
            for check in diagnosis.checks
        ],
        "trace": [
            {
                "rule": firing.rule.id,
                "matched": [observed.describe() for observed in firing.matched],
                "asserted": list(firing.asserted),
            }
            for firing in diagnosis.trace
        ],
    }
    if plan_check is not None:
        data["plan_check"] = plan_check_data(plan_check, reveal, language)
    if next_steps is not None:
        data["next_steps"] = next_steps_data(next_steps, diagnosis, language)
    return data


def next_steps_data(
    steps: NextSteps, diagnosis: Diagnosis, language: Language = ENGLISH
) -> dict[str, Any]:
    """When no cause fits: the checks that could reveal one, workarounds, and a person to ask."""
    return {
        "checks": [
            {
                "fact": check.fact,
                "question": language.words(check.question),
                "decides": list(check.decides),
            }
            for check in steps.checks
        ],
        "workarounds": [offer.workaround.id for offer in diagnosis.workarounds],
        "human_route": [
            {
                "id": workaround.id,
                "title": language.words(workaround.title),
                "steps": [language.words(step) for step in workaround.steps],
            }
            for workaround in steps.human_route
        ],
    }


def evidence_data(text: Text, reveal: bool, language: Language) -> dict[str, Any]:
    """One piece of evidence: a sentence in the reader's language and the facts' paths."""
    return {"text": text.render(reveal, language), "facts": list(text.facts)}


def plan_check_data(
    check: PlanCheck, reveal: bool = False, language: Language = ENGLISH
) -> dict[str, Any]:
    """The causes left after the plan's effects are applied, and why."""
    return {
        "remaining_causes": list(check.remaining_causes),
        "remaining": [
            {
                "id": finding.cause.id,
                "title": language.words(finding.cause.title),
                "status": finding.status,
                "evidence": [evidence_data(text, reveal, language) for text in finding.evidence],
                "rests_on": list(check.rests_on(finding)),
            }
            for finding in check.remaining
        ],
    }


def render_json(
    diagnosis: Diagnosis,
    reveal: bool = False,
    plan_check: PlanCheck | None = None,
    language: Language = ENGLISH,
    next_steps: NextSteps | None = None,
) -> str:
    data = report_data(diagnosis, reveal, plan_check, language, next_steps)
    return indented(data)


def _wallet(cause: Cause) -> dict[str, str]:
    """`{"wallet": ...}` for a cause that exists once per wallet (report-v3), else nothing."""
    return {"wallet": str(cause.layer)} if cause.per_wallet else {}


def _step(step: Step, language: Language) -> dict[str, Any]:
    """A plan step; a suspected cause's first begins with the check that would confirm it, and
    a step done with staff gives the sentence to show them, with its meaning, in both languages."""
    action = language.words(step.action)
    data: dict[str, Any] = {
        "step": step.number,
        "cause": step.cause.id,
        **_wallet(step.cause),
        "where": language.words(step.where),
        "action": action,
    }
    if step.check is not None:
        question = language.words(step.check.question)
        data["if"] = {"fact": step.check.fact, "question": question, "then": action}
    if step.say is not None:
        data["say"] = said(step, language)
    return data


def said(step: Step, language: Language) -> dict[str, str]:
    """`say` as report-v2 writes it: the sentence in its language, then its meaning in English
    (one entry where the sentence is English: a call to an issuer abroad)."""
    code, sentence = step.sentence(language.code)
    return {code: sentence, "en": step.say.en}
