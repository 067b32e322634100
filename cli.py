"""paydoctor's command line: parse options, run the stages in order, choose the exit status.

    python cli.py FACTS.json [--format text|json] [--show-personal-data] [--explain ID]
    python cli.py --ask [FACTS.json]      (a consultation: questions, then the diagnosis)
    python cli.py schema
    python cli.py rules [--format text|json|markdown]
    python cli.py check-kb
    python cli.py batch CASES.jsonl|FOLDER [--output PATH] [--jobs N] [--show-personal-data]
    python cli.py serve [--host 127.0.0.1] [--port 8000] [--workers N]   (the web consultation)
Every command takes --knowledge DIR (repeatable): rule units from another folder.

A diagnosis also writes its reasoning diagram (FACTS.diagnosis.svg; --diagram PATH, whose
extension picks .svg/.png/.pdf/.dot, or --no-diagram); `python cli.py graph [--diagram PATH]`
draws the whole knowledge base.

Exit status: 0 a diagnosis was made, 2 bad input or usage, 1 an internal fault.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from engine.errors import EngineFault, InputError, KnowledgeError

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one clear line and exit status 2.

    Every command built on it takes `--knowledge DIR`, read by `_knowledge`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _add_knowledge_option(self)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError(f"{message} (see '{self.prog} --help')")


def _diagnose_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="paydoctor",
        description=(
            "Explain why an Alipay or Taobao payment fails and in which order to fix it."
            f" Other commands: {', '.join(COMMANDS)} (paydoctor COMMAND --help)."
        ),
    )
    parser.add_argument(
        "facts", type=Path, nargs="?", help="facts file (JSON, see 'paydoctor schema')"
    )
    _add_report_options(parser)
    _add_diagram_options(parser)
    parser.add_argument(
        "--explain",
        metavar="ID",
        help="explain how a cause (or workaround) was reached, or why it was not",
    )
    parser.add_argument(
        "--ask",
        action="store_true",
        help="ask the questions that decide causes (starting from FACTS.json if given),"
        " save the answers, then diagnose",
    )
    return parser


def _add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (default: text)"
    )
    parser.add_argument(
        "--show-personal-data",
        action="store_true",
        help="show passport, permit and phone numbers and names unmasked in the report",
    )


def _add_knowledge_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also load the rule units (.py files) in DIR; may be given more than once",
    )


def _knowledge(args: argparse.Namespace):
    """The knowledge base these options select: built-in, plus each --knowledge folder."""
    from engine.knowledge_loader import load_knowledge

    return load_knowledge(args.knowledge)


def _doctor(args: argparse.Namespace):
    """The Doctor for the knowledge base these options select (built once per process)."""
    from engine.diagnosis import Doctor

    kb = _knowledge(args)
    if args.knowledge:  # the built-in knowledge base is checked by the test suite
        from engine.kb_check import refuse_unsound

        refuse_unsound(kb)
    return Doctor(kb)


def run_diagnose(argv: list[str]) -> int:
    parser = _diagnose_parser()
    args = parser.parse_args(argv)
    if args.facts is None and not args.ask:
        parser.error("the facts file is required (or --ask to answer questions instead)")
    from engine.loading import read_facts_file
    from engine.plan_check import check_plan

    doctor = _doctor(args)
    if args.explain:
        from engine.explain import check_id

        check_id(doctor, args.explain)
    facts = _consult(doctor, args.facts) if args.ask else read_facts_file(args.facts)
    diagnosis = doctor.diagnose(facts)
    if args.explain:
        return _explain(args, doctor, facts, diagnosis)
    drawing = _start_diagram(args, diagnosis)
    plan_check = check_plan(doctor, facts, diagnosis)
    if args.format == "json":
        from visualise.json_report import render_json

        report = render_json(diagnosis, reveal=args.show_personal_data, plan_check=plan_check)
    else:
        from visualise.text import text_report

        report = text_report(diagnosis, sys.stdout, args.show_personal_data, plan_check)
    diagram = _finish_diagram(drawing)  # before the report: a diagram that fails is exit 2
    sys.stdout.write(report)
    _say_written(diagram, args.format)
    return EXIT_OK


def _consult(doctor, source: Path | None):
    """The facts of a consultation in the terminal, starting from `source` if given."""
    from engine.consult import Consultation
    from engine.fact_edits import facts_data
    from engine.loading import read_facts_file, validate_facts
    from visualise.consultation import consult

    start = facts_data(read_facts_file(source)) if source else {}
    consultation = Consultation(doctor, start)
    consult(consultation, source, sys.stdin, sys.stderr)
    return validate_facts(consultation.data)


def _explain(args: argparse.Namespace, doctor, facts, diagnosis) -> int:
    from engine.explain import explain
    from engine.rules import Case

    explanation = explain(doctor, diagnosis, Case(facts, diagnosis.as_of), args.explain)
    if args.format == "json":
        from visualise.explain_json import render_explanation_json

        sys.stdout.write(
            render_explanation_json(
                explanation, doctor.kb, diagnosis.as_of, reveal=args.show_personal_data
            )
        )
    else:
        from visualise.explain_text import render_explanation_text

        render_explanation_text(
            explanation, doctor.kb, diagnosis.as_of, sys.stdout, reveal=args.show_personal_data
        )
    return EXIT_OK


def _add_diagram_options(parser: argparse.ArgumentParser) -> None:
    diagram = parser.add_mutually_exclusive_group()
    diagram.add_argument(
        "--diagram",
        type=_diagram_file,
        metavar="PATH",
        help="write the reasoning diagram here; the extension picks the format"
        " (.svg, .png, .pdf, .dot; default: FACTS.diagnosis.svg next to the facts file)",
    )
    diagram.add_argument("--no-diagram", action="store_true", help="write no diagram")


def _diagram_file(text: str) -> Path:
    """A --diagram PATH whose format this machine can draw, checked before any work."""
    from visualise.render import check_renderable, diagram_format

    path = Path(text)
    check_renderable(diagram_format(path))
    return path


def _start_diagram(args: argparse.Namespace, diagnosis):
    """Start drawing the diagnosis' reasoning where the options say (None: no diagram)."""
    if args.no_diagram:
        return None
    facts = getattr(args, "facts", None)
    default = facts.with_name(facts.stem + ".diagnosis.svg") if facts else None
    path = args.diagram or default or Path("diagnosis.svg")
    from visualise.diagram import diagnosis_dot
    from visualise.render import DiagramDrawing

    return DiagramDrawing(path, diagnosis_dot(diagnosis), protect=(facts,) if facts else ())


