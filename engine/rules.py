"""The vocabulary a knowledge unit is written in: tests, conditions, causes, workarounds.

A condition (`When`) is a conjunction of tests on observations; a rule holds a
tuple of alternative conditions. Observations are three-valued ("true",
"false", "unknown"), so "not known" is never read as "false". Tests on
`bank_cards[]` observations all refer to the same card within one condition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from engine.facts import Facts, flatten
from engine.personal import Text

LAYERS = ("documents", "bank", "alipay", "taobao")
FINDING = "finding:layer"
"""The observation a cause's rule asserts when it concludes, for rules that chain on it."""
CARD = "bank_cards[]"
TRUE, FALSE, UNKNOWN = "true", "false", "unknown"


def is_card_path(path: str) -> bool:
    return path.startswith(CARD + ".")


def encode(value: Any) -> str:
    """How a fact value is written in an observation: booleans as "true"/"false"."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return TRUE if value else FALSE
    return str(value)


@dataclass(frozen=True)
class Test:
    """One test of a condition: the observation `name` has one of `values`.

    `name` is a derived observation (`card.passport_differs`), `fact:PATH` (a
    fact's own value), `known:PATH` ("true"/"false"), `message:CAUSE_ID` (the
    error message points at the cause) or `finding:layer` (a cause reported in
    that layer, for rules that chain on other rules' conclusions).
    """

    name: str
    values: frozenset[str]
    card: bool = False

    @property
    def kind(self) -> str:
        return self.name.split(":", 1)[0] if ":" in self.name else "derived"

    @property
    def path(self) -> str | None:
        """The fact path of a `fact:` or `known:` test."""
        return self.name.split(":", 1)[1] if self.kind in ("fact", "known") else None

    def describe(self) -> str:
        """The test in a few words: `card.phone_differs`, `not passport.expired`, `x = v`."""
        name = self.name.split(":", 1)[-1]
        values = sorted(self.values)
        if self.kind == "known":
            return f"{name} {'known' if TRUE in self.values else 'unknown'}"
        if self.kind == "message":
            return f"message points at {name}"
        if self.kind == "finding":
            return f"a {' or '.join(values)} cause is reported"
        if self.kind == "derived" and values in ([TRUE], [FALSE]):
            return name if values == [TRUE] else f"not {name}"
        if len(values) == 1:
            return f"{name} = {values[0]}"
        return f"{name} in {{{', '.join(values)}}}"


@dataclass(frozen=True)
class When:
    """A conjunction of tests: the condition holds when every test does."""

    tests: tuple[Test, ...]

    @property
    def reads_card(self) -> bool:
        return any(test.card for test in self.tests)

    def describe(self) -> str:
        return " and ".join(test.describe() for test in self.tests)


def when(*tests: Test) -> When:
    return When(tuple(tests))


def derived(name: str, value: bool = True) -> Test:
    """A derived observation (see knowledge/observations.py) is true or false."""
    return Test(name, frozenset({encode(value)}), card=name.startswith("card."))


def fact(path: str, *values: Any) -> Test:
    """A fact's value is one of `values` (so it is known)."""
    return Test(f"fact:{path}", frozenset(encode(v) for v in values), card=is_card_path(path))


def unknown(path: str) -> Test:
    return Test(f"known:{path}", frozenset({FALSE}), card=is_card_path(path))


def message_points_at(cause_id: str) -> Test:
    return Test(f"message:{cause_id}", frozenset({TRUE}))


def finding_in(*layers: str) -> Test:
    return Test(FINDING, frozenset(layers))


@dataclass(frozen=True)
class Outcome:
    """What an observation found: its value, why, and which facts were missing."""

    value: bool | None
    evidence: Text | None = None
    unknown_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """The facts of one diagnosis and the day they are judged on."""

    facts: Facts
    as_of: date

    _values: dict[tuple[str, int | None], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_values", flatten(self.facts))

    def get(self, path: str, card: int | None = None) -> Any:
        """The value at `path` (card `card` for `bank_cards[]` paths), or None if unknown."""
        values = self._values
        if card is not None:
            # A card's own facts are kept under its index, the case's under None.
            value = values.get((path, card))
            if value is not None:
                return value
        return values.get((path, None))

    def where(self, path: str, card: int | None) -> str:
        """The concrete JSON path: `bank_cards[].x` of card 1 is `bank_cards[1].x`."""
        return path.replace(CARD, f"bank_cards[{card}]") if card is not None else path

    def card_count(self) -> int:
        return len(self.facts.bank_cards or ())

    def missing(self, card: int | None, *paths: str) -> tuple[str, ...]:
        """The concrete paths among `paths` whose facts are not known."""
        return tuple(self.where(p, card) for p in paths if self.get(p, card) is None)


@dataclass(frozen=True)
class Observation:
    """A derived, three-valued fact computed from the input (a comparison, a date check)."""

    name: str
    meaning: str
    reads: tuple[str, ...]
    evaluate: Callable[[Case, int | None], Outcome]

    @property
    def per_card(self) -> bool:
        return self.name.startswith("card.")


@dataclass(frozen=True)
class Effect:
    """What doing a fix changes in the facts, so the plan can be checked (engine/plan_check.py).

    `kind` is "copy" (`path` takes the first of `sources` whose facts are all
    known, words joined by spaces; unknown if none is), "set" (`path` takes
    `value`), "forget" (`path` becomes unknown: a renewed document's new
    number), "renew" (an expiry date moves past as_of), "today" (`path` becomes
    as_of) or "tidy" (a name is rewritten in upper case with single spaces).
    A `bank_cards[]` path changes the cards the cause was found on.
    """

    path: str
    kind: str
    sources: tuple[tuple[str, ...], ...] = ()
    value: Any = None

    def describe(self) -> str:
        if self.kind == "copy":
            shown = " or else ".join(" + ".join(source) for source in self.sources)
            return f"{self.path} takes the value of {shown}"
        return {
            "set": f"{self.path} becomes {encode(self.value)}",
            "forget": f"{self.path} becomes unknown",
            "renew": f"{self.path} moves past as_of (a renewed document)",
            "today": f"{self.path} becomes as_of",
            "tidy": f"{self.path} is written in upper case with single spaces",
        }[self.kind]


def copies(path: str, *sources: str | tuple[str, ...]) -> Effect:
    """`path` takes the first known source; a tuple source is a name made of several facts."""
    return Effect(path, "copy", tuple((s,) if isinstance(s, str) else tuple(s) for s in sources))


def sets(path: str, value: Any) -> Effect:
    return Effect(path, "set", value=value)


def forgets(path: str) -> Effect:
    return Effect(path, "forget")


def renews(path: str) -> Effect:
    return Effect(path, "renew")


def dates_today(path: str) -> Effect:
    return Effect(path, "today")


def tidies(path: str) -> Effect:
    return Effect(path, "tidy")


@dataclass(frozen=True)
class FixStep:
    """One step of a fix: where it is done, what to do, and what doing it changes."""

    where: str
    action: str
    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True)
class Example:
    """Facts a rule is tested on: `expect` is "confirmed", "suspected" or None (not reported)."""

    note: str
    facts: dict[str, Any]
    expect: str | None


@dataclass(frozen=True)
class Cause:
    """One failure cause: what it is, when it holds, how to fix it, what it rests on."""

    id: str
    layer: str
    title: str
    explanation: str
    guide: str
    fixes: tuple[FixStep, ...]
    confirmed: tuple[When, ...]
    suspected: tuple[When, ...] = ()
    after: tuple[str, ...] = ()
    examples: tuple[Example, ...] = field(default=())


@dataclass(frozen=True)
class Workaround:
    """A way to pay that sidesteps the block, offered beside the plan, never instead."""

    id: str
    title: str
    explanation: str
    guide: str
    steps: tuple[str, ...]
    offered: tuple[When, ...]
    examples: tuple[Example, ...] = field(default=())


@dataclass(frozen=True)
class MessagePattern:
    """Words of an error message (English or Chinese) and the causes they point at."""

    phrases: tuple[str, ...]
    meaning: str
    points_at: tuple[str, ...]

    def phrases_in(self, message: str) -> tuple[str, ...]:
        """The phrases found in `message`, ignoring letter case; none that is part of another."""
        folded = message.casefold()
        found = [phrase.casefold() for phrase in self.phrases if phrase.casefold() in folded]

        def inside_another(phrase: str) -> bool:
            return any(phrase in other and phrase != other for other in found)

        return tuple(
            phrase
            for phrase in self.phrases
            if phrase.casefold() in found and not inside_another(phrase.casefold())
        )
