"""Knowledge text, written in English in the unit and translated where it is shown.

A unit writes what it says (a cause's title, a fix step, a question, an
observation's meaning) in English: `Wording("...")`. Babel extracts these
texts with the program's own words into one catalog per language,
`visualise/locale/LANGUAGE/LC_MESSAGES/paydoctor.po` (`python -m
visualise.catalogs`; docs/translating.md), and `in_(code)` looks the text up
in the compiled catalog of `code`: a new language is a new catalog, not a
code change. The one text a unit writes in another language is the sentence
staff read at a counter (`FixStep.say`): it is what they read, not a
translation, so the unit gives it in Chinese beside its meaning in English,
`Wording("Hello, ...", zh="您好，……")`, and the meaning is translated like
any other text. `check-kb` names every text a catalog lacks.
"""

from __future__ import annotations

import gettext
import string
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "visualise" / "locale"
"""Where the catalogs are, one folder per language (`LANGUAGE/LC_MESSAGES/paydoctor.mo`)."""
DOMAIN = "paydoctor"


@lru_cache(maxsize=1)
def offered() -> tuple[str, ...]:
    """English, then every language with a compiled catalog, by code."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


@lru_cache
def spoken_in(country: str) -> str:
    """The language to speak to a bank of `country` (ISO 3166-1): the first of the country's
    languages (CLDR, through Babel) that has a catalog, else English, the hotlines' common one."""
    from babel.languages import get_official_languages

    spoken = get_official_languages(country, de_facto=True)
    return next((code for code in spoken if code in offered()), SOURCE_LANGUAGE)


@lru_cache
def catalog(code: str) -> gettext.NullTranslations:
    """The translations into `code` (none for English), English wherever one is missing."""
    path = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if code == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as file:
        return gettext.GNUTranslations(file)


class _Absent(gettext.NullTranslations):
    """The end of a lookup that must tell a missing translation from one equal to the English
    ("WeChat Pay" is also the Japanese app's name)."""

    def gettext(self, message: str) -> None:  # type: ignore[override]
        return None


@lru_cache
def _lookup(code: str) -> gettext.NullTranslations:
    path = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        return _Absent()
    with path.open("rb") as file:
        found = gettext.GNUTranslations(file)
    found.add_fallback(_Absent())
    return found


def translated(text: str, code: str) -> str | None:
    """`text` in language `code` from its catalog, or None when the catalog lacks it."""
    return text if code == SOURCE_LANGUAGE else _lookup(code).gettext(text)


_generation = 0
"""How many times the catalogs were read again: a Wording's texts of another are not shown."""


def forget_catalogs() -> None:
    """Read the catalogs again (after one is added or compiled while running: a test)."""
    global _generation
    _generation += 1
    for cached in (offered, spoken_in, catalog, _lookup, _shown):
        cached.cache_clear()


class Wording:
    """One text, written in English and shown in any language its catalog has (English where
    one lacks it: check-kb reports the gap). `written` holds a text the unit itself gives in a
    language (the staff's Chinese sentence); it is shown as written, never translated."""

    __slots__ = ("_hash", "_shown_in", "named", "parts", "source", "written")

    def __init__(self, en: str, **written: str):
        for code, text in {SOURCE_LANGUAGE: en, **written}.items():
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"Wording: the {code!r} text must be a non-empty string")
        self.source = en
        """The English as written, blanks unfilled: what the catalogs translate."""
        self.written = written
        self.named: tuple[tuple[str, Any], ...] = ()
        self.parts: tuple[Wording | str, ...] = ()
        self._hash: int | None = None
        """The hash, once asked: every text shown is looked up by its Wording (`_shown`)."""
        self._shown_in: tuple[int, dict[str, str]] = (-1, {})
        """The text in each language shown so far, for the catalogs of that generation."""

    @property
    def en(self) -> str:
        return self.in_(SOURCE_LANGUAGE)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages it can be shown in: every one offered."""
        return offered()

    def in_(self, code: str) -> str:
        """The text in language `code`, or the English one when its catalog lacks it."""
        generation, shown = self._shown_in
        if generation != _generation:
            shown = {}
            self._shown_in = (_generation, shown)
        text = shown.get(code)
        if text is None:
            text = shown[code] = _shown(self, code)
        return text

    def has(self, code: str) -> bool:
        """Whether it is written or translated in language `code` (its blanks' values aside)."""
        if self.parts:
            return all(_has(part, code) for part in self.parts)
        return code in self.written or translated(self.source, code) is not None

    def missing(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The languages of `codes` it is neither written nor translated in."""
        return tuple(code for code in codes if not self.has(code))

    def format(self, **kwargs: Any) -> Wording:
        """The text with its named blanks filled when shown (a per-wallet unit names its
        wallet); a value that is itself a Wording is shown in the same language. Numbered
        blanks (`{0}`) stay, for the data an evidence `Text` fills and masks when shown."""
        filled = self._copy()
        filled.named = tuple(sorted({**dict(self.named), **kwargs}.items()))
        return filled

    def __add__(self, other: Wording | str) -> Wording:
        """Two texts joined, each shown in the same language."""
        joined = Wording.__new__(Wording)
        joined.source, joined.written, joined.named, joined._hash = "", {}, (), None
        joined._shown_in = (-1, {})
        joined.parts = (*(self.parts or (self,)), other)
        return joined

    def _copy(self) -> Wording:
        copy = Wording(self.source, **self.written)
        copy.named, copy.parts = self.named, self.parts
        return copy

    def _key(self) -> tuple[Any, ...]:
        return (self.source, tuple(sorted(self.written.items())), self.named, self.parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Wording) and self._key() == other._key()

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self._key())
        return self._hash

    def __repr__(self) -> str:
        inner = ", ".join(
            [repr(self.source), *(f"{code}={text!r}" for code, text in self.written.items())]
        )
        return f"Wording({inner})"

    def __str__(self) -> str:
        return self.en


class _NamedOnly(string.Formatter):
    """Fills named blanks and writes numbered ones back as they were."""

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        return f"{{{key}}}" if isinstance(key, int) else kwargs[key]


_NAMED_ONLY = _NamedOnly()


@lru_cache(maxsize=8192)
def _shown(wording: Wording, code: str) -> str:
    """A Wording in language `code`, once for each: evidence shows the same few (a card's
    number, a wallet's name) in every diagnosis, and formatting is slow in Python."""
    if wording.parts:
        return "".join(_in(part, code) for part in wording.parts)
    text = wording.written.get(code) or translated(wording.source, code) or wording.source
    if wording.named:
        values = {name: _in(value, code) for name, value in wording.named}
        text = _NAMED_ONLY.vformat(text, (), values)
    return text


def wording(value: str | Wording) -> str | Wording:
    """A unit's text as a Wording: a plain string (a unit written before, or outside) is
    English. A blank string stays as it is, for check-kb to name as missing."""
    return Wording(value) if isinstance(value, str) and value.strip() else value


def _in(value: Any, code: str) -> Any:
    """A Wording in language `code`; any other value (a plain string) as it is."""
    return value.in_(code) if isinstance(value, Wording) else value


def _has(value: Any, code: str) -> bool:
    return value.has(code) if isinstance(value, Wording) else True
