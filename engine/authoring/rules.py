"""The vocabulary a knowledge unit is written in: tests, conditions, causes, workarounds,
conclusions, the closed word lists (statuses, kinds) as enums, and the declarations of the
domain's layers and places, which the knowledge makes (knowledge/layers.py, _where.py).

A condition (`When`) is a conjunction of tests on observations; a rule holds a
tuple of alternative conditions. Observations are three-valued ("true",
"false", "unknown"), so "not known" is never read as "false". Tests on a card's
facts (`bank_cards[]`: the list the facts declare the rules' subject) all refer to the
same card within one condition. An observation is named by a type, never a string parsed
back (`FactValue`, `Reported`, ...), and a card by `CardSubject`.
A `Conclusion`'s rules assert a fact that other rules test (`concluded`), and a
cause's rules assert that it is reported (`reported`): rules chain. Whether a derived
observation or a conclusion is about one card is said where it is declared (`per_card`), and a
test of one, which names it, reads that from the declaration when the knowledge base compiles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field
from datetime import date
from enum import Enum
from functools import cached_property
from typing import Any, ClassVar

from engine.facts.asking import Ask
from engine.facts.dates import PartialDate
from engine.facts.model import Facts, flatten, is_item_path
from engine.facts.personal import Text
from engine.text.wording import Wording, wording


class Word(str, Enum):
    """A closed vocabulary whose members read as their value wherever they are written."""

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    @classmethod
    def parse(cls, value: Any, what: str) -> Word:
        """The member for `value`; a mistyped one fails here, when the unit loads."""
        try:
            return cls(value)
        except ValueError:
            words = ", ".join(repr(m.value) for m in cls)
            raise ValueError(f"{what} {value!r} is not one of {words}") from None


@dataclass(frozen=True)
class Layer:
    """A layer of the fix order, declared by the knowledge (`LAYERS` in a unit): where a fix
    happens (the phone, documents, the card's issuer, a wallet, ...), named in words, and
    which layers' fixes come before its own.

    Declaring one makes its key a layer a unit may name (`Cause.layer`, `finding_in`) from
    then on in this process; a knowledge base orders the layers its units declare."""

    key: str
    label: Wording
    """The layer named to a person ("the phone", "bank")."""
    after: tuple[str, ...] = ()
    """The layers whose fixes are done before this one's."""
    first: bool = False
    """Whether its steps open a plan, before every other layer's (they cost a tap and are
    undone at once: the phone's)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", wording(self.label))
        object.__setattr__(self, "after", tuple(self.after))
        _declared_layers.setdefault(self.key, self)


_declared_layers: dict[str, Layer] = {}
"""Every layer declared in this process, by key, in the order first declared."""

_standard_layers: list[tuple[Layer, ...]] = []


def use_standard_layers(layers: tuple[Layer, ...]) -> None:
    """Make `layers` the ones a knowledge base put together by hand orders (a test's): the
    built-in knowledge registers its own when imported, as engine/ imports no knowledge."""
    _standard_layers[:] = [tuple(layers)]


def standard_layers() -> tuple[Layer, ...]:
    """The layers of the built-in knowledge (`use_standard_layers`)."""
    if not _standard_layers:
        raise RuntimeError("no layers: import the knowledge (knowledge/) first")
    return _standard_layers[0]


def layer_key(value: Layer | str, what: str) -> str:
    """The key of a declared layer; a mistyped one fails here, when the unit is made."""
    key = value.key if isinstance(value, Layer) else value
    if key not in _declared_layers:
        keys = ", ".join(repr(k) for k in _declared_layers)
        raise ValueError(f"{what} {value!r} is not one of {keys}")
    return key


class Status(Word):
    """What a rule concludes about its cause or workaround."""

    CONFIRMED = "confirmed"
    SUSPECTED = "suspected"
    OFFERED = "offered"


class TestKind(Word):
    """What a test reads: a fact, whether it is known, a derived observation, a conclusion, ..."""

    DERIVED = "derived"
    """An observation computed in Python from the facts (a comparison, a date check)."""
    FACT = "fact"
    KNOWN = "known"
    MESSAGE = "message"
    CONCLUDED = "concluded"
    """A fact that a conclusion's rule asserted during the session (forward chaining)."""
    REPORTED = "reported"
    """A cause that a cause's rule concluded during the session."""
    FINDING = "finding"
    """Some cause of a layer was concluded during the session."""

    @property
    def chained(self) -> bool:
        """Whether the session's own rules assert what this test reads."""
        return self in (TestKind.CONCLUDED, TestKind.REPORTED, TestKind.FINDING)


TRUE, FALSE, UNKNOWN = "true", "false", "unknown"


class _Made:
    """A value made once for each set of arguments, and immutable: two made alike are one object,
    so it hashes and compares as fast as a string (a diagnosis looks observations up by name
    and subject thousands of times), and is written once (`str`: what durable-rules and the trace
    read)."""

    __slots__ = ("_text",)
    _fields: ClassVar[tuple[str, ...]] = ()
    """The arguments, in order (each a slot)."""
    _made: ClassVar[dict]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._made = {}

    def __new__(cls, *args: Any):
        made = cls._made.get(args)
        if made is None:
            candidate = object.__new__(cls)
            for slot, value in zip(cls._fields, args, strict=True):
                object.__setattr__(candidate, slot, value)
            object.__setattr__(candidate, "_text", candidate._written())
            made = cls._made.setdefault(args, candidate)
        return made

    def _written(self) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self._text

    def __format__(self, spec: str) -> str:
        return format(self._text, spec)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} cannot be changed")

    def __reduce__(self):
        return (type(self), tuple(getattr(self, field) for field in self._fields))

    def __repr__(self) -> str:
        args = ", ".join(repr(getattr(self, field)) for field in self._fields)
        return f"{type(self).__name__}({args})"


class _Kind(_Made):
    """An observation's kind with what it is about: written `kind:about` (`fact:PATH`) for
    durable-rules and the trace; nothing reads that string back."""

    __slots__ = ()
    kind: ClassVar[TestKind]

    @property
    def about(self) -> str:
        return getattr(self, self._fields[0])

    def _written(self) -> str:
        return f"{self.kind}:{self.about}"


class FactValue(_Kind):
    """The observation of a fact's own value, which `fact(path, ...)` tests."""

    __slots__ = _fields = ("path",)
    kind = TestKind.FACT
    path: str


class FactKnown(_Kind):
    """The observation of whether a fact is known, which `known(path)` tests."""

    __slots__ = _fields = ("path",)
    kind = TestKind.KNOWN
    path: str


class MessagePoints(_Kind):
    """The observation that the error message holds words pointing at a cause."""

    __slots__ = _fields = ("cause",)
    kind = TestKind.MESSAGE
    cause: str


class Reported(_Kind):
    """The fact a cause's rule asserts when it concludes the cause, with its status."""

    __slots__ = _fields = ("cause",)
    kind = TestKind.REPORTED
    cause: str


class LayerFinding(_Kind):
    """The fact a cause's rule asserts when it concludes, with the cause's layer as its value,
    for rules that chain on some cause of a layer (`finding_in`): there is one, `FINDING`."""

    __slots__ = _fields = ("about_",)
    kind = TestKind.FINDING

    def __new__(cls):
        return super().__new__(cls, "layer")

    def __reduce__(self):
        return (LayerFinding, ())


ObservationName = str | FactValue | FactKnown | MessagePoints | Reported | LayerFinding
"""What an observation is named by: a derived observation's or a conclusion's own name (a
`str`, as its unit declares it), or one of the kinds above, each holding what it is about."""

FINDING = LayerFinding()
"""The observation a cause's rule asserts when it concludes, for rules that chain on it."""


class CardSubject(_Made):
    """What an observation of one card is about: the item `index` of the list `items`."""

    __slots__ = _fields = ("items", "index")
    items: str
    index: int

    def _written(self) -> str:
        return f"{self.items}[{self.index}]"

    def __lt__(self, other: CardSubject) -> bool:
        return (self.items, self.index) < (other.items, other.index)


class FoundOn(_Made):
    """What a layer's finding is about: the cause concluded, and the card it was found on."""

    __slots__ = _fields = ("cause", "card")
    cause: str
    card: CardSubject | None

    def _written(self) -> str:
        return f"{self.cause}@{'' if self.card is None else self.card}"


Subject = CardSubject | FoundOn | None
"""What an observation is about: one card, a finding, or (None) the case."""


def is_card_path(path: str) -> bool:
    """Whether a test on `path` reads one card: a field of a list's item (`bank_cards[].status`).
    The cards are the items of the list the facts declare the rules' subject (`Section.subject`,
    `Facts.card_list`); check-kb refuses a test on another list's items."""
    return is_item_path(path)


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

    `name` is what the session holds: a derived observation or a conclusion
    (`card.passport_differs`, `passport.renewed`), a fact's value (`FactValue`), whether it is
    known (`FactKnown`), a message pointing at a cause (`MessagePoints`), a cause reported
    (`Reported`) or a layer's finding (`FINDING`); `kind` says which. Tests on `bank_cards[]`
    observations (`card`) all read one card.
    """

    kind: TestKind
    name: ObservationName
    values: frozenset[str]
    card: bool | None = False
    """Whether it reads one card: a fact of one (`bank_cards[].status`), or a derived
    observation or conclusion declared `per_card`. None for a test of a derived observation or
    a conclusion as a unit writes it (by name): its declaration says, and the knowledge base
    settles it when it compiles (`KnowledgeBase.compile`)."""

    @property
    def path(self) -> str | None:
        """The fact path of a `fact:` or `known:` test."""
        if isinstance(self.name, (FactValue, FactKnown)):
            return self.name.path
        return None

    @property
    def subject_name(self) -> str:
        """What the test is about: a path, a cause id, an observation's name."""
        return self.name if isinstance(self.name, str) else self.name.about

    def describe(self) -> str:
        """The test in a few words: `card.phone_differs`, `not passport.expired`, `x = v`."""
        name = self.subject_name
        values = sorted(self.values)
        if self.kind == TestKind.KNOWN:
            return f"{name} {'known' if TRUE in self.values else 'unknown'}"
        if self.kind == TestKind.MESSAGE:
            return f"message points at {name}"
        if self.kind == TestKind.FINDING:
            return f"a {' or '.join(values)} cause is reported"
        if self.kind == TestKind.REPORTED:
            return f"{name} is {' or '.join(values)}"
        if self.kind in (TestKind.DERIVED, TestKind.CONCLUDED) and values in ([TRUE], [FALSE]):
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


def derived(name: str, value: bool | None = True, *others: bool | None) -> Test:
    """A derived observation (an `Observation` computed from the facts) has one of the values
    given: true, false, or None for not known (a fact it reads is missing, or a partial date
    leaves it open). Of a card's observation (`per_card`), the card the condition reads."""
    values = frozenset(encode(v) for v in (value, *others))
    return Test(TestKind.DERIVED, name, values, None)


def concluded(name: str, value: bool | str = True) -> Test:
    """A conclusion's fact (asserted by a `Conclusion`'s rule in the session) has this value.
    Of a card's conclusion (`per_card`), the card the condition reads."""
    return Test(TestKind.CONCLUDED, name, frozenset({encode(value)}), None)


def fact(path: str, *values: Any) -> Test:
    """A fact's value is one of `values` (so it is known)."""
    encoded = frozenset(encode(v) for v in values)
    return Test(TestKind.FACT, FactValue(path), encoded, is_card_path(path))


def known(path: str) -> Test:
    return Test(TestKind.KNOWN, FactKnown(path), frozenset({TRUE}), is_card_path(path))


def unknown(path: str) -> Test:
    return Test(TestKind.KNOWN, FactKnown(path), frozenset({FALSE}), is_card_path(path))


def unless_false(path: str) -> Test:
    """A fact is true or not known: only a known "false" rules the condition out."""
    return Test(TestKind.FACT, FactValue(path), frozenset({TRUE, UNKNOWN}), is_card_path(path))


def message_points_at(cause_id: str) -> Test:
    return Test(TestKind.MESSAGE, MessagePoints(cause_id), frozenset({TRUE}))


def reported(cause_id: str, *statuses: Status | str) -> Test:
    """Another cause was concluded (with one of `statuses`; any status when none is given)."""
    chosen = statuses or (Status.CONFIRMED, Status.SUSPECTED)
    values = frozenset(Status.parse(s, "status").value for s in chosen)
    return Test(TestKind.REPORTED, Reported(cause_id), values)


def finding_in(*layers: Layer | str) -> Test:
    return Test(TestKind.FINDING, FINDING, frozenset(layer_key(x, "layer") for x in layers))


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

    @property
    def values(self) -> dict[tuple[str, int | None], Any]:
        """Every known fact by (path, card): a card's own facts under its index, the case's
        under None; read it as `get` does (the observer reads the case's facts here at once)."""
        return self._values

    def get(self, path: str, card: int | None = None) -> Any:
        """The value at `path` (card `card` for `bank_cards[]` paths), or None if unknown.

        A `foreign_cards[]` path is read for the item `card` names; without one it
        is not known (foreign cards are not subjects of per-card rules).
        """
        values = self._values
        if card is not None:
            # A card's own facts are kept under its index, the case's under None.
            value = values.get((path, card))
            if value is not None:
                return value
        return values.get((path, None))

    def where(self, path: str, card: int | None) -> str:
        """The concrete JSON path: `bank_cards[].x` of card 1 is `bank_cards[1].x`."""
        return path.replace("[].", f"[{card}].", 1) if card is not None else path

    @property
    def cards(self) -> str | None:
        """The list whose items are the cards per-card rules read (`Facts.card_list`)."""
        return type(self.facts).card_list

    def card_count(self) -> int:
        return len(getattr(self.facts, self.cards) or ()) if self.cards else 0

    def missing(self, card: int | None, *paths: str) -> tuple[str, ...]:
        """The concrete paths among `paths` whose facts are not known."""
        return tuple(self.where(p, card) for p in paths if self.get(p, card) is None)


@dataclass(frozen=True)
class Observation:
    """A derived, three-valued fact computed from the input (a comparison, a date check)."""

    name: str
    meaning: str | Wording
    """What it means when true, as a phrase ("the passport has expired")."""
    reads: tuple[str, ...]
    evaluate: Callable[[Case, int | None], Outcome]
    per_card: bool = False
    """Whether it is observed once for each card (`evaluate(case, card)` with the card's index,
    a test of it reading the card its condition reads), else once for the case (`card` None).
    A card's observation reads some fact of the card (check-kb says so when it does not)."""


class EffectKind(Word):
    """What a fix does to one fact (see `Effect`)."""

    COPY = "copy"
    SET = "set"
    FORGET = "forget"
    RENEW = "renew"
    TODAY = "today"
    TIDY = "tidy"


@dataclass(frozen=True)
class Effect:
    """What doing a fix changes in the facts, so the plan can be checked
    (engine/planning/plan_check.py).

    COPY: `path` takes the first of `sources` whose facts are all known, words
    joined by spaces (unknown if none is); SET: `path` takes `value`; FORGET:
    `path` becomes unknown (a renewed document's new number); RENEW: an expiry
    date moves past as_of; TODAY: `path` becomes as_of; TIDY: a name is
    rewritten in upper case with single spaces. A `bank_cards[]` path changes
    the cards the cause was found on.
    """

    path: str
    kind: EffectKind
    sources: tuple[tuple[str, ...], ...] = ()
    value: Any = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", EffectKind.parse(self.kind, f"effect on {self.path}"))

    def describe(self) -> str:
        if self.kind == EffectKind.COPY:
            shown = " or else ".join(" + ".join(source) for source in self.sources)
            return f"{self.path} takes the value of {shown}"
        return {
            EffectKind.SET: f"{self.path} becomes {encode(self.value)}",
            EffectKind.FORGET: f"{self.path} becomes unknown",
            EffectKind.RENEW: f"{self.path} moves past as_of (a renewed document)",
            EffectKind.TODAY: f"{self.path} becomes as_of",
            EffectKind.TIDY: f"{self.path} is written in upper case with single spaces",
        }[self.kind]


def copies(path: str, *sources: str | tuple[str, ...]) -> Effect:
    """`path` takes the first known source; a tuple source is a name made of several facts."""
    return Effect(
        path, EffectKind.COPY, tuple((s,) if isinstance(s, str) else tuple(s) for s in sources)
    )


def sets(path: str, value: Any) -> Effect:
    return Effect(path, EffectKind.SET, value=value)


def forgets(path: str) -> Effect:
    return Effect(path, EffectKind.FORGET)


def renews(path: str) -> Effect:
    return Effect(path, EffectKind.RENEW)


def dates_today(path: str) -> Effect:
    return Effect(path, EffectKind.TODAY)


def tidies(path: str) -> Effect:
    return Effect(path, EffectKind.TIDY)


STAFF_LANGUAGE = "zh"
"""The language of the sentence a step gives to show the staff who help with it in China."""


@dataclass(frozen=True)
class Place:
    """Where a fix step is done, declared by the knowledge (knowledge/_where.py) and said by
    the unit rather than read from its words: at a counter, an office or on a hotline a person
    helps (`staff`), and the step gives a sentence to show them (`FixStep.say`).

    Declaring one makes it a place a unit may name (`FixStep(place=...)`, by the declaration
    or its key) from then on in this process."""

    key: str
    staff: bool = False
    """Whether a person there helps with the step: it gives them a sentence to read."""
    abroad: bool = False
    """A call abroad (the card's issuer): its staff read the card's own language, not Chinese."""

    def __post_init__(self) -> None:
        _declared_places.setdefault(self.key, self)

    def __str__(self) -> str:
        return self.key

    @property
    def reads(self) -> str | None:
        """The language of the sentence staff here are given: Chinese in China; None on a call
        to the card's issuer abroad, where it is the card's own language (`Step.sentence`)."""
        return None if self.abroad else STAFF_LANGUAGE


_declared_places: dict[str, Place] = {}
"""Every place declared in this process, by key, in the order first declared."""


def place_of(value: Place | str, what: str) -> Place:
    """The declared place `value` is or names; a mistyped one fails here, when the unit is
    made."""
    found = _declared_places.get(value.key if isinstance(value, Place) else value)
    if found is None:
        keys = ", ".join(repr(k) for k in _declared_places)
        raise ValueError(f"{what} {value!r} is not one of {keys}")
    return value if isinstance(value, Place) else found


@dataclass(frozen=True)
class FixStep:
    """One step of a fix: where it is done, what to do, and what doing it changes.

    `place` says whether staff help with it; such a step gives `say`, a short,
    polite sentence in Chinese to show them, written in the unit beside its meaning in English
    (`Wording("its meaning", zh="the sentence")`): the meaning is translated, the sentence is not.
    On a call abroad (`Place.reads` is None) the sentence is its meaning in the card's own
    language, so the unit writes only the meaning (`Wording("the sentence")`) and the catalogs
    give the rest.
    """

    where: Wording
    action: Wording
    effects: tuple[Effect, ...] = ()
    _: KW_ONLY
    place: Place
    say: Wording | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "where", wording(self.where))
        object.__setattr__(self, "action", wording(self.action))
        object.__setattr__(self, "place", place_of(self.place, "FixStep: place"))
        if self.say is None:
            return
        if self.place.reads is None:
            if not isinstance(self.say, Wording) or self.say.written:
                raise ValueError(
                    f"FixStep: on a call abroad ({self.place}) say is the sentence in English;"
                    " it is said in the card's own language from the catalogs:"
                    ' say=Wording("the sentence")'
                )
        elif not (isinstance(self.say, Wording) and self.place.reads in self.say.written):
            raise ValueError(
                "FixStep: say is the sentence staff read, in Chinese, with its meaning:"
                ' say=Wording("its meaning in English", zh="the sentence")'
            )


