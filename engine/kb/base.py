"""A knowledge base: causes, workarounds, conclusions, observations and messages, compiled to rules.

Compiling is pure: each alternative condition of a unit becomes one rule. A
conclusion's rules assert its fact, which other rules consume (forward
chaining); a cause's rules conclude it and assert that it is reported. Every
cause that error messages point at also gets "message" rules, derived from its
confirmed conditions, that fire when the message points at it and the facts
leave it open. A test of a derived observation or a conclusion names it; whether it
reads one card is its declaration's (`per_card`), settled here for every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from engine.authoring.rules import (
    UNKNOWN,
    Cause,
    Conclusion,
    Layer,
    MessagePattern,
    Observation,
    Status,
    Test,
    TestKind,
    When,
    Workaround,
    message_points_at,
    standard_layers,
    unknown,
)
from engine.facts.asking import Ask, Choice, default_label
from engine.facts.model import Facts, standard_model
from engine.text.wording import Wording

CONFIRMED, SUSPECTED, OFFERED = Status.CONFIRMED, Status.SUSPECTED, Status.OFFERED
_ITEM = re.compile(r"\[\d+\]")
YES, NO = Wording("yes"), Wording("no")
MAX_ASKS_KEPT = 10_000
"""At most this many paths' questions are kept (a case names at most 50 cards' facts)."""
MESSAGE_ORIGIN = "message"
"""The origin of the rules derived from a cause's confirmed conditions for its error messages."""


@dataclass(frozen=True)
class CompiledRule:
    """One rule as the engine runs it: an id, one condition and what it concludes.

    `conclusion` is a status for a cause or workaround, or the value a
    conclusion's rule asserts ("true", "false", "unknown").
    """

    id: str
    target: str
    conclusion: str
    origin: str
    when: When
    layer: str | None = None
    """The layer of the cause concluded (its key); None for workarounds and conclusions."""
    concludes_fact: bool = False
    """Whether this is a conclusion's rule: it asserts the fact `target` = `conclusion`."""
    meaning: Wording | str = ""
    """What the rule concludes, in words: a conclusion's meaning, a cause's or workaround's
    title (the evidence of the rules chained on it)."""
    per_card: bool = False
    """Whether a conclusion's rule asserts its fact for the card it matched (`Conclusion.
    per_card`), else for the case."""

    @property
    def concludes_cause(self) -> bool:
        return self.layer is not None

    @property
    def offers(self) -> bool:
        """Whether this is a workaround's rule."""
        return not self.concludes_cause and not self.concludes_fact


