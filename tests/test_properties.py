"""Properties over generated facts, valid and invalid (hypothesis).

- Any facts file gives a report (exit 0) or one clear error line (exit 2).
- The same facts give byte-identical output, run after run.
- A diagnosis never depends on the diagnosis run before it in the same process.
- The why-not evaluator holds a rule exactly when durable-rules fired it.
"""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import cli
from engine.facts.declaring import Fact
from engine.facts.edits import get_fact
from engine.facts.loading import validate_facts
from engine.facts.model import (
    Amount,
    CardDigits,
    DocumentNumber,
    Name,
    PartialDay,
    PhoneNumber,
    WholeNumber,
    standard_model,
)
from tests.conftest import held_and_fired
from visualise.json_report import render_json

FACT_PATHS = standard_model().paths

_NAME_WORDS = ["SMITH", "JOHN", "MICHAEL", "ROSSI", "MARCO", "Li", "wei", "MÜLLER", "O'NEIL"]
_PHONES = [
    "+86 138 0013 8000",
    "13800138000",
    "86-139-1234-5678",
    "186 0000 1234",
    "+44 7700 900123",
]

_names = st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=4).flatmap(
    lambda words: st.sampled_from([" ".join(words), "  ".join(words), " ".join(words).lower()])
)
_document_numbers = st.from_regex(r"[A-Za-z]{1,2}[ -]?[0-9]{3}[ -]?[0-9]{4}", fullmatch=True)
_dates = st.dates(min_value=date(2020, 1, 1))
_days = (
    _dates.map(lambda d: d.isoformat())
    | _dates.map(lambda d: d.isoformat()[:7])
    | _dates.map(lambda d: d.isoformat()[:4])
)
"""A day, a month or a year (facts-v2's partial dates)."""

_amounts = st.floats(min_value=0, max_value=1e6, allow_nan=False) | st.integers(0, 10**6)
_texts = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
_BY_TYPE = (
    (bool, st.booleans()),
    (Name, _names),
    (DocumentNumber, _document_numbers),
    (PartialDay, _days),
    (PhoneNumber, st.sampled_from(_PHONES)),
    (CardDigits, st.from_regex(r"[0-9]{4}", fullmatch=True)),
    (Amount, _amounts),
    (float, st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)),
    (WholeNumber, st.integers(min_value=0, max_value=10_000)),
    (str, _texts),
)
"""What a fact of each type generates, where its declaration gives no samples."""


def _generated(fact: Fact) -> st.SearchStrategy:
    """Values for a declared fact: its samples (with any text, for free text), one of its
    choices (a few of them, for a list), or what its type holds."""
    if fact.samples:
        samples = st.sampled_from(fact.samples)
        return samples | _texts if fact.type is str else samples
    if fact.values:
        one = st.sampled_from(fact.values)
        return st.lists(one, max_size=3) if fact.many else one
    for kind, values in _BY_TYPE:
        if kind is fact.type:
            return values
    raise TypeError(f"fact {fact.name}: no values for its type; declare samples=(...)")


_CONCRETE_PATHS = [p.replace("[]", "[0]") for p in FACT_PATHS if p != "dont_know"]
LEAF_VALUES = {
    "dont_know": st.lists(st.sampled_from(_CONCRETE_PATHS), max_size=3),
    "as_of": st.sampled_from(["2026-11-27", "2025-01-31", "2030-06-15"]),
    **{
        path: _generated(fact)
        for path, fact in standard_model().declared.items()
        if isinstance(fact, Fact)
    },
}
"""Values for every fact: the format's own two, and each declared fact's."""


def _section(prefix: str) -> st.SearchStrategy[dict]:
    """An object with any subset of the fields under `prefix` (unknown is allowed everywhere)."""
    keys = dict.fromkeys(
        path[len(prefix) :].split(".")[0].removesuffix("[]")
        for path in FACT_PATHS
        if path.startswith(prefix)
    )
    optional = {}
    for key in keys:
        path = prefix + key
        if path in LEAF_VALUES:
            optional[key] = st.none() | LEAF_VALUES[path]
        elif path + "[]" in _LIST_ITEMS:
            optional[key] = st.lists(_section(path + "[]."), max_size=3)
        else:
            optional[key] = _section(path + ".")
    return st.fixed_dictionaries({}, optional=optional)


