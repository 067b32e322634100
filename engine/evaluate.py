"""Evaluating one compiled rule test by test against the observations, outside the engine.

The engine (durable-rules) only says which rules fired. To say why a rule did
not fire, and which unknown facts could still make it fire, each test is
evaluated here against the same observations: it holds, fails (a known value
outside the test's values) or is open (the value is unknown). A rule about
bank cards is evaluated once per card, as the engine matches it.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.diagnosis import Finding
from engine.knowledge_base import CompiledRule
from engine.observe import CASE_SUBJECT, Observed
from engine.personal import Text
from engine.rules import FALSE, FINDING, UNKNOWN, Case, Test

HOLDS, FAILS, OPEN = "holds", "fails", "open"


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
    subject: str
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


def evaluate(
    rule: CompiledRule, observed: list[Observed], case: Case, findings: tuple[Finding, ...]
) -> tuple[RuleResult, ...]:
    """`rule` evaluated for the case, or for each card when it tests cards."""
    by_key = {(o.name, o.subject): o for o in observed}
    if not rule.when.reads_card:
        subjects = [CASE_SUBJECT]
    elif case.card_count():
        subjects = [f"bank_cards[{card}]" for card in range(case.card_count())]
    else:
        return (_without_cards(rule, by_key, case, findings),)
    return tuple(
        RuleResult(
            rule,
            subject,
            tuple(
                _result(test, _observed(test, subject, by_key, findings))
                for test in rule.when.tests
            ),
        )
        for subject in subjects
    )


def _observed(
    test: Test, subject: str, by_key: dict[tuple[str, str], Observed], findings
) -> Observed:
    if test.name == FINDING:
        return _finding(test, findings)
    return by_key[(test.name, subject if test.card else CASE_SUBJECT)]


def _finding(test: Test, findings: tuple[Finding, ...]) -> Observed:
    reported = [f for f in findings if f.cause.layer in test.values]
    if reported:
        cause = reported[0].cause
        return Observed(FINDING, f"{cause.id}@", cause.layer, Text(f"{cause.id} is reported"))
    layers = " or ".join(sorted(test.values))
    return Observed(FINDING, "", "none", Text(f"no cause in the {layers} layer is reported"))


def _without_cards(rule, by_key, case: Case, findings) -> RuleResult:
    """A card rule when no card is listed: its card tests cannot hold."""
    listed = case.facts.bank_cards is not None
    no_card = Observed(
        "bank_cards",
        "bank_cards",
        "none" if listed else UNKNOWN,
        Text("no bank card is listed" if listed else "bank_cards is not known"),
        () if listed else ("bank_cards",),
    )
    return RuleResult(
        rule,
        CASE_SUBJECT,
        tuple(
            _result(test, no_card if test.card else _observed(test, CASE_SUBJECT, by_key, findings))
            for test in rule.when.tests
        ),
    )


def _result(test: Test, observed: Observed) -> TestResult:
    if observed.value in test.values:
        return TestResult(test, observed, HOLDS)
    if observed.value == UNKNOWN:
        return TestResult(test, observed, OPEN)
    return TestResult(test, observed, FAILS)
