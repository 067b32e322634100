"""Diagnoses are isolated: from many threads at once, or thousands in one process.

durable-rules keeps at most 1024 live sessions per ruleset and is not made for
concurrent sessions; engine/reasoning/session.py runs every diagnosis in one session that
it empties afterwards, and serialises them. These tests hold it to that: the
answers never change, whatever ran before.
"""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor

import pytest

from engine.facts.loading import read_facts_file, validate_facts
from tests.conftest import EXAMPLES
from visualise.json_report import render_json

SESSION_LIMIT = 1024


@pytest.fixture(scope="module")
def cases():
    """Every example, plus facts no rule fires on."""
    examples = [read_facts_file(path) for path in sorted(EXAMPLES.glob("*.json"))]
    return [*examples, validate_facts({"as_of": "2026-11-27"})]


@pytest.fixture(scope="module")
def expected(doctor, cases):
    return [render_json(doctor.diagnose(case)) for case in cases]


def test_diagnoses_from_many_threads_equal_one_by_one(doctor, cases, expected):
    jobs = list(itertools.islice(itertools.cycle(range(len(cases))), 40 * len(cases)))
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda i: render_json(doctor.diagnose(cases[i])), jobs))
    wrong = [i for i, answer in zip(jobs, answers, strict=True) if answer != expected[i]]
    assert wrong == []


def test_more_than_twice_the_session_limit_in_one_process(doctor, cases, expected):
    runs = 2 * SESSION_LIMIT + len(cases)
    for n in range(runs):
        i = n % len(cases)
        answer = render_json(doctor.diagnose(cases[i]))
        assert answer == expected[i], f"diagnosis {n} of case {i} changed"
