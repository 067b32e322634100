"""A consultation: which unknown fact to ask next, and taking an answer into the facts.

A fact is worth asking when its answer can confirm or rule out a cause that is
not confirmed yet: it is unknown in a condition of that cause that has not
failed (`engine.evaluate`). Facts are ranked by how decisive they are: each
open condition gives each of its unknown facts a share (1 / how many unknown
facts it rests on), a fact takes its best share per cause, and its score is
the sum over causes. The ranking is worked out again after every answer.
Answers are checked by putting them into the facts and validating those as a
facts file is validated.
"""

from __future__ import annotations

import re
import types
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from engine.dates import PartialDate
from engine.diagnosis import Doctor
from engine.errors import InputError
from engine.evaluate import Held, evaluate
from engine.fact_edits import FactData, get_fact, with_fact
from engine.facts import FACT_PATHS, Facts
from engine.knowledge_base import CONFIRMED
from engine.loading import validate_facts
from engine.personal import mask_any
from engine.rules import Case
from engine.translatable import N_, Message

DONT_KNOW = frozenset({"", "?", "don't know", "dont know", "do not know", "unknown", "不知道"})
YES = frozenset({"yes", "y", "true", "是", "对"})
NO = frozenset({"no", "n", "false", "否", "不是", "不"})
MAX_CARDS = 9

_CARD_INDEX = re.compile(r"\[(\d+)\]")
_HINTS = {
    "yes/no": N_("yes or no"),
    "whole number": N_("a whole number"),
    "number": N_("a number"),
    "date": N_("YYYY-MM-DD"),
    "partial date": N_("YYYY-MM-DD, YYYY-MM or YYYY"),
    "text": "",
}


@dataclass(frozen=True)
class AnswerKind:
    """What kind of answer a fact takes: "yes/no", "whole number", "number", "choice",
    "choices" (several, or none), "date" (a day), "partial date" (a day, a month or a
    year), "text" or "count" (how many cards)."""

    name: str
    choices: tuple[str, ...] = ()

    def hint(self) -> Message:
        """How to answer, in a few words (empty for free text)."""
        if self.name == "choice":
            return Message(
                "one of: {choices}", choices=", ".join(c.replace("_", " ") for c in self.choices)
            )
        if self.name == "choices":
            return Message(
                "any of, separated by commas: {choices}",
                choices=", ".join(c.replace("_", " ") for c in self.choices),
            )
        if self.name == "count":
            return Message("how many, 0 to {most}", most=MAX_CARDS)
        return Message(_HINTS[self.name])


@dataclass(frozen=True)
class Question:
    """An unknown fact to ask about, and the causes its answer can settle."""

    fact: str
    text: str
    kind: AnswerKind
    decides: tuple[str, ...]
    card: int | None

    @property
    def template(self) -> str:
        return _CARD_INDEX.sub("[]", self.fact)

    @property
    def cards(self) -> str:
        """The list whose item the question is about (`bank_cards`, `foreign_cards`)."""
        return self.fact.split("[", 1)[0]


