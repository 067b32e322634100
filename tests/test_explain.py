"""Explanations: how a cause was reached, why one was not, and the message words read."""

from __future__ import annotations

import json

import pytest

import cli
from engine.authoring.rules import Case
from engine.errors import InputError
from engine.facts.loading import read_facts_file, validate_facts
from engine.reasoning.evaluate import FAILS, OPEN
from engine.reasoning.explain import check_id, explain, known_ids, marked
from engine.reasoning.observe import as_typed
from knowledge._where import Where
from tests.conftest import EXAMPLES, held_and_fired

STORY = EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json"


def _explain(doctor, facts: dict, unit_id: str):
    validated = validate_facts({"as_of": "2026-11-27", **facts})
    diagnosis = doctor.diagnose(validated)
    return explain(doctor, diagnosis, Case(validated, diagnosis.as_of), unit_id)


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main([*argv, "--no-diagram"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _all_cases(doctor):
    units = doctor.kb.causes + doctor.kb.workarounds + doctor.kb.conclusions
    cases = [validate_facts({"as_of": "2026-11-27", **e.facts}) for u in units for e in u.examples]
    return cases + [read_facts_file(p) for p in sorted(EXAMPLES.glob("*.json"))]


def test_rules_evaluated_test_by_test_hold_exactly_when_the_engine_fires_them(doctor):
    """The why-not analysis agrees with durable-rules on every example there is."""
    for facts in _all_cases(doctor):
        held, fired = held_and_fired(doctor, facts)
        assert held == fired


def test_how_a_confirmed_cause_was_reached_ends_at_its_fix(doctor):
    facts = json.loads(STORY.read_text(encoding="utf-8"))
    explanation = _explain(doctor, facts, "bank-passport-outdated")
    assert explanation.status == "confirmed"
    assert [f.rule.id for f in explanation.chain] == ["bank-passport-outdated/confirmed/1"]
    (evidence,) = [o.evidence for o in explanation.chain[0].matched]
    assert evidence.render(False) == (
        "For card 1 (ending 1234) your bank holds passport E12****78; your passport is E98****32."
    )
    assert evidence.facts == ("bank_cards[0].passport_number_on_file", "passport.number")
    assert [(s.number, s.where.en, s.fix.place) for s in explanation.fixes] == [
        (1, "bank branch", Where.BANK_BRANCH)
    ]
    assert explanation.unmet == () and explanation.would_decide == ()


def test_how_a_workaround_includes_the_firing_it_chained_on(doctor):
    facts = {"taobao": {"bound_to_alipay": False}, "symptom": {"persists": True}}
    explanation = _explain(doctor, facts, "international-card")
    assert [f.rule.id for f in explanation.chain] == [
        "taobao-not-linked/confirmed/1",
        "international-card/offered/2",
    ]


def test_why_not_names_the_failed_test_and_the_values_compared(doctor):
    facts = {
        "passport": {"number": "E98765432"},
        "alipay": {"identity": {"passport_number": "e98765432"}},
    }
    explanation = _explain(doctor, facts, "alipay-identity-outdated")
    assert explanation.status is None
    first = explanation.unmet[0]
    assert first.rule.id == "alipay-identity-outdated/confirmed/1"
    (failed,) = first.failed
    assert failed.outcome == FAILS
    assert failed.observed.evidence.render(True) == (
        "Alipay's identity information holds passport E98765432; your passport is E98765432."
    )
    assert explanation.would_decide == ()


def test_why_not_names_the_unknown_facts_that_would_change_the_answer(doctor):
    explanation = _explain(
        doctor, {"bank_cards": [{"status": "cannot_be_verified"}]}, "phone-mismatch"
    )
    assert explanation.status is None
    assert any(t.outcome == OPEN for r in explanation.unmet for t in r.failed)
    assert explanation.would_decide[:2] == ("bank_cards[0].phone_on_file", "alipay.phone")
    assert "预留手机号" in explanation.questions["bank_cards[0].phone_on_file"]


def test_a_suspected_cause_says_why_it_is_not_confirmed(doctor):
    facts = {"bank_cards": [{"status": "unresponsive"}], "symptom": {"error_message": "预留手机号"}}
    explanation = _explain(doctor, facts, "phone-mismatch")
    assert explanation.status == "suspected"
    assert [r.rule.conclusion for r in explanation.unmet] == ["confirmed"]
    assert "bank_cards[0].phone_on_file" in explanation.would_decide


def test_unknown_id_lists_known_ids_closest_first(doctor):
    with pytest.raises(InputError) as error:
        check_id(doctor, "phone-mismatc")
    listed = str(error.value).split("closest first: ", 1)[1].split(", ")
    assert listed[0] == "phone-mismatch"
    assert sorted(listed) == sorted(known_ids(doctor))
    assert "wallet-reverification" in listed and "wallet-reverification@wechat_pay" in listed


def test_the_words_read_in_the_message_are_marked():
    pieces = marked("Error: 与预留手机号不符, try again", ("与预留手机号不符", "预留手机号"))
    assert pieces == (("Error: ", False), ("与预留手机号不符", True), (", try again", False))
    assert marked("Unusual Activity found", ("unusual activity",))[0] == ("Unusual Activity", True)


def test_explain_on_the_command_line_shows_the_message_words(capsys):
    code, out, _ = _cli(capsys, str(STORY), "--explain", "phone-mismatch")
    assert code == 0
    assert "How it was reached" in out and "phone-mismatch/message/1" in out
    assert "«与预留手机号不符»" in out
    assert "not in an app." in out
    # The fix is done at a branch: the sentence to show the staff ends the explanation.
    assert "您好，我换了手机号。" in out and out.rstrip().endswith("uses.)")
    assert "E12345678" not in out


def test_explain_as_json(capsys):
    code, out, _ = _cli(capsys, str(STORY), "--explain", "phone-mismatch", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["id"], data["status"]) == ("phone-mismatch", "suspected")
    # The chain: the rule that concluded "the card fails", then the rules that used it.
    assert [h["rule"] for h in data["how"]] == [
        "card.fails=true/1",
        "phone-mismatch/suspected",
        "phone-mismatch/message/1",
    ]
    assert data["message"]["read"][0] == {
        "phrase": "与预留手机号不符",
        "meaning": "the bank's reserved phone number",
        "points_at": ["phone-mismatch"],
    }
    assert data["fix"][0]["where"] == "bank branch"


def test_explain_an_unknown_id_exits_2(capsys):
    code, out, err = _cli(capsys, str(STORY), "--explain", "phone-mismatc")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "closest first: phone-mismatch," in err


def test_the_error_message_is_quoted_as_the_person_typed_it():
    assert as_typed("Sorry: Your ID has expired.", "your id has expired") == "Your ID has expired"
    assert as_typed("与预留手机号不符", "预留手机号") == "预留手机号"
