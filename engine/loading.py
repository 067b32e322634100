"""Reading a facts file into validated `Facts`, with one clear message per problem."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from engine import personal
from engine.errors import InputError
from engine.facts import PERSONAL_FIELDS, Facts

MAX_FILE_BYTES = 1024 * 1024

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


def read_facts_file(path: Path) -> Facts:
    """Read and validate one facts file; every problem becomes an InputError."""
    text = _read_text(path)
    return parse_facts(text, source=str(path))


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a facts file (.json)")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"{path}: is larger than 1 MiB; a facts file is a few kilobytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: is not UTF-8 text (byte {error.start} is 0x{raw[error.start]:02x});"
            " save it as UTF-8"
        ) from None


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise InputError(f"key {key!r} appears twice in one object")
    return dict(pairs)


def parse_facts(text: str, source: str = "facts") -> Facts:
    """Validate facts given as JSON text."""
    if not text.strip():
        raise InputError(f"{source}: is empty, expected a JSON object of facts")
    try:
        data = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except InputError as error:
        raise InputError(f"{source}: {error}") from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"{source}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise InputError(f"{source}: JSON is nested too deeply") from None
    return validate_facts(data, source)


def validate_facts(data: Any, source: str = "facts") -> Facts:
    """Validate facts given as already-parsed JSON data."""
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a JSON object of facts, got {_json_type(data)}")
    try:
        return Facts.model_validate(data)
    except ValidationError as error:
        raise InputError(f"{source}: {_describe(error.errors()[0])}") from None
    except RecursionError:
        raise InputError(f"{source}: JSON is nested too deeply") from None


def _json_path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _template(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if not isinstance(p, int)).replace(
        "bank_cards", "bank_cards[]"
    )


def _shown(loc: tuple[Any, ...], value: Any) -> str:
    """The offending value as JSON, masked where the field holds personal data."""
    kind = PERSONAL_FIELDS.get(_template(loc))
    if isinstance(value, str) and kind:
        return json.dumps(personal.mask(value, kind), ensure_ascii=False)
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


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
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(known)
    return f"{_json_path(loc)}: unknown key {key!r}; {hint}"


def _flatten(annotation: Any) -> list[Any]:
    out = []
    for arg in getattr(annotation, "__args__", ()) or ():
        out += [arg, *_flatten(arg)]
    return out


def _json_type(value: Any) -> str:
    return {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
