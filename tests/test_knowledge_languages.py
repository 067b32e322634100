"""Knowledge in every language offered, and the sentence to show at the counter (issue 14)."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

import pytest

import cli
from engine.authoring.rules import STAFF_LANGUAGE, FixStep
from engine.checking.check import wording_problems
from engine.consultation.answers import kind_of, read
from engine.facts.loading import read_facts_file
from engine.text.wording import Wording
from knowledge import builtin_knowledge
from knowledge._where import PLACES, Where
from tests.conftest import EXAMPLES
from visualise.diagram import diagnosis_dot
from visualise.language import ENGLISH, available, language
from visualise.text import text_report

KB = builtin_knowledge()
CHINESE = language("zh")
STORY = EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json"
BANK_SENTENCE = "您好，我换了新护照。请帮我把账户上的护照号码更新为我的新护照号码，改好后请告诉我。"


def test_every_unit_text_is_written_in_every_language_offered():
    assert {"en", "zh"} <= set(available())
    assert wording_problems(KB, available()) == []


def test_a_unit_text_without_its_translation_is_found():
    cause = KB.cause("bank-passport-outdated")
    english_only = replace(cause, title="Your bank holds a passport number of old")
    kb = replace(KB, causes=tuple(english_only if c is cause else c for c in KB.causes))
    assert [p.message for p in wording_problems(kb, ("en", "zh"))] == [
        "bank-passport-outdated: title 'Your bank holds a passport number of old'"
        " has no translation in zh (python -m visualise.catalogs, then translate it)"
    ]


def test_a_question_or_an_observation_without_its_translation_is_found():
    """Questions, their help and choices, and observations' meanings are texts a person reads
    too (the issue's "第 1 张卡（ICBC）：When does…")."""
    ask = KB.questions["passport.expiry_date"]
    observation = KB.observations[0]
    kb = replace(
        KB,
        questions={**KB.questions, "passport.expiry_date": replace(ask, help=Wording("On p. 2."))},
        observations=(replace(observation, meaning="it is so"), *KB.observations[1:]),
    )
    assert [p.message for p in wording_problems(kb, ("en", "zh"))] == [
        f"{observation.name}: meaning 'it is so' has no translation in zh"
        " (python -m visualise.catalogs, then translate it)",
        "passport.expiry_date: question text 'On p. 2.' has no translation in zh"
        " (python -m visualise.catalogs, then translate it)",
    ]


def test_a_translation_written_in_a_unit_is_found():
    cause = KB.cause("bank-passport-outdated")
    written = replace(cause, title=Wording(cause.title.source, zh="银行登记的仍是你的旧护照号码"))
    kb = replace(KB, causes=tuple(written if c is cause else c for c in KB.causes))
    assert [p.message for p in wording_problems(kb, ("en", "zh"))] == [
        f"bank-passport-outdated: title {cause.title.source!r} writes its zh text in the unit:"
        " translations belong in the catalogs (docs/translating.md)"
    ]


def test_every_step_done_with_staff_gives_a_chinese_sentence_and_no_app_step_does():
    """Staff in China read Chinese the unit writes; on a call to the card's issuer abroad the
    sentence is the card's language, from the catalogs (test_call_abroad.py)."""
    steps = [fix for cause in KB.causes for fix in cause.fixes]
    staff = [fix for fix in steps if fix.place.staff]
    assert {fix.place for fix in staff} == set(PLACES) - {Where.APP, Where.PHONE}
    in_china = [fix for fix in staff if fix.place is not Where.CARD_ISSUER]
    assert all(fix.say is not None and STAFF_LANGUAGE in fix.say.written for fix in in_china)
    calls = [fix for fix in staff if fix.place is Where.CARD_ISSUER]
    assert calls and all(fix.say is not None and not fix.say.written for fix in calls)
    assert all(fix.say is None for fix in steps if not fix.place.staff)


def test_a_sentence_to_show_must_be_chinese():
    with pytest.raises(ValueError, match=r'say=Wording\("its meaning in English", zh='):
        FixStep("bank branch", "Ask.", place=Where.BANK_BRANCH, say=Wording("Hello."))
    with pytest.raises(ValueError, match="place 'counter' is not one of"):
        FixStep("bank branch", "Ask.", place="counter")


def test_an_english_report_shows_the_chinese_sentence_under_its_step(doctor, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    report = text_report(doctor.diagnose(read_facts_file(STORY)), io.StringIO(), language=ENGLISH)
    lines = report.splitlines()
    step = next(n for n, line in enumerate(lines) if line.startswith("  1. bank branch:"))
    first = next(n for n in range(step, len(lines)) if "» Show this" in lines[n]) - 1
    assert lines[first + 1 : first + 4] == [
        "     » Show this to the staff:",
        f"       {BANK_SENTENCE}",
        "       (Hello, I have a new passport. Please update the passport number on my account"
        " to my new passport's, and tell me when it is done.)",
    ]


def test_a_chinese_report_is_in_chinese_with_the_sentence_once(doctor, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    report = text_report(doctor.diagnose(read_facts_file(STORY)), io.StringIO(), language=CHINESE)
    assert "✔ 已确认 银行登记的仍是你的旧护照号码" in report
    assert "  1. 银行网点：带上新护照去银行网点" in report
    assert "» 给工作人员看：" in report and report.count(BANK_SENTENCE) == 1
    assert "Hello, I have a new passport" not in report
    assert "改用支付宝余额付款，不用银行卡" in report


@pytest.mark.parametrize("code", ["en", "zh"])
def test_json_plan_steps_say_both_languages_and_the_rest_in_the_reports(code, capsys):
    argv = [str(STORY), "--format", "json", "--no-diagram", "--lang", code]
    assert cli.main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    bank, phone, alipay = data["plan"][:3]
    assert bank["say"]["zh"] == BANK_SENTENCE
    assert bank["say"]["en"].startswith("Hello, I have a new passport.")
    assert "say" in phone and "say" not in alipay
    title = KB.cause("bank-passport-outdated").title.in_(code)
    assert data["causes"][0]["title"] == title
    assert bank["where"] == ("bank branch" if code == "en" else "银行网点")


def test_explain_and_rules_speak_chinese(capsys):
    assert cli.main([str(STORY), "--explain", "bank-passport-outdated", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "银行登记的仍是你的旧护照号码" in out and BANK_SENTENCE in "".join(out.split())
    argv = [str(STORY), "--explain", "bank-passport-outdated", "--format", "json", "--lang", "zh"]
    assert cli.main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "zh" and data["fix"][0]["where"] == "银行网点"
    assert data["fix"][0]["say"]["zh"] == BANK_SENTENCE
    assert cli.main(["rules", "--format", "json", "--lang", "zh"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert {c["title"] for c in rules["causes"]} >= {"银行登记的仍是你的旧护照号码"}
    assert cli.main(["rules", "--format", "markdown", "--lang", "zh"]) == 0
    markdown = capsys.readouterr().out
    assert "### `bank-passport-outdated`: 银行登记的仍是你的旧护照号码" in markdown
    assert "**含义。** 换发护照后" in markdown and f"给工作人员看：“{BANK_SENTENCE}”" in markdown


def test_the_chinese_diagram_labels_and_tooltips_are_the_units_chinese(doctor):
    dot = diagnosis_dot(doctor.diagnose(read_facts_file(STORY)), CHINESE)
    assert "1 · 银行网点" in dot and "银行登记的仍是你的旧护照号码" in dot
    assert f"给工作人员看：{BANK_SENTENCE}" in dot
    assert "Your bank still holds" not in dot


@pytest.mark.parametrize(
    ("code", "title", "heading", "meaning"),
    [
        (
            "ja",
            "✔ 確定 銀行にまだ古いパスポート番号が登録されています",
            "修正の手順（この順番で：銀行 → アリペイ → タオバオ）",
            "（こんにちは。新しいパスポートを取得しました。",
        ),
        (
            "ko",
            "✔ 확인됨 은행에 아직 예전 여권 번호가 등록되어 있습니다",
            "해결 계획 (순서: 은행 → 알리페이 → 타오바오)",
            "(안녕하세요. 새 여권을 받았습니다.",
        ),
    ],
)
def test_a_japanese_or_korean_report_is_translated_with_the_chinese_sentence_kept(
    doctor, monkeypatch, code, title, heading, meaning
):
    monkeypatch.setenv("COLUMNS", "200")
    diagnosis = doctor.diagnose(read_facts_file(STORY))
    report = text_report(diagnosis, io.StringIO(), language=language(code))
    assert title in report and heading in report
    assert report.count(BANK_SENTENCE) == 1 and meaning in report
    english = text_report(diagnosis, io.StringIO(), language=ENGLISH)
    shown = {line.strip() for line in report.splitlines()}
    # No line of the English report is left untranslated, except ids, numbers and data.
    assert [
        line
        for line in english.splitlines()
        if line.strip() in shown and re.search(r"[a-z]{3,} [a-z]{3,}", line)
    ] == []


@pytest.mark.parametrize(
    ("path", "typed", "value"),
    [
        ("passport.renewed", "はい", True),
        ("passport.renewed", "いいえ", False),
        ("passport.renewed", "예", True),
        ("passport.renewed", "아니요", False),
        ("passport.renewed", "ええ", True),  # the catalogs' other ways of saying it
        ("passport.renewed", "違います", False),
        ("passport.renewed", "네", True),
        ("passport.renewed", "아뇨", False),
        ("alipay.verification_requested", "自撮りまたは顔認証", ["selfie"]),
        ("alipay.verification_requested", "셀카 또는 얼굴 인식", ["selfie"]),
    ],
)
def test_a_typed_answer_is_read_in_every_language_its_catalog_translates(path, typed, value):
    assert read(kind_of(path), KB.ask(path), typed).value == value


@pytest.mark.parametrize(
    "typed", ["わからない", "わかりません", "모름", "몰라요", "모르겠어요", "不知道"]
)
def test_i_dont_know_is_read_in_every_language(typed):
    assert read(kind_of("passport.renewed"), KB.ask("passport.renewed"), typed).not_known


@pytest.mark.parametrize("typed", ["ない", "なし", "없어요", "没有", "none"])
def test_none_is_read_in_every_language(typed):
    reading = read(
        kind_of("residence_permit.expiry_date"), KB.ask("residence_permit.expiry_date"), typed
    )
    assert reading.none and not reading.not_known, "no permit: not a date not known"


def test_a_section_named_whole_is_named_in_the_readers_language():
    """ "Alipay: given" (a wallet in use) reads 支付宝 in Chinese, from the section's label."""
    assert KB.fact_label("alipay").in_("zh") == "支付宝"
    assert KB.fact_label("wechat_pay").in_("en") == "WeChat Pay"
    assert KB.fact_label("passport.expiry_date").in_("en") == "your passport's expiry date"