class Consultation:
    """The facts so far, the facts the person does not know, and what to ask next."""

    def __init__(self, doctor: Doctor, data: FactData, today: date | None = None):
        validate_facts(data)
        self.doctor = doctor
        self.data = data
        self.today = today
        self.not_known: list[str] = list(data.get("dont_know") or ())
        """Facts the person could not answer, here or before: never asked again, and saved
        with the facts (`dont_know`)."""
        self.answered: list[str] = []

    def questions(self) -> tuple[Question, ...]:
        """Every question still worth asking, the most decisive first."""
        facts = validate_facts(self.data)
        diagnosis = self.doctor.diagnose(facts, self.today)
        case = Case(facts, diagnosis.as_of)
        held = Held(self.doctor.observer.observe(case), diagnosis.trace, self.doctor.rules, case)
        confirmed = {f.cause.key for f in diagnosis.findings if f.status == CONFIRMED}
        shares: dict[tuple[str, str], float] = {}
        for rule in self.doctor.rules:
            if not rule.concludes_cause or rule.target in confirmed:
                continue
            for result in evaluate(rule, held):
                rests_on = result.rests_on
                for path in rests_on:
                    key = (path, rule.target)
                    shares[key] = max(shares.get(key, 0.0), 1 / len(rests_on))
        scores: dict[str, float] = {}
        decides: dict[str, list[str]] = {}
        for (path, cause_id), share in shares.items():
            if path in self.not_known or _template(path) not in FACT_PATHS:
                continue
            scores[path] = scores.get(path, 0.0) + share
            decides.setdefault(path, []).append(cause_id)
        ranked = sorted(scores, key=lambda p: (-scores[p], FACT_PATHS.index(_template(p)), p))
        return tuple(self._question(path, decides[path]) for path in ranked)

    def _question(self, path: str, decides: list[str]) -> Question:
        template = _template(path)
        card = _CARD_INDEX.search(path)
        order = {key: rank for rank, key in enumerate(self.doctor.order)}
        return Question(
            fact=path,
            text=self.doctor.kb.questions.get(template, f"What is {path}?"),
            kind=answer_kind(template),
            decides=tuple(sorted(decides, key=order.__getitem__)),
            card=int(card.group(1)) if card else None,
        )

    def answer(self, question: Question, text: str) -> None:
        """Take an answer into the facts, or raise InputError saying what is wrong with it."""
        if text.strip().casefold() in DONT_KNOW:
            self.not_known.append(question.fact)
            self.data = {**self.data, "dont_know": [*self.data.get("dont_know", ()), question.fact]}
            return
        value = parse_answer(question.kind, text.strip())
        data = with_fact(self.data, question.template, value, question.card)
        validate_facts(data, source="answer")
        self.data = data
        self.answered.append(question.fact)

    def card_label(self, card: int, cards: str = "bank_cards") -> Message:
        """How a card is named in a question: its number and, when known, its bank or network
        and last digits (`cards`: the list it is in, bank or foreign cards)."""
        maker = "bank" if cards == "bank_cards" else "network"
        made_by = get_fact(self.data, f"{cards}[].{maker}", card)
        last4 = get_fact(self.data, f"{cards}[].last4", card)
        ending = Message("ending {digits}", digits=last4) if last4 else None
        if cards == "bank_cards":
            noun = Message("card {number}", number=card + 1)
        else:
            noun = Message("foreign card {number}", number=card + 1)
        if made_by is not None and ending:
            return Message("{card} ({maker}, {ending})", card=noun, maker=made_by, ending=ending)
        if made_by is not None or ending:
            return Message("{card} ({details})", card=noun, details=made_by or ending)
        return noun


def answer_kind(template: str) -> AnswerKind:
    """The kind of answer the facts format takes at `template` (a `bank_cards[]` path)."""
    model: type[BaseModel] = Facts
    annotation: Any = None
    for part in template.split("."):
        annotation = _unwrap(model.model_fields[part.removesuffix("[]")].annotation)
        if get_origin(annotation) is list and part.endswith("[]"):
            annotation = get_args(annotation)[0]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
    if get_origin(annotation) is Literal:
        return AnswerKind("choice", get_args(annotation))
    if get_origin(annotation) is list:
        item = _unwrap(get_args(annotation)[0])
        if get_origin(item) is Literal:
            return AnswerKind("choices", get_args(item))
        return AnswerKind("count")
    kinds = {
        bool: "yes/no",
        int: "whole number",
        float: "number",
        date: "date",
        PartialDate: "partial date",
    }
    return AnswerKind(kinds.get(annotation, "text"))


def parse_answer(kind: AnswerKind, text: str) -> Any:
    """The JSON value of a typed answer; InputError naming what was expected."""
    folded = text.casefold()
    if kind.name == "yes/no":
        if folded in YES | NO:
            return folded in YES
    elif kind.name == "whole number":
        if re.fullmatch(r"[+-]?\d+", text):
            return int(text)
    elif kind.name == "number":
        try:
            return float(text)
        except ValueError:
            pass
    elif kind.name == "choice":
        chosen = _choice(kind, text)
        if chosen is not None:
            return chosen
    elif kind.name == "choices":
        parts = [part.strip() for part in re.split(r"[,，、]", text) if part.strip()]
        chosen = [_choice(kind, part) for part in parts]
        if None not in chosen:
            return list(dict.fromkeys(chosen))
    elif kind.name == "count":
        if text.isdigit() and int(text) <= MAX_CARDS:
            return [{} for _ in range(int(text))]
    else:
        return text
    raise InputError(
        "{answer} is not allowed: expected {hint}", answer=repr(mask_any(text)), hint=kind.hint()
    )


def _choice(kind: AnswerKind, text: str) -> str | None:
    """The choice `text` names, by its value or its number in the list; None if none."""
    wanted = re.sub(r"[\s\-]+", "_", text.casefold())
    if wanted in kind.choices:
        return wanted
    if text.isdigit() and 1 <= int(text) <= len(kind.choices):
        return kind.choices[int(text) - 1]
    return None


def _unwrap(annotation: Any) -> Any:
    """`X | None` -> X; `Annotated[X, ...]` -> X."""
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _template(path: str) -> str:
    return _CARD_INDEX.sub("[]", path)
