"""The web layer's one boundary with the interview engine (engine/consultation/interview.py).

`next_step` gives report-v2's interview object (`done`, `question`, `asked`,
`report`) as a pure function of the facts so far, as `python cli.py interview
--format json` prints it; `take_answer` writes what a person typed (or "I
don't know", facts-v2's `dont_know`) into them, read as leniently as the
terminal reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.consultation.interview import Interviewer, progress
from engine.errors import InputError
from engine.facts.edits import FactData, get_fact, with_fact, without_empty
from engine.facts.loading import parse_json, validate_facts
from engine.facts.model import DONT_KNOW, Facts, card_index, template
from engine.outcome import consultation_step
from engine.reasoning.diagnosis import Diagnosis, Doctor
from engine.text.translatable import N_, Message
from visualise.interview import NOTHING, interview_data
from visualise.language import ENGLISH, Language

STALE = N_(
    "this page's question has been answered already (the browser's back button?);"
    " answer the question shown now"
)


@dataclass(frozen=True)
class Step:
    """The interview object, and how many questions are worth asking now (for progress)."""

    interview: dict[str, Any]
    left: int
    diagnosis: Diagnosis
    lines: tuple[str, ...] = ()
    """Where the question is a list to tick: its lines' facts (the page keeps them)."""

    def progress(self, shown: int = 0) -> int:
        """Percent done, never below what was shown before."""
        return progress(self.interview["asked"], self.left, shown)


def next_step(
    doctor: Doctor, data: FactData, reveal: bool = False, language: Language = ENGLISH
) -> Step:
    """The next question worth asking about `data` (facts with `dont_know`), or done, with the
    question and the report in `language`."""
    consultation = consultation_step(Interviewer(doctor), data)
    interview = interview_data(consultation, reveal, language)
    question = consultation.step.question
    lines = question.ticks if question is not None else ()
    return Step(interview, consultation.step.left, consultation.outcome.diagnosis, lines)


def take_answer(
    doctor: Doctor,
    data: FactData,
    fact: str,
    answer: str | None,
    asking: str | None = None,
    lines: tuple[str, ...] = (),
) -> FactData:
    """`data` with the answer to the question at `fact` written in (None: "I don't know").

    Only the question `data` asks next is answered, so an answer from an older
    page (a browser's back button) cannot land beside newer ones unchecked.
    `asking` is that question as the page that asked it was made with it, and
    `lines` its lines where it is a list to tick (the answers' state keeps
    both), so the interview's step is not made again here; a state without it
    (one not made by a page) is checked by a step.
    """
    interviewer = Interviewer(doctor)
    if asking is None:
        step = interviewer.step(data).question
        asking, lines = (step.fact, step.ticks) if step is not None else (None, ())
    ask = doctor.kb.ask(fact)
    question = interviewer.listing(lines) if lines else None
    if asking != fact or ask is None or (lines and question is None):
        raise InputError(STALE)
    if answer is None and question is not None:
        return interviewer.ticked(data, question, "")  # every line not known
    if answer is None:
        return interviewer.not_known(data, fact)
    if not answer.strip() and question is not None:
        answer = NOTHING  # a list to tick with no line ticked: none of them happened
    asked = question.ask.text if question is not None else ask.text  # a list: its heading
    if not answer.strip():
        raise InputError(
            'Answer to "{question}": none given; answer it or choose I don\'t know',
            question=asked,
        )
    try:
        return interviewer.answer(data, fact, answer, question, alone=question is None)
    except InputError as error:
        # Validation names the source and the path: the question says which fact it is.
        english = str(error)
        problem = english.removeprefix("answer: ").removeprefix(f"{fact}: ")
        answered = InputError(
            'Answer to "{question}": {problem}',
            question=asked,
            problem=error.message if problem == english else problem,
        )
        if error.shown_back is not None:
            answered.shown_back = Message(
                'Answer to "{question}": {problem}',
                question=asked,
                problem=error.shown_back,
            )
        raise answered from None


def given_answer(data: FactData, fact: str, doctor: Doctor | None = None) -> str | None:
    """The answer at `fact` as a form sends it (`true`, a count, text; a value offered several
    ways, the number of the way the facts say, where `doctor`'s knowledge offers it so);
    None if not known."""
    value = get_fact(data, template(fact), card_index(fact))
    if value is None:
        return None
    ask = doctor.kb.ask(fact) if doctor is not None else None
    choice = ask.choices.get(value) if ask is not None and isinstance(value, str) else None
    if choice is not None and choice.offered:
        known = {path: get_fact(data, path) for way in choice.offered for path in way.sets}
        offered = [way for _, way in ask.offers()]
        said = [offered.index(way) + 1 for way in choice.offered if way.says(known)]
        return str(said[0]) if said else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return (
            ", ".join(map(str, value)) if value and isinstance(value[0], str) else str(len(value))
        )
    return str(value)


def forget(data: FactData, fact: str) -> FactData:
    """`data` with the answer at `fact` (or its "I don't know") taken back."""
    not_known = data.get(DONT_KNOW, [])
    if fact in not_known:
        rest = [path for path in not_known if path != fact]
        changed = {key: value for key, value in data.items() if key != DONT_KNOW}
        return {**changed, DONT_KNOW: rest} if rest else changed
    return without_empty(with_fact(data, template(fact), None, card_index(fact)))


def read_facts_data(text: str, source: str, model: type[Facts] | None = None) -> FactData:
    """Facts (with `dont_know`) given as JSON text, checked as a facts file is (an empty text
    included: the CLI says the file is empty), with the knowledge base's facts `model`."""
    data = parse_json(text, source)
    validate_facts(data, source, model)
    return data
