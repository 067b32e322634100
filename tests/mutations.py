"""Mutated facts, from a seed: the examples bent the ways hand-written and hostile input is.

Shared by the fuzz test (a few hundred cases) and bench/fuzz.py (ten thousand). Each
case is the bytes of one facts file (one line of a batch: no raw line break). Personal
values from `PERSONAL` are put where they do not belong (any field, or as a key), so
the checks can look for them, raw, in every output.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from typing import Any

from engine.facts.model import standard_model
from tests.conftest import EXAMPLES

PERSONAL = {
    "passport": ["E98765432", "PA4455667"],
    "permit": ["YX8642097"],
    "phone": ["+86 139 8765 4321", "13987654321"],
    "name": ["Katarzyna Wiśniewska", "BJÖRKLUND", "Oluwaseun Adeyemi"],
    "address": ["88 Xinhua Road Flat 1203"],
}
"""Values no example holds, so that finding one raw in an output is a leak."""

ODD_TEXT = ["\ud800", "\u2028", "\u2029", "\x85", "\ufeff", "\x1b[2J", "\u202e", "\x00", ""]
ODD_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    10**30,
    1.5e308,
    [],
    {},
    [[[]]],
    "",
    " ",
    "0001-01-01",
    "9999-12-31",
    "2026-02-29",
    "2024-02-29",
]
ODD_NUMBERS = ["1e999", "-1e999", "NaN", "Infinity", "9" * 5000, "1" + "0" * 309, "-0", "1E400"]


def personal_values() -> list[str]:
    return [value for values in PERSONAL.values() for value in values]


def cases(seed: int, count: int) -> Iterator[bytes]:
    """`count` mutated facts files, the same for the same seed."""
    rng = random.Random(seed)
    examples = [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*.json"))
    ]
    for _ in range(count):
        data = json.loads(json.dumps(rng.choice(examples)))
        for _ in range(1 if rng.random() < 0.6 else rng.randint(2, 3)):
            rng.choice(_DATA_MUTATIONS)(rng, data)
        text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
        if rng.random() < 0.15:
            text = rng.choice(_TEXT_MUTATIONS)(rng, text)
        yield text.encode("utf-8", "surrogatepass").replace(b"\n", b" ")


def _leaves(node: Any, path: tuple = ()) -> list[tuple]:
    """Paths of every value in `node` (objects and lists included)."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _leaves(value, (*path, index))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def _set_somewhere(rng: random.Random, data: dict, value: Any) -> None:
    paths = _leaves(data)
    if not paths:
        data["as_of"] = value
        return
    path = rng.choice(paths)
    _parent(data, path)[path[-1]] = value


def _personal_in_any_field(rng: random.Random, data: dict) -> None:
    value = rng.choice(personal_values())
    _set_somewhere(rng, data, value if rng.random() < 0.8 else int(re.sub(r"\D", "", value) or 7))


_MODEL = standard_model()
_FREE_TEXT = (
    *sorted(
        {
            path.rsplit(".", 1)[-1]
            for path, fact in _MODEL.declared.items()
            if getattr(fact, "type", None) is str
        }
    ),
    "$schema",
)
"""Fields that take any text (a bank's name, an error message), as their declarations say."""
_FIELDS_OF_KIND = {
    kind: tuple(
        sorted({path.rsplit(".", 1)[-1] for path, k in _MODEL.personal.items() if k == kind})
    )
    for kind in PERSONAL
}
"""The fields that take each kind of personal value, as the facts' declarations say."""


def _personal_where_valid(rng: random.Random, data: dict) -> None:
    """A personal value in a field that takes it: its own kind's, or free text."""
    kind = rng.choice(list(PERSONAL))
    fields = _FIELDS_OF_KIND.get(kind, ()) + _FREE_TEXT
    holders = [data] + [
        node for path in _leaves(data) if isinstance(node := _parent(data, path)[path[-1]], dict)
    ]
    places = [(holder, key) for holder in holders for key in holder if key in fields]
    if places:
        holder, key = rng.choice(places)
        holder[key] = rng.choice(PERSONAL[kind])


def _personal_as_key(rng: random.Random, data: dict) -> None:
    objects = [data] + [
        _parent(data, path)[path[-1]]
        for path in _leaves(data)
        if isinstance(_parent(data, path)[path[-1]], dict)
    ]
    rng.choice(objects)[rng.choice(personal_values())] = rng.choice(["x", 1, None, {}])


def _odd_value(rng: random.Random, data: dict) -> None:
    _set_somewhere(rng, data, rng.choice(ODD_VALUES))


