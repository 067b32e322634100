"""The report as a traveller reads it on the page: plain words where the JSON report has names.

The page shows report-v2 (the API's and the CLI's data) with three changes for
a person holding a phone: a piece of evidence that names a fact by its path
(`taobao.security_error is true`, the engine's words for a bare condition) is
said with the fact's label and the value's choice in the reader's language, the
raw line kept for a help desk; the questions to check are in the reader's
language; causes left after the plan are named by their titles, not ids, those
still only suspected (they rest on the checks) apart from those the plan leaves.
"""

from __future__ import annotations

import json
import re
from typing import Any

from engine.knowledge_base import KnowledgeBase
from engine.translatable import Message
from visualise.language import Language

CONDITION = re.compile(r"(?P<path>[a-z_]+(?:\[(?P<card>\d+)\])?(?:\.[a-z_]+)*) is (?P<value>.+)")
"""The engine's words for a condition on one fact: `PATH is known`, `PATH is "value"`."""


def for_reader(report: dict[str, Any], kb: KnowledgeBase, reader: Language) -> dict[str, Any]:
    """`report` (report-v2 data) with plain evidence, questions and open causes for `reader`."""
    titles = {cause["id"]: cause["title"] for cause in report["causes"]}
    page = dict(report)
    page["causes"] = [_cause(cause, kb, reader) for cause in report["causes"]]
    page["plan"] = [_step(step, kb, reader) for step in report["plan"]]
    page["checks"] = [_check(check, kb, reader) for check in report.get("checks", [])]
    if report.get("next_steps"):
        after = dict(report["next_steps"])
        after["checks"] = [_check(check, kb, reader) for check in after.get("checks", [])]
        page["next_steps"] = after
    if report.get("plan_check"):
        remaining = report["plan_check"]["remaining"]
        by_status = {
            status: [titles.get(c["id"], c["id"]) for c in remaining if c["status"] == status]
            for status in ("confirmed", "suspected")
        }
        page["plan_check"] = {**report["plan_check"], **by_status}
    return page


def _cause(cause: dict[str, Any], kb: KnowledgeBase, reader: Language) -> dict[str, Any]:
    """The cause with `plain` (evidence in words) and `desk` (the lines a help desk reads).

    That a fact is known (`passport.renewed_on is known`) tells a traveller, who gave
    it, nothing the lines beside it do not: it is said only when nothing else is."""
    plain, known, desk = [], [], []
    for item in cause["evidence"]:
        text = item["text"]
        said = _condition(text, item["facts"], kb, reader)
        if said is None:
            plain.append(text)
            continue
        desk.append(text)
        (known if text.endswith(" is known") else plain).append(said)
    return {**cause, "plain": list(dict.fromkeys(plain or known)), "desk": desk}


def _condition(text: str, facts: list[str], kb: KnowledgeBase, reader: Language) -> str | None:
    """A bare condition on one of the item's facts, said in words; None for any other text."""
    match = CONDITION.fullmatch(text)
    if match is None or match["path"] not in facts:
        return None
    path, value = match["path"], match["value"]
    label = reader.words(kb.fact_label(path))
    if match["card"] is not None:
        card = reader.text(Message("card {number}", number=int(match["card"]) + 1))
        label = reader.gettext("{label} ({card})").format(label=label, card=card)
    if value == "not known":
        return reader.gettext("Not known yet: {fact}").format(fact=label)
    label = label[:1].upper() + label[1:]
    if value == "known":
        return reader.gettext("{fact}: known").format(fact=label)
    try:
        data = json.loads(value)
    except ValueError:
        return None
    named = kb.value_label(path, data)
    shown = reader.words(named) if named is not None else str(data)
    return reader.gettext("{fact}: {value}").format(fact=label, value=shown)


def _step(step: dict[str, Any], kb: KnowledgeBase, reader: Language) -> dict[str, Any]:
    if not step.get("if"):
        return step
    return {**step, "if": _check(step["if"], kb, reader)}


def _check(check: dict[str, Any], kb: KnowledgeBase, reader: Language) -> dict[str, Any]:
    """The check with its question in the reader's language (the report's is English)."""
    ask = kb.ask(check["fact"])
    return {**check, "question": reader.words(ask.text)} if ask else check
