"""The consultation: triage first, only what is worth asking, plain questions, lenient answers,
and the terminal face (`--ask`) and `interview` command of the one engine."""

from __future__ import annotations

import io
import json
import re

import pytest

import cli
from engine.consultation.answers import kind_of, read
from engine.consultation.interview import Interviewer, progress
from engine.errors import InputError
from engine.facts.loading import validate_facts

AS_OF = {"as_of": "2026-11-27"}
ISSUE_TRAVELLER = {
    "symptom.where": "adding a card in Alipay",
    "symptom.error_message": "与预留手机号不符",
    "bank_cards": "1",
    "bank_cards[0].status": "rejected",
    "passport.renewed_on": "2026-09",
    "passport.renewed": "yes",
    "phone.changed_on": "2026-10",
    "passport.expiry_date": "2036-08",
    "residence_permit.expiry_date": "2027-09",
    "residence_permit.held": "yes",
    "person.given_names": "JOHN MICHAEL",
    "about_you": "renewed, new number, permit",
}
"""The traveller of issue 13, as they type: a renewed passport (September 2026), a card refused
with 与预留手机号不符, a phone number changed in October; "don't know" to anything else. A list
to tick is answered by its key (`about_you`: the lines ticked)."""


class _Keys(io.StringIO):
    """Standard input that gives some lines, then Ctrl-C."""

    def readline(self, *args) -> str:
        line = super().readline(*args)
        if not line:
            raise KeyboardInterrupt
        return line


@pytest.fixture(scope="module")
def interviewer(doctor):
    return Interviewer(doctor)


def _interview(interviewer, answers: dict[str, str], data=None, most: int = 30):
    """Answer each question from `answers` ("don't know" otherwise): the steps asked, the end."""
    data = dict(data or AS_OF)
    steps = []
    while not (step := interviewer.step(data)).done and len(steps) < most:
        steps.append(step)
        fact = step.question.fact
        key = interviewer.kb.ask(fact).tick.within.key if step.question.ticks else fact
        data = interviewer.answer(data, fact, answers.get(key, "?"))
    return steps, step, data


