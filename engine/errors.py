"""The three ways a run can fail, each mapped to one exit status by the CLI.

`InputError` and `KnowledgeError` carry a `Message`, so the CLI or a web page
shows it in its reader's language; `str(error)` is the English.
"""

from typing import Any

from engine.translatable import Message


class _Explained(Exception):
    """An error whose message is a template with named values, translated when shown."""

    def __init__(self, message: str | Message, **params: Any):
        self.message = message if isinstance(message, Message) else Message(message, **params)
        super().__init__(str(self.message))


class InputError(_Explained):
    """Bad input or usage: the message names the problem; exit status 2."""


class KnowledgeError(_Explained):
    """The knowledge base is inconsistent or too large for the engine to load."""


class EngineFault(Exception):
    """A rule action failed inside durable-rules; exit status 1."""
