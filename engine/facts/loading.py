"""Reading a facts file into validated `Facts`, with one clear message per problem.

Facts files are written by hand, so every way one can be wrong (missing, a
folder, unreadable, too large, not UTF-8, not JSON, not an object, nested too
deeply, a number JSON cannot hold, a duplicated key, a wrong type or format)
becomes one `InputError` naming the JSON path, the value and what was expected.
Every value these messages quote is masked, whatever its field (a passport
number typed into `as_of` is still a passport number), and so is an unknown key
that could be a name or a number; field names and what was expected stay
readable. Messages are one printable line: characters that end or break lines
(U+2028, U+0085...), control characters and lone surrogates are escaped.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from engine.errors import InputError
from engine.facts.model import (
    DONT_KNOW,
    GIVEN_AND_NOT_KNOWN,
    UNKNOWN_PATH,
    Facts,
    fact_keys,
    standard_model,
    template,
)
from engine.facts.personal import mask_any
from engine.text.translatable import N_, Message

MAX_FILE_BYTES = 1024 * 1024
MAX_SHOWN_CHARS = 60
_FINITE = N_("expected a finite number, within ±1e308")
_LARGEST = 10**308
"""The largest whole number a fact may hold: any larger has no float, so no renderer prints it."""

_EXPECTED = {
    "bool_type": N_("expected true or false"),
    "string_type": N_("expected a string"),
    "int_type": N_("expected a whole number"),
    "float_type": N_("expected a number"),
    "list_type": N_("expected a list"),
    "model_type": N_("expected an object"),
    "dict_type": N_("expected an object"),
    "greater_than_equal": N_("expected a whole number >= 0"),
    "int_from_float": N_("expected a whole number"),
}
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters (tab and line breaks aside) and lone surrogates: no text holds them."""
_ESCAPED = re.compile(r"[\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""What JSON text may hold raw but a message must not: C1 controls (U+0085 ends a line),
lone surrogates (they cannot be written as UTF-8), the line and paragraph separators, and
the bidirectional overrides that would show the rest of the line reversed."""
_NAME_OR_NUMBER = re.compile(r"[\d ]|[^\W\d_a-z]")
"""A digit, a space, or a letter other than a-z: an unknown key holding one may be a name."""


@cache
def _sections(model: type[Facts]) -> frozenset[str]:
    """Paths of objects and lists that hold personal fields: their values are never echoed."""
    return frozenset(
        prefix
        for path in model.personal
        for prefix in (path.rsplit(".", 1)[0], path.split(".", 1)[0])
    )


def read_facts_file(path: Path, model: type[Facts] | None = None) -> Facts:
    """Read and validate one facts file; every problem becomes an InputError.

    `model` is the knowledge base's facts model (`KnowledgeBase.facts_model`); by default the
    built-in knowledge's."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError("{path}: no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("{path}: is a folder, expected a facts file (.json)", path=path) from None
    except OSError as error:
        raise InputError(
            "{path}: cannot be read ({reason})", path=path, reason=error.strerror or error
        ) from None
    return parse_facts_bytes(raw, source=str(path), model=model)


def parse_facts_bytes(raw: bytes, source: str, model: type[Facts] | None = None) -> Facts:
    """Validate facts given as the bytes of a file, or of one line of a batch: read alike."""
    return parse_facts(facts_text(raw, source), source=source, model=model)


def facts_text(raw: bytes, source: str) -> str:
    """The text of facts given as bytes (a file, a batch line, a request body): UTF-8, 1 MiB."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputError("{path}: is larger than 1 MiB; facts are a few kilobytes", path=source)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("{path}: is UTF-16 text; save it as UTF-8", path=source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = f"0x{raw[error.start]:02x}"
        raise InputError(
            "{path}: is not UTF-8 text (byte {position} is {byte}); save it as UTF-8",
            path=source,
            position=error.start,
            byte=byte,
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
        value = int(text)
    except ValueError:
        return _BadNumber(text, N_("expected a number of at most 4300 digits"))
    return value if -_LARGEST <= value <= _LARGEST else _BadNumber(text, _FINITE)


def _constant(text: str) -> _BadNumber:
    return _BadNumber(text, N_("JSON has no NaN or Infinity; write a number or null"))


def parse_facts(text: str, source: str = "facts", model: type[Facts] | None = None) -> Facts:
    """Validate facts given as JSON text."""
    data, duplicated, suspect = _parsed(text, source)
    return _validate(data, source, duplicated, model, check=suspect)


def parse_json(text: str, source: str) -> Any:
    """JSON text as data, held to what a facts file is held to (size aside): no duplicated
    key, no number a fact cannot hold, no unprintable text, no deeper nesting than JSON's
    parser takes. For what carries facts beside other data (a page's answers)."""
    data, duplicated, suspect = _parsed(text, source)
    if suspect:
        _check_json(data, duplicated, source)
    return data


def _parsed(text: str, source: str) -> tuple[Any, dict[int, str], bool]:
    """The data of JSON text, the objects with a duplicated key, and whether to check it."""
    if not text.strip():
        raise InputError("{source}: is empty, expected a JSON object of facts", source=source)
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
            "{source}: not valid JSON at line {line}, column {column}: {problem}",
            source=source,
            line=error.lineno,
            column=error.colno,
            problem=json_problem(error.msg),
        ) from None
    except RecursionError:
        raise InputError("{source}: JSON is nested too deeply", source=source) from None
    # Only an escape (a backslash) or the character itself puts unprintable text in
    # a string: the JSON parser refuses raw control characters inside strings.
    suspect = bool(duplicated or bad_numbers or "\\" in text or _UNPRINTABLE.search(text))
    return data, duplicated, suspect


_JSON_PROBLEMS = {
    "Expecting value": N_(
        "a value was expected (text in double quotes, a number, true, false or null)"
    ),
    "Expecting property name enclosed in double quotes": N_("a name in double quotes was expected"),
    "Expecting ',' delimiter": N_("a comma was expected"),
    "Expecting ':' delimiter": N_("a colon was expected"),
    "Extra data": N_("more text follows the end of the JSON"),
    "Unterminated string": N_("a text is not closed by a double quote"),
    "Invalid control character": N_("a text holds a line break or a tab; write it \\n or \\t"),
    "Invalid \\uXXXX escape": N_("a \\u escape needs four hexadecimal digits"),
    "Invalid \\escape": N_("a backslash starts an escape JSON does not have"),
    "Illegal trailing comma": N_("a comma comes before a closing bracket"),
}
"""Python's JSON parser's messages (json/decoder.py, _json.c), said in plain words that a
catalog translates: a library's English never reaches a person as it is."""


def json_problem(parser_message: str) -> Message:
    """What the JSON parser found, in words a catalog translates."""
    for start, problem in _JSON_PROBLEMS.items():
        if parser_message.startswith(start):
            return Message(problem)
    return Message(N_("the text is not JSON here"))


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
                    "{source}: {where}: key {key} appears twice; keep one of them",
                    source=source,
                    where=where,
                    key=_key_text(key),
                )
            for key in node:
                if bad := _UNPRINTABLE.search(key):
                    raise InputError(
                        "{source}: {path}: key {key} is not allowed: expected printable text"
                        " {character}",
                        source=source,
                        path=_json_path(loc),
                        key=_key_text(key),
                        character=_character(bad),
                    )
            stack += reversed([((*loc, key), value) for key, value in node.items()])
        elif isinstance(node, list):
            stack += reversed([((*loc, index), value) for index, value in enumerate(node)])
        elif isinstance(node, _BadNumber):
            shown = (
                node.text if node.text.lstrip("-") in ("NaN", "Infinity") else mask_any(node.text)
            )
            if len(shown) > 20:
                shown = Message(
                    "{start}… ({count} characters)", start=shown[:20], count=len(node.text)
                )
            raise _not_allowed(source, _json_path(loc), shown, Message(node.expected))
        elif isinstance(node, float) and not math.isfinite(node):
            raise _not_allowed(source, _json_path(loc), node, Message(_FINITE))
        elif isinstance(node, int) and not -_LARGEST <= node <= _LARGEST:
            digits = str(abs(node))
            shown = Message(
                "{start}… ({count} characters)", start=mask_any(digits[:20]), count=len(digits)
            )
            raise _not_allowed(source, _json_path(loc), shown, Message(_FINITE))
        elif isinstance(node, str) and (bad := _UNPRINTABLE.search(node)):
            expected = Message("expected printable text {character}", character=_character(bad))
            raise _not_allowed(source, _json_path(loc), _shown(loc, node), expected)


