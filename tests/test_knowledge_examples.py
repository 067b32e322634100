"""Every rule unit's own examples: facts where it fires, near misses where it must not."""

from __future__ import annotations

import pytest

from engine.knowledge_loader import builtin_knowledge
from tests.conftest import statuses

KB = builtin_knowledge()

CAUSE_CASES = [
    pytest.param(cause.id, example, id=f"{cause.id}: {example.note}")
    for cause in KB.causes
    for example in cause.examples
]
WORKAROUND_CASES = [
    pytest.param(workaround.id, example, id=f"{workaround.id}: {example.note}")
    for workaround in KB.workarounds
    for example in workaround.examples
]


@pytest.mark.parametrize(("cause_id", "example"), CAUSE_CASES)
def test_cause_example(diagnose, cause_id, example):
    assert statuses(diagnose(example.facts)).get(cause_id) == example.expect


@pytest.mark.parametrize(("workaround_id", "example"), WORKAROUND_CASES)
def test_workaround_example(diagnose, workaround_id, example):
    offered = {offer.workaround.id for offer in diagnose(example.facts).workarounds}
    assert (workaround_id in offered) == (example.expect == "offered")


@pytest.mark.parametrize("unit", [*KB.causes, *KB.workarounds], ids=lambda unit: unit.id)
def test_every_unit_has_a_firing_example_and_a_near_miss(unit):
    expectations = {example.expect for example in unit.examples}
    assert expectations - {None}, "no example where the rule fires"
    assert None in expectations, "no near miss where the rule must not fire"
