"""The three ways a run can fail, each mapped to one exit status by the CLI."""


class InputError(Exception):
    """Bad input or usage: the message names the problem; exit status 2."""


class KnowledgeError(Exception):
    """The knowledge base is inconsistent or too large for the engine to load."""


class EngineFault(Exception):
    """A rule action failed inside durable-rules; exit status 1."""
