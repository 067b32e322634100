"""`docs/knowledge-base.md`, generated from the knowledge base so it can never drift from it.

Regenerate with `python cli.py rules --format markdown > docs/knowledge-base.md`;
a test fails when the file differs from what this module renders.
"""

from __future__ import annotations

from engine.knowledge_base import KnowledgeBase
from engine.plan import fix_order
from engine.rules import LAYERS, Cause, Example, When, Workaround
from engine.wording import in_language
from visualise.conditions import plain

REGENERATE = "python cli.py rules --format markdown > docs/knowledge-base.md"

_OUTCOME = {None: "not reported"}


def render_kb_markdown(kb: KnowledgeBase) -> str:
    """The whole knowledge base as one Markdown document, in fix order."""
    order = fix_order(kb.causes)
    lines = [
        "# The knowledge base",
        "",
        f"<!-- Generated from knowledge/ by `{REGENERATE}`; do not edit by hand. -->",
        "",
        f"{len(kb.causes)} causes, {len(kb.workarounds)} workarounds and"
        f" {len(kb.conclusions)} conclusions, each one unit in"
        " `knowledge/` (see [adding-a-rule.md](adding-a-rule.md)). Fixes happen in the order"
        f" of the layers, {' → '.join(LAYERS)}; within a layer, `after` edges decide. Causes"
        " are listed here in that fix order.",
        "",
        "## Causes",
        "",
    ]
    for layer in LAYERS:
        ids = [cause_id for cause_id in order if kb.cause(cause_id).layer == layer]
        if ids:
            lines.append(f"- {layer}: " + ", ".join(f"[`{i}`](#{i})" for i in ids))
    lines.append("")
    for position, cause_id in enumerate(order, start=1):
        lines += _cause(kb, kb.cause(cause_id), position, len(order))
    lines += ["## Workarounds", "", "Offered beside the fix plan, never instead of it.", ""]
    for workaround in kb.workarounds:
        lines += _workaround(kb, workaround)
    lines += _conclusions(kb)
    lines += _observations(kb)
    lines += _messages(kb)
    return "\n".join(lines).rstrip("\n") + "\n"


def _cause(kb: KnowledgeBase, cause: Cause, position: int, total: int) -> list[str]:
    fixed_before = [c.key for c in kb.causes if cause.key in c.after]
    order = f"Step {position} of {total} in the fix order ({cause.layer} layer)"
    if cause.after:
        order += "; fixed after " + ", ".join(f"`{i}`" for i in cause.after)
    if fixed_before:
        order += "; fixed before " + ", ".join(f"`{i}`" for i in fixed_before)
    lines = [
        f'<a id="{cause.key}"></a>',
        f"### `{cause.key}`: {cause.title}",
        "",
        f"**What it means.** {cause.explanation}",
        "",
        *_conditions(kb, "Confirmed when", cause.confirmed),
        *_suspected(kb, cause),
        "**Fix:**",
        "",
        *(f"{n}. *{fix.where}*: {fix.action}" for n, fix in enumerate(cause.fixes, start=1)),
        "",
        f"**Order.** {order}.",
        "",
        "**Source:**",
        "",
        f"> {cause.source}",
        "",
        *_examples(cause.examples),
    ]
    return lines


def _workaround(kb: KnowledgeBase, workaround: Workaround) -> list[str]:
    return [
        f'<a id="{workaround.id}"></a>',
        f"### `{workaround.id}`: {workaround.title}",
        "",
        f"**What it means.** {workaround.explanation}",
        "",
        *_conditions(kb, "Offered when", workaround.offered),
        "**Steps:**",
        "",
        *(f"{n}. {step}" for n, step in enumerate(workaround.steps, start=1)),
        "",
        "**Source:**",
        "",
        f"> {workaround.source}",
        "",
        *_examples(workaround.examples),
    ]


def _conditions(kb: KnowledgeBase, heading: str, alternatives: tuple[When, ...]) -> list[str]:
    return _bullets(heading, [_alternative(kb, alternative) for alternative in alternatives])


def _alternative(kb: KnowledgeBase, alternative: When) -> str:
    return "; and ".join(plain(test, kb) for test in alternative.tests)


def _suspected(kb: KnowledgeBase, cause: Cause) -> list[str]:
    """The cause's own suspected conditions, and the error messages that point at it."""
    bullets = [_alternative(kb, alternative) for alternative in cause.suspected]
    phrases = [phrase for message in cause.messages for phrase in message.phrases]
    if phrases:
        shown = ", ".join(f"“{phrase}”" for phrase in phrases)
        bullets.append(
            f"the error message mentions {shown}, and the facts neither confirm nor rule it out"
        )
    return _bullets("Suspected when", bullets)


def _bullets(heading: str, bullets: list[str]) -> list[str]:
    if not bullets:
        return []
    lead = f"**{heading}" + (" any of:**" if len(bullets) > 1 else ":**")
    return [lead, "", *(f"- {bullet}" for bullet in bullets), ""]


def _examples(examples: tuple[Example, ...]) -> list[str]:
    if not examples:
        return []
    lines = ["**Examples** (run by `python cli.py check-kb`):", ""]
    for example in examples:
        lines.append(f"- {_OUTCOME.get(example.expect, example.expect)}: {example.note}")
    return [*lines, ""]


def _conclusions(kb: KnowledgeBase) -> list[str]:
    """Each conclusion: the fact its rules derive for other rules, when, and who reads it."""
    if not kb.conclusions:
        return []
    lines = [
        "## Conclusions",
        "",
        "Facts that rules derive once for many rules to consume (forward chaining): a"
        " condition reads one as `concluded(name)`, and the trace and the diagram show the"
        " chain rule → concluded fact → rule.",
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
        lines += [
            f"**What it means.** {conclusion.meaning[0].upper()}{conclusion.meaning[1:]}.",
            "",
        ]
        for value, alternatives in conclusion.alternatives():
            bullets = [_alternative(kb, alternative) for alternative in alternatives]
            lines += _bullets(f"{value.capitalize()} when", bullets)
        if readers:
            lines += ["**Read by:** " + ", ".join(f"[`{r}`](#{r})" for r in readers), ""]
        lines += _examples(conclusion.examples)
    return lines


def _observations(kb: KnowledgeBase) -> list[str]:
    rows = [
        (f"`{o.name}`", in_language(o.meaning, "en"), ", ".join(f"`{path}`" for path in o.reads))
        for o in kb.observations
    ]
    return _table(
        "Observations",
        "Derived facts the conditions test; each is true, false or unknown. Names starting"
        " with `card.` are observed once per bank card.",
        ("name", "meaning", "reads"),
        rows,
    )


def _messages(kb: KnowledgeBase) -> list[str]:
    rows = [
        (
            ", ".join(f"“{p}”" for p in pattern.phrases),
            pattern.meaning,
            ", ".join(f"[`{i}`](#{i})" for i in pattern.points_at),
        )
        for pattern in kb.messages
    ]
    return _table(
        "Error messages",
        "Words matched anywhere in `symptom.error_message`, ignoring case. A message that"
        " points at a cause makes it at least suspected where the facts leave it open.",
        ("phrases", "meaning", "points at"),
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
