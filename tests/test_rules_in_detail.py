"""Rule behaviour beyond the units' own examples: unknowns, normalisation, chaining, messages."""

from __future__ import annotations

from tests.conftest import load_example, statuses

PERSON = {"surname": "SMITH", "given_names": "JOHN MICHAEL"}


def test_no_facts_no_causes(diagnose):
    diagnosis = diagnose({})
    assert diagnosis.findings == ()
    assert diagnosis.plan == ()
    assert diagnosis.checks == ()


def test_unknown_is_never_false(diagnose):
    # Nothing known about the bank's records: no comparison can confirm anything.
    found = statuses(diagnose({"passport": {"number": "E1"}, "bank_cards": [{"bank": "ICBC"}]}))
    assert found == {}


def test_phone_numbers_written_differently_are_equal(diagnose):
    for bank_form in ("+86 138 0013 8000", "86-138-0013-8000", "13800138000", "0086 13800138000"):
        facts = {"alipay": {"phone": "138 0013 8000"}, "bank_cards": [{"phone_on_file": bank_form}]}
        assert "phone-mismatch" not in statuses(diagnose(facts)), bank_form


def test_phone_mismatch_names_the_card_and_masks_numbers(diagnose):
    diagnosis = diagnose(
        {
            "alipay": {"phone": "+86 139 0013 9000"},
            "bank_cards": [{"phone_on_file": "13800138000"}, {"phone_on_file": "13900139000"}],
        }
    )
    (finding,) = diagnosis.findings
    evidence = [text.render(False) for text in finding.evidence]
    assert evidence == [
        "For card 1 your bank has phone +86 138****8000 on file; Alipay has +86 139****9000."
    ]
    assert finding.evidence[0].facts == ("bank_cards[0].phone_on_file", "alipay.phone")
    assert "13800138000" in finding.evidence[0].render(True)


def test_phone_change_window_is_180_days(diagnose):
    def found(changed_on):
        facts = {
            "phone": {"changed_on": changed_on},
            "bank_cards": [{"status": "unresponsive"}],
        }
        return statuses(diagnose(facts)).get("phone-mismatch")

    assert found("2026-05-31") == "suspected"  # 180 days before 2026-11-27
    assert found("2026-05-30") is None  # 181 days
    assert found("2026-11-28") is None  # after as_of


def test_passport_numbers_ignore_case_spaces_and_hyphens(diagnose):
    facts = {
        "passport": {"number": "e98-765 432"},
        "bank_cards": [{"passport_number_on_file": "E98765432"}],
        "alipay": {"identity": {"passport_number": "E 98765432"}},
    }
    assert statuses(diagnose(facts)) == {}


def test_names_differing_in_case_or_spacing_are_equal(diagnose):
    facts = {
        "person": PERSON,
        "residence_permit": {"name": "SMITH JOHN MICHAEL"},
        "bank_cards": [{"name_on_file": "smith   john michael"}],
        "alipay": {"identity": {"name": " Smith John  Michael "}},
    }
    assert statuses(diagnose(facts)) == {}


def test_bank_may_leave_out_middle_names_but_not_reorder(diagnose):
    def found(name_on_file):
        facts = {"person": PERSON, "bank_cards": [{"name_on_file": name_on_file}]}
        return statuses(diagnose(facts)).get("bank-name-mismatch")

    assert found("SMITH JOHN") is None
    assert found("SMITH JOHN MICHAEL") is None
    assert found("SMITH MICHAEL") == "confirmed"  # the first given name is not a middle name
    assert found("SMITH MICHAEL JOHN") == "confirmed"
    assert found("JOHN SMITH") == "confirmed"


def test_middle_name_variant_either_way(diagnose):
    def found(entered, on_file):
        card = {"name_entered": entered, "name_on_file": on_file, "status": "cannot_be_verified"}
        return statuses(diagnose({"bank_cards": [card]})).get("middle-name-variant")

    assert found("SMITH JOHN MICHAEL", "SMITH JOHN") == "confirmed"
    assert found("SMITH JOHN", "SMITH JOHN MICHAEL") == "confirmed"
    assert found("SMITH JOHN", "SMITH JOHN") is None
    assert found("SMITH JOHN", "JOHN SMITH") is None


def test_card_rules_match_within_one_card(diagnose):
    # Card 0 fails but its name is well formed; card 1 has a lower-case name but works.
    facts = {
        "bank_cards": [
            {"name_entered": "SMITH JOHN", "status": "cannot_be_verified"},
            {"name_entered": "smith john", "status": "ok"},
        ]
    }
    assert "card-name-syntax" not in statuses(diagnose(facts))


def test_alipay_identity_compared_with_bank_only_without_passport_number(diagnose):
    facts = {
        "bank_cards": [{"passport_number_on_file": "E1"}],
        "alipay": {"identity": {"passport_number": "E2"}},
    }
    assert statuses(diagnose(facts))["alipay-identity-outdated"] == "confirmed"
    with_passport = {**facts, "passport": {"number": "E2"}}
    found = statuses(diagnose(with_passport))
    assert "alipay-identity-outdated" not in found
    assert found["bank-passport-outdated"] == "confirmed"


