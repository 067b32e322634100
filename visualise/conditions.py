"""Conditions in words: compact for the `rules` table, plain for the generated docs."""

from __future__ import annotations

from engine.knowledge_base import KnowledgeBase
from engine.rules import FALSE, TRUE, UNKNOWN, Test, TestKind, When


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
    name = test.subject_name
    if test.kind == TestKind.KNOWN:
        return f"`{name}` is {'known' if TRUE in test.values else 'not known'}"
    if test.kind == TestKind.MESSAGE:
        return f"the error message points at `{name}`"
    if test.kind == TestKind.FINDING:
        return f"a cause in the {' or '.join(sorted(test.values))} layer is reported"
    if test.kind == TestKind.REPORTED:
        return f"[`{name}`](#{name}) is {' or '.join(sorted(test.values))}"
    if test.kind == TestKind.FACT:
        return f"`{name}` is {_words(test.values)}"
    defined = kb.conclusion(name) if test.kind == TestKind.CONCLUDED else kb.observation(name)
    meaning = defined.meaning if defined else name
    if test.values == {TRUE}:
        return f"{meaning} (`{name}`)"
    if test.values == {FALSE}:
        return f"not: {meaning} (`{name}`)"
    if test.values == {UNKNOWN}:
        return f"not known whether {meaning} (`{name}`)"
    return f"`{name}` is {_words(test.values)}"