def _ask(monkeypatch, capsys, lines: str, *argv: str, stdin_type=io.StringIO):
    monkeypatch.setattr("sys.stdin", stdin_type(lines))
    code = cli.main(["--ask", *argv, "--no-diagram"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_issues_traveller_reaches_the_bank_and_phone_causes_within_8_questions(interviewer):
    steps, end, data = _interview(interviewer, ISSUE_TRAVELLER)
    asked = [step.question.fact for step in steps]
    assert asked[:2] == ["symptom.where", "symptom.error_message"], "triage first"
    reached = next(
        number
        for number in range(1, len(steps) + 1)
        if {"bank-passport-outdated", "phone-mismatch"}
        <= {
            f.cause.key
            for f in (steps[number].diagnosis if number < len(steps) else end.diagnosis).findings
        }
    )
    assert reached <= 8, asked
    # The renewal is ticked in a list with the permit; its date then settles nothing more.
    assert data["passport"]["renewed"] is True and data["residence_permit"]["held"] is True
    assert data["bank_cards"][0]["status"] == "cannot_be_verified"
    assert end.done and len(steps) <= 14


def test_causes_that_cannot_explain_where_it_fails_are_not_pursued(interviewer):
    """An Alipay card link: no Taobao or WeChat Pay question; a visitor: no permit question."""
    steps, _, _ = _interview(interviewer, {**ISSUE_TRAVELLER, "residence_permit.held": "no"})
    asked = [step.question.fact for step in steps]
    assert not [fact for fact in asked if fact.startswith(("taobao.", "wechat_pay."))]
    decided = {cause for step in steps[1:] for cause in step.question.decides}
    assert not [cause for cause in decided if "taobao" in cause or "wechat" in cause]
    visitor = {**AS_OF, "symptom": {"where": "alipay"}, "residence_permit": {"held": False}}
    later = {q.fact for q in interviewer.step(visitor).questions}
    assert not [fact for fact in later if fact.startswith("residence_permit.")]


def test_a_place_narrows_the_cards_asked_about(interviewer):
    foreign = interviewer.step({**AS_OF, "symptom": {"where": "foreign_card"}})
    assert "bank_cards" not in {q.fact for q in foreign.questions}
    assert "foreign_cards" in {q.fact for q in foreign.questions}


def test_a_cards_wallet_is_asked_first_where_it_decides_which_wallet_is_pursued(interviewer):
    """A foreign card is taken for Alipay's until its wallet is said: asked right after triage,
    WeChat Pay's questions come only once the card is said to be linked there."""
    card = {**AS_OF, "symptom": {"where": "foreign_card", "error_message": "declined"}}
    step = interviewer.step({**card, "foreign_cards": [{"status": "declined"}]})
    assert step.question.fact == "foreign_cards[0].wallet"
    assert not [q.fact for q in step.questions if q.fact.startswith("wechat_pay.")]
    linked = {**card, "foreign_cards": [{"status": "declined", "wallet": "wechat_pay"}]}
    later = [q.fact for q in interviewer.step(linked).questions]
    assert "wechat_pay.restricted" in later and "alipay.restricted" not in later


def test_a_cards_wallet_is_not_asked_where_the_failure_names_the_wallet(interviewer):
    alipay = {**AS_OF, "symptom": {"where": "alipay", "error_message": "?"}}
    step = interviewer.step({**alipay, "bank_cards": [{"status": "cannot_be_verified"}]})
    assert "bank_cards[0].wallet" not in {q.fact for q in step.questions}


def test_a_small_payment_leaves_the_years_total_to_ask(interviewer):
    """Within the limit for one payment says nothing of the year's: the total is still asked."""
    data = {
        **AS_OF,
        "symptom": {"where": "foreign_card", "error_message": "declined"},
        "foreign_cards": [{"status": "declined", "wallet": "alipay"}],
        "payment": {"amount_usd": 80},
    }
    assert "payment.year_total_usd" in {q.fact for q in interviewer.step(data).questions}
    data["payment"]["year_total_usd"] = 51_000
    found = {f.cause.key for f in interviewer.step(data).diagnosis.findings}
    assert "foreign-card-limit@alipay" in found


def test_questions_are_plain_with_help_and_no_ids_or_paths(interviewer, doctor):
    from visualise.interview import question_text
    from visualise.language import ENGLISH, language

    chinese = language("zh")

    steps, _, _ = _interview(interviewer, ISSUE_TRAVELLER)
    ids = {cause.id for cause in doctor.kb.causes}
    for step in steps:
        for reader in (ENGLISH, chinese):
            text = question_text(step.question, step.facts, reader)
            assert not re.search(r"\b[a-z_]+\.[a-z_]+\b|\[\d\]", text), text
            assert not [cause for cause in ids if cause in text], text
        assert step.question.ask.help is not None, step.question.fact


def test_every_question_a_person_can_be_asked_has_help_a_label_and_chinese(doctor):
    for path, ask in doctor.kb.questions.items():
        if path == "as_of":
            continue
        assert ask.help is not None, path
        assert not [w for w in ask.wordings() if w.missing(("zh",))], path
    assert doctor.kb.fact_label("passport.expiry_date").in_("zh") == "护照有效期"
    assert doctor.kb.fact_label("bank_cards[1].status").en == "what happens in the wallet"
    assert doctor.kb.value_label("bank_cards[0].status", "cannot_be_verified").in_("zh") == (
        "被拒绝：验证不通过"
    )
    assert doctor.kb.value_label("passport.renewed", True).en == "yes"
    assert doctor.kb.value_label("passport.number", "E1") is None


def test_the_progress_line_never_goes_back(interviewer):
    steps, end, _ = _interview(interviewer, ISSUE_TRAVELLER)
    shown, seen = 0, []
    for step in steps:
        shown = progress(step.asked, step.left, shown)
        seen.append(shown)
    assert seen == sorted(seen) and progress(end.asked, end.left) == 100


def test_dont_know_is_kept_and_the_question_not_asked_again(interviewer):
    first = interviewer.step(AS_OF).question
    data = interviewer.answer(AS_OF, first.fact, "不知道")
    assert data["dont_know"] == [first.fact]
    assert first.fact not in {q.fact for q in interviewer.step(data).questions}


def test_asked_is_counted_from_the_facts(interviewer):
    data = {**AS_OF, "symptom": {"where": "alipay"}, "bank_cards": [{"status": "ok"}]}
    assert interviewer.step(data).asked == 3
    assert interviewer.step({**data, "dont_know": ["passport.expiry_date"]}).asked == 4


def test_no_i_dont_have_one_writes_what_it_means(interviewer):
    data = interviewer.answer(AS_OF, "residence_permit.expiry_date", "I don't have one")
    assert data["residence_permit"] == {"held": False}
    assert data["dont_know"] == ["residence_permit.expiry_date"]
    data = interviewer.answer(AS_OF, "passport.renewed_on", "no, it is my first passport")
    assert data["passport"] == {"renewed": False}
    assert interviewer.answer(AS_OF, "bank_cards", "none")["bank_cards"] == []


@pytest.mark.parametrize("text", ["nothing", "Nothing at all", "什么都没有"])
def test_nothing_answers_what_the_wallet_showed_in_one_go(interviewer, doctor, text):
    """Whether a wallet showed a notice, a restriction or a request is known together: "nothing"
    to the first of them writes all three; a plain no writes only the one asked."""
    data = interviewer.answer(AS_OF, "wechat_pay.restricted", text)
    assert data["wechat_pay"] == {
        "document_expiry_notice": False,
        "restricted": False,
        "verification_requested": [],
    }
    assert "dont_know" not in data
    assert interviewer.answer(AS_OF, "wechat_pay.restricted", "没有")["wechat_pay"] == {
        "restricted": False
    }
    after = {
        q.fact for q in interviewer.step({**data, "symptom": {"where": "wechat_pay"}}).questions
    }
    assert not after & {f"wechat_pay.{field}" for field in data["wechat_pay"]}


def test_the_terminal_says_what_nothing_means(doctor):
    from visualise.interview import hint
    from visualise.language import ENGLISH

    question = next(
        q
        for q in Interviewer(doctor).step({**AS_OF, "symptom": {"where": "alipay"}}).questions
        if q.fact == "alipay.restricted"
    )
    assert hint(question, ENGLISH).endswith(
        "nothing: Alipay shows no notice, restriction or request at all"
    )


@pytest.mark.parametrize(
    ("path", "text", "value"),
    [
        ("taobao.security_error", "Yes", True),
        ("taobao.security_error", "是的", True),
        ("taobao.security_error", "没有", False),
        ("taobao.security_error", "不是", False),
        ("taobao.security_error", "nope, never", False),
        ("passport.expiry_date", "2026-09", "2026-09"),
        ("passport.expiry_date", "09/2026", "2026-09"),
        ("passport.expiry_date", "Sept 2026", "2026-09"),
        ("passport.expiry_date", "2026年9月", "2026-09"),
        ("passport.expiry_date", "15 September 2026", "2026-09-15"),
        ("passport.expiry_date", "25/12/2026", "2026-12-25"),
        ("passport.expiry_date", "2026", "2026"),
        ("bank_cards[].status", "rejected", "cannot_be_verified"),
        ("bank_cards[].status", "declined", "cannot_be_verified"),
        ("bank_cards[].status", "验证失败", "cannot_be_verified"),
        ("bank_cards[].status", "4", "not_linked"),
        ("foreign_cards[].status", "declined", "declined"),
        ("symptom.where", "adding a card in Alipay", "bank_card_link"),
        ("symptom.where", "adding my Visa to Alipay", "foreign_card_link"),
        ("symptom.where", "link my mastercard to alipay", "foreign_card_link"),
        ("symptom.where", "添加外卡", "foreign_card_link"),
        ("symptom.where", "paying with my visa in alipay", "foreign_card"),
        ("symptom.where", "アリペイ", "alipay"),  # most of a label in Japanese
        ("symptom.where", "위챗페이", "wechat_pay"),
        ("symptom.where", "타오바오", "taobao"),
        ("symptom.where", "微信", "wechat_pay"),
        (
            "alipay.verification_requested",
            "selfie, passport photo、2",
            ["selfie", "passport_photo"],
        ),
        ("taobao.account_age_days", "about 12 days", 12),
        ("payment.amount_usd", "$1,200", 1200.0),
        ("bank_cards", "two", [{}, {}]),
        ("bank_cards", "两张", [{}, {}]),
        ("bank_cards", "二枚", [{}, {}]),
        ("bank_cards", "2장", [{}, {}]),
        ("bank_cards", "two cards", [{}, {}]),
        ("person.surname", "Smith", "Smith"),
    ],
)
def test_answers_are_read_leniently(doctor, path, text, value):
    assert read(kind_of(path), doctor.kb.ask(path), text).value == value


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("taobao.security_error", "perhaps", "answer yes or no (是 or 否), or don't know"),
        ("passport.expiry_date", "soon", "write a date like 2026-09-15, or just the month"),
        ("passport.expiry_date", "03/04/2026", "could be 2026-04-03 or 2026-03-04"),
        ("passport.expiry_date", "2026-13", "expected a real calendar date"),
        ("bank_cards[].status", "sometimes", "choose one of: It works, It is refused"),
        ("symptom.where", "銀行", "choose one of: Paying with Alipay"),  # a word of two places
        ("bank_cards", "lots", "write how many, from 0 to 9"),
        ("alipay.verification_requested", "selfie, fingerprint", "name any of these"),
    ],
)
def test_a_refusal_says_in_words_what_would_be_read(doctor, path, text, expected):
    with pytest.raises(InputError, match=re.escape(expected)):
        read(kind_of(path), doctor.kb.ask(path), text)


