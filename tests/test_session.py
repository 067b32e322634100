"""The durable-rules wrapper: failures surface, no fact outlives its diagnosis."""

from __future__ import annotations

import itertools
import json
import pickle
import subprocess
import sys
from dataclasses import replace

import durable_rules_engine
import pytest

from engine.authoring.rules import (
    CardSubject,
    Cause,
    CauseKey,
    Conclusion,
    FactValue,
    Observation,
    Outcome,
    concluded,
    derived,
    fact,
    when,
)
from engine.errors import EngineFault
from engine.facts.loading import validate_facts
from engine.kb.base import CompiledRule, KnowledgeBase
from engine.reasoning.diagnosis import Doctor
from engine.reasoning.observe import Observed
from engine.reasoning.session import RuleEngine
from engine.text.wording import Wording
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


def test_a_diagnosis_leaves_its_session_empty_and_a_failed_one_leaves_none(
    diagnose, doctor, monkeypatch
):
    """Sessions are reused (a new one costs time in proportion to the rules): every fact a
    diagnosis asserted, its conclusions included, is retracted when it ends; a session in
    which something failed is deleted, and the next diagnosis opens another."""
    engine = doctor.engine
    facts = load_example("story-renewed-passport-new-phone-new-taobao.json")
    assert diagnose(facts).findings
    session = engine._sid
    assert json.loads(durable_rules_engine.get_facts(engine._handle, session)) == []
    with monkeypatch.context() as patch:
        patch.setattr(RuleEngine, "_fire", lambda *args: 1 / 0)
        with pytest.raises(EngineFault):
            diagnose(facts)
    assert engine._sid is None
    assert diagnose(facts).findings
    assert engine._sid not in (None, session)


def test_rules_are_registered_once_per_knowledge_base(doctor):
    assert RuleEngine.for_rules(doctor.rules) is doctor.engine


