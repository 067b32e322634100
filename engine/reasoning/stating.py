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

from engine.authoring.rules import Case
from engine.facts.dates import PartialDate
from engine.facts.personal import Datum, Text
from engine.kb.base import KnowledgeBase
from engine.text.translatable import N_, Message

MAX_SAID_KEPT = 4096
"""At most this many sentences are kept (`FactWords.said`); then they are made afresh."""


class FactWords:
    """Says facts of one knowledge base (its questions name them)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._said: dict[tuple, Text] = {}
        """Sentences already made, for facts not known, yes or no, or a choice: the same few
        are said case after case, and twice a report (the plan check diagnoses again). Nothing
        a person typed is kept: a free text's, a number's or a date's sentence is not."""

    def personal(self, path: str) -> str | None:
        """The kind of personal data the fact at `path` holds (`bank_cards[]` for a card's)."""
        return self.kb.facts_model.personal.get(path)

    def said(self, case: Case, path: str, card: int | None) -> Text:
        """The fact at `path` (of `card`, for a card's fact) and its value, as a sentence."""
        value = case.get(path, card)
        if value is not None and not isinstance(value, bool) and not self._chosen(path, value):
            return self._say(case, path, card)
        ending = self.kb.card_fact(path, "ending") if card is not None else None
        last4 = case.get(ending, card) if ending else None
        key = (path, card, type(value), value, last4)
        said = self._said.get(key)
        if said is None:
            said = self._say(case, path, card)
            if len(self._said) >= MAX_SAID_KEPT:
                self._said.clear()
            self._said[key] = said
        return said

    def _chosen(self, path: str, value: Any) -> bool:
        """Whether `value` is one of the choices the question of `path` offers."""
        ask = self.kb.ask(path)
        return ask is not None and isinstance(value, str) and value in ask.choices

    def _say(self, case: Case, path: str, card: int | None) -> Text:
        where = case.where(path, card)
        label = self.kb.fact_label(path)
        value = case.get(path, card)
        named = self._on_card(label, case, path, card)
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

    def _on_card(self, label: Any, case: Case, path: str, card: int | None) -> Any:
        """A card's fact names its card: its number, and its last digits when known."""
        if card is None or "[]" not in path:
            return label
        ending = self.kb.card_fact(path, "ending")
        return on_card(label, card, case.get(ending, card) if ending else None)


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
