"""The command line as a user runs it: reports, exit statuses, the schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cli
from engine.facts.loading import read_facts_file
from engine.planning.plan_check import check_plan
from tests.conftest import EXAMPLES, ROOT
from visualise.json_report import render_json

STORY = str(EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json")


def test_text_report_sections(capsys):
    assert cli.main([STORY, "--no-diagram"]) == 0
    out = capsys.readouterr().out
    for heading in ("Causes", "Fix plan", "Workarounds", "Worth checking next"):
        assert heading in out
    assert out.index("bank branch") < out.index("Alipay app") < out.index("Taobao app")
    assert "E12345678" not in out


def test_json_report_is_the_diagnosis_with_its_plan_check_and_nothing_else(doctor, capsys):
    assert cli.main([STORY, "--format", "json", "--no-diagram"]) == 0
    captured = capsys.readouterr()
    facts = read_facts_file(Path(STORY))
    diagnosis = doctor.diagnose(facts)
    plan_check = check_plan(doctor, facts, diagnosis)
    assert captured.out == render_json(diagnosis, plan_check=plan_check)
    assert captured.err == ""
    data = json.loads(captured.out)
    assert data["causes"] and data["plan"] and "plan_check" in data
    assert "E12345678" not in captured.out and "E12****78" in captured.out


def test_schema_command_prints_the_facts_schema(capsys):
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False
    assert "bank_cards" in schema["properties"]


def test_bad_input_exits_2_with_one_line(tmp_path, capsys):
    facts = tmp_path / "facts.json"
    facts.write_text('{"passport": {"nubmer": "E1"}}', encoding="utf-8")
    assert cli.main([str(facts), "--no-diagram"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "passport.nubmer" in err and "did you mean 'number'" in err


def test_unknown_option_exits_2(capsys):
    assert cli.main([STORY, "--colour"]) == 2
    assert "--colour" in capsys.readouterr().err


def test_runs_as_a_script_from_the_checkout():
    result = subprocess.run(
        [sys.executable, "cli.py", STORY, "--format", "json", "--no-diagram"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["causes"]


def test_published_schema_is_current(capsys):
    """docs/facts.schema.json is what `python cli.py schema > docs/facts.schema.json` writes."""
    cli.main(["schema"])
    assert (ROOT / "docs" / "facts.schema.json").read_text(
        encoding="utf-8"
    ) == capsys.readouterr().out


def test_readme_shows_real_output(capsys):
    """The README's report excerpt is the start of what the CLI prints for its story."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("paydoctor diagnosis for ")
    excerpt = readme[start : readme.index("\nWorkarounds (beside", start)].splitlines()
    assert cli.main([STORY, "--no-diagram"]) == 0
    assert capsys.readouterr().out.splitlines()[: len(excerpt)] == excerpt
