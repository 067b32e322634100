"""`paydoctor --ask [FACTS.json]`: a consultation in the terminal gives a diagnosis its facts."""

from __future__ import annotations

import sys
from pathlib import Path

from visualise.language import Language


def ask(doctor, source: Path | None, language: Language):
    """A consultation in the terminal, starting from `source` if given.

    Returns its facts and the file holding them: the one the answers were saved
    to, else `source` (None if neither). Ctrl-C or the end of input ends the
    asking; the report of the facts so far follows.
    """
    from commands.consultation import consult
    from engine.consultation.interview import Interviewer
    from engine.facts.edits import facts_data
    from engine.facts.loading import read_facts_file, validate_facts

    model = doctor.kb.facts_model
    start = facts_data(read_facts_file(source, model)) if source else {}
    data, saved = consult(Interviewer(doctor), start, source, sys.stdin, sys.stderr, language)
    return validate_facts(data, model=model), saved or source
