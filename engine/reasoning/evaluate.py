"""Evaluating one compiled rule test by test, outside the engine, to say why it did not fire.

durable-rules decides which rules fire; it cannot say why a rule did not, nor
which unknown facts could still make it fire. This evaluator answers those
questions (for `--explain`, the consultation and the plan's checks) against
what the session held: every observation of the case, and every fact the
session's rules concluded (read from the trace, never recomputed). Each test
holds, fails (a known value outside the test's values) or is open (unknown).
A conclusion the session did not reach is open when one of its own rules is
open, and rests on that rule's unknown facts. tests/test_properties.py proves
on every example, and on generated cases, that a rule holds here exactly when
it fired in the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from engine.authoring.rules import (
    FALSE,
    FINDING,
    TRUE,
    UNKNOWN,
    CardSubject,
    Case,
    ObservationName,
    Subject,
    Test,
    TestKind,
)
from engine.facts.personal import Text
from engine.kb.base import CompiledRule
from engine.reasoning.observe import CASE_SUBJECT, Observed
from engine.reasoning.session import Firing

HOLDS, FAILS, OPEN = "holds", "fails", "open"
NOT_CONCLUDED = "none"
"""The value of a chained fact that no rule of the session asserted."""


@dataclass(frozen=True)
class TestResult:
    test: Test
    observed: Observed
    outcome: str

    @property
    def rests_on(self) -> tuple[str, ...]:
        """Unknown facts behind this test: its answer could change the rule's outcome."""
        if self.outcome == OPEN or self.observed.value in (UNKNOWN, FALSE):
            return self.observed.unknown_paths
        return ()


@dataclass(frozen=True)
class RuleResult:
    """One rule for one subject (the case, or one card): each test's result."""

    rule: CompiledRule
    subject: Subject
    tests: tuple[TestResult, ...]

    @property
    def outcome(self) -> str:
        outcomes = {result.outcome for result in self.tests}
        return FAILS if FAILS in outcomes else OPEN if OPEN in outcomes else HOLDS

    @property
    def failed(self) -> tuple[TestResult, ...]:
        return tuple(r for r in self.tests if r.outcome != HOLDS)

    @property
    def rests_on(self) -> tuple[str, ...]:
        """The unknown facts whose answers could change this rule's outcome (none if it fails)."""
        if self.outcome == FAILS:
            return ()
        return tuple(dict.fromkeys(path for r in self.tests for path in r.rests_on))