def test_an_answer_is_checked_as_a_facts_file_is(interviewer):
    with pytest.raises(InputError, match="expected the last four digits"):
        interviewer.answer({**AS_OF, "bank_cards": [{}]}, "bank_cards[0].last4", "12345")


def test_scripted_consultation_saves_the_answers_and_shows_the_report(
    monkeypatch, capsys, tmp_path
):
    monkeypatch.chdir(tmp_path)
    lines = "adding a card in alipay\n与预留手机号不符\n1\nsometimes\nrejected\n1\n"
    code, out, err = _ask(monkeypatch, capsys, lines)
    assert code == 0
    assert "Question 1 · 0% done" in err and "Where does it fail?" in err
    assert "Card 1: What happens with this card in the wallet?" in err
    # Shown back as typed, on the screen of the person who typed it (never in the file saved).
    assert "'sometimes' is not an answer I can read: choose one of: It works" in err
    assert "input ended: saved the facts with your answers to paydoctor-facts.json" in err
    saved = json.loads((tmp_path / "paydoctor-facts.json").read_text(encoding="utf-8"))
    # A list to tick, numbered: line 1 ticked (renewed), lines 2 and 3 left (no permit, the
    # card from a mainland branch: adding a card asks it with the rest).
    assert saved["bank_cards"] == [
        {"status": "cannot_be_verified", "issued_outside_mainland": False}
    ]
    assert "Which of these are true for you? Tick all that are." in err
    assert "1. My passport replaced an older one (it was renewed) · 2. I hold" in err
    assert "3. My Chinese bank card is from a branch outside mainland China" in err
    assert saved["passport"] == {"renewed": True}
    assert saved["residence_permit"] == {"held": False}
    assert "sometimes" not in json.dumps(saved) and "sometimes" not in out
    assert "bank-passport-outdated" in out and "phone-mismatch" in out and "Question" not in out