def _finish_diagram(drawing) -> Path | None:
    """The diagram file once written, if one was asked for."""
    if drawing is None:
        return None
    try:
        return drawing.wait()
    except InputError as error:
        hint = "choose another file with --diagram PATH, or --no-diagram"
        raise InputError(f"{error} ({hint})") from None


def _say_written(diagram: Path | None, report_format: str) -> None:
    """Name the diagram after the report; on stderr when stdout holds JSON."""
    if diagram is not None:
        print(f"diagram: {diagram}", file=sys.stderr if report_format == "json" else sys.stdout)


def run_graph(argv: list[str]) -> int:
    parser = _Parser(
        prog="paydoctor graph",
        description="Draw the whole knowledge base: every cause and workaround by layer, the"
        " order of fixes, and the facts each rule reads.",
    )
    parser.add_argument(
        "--diagram",
        type=_diagram_file,
        default=Path("knowledge-base.svg"),
        metavar="PATH",
        help="where to write it; the extension picks the format (.svg, .png, .pdf, .dot;"
        " default: knowledge-base.svg)",
    )
    args = parser.parse_args(argv)
    from visualise.diagram import knowledge_dot
    from visualise.render import write_diagram

    write_diagram(args.diagram, knowledge_dot(_knowledge(args)))
    print(f"diagram: {args.diagram}")
    return EXIT_OK


def run_schema(argv: list[str]) -> int:
    _Parser(
        prog="paydoctor schema", description="Print the JSON Schema of facts files."
    ).parse_args(argv)
    from engine.facts import Facts

    schema = Facts.model_json_schema(by_alias=True)
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def run_rules(argv: list[str]) -> int:
    parser = _Parser(
        prog="paydoctor rules",
        description="Show the knowledge base: each cause and workaround, its conditions,"
        " order and examples. '--format markdown' prints docs/knowledge-base.md.",
    )
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    args = parser.parse_args(argv)
    kb = _knowledge(args)
    if args.format == "json":
        from visualise.rules_table import render_rules_json

        sys.stdout.write(render_rules_json(kb))
    elif args.format == "markdown":
        from visualise.kb_docs import render_kb_markdown

        sys.stdout.write(render_kb_markdown(kb))
    else:
        from visualise.rules_table import render_rules_text

        render_rules_text(kb, sys.stdout)
    return EXIT_OK