class Held:
    """What a session held for one case: its observations and the facts its rules concluded."""

    def __init__(
        self,
        observed: list[Observed],
        trace: tuple[Firing, ...],
        rules: tuple[CompiledRule, ...],
        case: Case,
    ):
        self.case = case
        self.rules = rules
        self._by_key: dict[tuple[ObservationName, Subject], Observed] = {
            (o.name, o.subject): o for o in observed
        }
        self._findings: list[Observed] = []
        self._not_reached: dict[tuple, Observed] = {}
        for firing in trace:
            for fact in firing.concluded:
                if fact.name == FINDING:
                    self._findings.append(fact)
                else:
                    # A cause both confirmed and suspected is read as confirmed.
                    self._by_key.setdefault((fact.name, fact.subject), fact)

    def subjects(self, rule: CompiledRule) -> list[Subject] | None:
        """The subjects a rule is matched for; None when it reads cards and none is listed."""
        if not rule.when.reads_card:
            return [CASE_SUBJECT]
        return self._cards

    @cached_property
    def _cards(self) -> list[Subject] | None:
        """Every card of the case as a subject; None when none is listed."""
        count = self.case.card_count()
        return [CardSubject(self.case.cards, card) for card in range(count)] if count else None

    def observed(self, test: Test, subject: Subject, depth: int = 0) -> Observed:
        own = subject if test.card else CASE_SUBJECT
        if test.kind == TestKind.FINDING:
            return self._finding(test)
        found = self._by_key.get((test.name, own))
        if found is not None:
            return found
        if test.kind == TestKind.CONCLUDED:
            return self._not_concluded(test, own, depth)
        if test.kind == TestKind.REPORTED:
            cause_id = test.subject_name
            text = Text(f"{cause_id} is not reported")
            return Observed(test.name, CASE_SUBJECT, NOT_CONCLUDED, text)
        raise LookupError(f"no observation {test.name!r} for {own or 'the case'}")

    def _finding(self, test: Test) -> Observed:
        for fact in self._findings:
            if fact.value in test.values:
                return fact
        layers = " or ".join(sorted(test.values))
        return Observed(
            FINDING,
            CASE_SUBJECT,
            NOT_CONCLUDED,
            Text(f"no cause in the {layers} layer is reported"),
        )

    def _not_concluded(self, test: Test, subject: Subject, depth: int) -> Observed:
        """A conclusion not reached: open on the unknown facts of its own open rules, if any.

        Worked out once for each test, subject and depth: many rules test one conclusion."""
        key = (test.name, test.values, subject, depth)
        found = self._not_reached.get(key)
        if found is None:
            found = self._not_reached[key] = self._open_conclusion(test, subject, depth)
        return found

    def _open_conclusion(self, test: Test, subject: Subject, depth: int) -> Observed:
        open_paths: list[str] = []
        if depth < len(self.rules):
            for rule in self._concluding.get(test.name, ()):
                if rule.conclusion not in test.values:
                    continue
                for result in self._results(rule, subject, depth + 1):
                    if result.outcome == OPEN:
                        open_paths += result.rests_on
        if open_paths:
            text = Text(
                f"{test.name} is not known: {', '.join(dict.fromkeys(open_paths))} not known"
            )
            return Observed(test.name, subject, UNKNOWN, text, tuple(dict.fromkeys(open_paths)))
        return Observed(test.name, subject, NOT_CONCLUDED, Text(f"{test.name} does not hold"))

    @cached_property
    def _concluding(self) -> dict[str, list[CompiledRule]]:
        """The rules that conclude each fact, in rule order."""
        concluding: dict[str, list[CompiledRule]] = {}
        for rule in self.rules:
            if rule.concludes_fact:
                concluding.setdefault(rule.target, []).append(rule)
        return concluding

    def _results(self, rule: CompiledRule, subject: Subject, depth: int) -> list[RuleResult]:
        """A conclusion's rule for one card's conclusion, or over every card for the case's."""
        if subject and rule.when.reads_card:
            return [self.evaluate_for(rule, subject, depth)]
        subjects = self.subjects(rule)
        if subjects is None:
            return [_without_cards(rule, self)]
        return [self.evaluate_for(rule, each, depth) for each in subjects]

    def evaluate_for(self, rule: CompiledRule, subject: Subject, depth: int = 0) -> RuleResult:
        return RuleResult(
            rule,
            subject,
            tuple(_result(test, self.observed(test, subject, depth)) for test in rule.when.tests),
        )


def evaluate(rule: CompiledRule, held: Held) -> tuple[RuleResult, ...]:
    """`rule` evaluated for the case, or for each card when it tests cards."""
    subjects = held.subjects(rule)
    if subjects is None:
        return (_without_cards(rule, held),)
    return tuple(held.evaluate_for(rule, subject) for subject in subjects)


def _without_cards(rule: CompiledRule, held: Held) -> RuleResult:
    """A card rule when no card is listed: its card tests cannot hold (open while the cards
    are not known, whatever values they accept, "unknown" included)."""
    cards = held.case.cards
    listed = cards is not None and getattr(held.case.facts, cards) is not None
    no_card = Observed(
        str(cards),
        CASE_SUBJECT,
        "none" if listed else UNKNOWN,
        Text("no bank card is listed" if listed else f"{cards} is not known"),
        () if listed or cards is None else (cards,),
    )
    card_outcome = FAILS if listed else OPEN
    return RuleResult(
        rule,
        CASE_SUBJECT,
        tuple(
            TestResult(test, no_card, card_outcome)
            if test.card
            else _result(test, held.observed(test, CASE_SUBJECT))
            for test in rule.when.tests
        ),
    )


def _result(test: Test, observed: Observed) -> TestResult:
    if observed.value in test.values:
        return TestResult(test, observed, HOLDS)
    if observed.value == UNKNOWN or _could_become_known(test, observed):
        return TestResult(test, observed, OPEN)
    return TestResult(test, observed, FAILS)


def _could_become_known(test: Test, observed: Observed) -> bool:
    """A test that a fact is known, on a fact not known yet: an answer could make it hold."""
    return test.kind == TestKind.KNOWN and TRUE in test.values and observed.value == FALSE
