"""Reading a facts file into validated `Facts`, with one clear message per problem.

Facts files are written by hand, so every way one can be wrong (missing, a
folder, unreadable, too large, not UTF-8, not JSON, not an object, nested too
deeply, a number JSON cannot hold, a duplicated key, a wrong type or format)
becomes one `InputError` naming the JSON path, the value and what was expected.
Values of personal fields are masked in these messages, as in every output.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from engine import personal
from engine.errors import InputError
from engine.facts import PERSONAL_FIELDS, Facts

MAX_FILE_BYTES = 1024 * 1024
MAX_SHOWN_CHARS = 60
_FINITE = "expected a finite number, within ±1e308"

_EXPECTED = {
    "bool_type": "expected true or false",
    "string_type": "expected a string",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "list_type": "expected a list",
    "model_type": "expected an object",
    "dict_type": "expected an object",
    "greater_than_equal": "expected a whole number >= 0",
    "int_from_float": "expected a whole number",
}
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters (tab and line breaks aside) and lone surrogates: no text holds them."""
_SECTIONS = frozenset(
    prefix for path in PERSONAL_FIELDS for prefix in (path.rsplit(".", 1)[0], path.split(".", 1)[0])
)
"""Paths of objects and lists that hold personal fields: their values are never echoed."""


def read_facts_file(path: Path) -> Facts:
    """Read and validate one facts file; every problem becomes an InputError."""
    text = _read_text(path)
    return parse_facts(text, source=str(path))


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a facts file (.json)") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    return facts_text(raw, str(path))


def facts_text(raw: bytes, source: str) -> str:
    """The text of facts given as bytes (a file, a request body): at most 1 MiB of UTF-8."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"{source}: is larger than 1 MiB; a facts file is a few kilobytes")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: is UTF-16 text; save it as UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{source}: is not UTF-8 text (byte {error.start} is 0x{raw[error.start]:02x});"
            " save it as UTF-8"
        ) from None


class _BadNumber:
    """A JSON number Python reads but no fact can hold: NaN, Infinity, 1e999, 5000 digits."""

    def __init__(self, text: str, expected: str):
        self.text = text
        self.expected = expected


def _finite_float(text: str) -> float | _BadNumber:
    value = float(text)
    return value if math.isfinite(value) else _BadNumber(text, _FINITE)


def _int(text: str) -> int | _BadNumber:
    try:
        return int(text)
    except ValueError:
        return _BadNumber(text, "expected a number of at most 4300 digits")


def _constant(text: str) -> _BadNumber:
    return _BadNumber(text, "JSON has no NaN or Infinity; write a number or null")


def parse_facts(text: str, source: str = "facts") -> Facts:
    """Validate facts given as JSON text."""
    if not text.strip():
        raise InputError(f"{source}: is empty, expected a JSON object of facts")
    duplicated: dict[int, str] = {}
    bad_numbers: list[_BadNumber] = []

    def object_from_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) < len(pairs):
            seen: set[str] = set()
            duplicated[id(obj)] = next(k for k, _ in pairs if k in seen or seen.add(k))
        return obj

    def noting_bad(parse: Callable[[str], Any]) -> Callable[[str], Any]:
        def parse_number(number: str) -> Any:
            value = parse(number)
            if isinstance(value, _BadNumber):
                bad_numbers.append(value)
            return value

        return parse_number

    try:
        data = json.loads(
            text,
            object_pairs_hook=object_from_pairs,
            parse_float=noting_bad(_finite_float),
            parse_int=noting_bad(_int),
            parse_constant=noting_bad(_constant),
        )
    except json.JSONDecodeError as error:
        raise InputError(
            f"{source}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise InputError(f"{source}: JSON is nested too deeply") from None
    # Only an escape (a backslash) or the character itself puts unprintable text in
    # a string: the JSON parser refuses raw control characters inside strings.
    suspect = bool(duplicated or bad_numbers or "\\" in text or _UNPRINTABLE.search(text))
    return _validate(data, source, duplicated, check=suspect)


def _check_json(data: Any, duplicated: dict[int, str], source: str) -> None:
    """Refuse what JSON parsing let through: duplicated keys, bad numbers, broken text."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, dict):
            if id(node) in duplicated:
                key = duplicated[id(node)]
                where = _json_path(loc)
                raise InputError(
                    f"{source}: {where}: key {_key_text(key)} appears twice; keep one of them"
                )
            stack += reversed([((*loc, key), value) for key, value in node.items()])
        elif isinstance(node, list):
            stack += reversed([((*loc, index), value) for index, value in enumerate(node)])
        elif isinstance(node, _BadNumber):
            shown = (
                node.text
                if len(node.text) <= 20
                else f"{node.text[:20]}… ({len(node.text)} characters)"
            )
            raise InputError(
                f"{source}: {_json_path(loc)}: {shown} is not allowed: {node.expected}"
            )
        elif isinstance(node, float) and not math.isfinite(node):
            raise InputError(f"{source}: {_json_path(loc)}: {node} is not allowed: {_FINITE}")
        elif isinstance(node, str) and (bad := _UNPRINTABLE.search(node)):
            raise InputError(
                f"{source}: {_json_path(loc)}: {_shown(loc, node)} is not allowed: expected"
                f" printable text (character {bad.start() + 1} is \\u{ord(bad.group()):04x})"
            )