def test_ctrl_c_saves_the_answers_then_shows_the_report(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out, err = _ask(monkeypatch, capsys, "alipay\n与预留手机号不符\n", stdin_type=_Keys)
    assert code == 0
    assert "interrupted: saved the facts with your answers to paydoctor-facts.json" in err
    assert json.loads((tmp_path / "paydoctor-facts.json").read_text())["symptom"] == {
        "where": "alipay",
        "error_message": "与预留手机号不符",
    }
    assert "phone-mismatch" in out and "SUSPECTED" in out


def test_a_consultation_that_runs_out_of_questions_says_so(monkeypatch, capsys, tmp_path):
    facts = tmp_path / "mine.json"
    facts.write_text(
        json.dumps({**AS_OF, "symptom": {"where": "taobao", "error_message": "unusual activity"}})
    )
    code, _, err = _ask(monkeypatch, capsys, "\n" * 40, str(facts))  # Enter: don't know
    assert code == 0 and "No question left is worth asking." in err
    assert json.loads(facts.read_text())["symptom"]["where"] == "taobao", "the file read is kept"
    assert (tmp_path / "mine-answered.json").exists()


def test_an_existing_file_is_overwritten_only_when_the_person_says_so(
    monkeypatch, capsys, tmp_path
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paydoctor-facts.json").write_text("{}", encoding="utf-8")
    code, _, err = _ask(monkeypatch, capsys, "alipay\n")
    assert code == 0
    assert "paydoctor-facts.json exists. Overwrite it?" in err
    assert (tmp_path / "paydoctor-facts.json").read_text(encoding="utf-8") == "{}"
    saved = json.loads((tmp_path / "paydoctor-facts-2.json").read_text())
    assert saved == {"symptom": {"where": "alipay"}}


def test_the_diagram_is_drawn_beside_the_answers_it_depicts(monkeypatch, capsys, tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    facts = cases / "mine.json"
    facts.write_text('{"as_of": "2026-11-27", "taobao": {"security_error": true}}')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("taobao\n"))
    assert cli.main(["--ask", str(facts)]) == 0
    drawn = cases / "mine-answered.diagnosis.svg"
    assert capsys.readouterr().out.endswith(f"diagram: {drawn}\n")
    assert "Taobao flagged your account" in drawn.read_text(encoding="utf-8")
    assert {p.name for p in cases.iterdir()} == {"mine.json", "mine-answered.json", drawn.name}


def test_without_answers_nothing_is_saved_and_no_diagram_drawn(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["--ask"]) == 0
    assert "diagram:" not in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_interview_command_gives_report_v2s_object(capsys, tmp_path):
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({**AS_OF, "symptom": {"where": "bank_card_link"}}))
    assert cli.main(["interview", str(facts), "--format", "json"]) == 0
    step = json.loads(capsys.readouterr().out)
    assert list(step) == ["done", "question", "asked", "report"]
    assert step["done"] is False and step["asked"] == 1
    question = step["question"]
    assert question["fact"] == "symptom.error_message" and question["kind"] == "text"
    assert set(question) == {"fact", "text", "help", "kind", "decides", "decides_in"}
    assert step["report"]["as_of"] == "2026-11-27"
    facts.write_text(
        json.dumps(
            {**AS_OF, "symptom": {"where": "alipay"}, "dont_know": ["symptom.error_message"]}
        )
    )
    assert cli.main(["interview", str(facts), "--format", "json", "--lang", "zh"]) == 0
    step = json.loads(capsys.readouterr().out)
    assert step["question"]["kind"] in ("yes_no", "choice", "date", "count", "number", "text")
    if step["question"]["kind"] == "yes_no":
        assert step["question"]["choices"] == [
            {"value": True, "label": "是"},
            {"value": False, "label": "否"},
        ]


def test_interview_command_says_done_with_the_report_in_text(capsys):
    story = "examples/story-renewed-passport-new-phone-new-taobao.json"
    assert cli.main(["interview", story]) == 0
    out = capsys.readouterr().out
    assert out.startswith(("Question ", "No question left is worth asking"))


def test_without_facts_or_ask_it_is_a_usage_error(capsys):
    assert cli.main([]) == 2
    assert "--ask" in capsys.readouterr().err


def test_the_terminal_numbers_questions_one_by_one_when_an_answer_writes_several_facts(
    monkeypatch, capsys, tmp_path
):
    """ "nothing" answers three facts at once; the next question is still the next number."""
    monkeypatch.chdir(tmp_path)
    code, out, err = _ask(monkeypatch, capsys, "alipay\n\n0\nnothing\n\n")
    numbers = [int(n) for n in re.findall(r"Question (\d+) ·", out + err)]
    assert code == 0
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 5


NEVER_CHANGED = {**AS_OF, "symptom": {"where": "bank_card_link"}, "bank_cards": [{}]}


@pytest.mark.parametrize(
    "said",
    ["none", "never", "Never", "I never changed it", "not since I arrived", "没有", "从没换过",
     "从来没换过", "Never: I have always had this number", "从没换过：一直用这个号码"],
)  # fmt: skip
def test_never_to_when_the_number_changed_is_kept_and_rules_the_phone_cause_out(
    interviewer, doctor, said
):
    facts = {**NEVER_CHANGED, "bank_cards": [{"status": "cannot_be_verified"}]}
    data = interviewer.answer(facts, "phone.changed_on", said)
    assert data["phone"] == {"changed": False}, "the answer is what was said, not don't know"
    diagnosis = interviewer.step(data).diagnosis
    assert "phone-mismatch" not in {f.cause.key for f in diagnosis.findings}
    assert "phone.changed_on" not in {q.fact for q in interviewer.step(data).questions}


def test_never_is_offered_on_the_terminal_in_both_languages(
    interviewer, monkeypatch, capsys, tmp_path
):
    monkeypatch.chdir(tmp_path)
    card = {"status": "cannot_be_verified", "issued_outside_mainland": False}  # no list left
    data = {**NEVER_CHANGED, "bank_cards": [card]}
    while (step := interviewer.step(data)).question.fact != "phone.changed_on":
        data = interviewer.not_known(data, step.question.fact)  # up to the phone's question
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(data), encoding="utf-8")
    for lang, offered, said in (
        ("en", "Never: I have always had this number", "not since I arrived"),
        ("zh", "从没换过：一直用这个号码", "没有"),
    ):
        _, out, err = _ask(monkeypatch, capsys, said + "\n", str(facts), "--lang", lang)
        assert offered in err
        saved = json.loads((tmp_path / "facts-answered.json").read_text("utf-8"))
        assert saved["phone"] == {"changed": False}
        assert "phone.changed_on" not in out  # not listed as not known
        (tmp_path / "facts-answered.json").unlink()


