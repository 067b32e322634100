"""At the bank itself (facts-v3 and causes-v3, "Resident additions"): the new facts refused
clearly when wrong, no wallet cause for a failure at the bank, the branch with what to bring,
the bank first in the human route, and a consultation that asks an ATM's traveller about the
bank, in English and Chinese, on the terminal and the pages."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, load_example
from test_web_pages import _consult

import cli
from engine.consultation.interview import Interviewer
from engine.errors import InputError
from engine.facts.loading import validate_facts
from engine.planning.next_steps import next_steps

ATM = EXAMPLES / "story-atm-after-passport-expiry.json"
UNUSED = EXAMPLES / "story-frozen-after-months-unused.json"
WALLET_LAYERS = {"alipay", "wechat_pay", "taobao"}


@pytest.mark.parametrize(
    ("facts", "said"),
    [
        ({"bank_cards": [{"frozen": "yes"}]}, "bank_cards[0].frozen:"),
        ({"bank_cards": [{"last_used": "last spring"}]}, "bank_cards[0].last_used:"),
        ({"bank_cards": [{"issued_outside_mainland": 1}]}, "bank_cards[0].issued_outside_mainland"),
        ({"bank_cards": [{"wallet": "bank"}]}, '"both" or "none"'),
        ({"phone": {"suspended": "no"}}, "phone.suspended:"),
        ({"symptom": {"where": "atm"}}, "symptom.where:"),
        ({"dont_know": ["bank_cards[0].froze"]}, "did you mean 'bank_cards[0].frozen'?"),
    ],
)
def test_a_wrong_bank_fact_is_refused_naming_its_path(facts, said):
    with pytest.raises(InputError) as error:
        validate_facts(facts, source="facts.json")
    assert said in str(error.value)


@pytest.mark.parametrize(
    "facts",
    [
        {"symptom": {"where": "bank"}, "bank_cards": [{"bank": "ICBC", "status": "unresponsive"}]},
        {"symptom": {"where": "bank"}, "passport": {"renewed": True}, "bank_cards": [{}]},
        {"symptom": {"where": "bank", "error_message": "身份信息不一致"}, "bank_cards": [{}]},
        {"symptom": {"where": "wechat_pay"}, "bank_cards": [{"wallet": "none", "frozen": True}]},
    ],
)
def test_no_wallet_cause_is_suspected_without_a_wallet(diagnose, facts):
    layers = {str(f.cause.layer) for f in diagnose(facts).findings}
    assert not layers & WALLET_LAYERS


def test_a_wallet_field_brings_the_wallet_back_at_the_bank(diagnose):
    found = diagnose(
        {
            "symptom": {"where": "bank"},
            "passport": {"renewed": True},
            "bank_cards": [{"wallet": "alipay", "status": "cannot_be_verified"}],
        }
    ).findings
    assert "alipay-identity-outdated" in {f.cause.id for f in found}


def test_an_atm_after_a_passport_expiry_leads_to_the_branch_with_what_to_bring(capsys):
    assert cli.main([str(ATM), "--no-diagram", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["status"]) for c in data["causes"]] == [
        ("bank-passport-outdated", "confirmed"),
        ("bank-account-frozen", "confirmed"),
    ]
    first, second = data["plan"]
    assert first["where"] == second["where"] == "bank branch"
    assert "old passport" in first["action"] and "embassy" in first["action"]
    assert "请帮我重新激活账户" in second["say"]["zh"]
    assert [w["id"] for w in data["workarounds"]] == ["ask-the-bank"]


def test_the_same_atm_story_in_chinese(capsys):
    assert cli.main([str(ATM), "--no-diagram", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "银行冻结了你的账户" in out and "旧护照和银行卡也要带上" in out
    assert "给工作人员看：" in out and "支付宝" not in out


def test_an_account_unused_for_half_a_year_is_suspected_and_says_the_months(diagnose):
    (finding,) = diagnose(
        {"bank_cards": [{"status": "cannot_be_verified", "last_used": "2026-04-10"}]}
    ).findings
    assert (finding.cause.id, finding.status) == ("bank-account-frozen", "suspected")


def test_the_human_route_names_the_bank_first_at_the_bank(doctor):
    facts = validate_facts({"as_of": "2026-11-27", "symptom": {"where": "bank"}})
    steps = next_steps(doctor, facts, doctor.diagnose(facts))
    assert [w.id for w in steps.human_route] == ["ask-the-bank", "ask-a-person"]
    wallet = validate_facts({"as_of": "2026-11-27", "symptom": {"where": "alipay"}})
    steps = next_steps(doctor, wallet, doctor.diagnose(wallet))
    assert next(w.id for w in steps.human_route) == "ask-a-person"


def test_the_taobao_gateway_is_not_offered_for_a_wechat_only_block(diagnose):
    offers = diagnose({"symptom": {"where": "wechat_pay", "persists": True}}).workarounds
    assert "international-card" not in {o.workaround.id for o in offers}


def test_a_traveller_at_an_atm_is_asked_about_the_bank_not_the_wallets(doctor):
    interviewer = Interviewer(doctor)
    data = interviewer.answer({"as_of": "2026-12-01"}, "symptom.where", "at an ATM")
    assert data["symptom"]["where"] == "bank" and data["bank_cards"] == [{}]
    asked = []
    for _ in range(20):
        step = interviewer.step(data)
        if step.done:
            break
        asked.append(step.question.fact)
        data = interviewer.not_known(data, step.question.fact)
    assert "bank_cards[0].frozen" in asked
    wallets = ("alipay", "wechat_pay", "taobao", "bank_cards[0].status", "bank_cards[0].wallet")
    assert not [fact for fact in asked if fact.startswith(wallets)]


def test_a_chinese_traveller_types_at_the_bank(doctor):
    data = Interviewer(doctor).answer({"as_of": "2026-12-01"}, "symptom.where", "取款机")
    assert data["symptom"]["where"] == "bank"


def test_the_pages_lead_an_atm_traveller_to_the_branch(web_client):
    """A traveller who knows the story's facts but no dates: the frozen account is found, and
    the plan starts at the branch with what to bring and the sentence for the staff."""
    asked, report = _consult(web_client, load_example(ATM.name))
    assert ("bank-account-frozen", "confirmed") in report.causes
    assert not [c for c, _ in report.causes if c.startswith(("alipay", "wechat", "taobao"))]
    shown = report.shown()
    assert "bank branch" in shown and "old one too" in shown and "请帮我重新激活账户" in shown
    assert len(asked) <= 8
