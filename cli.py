"""paydoctor's command line: parse options, run the stages in order, choose the exit status.

    python cli.py FACTS.json [--format text|json] [--show-personal-data] [--explain ID]
    python cli.py --ask [FACTS.json]      (a consultation: questions, then the diagnosis)
    python cli.py interview FACTS.json [--format text|json]   (a consultation's next step)
    python cli.py schema
    python cli.py rules [--format text|json|markdown]
    python cli.py check-kb
    python cli.py batch CASES.jsonl|FOLDER [--output PATH] [--jobs N] [--show-personal-data]
    python cli.py serve [--host 127.0.0.1] [--port 8000] [--workers N]   (the web consultation)
Every command takes --knowledge DIR (repeatable): rule units from another folder, and
--lang en|zh (default: Chinese when LC_ALL, LC_MESSAGES or LANG starts with zh; otherwise
English; the list is the catalogs in visualise/locale/).

A diagnosis also writes its reasoning diagram (FACTS.diagnosis.svg; --diagram PATH, whose
extension picks .svg/.png/.pdf/.dot, or --no-diagram); `python cli.py graph [--diagram PATH]`
draws the whole knowledge base.

Exit status: 0 a diagnosis was made, 2 bad input or usage, 1 an internal fault.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import re
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from engine.errors import EngineFault, InputError, KnowledgeError
from visualise import language as languages
from visualise.errors import DiagramError
from visualise.language import Language

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one clear line and exit status 2.

    Its own words (headings, help) are in `language`. Every command built on it
    takes `--knowledge DIR`, read by `_knowledge`, `--time-limit SECONDS` for those
    units' code, set for the process once parsed, and `--lang`, read before
    parsing by `_language`. argparse's own error phrases stay in English.
    """

    def __init__(self, *args, language: Language, **kwargs):
        _ = language.gettext
        formatter = functools.partial(_HelpFormatter, usage_prefix=_("usage: "))
        super().__init__(*args, add_help=False, formatter_class=formatter, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))
        _add_knowledge_option(self, language)
        self.add_argument(
            "--lang",
            choices=languages.available(),
            default=language.code,
            help=_("the language of the output (default: from LC_ALL, LC_MESSAGES or LANG)"),
        )

    def parse_args(self, *args, **kwargs):  # type: ignore[override]
        parsed = super().parse_args(*args, **kwargs)
        from engine import fence

        fence.time_limit = parsed.time_limit
        fence.memory_limit = parsed.memory_limit
        return parsed

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError("{problem} (see '{prog} --help')", problem=message, prog=self.prog)


class _HelpFormatter(argparse.HelpFormatter):
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


class _LanguageParser(argparse.ArgumentParser):
    """Reads only `--lang`, before a command builds its parser in that language."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError("{problem} (see '{prog} --help')", problem=message, prog="paydoctor")


def _language(argv: list[str]) -> Language:
    """The language `--lang` names, else the locale's; InputError for a language not offered."""
    parser = _LanguageParser(add_help=False)
    parser.add_argument("--lang", default=languages.default_code())
    return languages.language(parser.parse_known_args(argv)[0].lang)


def _diagnose_parser(language: Language = languages.ENGLISH) -> argparse.ArgumentParser:
    _ = language.gettext
    parser = _Parser(
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
    _add_report_options(parser, language)
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


def _add_report_options(parser: argparse.ArgumentParser, language: Language) -> None:
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


def _add_knowledge_option(parser: argparse.ArgumentParser, language: Language) -> None:
    from engine.fence import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT

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
        type=_seconds,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=language.gettext(
            "stop a --knowledge unit that runs longer than this, at loading or in a case"
            " (default: {seconds})"
        ).format(seconds=f"{DEFAULT_TIME_LIMIT:g}"),
    )
    parser.add_argument(
        "--memory-limit",
        type=_mebibytes,
        default=DEFAULT_MEMORY_LIMIT,
        metavar="MIB",
        help=language.gettext(
            "stop a --knowledge unit that allocates more than this many MiB, at loading or in"
            " a case (default: {mebibytes})"
        ).format(mebibytes=DEFAULT_MEMORY_LIMIT),
    )


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 1e6:
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, got {text!r}")
    return seconds