@dataclass(frozen=True)
class Example:
    """Facts a unit is tested on, and what it must conclude from them.

    `expect`: for a cause "confirmed", "suspected" or None (not reported); for
    a workaround "offered" or None; for a conclusion the value concluded
    ("true", "false", "unknown") or None (nothing concluded). `evidence`: words
    the report's evidence for the unit must contain (as a person reads it,
    masked). `after_fix`: for a confirmed cause, its status once its own fix
    effects are applied to these facts (None: it is no longer reported).
    """

    note: str
    facts: dict[str, Any]
    expect: str | None
    evidence: tuple[str, ...] = ()
    after_fix: str | None = None


@dataclass(frozen=True)
class Message:
    """Words of an error message (any language the apps show) that point at the unit holding it.

    One `Message` may be held by several units (define it once, import it):
    the words then point at each of them.
    """

    meaning: Wording
    phrases: tuple[str, ...]
    shares_words_with: tuple[str, ...] = ()
    """Causes (ids) another message of whose words these phrases hold or repeat, on purpose: a
    message with them points at those causes too (the bank's "identity document expired" may
    be the passport's own expiry). check-kb names every other such overlap, and a cause named
    here that no phrase shares words with."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "meaning", wording(self.meaning))


def _checked_examples(unit_id: str, examples: tuple[Example, ...], allowed: tuple[str, ...]):
    for example in examples:
        if example.expect is not None and example.expect not in allowed:
            raise ValueError(
                f"{unit_id}: example {example.note!r} expects {example.expect!r}"
                f" (expected one of {', '.join(map(repr, allowed))} or None)"
            )
    return tuple(examples)


def _check_dates(unit_id: str, *dates: str | None) -> None:
    """A unit's dates are partial dates (`2026-12`); a mistyped one fails when the unit loads."""
    for value in dates:
        if value is not None:
            try:
                PartialDate.parse(value)
            except ValueError:
                raise ValueError(
                    f"{unit_id}: date {value!r} is not written YYYY, YYYY-MM or YYYY-MM-DD"
                ) from None


