"""An explanation (`--explain ID --format json`) as JSON data, personal data masked."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from engine.explain import Explanation
from engine.knowledge_base import KnowledgeBase
from engine.rules import Cause, Test
from visualise.conditions import plain

EXPLANATION_VERSION = 1


def explanation_data(
    explanation: Explanation, kb: KnowledgeBase, as_of: date, reveal: bool = False
) -> dict[str, Any]:
    unit = explanation.unit
    return {
        "explanation_version": EXPLANATION_VERSION,
        "as_of": as_of.isoformat(),
        "id": unit.id,
        "kind": explanation.kind,
        "title": unit.title,
        "layer": unit.layer if isinstance(unit, Cause) else None,
        "status": explanation.status,
        "how": [
            {
                "rule": firing.rule.id,
                "condition": _condition(firing.rule.when.tests, kb),
                "matched": [
                    o.evidence.render(reveal) if o.evidence else o.describe()
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
                        "test": words(test.test, kb),
                        "outcome": test.outcome,
                        "found": (
                            test.observed.evidence.render(reveal)
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
                    {"phrase": r.phrase, "meaning": r.meaning, "points_at": list(r.points_at)}
                    for r in explanation.readings
                ],
            }
        ),
        "fix": [
            {"step": step.number, "where": step.where, "action": step.action}
            for step in explanation.fixes
        ],
    }


def words(test: Test, kb: KnowledgeBase) -> str:
    """A test in plain words (the knowledge docs' wording, without their code marks)."""
    return plain(test, kb).replace("`", "")


def _condition(tests: tuple[Test, ...], kb: KnowledgeBase) -> str:
    return " and ".join(words(test, kb) for test in tests)


def render_explanation_json(
    explanation: Explanation, kb: KnowledgeBase, as_of: date, reveal: bool = False
) -> str:
    data = explanation_data(explanation, kb, as_of, reveal)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
