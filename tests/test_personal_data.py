"""No output of any example holds a raw passport, permit or phone number, or a name.

Every example in examples/ is run through every output that exists: the text
and JSON reports (the JSON holds the trace), explanations, the diagram, batch
records, and error messages that echo a value. `--show-personal-data` reveals
values in the report and nowhere else.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

import cli
from engine.facts import normalise, personal
from engine.facts.model import standard_model
from knowledge import builtin_knowledge
from tests.conftest import EXAMPLES

PERSONAL_FIELDS = standard_model().personal

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def personal_values(facts: dict) -> list[tuple[str, str, str]]:
    """(path, value as written, kind) of every personal value in a facts object."""
    found = []
    for template, kind in PERSONAL_FIELDS.items():
        section, _, field = template.rpartition(".")
        if section == "bank_cards[]":
            found += [
                (f"bank_cards[{i}].{field}", card[field], kind)
                for i, card in enumerate(facts.get("bank_cards") or [])
                if card.get(field) is not None
            ]
            continue
        node = facts
        for part in section.split("."):
            node = (node or {}).get(part)
        if node and node.get(field) is not None:
            found.append((template, node[field], kind))
    return found


def forms(value: str, kind: str) -> set[str]:
    """Every way a raw value could appear in an output: as written and as normalised."""
    if kind in (personal.NAME, personal.ADDRESS):
        words = value.upper().split()
        return {value, " ".join(words), *(w for w in words if len(w) >= 3)}
    if kind == personal.PHONE:
        e164 = normalise.phone_number(value)
        return {value, e164, e164.removeprefix("+86")}
    return {value, normalise.document_number(value)}


def leaks(text: str, facts: dict) -> list[str]:
    """The raw personal values (whole words, ignoring case) found in `text`.

    A form the knowledge base itself prints (a fix step's sample name, "SMITH
    JOHN") cannot be told from a leak, so it is not searched for.
    """
    return sorted(
        raw
        for _, value, kind in personal_values(facts)
        for raw in forms(value, kind)
        if _found(raw, text) and not _found(raw, knowledge_text())
    )


def _found(raw: str, text: str) -> bool:
    return re.search(rf"(?<![\w+]){re.escape(raw)}(?!\w)", text, re.IGNORECASE) is not None


@cache
def knowledge_text() -> str:
    kb = builtin_knowledge()
    texts = [
        w.in_(code) for q in kb.questions.values() for w in q.wordings() for code in w.languages
    ]
    for unit in (*kb.causes, *kb.workarounds):
        shown = [unit.title, unit.explanation, *getattr(unit, "steps", ())]
        shown += [f.action for f in getattr(unit, "fixes", ())]
        texts += [unit.source, *(text.in_(code) for text in shown for code in text.languages)]
    return "\n".join(texts)


def run(capsys, *argv: str) -> tuple[int, str]:
    """Run the CLI; a diagnosis writes no diagram unless the arguments ask for one."""
    asks = argv[0] in cli.COMMANDS or "--diagram" in argv
    code = cli.main([*argv] if asks else [*argv, "--no-diagram"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_example_has_personal_data_to_protect():
    with_data = [p.name for p in EXAMPLE_FILES if personal_values(load(p))]
    assert len(with_data) >= len(EXAMPLE_FILES) // 2, with_data


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_reports_and_trace_are_masked(capsys, example):
    facts = load(example)
    for fmt in ("text", "json"):
        code, out = run(capsys, str(example), "--format", fmt)
        assert code == 0, out
        assert leaks(out, facts) == [], fmt


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_show_personal_data_reveals_in_the_report(capsys, example, fmt):
    facts = load(example)
    code, revealed = run(capsys, str(example), "--format", fmt, "--show-personal-data")
    assert code == 0
    _, masked = run(capsys, str(example), "--format", fmt)
    assert (revealed != masked) == bool(leaks(revealed, facts))


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_explanations_are_masked(capsys, example):
    facts = load(example)
    _, out = run(capsys, str(example), "--format", "json")
    explained = [c["id"] for c in json.loads(out)["causes"]] + ["bank-passport-outdated"]
    for cause_id in dict.fromkeys(explained):
        for fmt in ("text", "json"):
            code, out = run(capsys, str(example), "--explain", cause_id, "--format", fmt)
            assert code == 0, out
            assert leaks(out, facts) == [], (cause_id, fmt)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_diagram_is_masked_even_with_show_personal_data(capsys, tmp_path, example):
    target = tmp_path / "diagram.dot"
    code, out = run(capsys, str(example), "--diagram", str(target), "--show-personal-data")
    assert code == 0, out
    assert leaks(target.read_text(encoding="utf-8"), load(example)) == []


def test_batch_records_are_masked(capsys):
    _, out = run(capsys, "batch", str(EXAMPLES), "--jobs", "1")
    for example in EXAMPLE_FILES:
        assert leaks(out, load(example)) == [], example.name


def _spoilt(value: object, kind: str) -> object:
    """An invalid value that still holds the raw value, so an error message could echo it."""
    if kind in (personal.NAME, personal.ADDRESS):
        return [value]
    if kind == personal.PHONE:
        return f"{value}-0000-0000-0000"
    return f"{value}/{value}"


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("reveal", [[], ["--show-personal-data"]], ids=["masked", "revealed"])
def test_error_messages_never_echo_a_raw_value(capsys, tmp_path, example, reveal):
    facts = load(example)
    for path, value, kind in personal_values(facts):
        spoilt = json.loads(json.dumps(facts))
        section, _, field = path.rpartition(".")
        node = spoilt
        for part in re.findall(r"\w+|\[\d+\]", section):
            node = node[int(part[1:-1])] if part.startswith("[") else node[part]
        for wrong in (_spoilt(value, kind), int(re.sub(r"\D", "", value) or 0)):
            node[field] = wrong
            bad = tmp_path / "bad.json"
            bad.write_text(json.dumps(spoilt), encoding="utf-8")
            code, out = run(capsys, str(bad), *reveal)
            assert code == 2, (path, out)
            assert path in out
            assert leaks(out, facts) == [], (path, out)


def test_every_personal_field_of_the_wallets_is_masked_in_reports_and_errors(capsys, tmp_path):
    """facts-v2's new personal fields (addresses, WeChat Pay's records) are masked like v1's."""
    wallet = {
        "phone": "+86 139 0013 9000",
        "identity": {
            "name": "ZHANG WEI",
            "passport_number": "E98765432",
            "residence_permit_number": "YX7654321",
            "address": "Room 1203, 88 Jianguo Road",
        },
    }
    facts = {"as_of": "2026-11-27", "alipay": wallet, "wechat_pay": wallet}
    assert {path for path, _, _ in personal_values(facts)} >= {
        "wechat_pay.identity.address",
        "alipay.identity.address",
        "wechat_pay.phone",
    }
    source = tmp_path / "facts.json"
    source.write_text(json.dumps(facts), encoding="utf-8")
    for fmt in ("text", "json"):
        code, out = run(capsys, str(source), "--format", fmt)
        assert code == 0 and leaks(out, facts) == [], out
    facts["wechat_pay"] = {"identity": {"address": ["Room 1203, 88 Jianguo Road"]}}
    source.write_text(json.dumps(facts), encoding="utf-8")
    code, out = run(capsys, str(source))
    assert code == 2 and "wechat_pay.identity.address" in out and "Jianguo" not in out
    assert personal.mask("Room 1203, 88 Jianguo Road", personal.ADDRESS) == (
        "R*** 1**** 8* J****** R***"
    )
