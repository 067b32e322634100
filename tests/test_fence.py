"""Knowledge units are fenced: their output goes to stderr, their failures are one line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import cli
from tests.conftest import EXAMPLES

EXPIRED = str(EXAMPLES / "passport-expired.json")

UNIT = """\
from engine.authoring.rules import Cause, FixStep, Observation, Outcome, derived, when

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
    fixes=(FixStep("Alipay app", "Do it.", place="app"),),
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


ESCAPES = {
    "sys.exit": ("import sys\n    sys.exit(0)", "SystemExit: 0"),
    "os._exit": ("import os\n    os._exit(0)", "ProcessEnded: os._exit called"),
    "KeyboardInterrupt": ("raise KeyboardInterrupt", "KeyboardInterrupt"),
    "os.kill": ("import os, signal\n    os.kill(os.getpid(), signal.SIGKILL)", "ProcessEnded"),
}


def _batch(tmp_path) -> str:
    """Three good cases, the second one the unit escapes in (it travels), and a bad one."""
    case = json.loads((EXAMPLES / "renewed-passport.json").read_text())
    travelling = {**case, "travel": {"limited_connectivity": True}}
    cases = tmp_path / "cases.jsonl"
    lines = [json.dumps(case), json.dumps(travelling), json.dumps(case), "{not json"]
    cases.write_text("\n".join(lines) + "\n")
    return str(cases)


@pytest.mark.parametrize("escape", ESCAPES.values(), ids=ESCAPES.keys())
def test_a_unit_that_ends_the_run_costs_only_its_case(tmp_path, capsys, escape):
    body, said = escape
    indented = body.replace("\n", "\n    ")
    folder, unit = _units(tmp_path, body=f"if card is None:\n        {indented}")
    code, out, err = _run(capsys, EXPIRED, "--knowledge", folder, "--no-diagram")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1].startswith(f"paydoctor: {unit}:"), err
    assert said in err.splitlines()[-1] and "Traceback" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("escape", ESCAPES.values(), ids=ESCAPES.keys())
def test_in_a_batch_a_unit_that_ends_the_run_gives_error_records(tmp_path, capsys, escape, jobs):
    body, said = escape
    trigger = "if case.get('travel.limited_connectivity'):"
    indented = body.replace("\n", "\n    ")
    folder, unit = _units(tmp_path, body=f"{trigger}\n        {indented}")
    output = tmp_path / "out.jsonl"
    argv = ["batch", _batch(tmp_path), "--knowledge", folder, "--jobs", jobs]
    code, _, err = _run(capsys, *argv, "--output", str(output))
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert code == 2 and [record["line"] for record in records] == [1, 2, 3, 4], err
    assert "my-cause" in [cause["id"] for cause in records[0]["causes"]]
    assert "my-cause" in [cause["id"] for cause in records[2]["causes"]]
    assert records[1]["error"].startswith(f"{unit}:") and said in records[1]["error"]
    assert "not valid JSON" in records[3]["error"] and "Traceback" not in err


def test_a_unit_that_exits_while_loading_is_one_line(tmp_path, capsys):
    folder, unit = _units(tmp_path, at_load="import sys\n\nsys.exit(3)\n")
    code, _, err = _run(capsys, EXPIRED, "--knowledge", folder)
    assert code == 2
    assert err.splitlines()[-1] == f"paydoctor: {unit}:3: SystemExit: 3"


def test_a_units_error_is_masked(tmp_path, capsys):
    folder, unit = _units(tmp_path, body="raise ValueError('no card for E12345678 JOHN SMITH')")
    code, _, err = _run(capsys, EXPIRED, "--knowledge", folder, "--no-diagram")
    assert code == 2
    assert err.splitlines()[-1] == (
        f"paydoctor: {unit}:8: ValueError: no card for E******** J*** S****"
    )


def test_a_unit_that_allocates_without_end_is_stopped(tmp_path, capsys):
    folder, unit = _units(tmp_path, body="hoard = [bytearray(2**20) for _ in range(100_000)]")
    argv = [EXPIRED, "--knowledge", folder, "--no-diagram", "--memory-limit", "200"]
    code, out, err = _run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        f"paydoctor: {unit}:8: stopped: it allocated more than the 200 MiB memory limit"
        " (--memory-limit MIB)"
    )


