"""Which observations some rule could still match in full.

A rule whose test no observation passes cannot fire, so the observations only
it would read need not be asserted (durable-rules refuses a fact no rule can
match), and an observation that only such rules test need not even be made.
durable-rules still does all the matching and joins; this only spares it, and
the observer, work that cannot lead anywhere. A rule's chained tests (on
conclusions, reported causes and layer findings) are met later, by other
rules' firings in the same session, so they never rule a rule out here.

Each test of each rule is one bit: an observation's (name, value) sets the bits
of the tests it passes, and a rule is open while all its bits are set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.knowledge_base import CompiledRule


@dataclass(frozen=True)
class _Rule:
    tests: int
    """The bits of the rule's tests (its chained tests aside)."""
    settled_tests: int
    """The bits of its tests on observations made first (not `deferred`)."""
    deferred: frozenset[str]
    """The deferred observations it tests."""
    accepted: frozenset[tuple[str, str]]
    """Every (name, value) its tests accept."""


class Relevance:
    """Rules' tests as bits, worked out once per set of rules."""

    def __init__(self, rules: tuple[CompiledRule, ...], deferred: frozenset[str] = frozenset()):
        self._passes: dict[tuple[str, str], int] = {}
        compiled = []
        bit = 1
        for rule in rules:
            tests = settled = 0
            for test in rule.when.tests:
                if test.kind.chained:
                    continue
                for value in test.values:
                    key = (test.name, value)
                    self._passes[key] = self._passes.get(key, 0) | bit
                tests |= bit
                if test.name not in deferred:
                    settled |= bit
                bit <<= 1
            compiled.append(
                _Rule(
                    tests,
                    settled,
                    frozenset(t.name for t in rule.when.tests if t.name in deferred),
                    frozenset((t.name, v) for t in rule.when.tests for v in t.values),
                )
            )
        self._rules = tuple(compiled)

    def passed(self, observed: Iterable[tuple[str, str]]) -> int:
        """The tests that these (name, value) observations pass, as bits."""
        passes = self._passes
        bits = 0
        for key in observed:
            bits |= passes.get(key, 0)
        return bits

    def deferred_needed(self, passed: int) -> set[str]:
        """The deferred observations tested by rules that the others leave open."""
        needed: set[str] = set()
        for rule in self._rules:
            if rule.deferred and passed & rule.settled_tests == rule.settled_tests:
                needed |= rule.deferred
        return needed

    def wanted(self, passed: int) -> set[tuple[str, str]]:
        """The (name, value) pairs that open rules (all tests passed) accept."""
        wanted: set[tuple[str, str]] = set()
        for rule in self._rules:
            if passed & rule.tests == rule.tests:
                wanted |= rule.accepted
        return wanted
