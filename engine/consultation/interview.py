"""The interview: the next question worth asking, as a pure function of the facts so far.

Every face of the consultation (`--ask` in a terminal, `interview --format
json`, the web pages and POST /api/v1/interview) calls `Interviewer.step` with
the facts (facts-v2, with `dont_know`) and writes the answer with
`Interviewer.answer`; none keeps any other state.

Triage first: where the payment fails (`symptom.where`) and what the error
says (`symptom.error_message`) are asked before anything else. The place
narrows the causes pursued to the layers that can explain a failure there
(the `layers` of that choice in the knowledge: no Taobao cause for an Alipay
card link, no Alipay cause for WeChat Pay); the rules themselves rule out
the rest as answers come (a visitor without a permit, a card that works).

Then what is worth asking. For each cause pursued and not confirmed, each of
its rules is evaluated test by test against the session (`engine.reasoning.evaluate`):

- a rule that is open, and whose open tests all rest on facts the traveller
  can answer, could change the diagnosis: reveal a cause not reported yet, or
  confirm a suspected one (a suspicion's own rules change nothing there). Each
  of those facts gets a share of 1 / (how many answers the rule still needs);
- the only rule that makes a cause suspected, holding on a fact nobody has
  given, could fail once it is answered: the cause ruled out, a step gone from
  the plan. Each such fact gets a share of 1 / (how many there are).

A fact's worth is the sum over causes of its best share for that cause. A
question is worth asking when its worth is at least `MIN_WORTH` (one answer
settles a cause, or two answers one each of two rules, or two answers together
settle one); after `PATIENCE` answers, only one that settles a cause something
the person saw points at. Facts only the bank's records hold are never asked
(the plan's first step checks them with the bank), nor facts the person said
they do not know, nor a layer's records where the place rules the layer out.
A card's wallet is assumed (Alipay) until asked: it is asked right after
triage when another wallet that can explain the failure would change the
diagnosis or the causes pursued. The consultation is done when no question is
worth asking. bench/interview.py measures what this costs and what it finds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from engine.authoring.rules import (
    UNKNOWN,
    Case,
    Cause,
    CauseKey,
    FactKnown,
    FactValue,
    MessagePoints,
    TestKind,
)
from engine.consultation.answers import (
    CHOICES,
    DATE,
    MOST_ITEMS,
    SAYS_NOTHING,
    Kind,
    fold,
    kind_of,
    read,
    unread,
    ways_of_saying,
)
from engine.errors import InputError
from engine.facts.asking import APP, BANK, Ask, Choice, Tick, TickList
from engine.facts.edits import FactData, facts_data, get_fact, with_fact
from engine.facts.loading import validate_facts
from engine.facts.model import DONT_KNOW, Facts, card_index, flatten, read_path, template
from engine.kb.base import CONFIRMED, SUSPECTED
from engine.reasoning.diagnosis import Diagnosis, Doctor
from engine.reasoning.evaluate import FAILS, HOLDS, OPEN, Held, TestResult, evaluate
from engine.reasoning.observe import Observed
from engine.text.translatable import N_, Message

MIN_WORTH = 0.5
PATIENCE = 8
"""Questions answered after which only a question that settles, in one answer the person knows
without looking it up, a cause something they saw points at (the message, the failure, the place
for what they saw there) is asked: a long consultation costs the person more than a cause
nothing points at is likely to bring."""
BACKGROUND = 0.25
"""The weight of a cause nothing the person saw points at yet, beside 1 for one it does."""
SUPPORTED = 0.5
"""The weight of a cause the failure itself supports (a card refused) while the error message
names another: the message is the more specific evidence."""
PREFERRED = ("date", "yes_no", "choice", "count", "number", "whole_number", "choices", "text")
"""Of several facts that settle one test, the one whose kind comes first is asked: a date says
whether and when (a passport renewed in 2026-09), a yes or a choice is quick, typing is slow."""
UNPOINTED = 0.5
"""The weight of every cause pursued while nothing the person saw points at any."""
LOOKED_UP = 0.5
"""The weight of an answer looked up in an app, beside 1 for one the person knows."""
NOT_ASKED = frozenset({"as_of"})
"""Facts a consultation never asks: the day of the diagnosis is today unless a file says."""
EASY = ("yes_no", "choice")
"""What most people can answer (a yes, a no, one of a few things): such a question worth asking
whose answer alone could reveal a cause something points at is asked however long the
consultation (`PATIENCE`)."""
_ITEM = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Question:
    """An unknown fact worth asking, how it is asked, and the causes its answer can settle."""

    fact: str
    ask: Ask
    kind: Kind
    decides: tuple[CauseKey, ...]
    """The causes its answer can settle, by key (a per-wallet cause's holds its wallet)."""
    worth: float
    ticks: tuple[str, ...] = ()
    """For a list of lines to tick (`TickList`): the facts it asks, one a line (`fact` is the
    first; each line's choice `sets` what ticking it writes); empty for a question of one
    fact."""
    unticked: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """For a list of lines to tick: the facts each line left unticked writes (it did not
    happen)."""
    maker_shown: bool = False
    """Whether the card's bank, as the person gave it, is a known bank's name (`Ask.
    shown_as_typed`): the question names the card by it; other text there is masked."""

    @property
    def template(self) -> str:
        return template(self.fact)

    @property
    def card(self) -> int | None:
        """The index of the card (bank or foreign) the question is about, if any."""
        return card_index(self.fact)

    @property
    def cards(self) -> str:
        """The list whose item the question is about (`bank_cards`, `foreign_cards`)."""
        return self.fact.split("[", 1)[0]


@dataclass(frozen=True)
class Step:
    """The next step of a consultation: the question to ask (None: done) and the rest."""

    question: Question | None
    questions: tuple[Question, ...]
    """Every question worth asking now, the next one first."""
    asked: int
    facts: Facts
    diagnosis: Diagnosis

    @property
    def done(self) -> bool:
        return self.question is None

    @property
    def left(self) -> int:
        return len(self.questions)


def progress(asked: int, left: int, shown: int = 0) -> int:
    """Percent done, never below what was shown before (`shown`): the line never goes back."""
    estimate = 100 if not left else 100 * asked // (asked + left)
    return max(estimate, shown)


class Interviewer:
    """The interview over one knowledge base (its Doctor)."""

    def __init__(self, doctor: Doctor):
        self.doctor = doctor
        self.kb = doctor.kb
        self.model = doctor.kb.facts_model
        declared = self.model.declared.items()
        self.triage = tuple(path for path, fact in declared if getattr(fact, "triage", False))
        """Asked first, in this order: where it fails and what it says (`Fact.triage`)."""
        self.assumed = tuple(path for path, fact in declared if getattr(fact, "assumed", False))
        """Facts the rules read with a default when not given (a card is Alipay's): a diagnosis
        that rests on the default changes when the person says otherwise (`Fact.assumed`)."""
        self._causes = {cause.key: cause for cause in doctor.kb.causes}
        self._order = {key: rank for rank, key in enumerate(doctor.order)}
        self._layers = {str(cause.layer) for cause in doctor.kb.causes}
        self._together: dict[str, str] = {}
        """Facts one answer may write together, each with the name of its group: the facts a
        list's lines ask or write (the list's key), a wallet's three that "nothing" answers."""
        for path, ask in doctor.kb.questions.items():
            if ask.tick is not None:
                for written in (path, *ask.tick.ticked, *ask.tick.unticked):
                    self._together[written] = ask.tick.within.key
            if ask.nothing is not None:
                for written in ask.none:
                    self._together[written] = " ".join(sorted(ask.none))

    def step(self, data: FactData, today: date | None = None) -> Step:
        """The next question about `data` (facts with `dont_know`), or done. What the error
        message says of a card (`Choice.in_message`) is read first, whatever face wrote the
        facts (the API takes them as a client wrote them)."""
        facts = validate_facts(data, model=self.model)
        said = self._said_in_message(data)
        if said is not data:
            facts = validate_facts(said, model=self.model)
        diagnosis = self.doctor.diagnose(facts, today)
        questions = self._questions(facts, diagnosis)
        return Step(
            questions[0] if questions else None,
            questions,
            self.asked(facts),
            facts,
            diagnosis,
        )

    def asked(self, facts: Facts) -> int:
        """How many questions the facts answer: each fact a question asks that is known or not
        known (`dont_know`); a list of cards is one answer. From the facts alone, so any face
        that holds only the facts can say it."""
        known = {
            _concrete(path, card)
            for path, card in flatten(facts)
            if self._asks(path) and path not in NOT_ASKED
        }
        answered = known | set(facts.dont_know or ())
        # The facts one answer writes together are one answer (a list ticked, "nothing" to
        # what a wallet shows); asked one by one they were more: the count is then short by
        # those, never long.
        together: dict[str, set[str]] = {}
        for path in answered:
            if self._after_tick(facts, path):
                continue  # a line ticked, then its date asked: a question of its own
            if template(path) in self._together:
                together.setdefault(self._together[template(path)], set()).add(path)
        return len(answered) - sum(len(paths) - 1 for paths in together.values())

    def _when_not_known(self, facts: Facts) -> bool:
        """Whether the person ticked a line and then did not know when (the date of a renewal,
        of a new number): they will hardly know when of another line either."""
        return any(self._when_after_tick(facts, path) for path in facts.dont_know or ())

    def _when_after_tick(self, facts: Facts, path: str) -> bool:
        """Whether `path` is when a ticked line happened (a renewal's date, a permit's expiry)."""
        return kind_of(template(path), self.model).name == DATE and self._after_tick(facts, path)

    def _after_tick(self, facts: Facts, path: str) -> bool:
        """Whether `path` is a line's other fact (a renewal's date) whose line was ticked: the
        list does not write it, so it is asked after, one more question (left unticked, the
        list writes it not known with the rest)."""
        ask = self.kb.ask(path)
        tick = ask.tick if ask is not None else None
        if tick is None or template(path) in tick.ticked or template(path) in tick.unticked:
            return False
        card = card_index(path)
        return all(read_path(facts, other, card) == value for other, value in tick.ticked.items())

    def answer(
        self,
        data: FactData,
        fact: str,
        text: str,
        listed: Question | None = None,
        *,
        alone: bool = False,
    ) -> FactData:
        """`data` with what `text` says about `fact` written in; InputError naming what would be
        read. "Don't know" goes into `dont_know`; "I don't have one" writes what the question's
        unit says it means (no permit, no cards). A fact that may be a list's line is answered
        as asked: in the list `listed`, alone where the caller says so, else as the step on
        `data` asks it."""
        path = template(fact)
        ask = self.kb.ask(fact)
        if ask is None or path not in self.model.paths:
            raise InputError("{fact}: no question asks this fact", fact=fact)
        other = ask.unit_of(text) if ask.units else None
        if other is not None:
            # The figure in another unit ("$120" to the yuan): written at its own fact, and
            # this one not known, as "don't know" and then the dollars would have written.
            other = _concrete(other, card_index(fact))
            return self.answer(self.not_known(data, fact), other, text, alone=True)
        if ask.tick is not None and not alone:
            question = listed if listed is not None else self.step(data).question
            if question is not None and question.fact == fact and question.ticks:
                return self.ticked(data, question, text)
        kind = kind_of(path, self.model)
        # A date said roughly ("8 months ago") is read from the consultation's day.
        today = validate_facts(data, model=self.model).as_of if kind.name == DATE else None
        reading = read(kind, ask, text, today or date.today())
        card = card_index(fact)
        if reading.not_known and ask.nothing:
            # What a wallet shows is known together: not knowing one of it is not knowing all
            # that "nothing" would answer (the person has not looked).
            known = flatten(validate_facts(data, model=self.model))
            for other in ask.none:
                if (template(other), card) not in known:
                    data = self.not_known(data, _concrete(other, card))
        if reading.not_known:
            return self.not_known(data, fact)
        if reading.none or reading.yes:
            # What the answer says instead (no permit; renewed, when not known); the fact asked
            # has no value to give, so it is not asked again.
            changed = self.not_known(data, fact)
            for other, value in (ask.none if reading.none else ask.yes).items():
                changed = with_fact(changed, other, value, card)
        else:
            changed = with_fact(data, path, reading.value, card)
            changed = self._chosen_sets(changed, reading.way)
        changed = self._said_in_message(changed)
        try:
            validate_facts(changed, source="answer", model=self.model)
        except InputError as error:
            # Said to a traveller: what was expected, in words, without the fact's path.
            expected = _expected_in(error.message)
            if expected is None:
                raise
            raise unread(
                N_("{answer} is not allowed: {expected}"), text, expected=expected
            ) from None
        return changed

    def ticked(self, data: FactData, question: Question, text: str) -> FactData:
        """`data` with a list's lines written in: a line ticked writes what ticking it says, a
        line left unticked what leaving it says (it did not happen); "none of these" ticks
        none; "don't know" lists every line's fact as not known."""
        listed = question.ask.never
        nothing = {fold(listed.in_(code)) for code in listed.languages} if listed else set()
        if fold(text) in ways_of_saying(SAYS_NOTHING) or fold(text) in nothing:
            chosen: list[str] = []
        else:
            reading = read(question.kind, question.ask, text)
            if reading.not_known:
                for fact in question.ticks:
                    data = self.not_known(data, fact)
                return data
            chosen = reading.value
        for fact in question.ticks:
            said = question.ask.choices[fact].sets if fact in chosen else question.unticked[fact]
            for path, value in said.items():
                data = with_fact(data, template(path), value, card_index(fact))
            if fact not in chosen and fact not in said:
                data = self.not_known(data, fact)  # no renewal: no date of one to ask
        return self._said_in_message(data)

    def _said_in_message(self, data: FactData) -> FactData:
        """`data` with the value of a card's choice its error message says ("verification
        failed": the foreign card's verification failed), where the list holds that one card
        and the value is not known yet (`Choice.in_message`; of two, the longer words); not of
        a list the place is not about (a foreign card's, for a failure paying with Alipay)."""
        message = get_fact(data, self.kb.message_path) if self.kb.message_path else None
        if not isinstance(message, str):
            return data
        said = message.casefold()
        place = get_fact(data, self.kb.place_path) if self.kb.place_path else None
        where = self.kb.ask(self.kb.place_path).choices.get(place) if place else None
        for path, ask in self.kb.questions.items():
            cards = data.get(path.split("[", 1)[0]) if "[]" in path else None
            if not isinstance(cards, list) or len(cards) != 1 or not isinstance(cards[0], dict):
                continue
            if where is not None and path.split("[", 1)[0] in where.not_about:
                continue
            fact = _concrete(path, 0)
            if path.rsplit(".", 1)[1] in cards[0] or fact in (data.get(DONT_KNOW) or ()):
                continue
            found = [
                (len(words), value)
                for value, choice in ask.choices.items()
                for words in choice.in_message
                if words.casefold() in said
            ]
            if found:
                data = with_fact(data, path, max(found)[1], 0)
        return data

    def _chosen_sets(self, data: FactData, choice: Choice | None) -> FactData:
        """`data` with the facts the choice taken (the way it was offered) also sets
        (report-v3), where not known yet."""
        known = (
            flatten(validate_facts(data, model=self.model))
            if choice is not None and choice.sets
            else {}
        )
        for path, implied in (choice.sets if choice is not None else {}).items():
            if (path, None) not in known and path not in (data.get(DONT_KNOW) or ()):
                data = with_fact(data, path, implied, None)
        return data

    def not_known(self, data: FactData, fact: str) -> FactData:
        """`data` with `fact` listed as not known (`dont_know`): never asked again."""
        listed = list(data.get(DONT_KNOW) or ())
        return {**data, DONT_KNOW: [*listed, fact] if fact not in listed else listed}

    def _asks(self, path: str) -> bool:
        return path in self.kb.questions

    def _askable(self, path: str, closed: set[str]) -> bool:
        """Whether a person could be asked `path`: a unit asks it, it is neither answered nor
        not known (`closed`), and not only the bank knows it."""
        ask = self.kb.ask(path)
        return (
            ask is not None
            and ask.kept_by != BANK
            and template(path) not in NOT_ASKED
            and path not in closed
            and all(int(index) < MOST_ITEMS for index in _ITEM.findall(path))
        )

    def _askable_here(self, path: str, closed: set[str], where: Choice | None) -> bool:
        """Askable, and about what can explain a failure at `where` (triage for facts too)."""
        return (
            self._askable(path, closed)
            and (where is None or self._about_here(path, where))
            and not self._not_asked_here(path, closed, where)
        )

    @staticmethod
    def _not_asked_here(path: str, closed: set[str], where: Choice | None) -> bool:
        """Whether the place rules the fact out of the consultation (a visitor is not asked of
        Chinese bank cards, a permit or a renewal), nothing said of it having pointed there."""
        if where is None:
            return False
        for start in where.not_asked:
            if _starts(path, start):
                return not any(_starts(said, start) for said in closed)
        return False

    def _questions(self, facts: Facts, diagnosis: Diagnosis) -> tuple[Question, ...]:
        where = self._where(facts)
        questions = self._questions_at(facts, diagnosis, where)
        if questions or diagnosis.findings or where is None or not where.last_resort:
            return questions
        # Nothing found and nothing left: what the place leaves out as less likely is asked.
        wider = replace(
            where,
            not_asked=tuple(p for p in where.not_asked if p not in where.last_resort),
            last_resort=(),
        )
        return self._questions_at(facts, diagnosis, wider)

    def _questions_at(
        self, facts: Facts, diagnosis: Diagnosis, where: Choice | None
    ) -> tuple[Question, ...]:
        not_known = set(facts.dont_know or ())
        closed = not_known | {_concrete(p, card) for p, card in flatten(facts)}
        worth, decides, alone, pointed, easy = self._worth(
            facts, diagnosis, closed, not_known, where
        )
        assumed = self._assumptions(facts, diagnosis, closed)
        for path, changed in assumed.items():
            decides.setdefault(path, set()).update(changed)
        if self.asked(facts) >= PATIENCE:
            # A long consultation asks only what settles, in one answer the person knows without
            # looking it up, a cause something they saw points at.
            worth = {
                path: value
                for path, value in worth.items()
                if path in easy
                or (
                    pointed.get(path, 0.0) >= MIN_WORTH
                    and alone.get(path) == 1
                    and self._ease(path) == 1.0
                    and not (self._when_after_tick(facts, path) and self._when_not_known(facts))
                )
            }
        # Where it fails and what it says, then the defaults that decide what is pursued.
        after_where = where.then if where is not None else ()
        triage = [p for p in (*self.triage, *after_where) if self._askable(p, closed)]
        triage += sorted(assumed)
        ranked = sorted(
            (path for path in worth if path not in triage and worth[path] >= MIN_WORTH),
            key=lambda p: (
                -worth[p],
                -alone.get(p, 0.0),
                not self._is_symptom(p),
                self.model.paths.index(template(p)),
                p,
            ),
        )
        questions = [
            Question(
                path,
                self.kb.ask(path),
                kind_of(template(path), self.model),
                tuple(sorted(decides.get(path, ()), key=self._order.__getitem__)),
                worth.get(path, 0.0),
                maker_shown=self._maker_shown(facts, path),
            )
            for path in [*triage, *ranked]
        ]
        return tuple(self._tick_lists(questions, worth, decides, closed, facts))

    def _maker_shown(self, facts: Facts, path: str) -> bool:
        """Whether the bank of the card `path` is about is named as a known bank."""
        card = card_index(path)
        field_path = self.kb.card_fact(path, "maker")
        ask = self.kb.ask(field_path) if field_path else None
        if card is None or ask is None or field_path not in self.model.paths:
            return False
        bank = read_path(facts, field_path, card)
        return isinstance(bank, str) and fold(bank) in {fold(w) for w in ask.shown_as_typed}

    def _tick_lists(
        self,
        questions: list[Question],
        worth: dict[str, float],
        decides: dict[str, set[str]],
        closed: set[str],
        facts: Facts,
    ) -> list[Question]:
        """`questions` with the facts of a list of lines to tick (`TickList`) asked together,
        where two or more could settle a cause: the list takes the place of the first one worth
        asking, with every such fact a line (in the format's order; one line for the facts that
        share it, a line whose facts are all known left out). Where none is worth asking alone,
        the list is still asked last (issue 22: no stop while a question most people answer at
        one look could still reveal a cause; one answer, measured at no cost in the median). A
        card's line is offered to a person who holds that one card ("my card")."""
        members: dict[str, dict[Tick, str]] = {}
        for path in sorted(worth, key=lambda p: (self.model.paths.index(template(p)), p)):
            tick = self.kb.ask(path).tick
            if tick is None or worth[path] <= 0 or not decides.get(path):
                continue
            card = card_index(path)
            writes = {_concrete(p, card) for p in (*tick.ticked, *tick.unticked)}
            if writes <= closed or (
                card is not None and len(getattr(facts, _cards(path)) or ()) > 1
            ):
                continue
            members.setdefault(tick.within.key, {}).setdefault(tick, path)
        out: list[Question] = []
        placed: set[str] = set()
        for question in questions:
            tick = question.ask.tick
            lines = members.get(tick.within.key, {}) if tick is not None else {}
            if len(lines) < 2 or question.fact not in lines.values():
                out.append(question)
                continue
            if tick.within.key not in placed:
                placed.add(tick.within.key)
                out.append(self._tick_list(tick.within, lines, worth, decides))
        for key, lines in members.items():  # none worth asking alone: the list, last
            if key not in placed and len(lines) >= 2:
                listed = self.kb.ask(next(iter(lines.values()))).tick.within
                out.append(self._tick_list(listed, lines, worth, decides))
        return out

    def listing(self, lines: Sequence[str]) -> Question | None:
        """The list to tick whose lines are `lines` (facts, as a page that asked it names them),
        to take its answer without making the step that asked it again; None when they are not
        two or more lines of one list."""
        ticks = [self.kb.ask(path) for path in lines]
        if len(lines) < 2 or len(set(lines)) < len(lines):
            return None
        if any(ask is None or ask.tick is None for ask in ticks):
            return None
        listed = {ask.tick.within.key for ask in ticks}
        if len(listed) != 1:
            return None
        lined = {ask.tick: path for ask, path in zip(ticks, lines, strict=True)}
        if len(lined) < len(lines):  # two facts of one line: no list asks it so
            return None
        return self._tick_list(ticks[0].tick.within, lined, {}, {})

    def _tick_list(
        self,
        listed: TickList,
        lines: dict[Tick, str],
        worth: dict[str, float],
        decides: dict[str, set[str]],
    ) -> Question:
        paths = list(lines.values())
        choices = {
            path: Choice(tick.label, tick.synonyms, sets=_on_card(tick.ticked, path))
            for tick, path in lines.items()
        }
        settles = {key for path in paths for key in decides.get(path, ())}
        return Question(
            paths[0],
            Ask(listed.text, listed.label, listed.help, choices, never=listed.nothing),
            Kind(CHOICES, tuple(paths)),
            tuple(sorted(settles, key=self._order.__getitem__)),
            sum(worth.get(path, 0.0) for path in paths),
            tuple(paths),
            {path: _on_card(tick.unticked, path) for tick, path in lines.items()},
        )

    def _worth(
        self,
        facts: Facts,
        diagnosis: Diagnosis,
        closed: set[str],
        not_known: set[str],
        where: Choice | None,
    ) -> tuple[dict[str, float], dict[str, set[str]], dict[str, float], dict[str, float], set[str]]:
        """Each askable fact's worth, the causes its answer could settle, its best share (1: its
        answer alone settles a cause; of two equal worths, that one is asked first), and the
        part of its worth that something the person saw points at."""
        case = Case(facts, diagnosis.as_of)
        held = Held(self.doctor.observer.observe(case), diagnosis.trace, self.doctor.rules, case)
        status = {f.cause.key: f.status for f in diagnosis.findings}
        nearest: dict[str, tuple[int, set[str]]] = {}
        holding: dict[str, list[list[str]]] = {}
        named = {key for key, said in status.items() if said == SUSPECTED}
        reveals: dict[str, set[str]] = {}
        supported: set[str] = set()
        messaged = False
        for rule in self.doctor.rules:
            key = rule.target
            if not rule.concludes_cause or status.get(key) == CONFIRMED:
                continue
            if not self._pursued(self._causes[key], where, held):
                continue
            changes = status.get(key) is None or rule.conclusion == CONFIRMED
            for result in evaluate(rule, held):
                if result.outcome == FAILS:
                    continue
                for test in result.tests:
                    # Evidence is something seen: a test that holds because a fact is not
                    # known (a message not given) points at nothing.
                    seen = test.observed.value != UNKNOWN and not test.observed.unknown_paths
                    if test.outcome == HOLDS and seen:
                        if test.test.kind == TestKind.MESSAGE:
                            named.add(key)
                            messaged = True
                        elif self._on_the_failure(test.observed):
                            supported.add(key)
                if result.outcome == OPEN and changes:
                    answers = self._answers_needed(result.tests, closed, not_known, where)
                    if answers is not None:
                        _nearer(nearest, key, *answers)
                        if answers[0] == 1 and status.get(key) is None:
                            reveals.setdefault(key, set()).update(answers[1])
                elif result.outcome == HOLDS and status.get(key) == SUSPECTED:
                    could = self._could_fail(result.tests, closed, where, not_known)
                    holding.setdefault(key, []).append(could)
        shares: dict[tuple[str, str], float] = {}
        for key, (count, paths) in nearest.items():
            for path in paths:
                shares[(path, key)] = 1 / count
        for key, rules in holding.items():
            # One answer could rule the cause out where every rule that makes it suspected
            # could fail on it (a message's rules all rest on the name typed).
            common = set(rules[0]).intersection(*rules[1:]) if len(rules) > 1 else rules[0]
            for path in common:
                shares[(path, key)] = max(shares.get((path, key), 0.0), 1 / len(common))
        placed = {
            key
            for key, cause in self._causes.items()
            if where is not None
            and (str(cause.layer) in where.points_at or self.kb.about(cause) & set(where.points_at))
        }
        failure_weight = SUPPORTED if messaged else 1.0
        background = BACKGROUND if messaged or supported or placed else UNPOINTED
        worth: dict[str, float] = {}
        decides: dict[str, set[str]] = {}
        alone: dict[str, float] = {}
        pointed: dict[str, float] = {}
        for (path, key), share in shares.items():
            # What the place points at stays pointed at, for what the person saw there; not
            # for what they would look up in an app (the place alone is not worth the trouble).
            placed_here = (
                key in placed
                and (not messaged or self._is_symptom(path))
                and self._ease(path) == 1.0
            )
            pointed_at = key in named or key in supported or placed_here
            if key in named or (key in placed and not messaged):
                weight = 1.0
            elif key in supported or key in placed:
                weight = failure_weight
            else:
                weight = background
            if self._is_symptom(path):
                weight = max(weight, SUPPORTED)
            worth[path] = worth.get(path, 0.0) + share * weight * self._ease(path)
            alone[path] = max(alone.get(path, 0.0), share)
            if pointed_at:
                pointed[path] = pointed.get(path, 0.0) + share * weight * self._ease(path)
            decides.setdefault(path, set()).add(key)
        # An easy question that alone could reveal a cause something points at (what the person
        # saw, or the place) is not left for patience.
        easy = {
            path
            for key, paths in reveals.items()
            if key in named or key in supported or key in placed
            for path in paths
            if self._ease(path) == 1.0 and kind_of(template(path), self.model).name in EASY
        }
        return worth, decides, alone, pointed, easy

    def _assumptions(
        self, facts: Facts, diagnosis: Diagnosis, closed: set[str]
    ) -> dict[str, set[str]]:
        """The defaulted facts (`self.assumed`) whose other values would change the diagnosis or the
        causes pursued, and those causes: what follows rests on the default until it is asked
        (a foreign card taken for Alipay's has WeChat Pay's causes left out)."""
        outlook = self._outlook(facts, diagnosis)
        where = self._where(facts)
        data = facts_data(facts)
        out: dict[str, set[str]] = {}
        for path in self.assumed:
            cards = getattr(facts, path.split("[", 1)[0]) or ()
            for card in range(min(len(cards), MOST_ITEMS)):
                fact = _concrete(path, card)
                if not self._askable(fact, closed):
                    continue
                changed: set[str] = set()
                for value, choice in self.kb.ask(path).choices.items():
                    if where is not None and not set(choice.layers) <= set(where.layers):
                        continue  # a wallet that cannot explain the failure changes nothing
                    told = validate_facts(with_fact(data, path, value, card), model=self.model)
                    other = self._outlook(told, self.doctor.diagnose(told, diagnosis.as_of))
                    changed |= {key for key, *_ in outlook.symmetric_difference(other)}
                if changed:
                    out[fact] = changed & self._causes.keys()
        return out

    def _outlook(self, facts: Facts, diagnosis: Diagnosis) -> set[tuple[str, ...]]:
        """What a diagnosis says, what it concludes (a wallet in use) and which causes it leaves
        to pursue."""
        case = Case(facts, diagnosis.as_of)
        held = Held(self.doctor.observer.observe(case), diagnosis.trace, self.doctor.rules, case)
        where = self._where(facts)
        pursued = {
            (key,) for key, cause in self._causes.items() if self._pursued(cause, where, held)
        }
        concluded = {(o.name, o.subject) for firing in diagnosis.trace for o in firing.concluded}
        return pursued | concluded | {(f.cause.key, str(f.status)) for f in diagnosis.findings}

    def _answers_needed(
        self,
        tests: tuple[TestResult, ...],
        closed: set[str],
        not_known: set[str],
        where: Choice | None,
    ) -> tuple[int, list[str]] | None:
        """How many answers would settle an open rule, and the facts to ask for them; None when
        an open test rests on a fact nobody here can give (the bank's records, a "don't know").

        A conclusion's test is settled by any one of the facts it rests on (the simplest to
        answer is asked); any other test needs each of its facts (a comparison needs both)."""
        count, paths = 0, []
        for result in tests:
            if result.outcome != OPEN:
                continue
            unknown_paths = self._easier(result.observed.unknown_paths, closed, not_known, where)
            askable = [p for p in unknown_paths if self._askable_here(p, closed, where)]
            if result.test.kind == TestKind.CONCLUDED:
                # One "don't know" to a question that settles it is taken for the test.
                if not askable or set(unknown_paths) & not_known:
                    return None
                count += 1
                paths.append(min(askable, key=self._preferred))
            else:
                if not unknown_paths or len(askable) < len(unknown_paths):
                    return None
                count += len(askable)
                paths += askable
        return (count, paths) if count else None

    def _easier(
        self, paths: tuple[str, ...], closed: set[str], not_known: set[str], where: Choice | None
    ) -> tuple[str, ...]:
        """`paths` with each one the person does not know in its easier form, where the
        knowledge declares one still to ask (`Ask.easier`: whether, after "don't know" to when)."""
        out = []
        for path in paths:
            ask = self.kb.ask(path) if path in not_known else None
            easier = _concrete(ask.easier, card_index(path)) if ask and ask.easier else None
            swap = easier is not None and self._askable_here(easier, closed, where)
            out.append(easier if swap else path)
        return tuple(dict.fromkeys(out))

    def _could_fail(
        self,
        tests: tuple[TestResult, ...],
        closed: set[str],
        where: Choice | None,
        not_known: set[str] = frozenset(),
    ) -> list[str]:
        """The facts one answer to which could make a holding rule fail: those of its tests
        that hold only because a fact is not known (all of a comparison's facts needed)."""
        paths: list[str] = []
        for result in tests:
            if result.observed.value != UNKNOWN or UNKNOWN not in result.test.values:
                continue
            unknown_paths = self._easier(result.observed.unknown_paths, closed, not_known, where)
            askable = [p for p in unknown_paths if self._askable_here(p, closed, where)]
            if result.test.kind == TestKind.CONCLUDED and askable:
                paths.append(min(askable, key=self._preferred))
            elif askable and len(askable) == len(unknown_paths) == 1:
                paths += askable
        return paths

    def _preferred(self, path: str) -> tuple[int, int]:
        kind = kind_of(template(path), self.model).name
        return (
            PREFERRED.index(kind) if kind in PREFERRED else len(PREFERRED),
            self.model.paths.index(template(path)),
        )

    def _on_the_failure(self, observed: Observed) -> bool:
        """Whether an observation rests on what the person saw go wrong (a symptom's fact, an
        error message), other than where it failed."""
        name = observed.name
        if isinstance(name, MessagePoints):
            return True
        if isinstance(name, (FactValue, FactKnown)):
            ask = self.kb.ask(name.path)
            return name.path != self.kb.place_path and ask is not None and ask.symptom
        observation = self.kb.observation(name) if isinstance(name, str) else None
        if observation is not None:
            return any(
                (ask := self.kb.ask(path)) is not None
                and ask.symptom
                and path != self.kb.place_path
                for path in observation.reads
            )
        return any(self._on_the_failure(each) for each in observed.support)

    def _is_symptom(self, path: str) -> bool:
        ask = self.kb.ask(path)
        return ask is not None and ask.symptom

    def _ease(self, path: str) -> float:
        """What answering costs: what you know counts whole, what you look up in an app half."""
        ask = self.kb.ask(path)
        return LOOKED_UP if ask is not None and ask.kept_by == APP else 1.0

    def _where(self, facts: Facts) -> Choice | None:
        """Where the payment fails, as the knowledge describes that place (None: not known)."""
        return self.kb.place(facts)

    def _pursued(self, cause: Cause, where: Choice | None, held: Held) -> bool:
        """Whether a cause can explain a failure where it happens (triage), and can apply at all
        (its scope: a permit's causes need a permit held, a wallet's its use)."""
        for test in cause.scope:
            observed = held.observed(test, None)
            if observed.value not in test.values and observed.value != UNKNOWN:
                return False
            # Not known only for want of a whole section (a wallet nobody said is in use, no
            # card linked there): its own questions would bring it in, so it is not pursued.
            if (
                observed.value == UNKNOWN
                and observed.unknown_paths
                and not any(re.search(r"[.\[]", path) for path in observed.unknown_paths)
            ):
                return False
        if where is None:
            return True
        if where.layers and str(cause.layer) not in where.layers:
            return False
        return not self.kb.about(cause) & set(where.not_about)

    def _about_here(self, path: str, where: Choice) -> bool:
        """Whether a fact can bear on a failure at `where`: not one of a layer's records (a
        wallet's, Taobao's) whose causes cannot explain it, nor of a list it is not about."""
        section = re.split(r"[.\[]", path, maxsplit=1)[0]
        if section in self._layers and where.layers and section not in where.layers:
            return False
        return section not in where.not_about


def _expected_in(message: object) -> Message | None:
    """What a validation message says was expected ("a phone number such as ..."), if it says."""
    if not isinstance(message, Message):
        return None
    if "expected" in message.params:
        expected = message.params["expected"]
        return expected if isinstance(expected, Message) else Message(str(expected))
    for value in message.params.values():
        if (found := _expected_in(value)) is not None:
            return found
    return None


def _nearer(nearest: dict[str, tuple[int, set[str]]], key: str, count: int, paths) -> None:
    """Keep for each cause its rule that needs the fewest answers, and the facts to ask (of
    rules that need as few, every fact)."""
    fewest, credited = nearest.get(key, (count + 1, set()))
    if count < fewest:
        nearest[key] = (count, set(paths))
    elif count == fewest:
        credited |= set(paths)


def _starts(path: str, start: str) -> bool:
    """Whether `path` is `start` or lies below it (`bank_cards[0].bank` below `bank_cards`);
    `start` may name every card's fact (`bank_cards[].status`)."""
    return any(
        p == start or p.startswith((start + ".", start + "[")) for p in (path, template(path))
    )


def _cards(path: str) -> str:
    """The list of cards a card's fact belongs to (`bank_cards`)."""
    return path.split("[", 1)[0]


def _on_card(written: Mapping[str, Any], fact: str) -> dict[str, Any]:
    """What a line writes, on the card its fact is about (a client writes the paths as given)."""
    return {_concrete(path, card_index(fact)): value for path, value in written.items()}


def _concrete(path: str, card: int | None) -> str:
    return path.replace("[]", f"[{card}]", 1) if card is not None else path


def kind_name(kind: Kind) -> str:
    """The kind as report-v2 names it: several choices and a country are typed (`text`)."""
    return {"whole_number": "number", "choices": "text", "country": "text"}.get(
        kind.name, kind.name
    )
