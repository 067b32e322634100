"""The terminal report: causes with evidence, the numbered plan, workarounds, checks.

Colour on a terminal; plain text when piped or when NO_COLOR is set (rich
decides both). Wrapped lines hang under their text, not under their marker.
"""

from __future__ import annotations

import io
import itertools
import unicodedata
from functools import cache
from typing import IO, TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markup import escape
from rich.measure import Measurement
from rich.text import Text

from engine.kb.order import depth
from engine.planning.plan_check import PlanCheck
from engine.reasoning.diagnosis import Diagnosis, Step
from engine.text.translatable import N_
from visualise.language import ENGLISH, Language

_STATUS = {
    "confirmed": ("bold red", N_("✔ CONFIRMED")),
    "suspected": ("bold yellow", N_("? SUSPECTED")),
}

if TYPE_CHECKING:
    from engine.planning.next_steps import NextSteps


_STATUS_WORDS = {"confirmed": N_("confirmed"), "suspected": N_("suspected")}


def status_markers(language: Language) -> dict[str, str]:
    """Each finding status as the report shows it, in colour, padded to one width so that
    titles after them line up in any language."""
    words = {status: language.gettext(text) for status, (_style, text) in _STATUS.items()}
    width = max(map(cell_len, words.values()))
    return {
        status: f"[{style}]{escape(words[status])}[/]" + " " * (width - cell_len(words[status]))
        for status, (style, _text) in _STATUS.items()
    }


