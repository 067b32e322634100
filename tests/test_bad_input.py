"""Bad input of every kind: one clear line on stderr naming the problem, exit 2, no traceback.

The cases are data: what the user wrote, and the words the message must hold
(the JSON path, the value, what was expected).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cli
from engine.consultation.answers import kind_of
from engine.errors import InputError
from engine.facts.loading import parse_facts, validate_facts
from engine.facts.model import MAX_CARDS, read_path, standard_model
from engine.facts.personal import mask_any
from tests.conftest import EXAMPLES, ROOT

FACT_PATHS = standard_model().paths

EXAMPLE = EXAMPLES / "phone-mismatch.json"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_clear_error(code: int, err: str, *expected: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("paydoctor: "), err
    assert "Traceback" not in err
    for words in expected:
        assert words in err, f"{words!r} not in {err!r}"


def diagnose_file(tmp_path: Path, capsys, content: bytes | str) -> tuple[int, str, str]:
    facts = tmp_path / "facts.json"
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    facts.write_bytes(content)
    return run_cli(capsys, str(facts), "--no-diagram")


FILE_CASES = {
    "empty": (b"", ["is empty"]),
    "only whitespace": (b" \n\t ", ["is empty"]),
    "not UTF-8": (b'{"person": {"surname": "M\xfcller"}}', ["not UTF-8", "0xfc"]),
    "UTF-16": ('{"as_of": "2026-11-27"}'.encode("utf-16"), ["UTF-16", "save it as UTF-8"]),
    "not JSON": (b"as_of: 2026-11-27", ["not valid JSON", "line 1, column 1"]),
    "trailing comma": (b'{"as_of": "2026-11-27",}', ["not valid JSON", "line 1"]),
    "a list": (b"[]", ["expected a JSON object", "got a list"]),
    "a string": (b'"facts"', ["expected a JSON object", "got a string"]),
    "a number": (b"42", ["expected a JSON object", "got a number"]),
    "null": (b"null", ["expected a JSON object", "got null"]),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, ["nested too deeply"]),
    "deep nesting in a field": (
        b'{"person": ' + b"[" * 500 + b"]" * 500 + b"}",
        ["person: a list is not allowed: expected an object"],
    ),
    "over 1 MiB": (b" " * (1024 * 1024 + 1), ["larger than 1 MiB"]),
    "duplicate key": (
        b'{"bank_cards": [{"bank": "ICBC"}, {"bank": "ICBC", "bank": "BOC"}]}',
        ["bank_cards[1]: key 'bank' appears twice"],
    ),
    "NaN": (b'{"alipay": {"balance_cny": NaN}}', ["alipay.balance_cny: NaN", "no NaN"]),
    "Infinity": (b'{"alipay": {"balance_cny": -Infinity}}', ["-Infinity", "no NaN or Infinity"]),
    "number out of range": (
        b'{"alipay": {"balance_cny": 1e999}}',
        ["alipay.balance_cny: 1**** is not allowed", "finite number"],
    ),
    "number with 5000 digits": (
        b'{"taobao": {"account_age_days": ' + b"9" * 5000 + b"}}",
        ["taobao.account_age_days", "5000 characters", "at most 4300 digits"],
    ),
    "lone surrogate": ('{"symptom": {"error_message": "\\ud83d"}}', ["\\ud83d"]),
    "terminal escape in a name": (
        '{"person": {"surname": "SMITH\\u001b[2J"}}',
        ["person.surname", "printable text", "\\u001b"],
    ),
    "unknown key with a line break": ('{"per\\nson": {}}', ["per\\nson", "did you mean 'person'"]),
}


@pytest.mark.parametrize("content, expected", FILE_CASES.values(), ids=FILE_CASES.keys())
def test_a_bad_file_is_one_clear_error(tmp_path, capsys, content, expected):
    code, out, err = diagnose_file(tmp_path, capsys, content)
    assert out == ""
    assert_one_clear_error(code, err, *expected)


def test_a_utf8_byte_order_mark_is_fine(tmp_path, capsys):
    code, out, err = diagnose_file(tmp_path, capsys, "\ufeff" + EXAMPLE.read_text("utf-8"))
    assert (code, err) == (0, "")
    assert "Causes" in out


def test_a_missing_file(tmp_path, capsys):
    code, _, err = run_cli(capsys, str(tmp_path / "nope.json"))
    assert_one_clear_error(code, err, "nope.json: no such file")


def test_a_folder(tmp_path, capsys):
    code, _, err = run_cli(capsys, str(tmp_path))
    assert_one_clear_error(code, err, "is a folder")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_that_cannot_be_read(capsys):
    code, _, err = run_cli(capsys, "/proc/self/mem")
    assert_one_clear_error(code, err, "/proc/self/mem: cannot be read")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_a_file_without_read_permission(tmp_path, capsys):
    facts = tmp_path / "facts.json"
    facts.write_text("{}", encoding="utf-8")
    facts.chmod(0)
    code, _, err = run_cli(capsys, str(facts))
    assert_one_clear_error(code, err, "cannot be read", "ermission denied")


def _set(path: str, value: object) -> dict:
    """Facts with `value` at `path`; `bank_cards[].x` goes into the first card."""
    facts: dict = {}
    node = facts
    *sections, leaf = path.split(".")
    for part in sections:
        if part.endswith("[]"):
            node[part.removesuffix("[]")] = [{}]
            node = node[part.removesuffix("[]")][0]
        else:
            node = node.setdefault(part, {})
    node[leaf] = value
    return facts


def _concrete(path: str) -> str:
    return path.replace("[]", "[0]")


def _holds_a_list(path: str) -> bool:
    try:
        validate_facts(_set(path, []))
    except InputError:
        return False
    return True


LIST_PATHS = [p for p in FACT_PATHS if _holds_a_list(p)]


def test_the_lists_of_the_format():
    assert LIST_PATHS == [
        "dont_know",
        "bank_cards",
        "foreign_cards",
        "alipay.verification_requested",
        "wechat_pay.verification_requested",
    ]


@pytest.mark.parametrize("path", FACT_PATHS)
def test_a_wrong_type_at_every_path(tmp_path, capsys, path):
    wrong = {"bank": "ICBC"} if path in LIST_PATHS else [True]
    code, _, err = diagnose_file(tmp_path, capsys, _json(_set(path, wrong)))
    assert_one_clear_error(code, err, f"{_concrete(path)}: ", "is not allowed: expected")


# By the kind the format takes, not by name: `phone.vpn_on` is a yes/no, not a date.
DATE_PATHS = [p for p in FACT_PATHS if p != "dont_know" and kind_of(p).name == "date"]


@pytest.mark.parametrize("path", DATE_PATHS)
@pytest.mark.parametrize("day", ["2026-02-30", "2026-13-01", "27/11/2026", "2026-1-5", ""])
def test_an_impossible_or_misspelt_date_at_every_date_path(tmp_path, capsys, path, day):
    code, _, err = diagnose_file(tmp_path, capsys, _json(_set(path, day)))
    assert_one_clear_error(code, err, f"{_concrete(path)}: ", f'"{day}"', "YYYY-MM-DD")


@pytest.mark.parametrize("path", [p for p in DATE_PATHS if p != "as_of"])
@pytest.mark.parametrize("day", ["2026-13", "26-09", "2026-00", "2026-06-31"])
def test_a_bad_partial_date_at_every_date_path(tmp_path, capsys, path, day):
    code, _, err = diagnose_file(tmp_path, capsys, _json(_set(path, day)))
    assert_one_clear_error(
        code, err, f'{_concrete(path)}: "{day}" is not allowed: expected a', "YYYY-MM or YYYY"
    )


@pytest.mark.parametrize("path", DATE_PATHS)
@pytest.mark.parametrize("day", ["2026-06", "2026"])
def test_a_month_or_a_year_is_a_date_everywhere_but_as_of(path, day):
    if path == "as_of":
        with pytest.raises(InputError, match=r'as_of: "[^"]+" is not allowed: .* YYYY-MM-DD$'):
            validate_facts(_set(path, day))
    else:
        assert str(read_path(validate_facts(_set(path, day)), path, 0)) == day


FORMAT_CASES = {
    "passport.number": ("E12/345", "letters and digits"),
    "residence_permit.number": ("", "letters and digits"),
    "bank_cards[].passport_number_on_file": ("E12 345 678!", "letters and digits"),
    "alipay.identity.residence_permit_number": ("YX#1", "letters and digits"),
    "phone.number": ("12345", "phone number such as"),
    "alipay.phone": ("+86 138 0013 80001", "phone number such as"),
    "bank_cards[].phone_on_file": ("call me", "phone number such as"),
    "person.surname": ("   ", "non-empty name"),
    "bank_cards[].name_entered": ("", "non-empty name"),
    "bank_cards[].last4": ("12345", "last four digits"),
    "bank_cards[].status": ("broken", 'one of "ok"'),
    "taobao.payment_method": ("cash", 'one of "alipay"'),
    "taobao.account_age_days": (-3, ">= 0"),
    "alipay.balance_cny": ("12.50", "expected a number"),
    "travel.limited_connectivity": ("yes", "true or false"),
    "$schema": (5, "expected a string"),
    "passport.renewed": ("yes", "true or false"),
    "residence_permit.held": (0, "true or false"),
    "bank_cards[].wallet": ("paypal", 'one of "alipay", "wechat_pay", "both" or "none"'),
    "bank_cards[].passport_updated": ("true", "true or false"),
    "foreign_cards[].network": ("maestro", 'one of "visa", "mastercard"'),
    "foreign_cards[].last4": ("42", "last four digits"),
    "foreign_cards[].wallet": ("alipay_hk", 'one of "alipay"'),
    "foreign_cards[].status": ("stolen", 'one of "ok", "declined", "blocked_by_issuer"'),
    "payment.amount_usd": (-5, "expected a number >= 0"),
    "payment.year_total_usd": ("100", "expected a number"),
    "wechat_pay.phone": ("12345", "phone number such as"),
    "wechat_pay.identity.passport_number": ("E12/345", "letters and digits"),
    "wechat_pay.identity.name": ("  ", "non-empty name"),
    "alipay.identity.address": ("", "non-empty"),
    "wechat_pay.restricted": ("no", "true or false"),
    "wechat_pay.balance_cny": ("12.50", "expected a number"),
    "alipay.verification_requested": ("selfie", "expected a list"),
    "alipay.verification_requested[]": ("ID card", 'one of "passport_photo", "selfie"'),
    "wechat_pay.verification_requested[]": ("face", 'one of "passport_photo"'),
    "symptom.where": ("wechat", 'one of "alipay"'),
}


@pytest.mark.parametrize("path, case", FORMAT_CASES.items(), ids=FORMAT_CASES.keys())
def test_a_wrong_format(tmp_path, capsys, path, case):
    value, expected = case
    if path.endswith("[]"):  # an item of a list of values
        path, value = path.removesuffix("[]"), [value]
        where = f"{path}[0]: "
    else:
        where = f"{_concrete(path)}: "
    code, _, err = diagnose_file(tmp_path, capsys, _json(_set(path, value)))
    assert_one_clear_error(code, err, where, expected)


DONT_KNOW_CASES = {
    "a misspelt path": (
        ["passport.renewd_on"],
        'dont_know[0]: "passport.renewd_on" is not a fact path;'
        " did you mean 'passport.renewed_on'?",
    ),
    "a card without its index": (
        ["bank_cards[].phone_on_file"],
        'dont_know[0]: "bank_cards[].phone_on_file" is not a fact path;'
        " did you mean 'bank_cards[0].phone_on_file'?",
    ),
    "a card's field without the card": (
        ["passport.renewed_on", "bank_cards.phone_on_file"],
        'dont_know[1]: "bank_cards.phone_on_file" is not a fact path;'
        " did you mean 'bank_cards[0].phone_on_file'?",
    ),
    "an index on a section": (["passport[0].number"], 'dont_know[0]: "passport[0].number"'),
    "an index beyond any list": (
        ["foreign_cards[50].status"],
        'dont_know[0]: "foreign_cards[50].status" is not a fact path: list items are numbered 0'
        " to 49",
    ),
    "dont_know itself": (["dont_know"], 'dont_know[0]: "dont_know" is not a fact path'),
    "a personal value typed as a path": (
        ["E12345678"],
        'dont_know[0]: "E********" is not a fact path',
    ),
    "a path given a value too": (
        ["bank_cards[1].phone_on_file"],
        'dont_know[0]: "bank_cards[1].phone_on_file" has a value in the facts too',
    ),
    "not a list": (
        "passport.number",
        'dont_know: "p**************" is not allowed: expected a list',
    ),
    "not a string": ([3], "dont_know[0]: 3 is not allowed: expected a string"),
}


@pytest.mark.parametrize("paths, expected", DONT_KNOW_CASES.values(), ids=DONT_KNOW_CASES.keys())
def test_dont_know_holds_paths_of_facts_without_a_value(tmp_path, capsys, paths, expected):
    facts = {"bank_cards": [{}, {"phone_on_file": "13800138000"}], "dont_know": paths}
    code, _, err = diagnose_file(tmp_path, capsys, _json(facts))
    assert_one_clear_error(code, err, expected)


def test_dont_know_takes_any_fact_of_the_format_with_its_items_numbered():
    facts = validate_facts(
        {
            "dont_know": ["passport.renewed_on", "bank_cards[0].phone_on_file", "bank_cards"],
            "foreign_cards": [{"network": "visa"}],
        }
    )
    assert facts.dont_know == ["passport.renewed_on", "bank_cards[0].phone_on_file", "bank_cards"]
    validate_facts({"dont_know": ["foreign_cards[0].status", "wechat_pay.identity.address"]})


SECTIONS = sorted({p.rsplit(".", 1)[0] for p in FACT_PATHS if "." in p} | {""})


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s or "top level")
def test_an_unknown_key_in_every_section_suggests_the_closest(tmp_path, capsys, section):
    known = next(p for p in FACT_PATHS if p.startswith(section) and p != section)
    last = known.rsplit(".", 1)[-1] if section else known.split(".")[0]
    misspelt = last[:-1] + "x" if last[-1] != "x" else last[:-1] + "y"
    path = f"{section}.{misspelt}" if section else misspelt
    code, _, err = diagnose_file(tmp_path, capsys, _json(_set(path, None)))
    assert_one_clear_error(code, err, f"unknown key '{misspelt}'", f"did you mean '{last}'")


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


# --- options of every command ------------------------------------------------------------


def _commands() -> list[list[str]]:
    """How to start each command: the diagnosis (given a facts file) and every COMMANDS entry."""
    return [[str(EXAMPLE)], *([name] for name in cli.COMMANDS)]


def _help(capsys, command: list[str]) -> str:
    start = [] if command[0] == str(EXAMPLE) else command
    with pytest.raises(SystemExit) as exit_:
        cli.main([*start, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def _value_options(help_text: str) -> list[str]:
    """Options the help shows with a value, e.g. `--format {text,json}` or `--knowledge DIR`."""
    return sorted(set(re.findall(r"^\s+(?:-\w, )?(--[\w-]+) [^\s\-\[]", help_text, re.M)))


@pytest.mark.parametrize("command", _commands(), ids=lambda c: "diagnose" if "/" in c[0] else c[0])
def test_every_command_refuses_bad_options_in_one_line(capsys, command):
    help_text = _help(capsys, command)
    cases = [[*command, "--no-such-option"]]
    cases += [[*command, option] for option in _value_options(help_text)]
    if "--format" in help_text:
        cases.append([*command, "--format", "nonsense"])
    for argv in cases:
        code, out, err = run_cli(capsys, *argv)
        assert_one_clear_error(code, err)
        assert out == ""


def test_a_knowledge_folder_that_does_not_exist(capsys, tmp_path):
    code, _, err = run_cli(capsys, str(EXAMPLE), "--knowledge", str(tmp_path / "nope"))
    assert_one_clear_error(code, err, "nope")


# --- as a real process ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "no such file"),
        (b"{not json", "not valid JSON"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"as_of": "2026-02-30"}', 'as_of: "2026-02-30" is not allowed'),
    ],
    ids=["missing", "not JSON", "deep nesting", "impossible date"],
)
def test_as_a_process_bad_input_exits_2_with_one_line(tmp_path, content, expected):
    facts = tmp_path / "facts.json"
    if content is not None:
        facts.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "cli.py", str(facts), "--no-diagram"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and expected in result.stderr
    assert "Traceback" not in result.stderr


def test_as_a_process_the_first_diagnosis_may_find_nothing(tmp_path):
    """durable-rules once crashed the process when no rule had fired yet
    (engine/reasoning/session.py)."""
    facts = tmp_path / "facts.json"
    facts.write_text("{}", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "cli.py", str(facts), "--format", "json", "--no-diagram"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert '"causes": []' in result.stdout


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"alipay": {"balance_cny": float("nan")}}, "alipay.balance_cny: nan is not allowed"),
        ({"person": {"surname": "SMITH\x1b[2J"}}, 'person.surname: "S********" is not allowed'),
    ],
    ids=["NaN", "escape sequence"],
)
def test_facts_built_from_typed_answers_are_checked_like_a_file(data, expected):
    with pytest.raises(InputError, match=re.escape(expected)):
        validate_facts(data, source="answer")


@pytest.mark.parametrize(
    "text",
    ['{"person": {"surname": "SMITH\u0085"}}', '{"person": {"surname": "SMITH\\u0085"}}'],
    ids=["raw", "escaped"],
)
def test_unprintable_text_is_refused_when_read_raw_or_escaped(text):
    with pytest.raises(InputError, match=r"person.surname: .* printable text .*\\u0085"):
        parse_facts(text)


# --- what error messages quote ----------------------------------------------------------------

WRONG_PLACES = {
    "a passport number as as_of": (
        {"as_of": "E12345678"},
        'as_of: "E********" is not allowed: expected a date',
        "E12345678",
    ),
    "a name as a card's status": (
        {"bank_cards": [{"status": "Anna Maria Müller"}]},
        'bank_cards[0].status: "A*** M**** M*****" is not allowed: expected one of "ok"',
        "Müller",
    ),
    "a phone number as a balance": (
        {"alipay": {"balance_cny": "+86 138 0013 8000"}},
        'alipay.balance_cny: "+** 1** 0*** 8***" is not allowed: expected a number',
        "0013",
    ),
    "a phone number as a whole number": (
        {"taobao": {"account_age_days": -13800138000}},
        "taobao.account_age_days: -*********** is not allowed: expected a whole number >= 0",
        "13800138000",
    ),
    "a passport number as a key": (
        {"person": {"E12345678": "x"}},
        "unknown key 'E********'; known keys: surname",
        "E12345678",
    ),
    "a name as a key": ({"Anna Müller": {}}, "unknown key 'A*** M*****'; known keys:", "Müller"),
    "a phone number with a line break": (
        {"as_of": "\u2028+8613800138000"},
        'as_of: "\\u2028**************" is not allowed: expected',
        "13800138000",
    ),
}


@pytest.mark.parametrize("reveal", [[], ["--show-personal-data"]], ids=["masked", "revealed"])
@pytest.mark.parametrize("case", WRONG_PLACES.values(), ids=WRONG_PLACES.keys())
def test_an_error_message_masks_the_value_it_quotes_whatever_the_field(
    tmp_path, capsys, case, reveal
):
    data, readable, raw = case
    facts = tmp_path / "facts.json"
    facts.write_text(_json(data), encoding="utf-8")
    code, out, err = run_cli(capsys, str(facts), "--no-diagram", *reveal)
    assert_one_clear_error(code, err, readable)
    assert raw not in err and out == ""
    assert "\u2028" not in err


def test_a_date_shaped_value_is_quoted_as_typed_and_known_keys_stay_readable():
    assert mask_any("27/11/2026") == "27/11/2026"
    with pytest.raises(InputError, match=r"bank_cards\[0\]\.last4: \"1\*\*\*\*\" is not allowed"):
        validate_facts({"bank_cards": [{"last4": "12345"}]})


def test_more_cards_than_anyone_links_are_refused_before_any_work(tmp_path, capsys):
    card = {"bank": "ICBC", "name_on_file": "AN VAN NGUYEN", "status": "cannot_be_verified"}
    facts = {"person": {"surname": "NGUYEN"}, "bank_cards": [card] * (MAX_CARDS + 1)}
    code, _, err = diagnose_file(tmp_path, capsys, _json(facts))
    assert_one_clear_error(
        code, err, "bank_cards: a list is not allowed", f"at most {MAX_CARDS} items (it has 51)"
    )
    assert validate_facts({"bank_cards": [card] * MAX_CARDS}).bank_cards[-1].bank == "ICBC"


def test_a_whole_number_written_with_a_point_is_that_number():
    """JSON has one kind of number, and the schema's "integer" takes 12.0 (schemathesis sent
    it): a count of days written 12.0 is 12; 12.5 is refused in words."""
    assert validate_facts({"taobao": {"account_age_days": 12.0}}).taobao.account_age_days == 12
    with pytest.raises(InputError, match=r"12\.5 is not allowed: expected a whole number"):
        validate_facts({"taobao": {"account_age_days": 12.5}})
