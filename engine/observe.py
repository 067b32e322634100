"""Turn validated facts into the observations the rules test (the derived facts).

Only observations some rule tests are made; each is one per case, or one per
bank card for `bank_cards[]` observations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from engine.facts import PERSONAL_FIELDS
from engine.knowledge_base import CompiledRule, KnowledgeBase
from engine.personal import Datum, Text
from engine.rules import FALSE, TRUE, UNKNOWN, Case, Outcome, encode

CASE_SUBJECT = ""


@dataclass(frozen=True)
class Observed:
    """One observation of one subject (the case, or `bank_cards[i]`)."""

    name: str
    subject: str
    value: str
    evidence: Text | None = None
    unknown_paths: tuple[str, ...] = ()

    def describe(self) -> str:
        where = f"{self.subject} " if self.subject else ""
        return f"{where}{self.name} = {self.value}"


def observe(kb: KnowledgeBase, rules: tuple[CompiledRule, ...], case: Case) -> list[Observed]:
    """Every observation the rules test, for this case, in a fixed order."""
    names = dict.fromkeys(
        test.name for rule in rules for test in rule.when.tests if test.kind != "finding"
    )
    cards = range(case.card_count())
    observed: list[Observed] = []
    for name in names:
        kind = name.split(":", 1)[0] if ":" in name else "derived"
        per_card = _per_card(kb, name)
        for card in cards if per_card else (None,):
            subject = f"bank_cards[{card}]" if card is not None else CASE_SUBJECT
            observed.append(_observe_one(kb, case, kind, name, subject, card))
    return observed


def _per_card(kb: KnowledgeBase, name: str) -> bool:
    if ":" in name:
        return name.split(":", 1)[1].startswith("bank_cards[].")
    observation = kb.observation(name)
    return observation is not None and observation.per_card


def _observe_one(
    kb: KnowledgeBase, case: Case, kind: str, name: str, subject: str, card: int | None
) -> Observed:
    if kind == "derived":
        outcome = _derived(kb, case, name, card)
        evidence = outcome.evidence
        if outcome.value is None and evidence is None:
            missing = ", ".join(outcome.unknown_paths)
            meaning = kb.observation(name).meaning
            evidence = Text(f"not known whether {meaning} ({missing} not known)")
        return Observed(name, subject, encode(outcome.value), evidence, outcome.unknown_paths)
    if kind == "message":
        return _message(kb, case, name, subject)
    path = name.split(":", 1)[1]
    where = case.where(path, card)
    value = case.get(path, card)
    if kind == "known":
        known = value is not None
        return Observed(
            name,
            subject,
            TRUE if known else FALSE,
            Text(f"{where} is {'known' if known else 'not known'}"),
            () if known else (where,),
        )
    if value is None:
        return Observed(name, subject, UNKNOWN, Text(f"{where} is not known"), (where,))
    shown = Datum(json.dumps(value, ensure_ascii=False, default=str), PERSONAL_FIELDS.get(path))
    return Observed(name, subject, encode(value), Text(f"{where} is {{0}}", (shown,)))


def _derived(kb: KnowledgeBase, case: Case, name: str, card: int | None) -> Outcome:
    observation = kb.observation(name)
    if observation is None:
        raise LookupError(f"no observation named {name!r}")
    return observation.evaluate(case, card)


def _message(kb: KnowledgeBase, case: Case, name: str, subject: str) -> Observed:
    cause_id = name.split(":", 1)[1]
    text = case.get("symptom.error_message")
    if text is None:
        return Observed(name, subject, UNKNOWN, None, ("symptom.error_message",))
    folded = text.casefold()
    for pattern in kb.messages:
        if cause_id not in pattern.points_at:
            continue
        for phrase in pattern.phrases:
            if phrase.casefold() in folded:
                return Observed(
                    name,
                    subject,
                    TRUE,
                    Text(
                        f"symptom.error_message mentions “{{0}}” ({pattern.meaning})",
                        (Datum(phrase),),
                    ),
                )
    return Observed(name, subject, FALSE)