def test_dont_know_to_when_the_passport_was_renewed_asks_whether_it_was(interviewer):
    """The issue's traveller: renewed, the date forgotten, paying with WeChat Pay."""
    answers = {
        "symptom.where": "wechat pay",
        "bank_cards": "0",
        "passport.renewed": "yes",
        "passport.previous_expiry_date": "2026-11",
        "wechat_pay.document_expiry_notice": "nothing",
        "passport.expiry_date": "2036-08",
        "residence_permit.held": "no",
        "residence_permit.expiry_date": "I don't have one",
    }
    steps, end, _ = _interview(interviewer, answers)
    asked = [step.question.fact for step in steps]
    assert asked.index("passport.renewed") == asked.index("passport.renewed_on") + 1
    found = {(f.cause.key, str(f.status)) for f in end.diagnosis.findings}
    assert ("wechat-identity-outdated", "suspected") in found
    assert len(asked) <= 10


def test_a_sentence_with_never_is_a_no_to_a_yes_no_question():
    from engine.consultation.answers import _yes_no

    assert _yes_no("i never changed it") is False
    assert _yes_no("从没换过") is False


def test_several_choices_are_numbered_and_read_by_their_numbers(interviewer, doctor):
    ask = doctor.kb.ask("alipay.verification_requested")
    kind = kind_of("alipay.verification_requested")
    assert read(kind, ask, "1 3").value == ["passport_photo", "address"]
    assert read(kind, ask, "2, 6").value == ["selfie", "second_bank_card"]
    assert read(kind, ask, "Nothing: Alipay asks for nothing").none


