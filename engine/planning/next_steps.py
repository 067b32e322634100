"""When no known cause fits: what could still reveal one, and who can help (causes-v2).

"Nothing found" is an answer too. The checks are the unknown facts that some
cause's rule, still open, rests on, the ones that could decide the most causes
first; they come from the why-not evaluator, so they cost a diagnosis nothing
unless nothing was found. The human route is the knowledge's own: the
workarounds marked `human_route` (a bank's or a wallet's people), offered or not: the ones
this failure offers (the bank, for a failure at the bank) first.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.authoring.rules import Case, Workaround
from engine.facts.asking import Choice
from engine.facts.model import Facts, template
from engine.reasoning.diagnosis import Check, Diagnosis, Doctor
from engine.reasoning.evaluate import OPEN, Held, evaluate

MOST_CHECKS = 5
"""How many checks to name: a person starts with the few that could decide the most."""


@dataclass(frozen=True)
class NextSteps:
    checks: tuple[Check, ...]
    human_route: tuple[Workaround, ...]


def next_steps(doctor: Doctor, facts: Facts, diagnosis: Diagnosis) -> NextSteps | None:
    """What to do next when `diagnosis` found no cause (None when it found one)."""
    if diagnosis.findings:
        return None
    case = Case(facts, diagnosis.as_of)
    held = Held(doctor.observer.observe(case), diagnosis.trace, doctor.rules, case)
    place = doctor.kb.place(facts)
    decides: dict[str, list[str]] = {}
    left_out: dict[str, bool] = {}
    for rule in doctor.rules:
        if not rule.concludes_cause:
            continue
        cause = doctor.kb.cause(rule.target)
        cause_key = cause.key  # a per-wallet cause is named by its own wallet's title
        if place is not None and place.layers and str(cause.layer) not in place.layers:
            continue  # no cause of this layer explains a failure at this place
        if place is not None and doctor.kb.about(cause) & set(place.not_about):
            continue  # a foreign card's failure is not a Chinese bank card's
        for result in evaluate(rule, held):
            if result.outcome != OPEN:
                continue
            for path in result.rests_on:
                if doctor.kb.ask(path) is None:
                    continue  # no question a person could answer (a whole section, `wechat_pay`)
                if place is not None:
                    if path not in left_out:
                        left_out[path] = _not_asked(path, place)
                    if left_out[path]:
                        continue  # a visitor is not sent to check a resident's records
                keys = decides.setdefault(path, [])
                if cause_key not in keys:
                    keys.append(cause_key)
    ids = {path: {doctor.kb.cause(key).id for key in keys} for path, keys in decides.items()}
    ranked = sorted(decides, key=lambda path: (-len(ids[path]), path))[:MOST_CHECKS]
    checks = tuple(doctor.check(path, tuple(decides[path])) for path in ranked)
    offered = {offer.workaround.id for offer in diagnosis.workarounds}
    not_about = set(place.not_about) if place is not None else set()
    human = sorted(
        (w for w in doctor.kb.workarounds if w.human_route and not set(w.about) & not_about),
        key=lambda w: w.id not in offered,
    )
    return NextSteps(checks, tuple(human))


def _not_asked(path: str, place: Choice) -> bool:
    """Whether the place leaves the fact out of what it asks (a visitor's place: no Chinese
    bank card, permit or renewal), as the consultation does."""
    return any(
        p == start or p.startswith((start + ".", start + "["))
        for start in place.not_asked
        for p in (path, template(path))
    )
