"""Words the program shows, kept in English with named blanks until they are shown.

The engine raises its messages before anyone knows who will read them (a
terminal in Chinese, a web page in English), so a `Message` holds the English
template and its values; whoever shows it fills it in through its own
language's `gettext` (`visualise.language`). Babel extracts the templates from
the calls of `Message`, `InputError` and `N_` (`visualise/catalogs.py`). A
KnowledgeError speaks to knowledge engineers, in English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.text.wording import SOURCE_LANGUAGE, Wording


def N_(message: str) -> str:
    """Mark a constant for translation where it is defined; it is translated where shown."""
    return message


def _english(message: str) -> str:
    return message


class Message:
    """An English template with `{named}` blanks and their values (themselves text or Messages)."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, **params: Any):
        self.template = template
        self.params = params

    def render(
        self,
        gettext: Callable[[str], str] = _english,
        code: str = SOURCE_LANGUAGE,
        positional: tuple[str, ...] = (),
    ) -> str:
        """The text in the language `gettext` translates into (`code`); English by default.

        A value that is itself a Message is translated too, and a unit's
        `Wording` is taken in language `code`. `positional` fills `{0}`, `{1}`...
        (the masked data of an evidence `Text`).
        """
        text = gettext(self.template) if self.template else self.template
        if not self.params and not positional:
            return text
        values = {name: _value(value, gettext, code) for name, value in self.params.items()}
        return text.format(*positional, **values)

    def __str__(self) -> str:
        return self.render()

    def __eq__(self, other: object) -> bool:
        """Two messages are equal when they would say the same in every language."""
        return (
            isinstance(other, Message)
            and self.template == other.template
            and self.params == other.params
        )

    def __hash__(self) -> int:
        return hash(self.template)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"


def _value(value: Any, gettext: Callable[[str], str], code: str) -> Any:
    if isinstance(value, Message):
        return value.render(gettext, code)
    if isinstance(value, Wording):
        return value.in_(code)
    return value