def wrap_columns(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` terminal columns (a Chinese character takes two),
    broken as `wrapped` breaks them."""
    lines = wrapped(_measuring_console(), Text(text), width)
    return [line.plain.rstrip() for line in lines] or [""]


_NO_LINE_START = frozenset("，。、；：！？）」』】》〉”’…")
"""Chinese punctuation that never begins a line (it closes what comes before it)."""
_NO_LINE_END = frozenset("（「『【《〈“‘")
"""Chinese punctuation that never ends a line (it opens what follows it)."""


def wrap_between_words(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken between Chinese characters (and
    kana) and at spaces between Latin (or Korean) words, never at a space beside a Chinese
    character: a number or a Latin word stays with the Chinese around it ("尾号 1234",
    "56 天"), as a space there only sets it apart. No line begins with a closing mark, nor
    ends with an opening one."""
    starts = [0, *_line_ends(text, width)]
    lines = [text[start:end].strip() for start, end in itertools.pairwise(starts)]
    return [line for line in lines if line] or [""]


def _line_ends(text: str, width: int) -> list[int]:
    """Where each line of `text` ends when it is wrapped as `wrap_between_words` does."""
    # A Chinese term in an English sentence ("holds (预留手机号), card 1") is one of its
    # words; a sentence written mostly in Chinese characters or kana breaks between them.
    letters = text.replace(" ", "")
    between_characters = 3 * sum(map(_wide, letters)) >= len(letters)
    breaks = [_breakable(text, i, between_characters) for i in range(len(text) + 1)]
    ends: list[int] = []
    start = 0
    while start < len(text):
        cut = None
        for end in range(start + 1, len(text) + 1):
            if not breaks[end]:
                continue
            fits = cell_len(text[start:end].rstrip()) <= width
            if fits or cut is None:
                cut = end  # a word longer than a line stands alone
            if not fits:
                break
        ends.append(cut)
        start = cut
    return ends


def wrapped(console: Console, text: Text, width: int) -> list[Text]:
    """`text` in lines of at most `width` columns, broken where `wrap_between_words`
    breaks (so Japanese is not broken only at the spaces around its numbers, nor Korean
    inside a word), its styles kept; a word longer than a line is folded."""
    width = max(width, 1)
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        for line in paragraph.divide(_line_ends(paragraph.plain, width)[:-1]):
            line.rstrip()
            if cell_len(line.plain) > width:
                lines.extend(line.wrap(console, width, overflow="fold"))
            else:
                lines.append(line)
    return lines


class Wrapped:
    """Markup a rich table lays out with `wrapped`, as the report wraps its lines (rich's own
    wrapping breaks Japanese only at its spaces)."""

    def __init__(self, markup: str):
        self.text = Text.from_markup(markup, emoji=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from wrapped(console, self.text, options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        starts = [0, *_line_ends(plain, 1)]
        words = [plain[start:end].strip() for start, end in itertools.pairwise(starts)]
        longest = max(map(cell_len, plain.split("\n")), default=0)
        return Measurement(max(map(cell_len, words), default=0), longest)


def _wide(character: str) -> bool:
    """A Chinese character or kana, written without spaces between words; not Hangul, which
    Korean spaces into words like Latin."""
    return unicodedata.east_asian_width(character) in "WF" and not _hangul(character)


def _hangul(character: str) -> bool:
    code = ord(character)
    return 0xAC00 <= code <= 0xD7FF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def _breakable(text: str, i: int, between_characters: bool) -> bool:
    """Whether a line may end before `text[i]` (between two Chinese characters or kana only
    when `between_characters`)."""
    if i in (0, len(text)):
        return i == len(text)
    before, after = text[i - 1], text[i]
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    if _wide(before) and _wide(after):
        return between_characters
    # At a space: between two Latin words, or after a sentence's end (the space goes with
    # the line before).
    if before == " " and after != " ":
        word_before = text[: i - 1].rstrip(" ")
        if word_before and word_before[-1] in _SENTENCE_END:
            return True
        return bool(word_before) and not _wide(word_before[-1]) and not _wide(after)
    return False


_SENTENCE_END = frozenset("。？！")


@cache
def _measuring_console() -> Console:
    """A console only for measuring text, never printed to."""
    return Console(file=io.StringIO(), width=1000)


class TerminalWriter:
    """Lays out lines for the target, then writes them trimmed in one go on `close`.

    Lines are wrapped by rich's `Text.wrap` and rendered in one print: a rich
    table per item lays out the same hanging indents at over 20 ms a report.
    """

    def __init__(self, file: IO[str]):
        target = Console(file=file)
        plain = not target.is_terminal or target.no_color  # NO_COLOR: no styles at all
        self.file = file
        self.console = Console(
            file=io.StringIO(),
            force_terminal=not plain,
            color_system=None if plain else target.color_system,
            width=target.width,
            height=target.height,  # with both set, rich does not ask the terminal again
            highlight=False,
            emoji=False,  # ":codes:" in a person's data stay as typed
        )
        self._lines: list[Text] = []

    def line(self, markup: str = "") -> None:
        self._lines.extend(self._wrap(Text.from_markup(markup, emoji=False), self.console.width))

    def heading(self, title: str, note: str = "") -> None:
        """A section's title, underlined, and a note in brackets after it (plain text both).

        A note in a full-width bracket (Chinese) needs no space before it.
        """
        space = "" if not note or cell_len(note[0]) == 2 else " "
        self.line(f"[bold underline]{escape(title)}[/]{space}{escape(note)}")

    def item(self, indent: int, marker: str, markup: str) -> None:
        """`marker` after `indent` + 1 columns, then text wrapped to align with its own start."""
        head = Text(" " * (indent + 1)) + Text.from_markup(marker, emoji=False) + " "
        hang = Text(" " * head.cell_len)
        lines = self._wrap(
            Text.from_markup(markup, emoji=False), self.console.width - head.cell_len
        )
        self._lines.extend((head if n == 0 else hang) + line for n, line in enumerate(lines))

    def print(self, renderable) -> None:
        """A rich renderable (a table), below the lines so far."""
        self._flush()
        self.console.print(renderable)

    def text(self) -> str:
        """Everything laid out so far, each line trimmed."""
        self._flush()
        return "".join(line.rstrip() + "\n" for line in self.console.file.getvalue().splitlines())

    def close(self) -> None:
        self.file.write(self.text())

    def _wrap(self, text: Text, width: int) -> list[Text]:
        return wrapped(self.console, text, width)

    def _flush(self) -> None:
        if self._lines:
            self.console.print(Text("\n").join(self._lines), no_wrap=True, overflow="ignore")
            self._lines = []


def text_report(
    diagnosis: Diagnosis,
    target: IO[str],
    reveal: bool = False,
    plan_check: PlanCheck | None = None,
    language: Language = ENGLISH,
    next_steps: NextSteps | None = None,
) -> str:
    """The report laid out for `target` (its width; colour on a terminal), not yet written."""
    _ = language.gettext
    words = language.words

    def layer_name(layer: str) -> str:
        return words(diagnosis.layer(layer).label)

    out = TerminalWriter(target)
    out.line(_("[bold]paydoctor[/] diagnosis for {date}").format(date=diagnosis.as_of.isoformat()))
    out.line()
    if not diagnosis.findings:
        out.line(_("No known cause fits these facts."))
    else:
        confirmed = sum(f.status == "confirmed" for f in diagnosis.findings)
        suspected = len(diagnosis.findings) - confirmed
        counts = _("({confirmed} confirmed, {suspected} suspected)")
        out.heading(_("Causes"), counts.format(confirmed=confirmed, suspected=suspected))
        markers = status_markers(language)
        evidence_indent = cell_len(Text.from_markup(markers["confirmed"]).plain) + 1
        for finding in diagnosis.findings:
            cause = finding.cause
            out.item(
                0,
                markers[finding.status],
                f"[bold]{escape(words(cause.title))}[/]\n"
                f"[dim]{cause.id} · {escape(layer_name(cause.layer))}[/]",
            )
            for text in finding.evidence:
                out.item(evidence_indent, "·", escape(text.render(reveal, language)))
        out.line()
        order = _("(in this order: {layers})").format(layers=_fix_order(diagnosis, language))
        out.heading(_("Fix plan"), order)
        for step in diagnosis.plan:
            action = escape(words(step.action))
            if step.check is not None:
                action = _("First check: {question} If that confirms it: {action}").format(
                    question=escape(words(step.check.question)), action=action
                )
            where = f"[cyan]{escape(words(step.where))}[/]"
            out.item(
                0, f"{step.number:>2}.", _("{where}: {action}").format(where=where, action=action)
            )
            if step.say is not None:
                say_to_staff(out, step, language)
        if plan_check is not None:
            suspected = any(f.status == "suspected" for f in diagnosis.findings)
            _plan_check(out, plan_check, reveal, language, suspected)
    if diagnosis.workarounds:
        out.line()
        out.heading(_("Workarounds"), _("(beside the plan, not instead of it)"))
        for offer in diagnosis.workarounds:
            out.item(
                0,
                " •",
                f"[bold]{escape(words(offer.workaround.title))}[/]  [dim]{offer.workaround.id}[/]",
            )
            for step in offer.workaround.steps:
                out.item(3, "-", escape(words(step)))
    if diagnosis.checks:
        out.line()
        out.heading(_("Worth checking next"), _("(each answer confirms or rules out a cause)"))
        _checks(out, diagnosis.checks, language)
    if next_steps is not None:
        _next_steps(out, next_steps, language)
    return out.text()


def _checks(out: TerminalWriter, checks, language: Language) -> None:
    """Each question, and (dim, for whoever helps) the causes its answer settles; the facts'
    paths are in `--format json` and `--explain`."""
    _ = language.gettext
    for check in checks:
        # What the answer would decide, in words: the causes it would confirm or rule out.
        named = _("; ").join(language.words(title) for title in check.settles)
        decides = _("it decides: {causes}").format(causes=named or ", ".join(check.decides))
        out.item(0, " ?", f"{escape(language.words(check.question))}\n[dim]{decides}[/]")


def _next_steps(out: TerminalWriter, steps: NextSteps, language: Language) -> None:
    """No known cause fits: what could still reveal one, and a person to ask."""
    _ = language.gettext
    if steps.checks:
        out.line()
        out.heading(_("What could still reveal a cause"), _("(answer these, then diagnose again)"))
        _checks(out, steps.checks, language)
    for workaround in steps.human_route:
        out.line()
        out.heading(
            _("Ask a person"), _("({title})").format(title=language.words(workaround.title))
        )
        for step in workaround.steps:
            out.item(3, "-", escape(language.words(step)))


def say_to_staff(out: TerminalWriter, step: Step, language: Language) -> None:
    """The sentence to show the staff (in Chinese whatever the report's language) or to say on
    a call abroad (in the card's language), under the step's text, and what it means in the
    reader's language when that is another."""
    code, sentence = step.sentence(language.code)
    heading = N_("Say this on the call:") if step.on_a_call else N_("Show this to the staff:")
    lines = [escape(language.gettext(heading)), f"[bold]{escape(sentence)}[/]"]
    if language.code != code:
        meaning = language.gettext("({meaning})").format(meaning=step.say.in_(language.code))
        lines.append(f"[dim]{escape(meaning)}[/]")
    out.item(4, "»", "\n".join(lines))


def _fix_order(diagnosis: Diagnosis, language: Language) -> str:
    """The plan's layers in order; the wallets, fixed side by side, said as in either order."""
    _ = language.gettext
    by_depth: dict[int, list[str]] = {}
    for step in diagnosis.plan:
        names = by_depth.setdefault(depth(diagnosis.layers, step.cause.layer), [])
        name = language.words(diagnosis.layer(step.cause.layer).label)
        if name not in names:
            names.append(name)
    groups = [
        names[0]
        if len(names) == 1
        else _("{layers}, in either order").format(layers=_(" and ").join(names))
        for _depth, names in sorted(by_depth.items())
    ]
    return " → ".join(groups)


def _plan_check(
    out: TerminalWriter, check: PlanCheck, reveal: bool, language: Language, suspected: bool
) -> None:
    """What is left when the plan's effects are applied to the facts and diagnosed again; a
    plan that rests on suspicions is not said to leave nothing."""
    _ = language.gettext
    out.line()
    out.heading(_("Plan check"), _("(the plan done on a copy of your facts, diagnosed again)"))
    if not check.remaining and suspected:
        out.item(
            0,
            " [yellow]?[/]",
            _(
                "No known cause remains after the plan, if the suspected causes it fixes are"
                " the ones: the checks tell."
            ),
        )
    elif not check.remaining:
        out.item(0, " [green]✔[/]", _("No known cause remains after the plan."))
    for finding in check.remaining:
        unknown = check.open_checks(finding)
        if unknown:
            named = _("; ").join(language.words(c.label) for c in unknown)
            why = [_("it rests on what is not known yet: {facts}").format(facts=named)]
        else:
            why = [text.render(reveal, language) for text in finding.evidence]
        left = _("still {status} after the plan: {cause}").format(
            cause=f"[bold]{escape(language.words(finding.cause.title))}[/]",
            status=_(_STATUS_WORDS[finding.status]),
        )
        out.item(0, " [yellow]?[/]" if finding.status == "suspected" else " [red]✘[/]", left)
        for line in why:
            out.item(3, "·", escape(line))
