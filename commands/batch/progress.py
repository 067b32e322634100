"""What a batch shows beside its records: a progress bar on a terminal, then a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from commands.batch.runner import BatchSummary
from visualise.language import ENGLISH, Language


@contextmanager
def progress(
    total: int, stream: TextIO, language: Language = ENGLISH
) -> Iterator[Callable[[], None]]:
    """A function to call once per case; it draws a bar only when `stream` is a terminal."""
    console = Console(file=stream)
    if not console.is_terminal:
        yield lambda: None
        return
    columns = (
        TextColumn(language.gettext("diagnosing")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("diagnosing", total=total)
        yield lambda: bar.advance(task)


def render_summary(
    summary: BatchSummary, seconds: float, stream: TextIO, language: Language = ENGLISH
) -> None:
    """Cases, errors, and how many cases each cause was found in (most found first)."""
    _ = language.gettext
    console = Console(file=stream, highlight=False)
    errors = language.ngettext("{count} error", "{count} errors", summary.errors).format(
        count=f"{summary.errors:,}"
    )
    if summary.faults:
        faults = language.ngettext(
            "{count} internal fault", "{count} internal faults", summary.faults
        )
        errors = _("{errors} ({faults})").format(
            errors=errors, faults=faults.format(count=f"{summary.faults:,}")
        )
    line = language.ngettext(
        "{count} case, {errors}, in {seconds} s",
        "{count} cases, {errors}, in {seconds} s",
        summary.cases,
    ).format(count=f"{summary.cases:,}", errors=errors, seconds=f"{seconds:.1f}")
    if seconds > 0:
        line += _(", {rate} a second").format(rate=f"{summary.cases / seconds:,.0f}")
    console.print(line)
    if not summary.causes:
        console.print(_("No cause was found in any case."))
        return
    table = Table(_("cause"), _("cases"), box=None, pad_edge=False)
    for cause, count in sorted(summary.causes.items(), key=lambda item: (-item[1], item[0])):
        table.add_row(cause, f"{count:,}")
    table.columns[1].justify = "right"
    console.print(table)
