"""Mutated facts (tests/mutations.py) through batch and the single-file command.

Every case ends in a report or one clear error: no traceback, no internal fault,
no raw personal value in any output, error messages included. bench/fuzz.py runs
the same generator over 10,000 cases.
"""

from __future__ import annotations

import json

import cli
from tests import mutations

SEED = 16


def test_mutated_cases_through_batch_are_reports_or_clear_errors(tmp_path, capsys):
    cases = list(mutations.cases(SEED, 300))
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"\n".join(cases) + b"\n")
    code = cli.main(["batch", str(path), "--jobs", "1"])
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert len(records) == sum(1 for case in cases if case.strip())
    assert sum("error" in record for record in records) > len(records) // 4
    assert mutations.problems(captured.out + captured.err) == []


def test_mutated_cases_through_the_single_file_command(tmp_path, capsys):
    facts = tmp_path / "facts.json"
    for number, case in enumerate(mutations.cases(SEED + 1, 40)):
        facts.write_bytes(case)
        argv = [str(facts), "--no-diagram", "--format", ("text", "json")[number % 2]]
        code = cli.main([*argv, *(["--show-personal-data"] if number % 5 == 0 else [])])
        captured = capsys.readouterr()
        assert code in (0, 2), captured.err
        assert (code == 2) == (captured.out == "")
        shown = captured.err if number % 5 == 0 else captured.out + captured.err
        assert mutations.problems(shown) == [], case
