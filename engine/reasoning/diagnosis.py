"""One diagnosis: facts -> observations -> rule session -> findings, plan, checks.

`Doctor` holds what is built once per process (compiled rules, the engine, the
fix order); `diagnose` is the per-case path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from engine.authoring.rules import FALSE, UNKNOWN, Case, Cause, FixStep, Workaround
from engine.facts.model import Facts, card_index
from engine.facts.personal import Text
from engine.kb.base import CONFIRMED, OFFERED, SUSPECTED, KnowledgeBase
from engine.kb.order import fix_order
from engine.reasoning.observe import Observed, Observer
from engine.reasoning.session import Firing, RuleEngine
from engine.reasoning.stating import on_card
from engine.text.translatable import N_, Message
from engine.text.wording import SOURCE_LANGUAGE, Wording, spoken_in


@dataclass(frozen=True)
class Finding:
    """A reported cause with its status and what supports it."""

    cause: Cause
    status: str
    evidence: tuple[Text, ...]
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Check:
    """An unknown fact whose answer would confirm or rule out suspected causes."""

    fact: str
    question: Wording | Message
    """The question in each language (a unit's words); a card's names the card first."""
    decides: tuple[str, ...]
    label: Wording | Message
    """The fact's name in words ("the passport number your bank holds, card 1")."""
    settles: tuple[Wording, ...] = ()
    """The titles of the causes in `decides`, for a reader (the ids are for scripts)."""


@dataclass(frozen=True)
class Step:
    number: int
    cause: Cause
    fix: FixStep
    check: Check | None = None
    """For a suspected cause's first step: the check that would confirm it, to be done first."""
    card_language: str | None = None
    """The language of the cards' issuers, where they say (a call abroad is made in it)."""

    @property
    def where(self) -> Wording:
        return self.fix.where

    @property
    def action(self) -> Wording:
        return self.fix.action

    @property
    def say(self) -> Wording | None:
        """The sentence to show the staff who help with this step, if any do."""
        return self.fix.say

    @property
    def on_a_call(self) -> bool:
        """Whether `say` is said on a call abroad rather than shown to staff in China."""
        return self.fix.place.reads is None

    def sentence(self, reader: str) -> tuple[str, str]:
        """`say`'s language and its sentence: Chinese for staff in China; on a call abroad the
        card's own language, or the reader's where the card's country is not known."""
        assert self.say is not None
        code = self.fix.place.reads or self.card_language or reader
        return code, self.say.in_(code)


@dataclass(frozen=True)
class Offer:
    workaround: Workaround
    evidence: tuple[Text, ...]


@dataclass(frozen=True)
class Diagnosis:
    as_of: date
    findings: tuple[Finding, ...]
    plan: tuple[Step, ...]
    workarounds: tuple[Offer, ...]
    checks: tuple[Check, ...]
    trace: tuple[Firing, ...]


class Doctor:
    """Diagnoses cases against one knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.order = fix_order(kb.causes)
        self._position = {cause_id: index for index, cause_id in enumerate(self.order)}
        self._causes = {cause.key: cause for cause in kb.causes}
        self.rules = kb.compile()
        self.engine = RuleEngine.for_rules(self.rules)
        self.observer = Observer(kb, self.rules)

    def diagnose(self, facts: Facts, today: date | None = None) -> Diagnosis:
        case = Case(facts, facts.as_of or today or date.today())
        firings = tuple(self.engine.run(self.observer.observe_useful(case)))
        findings = self._findings(firings)
        return Diagnosis(
            as_of=case.as_of,
            findings=findings,
            plan=_plan(findings, checks := self._checks(findings, firings), facts),
            workarounds=self._offers(firings),
            checks=checks,
            trace=firings,
        )

    def question(self, path: str) -> Wording | Message:
        """The question a person is asked about the fact at `path`; a card's (`bank_cards[0].x`)
        names its card first, since "this card" alone could be any of them."""
        ask = self.kb.ask(path)
        text = ask.text if ask else Wording("What is {path}?").format(path=path)
        card = card_index(path)
        if card is None:
            return text
        if path.startswith("foreign_cards["):
            return Message(N_("Foreign card {number}: {question}"), number=card + 1, question=text)
        return Message(N_("Card {number}: {question}"), number=card + 1, question=text)

    def _findings(self, firings: tuple[Firing, ...]) -> tuple[Finding, ...]:
        by_cause: dict[str, list[Firing]] = {}
        for firing in firings:
            if firing.rule.target in self._position:
                by_cause.setdefault(firing.rule.target, []).append(firing)
        findings = []
        for cause_id in sorted(by_cause, key=self._position.__getitem__):
            fired = by_cause[cause_id]
            status = CONFIRMED if any(f.rule.conclusion == CONFIRMED for f in fired) else SUSPECTED
            support = [f for f in fired if f.rule.conclusion == status]
            findings.append(
                Finding(self._causes[cause_id], status, _evidence(support), _rule_ids(support))
            )
        return tuple(findings)

    def _offers(self, firings: tuple[Firing, ...]) -> tuple[Offer, ...]:
        offers = []
        for workaround in self.kb.workarounds:
            fired = [f for f in firings if f.rule.target == workaround.id]
            if fired and fired[0].rule.conclusion == OFFERED:
                offers.append(Offer(workaround, _evidence(fired)))
        return tuple(offers)

    def _checks(
        self, findings: tuple[Finding, ...], firings: tuple[Firing, ...]
    ) -> tuple[Check, ...]:
        decides: dict[str, list[str]] = {}
        for finding in findings:
            if finding.status != SUSPECTED:
                continue
            for firing in firings:
                if firing.rule.id not in finding.rules:
                    continue
                for observed in firing.matched:
                    if observed.value in (UNKNOWN, FALSE) and observed.unknown_paths:
                        for path in observed.unknown_paths:
                            causes = decides.setdefault(path, [])
                            if finding.cause.key not in causes:
                                causes.append(finding.cause.key)
        return tuple(self.check(path, tuple(keys)) for path, keys in decides.items())

    def check(self, path: str, causes: tuple[str, ...]) -> Check:
        """The check of the unknown fact at `path`, whose answer settles the causes of these keys
        (a wallet's cause is named by its wallet's title: WeChat Pay's, not Alipay's)."""
        label = self.kb.fact_label(path)
        card = card_index(path)
        named = label if card is None else on_card(label, card)
        found = [self.kb.cause(key) for key in causes]
        decides = tuple(dict.fromkeys(cause.id for cause in found))
        settles = tuple(dict.fromkeys(cause.title for cause in found))
        return Check(path, self.question(path), decides, named, settles)


def _evidence(firings: list[Firing]) -> tuple[Text, ...]:
    """What the firings matched, each said once; a concluded fact with what it rests on.

    An observation that is unknown only because of facts another matched test
    already names as not known says nothing new, and is left out.
    """
    matched = [m for f in firings for m in _with_support(f.matched) if m.evidence is not None]
    stated = {path for m in matched if m.name.startswith("known:") for path in m.unknown_paths}
    texts = [
        m.evidence
        for m in matched
        if not (m.value == UNKNOWN and m.unknown_paths and set(m.unknown_paths) <= stated)
    ]
    return tuple(dict.fromkeys(texts))


def _with_support(observed: tuple[Observed, ...]) -> list[Observed]:
    """The observations, each followed by those a rule concluded it from (recursively)."""
    out: list[Observed] = []
    for o in observed:
        out.append(o)
        out += _with_support(o.support)
    return out


def _rule_ids(firings: list[Firing]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.rule.id for f in firings))


def _plan(
    findings: tuple[Finding, ...], checks: tuple[Check, ...], facts: Facts
) -> tuple[Step, ...]:
    """Every finding's fix steps in order; a suspected cause's first step carries the check
    that would confirm it, so nobody makes a trip on a suspicion."""
    language = _card_language(facts)
    steps = []
    for finding in findings:
        first = None
        if finding.status == SUSPECTED:
            first = next((c for c in checks if finding.cause.id in c.decides), None)
        for number, fix in enumerate(finding.cause.fixes):
            check = first if number == 0 else None
            steps.append(Step(len(steps) + 1, finding.cause, fix, check, language))
    return tuple(steps)


def _card_language(facts: Facts) -> str | None:
    """The language the foreign cards' issuers speak: one country's, English for several, None
    where no card says its country."""
    spoken = {spoken_in(c.issuer_country) for c in facts.foreign_cards or () if c.issuer_country}
    return spoken.pop() if len(spoken) == 1 else (SOURCE_LANGUAGE if spoken else None)
