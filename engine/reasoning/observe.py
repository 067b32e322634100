"""Turn validated facts into the observations the rules test (the derived facts).

Only observations some rule tests are made; each is one per case, or one per
bank card for `bank_cards[]` observations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from engine.authoring.rules import (
    FALSE,
    TRUE,
    UNKNOWN,
    CardSubject,
    Case,
    FactKnown,
    FactValue,
    MessagePattern,
    MessagePoints,
    Observation,
    ObservationName,
    Outcome,
    Subject,
    encode,
    is_card_path,
)
from engine.facts.personal import Datum, Text, mask
from engine.kb.base import CompiledRule, KnowledgeBase
from engine.reasoning.relevance import Relevance
from engine.reasoning.stating import FactWords
from engine.text.translatable import Message

CASE_SUBJECT: Subject = None
"""What an observation of the case itself is about."""


@dataclass(frozen=True)
class Observed:
    """One observation of one subject (the case, one card, or a cause's finding)."""

    name: ObservationName
    subject: Subject
    value: str
    evidence: Text | None = None
    unknown_paths: tuple[str, ...] = ()
    support: tuple[Observed, ...] = ()
    """For a fact concluded by a rule: the observations that rule matched."""
    personal: str | None = None
    """For a personal fact's own value: the kind that masks it (`engine.facts.personal`)."""

    def describe(self) -> str:
        """One line for the trace; a personal fact's value is masked."""
        where = f"{self.subject} " if self.subject else ""
        return f"{where}{self.name} = {mask(self.value, self.personal)}"


class _Probe:
    """One observation the rules test, with what observing it needs worked out once.

    `observed(case, subject, card)` makes the observation with its evidence;
    `value(case, card)`, for probes not deferred, reads its value alone, so that
    evidence is made only for the observations a diagnosis keeps.
    """

    deferred = False
    """Whether it is made after the others, and only when a rule they leave open tests it."""

    def __init__(self, name: ObservationName, per_card: bool):
        self.name = name
        self.per_card = per_card


class _Derived(_Probe):
    """A derived observation (knowledge/observations.py): its value comes with its evidence."""

    deferred = True

    def __init__(self, observation: Observation):
        super().__init__(observation.name, observation.per_card)
        self.observation = observation

    def outcome(self, case: Case, card: int | None) -> Outcome:
        return self.observation.evaluate(case, card)

    def observed(self, case: Case, subject: Subject, card: int | None) -> Observed:
        return self.from_outcome(self.outcome(case, card), case, subject, card)

    def from_outcome(
        self, outcome: Outcome, case: Case, subject: Subject, card: int | None
    ) -> Observed:
        """The observation, its evidence naming the facts it read (of this card)."""
        evidence = outcome.evidence
        if outcome.value is None and evidence is None:
            evidence = Text(
                Message("Not known whether {meaning}", meaning=self.observation.meaning),
                facts=outcome.unknown_paths,
            )
        elif evidence is not None and not evidence.facts:
            read = tuple(case.where(path, card) for path in self.observation.reads)
            evidence = replace(evidence, facts=read)
        return Observed(self.name, subject, encode(outcome.value), evidence, outcome.unknown_paths)


class _Known(_Probe):
    """Whether a fact is known (`FactKnown`); its evidence says the fact in words."""

    def __init__(self, name: FactKnown, words: FactWords):
        super().__init__(name, is_card_path(name.path))
        self.path = name.path
        self.words = words

    def value(self, case: Case, card: int | None) -> str:
        return FALSE if case.get(self.path, card) is None else TRUE

    def observed(self, case: Case, subject: Subject, card: int | None) -> Observed:
        text = self.words.said(case, self.path, card)
        if case.get(self.path, card) is None:
            return Observed(self.name, subject, FALSE, text, text.facts)
        return Observed(self.name, subject, TRUE, text)


class _Fact(_Probe):
    """A fact's own value (`FactValue`); its evidence says it in words (masked if personal)."""

    def __init__(self, name: FactValue, words: FactWords):
        super().__init__(name, is_card_path(name.path))
        self.path = name.path
        self.words = words

    def value(self, case: Case, card: int | None) -> str:
        return encode(case.get(self.path, card))

    def observed(self, case: Case, subject: Subject, card: int | None) -> Observed:
        value = case.get(self.path, card)
        text = self.words.said(case, self.path, card)
        return Observed(
            self.name,
            subject,
            encode(value),
            text,
            text.facts if value is None else (),
            personal=self.words.personal(self.path),
        )


class _Message(_Probe):
    """The error message holds words that point at the cause (`MessagePoints`)."""

    def __init__(self, name: MessagePoints, patterns: tuple[MessagePattern, ...], path: str | None):
        super().__init__(name, False)
        self.path = path
        """The error message's fact (`KnowledgeBase.message_path`)."""
        self.patterns = patterns
        self.phrases = tuple(phrase.casefold() for p in patterns for phrase in p.phrases)

    def value_in(self, folded: str | None) -> str:
        """The value for the error message folded to compare ignoring case (None: not known);
        the observer folds it once for every message probe."""
        if folded is None:
            return UNKNOWN
        return TRUE if any(phrase in folded for phrase in self.phrases) else FALSE

    def observed(self, case: Case, subject: Subject, card: int | None) -> Observed:
        text = case.get(self.path) if self.path else None
        if text is None:
            unknown = (self.path,) if self.path else ()
            return Observed(self.name, subject, UNKNOWN, None, unknown)
        for pattern in self.patterns:
            found = pattern.phrases_in(text)
            if found:
                return Observed(
                    self.name,
                    subject,
                    TRUE,
                    Text(
                        Message(
                            "The error message says “{0}” ({meaning})", meaning=pattern.meaning
                        ),
                        (Datum(as_typed(text, found[0])),),
                        (self.path,),
                    ),
                )
        return Observed(self.name, subject, FALSE)


class Observer:
    """Observes cases for one set of rules; what to observe is worked out once, not per case."""

    def __init__(self, kb: KnowledgeBase, rules: tuple[CompiledRule, ...]):
        names = dict.fromkeys(
            test.name for rule in rules for test in rule.when.tests if not test.kind.chained
        )
        words = FactWords(kb)
        self._message = kb.message_path
        """The error message's fact, which message probes read (`KnowledgeBase.message_path`)."""
        self._probes = tuple(_probe(kb, name, words) for name in names)
        settled = [probe for probe in self._probes if not probe.deferred]
        self._case_facts = tuple(
            (probe.name, probe.path, isinstance(probe, _Known))
            for probe in settled
            if isinstance(probe, (_Fact, _Known)) and not probe.per_card
        )
        """The case's own facts the rules test (their values, whether they are known): read
        straight off the case's values."""
        self._messages = tuple(probe for probe in settled if isinstance(probe, _Message))
        self._of_cards = tuple(probe for probe in settled if probe.per_card)
        deferred: dict[str, _Derived] = {
            probe.name: probe for probe in self._probes if isinstance(probe, _Derived)
        }
        self._evaluators = {
            name: (probe.observation.evaluate, probe.per_card) for name, probe in deferred.items()
        }
        """Each deferred observation's function, and whether it is made for each card."""
        self._relevance = Relevance(rules, frozenset(deferred))

    def observe(self, case: Case) -> list[Observed]:
        """Every observation the rules test, for this case, in a fixed order."""
        return [
            probe.observed(case, subject, card)
            for probe, subject, card in self._slots(_subjects(case))
        ]

    def observe_useful(self, case: Case) -> list[Observed]:
        """The observations some rule could match in full, in the order `observe` gives them.

        The values of the others are read first; a derived observation is made
        only when a rule they leave open tests it (`Relevance.with_deferred`), and
        evidence only for the observations kept.
        """
        relevance = self._relevance
        passes = relevance.passes
        subjects = _subjects(case)
        cards = tuple(card for _, card in subjects)
        message = case.get(self._message) if self._message else None
        folded = None if message is None else message.casefold()
        values: dict[ObservationName, tuple[str, ...]] = {}
        """Each observation's values made so far: one a card, or the case's one."""
        passed = 0
        of_case = case.values.get
        for name, path, known in self._case_facts:
            fact = of_case((path, None))
            value = (FALSE if fact is None else TRUE) if known else encode(fact)
            values[name] = (value,)
            passed |= passes.get((name, value), 0)
        for probe in self._messages:
            value = probe.value_in(folded)
            values[probe.name] = (value,)
            passed |= passes.get((probe.name, value), 0)
        for probe in self._of_cards:
            name = probe.name
            read = values[name] = tuple([probe.value(case, card) for card in cards])
            for value in read:
                passed |= passes.get((name, value), 0)
        outcomes: dict[ObservationName, tuple[Outcome, ...]] = {}

        evaluators = self._evaluators

        def make(name: ObservationName) -> int:
            evaluate, per_card = evaluators[name]
            if per_card:
                made = outcomes[name] = tuple([evaluate(case, card) for card in cards])
                read = values[name] = tuple([encode(outcome.value) for outcome in made])
                bits = 0
                for value in read:
                    bits |= passes.get((name, value), 0)
                return bits
            outcome = evaluate(case, None)
            outcomes[name] = (outcome,)
            value = encode(outcome.value)
            values[name] = (value,)
            return passes.get((name, value), 0)

        wanted = relevance.wanted(relevance.with_deferred(passed, make))
        wanted_names = {name for name, _ in wanted}
        observed = []
        for probe in self._probes:
            name = probe.name
            if name not in wanted_names or name not in values:
                continue
            made = outcomes.get(name)
            for index, value in enumerate(values[name]):
                if (name, value) not in wanted:
                    continue
                subject, card = subjects[index] if probe.per_card else (CASE_SUBJECT, None)
                if made:
                    observed.append(probe.from_outcome(made[index], case, subject, card))
                else:
                    observed.append(probe.observed(case, subject, card))
        return observed

    def _slots(self, subjects: tuple[tuple[CardSubject, int], ...]):
        """(probe, subject, card) of every observation, in a fixed order."""
        for probe in self._probes:
            if probe.per_card:
                for subject, card in subjects:
                    yield probe, subject, card
            else:
                yield probe, CASE_SUBJECT, None


def as_typed(message: str, phrase: str) -> str:
    """The phrase as the person typed it in `message` (its letter case), found ignoring case."""
    folded = message.casefold()
    start = folded.find(phrase.casefold())
    if start < 0 or len(folded) != len(message):
        return phrase
    return message[start : start + len(phrase)]


def _subjects(case: Case) -> tuple[tuple[CardSubject, int], ...]:
    return tuple((CardSubject(case.cards, card), card) for card in range(case.card_count()))


def _probe(kb: KnowledgeBase, name: ObservationName, words: FactWords) -> _Probe:
    if isinstance(name, MessagePoints):
        patterns = tuple(p for p in kb.messages if name.cause in p.points_at)
        return _Message(name, patterns, kb.message_path)
    if isinstance(name, FactKnown):
        return _Known(name, words)
    if isinstance(name, FactValue):
        return _Fact(name, words)
    observation = kb.observation(name) if isinstance(name, str) else None
    if observation is None:
        raise LookupError(f"no observation named {name!r}")
    return _Derived(observation)
