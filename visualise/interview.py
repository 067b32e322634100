"""The interview's next step as report-v2's object, and a question in the reader's words.

`python cli.py interview FACTS --format json`, POST /api/v1/interview and the
web pages all show a step through `interview_data`; the terminal (`--ask`)
words its questions with `question_text` and `hint`.
"""

from __future__ import annotations

from typing import Any

from engine.consultation.answers import CHOICE, CHOICES, TEXT, YES_NO, expected
from engine.consultation.interview import Question, kind_name
from engine.facts.asking import Choice
from engine.facts.model import Facts, read_path
from engine.facts.personal import mask_any
from engine.outcome import ConsultationStep
from engine.text.translatable import Message
from visualise.json_report import report_data
from visualise.language import ENGLISH, Language


def interview_data(
    consultation: ConsultationStep, reveal: bool = False, language: Language = ENGLISH
) -> dict[str, Any]:
    """report-v2's interview object: done, the question (if any), asked, the report so far."""
    step, outcome = consultation.step, consultation.outcome
    data: dict[str, Any] = {"done": step.done}
    if step.question is not None:
        data["question"] = question_data(step.question, step.facts, language)
    data["asked"] = step.asked
    data["report"] = report_data(
        outcome.diagnosis, reveal, outcome.plan_check, language, outcome.next_steps
    )
    return data


def question_data(question: Question, facts: Facts, language: Language) -> dict[str, Any]:
    kind = question.kind
    data: dict[str, Any] = {
        "fact": question.fact,
        "text": question_text(question, facts, language),
        "help": help_text(question, language),
        "kind": kind_name(kind),
    }
    if kind.name == YES_NO:
        data["choices"] = [
            {"value": True, "label": language.gettext("Yes")},
            {"value": False, "label": language.gettext("No")},
            *_nothing_choice(question, language),
        ]
    elif kind.name == CHOICE:
        data["choices"] = [
            {"value": value, "label": _way_label(way, value, language), **_sets(way)}
            for value, way in question.ask.offers(kind.values)
        ]
    if question.ticks:
        data["several"] = True
        data["choices"] = _tick_choices(question, language)
    elif kind.name == CHOICES:
        data["several"] = True  # tick any: the answer names them, separated by commas
        data["choices"] = [
            {"value": value, "label": _label(question, value, language)} for value in kind.values
        ]
    if question.ask.units:
        # An answer in another unit ("$120") is written at that unit's fact (the yuan then
        # not known): a client writes it there, a page takes it as typed.
        data["units"] = {path: list(words) for path, words in question.ask.units.items()}
    if kind.name != YES_NO and question.ask.never is not None and question.ask.none:
        data.setdefault("choices", []).append(_never_choice(question, language))
    # As the report names causes: a per-wallet cause by its id, and (report-v3) with its wallet.
    data["decides"] = list(dict.fromkeys(key.id for key in question.decides))
    data["decides_in"] = [
        {"id": key.id, "wallet": key.wallet} for key in question.decides if key.wallet is not None
    ]
    return data


NOTHING = "nothing"
"""The value of the "nothing of these" choice: the answer the terminal reads as it."""


def _nothing_choice(question: Question, language: Language) -> list[dict[str, Any]]:
    """report-v3's one choice that answers several facts a person knows together ("nothing":
    no notice, no restriction, no request), with the facts it `sets`; none for other
    questions."""
    if question.ask.nothing is None or not question.ask.none:
        return []
    label = question.ask.nothing.in_(language.code)
    return [
        {"value": NOTHING, "label": label[:1].upper() + label[1:], "sets": dict(question.ask.none)}
    ]


NEVER = "never"
"""The value of a question's "never" choice (no renewal, no number change): the answer the
terminal reads as it."""


def _never_choice(question: Question, language: Language) -> dict[str, Any]:
    """report-v3's choice beside a typed answer that says it never happened, with the facts it
    `sets` (a first passport: not renewed)."""
    assert question.ask.never is not None
    return {
        "value": NEVER,
        "label": question.ask.never.in_(language.code),
        "sets": dict(question.ask.none),
    }


def _sets(choice: Choice | None) -> dict[str, Any]:
    """report-v3's `sets` of a choice that also sets other facts (a foreign card's payment
    says there is one; in Alipay, the wallet too), else nothing."""
    return {"sets": dict(choice.sets)} if choice is not None and choice.sets else {}


