"""Conditions in words: compact for the `rules` table, plain for the generated docs."""

from __future__ import annotations

from engine.knowledge_base import KnowledgeBase
from engine.rules import FALSE, TRUE, UNKNOWN, Test, When


def brief_alternatives(alternatives: tuple[When, ...]) -> str:
    """Alternatives on one line: `a and b`, or `(1) a and b; (2) c`."""
    lines = [alt.describe() for alt in alternatives]
    if len(lines) <= 1:
        return "".join(lines)
    return "; ".join(f"({n}) {line}" for n, line in enumerate(lines, start=1))


def _words(values: frozenset[str]) -> str:
    shown = [f"`{v}`" for v in sorted(values)]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def plain(test: Test, kb: KnowledgeBase) -> str:
    """One test as a sentence fragment, using the observation's own meaning where there is one."""
    name = test.name.split(":", 1)[-1]
    if test.kind == "known":
        return f"`{name}` is {'known' if TRUE in test.values else 'not known'}"
    if test.kind == "message":
        return f"the error message points at `{name}`"
    if test.kind == "finding":
        return f"a cause in the {' or '.join(sorted(test.values))} layer is reported"
    if test.kind == "fact":
        return f"`{name}` is {_words(test.values)}"
    observation = kb.observation(name)
    meaning = observation.meaning if observation else name
    if test.values == {TRUE}:
        return f"{meaning} (`{name}`)"
    if test.values == {FALSE}:
        return f"not: {meaning} (`{name}`)"
    if test.values == {UNKNOWN}:
        return f"not known whether {meaning} (`{name}`)"
    return f"`{name}` is {_words(test.values)}"