@dataclass(frozen=True)
class KnowledgeBase:
    causes: tuple[Cause, ...]
    workarounds: tuple[Workaround, ...]
    observations: tuple[Observation, ...]
    messages: tuple[MessagePattern, ...]
    questions: dict[str, Ask]
    conclusions: tuple[Conclusion, ...] = ()
    facts_model: type[Facts] = field(default_factory=standard_model)
    """The facts this knowledge reads, as a model built from its declarations (`FACTS`); a
    knowledge base put together by hand (a test's) reads the built-in knowledge's."""
    layers: tuple[Layer, ...] = field(default_factory=standard_layers)
    """The layers of its fix order, as its units declare them (`LAYERS`); a knowledge base put
    together by hand orders the built-in knowledge's."""

    def layer(self, key: str) -> Layer:
        """The layer of this key (a cause's `layer`)."""
        return self._layers_by_key[key]

    @cached_property
    def _layers_by_key(self) -> dict[str, Layer]:
        return {layer.key: layer for layer in self.layers}

    def cause(self, key: str) -> Cause:
        """The cause of this key (its id, or `id@wallet` for one variant of a per-wallet cause)."""
        return self._causes_by_key[key]

    @cached_property
    def _causes_by_key(self) -> dict[str, Cause]:
        return {cause.key: cause for cause in self.causes}

    def about(self, cause: Cause) -> frozenset[str]:
        """The sections of the facts the rules confirming `cause` read (`bank_cards`, ...): a
        place not about a list of cards (`Choice.not_about`) pursues no cause about it."""
        return self._sections_read[cause.key]

    @cached_property
    def _sections_read(self) -> dict[str, frozenset[str]]:
        read: dict[str, frozenset[str]] = {}
        for cause in self.causes:
            paths: list[str] = []
            for test in (t for when in cause.confirmed for t in when.tests):
                if test.path is not None:
                    paths.append(test.path)
                elif test.kind == TestKind.DERIVED:
                    observation = self.observation(test.name)
                    paths += observation.reads if observation else ()
            read[cause.key] = frozenset(re.split(r"[.\[]", path, maxsplit=1)[0] for path in paths)
        return read

    @cached_property
    def place_path(self) -> str | None:
        """The fact that says where the payment fails (`Fact.place`), if one is declared."""
        return self._declared("place")

    @cached_property
    def issuer_country_path(self) -> str | None:
        """The country of a card's issuer (`Fact.issuer_country`): a call abroad is in its
        language."""
        return self._declared("issuer_country")

    @cached_property
    def message_path(self) -> str | None:
        """The error message the person saw (`Fact.message`): messages' phrases are matched in
        it."""
        return self._declared("message")

    def _declared(self, role: str) -> str | None:
        declared = self.facts_model.declared.items()
        return next((path for path, fact in declared if getattr(fact, role, False)), None)

    def card_fact(self, path: str, role: str) -> str | None:
        """The fact that tells a person which card the fact at `path` is on, as its list of
        cards declares it: `maker` (who made the card: its bank, its network) or `ending` (its
        last digits); None for a fact on no card, or a list that declares none."""
        items, bracket, _rest = path.partition("[")
        section = self.facts_model.declared.get(items) if bracket else None
        name = getattr(section, role, None)
        return f"{items}[].{name}" if name else None

    def place(self, facts: Facts) -> Choice | None:
        """Where the payment fails, as the knowledge describes that place (None: not known)."""
        if self.place_path is None:
            return None
        where = _at(facts, self.place_path)
        ask = self.ask(self.place_path)
        choice = ask.choices.get(where) if ask is not None and where else None
        if choice is None or not choice.offered:
            return choice
        # Offered several ways (in Alipay, in WeChat Pay): the way the facts say, if any.
        paths = {path for way in choice.offered for path in way.sets}
        known = {path: _at(facts, path) for path in paths}
        return next((way for way in choice.offered if way.says(known)), choice)

    def ask(self, path: str) -> Ask | None:
        """How the fact at `path` is asked (`bank_cards[1].status` is a card's), if a unit says."""
        asks = self._asks
        if path not in asks:
            ask = self.questions.get(_ITEM.sub("[]", path))
            if len(asks) >= MAX_ASKS_KEPT:
                return ask
            asks[path] = ask
        return asks[path]

    @cached_property
    def _asks(self) -> dict[str, Ask | None]:
        """`ask`'s answers by path, kept: evidence and checks ask about the same facts each case."""
        return {}

    def fact_label(self, path: str) -> Wording:
        """The fact at `path` named in words, for sentences about it ("your passport's expiry
        date"); a fact no unit asks is named by its path's words."""
        ask = self.ask(path)
        if ask:
            return ask.label
        section = self.facts_model.declared.get(_ITEM.sub("[]", path))
        label = getattr(section, "label", None)
        return label if label is not None else Wording(default_label(path))

    def value_label(self, path: str, value: Any) -> Wording | None:
        """A choice's value (or yes/no) as the question's choices name it; None for other
        values (numbers, names, dates), which are said as they are."""
        ask = self.ask(path)
        if ask and isinstance(value, str) and value in ask.choices:
            return ask.choices[value].label
        if isinstance(value, bool):
            return YES if value else NO
        return None

    def observation(self, name: str) -> Observation | None:
        return next((o for o in self.observations if o.name == name), None)

    def conclusion(self, name: str) -> Conclusion | None:
        return next((c for c in self.conclusions if c.name == name), None)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every cause's and workaround's key: what rules conclude and `after` edges name."""
        return tuple(c.key for c in self.causes) + tuple(w.id for w in self.workarounds)

    @cached_property
    def _per_card(self) -> frozenset[tuple[TestKind, str]]:
        """The derived observations and conclusions about one card, as a test names them
        (`Observation.per_card`, `Conclusion.per_card`)."""
        return frozenset(
            [(TestKind.DERIVED, o.name) for o in self.observations if o.per_card]
            + [(TestKind.CONCLUDED, c.name) for c in self.conclusions if c.per_card]
        )

    def on_cards(self, alternatives: tuple[When, ...]) -> tuple[When, ...]:
        """The conditions with each test of a derived observation or a conclusion reading one
        card where its declaration is about one (`per_card`); one nothing declares reads none
        (check-kb names it)."""
        per_card = self._per_card
        settled = []
        for alternative in alternatives:
            tests = alternative.tests
            if all(test.card is not None for test in tests):
                settled.append(alternative)
                continue
            settled.append(
                When(
                    tuple(
                        test
                        if test.card is not None
                        else Test(
                            test.kind, test.name, test.values, (test.kind, test.name) in per_card
                        )
                        for test in tests
                    )
                )
            )
        return tuple(settled)

    def compile(self) -> tuple[CompiledRule, ...]:
        """Every rule of the knowledge base, in a fixed order."""
        on_cards = self.on_cards
        rules: list[CompiledRule] = []
        for conclusion in self.conclusions:
            for value, alternatives in conclusion.alternatives():
                rules += _numbered(
                    f"{conclusion.name}={value}",
                    conclusion.name,
                    value,
                    "concludes",
                    on_cards(alternatives),
                    meaning=conclusion.meaning,
                    per_card=conclusion.per_card,
                )
        three_valued = {c.name for c in self.conclusions if c.three_valued}
        for cause in self.causes:
            confirmed = on_cards(cause.confirmed)
            suspected = on_cards(_scoped(cause.suspected, cause.scope))
            for status, alternatives in ((CONFIRMED, confirmed), (SUSPECTED, suspected)):
                rules += _numbered(
                    cause.key, cause.key, status, status, alternatives, cause.layer, cause.title
                )
            if any(cause.key in pattern.points_at for pattern in self.messages):
                cards = self.facts_model.card_list
                left_open = _left_open(cause.key, confirmed, three_valued, cards)
                open_when = on_cards(_scoped(left_open, cause.scope))
                rules += _numbered(
                    cause.key,
                    cause.key,
                    SUSPECTED,
                    MESSAGE_ORIGIN,
                    open_when,
                    cause.layer,
                    cause.title,
                )
        for workaround in self.workarounds:
            rules += _numbered(
                workaround.id,
                workaround.id,
                OFFERED,
                OFFERED,
                on_cards(workaround.offered),
                meaning=workaround.title,
            )
        return tuple(rules)


def _numbered(
    prefix: str,
    target: str,
    conclusion: str,
    origin: str,
    alternatives: tuple[When, ...],
    layer: str | None = None,
    meaning: Wording | str = "",
    per_card: bool = False,
) -> list[CompiledRule]:
    many = len(alternatives) > 1
    name = prefix if origin == "concludes" else f"{prefix}/{origin}"
    return [
        CompiledRule(
            name + (f"/{number}" if many else ""),
            target,
            str(conclusion),
            origin,
            alt,
            layer,
            concludes_fact=origin == "concludes",
            meaning=meaning,
            per_card=per_card,
        )
        for number, alt in enumerate(alternatives, start=1)
    ]


def _scoped(alternatives: tuple[When, ...], scope: tuple[Test, ...]) -> tuple[When, ...]:
    return tuple(When(alternative.tests + scope) for alternative in alternatives)


def _left_open(
    key: str, confirmed: tuple[When, ...], three_valued: set[str], cards: str | None
) -> tuple[When, ...]:
    """Conditions under which the facts neither confirm nor rule out the cause `key`, whose
    confirmed alternatives (their tests' cards settled) are `confirmed`.

    A confirmed alternative is open when one of its three-valued tests is unknown
    and none of the others is false; an alternative about a card is also open
    when the list of cards itself is not known.
    """

    def is_three_valued(test: Test) -> bool:
        if test.kind == TestKind.CONCLUDED:
            return test.name in three_valued
        return test.kind in (TestKind.DERIVED, TestKind.FACT)

    def opened(test: Test) -> Test:
        if not is_three_valued(test):
            return test
        return Test(test.kind, test.name, test.values | {UNKNOWN}, test.card)

    points_at = message_points_at(key)
    alternatives: list[When] = []
    for alternative in confirmed:
        tests = alternative.tests
        for pivot in filter(is_three_valued, tests):
            rest = tuple(opened(t) for t in tests if t is not pivot)
            pivot_unknown = Test(pivot.kind, pivot.name, frozenset({UNKNOWN}), pivot.card)
            alternatives.append(When((points_at, pivot_unknown, *rest)))
        if alternative.reads_card and cards is not None:
            case_tests = tuple(opened(t) for t in tests if not t.card)
            alternatives.append(When((points_at, unknown(cards), *case_tests)))
    return tuple(dict.fromkeys(alternatives))


def _at(facts: Facts, path: str) -> Any:
    """The value at a dotted path outside the lists of cards (None: not known)."""
    value: Any = facts
    for part in path.split("."):
        value = getattr(value, part, None)
    return value
