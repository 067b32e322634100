"""Only observations some rule could match in full are asserted, and only those are made."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from engine.knowledge_base import CompiledRule
from engine.loading import read_facts_file, validate_facts
from engine.relevance import Relevance
from engine.rules import Case, derived, fact, finding_in, unknown, when
from tests.conftest import EXAMPLES
from tests.test_properties import valid_facts


def _could_match(rules, observed):
    """The plain definition: each test of a rule (findings aside) passed by some observation."""
    present = {(o.name, o.value) for o in observed}
    wanted = set()
    for rule in rules:
        tests = [t for t in rule.when.tests if not t.kind.chained]
        if all(any((t.name, v) in present for v in t.values) for t in tests):
            wanted |= {(t.name, v) for t in rule.when.tests for v in t.values}
    return [o for o in observed if (o.name, o.value) in wanted]


def _check(doctor, facts):
    case = Case(facts, facts.as_of)
    expected = _could_match(doctor.rules, doctor.observer.observe(case))
    assert doctor.observer.observe_useful(case) == expected
    assert doctor.engine._handled(expected) == expected  # the engine asserts them all


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_the_observations_made_are_those_some_rule_could_match(doctor, path):
    _check(doctor, read_facts_file(path))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(facts=valid_facts)
def test_the_observations_made_are_those_some_rule_could_match_in_any_facts(doctor, facts):
    _check(doctor, validate_facts(facts))


def _rule(*tests) -> CompiledRule:
    return CompiledRule("a-cause/confirmed", "a-cause", "confirmed", "confirmed", when(*tests))


def test_deferred_observations_are_needed_only_by_rules_the_others_leave_open():
    first = _rule(fact("taobao.security_error", True), derived("passport.expired"))
    second = _rule(unknown("passport.number"), derived("permit.expired"), finding_in("bank"))
    relevance = Relevance((first, second), frozenset({"passport.expired", "permit.expired"}))
    passed = relevance.passed([("fact:taobao.security_error", "true")])
    assert relevance.deferred_needed(passed) == {"passport.expired"}
    assert relevance.wanted(passed) == set()
    passed |= relevance.passed([("passport.expired", "true")])
    assert relevance.wanted(passed) == {
        ("fact:taobao.security_error", "true"),
        ("passport.expired", "true"),
    }
