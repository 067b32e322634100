"""`docs/knowledge-base.md`, generated from the knowledge base so it can never drift from it.

Regenerate with `python cli.py rules --format markdown > docs/knowledge-base.md`;
a test fails when the file differs from what this module renders.
"""

from __future__ import annotations

from engine.authoring.rules import (
    FALSE,
    TRUE,
    UNKNOWN,
    Cause,
    Example,
    When,
    Workaround,
)
from engine.kb.base import KnowledgeBase
from engine.kb.order import cause_graph, fix_order
from engine.text.translatable import N_
from visualise.conditions import plain
from visualise.language import ENGLISH, Language

REGENERATE = "python cli.py rules --format markdown > docs/knowledge-base.md"

_OUTCOME = {None: N_("not reported")}


def render_kb_markdown(kb: KnowledgeBase, language: Language = ENGLISH) -> str:
    """The whole knowledge base as one Markdown document, in fix order, in `language`."""
    _ = language.gettext
    order = fix_order(kb.causes, kb.layers)
    lines = [
        _("# The knowledge base"),
        "",
        f"<!-- Generated from knowledge/ by `{REGENERATE}`; do not edit by hand. -->",
        "",
        _(
            "{causes} causes, {workarounds} workarounds and {conclusions} conclusions, each one"
            " unit in `knowledge/` (see [adding-a-rule.md](adding-a-rule.md)). Fixes happen in"
            " the order of the layers, {layers}; within a layer, `after` edges decide. Causes"
            " are listed here in that fix order."
        ).format(
            causes=len(kb.causes),
            workarounds=len(kb.workarounds),
            conclusions=len(kb.conclusions),
            layers=" → ".join(layer.key for layer in kb.layers),
        ),
        "",
        _("## Causes"),
        "",
    ]
    for layer in (layer.key for layer in kb.layers):
        ids = [cause_id for cause_id in order if kb.cause(cause_id).layer == layer]
        if ids:
            lines.append(f"- {layer}: " + ", ".join(f"[`{i}`](#{i})" for i in ids))
    lines.append("")
    for position, cause_id in enumerate(order, start=1):
        lines += _cause(kb, kb.cause(cause_id), position, len(order), language)
    lines += [
        _("## Workarounds"),
        "",
        _("Offered beside the fix plan, never instead of it."),
        "",
    ]
    for workaround in kb.workarounds:
        lines += _workaround(kb, workaround, language)
    lines += _conclusions(kb, language)
    lines += _observations(kb, language)
    lines += _messages(kb, language)
    return "\n".join(lines).rstrip("\n") + "\n"


def _cause(
    kb: KnowledgeBase, cause: Cause, position: int, total: int, language: Language
) -> list[str]:
    _, words = language.gettext, language.words
    graph = cause_graph(kb.causes)
    fixed_after = list(graph.predecessors(cause.key))
    fixed_before = list(graph.successors(cause.key))
    order = _("Step {position} of {total} in the fix order ({layer} layer)").format(
        position=position, total=total, layer=cause.layer
    )
    if fixed_after:
        order += _("; fixed after {causes}").format(causes=_codes(fixed_after))
    if fixed_before:
        order += _("; fixed before {causes}").format(causes=_codes(fixed_before))
    lines = [
        f'<a id="{cause.key}"></a>',
        f"### `{cause.key}`: {words(cause.title)}",
        "",
        _("**What it means.** {text}").format(text=words(cause.explanation)),
        "",
        *(
            _conditions(kb, _("Confirmed when"), cause.confirmed, language)
            if cause.confirmed
            else [_("**Confirmed when:** never by the facts alone; it is only suspected."), ""]
        ),
        *_suspected(kb, cause, language),
        _("**Fix:**"),
        "",
    ]
    for number, fix in enumerate(cause.fixes, start=1):
        lines.append(f"{number}. *{words(fix.where)}*: {words(fix.action)}")
        if fix.say is not None and fix.place.reads is None:
            shown = _("Say this on the call, in the card's own language: {sentence}")
            lines.append("   " + shown.format(sentence=f"“{words(fix.say)}”"))
        elif fix.say is not None:
            sentence = fix.say.in_(fix.place.reads)
            meaning = "" if language.code == fix.place.reads else f" ({words(fix.say)})"
            shown = _("Show this to the staff: {sentence}").format(sentence=f"“{sentence}”")
            lines.append(f"   {shown}{meaning}")
    lines += [
        "",
        _("**Order.** {order}.").format(order=order),
        "",
        _("**Source:**"),
        "",
        f"> {cause.source}",
        "",
        *_dated(cause, language),
        *_examples(cause.examples, language),
    ]
    return lines


def _dated(unit: Cause | Workaround, language: Language) -> list[str]:
    """How fresh the unit is: when its sources were read, from when it holds."""
    _ = language.gettext
    parts = []
    if unit.sources_read:
        parts.append(_("Sources read {date}").format(date=unit.sources_read))
    if unit.holds_from:
        parts.append(_("holds from {date}").format(date=unit.holds_from))
    return [_("**Dated.** {parts}.").format(parts=_("; ").join(parts)), ""] if parts else []


def _codes(ids) -> str:
    return ", ".join(f"`{i}`" for i in ids)


