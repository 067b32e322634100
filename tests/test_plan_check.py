"""The plan check: each fix's declared effects applied to the facts, then diagnosed again."""

from __future__ import annotations

import json

import pytest

import cli
from engine.facts.loading import read_facts_file, validate_facts
from engine.planning.plan_check import check_plan, facts_after
from tests.conftest import EXAMPLES, statuses

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def _check(doctor, facts: dict):
    validated = validate_facts({"as_of": "2026-11-27", **facts})
    return check_plan(doctor, validated, doctor.diagnose(validated))


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_plan_of_every_example_leaves_no_confirmed_cause(doctor, example):
    facts = read_facts_file(example)
    check = check_plan(doctor, facts, doctor.diagnose(facts))
    assert "confirmed" not in statuses(check.after).values()


def test_a_diagnosis_that_found_nothing_is_its_own_plan_check(doctor):
    """Not diagnosed again: the facts after no step, diagnosed again, find nothing either."""
    found_nothing = 0
    for example in EXAMPLE_FILES:
        facts = read_facts_file(example)
        diagnosis = doctor.diagnose(facts)
        if diagnosis.findings:
            continue
        found_nothing += 1
        again = doctor.diagnose(facts_after(facts, diagnosis))
        assert again.findings == again.checks == (), example.name
        assert check_plan(doctor, facts, diagnosis).remaining == ()
    assert found_nothing >= 2


def test_every_cause_declares_what_its_fix_changes(doctor):
    for cause in doctor.kb.causes:
        assert any(step.effects for step in cause.fixes), cause.id


def test_the_bank_fix_gives_the_bank_the_current_passport_number(doctor):
    check = _check(
        doctor,
        {
            "passport": {"number": "E98765432"},
            "bank_cards": [{"passport_number_on_file": "E12345678", "status": "unresponsive"}],
            "alipay": {"identity": {"passport_number": "E98765432"}},
        },
    )
    assert check.remaining_causes == ()


def test_a_card_fix_reaches_every_card_the_cause_was_found_on(doctor):
    """Card 0 is confirmed, card 1 only suspected: the bank visit updates both records."""
    facts = {
        "passport": {"number": "E98765432", "previous_number": "E12345678"},
        "bank_cards": [
            {"passport_number_on_file": "E12345678", "status": "cannot_be_verified"},
            {"status": "cannot_be_verified"},
        ],
    }
    before = doctor.diagnose(validate_facts({"as_of": "2026-11-27", **facts}))
    bank = [f for f in before.trace if f.rule.target == "bank-passport-outdated"]
    assert {str(f.subject) for f in bank} == {"bank_cards[0]", "bank_cards[1]"}
    assert _check(doctor, facts).remaining_causes == ()


def test_a_cause_that_rests_on_unknown_facts_remains_with_those_facts(doctor):
    check = _check(
        doctor,
        {
            "bank_cards": [{"status": "cannot_be_verified"}],
            "symptom": {"error_message": "与预留手机号不符"},
        },
    )
    (finding,) = check.remaining
    assert (finding.cause.id, finding.status) == ("phone-mismatch", "suspected")
    assert check.rests_on(finding) == ("bank_cards[0].phone_on_file", "alipay.phone")


def test_renewing_an_expired_passport_leaves_the_new_number_unknown(doctor):
    """The new passport's number is not known, so Alipay's record of it cannot be confirmed."""
    check = _check(
        doctor,
        {
            "passport": {"number": "E12345678", "expiry_date": "2026-01-01"},
            "alipay": {"identity": {"passport_number": "E12345678"}},
        },
    )
    assert statuses(check.after) == {"alipay-identity-outdated": "suspected"}


def test_json_report_has_the_plan_check(capsys):
    story = str(EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json")
    assert cli.main([story, "--format", "json", "--no-diagram"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["plan_check"] == {"remaining_causes": [], "remaining": []}


def test_text_report_says_what_remains(capsys, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(
        json.dumps(
            {
                "as_of": "2026-11-27",
                "bank_cards": [{"status": "cannot_be_verified"}],
                "symptom": {"error_message": "与预留手机号不符"},
            }
        ),
        encoding="utf-8",
    )
    assert cli.main([str(facts), "--no-diagram"]) == 0
    out = capsys.readouterr().out
    section = " ".join(out[out.index("Plan check") :].split())  # lines unwrapped
    assert "still suspected after the plan: Your bank's reserved phone number differs" in section
    assert "the mobile number your bank holds (预留手机号), card 1" in section
    assert "bank_cards[0]" not in section  # the text report says facts in words


def test_a_renewed_document_on_the_last_day_a_date_can_hold(doctor):
    facts = {"as_of": "9999-12-31", "passport": {"expiry_date": "2026-10-15"}}
    validated = validate_facts(facts)
    before = doctor.diagnose(validated)
    assert statuses(before)["passport-expired"] == "confirmed"
    assert "passport-expired" not in check_plan(doctor, validated, before).remaining_causes


def test_the_plan_of_every_card_is_checked_on_each_card(doctor):
    """The plan changes the one copy of the facts card by card; each card gets its fix."""
    card = {"name_on_file": "AN VAN NGUYEN", "status": "cannot_be_verified"}
    facts = {"person": {"surname": "NGUYEN", "given_names": "VAN AN"}, "bank_cards": [card] * 50}
    check = _check(doctor, {**facts, "symptom": {"where": "bank_card_link"}})
    assert "bank-name-mismatch" not in check.remaining_causes
    before = doctor.diagnose(validate_facts({"as_of": "2026-11-27", **facts}))
    assert statuses(before)["bank-name-mismatch"] == "confirmed"
