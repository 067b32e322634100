"""An explanation (`--explain ID`) in the terminal: how, or why not, then the fix.

Uses the report's writer, so colour, piping and wrapping behave as in the report.
"""

from __future__ import annotations

import re
from datetime import date
from typing import IO

from rich.markup import escape

from engine.authoring.rules import Cause
from engine.kb.base import KnowledgeBase
from engine.reasoning.evaluate import FAILS
from engine.reasoning.explain import WORKAROUND, Explanation, marked
from engine.reasoning.observe import Observed
from engine.text.translatable import N_
from visualise.conditions import plain
from visualise.language import ENGLISH, Language
from visualise.text import TerminalWriter, say_to_staff, status_markers

_OTHER_STATUS = {"offered": ("bold green", N_("✔ OFFERED")), None: ("bold", N_("✘ NOT REPORTED"))}


def render_explanation_text(
    explanation: Explanation,
    kb: KnowledgeBase,
    as_of: date,
    file: IO[str],
    reveal: bool = False,
    language: Language = ENGLISH,
) -> None:
    _ = language.gettext
    out = TerminalWriter(file)
    unit = explanation.unit
    where = (
        language.words(kb.layer(unit.layer).label) if isinstance(unit, Cause) else _("workaround")
    )
    out.line(
        _("[bold]paydoctor[/] explains [bold]{id}[/] for {date}").format(
            id=unit.id, date=as_of.isoformat()
        )
    )
    out.line()
    if explanation.status in _OTHER_STATUS:
        style, words = _OTHER_STATUS[explanation.status]
        marker = f"[{style}]{escape(_(words))}[/]"
    else:
        marker = status_markers(language)[explanation.status]
    out.item(
        0, marker, f"[bold]{escape(language.words(unit.title))}[/]\n[dim]{unit.id} · {where}[/]"
    )
    if explanation.chain:
        out.line()
        out.heading(_("How it was reached"), _("(rule firings, in order)"))
        for number, firing in enumerate(explanation.chain, start=1):
            concluded = "; ".join(firing.asserted)
            out.item(0, f"{number:>2}.", f"[bold]{firing.rule.id}[/] → {escape(concluded)}")
            condition = _(" and ").join(
                _words(test, kb, language) for test in firing.rule.when.tests
            )
            out.item(4, _("if"), f"[dim]{condition}[/]")
            for observed in firing.matched:
                out.item(4, "·", escape(_evidence(observed, reveal, language)))
    if explanation.unmet:
        out.line()
        heading = (
            _("Why it is not reported")
            if explanation.status is None
            else _("Why it is not confirmed")
        )
        out.heading(heading, _("(each condition, and the test it stops at)"))
        for result in explanation.unmet:
            rule = f"[bold]{result.rule.id}[/]"
            if result.subject:
                rule = _("{rule} for {subject}").format(rule=rule, subject=result.subject)
            verdict = (
                _("{rule} fails")
                if result.outcome == FAILS
                else _("{rule} is open: facts are missing")
            )
            out.item(0, " •", verdict.format(rule=rule))
            for test in result.failed:
                marker = "[red]✘[/]" if test.outcome == FAILS else "[yellow]?[/]"
                out.item(
                    4,
                    marker,
                    f"{_words(test.test, kb, language)}\n"
                    "[dim]"
                    + _("found: {evidence}").format(
                        evidence=escape(_evidence(test.observed, reveal, language))
                    )
                    + "[/]",
                )
    if explanation.would_decide:
        out.line()
        out.heading(_("Would change the answer"), _("(facts not known yet)"))
        for path in explanation.would_decide:
            question = explanation.questions.get(path)
            text = f"{escape(question)}\n[dim]{path}[/]" if question else path
            out.item(0, " ?", text)
    elif explanation.status is None and explanation.unmet:
        out.line()
        out.line(_("The known facts rule it out; no unknown fact would change that."))
    if explanation.message is not None:
        out.line()
        out.heading(_("Error message"), _("(the words read are marked «»)"))
        phrases = tuple(r.phrase for r in explanation.readings)
        shown = "".join(
            f"«[bold]{escape(text)}[/]»" if read else escape(text)
            for text, read in marked(explanation.message, phrases)
        )
        out.item(0, " ", f"“{shown}”")
        if not explanation.readings:
            out.item(0, " ·", _("no known phrase was read in it"))
        for reading in explanation.readings:
            mark = "[bold]→[/]" if unit.id in reading.points_at else "·"
            out.item(
                0,
                f" {mark}",
                _("read “{phrase}” ({meaning}): points at {causes}").format(
                    phrase=escape(reading.phrase),
                    meaning=escape(language.words(reading.meaning)),
                    causes=", ".join(reading.points_at),
                ),
            )
    if explanation.fixes or (explanation.kind == WORKAROUND and explanation.status):
        out.line()
        out.heading(_("What to do"))
        for step in explanation.fixes:
            where, action = language.words(step.where), language.words(step.action)
            line = _("{where}: {action}").format(
                where=f"[cyan]{escape(where)}[/]", action=escape(action)
            )
            out.item(0, f"{step.number:>2}.", line)
            if step.say is not None:
                say_to_staff(out, step, language)
        if explanation.kind == WORKAROUND:
            for step in unit.steps:
                out.item(0, " -", escape(language.words(step)))
    out.close()


def _words(test, kb: KnowledgeBase, language: Language) -> str:
    """A test in plain words; names of facts and observations in colour."""
    return re.sub(r"`([^`]*)`", r"[cyan]\1[/]", escape(plain(test, kb, language)))


def _evidence(observed: Observed, reveal: bool, language: Language) -> str:
    """What was observed, in words, with the facts it rests on by path (for who checks rules)."""
    if observed.evidence is None:
        return observed.describe()
    text = observed.evidence.render(reveal, language)
    facts = observed.evidence.facts
    return f"{text} [{', '.join(facts)}]" if facts else text
