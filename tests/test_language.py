"""The output in the reader's language: catalogs complete and current, --lang, CJK layout."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest
from babel.messages.catalog import Catalog
from rich.cells import cell_len

import cli
from engine.errors import InputError
from engine.facts.loading import parse_facts, read_facts_file
from engine.text import wording
from tests.conftest import EXAMPLES
from visualise import catalogs
from visualise.diagram import diagnosis_dot, knowledge_dot
from visualise.language import ENGLISH, available, default_code, language
from visualise.render import SVG_FONTS, has_wide_characters
from visualise.text import TerminalWriter, text_report, wrap_columns

STORY = EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json"
CHINESE = language("zh")
SENTENCE = "请帮我把账户上的护照号码更新为我的新护照号码，并确认预留手机号与支付宝的一致。"


# --- the catalogs


@pytest.fixture(scope="module")
def extraction() -> tuple[set, str]:
    """Every text marked for translation in the code, as Babel extracts it, and its warnings."""
    with contextlib.redirect_stderr(io.StringIO()) as warnings:
        extracted = {m.id for m in catalogs.extract() if m.id}
    return extracted, warnings.getvalue()


@pytest.fixture(scope="module")
def marked(extraction) -> set:
    return extraction[0]


def test_every_marked_text_can_be_extracted(extraction):
    """An f-string in `InputError(...)` or `gettext(...)` would stay English, silently."""
    assert extraction[1] == ""


def test_the_template_holds_exactly_the_words_marked_in_the_code(marked):
    with catalogs.TEMPLATE.open("rb") as file:
        committed = {m.id for m in catalogs.read_po(file) if m.id}
    assert committed == marked, "stale catalogs: run python -m visualise.catalogs"


def test_each_language_is_merged_with_the_template_and_compiled(marked):
    template = marked
    for code in catalogs.languages():
        catalog = catalogs.read(code)
        assert {m.id for m in catalog if m.id} == template, code
        compiled = catalogs.po_path(code).with_suffix(".mo").read_bytes()
        assert compiled == catalogs.compiled(catalog), f"{code}: run python -m visualise.catalogs"


def test_every_entry_of_every_language_is_translated():
    assert catalogs.translation_problems() == []


def test_an_entry_without_its_translation_is_found():
    template = Catalog()
    for text in ("Causes", "Fix plan", "Plan check"):
        template.add(text)
    catalog = Catalog(locale="zh")
    catalog.add("Causes", "原因")
    catalog.add("Fix plan", "")
    catalog.add("Plan check", "计划核查", flags=["fuzzy"])
    assert catalogs.untranslated(template, catalog) == ["Fix plan", "Plan check"]


def test_check_kb_names_an_untranslated_entry(tmp_path, monkeypatch, capsys):
    locale = tmp_path / "locale"
    (locale / "ja" / "LC_MESSAGES").mkdir(parents=True)
    template = locale / "paydoctor.pot"
    template.write_bytes(catalogs.TEMPLATE.read_bytes())
    (locale / "ja" / "LC_MESSAGES" / "paydoctor.po").write_text(
        'msgid ""\nmsgstr "Language: ja\\n"\n\nmsgid "Causes"\nmsgstr "原因"\n', encoding="utf-8"
    )
    monkeypatch.setattr(catalogs, "LOCALE_DIR", locale)
    monkeypatch.setattr(catalogs, "TEMPLATE", template)
    monkeypatch.setattr(catalogs, "ROOT", tmp_path)
    assert cli.main(["check-kb"]) == 1
    out = capsys.readouterr().out
    assert "locale/ja/LC_MESSAGES/paydoctor.po: no translation of 'Fix plan'" in out
    assert "no translation of 'Causes'" not in out


def test_translations_keep_every_value_and_markup_of_the_english():
    for code in catalogs.languages():
        assert catalogs.format_mismatches(catalogs.read(code)) == [], code


def test_a_translation_that_drops_or_adds_a_blank_is_found():
    catalog = Catalog(locale="ja", domain="paydoctor")
    catalog.add("{wallet} customer service", "カスタマーサービス", flags=["python-brace-format"])
    catalog.add("Card {number}", "カード {number}", flags=["python-brace-format"])
    catalog.add("[bold]{n}[/] steps", "{n} 手順", flags=["python-brace-format"])
    catalog.add("over USD {payment:,}", "{payment} ドル超", flags=["python-brace-format"])
    catalog.add("{card} and {wallet}", "{card} {wallet", flags=["python-brace-format"])
    assert [text for text, _wrong in catalogs.format_mismatches(catalog)] == [
        "{wallet} customer service",
        "[bold]{n}[/] steps",
        "over USD {payment:,}",
        "{card} and {wallet}",
    ]


def test_the_languages_are_the_catalogs_found():
    assert available() == ("en", *catalogs.languages())
    assert "zh" in available()


def test_a_new_language_is_a_catalog_not_a_code_change(tmp_path, monkeypatch, capsys):
    from visualise import language as languages

    catalog = Catalog(locale="ja", domain="paydoctor")
    catalog.add("Causes", "原因")
    catalog.add("Fix plan", "修正の手順")
    folder = tmp_path / "ja" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "paydoctor.mo").write_bytes(catalogs.compiled(catalog))
    for code in ("en", "zh"):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    (tmp_path / "zh" / "LC_MESSAGES" / "paydoctor.mo").write_bytes(
        (wording.LOCALE_DIR / "zh" / "LC_MESSAGES" / "paydoctor.mo").read_bytes()
    )
    monkeypatch.setattr(wording, "LOCALE_DIR", tmp_path)
    wording.forget_catalogs()
    languages.language.cache_clear()
    try:
        assert languages.available() == ("en", "ja", "zh")
        assert languages.default_code({"LANG": "ja_JP.UTF-8"}) == "ja"
        assert cli.main([str(STORY), "--lang", "ja", "--no-diagram"]) == 0
        report = capsys.readouterr().out
        assert "修正の手順" in report and "原因" in report
        assert "Worth checking next" in report  # not translated yet: shown in English
    finally:
        monkeypatch.undo()
        wording.forget_catalogs()
        languages.language.cache_clear()


# --- choosing the language


@pytest.mark.parametrize(
    ("environ", "code"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW"}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "xx_YY.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_default_language_comes_from_the_locale(environ, code):
    assert default_code(environ) == code


def test_an_unknown_language_is_one_clear_line_and_exit_2(capsys):
    assert cli.main([str(STORY), "--lang", "xx", "--no-diagram"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "paydoctor: unknown language 'xx': choose one of en, ja, ko, zh\n"


@pytest.mark.parametrize(
    "argv", [["schema"], ["rules"], ["check-kb"], ["graph"], ["batch", "x.jsonl"]]
)
def test_every_command_takes_lang(argv, capsys):
    assert cli.main([*argv, "--lang=xx"]) == 2
    assert "unknown language 'xx'" in capsys.readouterr().err


def test_the_locale_chooses_chinese_help_wrapped_by_columns(monkeypatch, capsys):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        cli.main(["rules", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：paydoctor rules")
    assert "显示本帮助信息并退出" in out
    text = out.split("\n\n", 1)[1]  # argparse lays out the usage lines itself, by characters
    assert max(cell_len(line) for line in text.splitlines()) <= 60


def test_input_errors_are_said_in_the_readers_language(capsys):
    assert cli.main(["--lang", "zh", "no-such-facts.json", "--no-diagram"]) == 2
    assert capsys.readouterr().err == "paydoctor: no-such-facts.json：文件不存在\n"
    with pytest.raises(InputError) as raised:
        parse_facts('{"passport": {"expiry_date": "2026-02-30"}}', source="facts.json")
    assert str(raised.value).startswith("facts.json: passport.expiry_date: ")
    chinese = CHINESE.text(raised.value.message)
    assert chinese.startswith('facts.json：passport.expiry_date：不能填 "2026-02-30"：')
    assert "应为真实存在的日期" in chinese


# --- reports in Chinese


def test_json_report_says_its_language(capsys):
    assert cli.main([str(STORY), "--format", "json", "--lang", "zh", "--no-diagram"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "zh"
    assert data["report_version"] == 3
    assert cli.main([str(STORY), "--format", "json", "--no-diagram"]) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "en"


def test_chinese_text_report_fits_80_columns(doctor, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    report = text_report(doctor.diagnose(read_facts_file(STORY)), io.StringIO(), language=CHINESE)
    for heading in ("原因（2 项已确认，2 项疑似）", "处理计划（按此顺序：银行 → 支付宝 → 淘宝）"):
        assert heading in report
    assert max(cell_len(line) for line in report.splitlines()) <= 80
    # titles line up after statuses of different widths ("✔ 已确认", "? 疑似")
    statuses = [re.match(r" (✔ 已确认|\? 疑似) *", line) for line in report.splitlines()]
    columns = {cell_len(status.group(0)) for status in statuses if status}
    assert len(columns) == 1


@pytest.mark.parametrize("code", ["ja", "ko"])
def test_japanese_and_korean_text_reports_fit_80_columns(doctor, monkeypatch, code):
    monkeypatch.setenv("COLUMNS", "80")
    diagnosis = doctor.diagnose(read_facts_file(STORY))
    report = text_report(diagnosis, io.StringIO(), language=language(code))
    lines = report.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert sum(cell_len(line) > 70 for line in lines) > 10  # lines filled, not cut short
    confirmed = {"ja": "✔ 確定", "ko": "✔ 확인됨"}[code]
    suspected = {"ja": "? 疑い", "ko": "? 의심"}[code]
    statuses = [
        re.match(rf" ({re.escape(confirmed)}|{re.escape(suspected)}) *", line) for line in lines
    ]
    assert len({cell_len(status.group(0)) for status in statuses if status}) == 1


def test_wrapping_counts_a_chinese_character_as_two_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = TerminalWriter(io.StringIO())
    out.item(4, "·", SENTENCE * 3)
    lines = out.text().splitlines()
    assert len(lines) == 4  # 3 x 39 characters, 78 columns each, in 73 columns a line
    assert all(cell_len(line) <= 80 for line in lines)
    assert cell_len(lines[0]) > 76  # full lines: not wrapped as if by character count
    assert "".join(line[7:] for line in lines) == SENTENCE * 3


def test_a_chinese_comma_or_full_stop_never_starts_a_line():
    """Folded between characters, a line that would start with "，" takes the character
    before it along (in 72 columns this sentence would break just before its comma)."""
    sentence = "请帮我把这张银行卡的预留手机号更新为我现在使用的号码，也就是支付宝绑定的号码。"
    assert sentence.index("，") == 26
    lines = wrap_columns(sentence, 52)
    assert lines == [sentence[:25], sentence[25:]]
    assert all(cell_len(line) <= 52 for line in lines)
    assert wrap_columns("好，", 2) == ["好", "，"]  # a line of one character keeps it


def test_two_languages_at_once_do_not_mix(doctor):
    diagnosis = doctor.diagnose(read_facts_file(STORY))
    alone = {
        lang: text_report(diagnosis, io.StringIO(), language=lang) for lang in (ENGLISH, CHINESE)
    }
    with ThreadPoolExecutor(4) as pool:
        together = list(
            pool.map(
                lambda lang: (lang, text_report(diagnosis, io.StringIO(), language=lang)),
                [ENGLISH, CHINESE] * 8,
            )
        )
    assert all(report == alone[lang] for lang, report in together)


def test_batch_records_and_summary_in_chinese(tmp_path, capsys):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(STORY.read_text("utf-8").replace("\n", "") + "\n{\n", encoding="utf-8")
    assert cli.main(["batch", str(cases), "--jobs", "1", "--lang", "zh"]) == 2
    captured = capsys.readouterr()
    good, bad = (json.loads(line) for line in captured.out.splitlines())
    assert good["language"] == "zh"
    assert bad["error"].startswith(f"{cases} 第 2 行：第 2 行第 1 列不是有效的 JSON：")
    assert captured.err.startswith("2 个案例，1 个错误，用时 ")


def test_the_consultation_asks_in_chinese(monkeypatch, capsys, tmp_path):
    """Questions, help, choices and refusals in Chinese; answers typed in Chinese are read."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("在支付宝绑卡\n与预留手机号不符\n一张\n也许\n拒绝\n")
    )
    assert cli.main(["--ask", "--lang", "zh", "--no-diagram"]) == 0
    err = capsys.readouterr().err
    assert "paydoctor 问诊" in err and "第 1 题 · 已完成 0%" in err
    assert "在哪里出的问题？" in err and "3. 在支付宝绑定国内银行卡" in err
    assert "第 1 张卡：这张卡在钱包里是什么情况？" in err
    assert (
        "无法读懂回答 '也许'：请从以下选项中选一个：能正常使用, 被拒绝：验证不通过" in err
    )  # typed text is masked
    assert "输入已结束：已将事实连同你的回答保存到" in err
    saved = json.loads((tmp_path / "paydoctor-facts.json").read_text(encoding="utf-8"))
    assert saved["bank_cards"] == [{"status": "cannot_be_verified"}]
    assert saved["symptom"] == {"where": "bank_card_link", "error_message": "与预留手机号不符"}


