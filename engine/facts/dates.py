"""Dates as people know them: a day, a month or only a year (facts-v2, "Dates may be partial").

A partial date is the interval of days it covers, kept with the text as
written so that facts files the program writes give it back unchanged.
Comparisons over an interval are three-valued: None when some of its days
would make the answer true and others false, so "not known" is never guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from engine.text.translatable import Message

_WRITTEN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


@dataclass(frozen=True)
class PartialDate:
    """The days from `first` to `last` (both included), written `text`; a day has first == last."""

    first: date
    last: date
    text: str

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; ValueError says which form was expected."""
        written = _WRITTEN.fullmatch(text)
        if written is None:
            raise ValueError(Message("expected a date written YYYY-MM-DD, YYYY-MM or YYYY"))
        year, month, day = (int(part) if part else None for part in written.groups())
        try:
            if day is not None:
                first = last = date(year, month, day)
            elif month is not None:
                first = date(year, month, 1)
                last = first.replace(day=calendar.monthrange(year, month)[1])
            else:
                first, last = date(year, 1, 1), date(year, 12, 31)
        except ValueError as error:
            raise ValueError(
                Message(
                    "expected a real calendar date written YYYY-MM-DD, YYYY-MM or YYYY ({problem})",
                    problem=str(error),
                )
            ) from None
        return cls(first, last, text)

    @property
    def exact(self) -> bool:
        return self.first == self.last

    def __str__(self) -> str:
        return self.text

    def before(self, day: date) -> bool | None:
        """Whether it lies before `day`: true only if every day of it does, false if none does."""
        if self.last < day:
            return True
        if self.first >= day:
            return False
        return None

    def span(self) -> str:
        """The days it covers, in words: "2026-06-01 to 2026-06-30"."""
        return f"{self.first.isoformat()} to {self.last.isoformat()}"
