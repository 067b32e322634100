"""A knowledge base: causes, workarounds, observations and messages, compiled to rules.

Compiling is pure: each cause's alternatives become one rule each, and every
cause also gets "message" rules, derived from its confirmed conditions, that
fire when the error message points at it and the facts leave it open.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.rules import (
    UNKNOWN,
    Cause,
    MessagePattern,
    Observation,
    Test,
    When,
    Workaround,
    message_points_at,
    unknown,
)

CONFIRMED, SUSPECTED, OFFERED = "confirmed", "suspected", "offered"


@dataclass(frozen=True)
class CompiledRule:
    """One rule as the engine runs it: an id, one condition and what it concludes."""

    id: str
    target: str
    conclusion: str
    origin: str
    when: When
    layer: str | None = None
    """The layer of the cause concluded; None for workarounds."""


@dataclass(frozen=True)
class KnowledgeBase:
    causes: tuple[Cause, ...]
    workarounds: tuple[Workaround, ...]
    observations: tuple[Observation, ...]
    messages: tuple[MessagePattern, ...]
    questions: dict[str, str]

    def cause(self, cause_id: str) -> Cause:
        return next(c for c in self.causes if c.id == cause_id)

    def observation(self, name: str) -> Observation | None:
        return next((o for o in self.observations if o.name == name), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.causes) + tuple(w.id for w in self.workarounds)

    def compile(self) -> tuple[CompiledRule, ...]:
        """Every rule of the knowledge base, in a fixed order."""
        rules: list[CompiledRule] = []
        for cause in self.causes:
            rules += _numbered(cause.id, CONFIRMED, CONFIRMED, cause.confirmed, cause.layer)
            rules += _numbered(cause.id, SUSPECTED, SUSPECTED, cause.suspected, cause.layer)
            if any(cause.id in pattern.points_at for pattern in self.messages):
                rules += _numbered(cause.id, SUSPECTED, "message", _left_open(cause), cause.layer)
        for workaround in self.workarounds:
            rules += _numbered(workaround.id, OFFERED, OFFERED, workaround.offered, None)
        return tuple(rules)


def _numbered(
    target: str, conclusion: str, origin: str, alternatives: tuple[When, ...], layer: str | None
) -> list[CompiledRule]:
    many = len(alternatives) > 1
    return [
        CompiledRule(
            f"{target}/{origin}" + (f"/{number}" if many else ""),
            target,
            conclusion,
            origin,
            alt,
            layer,
        )
        for number, alt in enumerate(alternatives, start=1)
    ]


def _three_valued(test: Test) -> bool:
    return test.kind in ("derived", "fact")


def _open(test: Test) -> Test:
    return Test(test.name, test.values | {UNKNOWN}, test.card)


def _left_open(cause: Cause) -> tuple[When, ...]:
    """Conditions under which the facts neither confirm nor rule out `cause`.

    A confirmed alternative is open when one of its three-valued tests is unknown
    and none of the others is false; an alternative about a card is also open
    when the list of cards itself is not known.
    """
    points_at = message_points_at(cause.id)
    alternatives: list[When] = []
    for alternative in cause.confirmed:
        tests = alternative.tests
        for pivot in filter(_three_valued, tests):
            rest = tuple(_open(t) if _three_valued(t) else t for t in tests if t is not pivot)
            pivot_unknown = Test(pivot.name, frozenset({UNKNOWN}), pivot.card)
            alternatives.append(When((points_at, pivot_unknown, *rest)))
        if alternative.reads_card:
            case_tests = tuple(_open(t) if _three_valued(t) else t for t in tests if not t.card)
            alternatives.append(When((points_at, unknown("bank_cards"), *case_tests)))
    return tuple(dict.fromkeys(alternatives))
