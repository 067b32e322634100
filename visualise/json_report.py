"""The report-v1 JSON contract (../shared/spec/report-v1.md)."""

from __future__ import annotations

import json
from typing import Any

from engine.diagnosis import Diagnosis

REPORT_VERSION = 1


def report_data(diagnosis: Diagnosis, reveal: bool = False) -> dict[str, Any]:
    """The report as JSON-ready data; personal data masked unless `reveal`."""
    return {
        "report_version": REPORT_VERSION,
        "as_of": diagnosis.as_of.isoformat(),
        "causes": [
            {
                "id": finding.cause.id,
                "status": finding.status,
                "layer": finding.cause.layer,
                "title": finding.cause.title,
                "evidence": [text.render(reveal) for text in finding.evidence],
                "rules": list(finding.rules),
                "explanation": finding.cause.explanation,
                "guide": finding.cause.guide,
            }
            for finding in diagnosis.findings
        ],
        "plan": [
            {
                "step": step.number,
                "cause": step.cause.id,
                "where": step.where,
                "action": step.action,
            }
            for step in diagnosis.plan
        ],
        "workarounds": [
            {
                "id": offer.workaround.id,
                "title": offer.workaround.title,
                "steps": list(offer.workaround.steps),
                "because": [text.render(reveal) for text in offer.evidence],
            }
            for offer in diagnosis.workarounds
        ],
        "checks": [
            {"fact": check.fact, "question": check.question, "decides": list(check.decides)}
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


def render_json(diagnosis: Diagnosis, reveal: bool = False) -> str:
    return json.dumps(report_data(diagnosis, reveal), ensure_ascii=False, indent=2) + "\n"
