"""The language a reader is shown: gettext catalogs compiled from `visualise/locale/`.

The program's words and the knowledge's (`engine.text.wording`) are written in
English and translated through the catalog of the reader's language
(`LANGUAGE/LC_MESSAGES/paydoctor.mo`, made by Babel: see `visualise/catalogs.py`).
The languages offered are English and every catalog found, so a new language
is a new `.po` file, not a code change. A
`Language` is passed to whatever shows text, never kept in a global, so one
process (a web server) can answer in two languages at once.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from engine.errors import InputError
from engine.text.translatable import Message
from engine.text.wording import SOURCE_LANGUAGE, Wording, catalog, offered

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Where the default language is read, the first one set winning (as POSIX orders them)."""


@dataclass(frozen=True)
class Language:
    """A language code and its translations, with gettext's names for using them."""

    code: str
    translations: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def words(self, text: Wording | Message | str) -> str:
        """A unit's text in this language (English where the unit does not say it in it), or
        the program's words around it (a `Message`) translated."""
        if isinstance(text, Message):
            return self.text(text)
        return text.in_(self.code) if isinstance(text, Wording) else text

    def text(self, message: Message) -> str:
        """An engine `Message` (an error's, a hint) filled in, in this language."""
        return message.render(self.gettext, self.code)


def available() -> tuple[str, ...]:
    """English, then every language with a compiled catalog, by code."""
    return offered()


@lru_cache
def language(code: str) -> Language:
    """The language `code` names (one of `available()`); InputError for any other."""
    if code not in available():
        from engine.facts.loading import shown_text  # a language's code may be anything typed

        raise InputError(
            "unknown language {code!r}: choose one of {choices}",
            code=shown_text(code),
            choices=", ".join(available()),
        )
    return Language(code, catalog(code))


ENGLISH = language(SOURCE_LANGUAGE)


def default_code(environ: Mapping[str, str] = os.environ) -> str:
    """The language the locale asks for (`zh_CN.UTF-8` -> `zh`) if offered, else English."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in available() else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE
