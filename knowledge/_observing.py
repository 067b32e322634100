"""How units observe: the comparisons and date checks several units build observations from.

Each observation is three-valued: `Outcome(None, ...)` names the facts that
are missing. Values are compared as facts-v1 says (numbers arrive normalised
from the facts model; names compare as upper-case words). The loader skips
this module (its name starts with `_`); units import what they need from it.
"""

from __future__ import annotations

from datetime import date

from engine.authoring.rules import Case, Outcome
from engine.facts import personal
from engine.facts.dates import PartialDate
from engine.facts.normalise import name_words
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording


def as_date(day: date | PartialDate) -> Datum:
    """A date as the evidence shows it: as written (`2026-06` for a month)."""
    return Datum(str(day))


def card_words(case: Case, card: int | None) -> Wording:
    """How evidence names a bank card: its number in the list, and its last digits when known
    (not its bank: a free-text field may hold anything a person typed, so it is not shown)."""
    number = (card or 0) + 1
    last4 = case.get("bank_cards[].last4", card)
    if last4:
        return _CARD_ENDING.format(number=number, last4=last4)
    return _CARD.format(number=number)


_CARD = Wording("card {number}")
_CARD_ENDING = Wording("card {number} (ending {last4})")


OPEN_SPAN = Wording(" It could be any day from {2} to {3}, so whether it has passed is not known.")


def before_as_of(path: str, said: Wording):
    """Whether the date at `path` lies before the day of the diagnosis.

    `said` states the date (`{0}`) and the day of the diagnosis (`{1}`) in plain
    words. A partial date (a month, a year) is before as_of only if all of it
    is, and not before only if none of it is; otherwise whether it is stays not
    known, and the evidence says which days it could be.
    """

    def evaluate(case: Case, card: int | None) -> Outcome:
        day: PartialDate | None = case.get(path, card)
        if day is None:
            return Outcome(None, unknown_paths=(case.where(path, card),))
        shown = (as_date(day), as_date(case.as_of))
        passed = day.before(case.as_of)
        if passed is None:
            span = (Datum(day.first.isoformat()), Datum(day.last.isoformat()))
            where = (case.where(path, card),)
            return Outcome(None, Text(said + OPEN_SPAN, shown + span), unknown_paths=where)
        return Outcome(passed, Text(said, shown))

    return evaluate


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day where it is shorter)."""
    month = day.year * 12 + day.month - 1 - months
    year, month = divmod(month, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, last)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def unused_for(path: str, months: int, said: Wording):
    """Whether the date at `path` (the card's, for a card path) lies more than `months` months
    before the day of the diagnosis; `said` states the date (`{0}`) and that day (`{1}`)."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        day: PartialDate | None = case.get(path, card)
        if day is None:
            return Outcome(None, unknown_paths=(case.where(path, card),))
        shown = (as_date(day), as_date(case.as_of), Datum(str(months)))
        passed = day.before(months_before(case.as_of, months))
        if passed is None:
            return Outcome(None, Text(said, shown), unknown_paths=(case.where(path, card),))
        return Outcome(passed, Text(said, shown))

    return evaluate


def differs(left: str, right: str, kind: str, said: Wording):
    """Compare two normalised values; card paths read the card being observed.

    `said` states both values (`{0}` and `{1}`, masked when shown) in plain
    words, and may name the card (`{card}`).
    """

    def evaluate(case: Case, card: int | None) -> Outcome:
        a, b = case.get(left, card), case.get(right, card)
        if a is None or b is None:
            return Outcome(None, unknown_paths=case.missing(card, left, right))
        text = said.format(card=card_words(case, card))
        return Outcome(a != b, Text(text, (Datum(a, kind), Datum(b, kind))))

    return evaluate


def passport_name(case: Case) -> tuple[str, ...] | None:
    """The passport's name as words, surname first, or None when either part is unknown."""
    surname, given = case.get("person.surname"), case.get("person.given_names")
    if surname is None or given is None:
        return None
    return name_words(surname) + name_words(given)


def name_datum(words: tuple[str, ...]) -> Datum:
    return Datum(" ".join(words), personal.NAME)