def test_taobao_risk_flag_suspected_only_when_neither_reason_known(diagnose):
    def found(**taobao):
        return statuses(diagnose({"taobao": {"security_error": True, **taobao}})).get(
            "taobao-risk-flag"
        )

    assert found() == "suspected"
    assert found(account_age_days=29) == "confirmed"
    assert found(account_age_days=30) is None
    assert found(account_age_days=30, spending_changed=True) == "confirmed"


def test_error_message_makes_a_cause_suspected_and_says_which_words(diagnose):
    diagnosis = diagnose(
        {"symptom": {"error_message": "支付失败：与预留手机号不符"}, "bank_cards": [{}]}
    )
    (finding,) = diagnosis.findings
    assert (finding.cause.id, finding.status) == ("phone-mismatch", "suspected")
    assert "“与预留手机号不符”" in finding.evidence[0].render(False)
    assert {check.fact for check in diagnosis.checks} == {
        "bank_cards[0].phone_on_file",
        "alipay.phone",
    }


def test_error_message_in_english_any_case(diagnose):
    found = statuses(diagnose({"symptom": {"error_message": "UNUSUAL ACTIVITY detected"}}))
    assert found == {"taobao-risk-flag": "suspected"}


def test_error_message_without_cards_listed(diagnose):
    diagnosis = diagnose(
        {"symptom": {"error_message": "incorrect mobile phone number recorded with the bank"}}
    )
    assert statuses(diagnosis) == {"phone-mismatch": "suspected"}
    assert "bank_cards" in {check.fact for check in diagnosis.checks}


def test_error_message_does_not_override_facts_that_settle_the_cause(diagnose):
    facts = {
        "symptom": {"error_message": "Your ID has expired"},
        "passport": {"expiry_date": "2030-01-01"},
        "residence_permit": {"expiry_date": "2030-01-01"},
    }
    assert statuses(diagnose(facts)) == {}


def test_message_and_facts_agree_on_confirmed(diagnose):
    facts = {
        "symptom": {"error_message": "与预留手机号不符"},
        "alipay": {"phone": "13900139000"},
        "bank_cards": [{"phone_on_file": "13800138000"}],
    }
    diagnosis = diagnose(facts)
    assert statuses(diagnosis) == {"phone-mismatch": "confirmed"}
    assert diagnosis.findings[0].rules == ("phone-mismatch/confirmed",)


def test_international_card_chains_on_a_taobao_cause(diagnose):
    diagnosis = diagnose({"symptom": {"persists": True}, "taobao": {"payment_method": "other"}})
    offered = [offer.workaround.id for offer in diagnosis.workarounds]
    assert offered == ["ask-a-person", "international-card"]
    firing_rules = [firing.rule.id for firing in diagnosis.trace]
    assert firing_rules.index("taobao-not-linked/confirmed/2") < firing_rules.index(
        "international-card/offered/2"
    )


def test_suspected_cause_lists_checks_as_questions(diagnose):
    diagnosis = diagnose(
        {"passport": {"renewed_on": "2026-09-01"}, "bank_cards": [{"status": "unresponsive"}]}
    )
    checks = {check.fact: check for check in diagnosis.checks}
    check = checks["bank_cards[0].passport_number_on_file"]
    assert check.decides == ("bank-passport-outdated",)
    assert str(check.question) == "Card 1: Which passport number does your bank hold for this card?"
    assert str(check.label) == "the passport number your bank holds, card 1"


def test_evidence_says_each_unknown_fact_once(diagnose):
    facts = load_example("story-renewed-passport-new-phone-new-taobao.json")
    finding = next(f for f in diagnose(facts).findings if f.cause.id == "phone-mismatch")
    evidence = [text.render(False) for text in finding.evidence]
    assert "The mobile number your bank holds (预留手机号), card 1 (ending 1234): not known" in (
        evidence
    )
    assert not [line for line in evidence if line.startswith("Not known whether")]


def test_an_unknown_comparison_is_evidence_when_nothing_else_names_its_facts(diagnose):
    diagnosis = diagnose({"symptom": {"error_message": "与预留手机号不符"}, "bank_cards": [{}]})
    evidence = [text.render(False) for text in diagnosis.findings[0].evidence]
    assert evidence[-1].startswith("Not known whether the bank's reserved phone number differs")


def test_a_phrase_inside_a_longer_one_found_is_not_read_twice(doctor):
    (phone,) = [p for p in doctor.kb.messages if "预留手机号" in p.phrases]
    assert phone.phrases_in("支付失败：与预留手机号不符") == ("与预留手机号不符",)
    assert phone.phrases_in("请核对预留手机号") == ("预留手机号",)