_LIST_ITEMS = {p.split(".")[0] for p in FACT_PATHS if "[]." in p} | {
    p.rsplit(".", 1)[0] for p in FACT_PATHS if "[]." in p
}


def _consistent(facts: dict, day: str) -> dict:
    """The facts judged on `day`, `dont_know` keeping only facts that have no value."""
    facts = {**facts, "as_of": day}
    not_known = [
        path
        for path in facts.pop("dont_know", None) or ()
        if get_fact(facts, _INDEX.sub("[]", path), 0) is None
    ]
    return {**facts, "dont_know": not_known} if not_known else facts


_INDEX = re.compile(r"\[\d+\]")
valid_facts = st.builds(_consistent, _section(""), LEAF_VALUES["as_of"])

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_keys = st.sampled_from([p.split(".")[-1].removesuffix("[]") for p in FACT_PATHS]) | st.text(
    max_size=10
)


@st.composite
def invalid_facts(draw) -> object:
    """Valid facts with one value replaced, or a key added, anywhere; or any JSON at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(_json_values)
    facts = draw(valid_facts)
    node = facts
    while True:
        containers = [v for v in node.values() if isinstance(v, dict)] + [
            item
            for v in node.values()
            if isinstance(v, list)
            for item in v
            if isinstance(item, dict)
        ]
        if not containers or draw(st.booleans()):
            break
        node = draw(st.sampled_from(containers))
    node[draw(_keys)] = draw(_json_values)
    return facts


def test_every_fact_path_has_a_generator():
    leaves = {
        p for p in FACT_PATHS if not any(q.startswith((p + ".", p + "[].")) for q in FACT_PATHS)
    }
    assert leaves == set(LEAF_VALUES)


def test_a_fact_whose_values_no_generator_knows_is_named():
    """A new fact of a type the tests cannot generate says how to give it values."""
    with pytest.raises(TypeError, match=r"fact since: no values for its type; declare samples"):
        _generated(Fact("since", date))
    assert find(_generated(Fact("since", date, samples=("2026-01-01",))), bool) == "2026-01-01"


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _run(capsys, facts_file: Path, *options: str) -> tuple[int, str, str]:
    code = cli.main([str(facts_file), *options, "--no-diagram"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _check_any_facts(capsys, folder: Path, text: str) -> int:
    """Run the text and JSON reports twice each; return the exit status."""
    facts_file = folder / "facts.json"
    facts_file.write_text(text, encoding="utf-8")
    for options in ([], ["--format", "json"]):
        first = _run(capsys, facts_file, *options)
        code, out, err = first
        if code == 0:
            assert out and err == ""
        else:
            assert code == 2, err
            assert out == "" and err.startswith("paydoctor: ") and err.count("\n") == 1, err
            assert "Traceback" not in err
        assert _run(capsys, facts_file, *options) == first, "the same facts gave another output"
    return code


_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(facts=valid_facts)
def test_valid_facts_give_a_report_and_the_same_bytes_twice(capsys, folder, facts):
    assert _check_any_facts(capsys, folder, json.dumps(facts, ensure_ascii=False)) == 0


@_SETTINGS
@given(facts=invalid_facts())
def test_any_json_gives_a_report_or_one_clear_error(capsys, folder, facts):
    _check_any_facts(capsys, folder, json.dumps(facts, ensure_ascii=False))


@_SETTINGS
@given(text=st.text(max_size=60))
def test_any_text_gives_a_report_or_one_clear_error(capsys, folder, text):
    _check_any_facts(capsys, folder, text)


@settings(max_examples=60, deadline=None)
@given(before=valid_facts, facts=valid_facts)
def test_a_diagnosis_does_not_depend_on_the_one_before(doctor, before, facts):
    case = validate_facts(facts)
    doctor.diagnose(validate_facts({"as_of": "2026-11-27"}))
    after_nothing = render_json(doctor.diagnose(case))
    doctor.diagnose(validate_facts(before))
    assert render_json(doctor.diagnose(case)) == after_nothing


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=valid_facts)
def test_the_evaluator_holds_a_rule_exactly_when_durable_rules_fires_it(doctor, facts):
    """The second evaluator (why-not, the consultation) agrees with the engine on any facts."""
    held, fired = held_and_fired(doctor, validate_facts(facts))
    assert held == fired
