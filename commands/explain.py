"""`paydoctor FACTS.json --explain ID`: how a cause (or workaround) was reached, or why not."""

from __future__ import annotations

import argparse
import sys

from commands import EXIT_OK
from visualise.language import Language


def show_explanation(args: argparse.Namespace, doctor, outcome, language: Language) -> int:
    from engine.authoring.rules import Case
    from engine.reasoning.explain import explain

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
