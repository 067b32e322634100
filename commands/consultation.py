"""The consultation in the terminal (`--ask`): the interview engine's face, one question at a time.

Questions and messages go to standard error, so standard output carries only
the report. On a terminal the answer is typed after the question (rich's
prompt, with line editing); otherwise each question is printed on its own line
and one answer is read per line, so a consultation can be scripted. Ctrl-C or
the end of input stops the asking: the answers given so far are saved and the
report of those facts follows, as after the last question.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from rich.console import Console
from rich.markup import escape

from engine.consultation.answers import SAYS_YES, fold, ways_of_saying
from engine.consultation.interview import Interviewer, Question, Step, progress
from engine.errors import InputError
from engine.facts.edits import FactData
from engine.outcome import ConsultationStep
from visualise.files import free_name, write_atomically
from visualise.interview import help_text, hint, question_text
from visualise.json_text import indented
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
    interviewer: Interviewer,
    data: FactData,
    source: Path | None,
    stdin: IO[str],
    stderr: IO[str],
    language: Language,
) -> tuple[FactData, Path | None]:
    """Ask until no question is worth asking, input ends or Ctrl-C; save the facts.

    Returns the facts and the file saved to (None when nothing was answered).
    """
    _ = language.gettext
    terminal = _Terminal(stdin, stderr)
    terminal.say(
        _(
            "[bold]paydoctor consultation[/]: answer in your own words; press Enter when you"
            " do not know. Ctrl-C stops and shows the report of what you answered."
        )
    )
    answers = _Answers(data)
    try:
        how = _ask_all(interviewer, answers, terminal, language)
    except KeyboardInterrupt:
        terminal.say()
        how = _("interrupted")
    return answers.data, _save(answers, source, terminal, language, how)


class _Answers:
    """The facts as answered so far: what Ctrl-C, whenever it comes, saves."""

    def __init__(self, data: FactData):
        self.started = self.data = data


def _ask_all(
    interviewer: Interviewer, answers: _Answers, terminal: _Terminal, language: Language
) -> str:
    """Ask every question worth asking; how the asking ended.

    Questions are numbered one by one from where the facts started: one answer may
    write several facts ("nothing" to a wallet's notice), which `asked` counts.
    """
    _ = language.gettext
    shown, number = 0, 0
    while not (step := interviewer.step(answers.data)).done:
        question = step.question
        assert question is not None
        shown = progress(step.asked, step.left, shown)
        number = number + 1 if number else step.asked + 1
        terminal.say()
        line = _("Question {number} · {percent}% done").format(number=number, percent=shown)
        terminal.say(f"[dim]{line}[/]")
        try:
            answers.data = _ask_one(interviewer, answers.data, step, question, terminal, language)
        except EOFError:
            return _("input ended")
    terminal.say()
    terminal.say(_("No question left is worth asking."))
    return _("done")


def _ask_one(
    interviewer: Interviewer,
    data: FactData,
    step: Step,
    question: Question,
    terminal: _Terminal,
    language: Language,
) -> FactData:
    prompt = f"[bold]{escape(question_text(question, step.facts, language))}[/]"
    found = help_text(question, language)
    if found:
        prompt += f"\n[dim]{escape(found)}[/]"
    if question.kind.name in ("choice", "choices") or question.ask.nothing or question.ask.never:
        prompt += f"\n{escape(hint(question, language))}"
    while True:
        try:
            typed = terminal.read(prompt)
            # Taken as asked (a list, or alone), so the step is not made again to know which.
            listed = question if question.ticks else None
            return interviewer.answer(data, question.fact, typed, listed, alone=listed is None)
        except InputError as error:
            # Shown on the screen of the person who just typed it: as they typed it.
            problem = escape(language.text(error.shown_back or error.message))
            terminal.say(
                "[red]✘[/] "
                + language.gettext("{problem}; please answer again").format(problem=problem)
            )


def show_step(
    consultation: ConsultationStep, out: IO[str], reveal: bool, language: Language
) -> None:
    """`interview --format text`: the next question with its help and answers, or the report."""
    _ = language.gettext
    console = Console(file=out, highlight=False, emoji=False, soft_wrap=True)
    step, outcome = consultation.step, consultation.outcome
    question = step.question
    if question is None:
        from visualise.text import text_report

        console.print(_("No question left is worth asking: the report follows."), crop=False)
        report = text_report(
            outcome.diagnosis, out, reveal, outcome.plan_check, language, outcome.next_steps
        )
        out.write(report)
        return
    line = _("Question {number} · {percent}% done").format(
        number=step.asked + 1, percent=progress(step.asked, step.left)
    )
    console.print(f"[dim]{line}[/]", crop=False)
    console.print(f"[bold]{escape(question_text(question, step.facts, language))}[/]", crop=False)
    found = help_text(question, language)
    if found:
        console.print(escape(found), crop=False)
    accepted = hint(question, language)
    if accepted:
        console.print(escape(accepted), crop=False)


def _save(
    answers: _Answers, source: Path | None, terminal: _Terminal, language: Language, how: str
) -> Path | None:
    _ = language.gettext
    data = answers.data
    if data == answers.started:
        terminal.say(_("{how}: no answers were given, so nothing was saved").format(how=how))
        return None
    path = _target(source, terminal, language)
    text = indented(data)
    write_atomically(path, text.encode(), protect=(source,) if source else ())
    terminal.say(
        _("{how}: saved the facts with your answers to [bold]{path}[/]").format(
            how=how, path=escape(str(path))
        )
    )
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
        if fold(reply) in ways_of_saying(SAYS_YES):
            return first
    return free_name(first)
