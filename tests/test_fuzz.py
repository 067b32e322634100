"""Mutated facts (tests/mutations.py) through every entrance and every output: batch, the
single-file command, --explain, the interview, the API, the pages and the server's log.

Every case ends in a report or one clear error: no traceback, no internal fault,
no raw personal value in any output, error messages included. bench/fuzz.py runs
the same generator over 10,000 cases.
"""

from __future__ import annotations

import json
import logging

from web_support import Forms

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


EXPLAINED = (
    "passport-expired",
    "bank-passport-outdated",
    "phone-mismatch",
    "wallet-reverification",
)


def test_mutated_cases_through_explain_and_the_interview(tmp_path, capsys):
    facts = tmp_path / "facts.json"
    for number, case in enumerate(mutations.cases(SEED + 2, 40)):
        facts.write_bytes(case)
        fmt = ("text", "json")[number % 2]
        for argv in (
            [str(facts), "--explain", EXPLAINED[number % len(EXPLAINED)], "--format", fmt],
            ["interview", str(facts), "--format", fmt],
        ):
            code = cli.main(argv)
            captured = capsys.readouterr()
            assert code in (0, 2), captured.err
            assert mutations.problems(captured.out + captured.err) == [], (argv, case)


def test_mutated_cases_through_the_api_and_the_pages(web_client, caplog):
    caplog.set_level(logging.INFO)
    for case in mutations.cases(SEED + 3, 24):
        text = case.decode("utf-8", "replace")
        state = '{"facts": ' + text + ', "asked": []}'
        responses = [
            web_client.post("/api/v1/diagnose", content=case),
            web_client.post("/api/v1/interview", content=case),
            web_client.post("/consult/file", files={"facts": ("case.json", case)}),
            web_client.post("/consult", data={"state": state}),
            web_client.post("/report", data={"state": state}),
            web_client.post("/staff", data={"state": state, "step": "1"}),
        ]
        for response in responses:
            assert response.status_code < 500, (response.request.url, case)
            html = response.headers["content-type"].startswith("text/html")
            shown = Forms(response.text).shown() if html else response.text
            assert mutations.problems(shown) == [], (response.request.url, case)
    assert mutations.problems(caplog.text) == []
