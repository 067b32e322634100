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

from engine.consult import YES, Consultation, Question
from engine.errors import InputError
from visualise.files import free_name, write_atomically
from visualise.language import Language

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
    consultation: Consultation,
    source: Path | None,
    stdin: IO[str],
    stderr: IO[str],
    language: Language,
) -> Path | None:
    """Ask until no question is left or input ends; save the facts and say where.

    Returns the file saved to (None when nothing was answered). Ctrl-C saves
    too, then propagates as KeyboardInterrupt.
    """
    _ = language.gettext
    terminal = _Terminal(stdin, stderr)
    terminal.say(
        _(
            "[bold]paydoctor consultation[/]: press Enter when you do not know an answer;"
            " Ctrl-C stops and keeps what you answered."
        )
    )
    try:
        ended = _ask_all(consultation, terminal, language)
    except KeyboardInterrupt:
        terminal.say()
        _save(consultation, source, terminal, language, _("interrupted"))
        raise
    return _save(consultation, source, terminal, language, _("input ended") if ended else _("done"))


def _ask_all(consultation: Consultation, terminal: _Terminal, language: Language) -> bool:
    """Ask every question worth asking; True if input ended first."""
    _ = language.gettext
    number = 0
    while questions := consultation.questions():
        number += 1
        question = questions[0]
        terminal.say()
        decides = ", ".join(question.decides[:3])
        if len(question.decides) > 3:
            decides = _("{causes} and {count} more").format(
                causes=decides, count=len(question.decides) - 3
            )
        status = _("Question {number} · {more} more worth asking now · decides {causes}")
        terminal.say(
            f"[dim]{status.format(number=number, more=len(questions) - 1, causes=decides)}[/]"
        )
        try:
            _ask_one(consultation, question, terminal, language)
        except EOFError:
            return True
    return False


def _ask_one(
    consultation: Consultation, question: Question, terminal: _Terminal, language: Language
) -> None:
    hint = language.text(question.kind.hint())
    shown = f" [dim]({escape(hint)})[/]" if hint and hint not in question.text else ""
    prompt = f"{escape(question.text)}{shown}"
    if question.card is not None:
        card = escape(language.text(consultation.card_label(question.card, question.cards)))
        prompt = language.gettext("[bold]{card}[/]: {question}").format(card=card, question=prompt)
    while True:
        try:
            consultation.answer(question, terminal.read(prompt))
            return
        except InputError as error:
            problem = escape(language.text(error.message))
            terminal.say(
                "[red]✘[/] "
                + language.gettext("{problem}; please answer again").format(problem=problem)
            )


def _save(
    consultation: Consultation,
    source: Path | None,
    terminal: _Terminal,
    language: Language,
    how: str,
) -> Path | None:
    _ = language.gettext
    count = len(consultation.answered)
    if not count:
        terminal.say(_("{how}: no answers were given, so nothing was saved").format(how=how))
        return None
    path = _target(source, terminal, language)
    data = json.dumps(consultation.data, ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, data.encode(), protect=(source,) if source else ())
    saved = language.ngettext(
        "{how}: saved the facts with your {count} answer to [bold]{path}[/]",
        "{how}: saved the facts with your {count} answers to [bold]{path}[/]",
        count,
    )
    terminal.say(saved.format(how=how, count=count, path=escape(str(path))))
    return path


def _target(source: Path | None, terminal: _Terminal, language: Language) -> Path:
    """The file to save to: beside the facts file read, else in the current folder.

    An existing file is overwritten only when the person says so; otherwise
    the first free name with a number is used. The facts file read is never
    the target.
    """
    first = source.with_name(f"{source.stem}-answered.json") if source else Path(DEFAULT_NAME)
    if first.exists():
        try:
            question = language.gettext("{path} exists. Overwrite it? [dim](yes or no)[/]")
            reply = terminal.read(question.format(path=escape(str(first))))
        except (EOFError, KeyboardInterrupt):
            reply = "no"
        if reply.strip().casefold() in YES:
            return first
    return free_name(first)
