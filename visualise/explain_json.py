"""An explanation (`--explain ID --format json`) as JSON data, personal data masked."""

from __future__ import annotations

from datetime import date
from typing import Any

from engine.authoring.rules import Cause, Test
from engine.kb.base import KnowledgeBase
from engine.reasoning.diagnosis import Step
from engine.reasoning.explain import Explanation
from visualise.conditions import plain
from visualise.json_report import said
from visualise.json_text import indented
from visualise.language import ENGLISH, Language

EXPLANATION_VERSION = 1


def explanation_data(
    explanation: Explanation,
    kb: KnowledgeBase,
    as_of: date,
    reveal: bool = False,
    language: Language = ENGLISH,
) -> dict[str, Any]:
    """The explanation as JSON-ready data, its words in `language`."""
    unit = explanation.unit
    return {
        "explanation_version": EXPLANATION_VERSION,
        "language": language.code,
        "as_of": as_of.isoformat(),
        "id": unit.id,
        "kind": explanation.kind,
        "title": language.words(unit.title),
        "layer": unit.layer if isinstance(unit, Cause) else None,
        "status": explanation.status,
        "how": [
            {
                "rule": firing.rule.id,
                "condition": _condition(firing.rule.when.tests, kb, language),
                "matched": [
                    o.evidence.render(reveal, language) if o.evidence else o.describe()
                    for o in firing.matched
                ],
                "asserted": list(firing.asserted),
            }
            for firing in explanation.chain
        ],
        "why_not": [
            {
                "rule": result.rule.id,
                "concludes": result.rule.conclusion,
                "subject": result.subject or None,
                "outcome": result.outcome,
                "tests": [
                    {
                        "test": words(test.test, kb, language),
                        "outcome": test.outcome,
                        "found": (
                            test.observed.evidence.render(reveal, language)
                            if test.observed.evidence
                            else test.observed.describe()
                        ),
                    }
                    for test in result.failed
                ],
            }
            for result in explanation.unmet
        ],
        "would_decide": [
            {"fact": path, "question": explanation.questions.get(path) or None}
            for path in explanation.would_decide
        ],
        "message": (
            None
            if explanation.message is None
            else {
                "text": explanation.message,
                "read": [
                    {
                        "phrase": r.phrase,
                        "meaning": language.words(r.meaning),
                        "points_at": list(r.points_at),
                    }
                    for r in explanation.readings
                ],
            }
        ),
        "fix": [_step(step, language) for step in explanation.fixes],
    }


def _step(step: Step, language: Language) -> dict[str, Any]:
    data = {
        "step": step.number,
        "where": language.words(step.where),
        "action": language.words(step.action),
    }
    if step.say is not None:
        data["say"] = said(step, language)
    return data


def words(test: Test, kb: KnowledgeBase, language: Language = ENGLISH) -> str:
    """A test in plain words (the knowledge docs' wording, without their code marks)."""
    return plain(test, kb, language).replace("`", "")


def _condition(tests: tuple[Test, ...], kb: KnowledgeBase, language: Language) -> str:
    return language.gettext(" and ").join(words(test, kb, language) for test in tests)


def render_explanation_json(
    explanation: Explanation,
    kb: KnowledgeBase,
    as_of: date,
    reveal: bool = False,
    language: Language = ENGLISH,
) -> str:
    data = explanation_data(explanation, kb, as_of, reveal, language)
    return indented(data)
