"""The durable-rules wrapper: failures surface, sessions never outlive a diagnosis."""

from __future__ import annotations

import subprocess
import sys

import pytest

from engine.errors import EngineFault
from engine.session import RuleEngine
from tests.conftest import ROOT, load_example


def test_an_exception_inside_a_rule_action_is_raised(diagnose, monkeypatch):
    def broken(self, run, rule, closure):
        raise RuntimeError("boom in action")

    monkeypatch.setattr(RuleEngine, "_fire", broken)
    with pytest.raises(EngineFault, match="boom in action"):
        diagnose(load_example("renewed-passport.json"))


def test_the_engine_recovers_after_a_failed_diagnosis(diagnose, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(RuleEngine, "_fire", lambda *args: 1 / 0)
        with pytest.raises(EngineFault):
            diagnose(load_example("renewed-passport.json"))
    assert diagnose(load_example("renewed-passport.json")).findings


def test_more_diagnoses_than_durable_rules_keeps_live_sessions(diagnose):
    facts = load_example("renewed-passport.json")
    first = diagnose(facts)
    for _ in range(1100):
        last = diagnose(facts)
    assert last == first


def test_rules_are_registered_once_per_knowledge_base(doctor):
    assert RuleEngine.for_rules(doctor.rules) is doctor.engine


def test_sessions_where_nothing_fires_before_and_after_the_first_action():
    """durable-rules crashes deleting a session before any action has run in the process."""
    script = (
        "from engine.diagnosis import Doctor\n"
        "from knowledge import builtin_knowledge\n"
        "from engine.loading import validate_facts\n"
        "doctor = Doctor(builtin_knowledge())\n"
        "nothing = validate_facts({'as_of': '2026-11-27'})\n"
        "fires = validate_facts({'as_of': '2026-11-27', 'taobao': {'bound_to_alipay': False}})\n"
        "assert not doctor.diagnose(nothing).findings\n"
        "assert doctor.diagnose(fires).findings\n"
        "for _ in range(300):\n"
        "    assert not doctor.diagnose(nothing).findings\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, "clean\n"), result.stderr


def test_an_interrupt_inside_a_rule_action_ends_the_session_and_the_engine_recovers(
    diagnose, monkeypatch
):
    def interrupted(self, run, rule, message):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(RuleEngine, "_fire", interrupted)
        with pytest.raises(KeyboardInterrupt):
            diagnose(load_example("renewed-passport.json"))
    assert diagnose(load_example("renewed-passport.json")).findings
