"""The three ways a run can fail, each mapped to one exit status by the CLI.

`InputError` and `KnowledgeError` carry a `Message`, so the CLI or a web page
shows it in its reader's language; `str(error)` is the English.
"""

from typing import Any

from engine.text.translatable import Message


class _Explained(Exception):
    """An error whose message is a template with named values, translated when shown."""

    def __init__(self, message: str | Message, **params: Any):
        self.message = message if isinstance(message, Message) else Message(message, **params)
        super().__init__(str(self.message))


class InputError(_Explained):
    """Bad input or usage: the message names the problem; exit status 2.

    `shown_back`, when set, is the same message quoting what a person typed as typed: only the
    consultation's own screen (the terminal prompt, the page answering them) shows it."""

    shown_back: Message | None = None


class KnowledgeError(_Explained):
    """The knowledge base is inconsistent or too large for the engine to load."""


class EngineFault(Exception):
    """A rule action failed inside durable-rules; exit status 1."""