def run_check_kb(argv: list[str]) -> int:
    parser = _Parser(
        prog="paydoctor check-kb",
        description="Check the knowledge base and run every unit's examples;"
        " print one line per problem and exit 1 if there is any.",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    from engine.kb_check import check, summary
    from engine.knowledge_loader import builtin_knowledge, extend, read_folders

    units = read_folders(args.knowledge)
    kb = extend(builtin_knowledge(), units)
    problems = check(kb, units)
    if args.format == "json":
        data = {"problems": [{"kind": p.kind, "message": p.message} for p in problems]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for problem in problems:
            print(problem)
        count = (
            f"{len(problems)} problem{'s' * (len(problems) != 1)}" if problems else "no problems"
        )
        print(f"{count} in {summary(kb)}")
    return EXIT_FAULT if problems else EXIT_OK


def run_batch(argv: list[str]) -> int:
    parser = _Parser(
        prog="paydoctor batch",
        description=(
            "Diagnose many cases: one JSON report (report-v1, plus its line or file) a line."
            " A bad case gets an error record and the batch goes on; exit status 2 if any"
            " case was bad."
        ),
    )
    parser.add_argument(
        "input",
        type=Path,
        help="a .jsonl file (one facts object a line) or a folder of .json files",
    )
    parser.add_argument(
        "--output", type=Path, help="write the records here (default: standard output)"
    )
    parser.add_argument(
        "--jobs", type=_positive, help="worker processes (default: the number of cores)"
    )
    parser.add_argument(
        "--show-personal-data",
        action="store_true",
        help="show passport, permit and phone numbers and names unmasked in the records",
    )
    args = parser.parse_args(argv)
    import time

    from engine.batch import BatchInput, BatchSummary, default_jobs, diagnose_all
    from visualise.batch import progress, render_summary

    batch = BatchInput.open(args.input)
    doctor = _doctor(args)
    gc.enable()  # a batch runs long: its garbage must be collected
    summary = BatchSummary()
    started = time.perf_counter()
    with (
        _batch_output(args.output, batch.protected) as out,
        progress(batch.count(), sys.stderr) as advance,
    ):
        for result in diagnose_all(
            doctor, batch, args.jobs or default_jobs(), reveal=args.show_personal_data
        ):
            out.write(result.record.encode())
            summary.add(result)
            advance()
    render_summary(summary, time.perf_counter() - started, sys.stderr)
    if summary.faults:
        return EXIT_FAULT
    return EXIT_BAD_INPUT if summary.errors else EXIT_OK


def run_serve(argv: list[str]) -> int:
    parser = _Parser(
        prog="paydoctor serve",
        description="Serve the web consultation (one question a screen, for a phone) and the"
        " JSON API (/api/v1/...) until Ctrl-C.",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDRESS",
        help="address to listen on (default: 127.0.0.1: this machine only)",
    )
    parser.add_argument(
        "--port", type=_port, default=8000, metavar="N", help="port (default: 8000; 0: a free one)"
    )
    parser.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="processes (default: 1)"
    )
    args = parser.parse_args(argv)
    from web.app import Settings
    from web.server import serve

    gc.enable()  # a server runs long: its garbage must be collected
    serve(Settings(args.host, args.port, args.workers, tuple(args.knowledge)))
    return EXIT_OK


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, got {text!r}")
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return int(text)


def _batch_output(path: Path | None, protect: tuple[Path, ...]):
    """The --output file, replaced only once the batch is done; else standard output."""
    if path is None:
        from contextlib import nullcontext

        return nullcontext(sys.stdout.buffer)
    from visualise.files import open_atomically

    return open_atomically(path, protect)


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "schema": run_schema,
    "graph": run_graph,
    "rules": run_rules,
    "check-kb": run_check_kb,
    "batch": run_batch,
    "serve": run_serve,
}


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _one_line(message: str) -> str:
    """An error as one printable line, whatever characters a file name or value held."""
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", message)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = COMMANDS.get(argv[0]) if argv else None
    collecting = gc.isenabled()
    gc.disable()  # a run allocates and exits: collecting during start-up cost ~30% (bench/)
    try:
        return command(argv[1:]) if command else run_diagnose(argv)
    except (InputError, KnowledgeError) as error:
        print(f"paydoctor: {_one_line(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except EngineFault as error:
        print(f"paydoctor: internal fault: {error}", file=sys.stderr)
        return EXIT_FAULT
    except KeyboardInterrupt:
        print("paydoctor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
