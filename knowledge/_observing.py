"""How units observe: the comparisons and date checks several units build observations from.

Each observation is three-valued: `Outcome(None, ...)` names the facts that
are missing. Values are compared as facts-v1 says (numbers arrive normalised
from the facts model; names compare as upper-case words). The loader skips
this module (its name starts with `_`); units import what they need from it.
"""

from __future__ import annotations

from datetime import date

from engine import personal
from engine.dates import PartialDate
from engine.normalise import name_words
from engine.personal import Datum, Text
from engine.rules import Case, Outcome


def as_date(day: date | PartialDate) -> Datum:
    """A date as the evidence shows it: as written (`2026-06` for a month)."""
    return Datum(str(day))


def before_as_of(path: str):
    """Whether the date at `path` lies before the day of the diagnosis.

    A partial date (a month, a year) is before as_of only if all of it is, and
    not before only if none of it is; otherwise whether it is stays not known,
    and the evidence says which days it could be.
    """

    def evaluate(case: Case, card: int | None) -> Outcome:
        day: PartialDate | None = case.get(path)
        if day is None:
            return Outcome(None, unknown_paths=(path,))
        shown = (as_date(day), as_date(case.as_of))
        passed = day.before(case.as_of)
        if passed is None:
            return Outcome(
                None,
                Text(
                    f"{path} ({{0}}) may or may not be before as_of ({{1}}):"
                    f" it could be any day from {day.span()}",
                    shown,
                ),
                unknown_paths=(path,),
            )
        relation = "is before" if passed else "is not before"
        return Outcome(passed, Text(f"{path} ({{0}}) {relation} as_of ({{1}})", shown))

    return evaluate


def differs(left: str, right: str, kind: str):
    """Compare two normalised values; card paths read the card being observed."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        a, b = case.get(left, card), case.get(right, card)
        if a is None or b is None:
            return Outcome(None, unknown_paths=case.missing(card, left, right))
        relation = "differs from" if a != b else "matches"
        return Outcome(
            a != b,
            Text(
                f"{case.where(left, card)} ({{0}}) {relation} {right} ({{1}})",
                (Datum(a, kind), Datum(b, kind)),
            ),
        )

    return evaluate


def passport_name(case: Case) -> tuple[str, ...] | None:
    """The passport's name as words, surname first, or None when either part is unknown."""
    surname, given = case.get("person.surname"), case.get("person.given_names")
    if surname is None or given is None:
        return None
    return name_words(surname) + name_words(given)


def name_datum(words: tuple[str, ...]) -> Datum:
    return Datum(" ".join(words), personal.NAME)