def test_counts_are_read_from_words(doctor):
    assert len(read(kind_of("bank_cards"), None, "two").value) == 2
    assert len(read(kind_of("bank_cards"), None, "两张").value) == 2


def test_an_answer_not_understood_is_shown_back_as_typed_only_on_its_screen(doctor):
    with pytest.raises(InputError) as refused:
        read(kind_of("passport.renewed_on"), doctor.kb.ask("passport.renewed_on"), "when I moved")
    assert "'when I moved' is not a date I can read" in str(refused.value.shown_back)
    assert "when I moved" not in str(refused.value), "the message a log could hold is masked"
    assert "passport.renewed_on" not in str(refused.value.shown_back)


def test_an_answer_the_facts_refuse_is_said_in_words_without_the_facts_path(interviewer):
    with pytest.raises(InputError) as refused:
        interviewer.answer(AS_OF, "phone.number", "12")
    assert str(refused.value.shown_back) == (
        "'12' is not allowed: expected a phone number such as +86 138 0013 8000"
    )
    assert "phone.number" not in str(refused.value) and "'1*'" in str(refused.value)


@pytest.mark.parametrize(
    "message, status",
    [
        ("Verification failed", "verification_failed"),
        ("验证失败，请重试", "verification_failed"),
        ("Card declined", "declined"),
        ("Transaction declined by issuer", "blocked_by_issuer"),
    ],
)
def test_an_error_message_that_says_what_the_card_did_settles_its_question(
    interviewer, message, status
):
    data = interviewer.answer({**AS_OF}, "symptom.where", "foreign card")
    data = interviewer.answer(data, "symptom.error_message", message)
    assert data["foreign_cards"] == [{"status": status}]
    assert "foreign_cards[0].status" not in {q.fact for q in interviewer.step(data).questions}


