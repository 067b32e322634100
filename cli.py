"""paydoctor's command line: parse options, run the stages in order, choose the exit status.

    python cli.py FACTS.json [--format text|json] [--show-personal-data]
    python cli.py schema

Exit status: 0 a diagnosis was made, 2 bad input or usage, 1 an internal fault.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from engine.errors import EngineFault, InputError, KnowledgeError

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one clear line and exit status 2."""

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
    parser.add_argument("facts", type=Path, help="facts file (JSON, see 'paydoctor schema')")
    _add_report_options(parser)
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


def _doctor(args: argparse.Namespace):
    """The Doctor for the knowledge base these options select (built once per process)."""
    from engine.diagnosis import Doctor
    from engine.knowledge_loader import builtin_knowledge

    return Doctor(builtin_knowledge())


def run_diagnose(argv: list[str]) -> int:
    args = _diagnose_parser().parse_args(argv)
    from engine.loading import read_facts_file

    facts = read_facts_file(args.facts)
    diagnosis = _doctor(args).diagnose(facts)
    if args.format == "json":
        from visualise.json_report import render_json

        sys.stdout.write(render_json(diagnosis, reveal=args.show_personal_data))
    else:
        from visualise.text import render_text

        render_text(diagnosis, sys.stdout, reveal=args.show_personal_data)
    return EXIT_OK


def run_schema(argv: list[str]) -> int:
    _Parser(
        prog="paydoctor schema", description="Print the JSON Schema of facts files."
    ).parse_args(argv)
    from engine.facts import Facts

    schema = Facts.model_json_schema(by_alias=True)
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "schema": run_schema,
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = COMMANDS.get(argv[0]) if argv else None
    try:
        return command(argv[1:]) if command else run_diagnose(argv)
    except (InputError, KnowledgeError) as error:
        print(f"paydoctor: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except EngineFault as error:
        print(f"paydoctor: internal fault: {error}", file=sys.stderr)
        return EXIT_FAULT
    except KeyboardInterrupt:
        print("paydoctor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
