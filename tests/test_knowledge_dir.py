"""`--knowledge DIR`: rule units from another folder, and the guide's worked example, run."""

from __future__ import annotations

import json
import re
import sys

import pytest

import cli
from engine.errors import InputError, KnowledgeError
from engine.knowledge_loader import builtin_knowledge, load_knowledge, read_folder
from tests.conftest import ROOT

GUIDE = (ROOT / "docs" / "adding-a-rule.md").read_text(encoding="utf-8")
WORKED_UNIT = "my-rules/card_not_linked.py"


def guide_files() -> dict[str, str]:
    """The guide's files: each fenced block announced by `<!-- file: PATH -->`."""
    blocks = re.findall(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```", GUIDE, flags=re.S)
    return dict(blocks)


@pytest.fixture
def worked_example(tmp_path, monkeypatch):
    """The guide's folder and facts file, written where a user would, as the guide says."""
    for name, text in guide_files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_guide_has_a_unit_and_facts():
    assert set(guide_files()) == {WORKED_UNIT, "my-facts.json"}


def test_worked_example_passes_check_kb(worked_example, capsys):
    assert cli.main(["check-kb", "--knowledge", "my-rules"]) == 0
    assert capsys.readouterr().out.startswith("no problems in ")


def test_worked_example_is_diagnosed(worked_example, capsys):
    argv = ["--knowledge", "my-rules", "my-facts.json", "--format", "json", "--no-diagram"]
    assert cli.main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    found = {cause["id"]: cause for cause in report["causes"]}
    assert found["card-not-linked"]["status"] == "confirmed"
    assert found["card-not-linked"]["evidence"] == ['bank_cards[0].status is "not_linked"']
    step = next(s for s in report["plan"] if s["cause"] == "card-not-linked")
    assert step["where"] == "Alipay app"


def test_worked_example_text_report_says_what_the_guide_says(worked_example, capsys):
    assert cli.main(["--knowledge", "my-rules", "my-facts.json"]) == 0  # the guide's command
    out = capsys.readouterr().out
    assert "The bank card was never linked in Alipay" in out
    assert 'bank_cards[0].status is "not_linked"' in out
    assert out.endswith("diagram: my-facts.diagnosis.svg\n")
    assert "never linked" in (worked_example / "my-facts.diagnosis.svg").read_text("utf-8")


def test_worked_example_is_in_the_rules_table(worked_example, capsys):
    assert cli.main(["rules", "--knowledge", "my-rules", "--format", "json"]) == 0
    causes = {c["id"]: c for c in json.loads(capsys.readouterr().out)["causes"]}
    assert causes["card-not-linked"]["after"] == ["card-name-syntax"]
    assert causes["card-not-linked"]["examples"] == 2


# Each problem line the guide shows, and the edit of the worked unit that produces it.
GUIDE_PROBLEMS = {
    "'after' names unknown cause 'card-name-sintax'": (
        'after=("card-name-syntax",)',
        'after=("card-name-sintax",)',
    ),
    "no near-miss example where it is not reported (Example(..., None))": (
        'Example("a working card", {"bank_cards": [{"status": "ok"}]}, None),',
        "",
    ),
    "example 'a working card' expects not reported, got confirmed": (
        '{"status": "ok"}',
        '{"status": "not_linked"}',
    ),
}


@pytest.mark.parametrize("problem", GUIDE_PROBLEMS)
def test_problems_shown_in_the_guide_are_what_check_kb_prints(worked_example, capsys, problem):
    assert problem in GUIDE
    unit = worked_example / WORKED_UNIT
    old, new = GUIDE_PROBLEMS[problem]
    unit.write_text(unit.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert cli.main(["check-kb", "--knowledge", "my-rules"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"card-not-linked ({WORKED_UNIT}): {problem}" in lines


def test_units_come_after_the_built_in_ones(worked_example):
    kb = load_knowledge([worked_example / "my-rules"])
    builtin = builtin_knowledge()
    assert kb.causes[: len(builtin.causes)] == builtin.causes
    assert kb.causes[-1].id == "card-not-linked"


def test_unit_modules_do_not_stay_in_sys_modules(worked_example):
    before = set(sys.modules)
    read_folder(worked_example / "my-rules")
    assert set(sys.modules) == before


def test_two_folders_may_hold_files_of_the_same_name(tmp_path):
    for folder, cause_id in (("a", "first-rule"), ("b", "second-rule")):
        (tmp_path / folder).mkdir()
        text = guide_files()[WORKED_UNIT].replace("card-not-linked", cause_id)
        (tmp_path / folder / "rules.py").write_text(text, encoding="utf-8")
    kb = load_knowledge([tmp_path / "a", tmp_path / "b"])
    assert [c.id for c in kb.causes[-2:]] == ["first-rule", "second-rule"]


def test_a_units_question_replaces_the_built_in_one(tmp_path):
    (tmp_path / "questions.py").write_text(
        'QUESTIONS = {"phone.number": "Which SIM do you use?"}', encoding="utf-8"
    )
    assert load_knowledge([tmp_path]).questions["phone.number"] == "Which SIM do you use?"


def test_files_starting_with_underscore_are_skipped(tmp_path):
    (tmp_path / "_helpers.py").write_text("raise RuntimeError", encoding="utf-8")
    (tmp_path / "questions.py").write_text('QUESTIONS = {"as_of": "When?"}', encoding="utf-8")
    assert [u.path.name for u in read_folder(tmp_path)] == ["questions.py"]


@pytest.mark.parametrize(
    ("files", "error", "message"),
    [
        ({}, InputError, "holds no rule units (.py files)"),
        ({"x.py": "CAUSE = ("}, KnowledgeError, "x.py:1: syntax error"),
        ({"x.py": "\n\nraise ValueError('boom')"}, KnowledgeError, "x.py:3: ValueError: boom"),
        ({"x.py": "CAUSES = ()"}, KnowledgeError, "x.py: defines none of CAUSE, WORKAROUND"),
        ({"x.py": "CAUSE = 3"}, KnowledgeError, "CAUSE must be an engine.rules.Cause, not int"),
        ({"x.py": "OBSERVATIONS = [1]"}, KnowledgeError, "tuple of engine.rules.Observation"),
        ({"x.py": "QUESTIONS = {'as_of': 1}"}, KnowledgeError, "QUESTIONS must be a dict"),
    ],
)
def test_bad_units_give_one_clear_message(tmp_path, files, error, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(error, match=re.escape(message)):
        read_folder(tmp_path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing", "no such folder"),
        (lambda p: p / "facts.json", "is a file, expected a folder of rule units"),
    ],
)
def test_bad_folder_exits_2_with_one_line(tmp_path, capsys, make, message):
    (tmp_path / "facts.json").write_text("{}", encoding="utf-8")
    folder = make(tmp_path)
    assert cli.main(["check-kb", "--knowledge", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"paydoctor: --knowledge {folder}: {message}")
    assert len(err.splitlines()) == 1


def test_diagnosis_refuses_an_unsound_knowledge_base(worked_example, capsys):
    unit = worked_example / WORKED_UNIT
    unit.write_text(
        unit.read_text(encoding="utf-8").replace('layer="alipay"', 'layer="wallet"'),
        encoding="utf-8",
    )
    argv = ["--knowledge", "my-rules", "my-facts.json", "--no-diagram"]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "unknown layer 'wallet'" in err
    assert "run 'paydoctor check-kb'" in err
    assert len(err.splitlines()) == 1


def _commands() -> list[str]:
    return ["diagnose", *cli.COMMANDS]


@pytest.mark.parametrize("command", _commands())
def test_every_command_takes_knowledge(command, capsys):
    argv = ["--help"] if command == "diagnose" else [command, "--help"]
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 0
    assert "--knowledge DIR" in capsys.readouterr().out
