"""The consultation's next step, as report-v2's interview object, and taking an answer.

This is the web layer's one boundary with the interview: `next_step` gives
report-v2's object (`done`, `question`, `asked`, `report`) as a pure function of
the facts so far, `take_answer` writes a typed answer into them. Today the
question is the one the terminal consultation (`--ask`, engine/consult.py) asks
first and answers are read by its parser; the interview engine of issue 13 will
replace the insides of these two functions, not their shape.

"I don't know" is facts-v2's `dont_know` list of paths. Until the facts format
holds that list itself, it is split off here before the facts are validated,
and left out of the facts file a person downloads (`facts_file`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from engine.consult import Consultation, answer_kind, parse_answer
from engine.diagnosis import Diagnosis, Doctor
from engine.errors import InputError
from engine.fact_edits import FactData, get_fact, with_fact
from engine.facts import FACT_PATHS, Facts
from engine.loading import parse_facts, validate_facts
from web.reports import diagnose_data

DONT_KNOW = "dont_know"
FORMAT_HOLDS_DONT_KNOW = DONT_KNOW in Facts.model_fields
"""facts-v2 holds `dont_know` itself; facts-v1 refuses it as an unknown key."""

KINDS = {
    "yes/no": "yes_no",
    "choice": "choice",
    "date": "date",
    "partial date": "date",
    "count": "count",
    "whole number": "number",
    "number": "number",
    "text": "text",
    "choices": "text",
}
"""engine/consult.py's kinds of answer, as report-v2 names them (several choices are typed)."""

HELP = {
    "date": "Write the date as YYYY-MM-DD, for example 2026-09-15.",
    "partial date": "Write the date as YYYY-MM-DD, or just the month (2026-09) or the year.",
    "count": "How many, from 0 to 9.",
    "whole number": "A whole number.",
    "number": "A number.",
}

_CARD_INDEX = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Step:
    """The interview object, and how many questions are worth asking now (for progress)."""

    interview: dict[str, Any]
    left: int
    diagnosis: Diagnosis


def next_step(doctor: Doctor, data: FactData, asked: int = 0, reveal: bool = False) -> Step:
    """The next question worth asking about `data` (facts with `dont_know`), or done."""
    consultation = _consultation(doctor, data)
    questions = consultation.questions()
    diagnosis, report = diagnose_data(doctor, validate_facts(consultation.data), reveal)
    interview: dict[str, Any] = {"done": not questions}
    if questions:
        interview["question"] = _question(consultation, questions[0])
    interview["asked"] = asked
    interview["report"] = report
    return Step(interview, len(questions), diagnosis)


def take_answer(doctor: Doctor, data: FactData, fact: str, answer: str | None) -> FactData:
    """`data` with the answer to the question at `fact` written in (None: "I don't know").

    Only the question `data` asks next is answered, so an answer from an older
    page (a browser's back button) cannot land beside newer ones unchecked.
    """
    questions = _consultation(doctor, data).questions()
    if not questions or questions[0].fact != fact:
        raise InputError(f"{fact}: is not the question being asked; answer the page shown again")
    if answer is None:
        return {**data, DONT_KNOW: [*data.get(DONT_KNOW, []), fact]}
    asked = f'Answer to "{questions[0].text}"'
    if not answer.strip():
        raise InputError(f"{asked}: none given; answer it or choose I don't know")
    template, card = _template(fact), _card(fact)
    try:
        value = parse_answer(answer_kind(template), answer.strip())
        changed = with_fact(data, template, value, card)
        validate_facts(_facts_only(changed), source=fact)
    except InputError as error:
        # Validation names the source and the path (here both `fact`): the question says both.
        problem = str(error).removeprefix(f"{fact}: ").removeprefix(f"{fact}: ")
        raise InputError(f"{asked}: {problem}") from None
    return changed


def given_answer(data: FactData, fact: str) -> str | None:
    """The answer at `fact` as a form sends it (`true`, a count, text); None if not known."""
    value = get_fact(data, _template(fact), _card(fact))
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return str(len(value))
    return str(value)


def forget(data: FactData, fact: str) -> FactData:
    """`data` with the answer at `fact` (or its "I don't know") taken back."""
    not_known = data.get(DONT_KNOW, [])
    if fact in not_known:
        return {**data, DONT_KNOW: [path for path in not_known if path != fact]}
    return with_fact(data, _template(fact), None, _card(fact))


def facts_file(data: FactData) -> FactData:
    """The facts as a facts file holds them, to download and diagnose again with the CLI."""
    return data if FORMAT_HOLDS_DONT_KNOW else _facts_only(data)


def read_facts_data(text: str, source: str) -> FactData:
    """Facts (with `dont_know`) given as JSON text, checked as a facts file is."""
    try:
        data = json.loads(text) if text.strip() else {}
    except (ValueError, RecursionError):
        parse_facts(text, source)  # raises the message the CLI gives for this text
        raise
    validate_facts(_facts_only(data) if isinstance(data, dict) else data, source)
    _not_known(data, source)
    return data


def _consultation(doctor: Doctor, data: FactData) -> Consultation:
    consultation = Consultation(doctor, _facts_only(data))
    consultation.not_known = _not_known(data)
    return consultation


def _facts_only(data: FactData) -> FactData:
    if FORMAT_HOLDS_DONT_KNOW:
        return data
    return {key: value for key, value in data.items() if key != DONT_KNOW}


def _not_known(data: FactData, source: str = "facts") -> list[str]:
    """The paths in `dont_know`, each checked to name a fact."""
    paths = data.get(DONT_KNOW, [])
    if not isinstance(paths, list):
        raise InputError(f"{source}: {DONT_KNOW}: expected a list of fact paths")
    for index, path in enumerate(paths):
        if not isinstance(path, str) or _template(path) not in FACT_PATHS:
            shown = repr(path)[:60] if isinstance(path, str) else "not a string"
            raise InputError(
                f"{source}: {DONT_KNOW}[{index}]: {shown} is not allowed: expected a fact's path,"
                " such as passport.number or bank_cards[0].status"
            )
    return list(paths)


def _question(consultation: Consultation, question) -> dict[str, Any]:
    kind = question.kind
    card = question.card
    text = question.text
    if card is not None:
        label = str(consultation.card_label(card, question.cards))
        text = f"{label[0].upper()}{label[1:]}: {text}"
    data: dict[str, Any] = {
        "fact": question.fact,
        "text": text,
        "help": HELP.get(kind.name, ""),
        "kind": KINDS[kind.name],
    }
    if kind.name == "yes/no":
        data["choices"] = [{"value": True, "label": "Yes"}, {"value": False, "label": "No"}]
    elif kind.name == "choices":
        data["help"] = "Any of, separated by commas: " + ", ".join(
            choice.replace("_", " ") for choice in kind.choices
        )
    elif kind.name == "choice":
        data["choices"] = [
            {"value": choice, "label": choice.replace("_", " ").capitalize()}
            for choice in kind.choices
        ]
    data["decides"] = list(question.decides)
    return data


def _template(path: str) -> str:
    return _CARD_INDEX.sub("[]", path)


def _card(path: str) -> int | None:
    index = _CARD_INDEX.search(path)
    return int(index.group(1)) if index else None