class CauseKey(str):
    """What names a cause inside paydoctor: its id, with its wallet for one variant of a
    per-wallet cause (`Cause.per_wallet`). It is the text `id`, or `id@wallet`, wherever a key
    is looked up or shown (`after` entries, `KnowledgeBase.cause`, the trace); its parts are
    read as its fields, never split back out of that text (report-v3's `{"id", "wallet"}`)."""

    id: str
    wallet: str | None
    """The wallet (its layer's key) of a per-wallet cause's variant; None for another cause."""

    def __new__(cls, cause_id: str, wallet: str | None = None) -> CauseKey:
        key = super().__new__(cls, cause_id if wallet is None else f"{cause_id}@{wallet}")
        key.__dict__.update(id=cause_id, wallet=wallet)
        return key

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("CauseKey cannot be changed")

    def __getnewargs__(self) -> tuple[str, str | None]:  # type: ignore[override]
        return (self.id, self.wallet)


@dataclass(frozen=True)
class Cause:
    """One failure cause, complete: what it is, when it holds, how to fix it, what it rests on.

    `source` quotes the sentence of the guide it rests on, or names the reports'
    URLs. `observations`, `messages` and `questions` are the ones only this unit
    uses; shared ones live in their own module of the knowledge folder.
    """

    id: str
    layer: str
    """The key of its layer (`Layer.key`)."""
    title: Wording
    explanation: Wording
    source: str
    fixes: tuple[FixStep, ...]
    confirmed: tuple[When, ...]
    suspected: tuple[When, ...] = ()
    after: tuple[str, ...] = ()
    """The causes fixed first, by key (`id`, or `id@wallet` for one variant of a per-wallet one);
    a per-wallet cause's plain id names its variant in this cause's wallet, else every one."""
    observations: tuple[Observation, ...] = ()
    messages: tuple[Message, ...] = ()
    questions: dict[str, str | Ask] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()
    scope: tuple[Test, ...] = ()
    """Tests every suspicion of the cause must also pass: where it can apply at all (a wallet
    in use, a permit held). Added to its suspected and message rules, not to its confirmed."""
    per_wallet: bool = False
    """One of a cause's variants, one per wallet: its key names its layer (`id@wallet`)."""
    sources_read: str | None = None
    """When the sources were read (YYYY-MM or YYYY-MM-DD): how fresh the knowledge is."""
    holds_from: str | None = None
    """From when the rule holds (a policy's start: YYYY, YYYY-MM or YYYY-MM-DD)."""

    def __post_init__(self) -> None:
        _check_dates(self.id, self.sources_read, self.holds_from)
        object.__setattr__(self, "layer", layer_key(self.layer, f"{self.id}: layer"))
        object.__setattr__(self, "title", wording(self.title))
        object.__setattr__(self, "explanation", wording(self.explanation))
        allowed = (Status.CONFIRMED, Status.SUSPECTED)
        object.__setattr__(self, "examples", _checked_examples(self.id, self.examples, allowed))

    @cached_property
    def key(self) -> CauseKey:
        """What names this cause inside paydoctor: its id, and its wallet for a per-wallet one."""
        return CauseKey(self.id, self.layer if self.per_wallet else None)


