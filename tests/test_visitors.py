"""The visitor with a foreign card (facts-v3, causes-v3, report-v3): the new facts refused
clearly when wrong, the two new layers in the fix order, dated knowledge, the seller's
sentence, and a consultation that asks a visitor no resident's question."""

from __future__ import annotations

import html
import io
import json
from datetime import date

import pytest

import cli
from engine.checking.check import WARNINGS, freshness_problems
from engine.consultation.interview import Interviewer
from engine.errors import InputError
from engine.facts.loading import validate_facts
from engine.kb.order import fix_order
from knowledge import builtin_knowledge
from knowledge.layers import LAYERS
from tests.conftest import (
    EXAMPLES,
    VISITOR_CAUSES,
    VISITOR_STORIES,
    expected_findings,
    load_example,
)
from tests.web_support import known_in_units, known_ticks, known_way
from visualise.interview import hint
from visualise.json_report import report_data
from visualise.language import ENGLISH

KB = builtin_knowledge()
STALL = EXAMPLES / "story-visitor-street-stall.json"
HOTEL = EXAMPLES / "story-visitor-hotel-bill-vpn.json"
NETWORK = EXAMPLES / "story-visitor-card-network-refused.json"
STAFF_ZH = "给工作人员看："


@pytest.mark.parametrize(
    ("facts", "said"),
    [
        (
            {"payment": {"amount_cny": -25}},
            "payment.amount_cny: -** is not allowed: expected a number >= 0",
        ),
        (
            {"payment": {"amount_cny": "25"}},
            'payment.amount_cny: "2*" is not allowed: expected a number',
        ),
        ({"payment": {"payee": "stall"}}, "payment.payee:"),
        ({"phone": {"vpn_on": "yes"}}, "phone.vpn_on:"),
        ({"alipay": {"identity": {"verified": 1}}}, "alipay.identity.verified:"),
        ({"foreign_cards": [{"issuer_country": "XX"}]}, "two-letter ISO code"),
        ({"foreign_cards": [{"kind": "charge"}]}, "foreign_cards[0].kind:"),
        ({"symptom": {"wallet": "both"}}, "symptom.wallet:"),
        ({"dont_know": ["phone.vpn"]}, "did you mean 'phone.vpn_on'?"),
    ],
)
def test_a_wrong_visitor_fact_is_refused_naming_its_path(facts, said):
    with pytest.raises(InputError) as error:
        validate_facts(facts, source="facts.json")
    assert said in str(error.value)


def test_a_country_is_kept_in_upper_case_and_the_new_networks_are_read():
    facts = validate_facts({"foreign_cards": [{"issuer_country": "ru", "network": "mir"}]})
    assert facts.foreign_cards[0].issuer_country == "RU"
    assert facts.foreign_cards[0].network == "mir"


def test_the_phone_comes_first_and_who_is_paid_after_both_wallets():
    assert LAYERS[0].key == "device"
    order = fix_order(KB.causes, KB.layers)
    device = [order.index(c.key) for c in KB.causes if c.layer == "device"]
    payee = [order.index(c.key) for c in KB.causes if c.layer == "payee"]
    wallets = [order.index(c.key) for c in KB.causes if c.layer in ("alipay", "wechat_pay")]
    assert max(device) < min(order.index(c.key) for c in KB.causes if c.layer != "device")
    assert min(payee) > max(wallets)


