"""Every rule unit's own examples, run generically (as ESLint's RuleTester runs a rule's).

Each example's facts are diagnosed; the unit must conclude what the example
expects, say the evidence it names, and, for a confirmed cause, no longer be
reported once its own fix effects are applied. A new unit's examples run here
with no test written for it.
"""

from __future__ import annotations

import pytest

from engine.checking.check import run_example
from knowledge import builtin_knowledge

KB = builtin_knowledge()
UNITS = [*KB.causes, *KB.workarounds, *KB.conclusions]

CASES = [
    pytest.param(unit, example, id=f"{unit.id}: {example.note}")
    for unit in UNITS
    for example in unit.examples
]


@pytest.mark.parametrize(("unit", "example"), CASES)
def test_unit_example(doctor, unit, example):
    outcome = run_example(doctor, unit, example)
    assert outcome.error is None
    assert outcome.failures == ()


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.key)
def test_every_unit_has_a_concluding_example_and_a_near_miss(unit):
    expectations = {example.expect for example in unit.examples}
    assert expectations - {None}, "no example where the unit concludes"
    assert None in expectations, "no near miss where it must not conclude"


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.key)
def test_every_rule_of_a_unit_fires_on_one_of_its_examples(doctor, unit):
    rules = rules_of(doctor, unit)
    assert rules, "the unit has no rule under its key"
    assert rules - fired_by_examples(doctor, unit) == set()


def rules_of(doctor, unit) -> set[str]:
    """The rules compiled from `unit`: a per-wallet cause's rules are under its key
    (`id@wallet`), not its id."""
    return {rule.id for rule in doctor.rules if rule.target == unit.key}


def fired_by_examples(doctor, unit) -> set[str]:
    return set().union(*(run_example(doctor, unit, e).fired for e in unit.examples))


def test_a_rule_of_a_per_wallet_unit_that_never_fires_is_caught():
    from dataclasses import replace

    from engine.authoring.rules import fact, when
    from engine.reasoning.diagnosis import Doctor

    unit = KB.cause("card-name-syntax@wechat_pay")
    never = when(fact("symptom.message", "a message no example gives"))
    widened = replace(unit, confirmed=(*unit.confirmed, never))
    causes = tuple(widened if c.key == unit.key else c for c in KB.causes)
    doctor = Doctor(replace(KB, causes=causes))
    missing = rules_of(doctor, widened) - fired_by_examples(doctor, widened)
    assert len(missing) == 1
    assert missing.pop().startswith("card-name-syntax@wechat_pay/")


def test_a_fix_that_does_not_remove_its_cause_fails_its_example(doctor):
    cause = KB.cause("phone-mismatch")
    confirmed = next(e for e in cause.examples if e.expect == "confirmed")
    from dataclasses import replace

    from engine.authoring.rules import FixStep
    from knowledge._where import Where

    broken = replace(cause, fixes=(FixStep("bank branch", "Ask nicely.", place=Where.BANK_BRANCH),))
    outcome = run_example(doctor, broken, confirmed)
    assert any("the fix does not remove the cause" in f for f in outcome.failures)


def test_an_example_without_as_of_runs_on_the_fixed_day_not_today(doctor):
    """A passport expiring the day after EXAMPLE_DAY is valid in the example on any day it runs
    (on today's date it would have expired by now)."""
    from datetime import timedelta

    from engine.authoring.rules import Example
    from engine.checking.check import EXAMPLE_DAY

    cause = KB.cause("passport-expired")
    tomorrow = (EXAMPLE_DAY + timedelta(days=1)).isoformat()
    yesterday = (EXAMPLE_DAY - timedelta(days=1)).isoformat()
    valid = Example("expires the next day", {"passport": {"expiry_date": tomorrow}}, None)
    expired = Example(
        "expired the day before", {"passport": {"expiry_date": yesterday}}, "confirmed"
    )
    assert run_example(doctor, cause, valid).failures == ()
    assert run_example(doctor, cause, expired).failures == ()
