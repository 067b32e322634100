"""Knowledge text in every language it is written in, kept in the unit that says it.

The program's own words go through gettext catalogs (`visualise.language`);
what a unit says (a cause's title, a fix step, a question, the sentence to
show at a bank counter) is written in the unit itself, English always and
each other language beside it: `Wording(en="...", zh="...")`. A new language
is more keyword arguments in the units, not a code change; `check-kb` names
every text that lacks one of the languages offered.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

SOURCE_LANGUAGE = "en"


class Wording:
    """One text in several languages; English is required and is what is shown when a
    language is missing (check-kb reports the gap)."""

    __slots__ = ("_texts",)

    def __init__(self, en: str, **others: str):
        texts = {SOURCE_LANGUAGE: en, **others}
        for code, text in texts.items():
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"Wording: the {code!r} text must be a non-empty string")
        self._texts = texts

    @property
    def en(self) -> str:
        return self._texts[SOURCE_LANGUAGE]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._texts)

    def in_(self, code: str) -> str:
        """The text in language `code`, or the English one when it is not written in it."""
        return self._texts.get(code, self._texts[SOURCE_LANGUAGE])

    def has(self, code: str) -> bool:
        return code in self._texts

    def missing(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The languages of `codes` this text is not written in."""
        return tuple(code for code in codes if code not in self._texts)

    def format(self, **kwargs: Any) -> Wording:
        """Each language's text with its named blanks filled (a per-wallet unit names its
        wallet); a value that is itself a Wording is filled in the same language. Numbered
        blanks (`{0}`) stay, for the data an evidence `Text` fills and masks when shown."""
        return _formatted(self, tuple(sorted(kwargs.items())))

    def __add__(self, other: Wording | str) -> Wording:
        """Two texts joined, language by language."""
        return Wording(**{code: text + _in(other, code) for code, text in self._texts.items()})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Wording) and self._texts == other._texts

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._texts.items())))

    def __repr__(self) -> str:
        inner = ", ".join(f"{code}={text!r}" for code, text in self._texts.items())
        return f"Wording({inner})"

    def __str__(self) -> str:
        return self.en


class _NamedOnly(string.Formatter):
    """Fills named blanks and writes numbered ones back as they were."""

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        return f"{{{key}}}" if isinstance(key, int) else kwargs[key]


_NAMED_ONLY = _NamedOnly()


@lru_cache(maxsize=4096)
def _formatted(wording: Wording, named: tuple[tuple[str, Any], ...]) -> Wording:
    """A Wording's blanks filled, once for each set of values: evidence fills the same few
    (a card's number, a wallet's name) in every diagnosis, and formatting is slow in Python."""
    filled = {}
    for code, text in wording._texts.items():
        values = {name: _in(value, code) for name, value in named}
        filled[code] = _NAMED_ONLY.vformat(text, (), values)
    return Wording(**filled)


def wording(value: str | Wording) -> str | Wording:
    """A unit's text as a Wording: a plain string (a unit written before, or outside) is
    English only, so check-kb names the languages it lacks. A blank string stays as it is,
    for check-kb to name as missing."""
    return Wording(en=value) if isinstance(value, str) and value.strip() else value


def _in(value: Any, code: str) -> Any:
    """A Wording in language `code`; any other value (a plain string) as it is."""
    return value.in_(code) if isinstance(value, Wording) else value