def _workaround(kb: KnowledgeBase, workaround: Workaround, language: Language) -> list[str]:
    _, words = language.gettext, language.words
    return [
        f'<a id="{workaround.id}"></a>',
        f"### `{workaround.id}`: {words(workaround.title)}",
        "",
        _("**What it means.** {text}").format(text=words(workaround.explanation)),
        "",
        *_conditions(kb, _("Offered when"), workaround.offered, language),
        _("**Steps:**"),
        "",
        *(f"{n}. {words(step)}" for n, step in enumerate(workaround.steps, start=1)),
        "",
        _("**Source:**"),
        "",
        f"> {workaround.source}",
        "",
        *_dated(workaround, language),
        *_examples(workaround.examples, language),
    ]


def _conditions(
    kb: KnowledgeBase, heading: str, alternatives: tuple[When, ...], language: Language
) -> list[str]:
    bullets = [_alternative(kb, alternative, language) for alternative in alternatives]
    return _bullets(heading, bullets, language)


def _alternative(kb: KnowledgeBase, alternative: When, language: Language) -> str:
    return language.gettext("; and ").join(plain(test, kb, language) for test in alternative.tests)


def _suspected(kb: KnowledgeBase, cause: Cause, language: Language) -> list[str]:
    """The cause's own suspected conditions, and the error messages that point at it."""
    _ = language.gettext
    bullets = [_alternative(kb, alternative, language) for alternative in cause.suspected]
    phrases = [phrase for message in cause.messages for phrase in message.phrases]
    if phrases:
        shown = ", ".join(f"“{phrase}”" for phrase in phrases)
        bullets.append(
            _(
                "the error message mentions {phrases}, and the facts neither confirm nor rule"
                " it out"
            ).format(phrases=shown)
        )
    return _bullets(_("Suspected when"), bullets, language)


def _bullets(heading: str, bullets: list[str], language: Language) -> list[str]:
    if not bullets:
        return []
    lead = (
        language.gettext("**{heading} any of:**")
        if len(bullets) > 1
        else language.gettext("**{heading}:**")
    ).format(heading=heading)
    return [lead, "", *(f"- {bullet}" for bullet in bullets), ""]


def _examples(examples: tuple[Example, ...], language: Language) -> list[str]:
    if not examples:
        return []
    _ = language.gettext
    lines = [_("**Examples** (run by `python cli.py check-kb`):"), ""]
    for example in examples:
        outcome = _(_OUTCOME[example.expect]) if example.expect is None else example.expect
        lines.append(f"- {outcome}: {example.note}")
    return [*lines, ""]


def _conclusions(kb: KnowledgeBase, language: Language) -> list[str]:
    """Each conclusion: the fact its rules derive for other rules, when, and who reads it."""
    if not kb.conclusions:
        return []
    _ = language.gettext
    lines = [
        _("## Conclusions"),
        "",
        _(
            "Facts that rules derive once for many rules to consume (forward chaining): a"
            " condition reads one as `concluded(name)`, and the trace and the diagram show the"
            " chain rule → concluded fact → rule."
        ),
        "",
    ]
    compiled = kb.compile()
    for conclusion in kb.conclusions:
        readers = sorted(
            {
                rule.target
                for rule in compiled
                if any(t.name == conclusion.name for t in rule.when.tests if t.kind.chained)
            }
        )
        lines += [f'<a id="{conclusion.name}"></a>', f"### `{conclusion.name}`", ""]
        meaning = language.words(conclusion.meaning)
        lines += [
            _("**What it means.** {text}").format(
                # translators: a sentence made of a phrase, with its full stop.
                text=_("{phrase}.").format(phrase=f"{meaning[0].upper()}{meaning[1:]}")
            ),
            "",
        ]
        for value, alternatives in conclusion.alternatives():
            bullets = [_alternative(kb, alternative, language) for alternative in alternatives]
            lines += _bullets(_(_WHEN[value]), bullets, language)
        if readers:
            lines += [_("**Read by:** ") + ", ".join(f"[`{r}`](#{r})" for r in readers), ""]
        lines += _examples(conclusion.examples, language)
    return lines


_WHEN = {TRUE: N_("True when"), FALSE: N_("False when"), UNKNOWN: N_("Unknown when")}


def _observations(kb: KnowledgeBase, language: Language) -> list[str]:
    _ = language.gettext
    rows = [
        (f"`{o.name}`", language.words(o.meaning), ", ".join(f"`{path}`" for path in o.reads))
        for o in kb.observations
    ]
    return _table(
        _("Observations"),
        _(
            "Derived facts the conditions test; each is true, false or unknown. Names starting"
            " with `card.` are observed once per bank card."
        ),
        (_("name"), _("meaning"), _("reads")),
        rows,
    )


def _messages(kb: KnowledgeBase, language: Language) -> list[str]:
    _ = language.gettext
    rows = [
        (
            ", ".join(f"“{p}”" for p in pattern.phrases),
            language.words(pattern.meaning),
            ", ".join(f"[`{i}`](#{i})" for i in pattern.points_at),
        )
        for pattern in kb.messages
    ]
    return _table(
        _("Error messages"),
        _(
            "Words matched anywhere in `symptom.error_message`, ignoring case. A message that"
            " points at a cause makes it at least suspected where the facts leave it open."
        ),
        (_("phrases"), _("meaning"), _("points at")),
        rows,
    )


def _table(
    heading: str, intro: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]
) -> list[str]:
    """A section of its own: heading, a sentence, then a markdown table."""
    return [
        f"## {heading}",
        "",
        intro,
        "",
        "| " + " | ".join(columns) + " |",
        "|" + " --- |" * len(columns),
        *("| " + " | ".join(row) + " |" for row in rows),
        "",
    ]