def test_what_a_unit_writes_to_file_descriptor_1_goes_to_standard_error(tmp_path):
    import subprocess
    import sys

    folder, _ = _units(tmp_path, body="import os\n    os.write(1, b'{junk')")
    argv = [EXPIRED, "--knowledge", folder, "--format", "json", "--no-diagram"]
    cli_py = str(EXAMPLES.parent / "cli.py")
    run = subprocess.run([sys.executable, cli_py, *argv], capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "my-cause" in [cause["id"] for cause in json.loads(run.stdout)["causes"]]
    assert b"{junk" in run.stderr


def test_under_serve_a_failing_unit_is_a_page_and_one_masked_log_line(tmp_path, caplog):
    from starlette.testclient import TestClient

    from web.app import Settings, create_app

    folder, unit = _units(tmp_path, body="raise ValueError('E12345678')")
    with TestClient(create_app(Settings(knowledge=(Path(folder),)))) as client:
        response = client.post("/api/v1/diagnose", content=Path(EXPIRED).read_bytes())
        page = client.post("/report", data={"state": '{"facts": {}, "asked": []}'})
    assert response.status_code == 500 and page.status_code == 500
    assert "rule unit of this server failed" in response.text + page.text
    assert "E12345678" not in caplog.text + response.text + page.text
    assert f"{unit}:8: ValueError: E********" in caplog.text


def test_posix_functions_are_fenced_too(tmp_path, capsys):
    folder, unit = _units(tmp_path, body="import posix\n    posix._exit(0)")
    code, out, err = _run(capsys, EXPIRED, "--knowledge", folder, "--no-diagram")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1].startswith(f"paydoctor: {unit}:9: ProcessEnded: posix._exit called")


def test_a_batch_worker_killed_another_way_is_a_fault_not_a_hang(tmp_path, capsys):
    kill = "import ctypes\n    libc = ctypes.CDLL(None)\n    libc.kill(libc.getpid(), 9)"
    folder, _ = _units(tmp_path, body=kill)
    argv = ["batch", _batch(tmp_path), "--knowledge", folder, "--jobs", "2"]
    code, _, err = _run(capsys, *argv)
    assert code == 1
    assert "a batch worker process ended while diagnosing" in err and "Traceback" not in err


def test_under_serve_a_looping_unit_does_not_hold_other_requests(tmp_path, monkeypatch, caplog):
    import threading
    import time

    from starlette.testclient import TestClient

    from engine.kb import fence
    from web.app import Settings, create_app

    monkeypatch.setattr(fence, "time_limit", 1.5)
    trigger = "if case.get('travel.limited_connectivity'):\n        while True:\n            pass"
    folder, unit = _units(tmp_path, body=trigger)
    looping = {**json.loads(Path(EXPIRED).read_text()), "travel": {"limited_connectivity": True}}
    with TestClient(create_app(Settings(knowledge=(Path(folder),)))) as client:
        answers = {}

        def diagnose_looping() -> None:
            answers["looping"] = client.post("/api/v1/diagnose", json=looping)

        thread = threading.Thread(target=diagnose_looping)
        thread.start()
        time.sleep(0.3)  # the unit is looping now
        started = time.monotonic()
        assert client.get("/api/v1/health").status_code == 200
        other = client.post("/api/v1/diagnose", content=Path(EXPIRED).read_bytes())
        page = client.post("/report", data={"state": '{"facts": {}, "asked": []}'})
        waited = time.monotonic() - started
        thread.join(timeout=30)
    assert other.status_code == 200 and page.status_code == 200
    assert waited < 1.0 and "looping" in answers
    assert answers["looping"].status_code == 500
    assert "rule unit of this server failed" in answers["looping"].text
    stopped = re.search(rf"{re.escape(unit)}:(\d+): stopped after running longer", caplog.text)
    assert stopped and stopped[1] in ("9", "10")  # the loop's lines