def _tick_choices(question: Question, language: Language) -> list[dict[str, Any]]:
    """A list's lines to tick, each with the fact ticking it `sets` and the one leaving it
    unticked sets (`unticked`: it did not happen), and the choice that ticks none."""
    assert question.ask.never is not None
    return [
        *(
            {
                "value": fact,
                "label": question.ask.choices[fact].label.in_(language.code),
                "sets": dict(question.ask.choices[fact].sets),
                "unticked": dict(question.unticked[fact]),
            }
            for fact in question.ticks
        ),
        {
            "value": NOTHING,
            "label": question.ask.never.in_(language.code),
            "sets": {p: v for said in question.unticked.values() for p, v in said.items()},
        },
    ]


def question_text(question: Question, facts: Facts, language: Language) -> str:
    """The question in the reader's language; a card's question names the card first."""
    text = question.ask.text.in_(language.code)
    if question.card is None:
        return text
    label = language.text(card_label(facts, question.card, question.cards, question.maker_shown))
    return language.gettext("{card}: {question}").format(
        card=label[:1].upper() + label[1:], question=text
    )


def help_text(question: Question, language: Language) -> str:
    """Where to find the answer (the choices are listed apart: tick boxes, numbered lines)."""
    return question.ask.help.in_(language.code) if question.ask.help else ""


def hint(question: Question, language: Language) -> str:
    """How an answer may be written, in a few words ("" for free text)."""
    if question.kind.name == TEXT:
        return ""
    if question.kind.name in (CHOICE, CHOICES):
        offered = question.ask.offers(question.kind.values)
        listed = " · ".join(
            f"{number}. {_way_label(way, value, language)}"
            for number, (value, way) in enumerate(offered, start=1)
        )
        if question.kind.name == CHOICE:
            return listed
        several = language.gettext("any of these, by their numbers ({first}, {last})").format(
            first=1, last=len(question.kind.values)
        )
        never = question.ask.never
        return f"{listed} · {several}" + (f" · {never.in_(language.code)}" if never else "")
    said = language.text(expected(question.kind, question.ask))
    offered = question.ask.nothing or question.ask.never
    if offered is None:
        return said
    return f"{said} · {offered.in_(language.code)}"


def card_label(facts: Facts, card: int, cards: str, maker_shown: bool = False) -> Message:
    """How a card is named in a question: its number and, when known, who made it and its last
    digits, as its list declares them (`cards`: the list it is in; `Section.maker`,
    `Section.ending`: the bank or network, the last four); a maker typed as free text shown as
    typed when it is a known bank (`maker_shown`: ICBC, 工商银行), any other as its first
    letters (`Zhang Wei` shows `Z*** W**`), enough for the person who typed it to tell cards
    apart. A card of the rules' own list is "card N", of another list "foreign card N"."""
    model = type(facts)
    section = model.declared.get(cards)
    maker = f"{cards}[].{section.maker}" if getattr(section, "maker", None) else None
    made_by = read_path(facts, maker, card) if maker else None
    choices = getattr(model.declared[maker].ask, "choices", None) if maker else None
    if made_by is not None and choices:  # a network as its logo names it: Visa, not visa
        choice = choices.get(made_by) if made_by != "other" else None
        made_by = choice.label if choice is not None else None
    elif made_by is not None and not maker_shown:
        made_by = mask_any(made_by)  # a bank's name is typed: it may be anything, a name too
    digits = f"{cards}[].{section.ending}" if getattr(section, "ending", None) else None
    last4 = read_path(facts, digits, card) if digits else None
    ending = Message("ending {digits}", digits=last4) if last4 else None
    if cards == model.card_list:
        noun = Message("card {number}", number=card + 1)
    else:
        noun = Message("foreign card {number}", number=card + 1)
    if made_by is not None and ending:
        return Message("{card} ({maker}, {ending})", card=noun, maker=made_by, ending=ending)
    if made_by is not None or ending:
        return Message("{card} ({details})", card=noun, details=made_by or ending)
    return noun


def _label(question: Question, value: str, language: Language) -> str:
    return _way_label(question.ask.choices.get(value), value, language)


def _way_label(choice: Choice | None, value: str, language: Language) -> str:
    return choice.label.in_(language.code) if choice else value.replace("_", " ").capitalize()
