"""How evidence says a fact in plain words: its name (the question's `label`) and its value.

A traveller reads "Your passport's expiry date: 2026-10-01", "The wallet the
card is linked in, card 1: WeChat Pay" or "Your mobile number: not known",
never a JSON path; the path stays in the evidence's `facts`. Values are said
as the questions name them (a choice's label, yes or no), dates as written,
personal ones masked when shown; other free text a person typed is not
repeated, since it may hold anything (a name in the wrong field).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from engine.dates import PartialDate
from engine.knowledge_base import KnowledgeBase
from engine.personal import Datum, Text
from engine.rules import Case
from engine.translatable import N_, Message


class FactWords:
    """Says facts of one knowledge base (its questions name them)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def personal(self, path: str) -> str | None:
        """The kind of personal data the fact at `path` holds (`bank_cards[]` for a card's)."""
        return self.kb.facts_model.personal.get(path)

    def said(self, case: Case, path: str, card: int | None) -> Text:
        """The fact at `path` (of `card`, for a card's fact) and its value, as a sentence."""
        where = case.where(path, card)
        label = self.kb.fact_label(path)
        value = case.get(path, card)
        named = _on_card(label, case, path, card)
        if value is None:
            return Text(Message(N_("{label}: not known"), label=named), facts=(where,))
        worded = self.kb.value_label(path, value)
        if worded is not None:
            template = Message(N_("{label}: {value}"), label=named, value=worded)
            return Text(template, facts=(where,))
        shown = _shown(value, self.personal(path))
        if shown is None:
            return Text(Message(N_("{label}: given"), label=named), facts=(where,))
        return Text(Message(N_("{label}: {0}"), label=named), (shown,), (where,))


def _on_card(label: Any, case: Case, path: str, card: int | None) -> Any:
    """A card's fact names its card: its number, and its last digits when known."""
    if card is None or "[]" not in path:
        return label
    cards = path.split("[]", 1)[0]
    return on_card(label, card, case.get(f"{cards}[].last4", card))


def on_card(label: Any, card: int, last4: str | None = None) -> Message:
    """A card's fact by name: "the passport number your bank holds, card 1 (ending 1234)"."""
    if last4:
        which = Message(N_("card {number} (ending {digits})"), number=card + 1, digits=last4)
    else:
        which = Message(N_("card {number}"), number=card + 1)
    return Message(N_("{label}, {card}"), label=label, card=which)


def _shown(value: Any, kind: str | None) -> Datum | None:
    """A value to show: a personal one (of `kind`) masked when shown, a number or a date as it
    is; None for other free text."""
    if kind is not None:
        return Datum(str(value), kind)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Datum(f"{value:g}")
    if isinstance(value, (date, PartialDate)):
        return Datum(str(value))
    return None
