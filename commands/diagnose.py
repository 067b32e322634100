"""`paydoctor FACTS.json`: the diagnosis, its report and its reasoning diagram (the main command).

With `--ask` a consultation (commands/ask.py) gives the facts; with `--explain ID`
the report is how one cause was reached (commands/explain.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commands import COMMANDS, EXIT_OK
from commands.knowledge_base import doctor_for
from commands.parser import Parser, add_report_options, diagram_file
from engine.errors import InputError
from visualise import language as languages
from visualise.language import Language


def _parser(language: Language = languages.ENGLISH) -> argparse.ArgumentParser:
    _ = language.gettext
    parser = Parser(
        prog="paydoctor",
        description=_(
            "Explain why a payment fails for a foreigner in China (Alipay, WeChat Pay, Taobao, a"
            " foreign card, the bank itself) and in which order to fix it."
            " Other commands: {commands} (paydoctor COMMAND --help)."
        ).format(commands=", ".join(COMMANDS)),
        language=language,
    )
    parser.add_argument(
        "facts", type=Path, nargs="?", help=_("facts file (JSON, see 'paydoctor schema')")
    )
    add_report_options(parser, language)
    _add_diagram_options(parser, language)
    parser.add_argument(
        "--explain",
        metavar="ID",
        help=_("explain how a cause (or workaround) was reached, or why it was not"),
    )
    parser.add_argument(
        "--ask",
        action="store_true",
        help=_(
            "ask the questions that decide causes (starting from FACTS.json if given),"
            " save the answers, then diagnose"
        ),
    )
    return parser


def run(argv: list[str], language: Language) -> int:
    parser = _parser(language)
    args = parser.parse_args(argv)
    if args.facts is None and not args.ask:
        parser.error(
            language.gettext("the facts file is required (or --ask to answer questions instead)")
        )
    from engine.facts.loading import read_facts_file
    from engine.outcome import diagnose

    doctor = doctor_for(args)
    if args.explain:
        from engine.reasoning.explain import check_id

        check_id(doctor, args.explain)
    if args.ask:
        from commands.ask import ask

        facts, facts_file = ask(doctor, args.facts, language)
    else:
        facts, facts_file = read_facts_file(args.facts, doctor.kb.facts_model), args.facts
    if args.explain:  # how the diagnosis was reached: the plan's check is not shown
        from commands.explain import show_explanation

        outcome = diagnose(doctor, facts, complete=False)
        return show_explanation(args, doctor, outcome, language)
    outcome = diagnose(doctor, facts)
    diagnosis, reveal = outcome.diagnosis, args.show_personal_data
    drawing = _start_diagram(args, diagnosis, facts_file, language)
    if args.format == "json":
        from visualise.json_report import render_json

        report = render_json(
            diagnosis, reveal, outcome.plan_check, language, next_steps=outcome.next_steps
        )
    else:
        from visualise.text import text_report

        report = text_report(
            diagnosis, sys.stdout, reveal, outcome.plan_check, language, outcome.next_steps
        )
    diagram = _finish_diagram(drawing, language)  # before the report: a failed diagram is exit 2
    sys.stdout.write(report)
    _say_written(diagram, args.format, language)
    return EXIT_OK


def _add_diagram_options(parser: argparse.ArgumentParser, language: Language) -> None:
    _ = language.gettext
    diagram = parser.add_mutually_exclusive_group()
    diagram.add_argument(
        "--diagram",
        type=diagram_file,
        metavar="PATH",
        help=_(
            "write the reasoning diagram here; the extension picks the format"
            " (.svg, .png, .pdf, .dot; default: FACTS.diagnosis.svg next to the facts file)"
        ),
    )
    diagram.add_argument("--no-diagram", action="store_true", help=_("write no diagram"))


def _start_diagram(
    args: argparse.Namespace, diagnosis, facts_file: Path | None, language: Language
):
    """Start drawing the diagnosis' reasoning where the options say (None: no diagram).

    By default it goes beside the file of the facts diagnosed; a consultation
    that started from no file and saved no answers has none, so it draws none.
    """
    default = facts_file.with_name(facts_file.stem + ".diagnosis.svg") if facts_file else None
    path = args.diagram or default
    if args.no_diagram or path is None:
        return None
    from visualise.diagram import diagnosis_dot
    from visualise.render import DiagramDrawing

    inputs = tuple(file for file in (args.facts, facts_file) if file is not None)
    return DiagramDrawing(path, diagnosis_dot(diagnosis, language), protect=inputs)


def _finish_diagram(drawing, language: Language) -> Path | None:
    """The diagram file once written, if one was asked for."""
    if drawing is None:
        return None
    try:
        return drawing.wait()
    except InputError as error:
        raise InputError(
            "{problem} (choose another file with --diagram PATH, or --no-diagram)",
            problem=error.message,
        ) from None


def _say_written(diagram: Path | None, report_format: str, language: Language) -> None:
    """Name the diagram after the report; on stderr when stdout holds JSON."""
    if diagram is not None:
        print(
            language.gettext("diagram: {path}").format(path=diagram),
            file=sys.stderr if report_format == "json" else sys.stdout,
        )