def _mebibytes(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 2**30:
        raise argparse.ArgumentTypeError(f"expected a whole number of MiB > 0, got {text!r}")
    return int(text)


def _knowledge(args: argparse.Namespace):
    """The knowledge base these options select: built-in, plus each --knowledge folder."""
    import knowledge
    from engine.knowledge_loader import load_knowledge

    return load_knowledge([knowledge.FOLDER, *args.knowledge], trusted=[knowledge.FOLDER])


def _doctor(args: argparse.Namespace):
    """The Doctor for the knowledge base these options select (built once per process)."""
    from engine.diagnosis import Doctor

    kb = _knowledge(args)
    if args.knowledge:  # the built-in knowledge base is checked by the test suite
        from engine.kb_check import refuse_unsound

        refuse_unsound(kb)
    return Doctor(kb)


def run_diagnose(argv: list[str], language: Language) -> int:
    parser = _diagnose_parser(language)
    args = parser.parse_args(argv)
    if args.facts is None and not args.ask:
        parser.error(
            language.gettext("the facts file is required (or --ask to answer questions instead)")
        )
    from engine.loading import read_facts_file
    from engine.outcome import diagnose

    doctor = _doctor(args)
    if args.explain:
        from engine.explain import check_id

        check_id(doctor, args.explain)
    if args.ask:
        facts, facts_file = _consult(doctor, args.facts, language)
    else:
        facts, facts_file = read_facts_file(args.facts), args.facts
    if args.explain:  # how the diagnosis was reached: the plan's check is not shown
        return _explain(args, doctor, diagnose(doctor, facts, complete=False), language)
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


def _consult(doctor, source: Path | None, language: Language):
    """A consultation in the terminal, starting from `source` if given.

    Returns its facts and the file holding them: the one the answers were saved
    to, else `source` (None if neither). Ctrl-C or the end of input ends the
    asking; the report of the facts so far follows.
    """
    from engine.fact_edits import facts_data
    from engine.interview import Interviewer
    from engine.loading import read_facts_file, validate_facts
    from visualise.consultation import consult

    start = facts_data(read_facts_file(source)) if source else {}
    data, saved = consult(Interviewer(doctor), start, source, sys.stdin, sys.stderr, language)
    return validate_facts(data), saved or source


def _explain(args: argparse.Namespace, doctor, outcome, language: Language) -> int:
    from engine.explain import explain
    from engine.rules import Case

    diagnosis = outcome.diagnosis
    explanation = explain(doctor, diagnosis, Case(outcome.facts, diagnosis.as_of), args.explain)
    if args.format == "json":
        from visualise.explain_json import render_explanation_json

        sys.stdout.write(
            render_explanation_json(
                explanation,
                doctor.kb,
                diagnosis.as_of,
                reveal=args.show_personal_data,
                language=language,
            )
        )
    else:
        from visualise.explain_text import render_explanation_text

        render_explanation_text(
            explanation,
            doctor.kb,
            diagnosis.as_of,
            sys.stdout,
            reveal=args.show_personal_data,
            language=language,
        )
    return EXIT_OK


def _add_diagram_options(parser: argparse.ArgumentParser, language: Language) -> None:
    _ = language.gettext
    diagram = parser.add_mutually_exclusive_group()
    diagram.add_argument(
        "--diagram",
        type=_diagram_file,
        metavar="PATH",
        help=_(
            "write the reasoning diagram here; the extension picks the format"
            " (.svg, .png, .pdf, .dot; default: FACTS.diagnosis.svg next to the facts file)"
        ),
    )
    diagram.add_argument("--no-diagram", action="store_true", help=_("write no diagram"))


def _diagram_file(text: str) -> Path:
    """A --diagram PATH whose format this machine can draw, checked before any work."""
    from visualise.render import check_renderable, diagram_format

    path = Path(text)
    check_renderable(diagram_format(path))
    return path


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


KNOWLEDGE_DIAGRAM = Path("knowledge-base.svg")
"""Where `graph` draws by default: in the current folder, as the README says."""


def run_graph(argv: list[str], language: Language) -> int:
    _ = language.gettext
    parser = _Parser(
        prog="paydoctor graph",
        description=_(
            "Draw the whole knowledge base: every cause and workaround by layer, the"
            " order of fixes, and the facts each rule reads."
        ),
        language=language,
    )
    parser.add_argument(
        "--diagram",
        type=_diagram_file,
        metavar="PATH",
        help=_(
            "where to write it; the extension picks the format (.svg, .png, .pdf, .dot;"
            " default: {path} in the current folder, or {stem}-2{suffix} and so on if that"
            " exists)"
        ).format(
            path=KNOWLEDGE_DIAGRAM,
            stem=KNOWLEDGE_DIAGRAM.stem,
            suffix=KNOWLEDGE_DIAGRAM.suffix,
        ),
    )
    args = parser.parse_args(argv)
    from visualise.diagram import knowledge_dot
    from visualise.files import free_name
    from visualise.render import write_diagram

    path = args.diagram or free_name(KNOWLEDGE_DIAGRAM)
    write_diagram(path, knowledge_dot(_knowledge(args), language))
    if args.diagram is None and path != KNOWLEDGE_DIAGRAM:
        kept = _("diagram: {path} ({taken} exists, left as it was)")
        print(kept.format(path=path, taken=KNOWLEDGE_DIAGRAM))
    else:
        print(_("diagram: {path}").format(path=path))
    return EXIT_OK


def run_interview(argv: list[str], language: Language) -> int:
    _ = language.gettext
    parser = _Parser(
        prog="paydoctor interview",
        description=_(
            "The consultation's next step for these facts (with dont_know): the question worth"
            " asking next, or done, and the report so far (report-v2's interview object)."
        ),
        language=language,
    )
    parser.add_argument(
        "facts", type=Path, help=_("facts file (JSON, see 'paydoctor schema'), may be {}")
    )
    _add_report_options(parser, language)
    args = parser.parse_args(argv)
    from engine.fact_edits import facts_data
    from engine.interview import Interviewer
    from engine.loading import read_facts_file
    from engine.outcome import consultation_step

    doctor = _doctor(args)
    step = consultation_step(Interviewer(doctor), facts_data(read_facts_file(args.facts)))
    if args.format == "json":
        from visualise.interview import interview_data

        data = interview_data(step, args.show_personal_data, language)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from visualise.consultation import show_step

        show_step(step, sys.stdout, args.show_personal_data, language)
    return EXIT_OK


def run_schema(argv: list[str], language: Language) -> int:
    _Parser(
        prog="paydoctor schema",
        description=language.gettext("Print the JSON Schema of facts files."),
        language=language,
    ).parse_args(argv)
    from engine.facts import Facts, FactsJsonSchema

    schema = Facts.model_json_schema(by_alias=True, schema_generator=FactsJsonSchema)
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def run_rules(argv: list[str], language: Language) -> int:
    parser = _Parser(
        prog="paydoctor rules",
        description=language.gettext(
            "Show the knowledge base: each cause and workaround, its conditions,"
            " order and examples. '--format markdown' prints docs/knowledge-base.md."
        ),
        language=language,
    )
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    args = parser.parse_args(argv)
    kb = _knowledge(args)
    if args.format == "json":
        from visualise.rules_table import render_rules_json

        sys.stdout.write(render_rules_json(kb, language))
    elif args.format == "markdown":
        from visualise.kb_docs import render_kb_markdown

        sys.stdout.write(render_kb_markdown(kb, language))
    else:
        from visualise.rules_table import render_rules_text

        render_rules_text(kb, sys.stdout, language)
    return EXIT_OK


def run_check_kb(argv: list[str], language: Language) -> int:
    _ = language.gettext
    parser = _Parser(
        prog="paydoctor check-kb",
        description=_(
            "Check the knowledge base and run every unit's examples, and that every"
            " language translates every word of the program;"
            " print one line per problem and exit 1 if there is any."
        ),
        language=language,
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    import knowledge
    from engine.kb_check import WARNINGS, check, summary
    from engine.knowledge_loader import assemble, read_folders
    from visualise.catalogs import translation_problems

    units = read_folders([knowledge.FOLDER, *args.knowledge], trusted=[knowledge.FOLDER])
    kb = assemble(units)
    problems = check(kb, units, languages.available()) + translation_problems()
    if args.format == "json":
        data = {"problems": [{"kind": p.kind, "message": p.message} for p in problems]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for problem in problems:
            print(problem)
        count = (
            language.ngettext("{count} problem", "{count} problems", len(problems)).format(
                count=len(problems)
            )
            if problems
            else _("no problems")
        )
        print(_("{count} in {knowledge_base}").format(count=count, knowledge_base=summary(kb)))
    return EXIT_FAULT if any(p.kind not in WARNINGS for p in problems) else EXIT_OK


def run_batch(argv: list[str], language: Language) -> int:
    _ = language.gettext
    parser = _Parser(
        prog="paydoctor batch",
        description=_(
            "Diagnose many cases: one JSON report (report-v1, plus its line or file) a line."
            " A bad case gets an error record and the batch goes on; exit status 2 if any"
            " case was bad."
        ),
        language=language,
    )
    parser.add_argument(
        "input",
        type=Path,
        help=_("a .jsonl file (one facts object a line) or a folder of .json files"),
    )
    parser.add_argument(
        "--output", type=Path, help=_("write the records here (default: standard output)")
    )
    parser.add_argument(
        "--jobs",
        type=functools.partial(_positive, language=language),
        help=_("worker processes (default: the number of cores)"),
    )
    parser.add_argument(
        "--show-personal-data",
        action="store_true",
        help=_("show passport, permit and phone numbers and names unmasked in the records"),
    )
    args = parser.parse_args(argv)
    import time
    from functools import partial

    import knowledge
    from engine.batch import BatchInput, BatchSummary, default_jobs, diagnose_all
    from visualise.batch import progress, render_summary
    from visualise.json_report import report_data

    batch = BatchInput.open(args.input)
    doctor = _doctor(args)
    gc.enable()  # a batch runs long: its garbage must be collected
    summary = BatchSummary()
    started = time.perf_counter()
    with (
        _batch_output(args.output, batch.protected) as out,
        progress(batch.count(), sys.stderr, language) as advance,
    ):
        render = partial(report_data, reveal=args.show_personal_data, language=language)
        jobs = args.jobs or default_jobs()
        folders = [knowledge.FOLDER, *args.knowledge]
        trusted = [knowledge.FOLDER]
        for result in diagnose_all(doctor, batch, jobs, render, language.text, folders, trusted):
            out.write(result.record.encode())
            summary.add(result)
            advance()
    render_summary(summary, time.perf_counter() - started, sys.stderr, language)
    if summary.faults:
        return EXIT_FAULT
    return EXIT_BAD_INPUT if summary.errors else EXIT_OK


def run_serve(argv: list[str], language: Language) -> int:
    from web.app import REQUEST_TIMEOUT

    _ = language.gettext
    parser = _Parser(
        prog="paydoctor serve",
        description=_(
            "Serve the web consultation (one question a screen, for a phone) and the"
            " JSON API (/api/v1/...) until Ctrl-C."
        ),
        language=language,
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDRESS",
        help=_("address to listen on (default: 127.0.0.1: this machine only)"),
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help=_(
            "a host name the pages are served under (repeatable; '*.example.com' for its"
            " subdomains, '*' for any): a request naming another gets 400 (default: localhost,"
            " 127.0.0.1, this machine's name and the --host address)"
        ),
    )
    parser.add_argument(
        "--port",
        type=functools.partial(_port, language=language),
        default=8000,
        metavar="N",
        help=_("port (default: 8000; 0: a free one)"),
    )
    parser.add_argument(
        "--workers",
        type=functools.partial(_positive, language=language),
        default=1,
        metavar="N",
        help=_("processes (default: 1)"),
    )
    parser.add_argument(
        "--request-timeout",
        type=_seconds,
        default=REQUEST_TIMEOUT,
        metavar="SECONDS",
        help=_(
            "close a connection that has not sent a whole request within this time of opening"
            " or of its last answer; an idle one is closed after 5 s (default: {seconds})"
        ).format(seconds=f"{REQUEST_TIMEOUT:g}"),
    )
    args = parser.parse_args(argv)
    from web.app import Settings
    from web.server import default_hosts, serve

    gc.enable()  # a server runs long: its garbage must be collected
    hosts = tuple(args.allowed_host) or default_hosts(args.host)
    knowledge = tuple(args.knowledge)
    serve(Settings(args.host, args.port, args.workers, knowledge, hosts, args.request_timeout))
    return EXIT_OK


def _port(text: str, language: Language) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(
            language.gettext("expected a port number from 0 to 65535, got {text!r}").format(
                text=text
            )
        )
    return int(text)


def _positive(text: str, language: Language) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            language.gettext("expected a whole number >= 1, got {text!r}").format(text=text)
        )
    return int(text)


def _batch_output(path: Path | None, protect: tuple[Path, ...]):
    """The --output file, replaced only once the batch is done; else standard output."""
    if path is None:
        from contextlib import nullcontext

        return nullcontext(sys.stdout.buffer)
    from visualise.files import open_atomically

    return open_atomically(path, protect)


COMMANDS: dict[str, Callable[[list[str], Language], int]] = {
    "schema": run_schema,
    "interview": run_interview,
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


class _Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the run is, so what it was writing is cleaned up."""


def _terminate(signum: int, frame) -> None:
    raise _Terminated(signum)


def _on_termination(handler) -> dict[int, object]:
    """Handle SIGTERM and SIGHUP with `handler` (main thread only); the handlers replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    signals = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    return {signum: signal.signal(signum, handler) for signum in signals}


def main(argv: list[str] | None = None) -> int:
    from visualise.files import GuardedStream, discard_output

    argv = sys.argv[1:] if argv is None else argv
    command = COMMANDS.get(argv[0]) if argv else None
    collecting = gc.isenabled()
    gc.disable()  # a run allocates and exits: collecting during start-up cost ~30% (bench/)
    language = languages.language(languages.default_code())  # for an error in --lang itself
    stdout, sys.stdout = sys.stdout, GuardedStream(sys.stdout)
    replaced = _on_termination(_terminate)
    try:
        language = _language(argv)
        status = command(argv[1:], language) if command else run_diagnose(argv, language)
        sys.stdout.flush()
        return status
    except (InputError, KnowledgeError) as error:
        print(f"paydoctor: {_one_line(language.text(error.message))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except EngineFault as error:
        problem = language.gettext("internal fault: {problem}").format(problem=error)
        print(f"paydoctor: {problem}", file=sys.stderr)
        return EXIT_FAULT
    except DiagramError as error:
        print(f"paydoctor: {_one_line(str(error))}", file=sys.stderr)
        return EXIT_FAULT
    except KeyboardInterrupt:
        print(f"paydoctor: {language.gettext('interrupted')}", file=sys.stderr)
        return 130
    except _Terminated as stop:
        print("paydoctor: stopped by a signal; nothing was left half-written", file=sys.stderr)
        return 128 + stop.args[0]
    except BrokenPipeError:
        discard_output(stdout)
        return EXIT_OK
    finally:
        sys.stdout = stdout
        for signum, handler in replaced.items():
            signal.signal(signum, handler)
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
