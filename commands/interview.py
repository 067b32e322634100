"""`paydoctor interview FACTS.json`: a consultation's next step (report-v2's interview object)."""

from __future__ import annotations

import sys
from pathlib import Path

from commands import EXIT_OK
from commands.knowledge_base import doctor_for
from commands.parser import Parser, add_report_options
from visualise.json_text import indented
from visualise.language import Language


def run(argv: list[str], language: Language) -> int:
    _ = language.gettext
    parser = Parser(
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
    add_report_options(parser, language)
    args = parser.parse_args(argv)
    from engine.consultation.interview import Interviewer
    from engine.facts.edits import facts_data
    from engine.facts.loading import read_facts_file
    from engine.outcome import consultation_step

    doctor = doctor_for(args)
    facts = read_facts_file(args.facts, doctor.kb.facts_model)
    step = consultation_step(Interviewer(doctor), facts_data(facts))
    if args.format == "json":
        from visualise.interview import interview_data

        data = interview_data(step, args.show_personal_data, language)
        sys.stdout.write(indented(data))
    else:
        from commands.consultation import show_step

        show_step(step, sys.stdout, args.show_personal_data, language)
    return EXIT_OK
