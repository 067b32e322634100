"""Runs that end early end cleanly: a full disk, a signal, a reader that stops reading."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

STORY = str(EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json")


def _paydoctor(*argv: str, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "cli.py", *argv],
        cwd=ROOT,
        stdout=options.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "argv",
    [[STORY, "--no-diagram"], ["batch", str(EXAMPLES), "--jobs", "2"]],
    ids=["diagnose", "batch"],
)
def test_a_full_standard_output_is_one_message_and_exit_2(argv):
    with open("/dev/full", "w") as full:
        run = _paydoctor(*argv, stdout=full)
        _, err = run.communicate(timeout=60)
    assert run.returncode == 2
    assert err == "paydoctor: standard output: cannot write (No space left on device)\n"


def test_a_reader_that_stops_reading_ends_the_run_quietly():
    run = _paydoctor("batch", str(EXAMPLES), "--jobs", "2")
    run.stdout.readline()
    run.stdout.close()
    _, err = run.communicate(timeout=60)
    assert "Traceback" not in err and "Exception ignored" not in err


def test_sigterm_during_a_batch_leaves_no_temporary_file_and_no_traceback(tmp_path):
    cases = tmp_path / "cases.jsonl"
    line = (EXAMPLES / "renewed-passport.json").read_text(encoding="utf-8").replace("\n", " ")
    cases.write_text((line + "\n") * 20_000, encoding="utf-8")
    output = tmp_path / "reports.jsonl"
    run = _paydoctor("batch", str(cases), "--jobs", "2", "--output", str(output))
    deadline = time.monotonic() + 30
    while not any(p.stat().st_size for p in tmp_path.glob(".reports.jsonl.*")):
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGTERM)
    _, err = run.communicate(timeout=30)
    assert run.returncode == 128 + signal.SIGTERM, err
    assert err == "paydoctor: stopped by a signal; nothing was left half-written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.jsonl"]