def _character(bad: re.Match[str]) -> Message:
    code = f"\\u{ord(bad.group()):04x}"
    return Message("(character {position} is {code})", position=bad.start() + 1, code=code)


def validate_facts(data: Any, source: str = "facts", model: type[Facts] | None = None) -> Facts:
    """Validate facts given as already-parsed JSON data (or built from typed answers)."""
    return _validate(data, source, {}, model)


def _validate(
    data: Any,
    source: str,
    duplicated: dict[int, str],
    model: type[Facts] | None,
    check: bool = True,
) -> Facts:
    """Validate parsed facts; `check=False` when parsing showed `_check_json` would find nothing."""
    if not isinstance(data, dict):
        raise InputError(
            "{source}: expected a JSON object of facts, got {kind}",
            source=source,
            kind=_json_type(data),
        )
    if check:
        _check_json(data, duplicated, source)
    model = model or standard_model()
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InputError(
            "{source}: {problem}", source=source, problem=_describe(error.errors()[0], model)
        ) from None
    except RecursionError:
        raise InputError("{source}: JSON is nested too deeply", source=source) from None


def _json_path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{_printable(part)}" if text else _printable(part)
    return text or "(top level)"


def shown_text(text: str) -> str:
    """Text a person chose (a file's name, a query's value) as a message quotes it: masked if
    it could be a name or a number (`facts.json` stays, `E12345678.json` does not), one line."""
    return _printable(text)