# --- diagrams in Chinese


def test_diagrams_speak_the_language(doctor):
    drawn = diagnosis_dot(doctor.diagnose(read_facts_file(STORY)), CHINESE)
    assert "图例说明：箭头从事实指向解决办法" in drawn
    assert "1 · 银行：第 1–2 步" in drawn
    assert "图例说明" not in diagnosis_dot(doctor.diagnose(read_facts_file(STORY)))
    assert "变通办法：与计划并行，不能代替计划" in knowledge_dot(doctor.kb, CHINESE)


def test_wide_characters_are_told_apart():
    assert has_wide_characters("与预留手机号不符")
    assert not has_wide_characters("Alipay · bank → Taobao – “quoted” 1–2")


def test_chinese_labels_wrap_by_columns(doctor):
    drawn = diagnosis_dot(doctor.diagnose(read_facts_file(STORY)), CHINESE)
    lines = [line for label in re.findall(r'label="([^"]*)"', drawn) for line in label.split("\\l")]
    assert any(has_wide_characters(line) for line in lines)
    assert max(cell_len(line) for line in lines) <= 42 + 2


def test_a_chinese_diagram_says_its_facts_in_chinese(doctor):
    """The facts' boxes hold the evidence, in the diagram's language like the rest."""
    drawn = " ".join(diagnosis_dot(doctor.diagnose(read_facts_file(STORY)), CHINESE).split())
    assert "出问题的地方：在淘宝付款" in drawn
    assert "Where the payment fails" not in drawn


