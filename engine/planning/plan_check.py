"""Checking a plan: do what each step changes to a copy of the facts and diagnose again.

Each fix step declares its effects (`engine.authoring.rules.Effect`). They are applied in
plan order to one copy of the facts as JSON data (a copy per effect cost time
and memory in proportion to cards times cards), which is validated like a facts
file and diagnosed by the same Doctor. A cause that is still reported after the plan
either means the plan misses something (confirmed) or that it rests on facts
nobody knows yet (suspected, with those facts named).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from engine.authoring.rules import Effect, EffectKind, is_card_path
from engine.errors import InputError, KnowledgeError
from engine.facts.edits import FactData, facts_data, get_fact, set_fact
from engine.facts.loading import validate_facts
from engine.facts.model import Facts
from engine.reasoning.diagnosis import Check, Diagnosis, Doctor, Finding

RENEWED_VALIDITY = timedelta(days=365)
"""How far past as_of a renewed document's expiry is put; it only needs to lie after as_of.

Within a year of the last day a date can hold (9999-12-31), it is put on that
day: a document is valid through its expiry date, so it is still not expired."""


@dataclass(frozen=True)
class PlanCheck:
    """The diagnosis of the facts as they are once every step of the plan is done."""

    after: Diagnosis

    @property
    def remaining(self) -> tuple[Finding, ...]:
        return self.after.findings

    @property
    def remaining_causes(self) -> tuple[str, ...]:
        return tuple(finding.cause.id for finding in self.remaining)

    def rests_on(self, finding: Finding) -> tuple[str, ...]:
        """The unknown facts a remaining suspected cause rests on, by path."""
        return tuple(check.fact for check in self.open_checks(finding))

    def open_checks(self, finding: Finding) -> tuple[Check, ...]:
        """The checks whose answers would settle a remaining suspected cause."""
        return tuple(c for c in self.after.checks if finding.cause.id in c.decides)


def check_plan(doctor: Doctor, facts: Facts, diagnosis: Diagnosis) -> PlanCheck:
    """Apply every step of `diagnosis`'s plan to a copy of `facts` and diagnose again.

    A diagnosis that found nothing has no step: the facts after it are the facts it
    diagnosed, on its day, so it is its own check (nothing remains) and is not made twice."""
    if not diagnosis.findings:
        return PlanCheck(diagnosis)
    return PlanCheck(doctor.diagnose(facts_after(facts, diagnosis)))


def facts_after(facts: Facts, diagnosis: Diagnosis) -> Facts:
    """A copy of `facts` once every fix of `diagnosis`'s findings is done, as their effects say."""
    data = facts_data(facts)
    set_fact(data, "as_of", diagnosis.as_of.isoformat())  # the day, were it not known
    for finding in diagnosis.findings:
        cards = _cards_of(finding, diagnosis, data, type(facts).card_list)
        for step in finding.cause.fixes:
            for effect in step.effects:
                for card in cards if is_card_path(effect.path) else (None,):
                    value = _value_after(effect, data, card, diagnosis.as_of)
                    set_fact(data, effect.path, value, card)
    try:
        return validate_facts(data, source="the facts after the plan", model=type(facts))
    except InputError as error:
        raise KnowledgeError(f"the fix effects give facts that are not valid: {error}") from None


def _cards_of(
    finding: Finding, diagnosis: Diagnosis, data: FactData, cards: str | None
) -> tuple[int, ...]:
    """The cards the cause was found on; every card when it was found on none in particular."""
    found = {
        firing.subject.index
        for firing in diagnosis.trace
        if firing.rule.target == finding.cause.key and firing.subject is not None
    }
    return tuple(sorted(found)) or tuple(range(len(data.get(cards) or ()) if cards else 0))


def _value_after(effect: Effect, data: FactData, card: int | None, as_of: date) -> Any:
    if effect.kind == EffectKind.COPY:
        for source in effect.sources:
            values = [get_fact(data, path, card if is_card_path(path) else None) for path in source]
            if all(value is not None for value in values):
                return values[0] if len(values) == 1 else " ".join(map(str, values))
        return None
    if effect.kind == EffectKind.SET:
        return effect.value
    if effect.kind == EffectKind.FORGET:
        return None
    if effect.kind == EffectKind.RENEW:
        return (as_of + min(RENEWED_VALIDITY, date.max - as_of)).isoformat()
    if effect.kind == EffectKind.TODAY:
        return as_of.isoformat()
    if effect.kind == EffectKind.TIDY:
        current = get_fact(data, effect.path, card)
        return None if current is None else " ".join(str(current).upper().split())
    raise KnowledgeError(f"{effect.path}: unknown kind of fix effect {effect.kind!r}")
