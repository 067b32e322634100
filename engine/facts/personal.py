"""Masking of personal data (passport, permit and phone numbers, names, addresses).

Values are tagged with their kind where they are produced and masked only when
rendered, so one switch (`reveal`) decides for every output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from engine.text.translatable import Message
from engine.text.wording import SOURCE_LANGUAGE, Wording

PASSPORT = "passport"
PERMIT = "permit"
PHONE = "phone"
NAME = "name"
ADDRESS = "address"
PERSONAL_KINDS = frozenset({PASSPORT, PERMIT, PHONE, NAME, ADDRESS})


def mask(value: str, kind: str | None) -> str:
    """Hide the middle of a personal value, keeping enough to tell values apart."""
    if kind not in PERSONAL_KINDS:
        return value
    if kind in (NAME, ADDRESS):
        return " ".join(word[:1] + "*" * (len(word) - 1) for word in value.split(" "))
    if kind == PHONE:
        # +8613800138000 -> +86 138****8000
        digits = value.lstrip("+")
        head = "+" + digits[:2] + " " if value.startswith("+") else ""
        body = digits[2:] if value.startswith("+") else digits
        if len(body) <= 4:
            return head + "*" * len(body)
        keep = 3 if len(body) >= 10 else 1
        return head + body[:keep] + "*" * (len(body) - keep - 4) + body[-4:]
    if len(value) <= 4:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 5) + value[-2:]


_AFTER_FIRST = re.compile(r"(?<=[^ ])[^ ]")
_DATE_SHAPED = re.compile(r"\d{1,4}([-/.])\d{1,2}(\1\d{1,4})?")


def mask_any(value: str) -> str:
    """Hide a value of any kind, as error messages quote what was typed, whatever the field.

    A value in the wrong place may be anyone's name or number, so each word keeps
    only its first character (as names do), which no name, number or address can
    be read from. A date-shaped value (`2026-02-30`, `27/11/2026`, `2026-13`) is
    quoted as typed: no name or document or phone number has that shape.
    """
    if _DATE_SHAPED.fullmatch(value):
        return value
    return _AFTER_FIRST.sub("*", value)


_NAME_OR_NUMBER = re.compile(r"\S*(\d|[^\W\d_a-z])\S*")
"""A word holding a digit, or a letter other than a-z (a capital, a Chinese character)."""


def mask_names_and_numbers(text: str) -> str:
    """Hide the words of a program's message that could be a name or a number, as a fault's
    message may quote a case's facts: `no card E12345678` -> `no card E********`.

    Words of lower-case a-z stay, so the message still says what went wrong.
    """
    return _NAME_OR_NUMBER.sub(lambda word: mask_any(word.group()), text)


@dataclass(frozen=True)
class Datum:
    """A value shown to the user, with the kind that decides whether it is masked."""

    value: str
    kind: str | None = None

    def render(self, reveal: bool) -> str:
        return self.value if reveal else mask(self.value, self.kind)


class Reader(Protocol):
    """Whoever a text is shown to: a language code and gettext for the program's words
    (`visualise.language.Language`)."""

    code: str

    def gettext(self, message: str) -> str: ...


@dataclass(frozen=True)
class Text:
    """A sentence whose `{0}`, `{1}`... slots hold data masked at render time.

    `template` is a unit's `Wording` (in each language), the program's own
    words (a `Message`, translated through the catalogs) or, for words no
    reader sees translated (a trace), a plain string. `facts` names the facts
    it rests on, by path, for scripts and `--explain`.
    """

    template: str | Wording | Message
    data: tuple[Datum, ...] = ()
    facts: tuple[str, ...] = ()

    def render(self, reveal: bool, reader: Reader | None = None) -> str:
        code = reader.code if reader else SOURCE_LANGUAGE
        shown = tuple(datum.render(reveal) for datum in self.data)
        if isinstance(self.template, Message):
            gettext = reader.gettext if reader else str
            return _sentence(self.template.render(gettext, code, shown))
        if isinstance(self.template, Wording):
            return _sentence(self.template.in_(code).format(*shown))
        return self.template.format(*shown)


def _sentence(text: str) -> str:
    """Evidence reads as a sentence: a phrase (a conclusion's meaning) starts with a capital."""
    return text[:1].upper() + text[1:]
