"""Only observations some rule could match in full are asserted, and only those are made."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from engine.authoring.rules import (
    FINDING,
    Case,
    FactValue,
    derived,
    fact,
    finding_in,
    unknown,
    when,
)
from engine.facts.loading import read_facts_file, validate_facts
from engine.kb.base import CompiledRule
from engine.reasoning.relevance import Relevance
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


def _made(relevance, passed, values):
    """The deferred observations `with_deferred` makes, in order, with these values, and the
    bits it gives back."""
    made = []

    def make(name):
        made.append(name)
        return relevance.passed([(name, values[name])])

    return made, relevance.with_deferred(passed, make)


def test_deferred_observations_are_needed_only_by_rules_the_others_leave_open():
    first = _rule(fact("taobao.security_error", True), derived("passport.expired"))
    second = _rule(unknown("passport.number"), derived("permit.expired"), finding_in("bank"))
    relevance = Relevance((first, second), frozenset({"passport.expired", "permit.expired"}))
    passed = relevance.passed([(FactValue("taobao.security_error"), "true")])
    made, after = _made(relevance, passed, {"passport.expired": "true"})
    assert made == ["passport.expired"]
    assert relevance.wanted(passed) == set()
    assert relevance.wanted(after) == {
        (FactValue("taobao.security_error"), "true"),
        ("passport.expired", "true"),
    }


def test_a_rules_later_deferred_tests_are_not_made_once_one_is_not_passed():
    """The rest of a rule's deferred tests cannot open it once one fails; another rule that
    tests them alone still has them made."""
    both = _rule(derived("passport.expired"), derived("permit.expired"))
    relevance = Relevance((both,), frozenset({"passport.expired", "permit.expired"}))
    values = {"passport.expired": "false", "permit.expired": "true"}
    assert _made(relevance, 0, values)[0] == ["passport.expired"]
    values["passport.expired"] = "true"
    made, after = _made(relevance, 0, values)
    assert made == ["passport.expired", "permit.expired"]
    assert relevance.wanted(after) == {("passport.expired", "true"), ("permit.expired", "true")}
    alone = _rule(derived("permit.expired"))
    relevance = Relevance((both, alone), frozenset({"passport.expired", "permit.expired"}))
    values["passport.expired"] = "false"
    made, after = _made(relevance, 0, values)
    assert sorted(made) == ["passport.expired", "permit.expired"]
    assert relevance.wanted(after) == {("permit.expired", "true")}


def test_a_deferred_observation_two_open_rules_test_is_made_once():
    """Made for the first rule left open, its value serves the second: `make` is called once
    a name at most."""
    first = _rule(fact("taobao.security_error", True), derived("passport.expired"))
    second = _rule(fact("passport.renewed", True), derived("passport.expired"))
    relevance = Relevance((first, second), frozenset({"passport.expired"}))
    passed = relevance.passed(
        [(FactValue("taobao.security_error"), "true"), (FactValue("passport.renewed"), "true")]
    )
    made, after = _made(relevance, passed, {"passport.expired": "true"})
    assert made == ["passport.expired"]
    assert ("passport.expired", "true") in relevance.wanted(after)


def test_a_rule_is_open_only_when_every_test_of_it_is_passed():
    """Each test is its own bit: a rule with a chained test first, one with two tests, and
    one with a single test are open exactly when all their own tests are passed."""
    chained_first = _rule(finding_in("bank"), fact("taobao.security_error", True))
    two_tests = _rule(fact("taobao.new_account", True), fact("taobao.bound_to_alipay", False))
    single = _rule(fact("passport.renewed", True))
    relevance = Relevance((chained_first, two_tests, single))
    assert relevance.wanted(relevance.passed([])) == set()
    assert relevance.wanted(relevance.passed([(FactValue("passport.number"), "unknown")])) == set()
    assert (
        relevance.wanted(relevance.passed([(FactValue("taobao.bound_to_alipay"), "false")]))
        == set()
    )
    assert relevance.wanted(relevance.passed([(FactValue("passport.renewed"), "true")])) == {
        (FactValue("passport.renewed"), "true")
    }
    both = [
        (FactValue("taobao.new_account"), "true"),
        (FactValue("taobao.bound_to_alipay"), "false"),
    ]
    assert relevance.wanted(relevance.passed(both)) == set(both)
    security = [(FactValue("taobao.security_error"), "true")]
    assert relevance.wanted(relevance.passed(security)) == {(FINDING, "bank"), *security}


def test_a_deferred_observation_is_needed_only_when_all_settled_tests_are_passed():
    rule = _rule(
        fact("taobao.new_account", True),
        fact("taobao.bound_to_alipay", False),
        derived("passport.expired"),
    )
    relevance = Relevance((rule,), frozenset({"passport.expired"}))
    values = {"passport.expired": "true"}
    assert _made(relevance, relevance.passed([]), values)[0] == []
    one = relevance.passed([(FactValue("taobao.bound_to_alipay"), "false")])
    assert _made(relevance, one, values)[0] == []
    both = one | relevance.passed([(FactValue("taobao.new_account"), "true")])
    assert _made(relevance, both, values)[0] == ["passport.expired"]


def test_the_built_in_rules_relevance_is_the_plain_definition(doctor):
    """Relevance worked out here, over every built-in rule, agrees with the plain definition
    for every example's observations."""
    relevance = Relevance(doctor.rules)
    for path in sorted(EXAMPLES.glob("*.json")):
        case = Case(read_facts_file(path), read_facts_file(path).as_of)
        observed = doctor.observer.observe(case)
        wanted = relevance.wanted(relevance.passed((o.name, o.value) for o in observed))
        assert [o for o in observed if (o.name, o.value) in wanted] == _could_match(
            doctor.rules, observed
        )
