"""The `rules` command's output: the knowledge base as a table (terminal) or as data (JSON)."""

from __future__ import annotations

from typing import IO, Any

from rich import box
from rich.cells import cell_len
from rich.markup import escape
from rich.table import Table

from engine.kb.base import KnowledgeBase
from engine.kb.order import fix_order
from visualise.conditions import brief_alternatives
from visualise.json_text import indented
from visualise.language import ENGLISH, Language
from visualise.text import TerminalWriter, Wrapped


def rules_data(kb: KnowledgeBase, language: Language = ENGLISH) -> dict[str, Any]:
    """Each cause and workaround with its conditions on one line, order edges and example count;
    titles in `language`."""
    compiled = kb.compile()

    def rule_ids(unit_id: str) -> list[str]:
        return [rule.id for rule in compiled if rule.target == unit_id]

    return {
        "causes": [
            {
                "id": cause.id,
                "layer": cause.layer,
                "title": language.words(cause.title),
                "confirmed": brief_alternatives(cause.confirmed),
                "suspected": brief_alternatives(cause.suspected),
                "after": list(cause.after),
                "examples": len(cause.examples),
                "rules": rule_ids(cause.key),
                "sources_read": cause.sources_read,
                "holds_from": cause.holds_from,
            }
            for cause in map(kb.cause, fix_order(kb.causes))
        ],
        "workarounds": [
            {
                "id": workaround.id,
                "title": language.words(workaround.title),
                "offered": brief_alternatives(workaround.offered),
                "examples": len(workaround.examples),
                "rules": rule_ids(workaround.id),
                "sources_read": workaround.sources_read,
                "holds_from": workaround.holds_from,
            }
            for workaround in kb.workarounds
        ],
    }


def render_rules_json(kb: KnowledgeBase, language: Language = ENGLISH) -> str:
    return indented(rules_data(kb, language))


def render_rules_text(kb: KnowledgeBase, file: IO[str], language: Language = ENGLISH) -> None:
    """Causes then workarounds, one row each; conditions hang under their label when they wrap."""
    _ = language.gettext
    data = rules_data(kb, language)
    out = TerminalWriter(file)
    causes = _table(
        _("Causes ({count}), in fix order").format(count=len(data["causes"])),
        _("cause"),
        language,
    )
    for row in data["causes"]:
        details = {
            _("confirmed"): row["confirmed"],
            _("suspected"): row["suspected"],
            _("after"): ", ".join(row["after"]),
            _("dated"): dated(row, language),
        }
        causes.add_row(
            f"[bold]{escape(row['id'])}[/]\n[dim]{row['layer']}[/]",
            str(row["examples"]),
            _details(row["title"], details),
        )
    out.print(causes)
    workarounds = _table(
        _("Workarounds ({count})").format(count=len(data["workarounds"])),
        _("workaround"),
        language,
    )
    for row in data["workarounds"]:
        workarounds.add_row(
            f"[bold]{escape(row['id'])}[/]",
            str(row["examples"]),
            _details(
                row["title"], {_("offered"): row["offered"], _("dated"): dated(row, language)}
            ),
        )
    out.print(workarounds)
    out.close()


def dated(unit: dict[str, Any], language: Language) -> str:
    """When a unit's sources were read and from when it holds ("" when it says neither)."""
    _ = language.gettext
    parts = []
    if unit["sources_read"]:
        parts.append(_("sources read {date}").format(date=unit["sources_read"]))
    if unit["holds_from"]:
        parts.append(_("holds from {date}").format(date=unit["holds_from"]))
    return _("; ").join(parts)


def _table(title: str, unit: str, language: Language) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_lines=True)
    table.add_column(unit, no_wrap=True)
    table.add_column(language.gettext("examples"), justify="right", no_wrap=True)
    table.add_column(language.gettext("title, conditions and order"), ratio=1)
    return table


def _details(title: str, labelled: dict[str, str]) -> Table:
    grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
    grid.add_column(no_wrap=True, style="dim", width=max(map(cell_len, labelled)))
    grid.add_column(overflow="fold", ratio=1)
    grid.add_row("", Wrapped(f"[bold]{escape(title)}[/]"))
    for label, text in labelled.items():
        grid.add_row(label, Wrapped(escape(text)) if text else "[dim]-[/]")
    return grid