def test_svg_names_cjk_fonts(doctor, tmp_path):
    from visualise.render import render

    svg = render(diagnosis_dot(doctor.diagnose(read_facts_file(STORY)), CHINESE), "svg").decode()
    assert f'font-family="{SVG_FONTS}"' in svg
    assert "Noto Sans CJK SC" in SVG_FONTS and "WenQuanYi Micro Hei" in SVG_FONTS
    assert 'font-family="Helvetica,sans-Serif"' not in svg


def test_without_dot_chinese_is_laid_out_larger_and_drawn_with_a_cjk_font(doctor, monkeypatch):
    from visualise import render

    monkeypatch.setattr(render, "dot_executable", lambda: None)
    if render.graphviz_pure_executable() is None:
        pytest.skip("graphviz-pure is not installed")
    source = diagnosis_dot(doctor.diagnose(read_facts_file(STORY)), CHINESE)
    svg = render.render(source, "svg").decode()
    sizes = {float(size) for size in re.findall(r'font-size="([0-9.]+)"', svg)}
    assert sizes <= {9.0, 10.0, 11.0, 14.0}  # drawn at the sizes the diagram asks for
    assert f'font-family="{SVG_FONTS}"' in svg
    png = render.render(source, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width > 1000 and height > 1000


@pytest.mark.parametrize("with_dot", [True, False], ids=["dot", "graphviz-pure"])
@pytest.mark.parametrize(
    ("one", "other"), [("アリペイ", "タオバオ"), ("알리페이", "타오바오")], ids=["kana", "hangul"]
)
def test_a_png_draws_kana_and_hangul_as_letters_not_boxes(monkeypatch, with_dot, one, other):
    """Without `dot`, a font lacking the script draws every letter as the same box, so two
    words of as many letters would make the same picture. `dot` draws a missing letter as a
    box with its code in it, so there fontconfig must also hold a font for the script (what
    README asks to install: fonts-wqy-microhei)."""
    from visualise import render
    from visualise.diagram import FONT

    if with_dot and render.dot_executable() is None:
        pytest.skip("Graphviz's dot is not installed")
    if with_dot:
        covering = subprocess.run(
            ["fc-list", f":charset={ord(one[0]):x}", "family"], capture_output=True, text=True
        )
        assert covering.stdout.strip(), f"no font on this machine draws {one[0]}"
    else:
        monkeypatch.setattr(render, "dot_executable", lambda: None)

    def png(text: str) -> bytes:
        return render.render(f'digraph {{ a [label="{text}" fontname="{FONT}" shape=box] }}', "png")

    assert png(one) != png(other)
    assert png(one) == png(one)


JAPANESE = (
    "2026-10-02 に電話番号を変えました。56 日前で、銀行やウォレットがまだ古い番号を"
    "保持していることが多い 180 日以内です。"
)
KOREAN = (
    "2026-10-02에 휴대폰 번호를 바꿨습니다. 56일 전으로, 은행과 지갑이 아직 예전 번호를"
    " 보관하는 경우가 많은 180일 안입니다."
)


def test_japanese_wraps_between_characters_and_korean_between_words(monkeypatch):
    """Japanese fills its lines (not cut at the space before a number, which stays with its
    word: "56 日"); Korean breaks only at its spaces, as Latin does."""
    monkeypatch.setenv("COLUMNS", "60")
    for sentence in (JAPANESE, KOREAN):
        out = TerminalWriter(io.StringIO())
        out.item(4, "·", sentence)
        lines = [line[7:] for line in out.text().splitlines()]
        assert all(cell_len(line) <= 60 - 7 for line in lines)
        if sentence is JAPANESE:
            assert lines[0].endswith("56 日前で、銀行や")
            assert "".join(lines) == JAPANESE
        else:
            assert all(set(line.split()) <= set(KOREAN.split()) for line in lines)
            assert " ".join(lines) == KOREAN


def test_the_rules_table_wraps_japanese_as_the_report_does(monkeypatch, capsys):
    """Its cells are wrapped by the report's rule, not cut at the space before "VPN"."""
    monkeypatch.setenv("COLUMNS", "100")
    assert cli.main(["rules", "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    assert "支払い中に VPN がオンになっていて、ウォレットのリスク" in out
    assert all(cell_len(line) <= 100 for line in out.splitlines())
