"""An explanation (`--explain ID`) in the terminal: how, or why not, then the fix.

Uses the report's writer, so colour, piping and wrapping behave as in the report.
"""

from __future__ import annotations

import re
from datetime import date
from typing import IO

from rich.markup import escape

from engine.evaluate import FAILS
from engine.explain import WORKAROUND, Explanation, marked
from engine.knowledge_base import KnowledgeBase
from engine.observe import Observed
from engine.rules import Cause
from visualise.conditions import plain
from visualise.layers import LAYER_NAMES
from visualise.text import TerminalWriter

_STATUS = {
    "confirmed": "[bold red]✔ CONFIRMED[/]",
    "suspected": "[bold yellow]? SUSPECTED[/]",
    "offered": "[bold green]✔ OFFERED[/]",
    None: "[bold]✘ NOT REPORTED[/]",
}


def render_explanation_text(
    explanation: Explanation, kb: KnowledgeBase, as_of: date, file: IO[str], reveal: bool = False
) -> None:
    out = TerminalWriter(file)
    unit = explanation.unit
    where = f" · {LAYER_NAMES[unit.layer]}" if isinstance(unit, Cause) else " · workaround"
    out.line(f"[bold]paydoctor[/] explains [bold]{unit.id}[/] for {as_of.isoformat()}")
    out.line()
    out.item(
        0, _STATUS[explanation.status], f"[bold]{escape(unit.title)}[/]\n[dim]{unit.id}{where}[/]"
    )
    if explanation.chain:
        out.line()
        out.line("[bold underline]How it was reached[/] (rule firings, in order)")
        for number, firing in enumerate(explanation.chain, start=1):
            concluded = "; ".join(firing.asserted)
            out.item(0, f"{number:>2}.", f"[bold]{firing.rule.id}[/] → {escape(concluded)}")
            condition = " and ".join(_words(test, kb) for test in firing.rule.when.tests)
            out.item(4, "if", f"[dim]{condition}[/]")
            for observed in firing.matched:
                out.item(4, "·", escape(_evidence(observed, reveal)))
    if explanation.unmet:
        out.line()
        heading = (
            "Why it is not reported" if explanation.status is None else "Why it is not confirmed"
        )
        out.line(f"[bold underline]{heading}[/] (each condition, and the test it stops at)")
        for result in explanation.unmet:
            subject = f" for {result.subject}" if result.subject else ""
            verdict = "fails" if result.outcome == FAILS else "is open: facts are missing"
            out.item(0, " •", f"[bold]{result.rule.id}[/]{subject} {verdict}")
            for test in result.failed:
                marker = "[red]✘[/]" if test.outcome == FAILS else "[yellow]?[/]"
                out.item(
                    4,
                    marker,
                    f"{_words(test.test, kb)}\n"
                    f"[dim]found: {escape(_evidence(test.observed, reveal))}[/]",
                )
    if explanation.would_decide:
        out.line()
        out.line("[bold underline]Would change the answer[/] (facts not known yet)")
        for path in explanation.would_decide:
            question = explanation.questions.get(path)
            text = f"{escape(question)}\n[dim]{path}[/]" if question else path
            out.item(0, " ?", text)
    elif explanation.status is None and explanation.unmet:
        out.line()
        out.line("The known facts rule it out; no unknown fact would change that.")
    if explanation.message is not None:
        out.line()
        out.line("[bold underline]Error message[/] (the words read are marked «»)")
        phrases = tuple(r.phrase for r in explanation.readings)
        shown = "".join(
            f"«[bold]{escape(text)}[/]»" if read else escape(text)
            for text, read in marked(explanation.message, phrases)
        )
        out.item(0, " ", f"“{shown}”")
        if not explanation.readings:
            out.item(0, " ·", "no known phrase was read in it")
        for reading in explanation.readings:
            mark = "[bold]→[/]" if unit.id in reading.points_at else "·"
            out.item(
                0,
                f" {mark}",
                f"read “{escape(reading.phrase)}” ({escape(reading.meaning)}):"
                f" points at {', '.join(reading.points_at)}",
            )
    if explanation.fixes or (explanation.kind == WORKAROUND and explanation.status):
        out.line()
        out.line("[bold underline]What to do[/]")
        for step in explanation.fixes:
            out.item(
                0, f"{step.number:>2}.", f"[cyan]{escape(step.where)}[/]: {escape(step.action)}"
            )
        if explanation.kind == WORKAROUND:
            for step in unit.steps:
                out.item(0, " -", escape(step))
    out.close()


def _words(test, kb: KnowledgeBase) -> str:
    """A test in plain words; names of facts and observations in colour."""
    return re.sub(r"`([^`]*)`", r"[cyan]\1[/]", escape(plain(test, kb)))


def _evidence(observed: Observed, reveal: bool) -> str:
    return observed.evidence.render(reveal) if observed.evidence else observed.describe()