def _key_text(key: str) -> str:
    return f"'{_printable(key)}'"


def _printable(key: str) -> str:
    """A key as a message shows it: masked if it could be a name or a number, one line."""
    masked = key not in fact_keys() and _NAME_OR_NUMBER.search(key)
    return _quoted(mask_any(key) if masked else key)[1:-1]


def _quoted(text: str) -> str:
    """Text as a JSON string on one printable line, shortened to fit a message."""
    escaped = json.dumps(text, ensure_ascii=False)
    escaped = _ESCAPED.sub(lambda match: f"\\u{ord(match.group()):04x}", escaped)
    return escaped if len(escaped) <= MAX_SHOWN_CHARS else escaped[: MAX_SHOWN_CHARS - 4] + '..."'


def _template(loc: tuple[Any, ...]) -> str:
    """The path of `loc` with list items written `[]`: `bank_cards[]`, `foreign_cards[].x`."""
    return template(_json_path(loc))


def _shown(loc: tuple[Any, ...], value: Any, model: type[Facts] | None = None) -> str | Message:
    """The offending value as JSON, masked whatever its field; never the inside of a section."""
    sections = _sections(model or standard_model())
    if isinstance(value, (dict, list)) or _template(loc) in sections or not loc:
        return _json_type(value)
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, str):
        return _quoted(mask_any(value))
    text = mask_any(json.dumps(value, default=str))
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 3] + "..."


