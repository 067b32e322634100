"""The consultation in the terminal (`--ask`): ask, re-ask on a bad answer, save the facts.

Questions and messages go to standard error, so standard output carries only
the report. On a terminal the answer is typed after the question (rich's
prompt, with line editing); otherwise each question is printed on its own line
and one answer is read per line, so a consultation can be scripted. Ctrl-C or
the end of input stops the asking and saves the answers given so far.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.markup import escape

from engine.consult import Consultation, Question
from engine.errors import InputError
from visualise.files import write_atomically

DEFAULT_NAME = "paydoctor-facts.json"


class _Terminal:
    """One line of input at a time, with prompts and messages on standard error."""

    def __init__(self, stdin: IO[str], stderr: IO[str]):
        self.stdin = stdin
        self.interactive = stdin.isatty()
        # Scripted runs get one line per message, unwrapped; ":codes:" in answers stay as typed.
        self.console = Console(
            file=stderr, highlight=False, emoji=False, soft_wrap=not self.interactive
        )

    def say(self, markup: str = "") -> None:
        if self.interactive:
            self.console.print(markup, overflow="fold")
        else:
            self.console.print(markup, crop=False)

    def read(self, prompt: str) -> str:
        """One answer; EOFError at the end of input."""
        if self.interactive:
            return self.console.input(f"{prompt} [bold]›[/] ")
        self.say(prompt)
        line = self.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")


def consult(
    consultation: Consultation, source: Path | None, stdin: IO[str], stderr: IO[str]
) -> None:
    """Ask until no question is left or input ends; save the facts and say where.

    Ctrl-C saves too, then propagates as KeyboardInterrupt.
    """
    terminal = _Terminal(stdin, stderr)
    terminal.say(
        "[bold]paydoctor consultation[/]: press Enter when you do not know an answer;"
        " Ctrl-C stops and keeps what you answered."
    )
    try:
        ended = _ask_all(consultation, terminal)
    except KeyboardInterrupt:
        terminal.say()
        _save(consultation, source, terminal, "interrupted")
        raise
    _save(consultation, source, terminal, "input ended" if ended else "done")


def _ask_all(consultation: Consultation, terminal: _Terminal) -> bool:
    """Ask every question worth asking; True if input ended first."""
    number = 0
    while questions := consultation.questions():
        number += 1
        question = questions[0]
        terminal.say()
        decides = ", ".join(question.decides[:3]) + (
            f" and {len(question.decides) - 3} more" if len(question.decides) > 3 else ""
        )
        terminal.say(
            f"[dim]Question {number} · {len(questions) - 1} more worth asking now"
            f" · decides {decides}[/]"
        )
        try:
            _ask_one(consultation, question, terminal)
        except EOFError:
            return True
    return False


def _ask_one(consultation: Consultation, question: Question, terminal: _Terminal) -> None:
    card = (
        f"[bold]{consultation.card_label(question.card, question.cards)}[/]: "
        if question.card is not None
        else ""
    )
    hint = question.kind.hint()
    shown = f" [dim]({escape(hint)})[/]" if hint and hint not in question.text else ""
    prompt = f"{card}{escape(question.text)}{shown}"
    while True:
        try:
            consultation.answer(question, terminal.read(prompt))
            return
        except InputError as error:
            terminal.say(f"[red]✘[/] {escape(str(error))}; please answer again")


def _save(consultation: Consultation, source: Path | None, terminal: _Terminal, how: str) -> None:
    count = len(consultation.answered)
    if not count:
        terminal.say(f"{how}: no answers were given, so nothing was saved")
        return
    path = _target(source, terminal)
    data = json.dumps(consultation.data, ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, data.encode(), protect=(source,) if source else ())
    answers = f"{count} answer{'s' * (count != 1)}"
    terminal.say(f"{how}: saved the facts with your {answers} to [bold]{escape(str(path))}[/]")


def _target(source: Path | None, terminal: _Terminal) -> Path:
    """The file to save to: beside the facts file read, else in the current folder.

    An existing file is overwritten only when the person says so; otherwise
    the first free name with a number is used. The facts file read is never
    the target.
    """
    first = source.with_name(f"{source.stem}-answered.json") if source else Path(DEFAULT_NAME)
    if first.exists():
        try:
            reply = terminal.read(f"{escape(str(first))} exists. Overwrite it? [dim](yes or no)[/]")
        except (EOFError, KeyboardInterrupt):
            reply = "no"
        if reply.strip().casefold() in ("y", "yes"):
            return first
    candidate, number = first, 1
    while candidate.exists():
        number += 1
        candidate = first.with_name(f"{first.stem}-{number}{first.suffix}")
    return candidate
