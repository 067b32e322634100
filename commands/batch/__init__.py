"""`paydoctor batch`: many cases, one JSON record a case."""

from __future__ import annotations

import functools
import gc
import sys
from pathlib import Path

from commands import EXIT_BAD_INPUT, EXIT_FAULT, EXIT_OK
from commands.knowledge_base import doctor_for
from commands.parser import Parser, positive
from visualise.language import Language


def run(argv: list[str], language: Language) -> int:
    _ = language.gettext
    parser = Parser(
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
        type=functools.partial(positive, language=language),
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
    from commands.batch.progress import progress, render_summary
    from commands.batch.runner import BatchInput, BatchSummary, default_jobs, diagnose_all
    from visualise.json_report import report_data

    batch = BatchInput.open(args.input)
    doctor = doctor_for(args)
    gc.enable()  # a batch runs long: its garbage must be collected
    summary = BatchSummary()
    started = time.perf_counter()
    with (
        batch_output(args.output, batch.protected) as out,
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


def batch_output(path: Path | None, protect: tuple[Path, ...]):
    """The --output file, replaced only once the batch is done; else standard output."""
    if path is None:
        from contextlib import nullcontext

        return nullcontext(sys.stdout.buffer)
    from visualise.files import open_atomically

    return open_atomically(path, protect)