def _not_allowed(source: str, path: str, shown: Any, expected: Message) -> InputError:
    return InputError(
        "{source}: {path}: {value} is not allowed: {expected}",
        source=source,
        path=path,
        value=shown,
        expected=expected,
    )


def _describe(error: dict[str, Any], model: type[Facts]) -> Message:
    loc = tuple(error["loc"])
    path = _json_path(loc)
    if error["type"] == "extra_forbidden":
        return _unknown_key(loc, model)
    if error["type"] == UNKNOWN_PATH:
        return _unknown_path(loc, error["input"], error["msg"], model)
    if error["type"] == GIVEN_AND_NOT_KNOWN:
        return (
            f"dont_know[{error['ctx']['index']}]: {_path_text(error['ctx']['path'])} has a value"
            " in the facts too; a fact is either given or not known, remove one of them"
        )
    value = error.get("input")
    if error["type"] == "literal_error":
        expected = Message(
            "expected one of {choices}", choices=error["ctx"]["expected"].replace("'", '"')
        )
    elif error["type"] == "value_error":
        reason = error["ctx"]["error"].args[0]
        expected = reason if isinstance(reason, Message) else Message(str(reason))
    elif error["type"] == "too_long":
        limit, length = error["ctx"]["max_length"], error["ctx"].get("actual_length")
        expected = (
            Message("expected at most {limit} items (it has {length})", limit=limit, length=length)
            if length
            else Message("expected at most {limit} items", limit=limit)
        )
    elif error["type"] in _EXPECTED:
        expected = Message(_EXPECTED[error["type"]])
    else:
        expected = Message(error["msg"].lower())  # pydantic's words: no translation
    return Message(
        "{path}: {value} is not allowed: {expected}",
        path=path,
        value=_shown(loc, value, model),
        expected=expected,
    )


def _unknown_key(loc: tuple[Any, ...], facts: type[Facts]) -> Message:
    model: type[BaseModel] = facts
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
    hint = (
        Message("did you mean {key!r}?", key=close[0])
        if close
        else Message("known keys: {keys}", keys=", ".join(known))
    )
    return Message(
        "{path}: unknown key {key}; {hint}", path=_json_path(loc), key=_key_text(key), hint=hint
    )


def _unknown_path(loc: tuple[Any, ...], path: str, problem: str, model: type[Facts]) -> str:
    """A `dont_know` entry that names no fact, with the closest fact path (items numbered)."""
    known = [p.replace("[]", "[0]") for p in model.paths if p != DONT_KNOW]
    close = difflib.get_close_matches(path[:MAX_SHOWN_CHARS], known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{_json_path(loc)}: {_path_text(path)} is {problem}{hint}"


_PATH_SHAPED = re.compile(r"[a-z_.\[\]]*(\[\d{1,2}\][a-z_.\[\]]*)*")
"""Text made of path characters, digits only as list indexes of two digits at most (a case
lists 50 cards at most): no name or number has that shape."""


def _path_text(path: str) -> str:
    """A fact path as a message quotes it: as typed when it has a path's shape, else masked."""
    if _PATH_SHAPED.fullmatch(path):
        return _quoted(path)
    if _PATH_SHAPED.fullmatch(_LONG_INDEX.sub("[0]", path)):  # a number typed as an index
        return _quoted(_LONG_INDEX.sub(lambda index: f"[{mask_any(index[1])}]", path))
    return _quoted(mask_any(path))


_LONG_INDEX = re.compile(r"\[(\d{3,})\]")


def _flatten(annotation: Any) -> list[Any]:
    out = []
    for arg in getattr(annotation, "__args__", ()) or ():
        out += [arg, *_flatten(arg)]
    return out


_JSON_TYPES = {
    dict: N_("an object"),
    list: N_("a list"),
    str: N_("a string"),
    bool: N_("a boolean"),
    type(None): N_("null"),
}


def _json_type(value: Any) -> Message:
    return Message(_JSON_TYPES.get(type(value), N_("a number")))