def validate_facts(data: Any, source: str = "facts") -> Facts:
    """Validate facts given as already-parsed JSON data (or built from typed answers)."""
    return _validate(data, source, {})


def _validate(data: Any, source: str, duplicated: dict[int, str], check: bool = True) -> Facts:
    """Validate parsed facts; `check=False` when parsing showed `_check_json` would find nothing."""
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a JSON object of facts, got {_json_type(data)}")
    if check:
        _check_json(data, duplicated, source)
    try:
        return Facts.model_validate(data)
    except ValidationError as error:
        raise InputError(f"{source}: {_describe(error.errors()[0])}") from None
    except RecursionError:
        raise InputError(f"{source}: JSON is nested too deeply") from None


def _json_path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{_printable(part)}" if text else _printable(part)
    return text or "(top level)"


def _key_text(key: str) -> str:
    return f"'{_printable(key)}'"


def _printable(text: str) -> str:
    """Text as JSON escapes it (no control characters), shortened to fit one line."""
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    return escaped if len(escaped) <= MAX_SHOWN_CHARS else escaped[: MAX_SHOWN_CHARS - 3] + "..."


def _template(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if not isinstance(p, int)).replace(
        "bank_cards", "bank_cards[]"
    )


def _shown(loc: tuple[Any, ...], value: Any) -> str:
    """The offending value as JSON: masked in personal fields, never the inside of a section."""
    template = _template(loc)
    if isinstance(value, (dict, list)) or template in _SECTIONS or not loc:
        return _json_type(value)
    text = json.dumps(value, ensure_ascii=False, default=str)
    kind = PERSONAL_FIELDS.get(template)
    if kind and isinstance(value, str):
        text = json.dumps(personal.mask(value, kind), ensure_ascii=False)
    elif kind and isinstance(value, (int, float)) and not isinstance(value, bool):
        text = personal.mask(text, kind)
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 3] + "..."


def _describe(error: dict[str, Any]) -> str:
    loc = tuple(error["loc"])
    path = _json_path(loc)
    if error["type"] == "extra_forbidden":
        return _unknown_key(loc)
    value = error.get("input")
    if error["type"] == "literal_error":
        expected = "expected one of " + error["ctx"]["expected"].replace("'", '"')
    elif error["type"] == "value_error":
        expected = str(error["ctx"]["error"])
    else:
        expected = _EXPECTED.get(error["type"], error["msg"].lower())
    return f"{path}: {_shown(loc, value)} is not allowed: {expected}"


def _unknown_key(loc: tuple[Any, ...]) -> str:
    model: type[BaseModel] = Facts
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields[part]
        model = next(
            inner
            for inner in _flatten(field.annotation)
            if isinstance(inner, type) and issubclass(inner, BaseModel)
        )
    known = [field.alias or name for name, field in model.model_fields.items()]
    key = str(loc[-1])
    close = difflib.get_close_matches(key[:MAX_SHOWN_CHARS], known, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(known)
    return f"{_json_path(loc)}: unknown key {_key_text(key)}; {hint}"


def _flatten(annotation: Any) -> list[Any]:
    out = []
    for arg in getattr(annotation, "__args__", ()) or ():
        out += [arg, *_flatten(arg)]
    return out


def _json_type(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }.get(type(value), "a number")