@dataclass(frozen=True)
class Workaround:
    """A way to pay that sidesteps the block, offered beside the plan, never instead."""

    id: str
    title: Wording
    explanation: Wording
    source: str
    steps: tuple[Wording, ...]
    offered: tuple[When, ...]
    observations: tuple[Observation, ...] = ()
    questions: dict[str, str | Ask] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()
    human_route: bool = False
    """A person to ask (a wallet's customer service): also named when no cause is found."""
    about: tuple[str, ...] = ()
    """The lists of cards it is for (`bank_cards`: a Chinese bank's people): not named where the
    place is not about them (`Choice.not_about`: a visitor's foreign card)."""
    sources_read: str | None = None
    """When the sources were read (YYYY-MM or YYYY-MM-DD)."""
    holds_from: str | None = None
    """From when the workaround holds (YYYY, YYYY-MM or YYYY-MM-DD)."""

    def __post_init__(self) -> None:
        _check_dates(self.id, self.sources_read, self.holds_from)
        object.__setattr__(self, "title", wording(self.title))
        object.__setattr__(self, "explanation", wording(self.explanation))
        object.__setattr__(self, "steps", tuple(wording(step) for step in self.steps))
        allowed = (Status.OFFERED,)
        object.__setattr__(self, "examples", _checked_examples(self.id, self.examples, allowed))

    @property
    def key(self) -> str:
        return self.id