VISITOR = {
    **AS_OF,
    "symptom": {"where": "foreign_card"},
    "dont_know": ["symptom.error_message"],
    "foreign_cards": [{"wallet": "alipay", "status": "declined"}],
    "payment": {"amount_cny": 300, "payee": "merchant_qr"},
}
"""A visitor's Visa card declined in Alipay at a hotel (CNY 300): what happened is asked next."""
WHAT_HAPPENED = ("phone.vpn_on", "payment.fee_notice", "symptom.persists")


def test_a_visitor_ticks_what_happened_in_one_list(interviewer):
    step = interviewer.step(VISITOR)
    question = step.question
    assert question.ticks == WHAT_HAPPENED and question.fact == "phone.vpn_on"
    assert question.ask.text.en == "Which of these happened when it failed? Tick all that did."
    assert {"vpn-during-payment", "foreign-card-service-fee@alipay"} <= set(question.decides)
    # Each line ticked writes its fact; a line left unticked did not happen.
    data = interviewer.answer(VISITOR, "phone.vpn_on", "1")
    assert data["phone"] == {"vpn_on": True}
    assert data["payment"]["fee_notice"] is False and data["symptom"]["persists"] is False
    assert interviewer.asked(validate_facts(data)) == step.asked + 1, "one answer, one question"
    by_words = interviewer.answer(VISITOR, "phone.vpn_on", "the fee, again")
    assert by_words["payment"]["fee_notice"] is True and by_words["symptom"]["persists"] is True
    assert by_words["phone"] == {"vpn_on": False}
    for none in ("none", "None of these happened", "以上都没有发生", "都没有"):
        said = interviewer.answer(VISITOR, "phone.vpn_on", none)
        assert said["phone"] == {"vpn_on": False} and said["payment"]["fee_notice"] is False
    # "Don't know" is not a no: every line's fact is not known, none is asked again.
    unknown = interviewer.answer(VISITOR, "phone.vpn_on", "不知道")
    assert set(WHAT_HAPPENED) <= set(unknown["dont_know"]) and "phone" not in unknown
    assert not set(WHAT_HAPPENED) & {q.fact for q in interviewer.step(unknown).questions}
    with pytest.raises(InputError, match="is not an answer I can read"):
        interviewer.answer(VISITOR, "phone.vpn_on", "4")


