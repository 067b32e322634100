"""Explanations: how a cause was reached, or why it was not, in terms of rules and facts.

"How" follows the trace: the firings that concluded the cause and, before
them, those whose concluded facts they matched (rule -> fact -> rule), each
with the observations it matched, then the fix steps. "Why not" evaluates each
of the cause's conditions against what the session held (`engine.reasoning.evaluate`):
the test that failed with the values it compared, or the unknown facts that
could still change the answer. The error message is shown with the words that
were read in it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from engine.authoring.rules import Case, Cause, MessagePattern, Workaround
from engine.errors import InputError
from engine.facts.personal import mask_any
from engine.kb.base import CONFIRMED, OFFERED
from engine.reasoning.diagnosis import Diagnosis, Doctor, Step
from engine.reasoning.evaluate import FAILS, HOLDS, Held, RuleResult, evaluate
from engine.reasoning.session import Firing
from engine.text.wording import Wording

CAUSE, WORKAROUND = "cause", "workaround"


@dataclass(frozen=True)
class MessageReading:
    """A phrase read in the error message, and the causes it points at."""

    phrase: str
    meaning: Wording
    points_at: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """Everything said about one cause or workaround for one case."""

    unit: Cause | Workaround
    kind: str
    status: str | None
    """"confirmed", "suspected", "offered", or None when not reported."""
    chain: tuple[Firing, ...]
    unmet: tuple[RuleResult, ...]
    """The conditions that did not hold: all of them if not reported, else the stronger ones."""
    would_decide: tuple[str, ...]
    """Unknown facts whose answers could change the status."""
    questions: dict[str, str]
    message: str | None
    """The error message with only the words read in it as typed: the rest may hold anything
    pasted with it (a name, a passport number), so each of its words shows its first character."""
    readings: tuple[MessageReading, ...]
    fixes: tuple[Step, ...]


def known_ids(doctor: Doctor) -> tuple[str, ...]:
    """Every key, and the id of each per-wallet cause (which names its variants)."""
    return tuple(dict.fromkeys((*doctor.kb.ids, *(cause.id for cause in doctor.kb.causes))))


def check_id(doctor: Doctor, unit_id: str) -> None:
    """Refuse an id the knowledge base does not have, listing the known ones closest first."""
    ids = known_ids(doctor)
    if unit_id in ids:
        return
    ranked = sorted(ids, key=lambda known: -difflib.SequenceMatcher(None, unit_id, known).ratio())
    raise InputError(
        "--explain: unknown cause or workaround {id!r}; known ids, closest first: {ids}",
        id=unit_id,
        ids=", ".join(ranked),
    )


def resolve(doctor: Doctor, diagnosis: Diagnosis, unit_id: str) -> str:
    """The key an id names: a per-wallet cause's id names the variant reported (else its first)."""
    if unit_id in doctor.kb.ids:
        return unit_id
    variants = [cause.key for cause in doctor.kb.causes if cause.id == unit_id]
    reported = [f.cause.key for f in diagnosis.findings if f.cause.id == unit_id]
    if variants:
        return (reported or variants)[0]
    check_id(doctor, unit_id)
    return unit_id


def explain(doctor: Doctor, diagnosis: Diagnosis, case: Case, unit_id: str) -> Explanation:
    """How `unit_id` (an id or a key) was reached in `diagnosis`, or why not."""
    unit_id = resolve(doctor, diagnosis, unit_id)
    kb = doctor.kb
    is_cause = unit_id in {cause.key for cause in kb.causes}
    unit = kb.cause(unit_id) if is_cause else next(w for w in kb.workarounds if w.id == unit_id)
    status = _status(diagnosis, unit_id)
    held = Held(doctor.observer.observe(case), diagnosis.trace, doctor.rules, case)
    results = [
        result for rule in doctor.rules if rule.target == unit_id for result in evaluate(rule, held)
    ]
    unmet = tuple(
        r
        for r in results
        if r.outcome != HOLDS
        and r.rule.origin != "message"
        and (status is None or (status != CONFIRMED and r.rule.conclusion == CONFIRMED))
    )
    would_decide = () if status in (CONFIRMED, OFFERED) else _would_decide(results, status)
    message = case.get(kb.message_path) if kb.message_path else None
    readings = read_message(kb.messages, message) if message else ()
    return Explanation(
        unit=unit,
        kind=CAUSE if is_cause else WORKAROUND,
        status=status,
        chain=_chain(diagnosis.trace, unit_id),
        unmet=unmet,
        would_decide=would_decide,
        questions={path: _question(doctor, path) for path in would_decide},
        message=_masked(message, readings) if message else message,
        readings=readings,
        fixes=tuple(step for step in diagnosis.plan if step.cause.key == unit_id),
    )


def read_message(patterns: tuple[MessagePattern, ...], message: str) -> tuple[MessageReading, ...]:
    """Every known phrase found in the error message, in knowledge order."""
    return tuple(
        MessageReading(phrase, pattern.meaning, pattern.points_at)
        for pattern in patterns
        for phrase in pattern.phrases_in(message)
    )


def marked(message: str, phrases: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """The message cut into (text, was read) pieces, overlapping phrases merged."""
    folded = message.casefold()
    read = [False] * len(message)
    for phrase in phrases:
        wanted = phrase.casefold()
        start = folded.find(wanted)
        while start != -1 and wanted:
            read[start : start + len(wanted)] = [True] * len(wanted)
            start = folded.find(wanted, start + 1)
    pieces: list[tuple[str, bool]] = []
    for char, flag in zip(message, read, strict=True):
        if pieces and pieces[-1][1] == flag:
            pieces[-1] = (pieces[-1][0] + char, flag)
        else:
            pieces.append((char, flag))
    return tuple(pieces)


def _masked(message: str, readings: tuple[MessageReading, ...]) -> str:
    """The message with every piece that was not read masked (`mask_any`)."""
    pieces = marked(message, tuple(reading.phrase for reading in readings))
    return "".join(text if read else mask_any(text) for text, read in pieces)


def _status(diagnosis: Diagnosis, unit_id: str) -> str | None:
    for finding in diagnosis.findings:
        if finding.cause.key == unit_id:
            return finding.status
    if any(offer.workaround.id == unit_id for offer in diagnosis.workarounds):
        return OFFERED
    return None


def _chain(trace: tuple[Firing, ...], unit_id: str) -> tuple[Firing, ...]:
    """The firings that concluded `unit_id` and, before them, the ones they chained on."""
    wanted: set[int] = set()
    producer = {id(fact): index for index, f in enumerate(trace) for fact in f.concluded}

    def include(index: int) -> None:
        if index in wanted:
            return
        wanted.add(index)
        for observed in trace[index].matched:
            if id(observed) in producer:
                include(producer[id(observed)])

    for index, firing in enumerate(trace):
        if firing.rule.target == unit_id:
            include(index)
    return tuple(trace[index] for index in sorted(wanted))


def _would_decide(results: list[RuleResult], status: str | None) -> tuple[str, ...]:
    """Unknown facts behind the conditions still open (or holding only on unknowns)."""
    relevant = [
        r
        for r in results
        if r.outcome != FAILS
        and (status is None or r.outcome == HOLDS or r.rule.conclusion == CONFIRMED)
    ]
    return tuple(dict.fromkeys(path for r in relevant for path in r.rests_on))


def _question(doctor: Doctor, path: str) -> str:
    ask = doctor.kb.ask(path)
    return ask.text.en if ask else ""
