"""Knowledge units are fenced: their output goes to stderr, their failures are one line."""

from __future__ import annotations

import json

import pytest

import cli
from tests.conftest import EXAMPLES

EXPIRED = str(EXAMPLES / "passport-expired.json")

UNIT = """\
from engine.rules import Cause, FixStep, Observation, Outcome, Place, derived, when

print("loading the unit")


def _evaluate(case, card):
    print("evaluating")
    {body}
    return Outcome(True)


OBSERVATIONS = (Observation("my.check", "the check holds", ("as_of",), _evaluate),)
CAUSE = Cause(
    id="my-cause",
    layer="alipay",
    title="My cause",
    explanation="Explained.",
    source="Guide.",
    fixes=(FixStep("Alipay app", "Do it.", place=Place.APP),),
    confirmed=(when(derived("my.check")),),
)
"""


def _units(tmp_path, body: str = "pass", at_load: str = ""):
    folder = tmp_path / "units"
    folder.mkdir()
    (folder / "mine.py").write_text(at_load + UNIT.format(body=body), encoding="utf-8")
    return str(folder), f"{folder / 'mine.py'}"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_what_a_unit_prints_goes_to_standard_error(tmp_path, capsys):
    folder, _ = _units(tmp_path)
    code, out, err = _run(
        capsys, EXPIRED, "--knowledge", folder, "--format", "json", "--no-diagram"
    )
    assert code == 0
    assert "my-cause" in [cause["id"] for cause in json.loads(out)["causes"]]
    assert "loading the unit" in err and "evaluating" in err


def test_an_exception_in_a_unit_is_one_line_naming_its_file_and_line(tmp_path, capsys):
    folder, unit = _units(tmp_path, body="1 / 0")
    code, out, err = _run(capsys, EXPIRED, "--knowledge", folder, "--no-diagram")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == f"paydoctor: {unit}:8: ZeroDivisionError: division by zero"
    assert "Traceback" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_in_a_batch_a_failing_unit_gives_error_records(tmp_path, capsys, jobs):
    folder, unit = _units(tmp_path, body="1 / 0")
    cases = tmp_path / "cases.jsonl"
    cases.write_text((EXAMPLES / "renewed-passport.json").read_text().replace("\n", " ") + "\n")
    code, out, err = _run(capsys, "batch", str(cases), "--knowledge", folder, "--jobs", jobs)
    assert code == 2
    assert json.loads(out) == {"line": 1, "error": f"{unit}:8: ZeroDivisionError: division by zero"}
    assert "Traceback" not in err


def test_a_unit_that_runs_too_long_is_stopped_naming_its_line(tmp_path, capsys):
    folder, unit = _units(tmp_path, body="while True:\n        pass")
    argv = [EXPIRED, "--knowledge", folder, "--no-diagram", "--time-limit", "0.2"]
    code, out, err = _run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        f"paydoctor: {unit}:8: stopped after running longer than the 0.2 s time limit"
        " (--time-limit SECONDS)"
    )


def test_a_unit_that_never_finishes_loading_is_stopped(tmp_path, capsys):
    folder, unit = _units(tmp_path, at_load="import time\n\ntime.sleep(60)\n")
    code, _, err = _run(capsys, EXPIRED, "--knowledge", folder, "--time-limit", "0.2")
    assert code == 2
    assert err.splitlines()[-1].startswith(f"paydoctor: {unit}:3: stopped after running longer")
