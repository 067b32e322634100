"""The travellers of issue 22 that a consultation used to end without the cause of: each reaches
it now, as its answers given all at once do (bench/interview.py measures them all)."""

from __future__ import annotations

import pytest

from engine.consultation.interview import Interviewer
from engine.facts.loading import validate_facts

AS_OF = {"as_of": "2026-11-27"}
ADDING_IN_WECHAT = "Adding a Chinese bank card in WeChat Pay"
REFUSED = "It is refused: verification fails"


@pytest.fixture(scope="module")
def interviewer(doctor):
    return Interviewer(doctor)


def _interview(interviewer, answers: dict[str, str], ticked: tuple[str, ...] = (), most=30):
    """Answer each question from `answers` (by fact, "don't know" otherwise) and each list to
    tick with the lines whose fact is in `ticked`: the facts asked, the last step."""
    data = dict(AS_OF)
    asked: list[str] = []
    while not (step := interviewer.step(data)).done and len(asked) < most:
        question = step.question
        if question.ticks:
            asked.append("[" + " ".join(question.ticks) + "]")
            lines = [str(n) for n, fact in enumerate(question.ticks, 1) if fact in ticked]
            said = " ".join(lines) or "none"
        else:
            asked.append(question.fact)
            said = answers.get(question.fact, "don't know")
        data = interviewer.answer(data, question.fact, said)
    return asked, step


def _found(diagnosis) -> dict[str, str]:
    return {f.cause.key: str(f.status) for f in diagnosis.findings}


OVERSEAS = {
    "symptom.where": ADDING_IN_WECHAT,
    "bank_cards": "1",
    "bank_cards[0].status": REFUSED,
    "bank_cards[0].wallet": "WeChat Pay",
    "wechat_pay.document_expiry_notice": "nothing",
}
"""examples/overseas-branch-card.json as its traveller answers: a Bank of China Tokyo card
refused while adding it in WeChat Pay, no message remembered."""
BRANCH_ABROAD = "bank_cards[0].issued_outside_mainland"


def test_a_card_from_a_branch_abroad_is_a_line_to_tick_where_a_card_is_added(interviewer):
    asked, step = _interview(interviewer, OVERSEAS, ticked=(BRANCH_ABROAD,))
    assert _found(step.diagnosis) == {"overseas-branch-card": "confirmed"}
    lists = [entry for entry in asked if entry.startswith("[")]
    assert any(BRANCH_ABROAD in entry for entry in lists), "asked with what is true for you"
    assert BRANCH_ABROAD not in asked, "not a question of its own"
    assert len(asked) <= 10
    # A card from a mainland branch: the line left unticked says so, nothing more is asked.
    asked, step = _interview(interviewer, OVERSEAS)
    assert "overseas-branch-card" not in _found(step.diagnosis)
    assert step.facts.bank_cards[0].issued_outside_mainland is False


def test_a_card_line_names_its_card_for_a_client_and_is_left_out_for_two_cards(interviewer):
    from visualise.interview import question_data
    from visualise.language import language

    facts = {
        **AS_OF,
        "symptom": {"where": "wechat_pay_card_link"},
        "dont_know": ["symptom.error_message"],
        "bank_cards": [{"status": "cannot_be_verified", "wallet": "wechat_pay"}],
    }
    step = interviewer.step(facts)
    question = step.question
    assert question.ticks and BRANCH_ABROAD in question.ticks
    lines = {c["value"]: c for c in question_data(question, step.facts, language("en"))["choices"]}
    assert lines[BRANCH_ABROAD]["sets"] == {BRANCH_ABROAD: True}
    assert lines[BRANCH_ABROAD]["unticked"] == {BRANCH_ABROAD: False}
    assert lines["nothing"]["sets"][BRANCH_ABROAD] is False
    # What the page writes back is what the terminal writes.
    ticked = interviewer.answer(facts, question.fact, "overseas branch")
    assert ticked["bank_cards"][0]["issued_outside_mainland"] is True
    two = {**facts, "bank_cards": [*facts["bank_cards"], {"status": "ok", "wallet": "wechat_pay"}]}
    for each in interviewer.step(two).questions:
        assert not {
            "bank_cards[0].issued_outside_mainland",
            "bank_cards[1].issued_outside_mainland",
        } & set(each.ticks), "which card would 'my card' be?"


def test_a_paying_place_still_does_not_ask_of_a_branch_abroad(interviewer):
    facts = {
        **AS_OF,
        "symptom": {"where": "wechat_pay"},
        "dont_know": ["symptom.error_message"],
        "bank_cards": [{"status": "cannot_be_verified", "wallet": "wechat_pay"}],
    }
    questions = interviewer.step(facts).questions
    assert not any(q.fact == BRANCH_ABROAD or BRANCH_ABROAD in q.ticks for q in questions), (
        "a wallet's payment does not ask the bank's own state"
    )


RENEWED_NEW_NUMBER_PERMIT = {
    "symptom.where": "Paying on Taobao",
    "bank_cards": "1",
    "bank_cards[0].status": REFUSED,
    "alipay.document_expiry_notice": "nothing",
    "taobao.security_error": "yes",
}
"""story-renewed-passport-new-phone-new-taobao.json's traveller who knows whether things
happened and not when: renewed, a new number, a permit held, each date "don't know"."""
ABOUT_THEM = ("passport.renewed_on", "residence_permit.expiry_date", "phone.changed_on")


