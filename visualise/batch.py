"""What a batch shows beside its records: a progress bar on a terminal, then a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from engine.batch import BatchSummary


@contextmanager
def progress(total: int, stream: TextIO) -> Iterator[Callable[[], None]]:
    """A function to call once per case; it draws a bar only when `stream` is a terminal."""
    console = Console(file=stream)
    if not console.is_terminal:
        yield lambda: None
        return
    columns = (
        TextColumn("diagnosing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("diagnosing", total=total)
        yield lambda: bar.advance(task)


def render_summary(summary: BatchSummary, seconds: float, stream: TextIO) -> None:
    """Cases, errors, and how many cases each cause was found in (most found first)."""
    console = Console(file=stream, highlight=False)
    rate = f", {summary.cases / seconds:,.0f} a second" if seconds > 0 else ""
    errors = f"{summary.errors:,} error{'s' if summary.errors != 1 else ''}"
    if summary.faults:
        errors += f" ({summary.faults:,} internal fault{'s' if summary.faults != 1 else ''})"
    console.print(f"{summary.cases:,} cases, {errors}, in {seconds:.1f} s{rate}")
    if not summary.causes:
        console.print("No cause was found in any case.")
        return
    table = Table("cause", "cases", box=None, pad_edge=False)
    for cause, count in sorted(summary.causes.items(), key=lambda item: (-item[1], item[0])):
        table.add_row(cause, f"{count:,}")
    table.columns[1].justify = "right"
    console.print(table)