def test_sessions_where_nothing_fires_before_and_after_the_first_action():
    """durable-rules crashes deleting a session before any action has run in the process."""
    script = (
        "from engine.reasoning.diagnosis import Doctor\n"
        "from knowledge import builtin_knowledge\n"
        "from engine.facts.loading import validate_facts\n"
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


def _fnv1_32(data: bytes) -> int:
    """durable-rules' `fnv1Hash32` (its bytes are C chars: signed)."""
    value = 0x811C9DC5
    for byte in data:
        value = ((value ^ (byte - 256 if byte > 127 else byte) % 2**32) * 16777619) % 2**32
    return value


def _hashed_id(fact: dict[str, str]) -> int:
    """The key durable-rules stores a fact under when the fact has no `id` (state.c)."""
    value = 0xCBF29CE484222325
    for name, text in sorted(fact.items(), key=lambda item: _fnv1_32(item[0].encode())):
        for part in (_fnv1_32(name.encode()), *text.encode()):
            value = ((value ^ part) * 1099511628211) % 2**64
    return _fnv1_32(f"${value:020d}".encode())


def test_two_facts_durable_rules_would_hash_alike_are_both_asserted(monkeypatch):
    """Cards 24623 and 61202 of session "1" share durable-rules' hashed identity."""
    rule = CompiledRule("r", "x", "confirmed", "confirmed", when(fact("bank_cards[].status", "ok")))
    engine = RuleEngine.for_rules((rule,))
    facts = [
        Observed(FactValue("bank_cards[].status"), CardSubject("bank_cards", card), "ok")
        for card in (24623, 61202)
    ]
    as_durable = [
        {"sid": "1", "t": "obs", "n": str(o.name), "s": str(o.subject), "v": o.value} for o in facts
    ]
    assert _hashed_id(as_durable[0]) == _hashed_id(as_durable[1])
    monkeypatch.setattr(RuleEngine, "_sids", itertools.count(1))
    monkeypatch.setattr(engine, "_sid", None)  # the next session opened is "1"
    engine.run(facts[:1])  # an action has run: a refused assert is an EngineFault, not a crash
    assert engine._sid == "1"
    firings = engine.run(facts)
    assert sorted(firing.subject for firing in firings) == [o.subject for o in facts]


def test_the_ids_a_session_gives_its_facts_hash_apart():
    """Each fact's id is its number in the session; durable-rules keys facts by their hash."""
    assert len({_fnv1_32(str(number).encode()) for number in range(100_000)}) == 100_000


def test_two_knowledge_bases_that_differ_only_in_a_layer_get_their_own_engines(doctor):
    """The engine is chosen by everything its rules conclude, not by their conditions alone."""
    phone = doctor.kb.cause("phone-mismatch")
    moved = replace(phone, layer="alipay", after=())
    kb = replace(doctor.kb, causes=tuple(moved if c is phone else c for c in doctor.kb.causes))
    other = Doctor(kb)
    assert other.engine is not doctor.engine
    facts = {
        "alipay": {"phone": "+8613900139000"},
        "bank_cards": [{"phone_on_file": "13800138000"}],
    }
    (finding,) = other.diagnose(validate_facts(facts)).findings
    assert finding.cause.layer == "alipay"


@pytest.mark.parametrize(
    "value", ['a "quoted" \\ value', "line\nbreak\t\x01\x7f\u2028", "王 小明", ""]
)
def test_a_fact_written_by_hand_is_what_the_json_encoder_writes(value):
    """Facts are written as JSON by hand for speed; durable-rules must get the same bytes."""
    from engine.reasoning.session import _durable_fact, _json, _list

    observed = Observed(FactValue("bank_cards[].holder"), CardSubject("bank_cards", 3), value)
    data = {
        "sid": "12",
        "id": "40",
        "t": "obs",
        "n": "fact:bank_cards[].holder",
        "s": "bank_cards[3]",
    }
    data["v"] = value
    assert _durable_fact("12", 40, observed) == _json(data)
    assert json.loads(_list([_json(data), _json(data)])) == [data, data]
    assert _list([_json(data), _json(data)]) == _json([data, data])


def test_observation_names_and_subjects_are_made_once_and_written_as_the_trace_shows_them():
    """Kinds and subjects are types, compared as one object (also after a pickle: batch's
    processes); durable-rules and the trace get them written as `kind:about` and `list[i]`."""
    import pickle

    from engine.authoring.rules import FINDING, FoundOn, LayerFinding, Reported
    from engine.reasoning.session import _about, _named

    card = CardSubject("bank_cards", 2)
    for value in (FactValue("passport.number"), card, FoundOn("x", card), Reported("x"), FINDING):
        assert pickle.loads(pickle.dumps(value)) is value
    assert FactValue("passport.number") is FactValue("passport.number") != Reported("x")
    assert LayerFinding() is FINDING
    with pytest.raises(AttributeError):
        card.index = 3
    assert _named(FactValue("bank_cards[].status")) == "fact:bank_cards[].status"
    assert (
        _named(FINDING) == "finding:layer" and _named("card.phone_differs") == "card.phone_differs"
    )
    assert (_about(card), _about(FoundOn("x", card)), _about(None)) == (
        "bank_cards[2]",
        "x@bank_cards[2]",
        "",
    )


def test_a_card_observation_or_conclusion_is_one_by_its_declaration_not_its_name():
    """`per_card` says what an observation or a conclusion is about, whatever its name: one
    declared per card, however named, is observed or concluded for each card and joined on the
    card its condition reads; one named `card.*` but declared for the case reads no card."""

    def named_b(case, card):
        return Outcome(case.get("bank_cards[].name_on_file", card) == "B")

    def surname_known(case, card):
        return Outcome(case.get("person.surname") is not None)

    def cause(cause_id, *tests):
        return Cause(
            id=cause_id, layer="bank", title=Wording(cause_id), explanation=Wording(cause_id),
            source="a test", fixes=(), confirmed=(when(*tests),),
        )  # fmt: skip

    observations = (
        Observation("holder.is_b", "", ("bank_cards[].name_on_file",), named_b, per_card=True),
        Observation("card.surname_known", "", ("person.surname",), surname_known),
    )
    fails = Conclusion(
        "holder.fails",
        Wording("the card fails"),
        holds=(when(fact("bank_cards[].status", "not_linked")),),
        per_card=True,
    )
    causes = (
        cause("b-fails", derived("holder.is_b"), concluded("holder.fails")),
        cause("surname", derived("card.surname_known")),
    )
    doctor = Doctor(KnowledgeBase(causes, (), observations, (), {}, conclusions=(fails,)))
    read = {rule.id: [t.card for t in rule.when.tests] for rule in doctor.rules}
    assert read == {
        "holder.fails=true": [True],
        "b-fails/confirmed": [True, True],
        "surname/confirmed": [False],
    }

    def found(*cards):
        facts = {"person": {"surname": "ZHANG"}, "bank_cards": list(cards)}
        trace = doctor.diagnose(validate_facts(facts)).trace
        return [(firing.rule.id, str(firing.subject)) for firing in trace]

    # Card 1 is named B, card 2 fails: no one card is both.
    assert found({"name_on_file": "B"}, {"name_on_file": "A", "status": "not_linked"}) == [
        ("holder.fails=true", "bank_cards[1]"),
        ("surname/confirmed", "None"),
    ]
    assert found({"name_on_file": "A"}, {"name_on_file": "B", "status": "not_linked"}) == [
        ("holder.fails=true", "bank_cards[1]"),
        ("b-fails/confirmed", "bank_cards[1]"),
        ("surname/confirmed", "None"),
    ]


def test_a_cause_key_is_its_text_wherever_looked_up_and_holds_its_parts_as_fields(doctor):
    """A per-wallet cause's key is `id@wallet` where keys are looked up and shown (`after`, the
    trace); its id and wallet are its fields, kept through a copy to another process."""
    kb = doctor.kb
    key = kb.cause("wallet-reverification@wechat_pay").key
    assert isinstance(key, CauseKey) and key == "wallet-reverification@wechat_pay"
    assert (key.id, key.wallet) == ("wallet-reverification", "wechat_pay")
    assert {key: 1}["wallet-reverification@wechat_pay"] == 1
    plain = kb.cause("phone-mismatch").key
    assert (plain, plain.id, plain.wallet) == ("phone-mismatch", "phone-mismatch", None)
    again = pickle.loads(pickle.dumps(key))
    assert (again, again.id, again.wallet) == (key, key.id, key.wallet)
    with pytest.raises(AttributeError):
        key.wallet = "alipay"