def _odd_text(rng: random.Random, data: dict) -> None:
    strings = [path for path in _leaves(data) if isinstance(_parent(data, path)[path[-1]], str)]
    if strings:
        path = rng.choice(strings)
        text = _parent(data, path)[path[-1]]
        cut = rng.randint(0, len(text))
        odd = rng.choice(ODD_TEXT)
        _parent(data, path)[path[-1]] = text[:cut] + odd + text[cut:]


def _edge_date(rng: random.Random, data: dict) -> None:
    data["as_of"] = rng.choice(["9999-12-31", "0001-01-01", "9999-12-30", "2000-02-29"])
    if rng.random() < 0.5 and isinstance(data.get("passport", {}), dict):
        data.setdefault("passport", {})["expiry_date"] = rng.choice(["0001-01-01", "9999-12-31"])


def _odd_amount(rng: random.Random, data: dict) -> None:
    """A visitor's amount typed the ways it goes wrong: negative, as text, with its currency."""
    odd = rng.choice([-25, -0.01, "25", "CNY 25", "¥25", "", True, [25], {"cny": 25}])
    payment = data.get("payment")
    data["payment"] = {**(payment if isinstance(payment, dict) else {}), "amount_cny": odd}


def _many_cards(rng: random.Random, data: dict) -> None:
    cards = data.get("bank_cards")
    if not isinstance(cards, list) or not cards:
        cards = [{"status": "cannot_be_verified", "bank": "ICBC"}]
    data["bank_cards"] = (cards * 300)[: rng.choice([0, 1, 49, 50, 51, 300])]


def _dropped(rng: random.Random, data: dict) -> None:
    paths = _leaves(data)
    if paths:
        path = rng.choice(paths)
        parent = _parent(data, path)
        if isinstance(parent, dict):
            del parent[path[-1]]


_DATA_MUTATIONS = [
    _personal_where_valid,
    _personal_where_valid,
    _personal_where_valid,
    _personal_in_any_field,
    _personal_in_any_field,
    _personal_as_key,
    _odd_value,
    _odd_text,
    _edge_date,
    _odd_amount,
    _many_cards,
    _dropped,
]


def _bom(rng: random.Random, text: str) -> str:
    return "\ufeff" + text


def _truncated(rng: random.Random, text: str) -> str:
    return text[: rng.randint(0, len(text))]


def _character_dropped(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text))
    return text[:at] + text[at + 1 :]


def _odd_number(rng: random.Random, text: str) -> str:
    field = rng.choice(['"alipay": {"balance_cny": ', '"payment": {"amount_cny": '])
    return text.replace("{", "{" + field + rng.choice(ODD_NUMBERS) + "}, ", 1)


def _duplicated_key(rng: random.Random, text: str) -> str:
    return text.replace("{", '{"as_of": "2026-01-01", ', 1).replace(
        "{", '{"as_of": "2026-01-02", ', 1
    )


def _deep(rng: random.Random, text: str) -> str:
    depth = rng.choice([50, 5000, 200_000])
    return text.replace("{", '{"travel": ' + "[" * depth + "]" * depth + ", ", 1)


def _escaped_surrogate(rng: random.Random, text: str) -> str:
    return text.replace('": "', '": "\\ud83d', 1)


_TEXT_MUTATIONS = [
    _bom,
    _truncated,
    _character_dropped,
    _odd_number,
    _duplicated_key,
    _deep,
    _escaped_surrogate,
]


def raw_forms() -> set[str]:
    """Every way a value of `PERSONAL` could show unmasked: as written, its words, its digits."""
    forms = set()
    for kind, values in PERSONAL.items():
        for value in values:
            forms.add(value)
            if kind in ("name", "address"):
                forms |= {word for word in value.split() if len(word) >= 4 and word.isalpha()}
            digits = re.sub(r"\D", "", value)
            if len(digits) >= 6:
                forms |= {digits, digits.removeprefix("86")}
    return forms


def leaks(text: str) -> list[str]:
    """The raw personal values found in `text` (whole words, ignoring case)."""
    return sorted(
        raw
        for raw in raw_forms()
        if re.search(rf"(?<![\w+]){re.escape(raw)}(?!\w)", text, re.IGNORECASE)
    )


def problems(output: str) -> list[str]:
    """What no output may hold: tracebacks, internal faults, raw personal values."""
    found = [word for word in ("Traceback", "internal fault") if word in output]
    return found + [f"raw personal value {raw!r}" for raw in leaks(output)]
