"""Which observations some rule could still match in full.

A rule whose test no observation passes cannot fire, so the observations only
it would read need not be asserted (durable-rules refuses a fact no rule can
match), and an observation that only such rules test need not even be made.
durable-rules still does all the matching and joins; this only spares it, and
the observer, work that cannot lead anywhere. A rule's chained tests (on
conclusions, reported causes and layer findings) are met later, by other
rules' firings in the same session, so they never rule a rule out here.

Each test of each rule is one bit: an observation's (name, value) sets the bits
of the tests it passes, and a rule is open while all its bits are set. A rule's
bits are contiguous, so a rule can only be open when its lowest bit is set: the
rules are looked up by that bit rather than each tried in turn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from engine.kb.base import CompiledRule


@dataclass(frozen=True)
class _Rule:
    tests: int
    """The bits of the rule's tests (its chained tests aside)."""
    settled_tests: int
    """The bits of its tests on observations made first (not `deferred`)."""
    deferred: tuple[tuple[str, int], ...]
    """Its tests on deferred observations, in the order written: (name, the test's bit)."""
    accepted: frozenset[tuple[str, str]]
    """Every (name, value) its tests accept."""


class Relevance:
    """Rules' tests as bits, worked out once per set of rules."""

    def __init__(self, rules: tuple[CompiledRule, ...], deferred: frozenset[str] = frozenset()):
        self.passes: dict[tuple[str, str], int] = {}
        """The bits of the tests each (name, value) passes."""
        compiled = []
        bit = 1
        for rule in rules:
            tests = settled = 0
            waiting = []
            for test in rule.when.tests:
                if test.kind.chained:
                    continue
                for value in test.values:
                    key = (test.name, value)
                    self.passes[key] = self.passes.get(key, 0) | bit
                tests |= bit
                if test.name in deferred:
                    waiting.append((test.name, bit))
                else:
                    settled |= bit
                bit <<= 1
            compiled.append(
                _Rule(
                    tests,
                    settled,
                    tuple(waiting),
                    frozenset((t.name, v) for t in rule.when.tests for v in t.values),
                )
            )
        self._open = _ByLowestBit(compiled, lambda rule: rule.tests)
        self._always_accepted = frozenset().union(
            *(rule.accepted for rule in compiled if not rule.tests)
        )
        """What rules without a test of their own (only chained tests) accept: always open."""
        waiting_rules = [rule for rule in compiled if rule.deferred]
        self._waiting = _ByLowestBit(waiting_rules, lambda rule: rule.settled_tests)
        always = [rule for rule in waiting_rules if not rule.settled_tests]
        self.always_made = tuple(dict.fromkeys(rule.deferred[0][0] for rule in always))
        """The deferred observations every case makes: the first that a rule testing only
        deferred observations tests (nothing else can rule it out)."""
        self._always_waiting = tuple(rule for rule in always if len(rule.deferred) > 1)
        """Rules that test only deferred observations and more than one: after the first, the
        next is made only if the first passes."""

    def passed(self, observed: Iterable[tuple[str, str]]) -> int:
        """The tests that these (name, value) observations pass, as bits."""
        passes = self.passes
        bits = 0
        for key in observed:
            bits |= passes.get(key, 0)
        return bits

    def with_deferred(self, passed: int, make: Callable[[str], int]) -> int:
        """`passed` with the deferred observations that rules it leaves open test, made.

        `make(name)` makes every observation of that name (each subject) and returns the
        bits their values pass; it is called once a name at most, first for `always_made`.
        A rule's deferred tests are made in the order written, and the rest of them not once
        one is not passed (the rule cannot be open, whatever they are), unless another rule
        needs them.
        """
        for name in self.always_made:
            passed |= make(name)
        made = set(self.always_made)
        for rule in (*self._always_waiting, *self._waiting.candidates(passed)):
            if passed & rule.settled_tests != rule.settled_tests:
                continue
            for name, bit in rule.deferred:
                if name not in made:
                    made.add(name)
                    passed |= make(name)
                if not passed & bit:
                    break
        return passed

    def wanted(self, passed: int) -> set[tuple[str, str]]:
        """The (name, value) pairs that open rules (all tests passed) accept."""
        wanted = set(self._always_accepted)
        for rule in self._open.candidates(passed):
            if passed & rule.tests == rule.tests:
                wanted |= rule.accepted
        return wanted


class _ByLowestBit:
    """Rules by the lowest of some of their bits (each bit is one rule's): the rules whose
    lowest bit is set are found from the set bits, not by trying every rule."""

    def __init__(self, rules: list[_Rule], bits_of: Callable[[_Rule], int]):
        self._rules: dict[int, _Rule] = {}
        for rule in rules:
            bits = bits_of(rule)
            if bits:
                self._rules[bits & -bits] = rule
        self._lowest = sum(self._rules)

    def candidates(self, passed: int) -> list[_Rule]:
        """The rules whose lowest bit `passed` sets, in the order of their bits."""
        found = []
        bits = passed & self._lowest
        while bits:
            lowest = bits & -bits
            found.append(self._rules[lowest])
            bits ^= lowest
        return found