def test_who_did_not_know_when_one_ticked_thing_happened_is_not_asked_when_of_another(
    interviewer, doctor
):
    asked, step = _interview(interviewer, RENEWED_NEW_NUMBER_PERMIT, ticked=ABOUT_THEM)
    assert len(asked) <= 14
    dates = [fact for fact in ("residence_permit.expiry_date", "phone.changed_on") if fact in asked]
    assert len(dates) == 1, "one 'don't know' to when, then no more when"
    at_once = validate_facts(
        {
            **AS_OF,
            "symptom": {"where": "taobao"},
            "bank_cards": [{"status": "cannot_be_verified"}],
            "passport": {"renewed": True},
            "phone": {"changed": True},
            "residence_permit": {"held": True},
            "alipay": {"document_expiry_notice": False},
            "taobao": {"security_error": True},
        }
    )
    assert _found(step.diagnosis) == _found(doctor.diagnose(at_once))
    assert {"taobao-risk-flag", "bank-passport-outdated", "alipay-identity-outdated"} <= set(
        _found(step.diagnosis)
    )


def test_a_date_asked_after_its_line_was_ticked_counts_as_a_question(interviewer):
    ticked = {**AS_OF, "phone": {"changed": True}, "dont_know": ["phone.changed_on"]}
    unticked = {**AS_OF, "phone": {"changed": False}, "dont_know": ["phone.changed_on"]}
    assert interviewer.asked(validate_facts(ticked)) == 2, "the list, then when"
    assert interviewer.asked(validate_facts(unticked)) == 1, "the list wrote both"


def test_name_mismatch_in_alipay_asks_the_name_typed_which_rules_its_syntax_out(interviewer):
    """middle-name-variant@alipay's example 'the middle name left out, whether the card fails
    not said': every rule the message makes card-name-syntax suspected by rests on the name
    typed, so that one answer rules it out."""
    answers = {
        "symptom.where": "Paying with Alipay",
        "symptom.error_message": "name mismatch",
        "bank_cards": "1",
        "bank_cards[0].name_entered": "SMITH JOHN",
        "alipay.document_expiry_notice": "nothing",
    }
    asked, step = _interview(interviewer, answers)
    assert "bank_cards[0].name_entered" in asked
    assert _found(step.diagnosis) == {"middle-name-variant@alipay": "suspected"}


def test_a_card_refused_while_adding_it_in_wechat_pay_with_a_name_mismatch(interviewer):
    """card-name-syntax@wechat_pay's example as its traveller knows it: the card is the one they
    were adding in WeChat Pay, so only WeChat Pay's name causes are suspected."""
    answers = {
        "symptom.where": ADDING_IN_WECHAT,
        "symptom.error_message": "名称不一致",
        "bank_cards": "1",
        "bank_cards[0].wallet": "WeChat Pay",
        "bank_cards[0].status": REFUSED,
        "wechat_pay.document_expiry_notice": "nothing",
    }
    asked, step = _interview(interviewer, answers)
    assert _found(step.diagnosis) == {
        "card-name-syntax@wechat_pay": "suspected",
        "middle-name-variant@wechat_pay": "suspected",
    }
    assert len(asked) <= 8


def test_the_renewed_passport_story_paying_in_alipay_reaches_both_suspicions(interviewer):
    """examples/renewed-passport.json as its traveller answers: they know where it fails."""
    answers = {
        "symptom.where": "Paying with Alipay",
        "bank_cards": "1",
        "bank_cards[0].status": REFUSED,
        "passport.renewed_on": "2026-09",
        "passport.expiry_date": "2036-08",
        "person.given_names": "JOHN",
        "alipay.document_expiry_notice": "nothing",
    }
    asked, step = _interview(interviewer, answers, ticked=("passport.renewed_on",))
    assert {"alipay-identity-outdated", "bank-passport-outdated"} <= set(_found(step.diagnosis))
    assert len(asked) <= 10


FROZEN_IN_ALIPAY = {
    "symptom.where": "Paying with Alipay",
    "bank_cards": "1",
    "bank_cards[0].status": REFUSED,
    "alipay.document_expiry_notice": "nothing",
    "passport.expiry_date": "2030-05",
    "person.given_names": "Anna",
    "bank_cards[0].name_entered": "ANNA MEIER",
}
"""bank-account-frozen's example as its traveller tells it: a card refused in Alipay, no
message, nothing renewed or changed; the account was last used eight months before."""
LAST_USED = "bank_cards[0].last_used"


@pytest.mark.parametrize(
    ("last_used", "found"), [("2026-03", {"bank-account-frozen": "suspected"}), ("2026-11", {})]
)
def test_nothing_found_in_a_wallet_asks_at_last_when_the_account_was_last_used(
    interviewer, last_used, found
):
    asked, step = _interview(interviewer, {**FROZEN_IN_ALIPAY, LAST_USED: last_used})
    assert asked[-1] == LAST_USED, "asked last, once nothing else is left"
    assert _found(step.diagnosis) == found
    assert step.done


def test_a_wallet_place_leaves_the_bank_state_out_while_a_cause_is_found(interviewer):
    answers = {**FROZEN_IN_ALIPAY, LAST_USED: "2026-03", "bank_cards[0].name_entered": "anna meier"}
    asked, step = _interview(interviewer, answers)
    assert "card-name-syntax@alipay" in _found(step.diagnosis)
    assert LAST_USED not in asked, "a cause found: the bank's own state is not asked"


def test_a_last_resort_must_be_something_the_place_leaves_out():
    from engine.facts.asking import Choice
    from engine.text.wording import Wording

    with pytest.raises(ValueError, match=r"last_resort \['bank_cards\[\].last_used'\]"):
        Choice(Wording("Paying with Alipay"), last_resort=("bank_cards[].last_used",))
