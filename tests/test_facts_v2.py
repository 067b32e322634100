"""facts-v2's fields as the reasoning reads them: lists of values, foreign cards, `dont_know`."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

import cli
from engine.authoring.rules import Case
from engine.consultation.answers import kind_of, read
from engine.consultation.interview import Interviewer
from engine.errors import InputError
from engine.facts.edits import facts_data, with_fact
from engine.facts.loading import validate_facts
from engine.facts.model import flatten, read_path, standard_model
from knowledge import builtin_knowledge

FACT_PATHS = standard_model().paths

FACTS = {
    "dont_know": ["bank_cards[0].phone_on_file", "passport.renewed_on"],
    "residence_permit": {"held": False},
    "bank_cards": [{"bank": "ICBC", "wallet": "wechat_pay"}, {"bank": "BOC"}],
    "foreign_cards": [
        {"network": "visa", "last4": "4242", "status": "declined"},
        {"network": "jcb", "wallet": "both", "status": "blocked_by_issuer"},
    ],
    "payment": {"amount_usd": 120},
    "wechat_pay": {"restricted": True, "verification_requested": ["selfie", "address"]},
    "symptom": {"where": "foreign_card"},
}


def test_foreign_cards_are_read_per_item_and_bank_cards_stay_per_card():
    case = Case(validate_facts(FACTS), date(2026, 12, 1))
    assert case.get("foreign_cards[].status", 1) == "blocked_by_issuer"
    assert case.get("foreign_cards[].status") is None
    assert case.where("foreign_cards[].status", 1) == "foreign_cards[1].status"
    assert case.get("bank_cards[].wallet", 0) == "wechat_pay"
    assert case.get("bank_cards[].wallet", 1) is None, "not said: read as alipay, kept None"
    assert case.card_count() == 2
    assert read_path(case.facts, "foreign_cards[].network", 0) == "visa"


def test_a_list_of_values_is_one_fact_and_dont_know_is_no_fact():
    values = flatten(validate_facts(FACTS))
    assert values[("wechat_pay.verification_requested", None)] == ["selfie", "address"]
    assert not any(path == "dont_know" for path, _ in values)
    assert "wechat_pay.verification_requested" in FACT_PATHS
    assert not any(p.startswith("wechat_pay.verification_requested[]") for p in FACT_PATHS)
    assert values[("payment.amount_usd", None)] == 120


def test_a_fact_given_a_value_leaves_dont_know():
    data = facts_data(validate_facts(FACTS))
    answered = with_fact(data, "bank_cards[].phone_on_file", "13800138000", 0)
    assert answered["dont_know"] == ["passport.renewed_on"]
    assert validate_facts(answered).bank_cards[0].phone_on_file == "+8613800138000"
    done = with_fact(answered, "passport.renewed_on", "2026-09-01")
    assert "dont_know" not in done
    validate_facts(done)


def test_the_new_fields_round_trip_through_the_json_form():
    facts = validate_facts(FACTS)
    assert validate_facts(facts_data(facts)) == facts


def test_the_consultation_never_asks_what_the_person_could_not_answer(doctor):
    notice = {"as_of": "2026-11-27", "alipay": {"document_expiry_notice": True}}
    asked = {q.fact for q in Interviewer(doctor).step(notice).questions}
    assert "passport.expiry_date" in asked
    not_known = {**notice, "dont_know": ["passport.expiry_date", "bank_cards"]}
    asked = {q.fact for q in Interviewer(doctor).step(not_known).questions}
    assert not asked & {"passport.expiry_date", "bank_cards"}


def test_what_a_wallet_asks_for_is_answered_as_several_choices(doctor):
    path = "wechat_pay.verification_requested"
    kind = kind_of(path)
    assert kind.name == "choices" and "second_bank_card" in kind.values
    ask = doctor.kb.ask(path)
    assert read(kind, ask, "selfie, passport photo、2").value == ["selfie", "passport_photo"]
    with pytest.raises(InputError, match="name any of these, separated by commas: A photo of"):
        read(kind, ask, "selfie, fingerprint")
    assert kind_of("foreign_cards").name == "count"
    assert kind_of("foreign_cards[].status").values[2] == "blocked_by_issuer"


def test_a_consultation_saves_what_the_person_could_not_answer(
    doctor, monkeypatch, capsys, tmp_path
):
    """Enter (don't know) to the first question, an answer to the second: both are saved."""
    facts = tmp_path / "mine.json"
    facts.write_text('{"as_of": "2026-11-27", "alipay": {"document_expiry_notice": true}}')
    monkeypatch.setattr("sys.stdin", io.StringIO("\nunusual activity\n"))
    assert cli.main(["--ask", str(facts), "--no-diagram"]) == 0
    capsys.readouterr()
    saved = json.loads((tmp_path / "mine-answered.json").read_text(encoding="utf-8"))
    assert saved["dont_know"] == ["symptom.where"]
    assert saved["symptom"] == {"error_message": "unusual activity"}
    asked = {q.fact for q in Interviewer(doctor).step(saved).questions}
    assert "symptom.where" not in asked and "passport.expiry_date" in asked


def test_a_question_about_a_card_names_the_card_of_its_own_list():
    from visualise.interview import card_label

    facts = validate_facts(FACTS)
    assert (
        str(card_label(facts, 0, "bank_cards")) == "card 1 (I***)"
    )  # a bank name is typed: masked
    assert str(card_label(facts, 1, "foreign_cards")) == "foreign card 2 (JCB)"
    assert str(card_label(facts, 0, "foreign_cards")) == "foreign card 1 (Visa, ending 4242)"


def test_every_fact_a_person_can_be_asked_has_a_question():
    """A consultation never falls back to "What is wechat_pay.restricted?"."""
    sections = {p.rsplit(".", 1)[0] for p in FACT_PATHS if "." in p}
    askable = {p for p in FACT_PATHS if p not in sections and p != "dont_know"}
    assert askable - set(builtin_knowledge().questions) == set()
