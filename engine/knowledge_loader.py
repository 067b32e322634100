"""Building a `KnowledgeBase` from the built-in `knowledge` package."""

from __future__ import annotations

from engine.knowledge_base import KnowledgeBase


def builtin_knowledge() -> KnowledgeBase:
    import knowledge

    return KnowledgeBase(
        causes=knowledge.CAUSES,
        workarounds=knowledge.WORKAROUNDS,
        observations=knowledge.OBSERVATIONS,
        messages=knowledge.MESSAGE_PATTERNS,
        questions=knowledge.QUESTIONS,
    )
