"""Turn validated facts into the observations the rules test (the derived facts).

Only observations some rule tests are made; each is one per case, or one per
bank card for `bank_cards[]` observations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from json.encoder import encode_basestring

from engine.facts import PERSONAL_FIELDS
from engine.knowledge_base import CompiledRule, KnowledgeBase
from engine.personal import Datum, Text, mask
from engine.rules import FALSE, TRUE, UNKNOWN, Case, MessagePattern, Observation, encode

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
        """One line for the trace; a personal fact's value is masked."""
        where = f"{self.subject} " if self.subject else ""
        kind = PERSONAL_FIELDS.get(self.name.removeprefix("fact:"))
        return f"{where}{self.name} = {mask(self.value, kind)}"


@dataclass(frozen=True)
class _Probe:
    """One observation the rules test, with what observing it needs worked out."""

    name: str
    kind: str
    per_card: bool
    path: str | None
    personal: str | None
    observation: Observation | None
    patterns: tuple[MessagePattern, ...] = ()
    """For `message:` probes: (phrase, phrase casefolded, meaning), in knowledge order."""


class Observer:
    """Observes cases for one set of rules; what to observe is worked out once, not per case."""

    def __init__(self, kb: KnowledgeBase, rules: tuple[CompiledRule, ...]):
        names = dict.fromkeys(
            test.name for rule in rules for test in rule.when.tests if test.kind != "finding"
        )
        self._probes = tuple(_probe(kb, name) for name in names)

    def observe(self, case: Case) -> list[Observed]:
        """Every observation the rules test, for this case, in a fixed order."""
        cards = tuple(range(case.card_count()))
        observed: list[Observed] = []
        for probe in self._probes:
            if probe.per_card:
                for card in cards:
                    observed.append(_observe_one(case, probe, f"bank_cards[{card}]", card))
            else:
                observed.append(_observe_one(case, probe, CASE_SUBJECT, None))
        return observed


def _probe(kb: KnowledgeBase, name: str) -> _Probe:
    if ":" not in name:
        observation = kb.observation(name)
        if observation is None:
            raise LookupError(f"no observation named {name!r}")
        return _Probe(name, "derived", observation.per_card, None, None, observation)
    kind, rest = name.split(":", 1)
    if kind == "message":
        patterns = tuple(pattern for pattern in kb.messages if rest in pattern.points_at)
        return _Probe(name, kind, False, None, None, None, patterns)
    return _Probe(
        name, kind, rest.startswith("bank_cards[]."), rest, PERSONAL_FIELDS.get(rest), None
    )


def _observe_one(case: Case, probe: _Probe, subject: str, card: int | None) -> Observed:
    name = probe.name
    if probe.kind == "derived":
        outcome = probe.observation.evaluate(case, card)
        evidence = outcome.evidence
        if outcome.value is None and evidence is None:
            missing = ", ".join(outcome.unknown_paths)
            evidence = Text(f"not known whether {probe.observation.meaning} ({missing} not known)")
        return Observed(name, subject, encode(outcome.value), evidence, outcome.unknown_paths)
    if probe.kind == "message":
        return _message(case, probe, subject)
    path = probe.path
    where = case.where(path, card)
    value = case.get(path, card)
    if probe.kind == "known":
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
    shown = Datum(_as_json(value), probe.personal)
    return Observed(name, subject, encode(value), Text(f"{where} is {{0}}", (shown,)))


def _as_json(value: object) -> str:
    """A fact's value as written in JSON: strings and dates quoted, booleans lower case."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, date):
        return encode_basestring(value.isoformat())
    return encode(value)


def _message(case: Case, probe: _Probe, subject: str) -> Observed:
    text = case.get("symptom.error_message")
    if text is None:
        return Observed(probe.name, subject, UNKNOWN, None, ("symptom.error_message",))
    for pattern in probe.patterns:
        found = pattern.phrases_in(text)
        if found:
            return Observed(
                probe.name,
                subject,
                TRUE,
                Text(
                    f"symptom.error_message mentions “{{0}}” ({pattern.meaning})",
                    (Datum(found[0]),),
                ),
            )
    return Observed(probe.name, subject, FALSE)
