"""The parser every command is built on, and the options and values several commands share."""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from engine.errors import InputError
from visualise import language as languages
from visualise.language import Language


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one clear line and exit status 2.

    Its own words (headings, help) are in `language`. Every command built on it
    takes `--knowledge DIR`, read by commands/knowledge_base.py, `--time-limit
    SECONDS` for those units' code, set for the process once parsed, and `--lang`,
    read before parsing by cli.py. argparse's own error phrases stay in English.
    """

    def __init__(self, *args, language: Language, **kwargs):
        _ = language.gettext
        formatter = functools.partial(HelpFormatter, usage_prefix=_("usage: "))
        super().__init__(*args, add_help=False, formatter_class=formatter, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))
        add_knowledge_option(self, language)
        self.add_argument(
            "--lang",
            choices=languages.available(),
            default=language.code,
            help=_("the language of the output (default: from LC_ALL, LC_MESSAGES or LANG)"),
        )

    def parse_args(self, *args, **kwargs):  # type: ignore[override]
        parsed = super().parse_args(*args, **kwargs)
        from engine.kb import fence

        fence.time_limit = parsed.time_limit
        fence.memory_limit = parsed.memory_limit
        return parsed

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError("{problem} (see '{prog} --help')", problem=message, prog=self.prog)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with "usage: " in the reader's language, wrapped by terminal columns."""

    def __init__(self, prog: str, usage_prefix: str):
        super().__init__(prog)
        self._usage_prefix = usage_prefix

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, prefix or self._usage_prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        from visualise.text import wrap_columns  # by terminal columns: Chinese is 2 wide

        return wrap_columns(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))


def add_report_options(parser: argparse.ArgumentParser, language: Language) -> None:
    _ = language.gettext
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("report format (default: text)"),
    )
    parser.add_argument(
        "--show-personal-data",
        action="store_true",
        help=_("show passport, permit and phone numbers and names unmasked in the report"),
    )


def add_knowledge_option(parser: argparse.ArgumentParser, language: Language) -> None:
    from engine.kb.fence import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT

    parser.add_argument(
        "--knowledge",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help=language.gettext(
            "also load the rule units (.py files) in DIR; may be given more than once"
        ),
    )
    parser.add_argument(
        "--time-limit",
        type=seconds,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=language.gettext(
            "stop a --knowledge unit that runs longer than this, at loading or in a case"
            " (default: {seconds})"
        ).format(seconds=f"{DEFAULT_TIME_LIMIT:g}"),
    )
    parser.add_argument(
        "--memory-limit",
        type=mebibytes,
        default=DEFAULT_MEMORY_LIMIT,
        metavar="MIB",
        help=language.gettext(
            "stop a --knowledge unit that allocates more than this many MiB, at loading or in"
            " a case (default: {mebibytes})"
        ).format(mebibytes=DEFAULT_MEMORY_LIMIT),
    )


def seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 1e6:
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, got {text!r}")
    return seconds


def mebibytes(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 2**30:
        raise argparse.ArgumentTypeError(f"expected a whole number of MiB > 0, got {text!r}")
    return int(text)


def positive(text: str, language: Language) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            language.gettext("expected a whole number >= 1, got {text!r}").format(text=text)
        )
    return int(text)


def port(text: str, language: Language) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(
            language.gettext("expected a port number from 0 to 65535, got {text!r}").format(
                text=text
            )
        )
    return int(text)


def diagram_file(text: str) -> Path:
    """A --diagram PATH whose format this machine can draw, checked before any work."""
    from visualise.render import check_renderable, diagram_format

    path = Path(text)
    check_renderable(diagram_format(path))
    return path
