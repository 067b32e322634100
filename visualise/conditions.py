"""Conditions in words: compact for the `rules` table, plain for the generated docs."""

from __future__ import annotations

from engine.authoring.rules import FALSE, TRUE, UNKNOWN, Test, TestKind, When
from engine.kb.base import KnowledgeBase
from visualise.language import ENGLISH, Language


def brief_alternatives(alternatives: tuple[When, ...]) -> str:
    """Alternatives on one line: `a and b`, or `(1) a and b; (2) c`."""
    lines = [alt.describe() for alt in alternatives]
    if len(lines) <= 1:
        return "".join(lines)
    return "; ".join(f"({n}) {line}" for n, line in enumerate(lines, start=1))


def _words(values: frozenset[str], language: Language) -> str:
    shown = [f"`{v}`" for v in sorted(values)]
    if len(shown) == 1:
        return shown[0]
    return language.gettext("{values} or {last}").format(
        values=", ".join(shown[:-1]), last=shown[-1]
    )


def plain(test: Test, kb: KnowledgeBase, language: Language = ENGLISH) -> str:
    """One test as a sentence fragment, using the observation's own meaning where there is one."""
    _ = language.gettext
    name = test.subject_name
    if test.kind == TestKind.KNOWN:
        known = _("`{name}` is known") if TRUE in test.values else _("`{name}` is not known")
        return known.format(name=name)
    if test.kind == TestKind.MESSAGE:
        return _("the error message points at `{name}`").format(name=name)
    if test.kind == TestKind.FINDING:
        layers = _(" or ").join(sorted(test.values))
        return _("a cause in the {layers} layer is reported").format(layers=layers)
    if test.kind == TestKind.REPORTED:
        statuses = _(" or ").join(_(status) for status in sorted(test.values))
        return _("[`{name}`](#{name}) is {statuses}").format(name=name, statuses=statuses)
    if test.kind == TestKind.FACT:
        return _("`{name}` is {values}").format(name=name, values=_words(test.values, language))
    defined = kb.conclusion(name) if test.kind == TestKind.CONCLUDED else kb.observation(name)
    meaning = language.words(defined.meaning) if defined else name
    if test.values == {TRUE}:
        return _("{meaning} (`{name}`)").format(meaning=meaning, name=name)
    if test.values == {FALSE}:
        return _("not: {meaning} (`{name}`)").format(meaning=meaning, name=name)
    if test.values == {UNKNOWN}:
        return _("not known whether {meaning} (`{name}`)").format(meaning=meaning, name=name)
    return _("`{name}` is {values}").format(name=name, values=_words(test.values, language))
