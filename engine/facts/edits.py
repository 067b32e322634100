"""Facts as plain JSON data, and changing one fact in it.

The plan check and the consultation both change facts and validate the result
again, as a facts file would be, so they work on the JSON form rather than on
the frozen models.
"""

from __future__ import annotations

import copy
from typing import Any

from engine.facts.model import DONT_KNOW, Facts

FactData = dict[str, Any]


def facts_data(facts: Facts) -> FactData:
    """The known facts as JSON data (normalised values, unknown facts left out)."""
    return facts.model_dump(mode="json", by_alias=True, exclude_none=True)


def get_fact(data: FactData, path: str, card: int | None = None) -> Any:
    """The value at `path` (`bank_cards[].x` reads card `card`), or None if unknown."""
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part.removesuffix("[]"))
        if part.endswith("[]") and node is not None:
            node = node[card] if card is not None and card < len(node) else None
    return node


def with_fact(data: FactData, path: str, value: Any, card: int | None = None) -> FactData:
    """A copy of `data` where `path` holds `value` (None: the fact becomes unknown)."""
    changed = copy.deepcopy(data)
    set_fact(changed, path, value, card)
    return changed


def set_fact(data: FactData, path: str, value: Any, card: int | None = None) -> None:
    """Make `path` hold `value` in `data` itself (None: the fact becomes unknown).

    A fact given a value is no longer one the person does not know (`dont_know`), nor is
    the section holding it (`passport` when `passport.number` is given).
    """
    *sections, leaf = path.split(".")
    if value is not None and DONT_KNOW in data:
        concrete = path.replace("[].", f"[{card}].", 1)
        data[DONT_KNOW] = [
            p
            for p in data[DONT_KNOW]
            if p != concrete and not concrete.startswith((f"{p}.", f"{p}["))
        ]
        if not data[DONT_KNOW]:
            del data[DONT_KNOW]
    node = data
    for part in sections:
        if part.endswith("[]"):
            node = node[part.removesuffix("[]")][card]
            continue
        if value is None and part not in node:
            return
        node = node.setdefault(part, {})
    if value is None:
        node.pop(leaf, None)
    else:
        node[leaf] = value


def without_empty(data: FactData) -> FactData:
    """The facts without the sections left empty (an answer taken back, a fact narrowed away)."""
    kept: FactData = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = without_empty(value)
            if not value:
                continue
        kept[key] = value
    return kept
