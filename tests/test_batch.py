"""Batch diagnosis: one record per case in input order, bad cases recorded, the batch goes on."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys

import pytest

import cli
from commands.batch.progress import render_summary
from commands.batch.runner import CHUNK, BatchInput, BatchSummary, CaseResult, _line, diagnose_all
from engine.authoring.rules import fact, when
from engine.errors import InputError, KnowledgeError
from engine.facts.loading import parse_facts
from engine.kb.base import CompiledRule
from engine.kb.loader import load_knowledge
from engine.reasoning.diagnosis import Doctor
from engine.reasoning.session import MAX_CONDITIONS_AT_TEST, MAX_TESTS_AFTER_TEST, RuleEngine
from knowledge import FOLDER
from tests.conftest import EXAMPLES
from tests.test_knowledge_dir import guide_files
from visualise.json_report import report_data

RENEWED = (EXAMPLES / "renewed-passport.json").read_text(encoding="utf-8")
EXPIRED = (EXAMPLES / "passport-expired.json").read_text(encoding="utf-8")
UNKNOWN_KEY = '{"pasport": {}}'


def _jsonl(tmp_path, *cases: str):
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(case.replace("\n", " ") + "\n" for case in cases), encoding="utf-8")
    return path


def _run(capsys, *argv: str) -> tuple[int, list[dict], str]:
    status = cli.main(["batch", *argv])
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines()], captured.err


def test_each_line_gets_its_report_with_its_line_number(tmp_path, capsys, doctor):
    path = _jsonl(tmp_path, RENEWED, "", EXPIRED)
    status, records, _ = _run(capsys, str(path), "--jobs", "1")
    assert status == 0
    assert [record.pop("line") for record in records] == [1, 3]
    expected = [report_data(doctor.diagnose(parse_facts(text))) for text in (RENEWED, EXPIRED)]
    assert records == json.loads(json.dumps(expected))


def test_a_bad_line_gets_the_single_file_message_and_the_batch_goes_on(tmp_path, capsys):
    path = _jsonl(tmp_path, UNKNOWN_KEY, "not json", RENEWED)
    status, records, err = _run(capsys, str(path), "--jobs", "1")
    assert status == 2
    assert records[0] == {
        "line": 1,
        "error": f"{path} line 1: pasport: unknown key 'pasport'; did you mean 'passport'?",
    }
    assert records[1]["error"].startswith(f"{path} line 2: not valid JSON")
    assert records[2]["causes"]
    assert "3 cases, 2 errors" in err


def test_folder_cases_are_named_by_file_with_the_same_message_as_the_single_command(
    tmp_path, capsys
):
    (tmp_path / "b.json").write_text(UNKNOWN_KEY, encoding="utf-8")
    (tmp_path / "a.json").write_text(RENEWED, encoding="utf-8")
    (tmp_path / ".hidden.json").write_text("not json", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a case", encoding="utf-8")
    assert cli.main([str(tmp_path / "b.json")]) == 2
    single = capsys.readouterr().err.strip().removeprefix("paydoctor: ")
    status, records, _ = _run(capsys, str(tmp_path), "--jobs", "1")
    assert status == 2
    assert [record["file"] for record in records] == ["a.json", "b.json"]
    assert records[1]["error"] == single


def test_two_jobs_write_the_same_records_in_the_same_order_as_one(tmp_path, capsys):
    cases = [RENEWED, EXPIRED, UNKNOWN_KEY] * (CHUNK + 3)
    path = _jsonl(tmp_path, *cases)
    one = _run(capsys, str(path), "--jobs", "1")
    two = _run(capsys, str(path), "--jobs", "2")
    assert one[0] == two[0] == 2
    assert one[1] == two[1]
    assert [record["line"] for record in two[1]] == list(range(1, len(cases) + 1))


def test_output_file_is_written_and_the_input_is_never_overwritten(tmp_path, capsys):
    path = _jsonl(tmp_path, RENEWED)
    output = tmp_path / "reports.jsonl"
    assert cli.main(["batch", str(path), "--output", str(output), "--jobs", "1"]) == 0
    assert json.loads(output.read_text(encoding="utf-8"))["line"] == 1
    assert cli.main(["batch", str(path), "--output", str(path)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8").startswith("{")


def test_personal_data_is_masked_unless_asked_for(tmp_path, capsys):
    path = _jsonl(tmp_path, RENEWED)
    _, masked, _ = _run(capsys, str(path), "--jobs", "1")
    _, shown, _ = _run(capsys, str(path), "--jobs", "1", "--show-personal-data")
    assert "E12345678" not in json.dumps(masked)
    assert "E12345678" in json.dumps(shown)


def test_summary_counts_cases_errors_and_causes_without_a_bar_when_piped(tmp_path, capsys):
    path = _jsonl(tmp_path, RENEWED, RENEWED, EXPIRED, UNKNOWN_KEY)
    _, records, err = _run(capsys, str(path), "--jobs", "1")
    assert "4 cases, 1 error," in err
    assert "\x1b" not in err and "diagnosing" not in err
    counted = {}
    for record in records:
        for cause in record.get("causes", ()):
            counted[cause["id"]] = counted.get(cause["id"], 0) + 1
    for cause, count in counted.items():
        assert any(line.split() == [cause, str(count)] for line in err.splitlines())


def test_summary_names_internal_faults(capsys):
    summary = BatchSummary()
    summary.add(CaseResult("{}\n", error="internal fault: boom", fault=True))
    render_summary(summary, 1.0, sys.stderr)
    assert "1 case, 1 error (1 internal fault)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.jsonl", "no such file or folder"),
        ("cases.json", "expected a .jsonl file"),
        ("empty", "the folder holds no .json files"),
    ],
)
def test_bad_batch_input_is_one_line_and_exit_2(tmp_path, capsys, name, message):
    (tmp_path / "cases.json").write_text(RENEWED, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert cli.main(["batch", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    with pytest.raises(InputError):
        BatchInput.open(tmp_path / name)


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_jobs_must_be_a_positive_number(tmp_path, capsys, jobs):
    assert cli.main(["batch", str(_jsonl(tmp_path, RENEWED)), "--jobs", jobs]) == 2
    assert "expected a whole number >= 1" in capsys.readouterr().err


def _rules_testing_one_fact(values: int) -> tuple[CompiledRule, ...]:
    return tuple(
        CompiledRule(f"r{n}", "x", "confirmed", "confirmed", when(fact("taobao.payment_method", n)))
        for n in range(values)
    )


def test_a_knowledge_base_durable_rules_would_hang_on_is_refused_by_name():
    with pytest.raises(KnowledgeError, match=r"observation 'fact:taobao.payment_method'"):
        RuleEngine(_rules_testing_one_fact(MAX_TESTS_AFTER_TEST + 1))


def test_too_many_conditions_on_one_test_are_refused():
    rule = _rules_testing_one_fact(1)[0]
    rules = tuple(
        CompiledRule(f"r{n}", "x", "confirmed", "confirmed", rule.when)
        for n in range(MAX_CONDITIONS_AT_TEST + 1)
    )
    with pytest.raises(KnowledgeError, match="257 conditions end at"):
        RuleEngine(rules)


def test_a_thousand_rules_spread_over_many_facts_load():
    rules = tuple(
        CompiledRule(f"r{n}", "x", "confirmed", "confirmed", when(fact(path, n // 50)))
        for n, path in enumerate(
            ["taobao.account_age_days", "alipay.balance_cny", "phone.number", "person.surname"]
            * 250
        )
    )
    assert RuleEngine.for_rules(rules).rules == rules


def test_a_lone_surrogate_is_one_error_record_and_the_batch_goes_on(tmp_path, capsys):
    path = _jsonl(tmp_path, '{"as_of": "\\ud800"}', RENEWED)
    single = tmp_path / "single.json"
    single.write_text('{"as_of": "\\ud800"}', encoding="utf-8")
    assert cli.main([str(single), "--no-diagram"]) == 2
    message = capsys.readouterr().err.strip().removeprefix("paydoctor: ")
    status, records, _ = _run(capsys, str(path), "--jobs", "1")
    assert status == 2
    assert records[0]["error"].removeprefix(f"{path} line 1") == message.removeprefix(str(single))
    assert records[1]["causes"]


def test_a_byte_order_mark_starts_any_line_as_it_may_start_a_file(tmp_path, capsys):
    path = tmp_path / "cases.jsonl"
    line = RENEWED.replace("\n", " ").encode()
    path.write_bytes(b"\xef\xbb\xbf" + line + b"\n\xef\xbb\xbf" + line + b"\n")
    status, records, _ = _run(capsys, str(path), "--jobs", "1")
    assert status == 0
    assert records[0]["causes"] == records[1]["causes"] != []


@pytest.mark.parametrize("character", ["\u2028", "\u2029", "\x85", "\ud800"])
def test_records_stay_one_line_of_utf8_whatever_their_text_holds(tmp_path, capsys, character):
    path = _jsonl(tmp_path, json.dumps({f"per{character}son": {}}), RENEWED)
    cli.main(["batch", str(path), "--jobs", "1"])
    out = capsys.readouterr().out
    assert character not in out and len(out.splitlines()) == 2
    assert f"'per\\u{ord(character):04x}son'" in json.loads(out.splitlines()[0])["error"]
    # Any text a record holds (a unit's evidence, say) is written the same way.
    line = _line({"evidence": f"a{character}b"})
    assert line.count("\n") == 1 and len(line.splitlines()) == 1
    assert json.loads(line.encode().decode("utf-8")) == {"evidence": f"a{character}b"}


def test_spawned_workers_build_the_same_doctor_knowledge_folders_included(
    tmp_path, capsys, monkeypatch
):
    """Where workers are spawned, not forked (Windows, macOS), the records are the same."""
    for name, text in guide_files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    mine = (tmp_path / "my-facts.json").read_text(encoding="utf-8")
    path = _jsonl(tmp_path, *[mine, RENEWED, EXPIRED] * (CHUNK // 2))
    argv = (str(path), "--knowledge", "my-rules")
    one = _run(capsys, *argv, "--jobs", "1")
    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: spawn)
    two = _run(capsys, *argv, "--jobs", "2")
    assert one[0] == two[0] == 0
    assert one[1] == two[1]
    for record in two[1][::3]:  # every case of my-facts.json, in both chunks
        assert "card-not-linked" in [cause["id"] for cause in record["causes"]]


def test_a_spawned_worker_that_cannot_load_the_knowledge_says_why_instead_of_hanging(tmp_path):
    for name, text in guide_files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    folder = tmp_path / "my-rules"
    doctor = Doctor(load_knowledge([FOLDER, folder]))
    shutil.rmtree(folder)  # gone between the parent's loading and the workers'
    batch = BatchInput.open(_jsonl(tmp_path, RENEWED, EXPIRED))
    with pytest.raises(InputError, match="no such folder"):
        records = diagnose_all(
            doctor, batch, 2, report_data, knowledge=[FOLDER, folder], start_method="spawn"
        )
        list(records)


def test_a_file_name_that_is_not_utf8_is_written_escaped(tmp_path, capsys):
    name = os.fsdecode(b"case-\xff.json")
    (tmp_path / name).write_text(RENEWED, encoding="utf-8")
    status, records, _ = _run(capsys, str(tmp_path), "--jobs", "1")
    assert status == 0
    assert records[0]["file"] == name and records[0]["causes"]