@dataclass(frozen=True)
class Conclusion:
    """A fact that rules derive from other facts, for many rules to consume (forward chaining).

    Its rules assert `name` with the value "true" when one of `holds` does,
    "false" for `fails` and "unknown" for `unknown`; a rule tests it with
    `concluded(name)`. Declare `unknown` (and `fails`) when some rule must
    tell "not known" apart from "false", as message rules do.
    """

    name: str
    meaning: Wording
    holds: tuple[When, ...]
    fails: tuple[When, ...] = ()
    unknown: tuple[When, ...] = ()
    examples: tuple[Example, ...] = ()
    per_card: bool = False
    """Whether its fact is concluded for each card (the card its rule read: "this card fails"),
    else for the case ("a card is linked in Alipay", from any card). Each of a card's
    conclusion's conditions reads the card (check-kb says so when one does not)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "meaning", wording(self.meaning))
        allowed = (TRUE, FALSE, UNKNOWN)
        object.__setattr__(self, "examples", _checked_examples(self.name, self.examples, allowed))

    @property
    def id(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        return self.name

    @property
    def three_valued(self) -> bool:
        return bool(self.unknown)

    def alternatives(self) -> tuple[tuple[str, tuple[When, ...]], ...]:
        return ((TRUE, self.holds), (FALSE, self.fails), (UNKNOWN, self.unknown))


@dataclass(frozen=True)
class MessagePattern:
    """A `Message` as the knowledge base reads it: its words and every cause they point at."""

    phrases: tuple[str, ...]
    meaning: Wording
    points_at: tuple[str, ...]
    shares_words_with: tuple[str, ...] = ()

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