def test_a_list_to_tick_is_one_line_a_fact_in_the_api_with_what_each_line_sets(doctor):
    from visualise.interview import question_data
    from visualise.language import language

    step = Interviewer(doctor).step(VISITOR)
    data = question_data(step.question, step.facts, language("zh"))
    assert data["several"] is True and data["fact"] == "phone.vpn_on"
    assert data["text"] == "失败时发生了以下哪些情况？请勾选所有发生过的。"
    lines = {choice["value"]: choice for choice in data["choices"]}
    assert lines["phone.vpn_on"]["sets"] == {"phone.vpn_on": True}
    assert lines["phone.vpn_on"]["unticked"] == {"phone.vpn_on": False}
    assert lines["phone.vpn_on"]["label"] == "当时开着 VPN 或代理"
    assert lines["nothing"]["label"] == "以上都没有发生"
    assert lines["nothing"]["sets"] == dict.fromkeys(WHAT_HAPPENED, False)
    assert "unticked" not in lines["nothing"], "a button, not a tick box"


def test_a_resident_ticks_a_renewal_and_its_date_is_asked_only_where_it_matters(interviewer):
    data = {
        **AS_OF,
        "symptom": {"where": "alipay", "error_message": "x"},
        "bank_cards": [],
        "alipay": {"document_expiry_notice": False, "restricted": False},
        "dont_know": ["passport.expiry_date"],
    }
    data["alipay"]["verification_requested"] = []
    question = interviewer.step(data).question
    assert question.ticks and "passport.renewed_on" in question.ticks
    assert question.ask.text.en == "Which of these are true for you? Tick all that are."
    none = interviewer.answer(data, question.fact, "none")
    # Left unticked: not renewed, and no date of a renewal to ask.
    assert none["passport"] == {"renewed": False} and "passport.renewed_on" in none["dont_know"]
    assert "passport.renewed_on" not in {q.fact for q in interviewer.step(none).questions}
    ticked = interviewer.answer(data, question.fact, "renewed")
    assert ticked["passport"] == {"renewed": True}
    assert "passport.renewed_on" not in (ticked.get("dont_know") or [])


def test_the_terminal_numbers_a_list_to_tick_in_chinese(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "visitor.json"
    path.write_text(json.dumps(VISITOR))
    code, _, err = _ask(monkeypatch, capsys, "1 3\n", str(path), "--lang", "zh")
    assert code == 0
    assert "失败时发生了以下哪些情况？请勾选所有发生过的。" in err
    assert "1. 当时开着 VPN 或代理 · 2. 付款前应用显示了需要接受的服务费" in err
    assert "以上都没有发生" in err
    saved = json.loads((tmp_path / "visitor-answered.json").read_text(encoding="utf-8"))
    assert saved["phone"] == {"vpn_on": True} and saved["symptom"]["persists"] is True
    assert saved["payment"]["fee_notice"] is False


@pytest.mark.parametrize(
    "bank, shown",
    [("ICBC", "ICBC"), ("工商银行", "工商银行"), ("bank of china", "bank of china")],
)
def test_a_card_is_named_by_a_known_bank_as_the_person_gave_it(interviewer, bank, shown):
    from visualise.interview import question_text
    from visualise.language import language

    facts = {
        **AS_OF,
        "symptom": {"where": "bank_card_link", "error_message": "x"},
        "bank_cards": [{"bank": bank, "last4": "1234"}],
    }
    step = interviewer.step(facts)
    question = next(q for q in step.questions if q.card == 0)
    text = question_text(question, step.facts, language("en"))
    assert text.startswith(f"Card 1 ({shown}, ending 1234): ")


def test_a_bank_field_that_names_no_known_bank_stays_masked(interviewer):
    from visualise.interview import question_text
    from visualise.language import language

    facts = {
        **AS_OF,
        "symptom": {"where": "bank_card_link", "error_message": "x"},
        "bank_cards": [{"bank": "Zhang Wei"}],
    }
    step = interviewer.step(facts)
    question = next(q for q in step.questions if q.card == 0)
    text = question_text(question, step.facts, language("zh"))
    assert "Zhang" not in text and "Wei" not in text and "Z***" in text