def test_a_hotel_bill_with_a_vpn_on_starts_the_plan_on_the_phone(doctor):
    diagnosis = doctor.diagnose(validate_facts(json.loads(HOTEL.read_text())))
    assert diagnosis.plan[0].cause.id == "vpn-during-payment"
    assert {f.cause.id for f in diagnosis.findings} == {
        "vpn-during-payment",
        "foreign-card-service-fee",
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_street_stall_shows_the_seller_a_chinese_sentence(lang, capsys):
    assert cli.main([str(STALL), "--no-diagram", "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert "请扫我的付款码" in out.replace("\n", "").replace(" ", "")
    assert {"en": "Show this to the staff:", "zh": STAFF_ZH}[lang] in out


def test_a_per_wallet_cause_and_its_steps_name_their_wallet(doctor):
    diagnosis = doctor.diagnose(validate_facts(json.loads(NETWORK.read_text())))
    data = report_data(diagnosis)
    assert data["report_version"] == 3
    cause = next(c for c in data["causes"] if c["id"] == "card-network-not-supported")
    assert cause["wallet"] == "wechat_pay"
    step = next(s for s in data["plan"] if s["cause"] == "card-network-not-supported")
    assert step["wallet"] == "wechat_pay"
    assert not [c for c in data["causes"] if c["id"] == "vpn-during-payment" and "wallet" in c]


def test_units_that_state_a_policy_say_when_it_was_read_and_from_when_it_holds():
    dated = {c.id: c for c in KB.causes if c.sources_read}
    for cause_id in (
        "foreign-card-service-fee",
        "foreign-card-limit",
        "card-network-not-supported",
    ):
        assert dated[cause_id].sources_read == "2026-12"
        assert dated[cause_id].holds_from
    assert not freshness_problems(KB, date(2027, 12, 31))
    stale = freshness_problems(KB, date(2028, 1, 1))
    assert stale and all(p.kind == "stale-source" for p in stale)
    assert "read 2026-12, 13 months ago" in stale[0].message
    assert "stale-source" in WARNINGS


def test_rules_show_the_dates(capsys):
    assert cli.main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["causes"]
    fee = next(r for r in rows if r["id"] == "foreign-card-service-fee")
    assert (fee["sources_read"], fee["holds_from"]) == ("2026-12", "2024-04-24")


def test_a_visitor_is_asked_nothing_of_chinese_bank_cards_a_permit_or_a_renewal(doctor):
    interviewer = Interviewer(doctor)
    data = {"as_of": "2026-11-20", "symptom": {"where": "foreign_card"}}
    asked = []
    for _ in range(20):
        step = interviewer.step(data)
        if step.done:
            break
        fact = step.question.fact
        asked.append(fact)
        data = interviewer.not_known(data, fact)
    resident = ("bank_cards", "residence_permit", "passport.renewed", "passport.previous")
    assert asked and not [fact for fact in asked if fact.startswith(resident)]


def test_a_sign_up_asks_which_wallet_right_after_where_and_the_message(doctor):
    step = Interviewer(doctor).step(
        {"as_of": "2026-11-20", "symptom": {"where": "wallet_setup", "error_message": "x"}}
    )
    assert step.question.fact == "symptom.wallet"


def test_a_chinese_report_of_the_stall_is_in_chinese(capsys):
    assert cli.main([str(STALL), "--no-diagram", "--lang", "zh", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    titles = [c["title"] for c in data["causes"]]
    assert "境外银行卡付不了个人收款码" in titles
    assert any(w["id"] == "other-wallet" for w in data["workarounds"])


def test_batch_reads_a_visitor(tmp_path):
    source = tmp_path / "cases.jsonl"
    source.write_text(json.dumps(json.loads(STALL.read_text())) + "\n", encoding="utf-8")
    assert cli.main(["batch", str(source), "--output", str(tmp_path / "r.jsonl")]) == 0
    record = json.loads((tmp_path / "r.jsonl").read_text().splitlines()[0])
    assert "personal-collection-code" in {c["id"] for c in record["causes"]}


def test_nothing_found_for_a_visitor_names_a_visitors_checks(doctor):
    from engine.planning.next_steps import next_steps

    facts = validate_facts({"as_of": "2026-11-20", "symptom": {"where": "foreign_card"}})
    steps = next_steps(doctor, facts, doctor.diagnose(facts))
    checked = [check.fact for check in steps.checks]
    resident = ("bank_cards", "residence_permit", "passport.renewed", "passport.previous")
    assert checked and not [fact for fact in checked if fact.startswith(resident)]
    assert "foreign_cards" in checked


def test_nothing_found_for_a_visitor_names_no_chinese_bank_s_cause_or_people(doctor):
    """A visitor's card is not a Chinese bank's: what an error message would decide names no
    frozen account or bank record, and no Chinese bank's hotline is offered."""
    from engine.planning.next_steps import next_steps

    facts = validate_facts(
        {"as_of": "2026-11-20", "symptom": {"where": "foreign_card", "wallet": "alipay"},
         "foreign_cards": [{}]}
    )  # fmt: skip
    steps = next_steps(doctor, facts, doctor.diagnose(facts))
    decided = {cause for check in steps.checks for cause in check.decides}
    about_bank_cards = {c.id for c in doctor.kb.causes if "bank_cards" in doctor.kb.about(c)}
    assert "bank-account-frozen" in about_bank_cards and not decided & about_bank_cards
    assert "foreign-card-issuer-block" in decided
    assert [w.id for w in steps.human_route] == ["ask-a-person"]
    resident = validate_facts({"as_of": "2026-11-20", "symptom": {"where": "alipay"}})
    routes = next_steps(doctor, resident, doctor.diagnose(resident)).human_route
    assert "ask-the-bank" in [w.id for w in routes]


def test_paying_with_a_foreign_card_says_there_is_one(doctor, web_client):
    interviewer = Interviewer(doctor)
    data = interviewer.answer({"as_of": "2026-11-20"}, "symptom.where", "visa")
    assert data["foreign_cards"] == [{}]
    assert interviewer.step(data).question.fact != "foreign_cards"
    step = web_client.post("/api/v1/interview", content=b'{"as_of": "2026-11-20"}').json()
    assert step["question"]["fact"] == "symptom.where"
    paying = [c["sets"] for c in step["question"]["choices"] if c["value"] == "foreign_card"]
    assert paying == [
        {"foreign_cards": [{}], "symptom.wallet": "alipay"},
        {"foreign_cards": [{}], "symptom.wallet": "wechat_pay"},
    ]


def test_a_visitors_place_is_offered_once_for_each_wallet(doctor, web_client):
    """report-v3's `sets`: "Paying with a foreign card in WeChat Pay" says where and in which
    wallet at once, so the card's wallet is not asked and no Alipay cause is pursued; the
    terminal, the API and the page list the same choices, in the same order."""
    interviewer = Interviewer(doctor)
    start = {"as_of": "2026-11-20"}
    step = web_client.post("/api/v1/interview", json=start).json()["question"]
    labels = [c["label"] for c in step["choices"]]
    number = labels.index("Paying with a foreign card in WeChat Pay") + 1
    assert [c["value"] for c in step["choices"]].count("wallet_setup") == 2
    assert "Adding a foreign card to Alipay" in labels
    question = interviewer.step(start).question
    assert f"{number}. Paying with a foreign card in WeChat Pay" in hint(question, ENGLISH)
    for said in (str(number), "visa in wechat", "Paying with a foreign card in WeChat Pay"):
        data = interviewer.answer(start, "symptom.where", said)
        assert data["symptom"] == {"where": "foreign_card", "wallet": "wechat_pay"}, said
        assert data["foreign_cards"] == [{}]
    data = interviewer.answer(data, "symptom.error_message", "?")
    asked = []
    for _ in range(12):
        found = interviewer.step(data)
        if found.done:
            break
        asked.append(found.question.fact)
        assert not [key for key in found.question.decides if key.wallet == "alipay"]
        data = interviewer.not_known(data, found.question.fact)
    assert asked and "foreign_cards[0].wallet" not in asked
    adding = interviewer.answer(start, "symptom.where", "Adding a foreign card to Alipay")
    assert adding == {**start, "symptom": {"where": "foreign_card_link", "wallet": "alipay"}} | {
        "foreign_cards": [{}]
    }  # adding a card from home says there is one, as paying with one does
    # The value alone still reads as the place, its wallet asked after.
    alone = interviewer.answer(start, "symptom.where", "foreign card")
    assert alone["symptom"] == {"where": "foreign_card"}
    page = web_client.post("/consult", data={"state": ""})
    assert f'value="{number}" required> <span>Paying with a foreign card in WeChat Pay' in (
        page.text
    )
    assert 'value="alipay" required autofocus> <span>Paying with Alipay' in page.text
    # Back to the question: the way chosen is shown chosen.
    state = page.text.split('name="state" value="', 1)[1].split('"', 1)[0]
    answered = web_client.post(
        "/consult",
        data={"state": html.unescape(state), "fact": "symptom.where", "answer": str(number)},
    )
    state = answered.text.split('name="state" value="', 1)[1].split('"', 1)[0]
    back = web_client.post("/consult", data={"state": html.unescape(state), "back": "1"})
    assert f'value="{number}" required checked> <span>Paying with a foreign card in WeChat' in (
        back.text
    )


def test_every_visitor_cause_has_a_story():
    found = {key.split("@")[0] for name in VISITOR_STORIES for key, _ in expected_findings()[name]}
    assert found >= VISITOR_CAUSES


class _Visitor(io.TextIOBase):
    """Standard input typed by a visitor who knows a story's facts: each line answers the
    question the consultation asks now, in the reader's language."""

    def __init__(self, facts: dict, asked: list, language: str):
        self.facts, self.asked, self.language = facts, asked, language

    def isatty(self) -> bool:
        return False

    def readline(self, *args) -> str:
        question = self.asked[-1]
        if len(self.asked) > 30:
            raise AssertionError("the consultation does not end")
        if question.ticks:
            ticked = known_ticks(self.facts, list(question.ticks), KB)
            if ticked is None:
                return "?\n"
            numbers = [str(n) for n, fact in enumerate(question.ticks, 1) if fact in ticked]
            return (" ".join(numbers) or "none") + "\n"
        answer = known_in_units(self.facts, question.fact, KB)
        ask = KB.ask(question.fact)
        way = known_way(self.facts, question.fact, KB)  # a place offered in each wallet
        if way is not None:
            answer = ask.offers()[way - 1][1].label.in_(self.language)  # as the screen says it
        elif answer in ("true", "false"):
            words = {"en": ("yes", "no"), "zh": ("是", "否")}[self.language]
            answer = words[answer == "false"]
        elif answer is not None and ask.choices and answer in ask.choices:
            answer = ask.choices[answer].label.in_(self.language)  # as the screen says it
        return ("?" if answer is None else answer) + "\n"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", VISITOR_STORIES)
def test_a_visitor_reaches_their_causes_on_the_terminal(name, lang, monkeypatch, capsys, tmp_path):
    """The visitor of each story answers the terminal's questions in English or Chinese, and
    the report names the visitor's causes examples/expected.csv says the story must find."""
    facts = load_example(name)
    asked: list = []
    made = Interviewer.step

    def step(self, data, *args, **kwargs):
        found = made(self, data, *args, **kwargs)
        asked.append(found.question)
        return found

    monkeypatch.setattr(Interviewer, "step", step)
    monkeypatch.chdir(tmp_path)
    start = tmp_path / "start.json"
    start.write_text(json.dumps({"as_of": facts["as_of"]}), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", _Visitor(facts, asked, lang))
    argv = ["--ask", str(start), "--lang", lang, "--format", "json", "--no-diagram"]
    assert cli.main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    found = {
        (cause["id"] + (f"@{cause['wallet']}" if "wallet" in cause else ""), cause["status"])
        for cause in report["causes"]
    }
    causes = {(key, status) for key, status in expected_findings()[name] if status != "offered"}
    assert {(key, status) for key, status in causes if key.split("@")[0] in VISITOR_CAUSES} <= found
    # Anything beyond the story's findings is a suspicion the report leaves to its check.
    assert all(status == "suspected" for _, status in found - causes), found - causes
    assert report["language"] == lang


def test_the_amount_in_dollars_can_be_typed_on_the_page_and_is_told_to_the_api(web_client):
    """The page's field for the amount takes "$" (text, not a number field), and the API's
    question says which fact an answer in dollars is written at."""
    data = {
        "as_of": "2026-11-20",
        "symptom": {"where": "foreign_card", "wallet": "alipay"},
        "dont_know": ["symptom.error_message"],
        "foreign_cards": [{"status": "declined"}],
    }
    question = web_client.post("/api/v1/interview", json=data).json()["question"]
    assert question["fact"] == "payment.amount_cny"
    assert "$" in question["units"]["payment.amount_usd"]
    state = json.dumps({"facts": data, "asked": []})
    page = web_client.post("/consult", data={"state": state}).text
    assert 'name="answer" autofocus autocomplete="off" required type="text" inputmode="text"' in (
        page
    )
    answered = web_client.post(
        "/consult",
        data={"state": state, "fact": "payment.amount_cny", "answer": "$120"},
    )
    assert answered.status_code == 200
    assert "&#34;amount_usd&#34;:120" in answered.text  # the state the page carries on
    assert 'data-fact="payment.amount_cny"' not in answered.text


def test_a_visitor_who_knows_the_amount_only_in_dollars_writes_it_in_dollars(doctor):
    """The amount is asked once: a visitor who knows it only as the statement at home shows it
    writes it in dollars ("$6400", as the help says) to the yuan question, it is written as
    the amount in dollars (the yuan not known), and the wallet's limit is found."""
    facts = load_example("foreign-card-limit.json")
    interviewer = Interviewer(doctor)
    data, asked = {"as_of": facts["as_of"]}, []
    while not (step := interviewer.step(data)).done and len(asked) < 20:
        fact = step.question.fact
        asked.append(fact)
        answer = known_in_units(facts, fact, KB) if not step.question.ticks else None
        data = interviewer.answer(data, fact, answer or "don't know")
    assert "payment.amount_cny" in asked and "payment.amount_usd" not in asked
    assert data["payment"]["amount_usd"] == 6400 and "payment.amount_cny" in data["dont_know"]
    for typed in ("$6,400", "6400 USD", "about 6400 dollars", "6400美元"):
        said = interviewer.answer({"as_of": facts["as_of"]}, "payment.amount_cny", typed)
        assert said["payment"] == {"amount_usd": 6400}, typed
    assert interviewer.answer({"as_of": "2026-11-20"}, "payment.amount_cny", "500元")[
        "payment"
    ] == {"amount_cny": 500}
    assert ("foreign-card-limit@alipay", "confirmed") in {
        (f.cause.key, f.status) for f in step.diagnosis.findings
    }


@pytest.mark.parametrize(
    ("message", "status"),
    [
        ("Transaction declined by bank", "blocked_by_issuer"),
        ("ISSUER_DECLINED", "blocked_by_issuer"),
        ("Your payment was declined", "declined"),
        ("交易被拒", "declined"),
    ],
)
def test_facts_v3s_messages_say_what_the_card_did(doctor, message, status):
    """facts-v3's issuer messages and a plain "declined" write the foreign card's status, so
    its question is not asked after the message said it; at a place that is not about
    foreign cards (paying with Alipay) the message says nothing of one."""
    interviewer = Interviewer(doctor)
    start = {"as_of": "2026-11-20"}
    data = interviewer.answer(start, "symptom.where", "Paying with a foreign card in Alipay")
    data = interviewer.answer(data, "symptom.error_message", message)
    assert data["foreign_cards"] == [{"status": status}]
    assert "foreign_cards[0].status" not in {q.fact for q in interviewer.step(data).questions}
    resident = {**interviewer.answer(start, "symptom.where", "alipay"), "foreign_cards": [{}]}
    assert interviewer.answer(resident, "symptom.error_message", message)["foreign_cards"] == [{}]


def test_a_check_names_the_cause_of_the_wallet_it_is_about(doctor):
    """A per-wallet cause suspected in WeChat Pay is named by WeChat Pay's title where a check
    says what it decides, not by Alipay's (both variants share an id)."""
    facts = validate_facts(
        {
            "as_of": "2026-11-20",
            "symptom": {"where": "foreign_card", "wallet": "wechat_pay"},
            "foreign_cards": [{"wallet": "wechat_pay", "status": "declined"}],
            "payment": {"payee": "merchant_qr", "amount_cny": 50},
        }
    )
    check = next(c for c in doctor.diagnose(facts).checks if "verified" in c.fact)
    assert check.decides == ("identity-not-verified",)
    assert [title.en for title in check.settles] == [
        "WeChat Pay has not verified your identity yet"
    ]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Japan", "JP"), ("日本", "JP"), ("일본", "JP"), ("Russia", "RU"), ("俄罗斯", "RU"),
     ("south korea", "KR"), ("韓国", "KR"), ("UK", "GB"), ("de", "DE")],
)  # fmt: skip
def test_the_card_s_country_is_read_by_its_name_in_any_language(doctor, typed, code):
    """A traveller names their bank's country as they say it, not as ISO codes it."""
    data = {"as_of": "2026-11-20", "foreign_cards": [{}]}
    data = Interviewer(doctor).answer(data, "foreign_cards[0].issuer_country", typed, alone=True)
    assert validate_facts(data).foreign_cards[0].issuer_country == code


def test_a_country_not_understood_is_shown_back_and_says_what_is_expected(doctor):
    with pytest.raises(InputError) as refused:
        Interviewer(doctor).answer(
            {"foreign_cards": [{}]}, "foreign_cards[0].issuer_country", "Narnia", alone=True
        )
    assert "Narnia" not in str(refused.value)  # a log or a file sees it masked
    shown = str(refused.value.shown_back)
    assert "'Narnia'" in shown and "name the country (Japan, 日本)" in shown
