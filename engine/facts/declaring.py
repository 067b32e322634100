"""Declaring facts once, and the facts model built from the declarations.

A fact is declared in one place, by the knowledge that reads it (the built-in
`knowledge/_facts/`, or a unit's `FACTS`): its values, the section or card it
belongs to, whether it is personal (the kind that masks it), how it is asked
(the question, label and help, who keeps the answer) and, where its type says
too little, the values tests generate for it. The pydantic model and its JSON
Schema, masking, the consultation's questions and the tests' generators are
derived from the declarations, so nothing else names the fact.

A knowledge base's model is built from its folders' declarations
(`facts_model`): a `--knowledge` unit may add a fact to a section. Building
costs a few milliseconds; the same declarations give the same model class.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import Field, create_model

from engine.facts.asking import Ask
from engine.facts.model import (
    DONT_KNOW,
    MAX_CARDS,
    MAX_DONT_KNOW,
    Day,
    Facts,
    PartialDay,
    SectionModel,
    fact_path,
)
from engine.facts.personal import PERSONAL_KINDS
from engine.text.wording import Wording

FACTS_DOC = "One person's documents and accounts, as far as they are known."


@dataclass(frozen=True)
class Fact:
    """One fact: its values, how it is asked and masked, and what tests generate for it."""

    name: str
    """Its field in its section (`expiry_date`). A fact a unit adds to a section declared
    elsewhere is named by its whole path (`bank_cards[].expiry_date`)."""
    type: Any = None
    """Its values: a type of `engine.facts.model` (`PartialDay`, `Name`, `DocumentNumber`,
    `PhoneNumber`, `Amount`...), `bool` or `str`; None for one of `ask.choices`."""
    ask: Ask | None = None
    """Its question, label, help and choices, and who keeps the answer (`Ask.kept_by`)."""
    personal: str | None = None
    """The kind of personal data it holds (`engine.facts.personal.NAME`, `PASSPORT`...): it is
    masked as that kind in every output."""
    many: bool = False
    """A list of `ask.choices` (what a wallet asks for), at most one of each."""
    description: str | None = None
    """What its JSON Schema says beside the type (a default reading)."""
    samples: tuple[Any, ...] = ()
    """Values the tests generate for it where its type says too little (a bank's name)."""
    triage: bool = False
    """A consultation asks it first, whatever else is known (where it fails, what the error
    says), in the format's order."""
    assumed: bool = False
    """The rules read it with a default when it is not given (a card whose wallet is not said
    is Alipay's): a consultation asks it where another value would change what follows."""
    message: bool = False
    """The error message the person saw: words of a unit's `Message` are matched in it."""
    issuer_country: bool = False
    """The country of a card's issuer: a call to the issuer abroad is in its language (the
    sentence a step on such a call gives, `Where.CARD_ISSUER` in knowledge/_where.py)."""
    place: bool = False
    """Where the payment fails: each of its choices says what a failure there tells a
    consultation (the layers, cards and facts it pursues: `Choice.layers`, `not_about`,
    `not_asked`, `then`)."""

    def __post_init__(self) -> None:
        if self.personal is not None and self.personal not in PERSONAL_KINDS:
            kinds = ", ".join(sorted(PERSONAL_KINDS))
            raise ValueError(f"fact {self.name}: personal must be one of {kinds}")
        if self.type is None and not (self.ask and self.ask.choices):
            raise ValueError(f"fact {self.name}: give a type, or an ask with choices")
        if self.ask is not None and self.ask.past and self.type not in (PartialDay, Day):
            raise ValueError(f"fact {self.name}: only a date is asked as past (Ask.past)")

    @property
    def values(self) -> tuple[str, ...]:
        """The values of a choice, in the declaration's order (empty for other types)."""
        return tuple(self.ask.choices) if self.type is None and self.ask else ()

    def annotation(self) -> Any:
        if self.type is not None:
            return self.type
        one = Literal[self.values]  # type: ignore[valid-type]
        return list[one] if self.many else one  # type: ignore[valid-type]

    def field(self) -> tuple[Any, Any]:
        size = {"max_length": len(self.values)} if self.many else {}
        return (
            self.annotation() | None,
            Field(default=None, description=self.description, **size),
        )


@dataclass(frozen=True)
class Section:
    """A section of the facts (the passport, a wallet), or a list of cards (`cards=True`)."""

    name: str
    model: str
    """The model's name in the JSON Schema (`Passport`, `BankCard`)."""
    facts: tuple[Fact | Section, ...]
    cards: bool = False
    """A list of items, each with these facts, read per card (`bank_cards[].status`)."""
    doc: str | None = None
    """What the model's JSON Schema says it is."""
    ask: Ask | None = None
    """For a list of cards: how many there are (a consultation asks it first)."""
    label: Wording | None = None
    """The section named in words, where a sentence names it whole ("Alipay: given", a wallet
    in use); else its path's words."""
    subject: bool = False
    """For a list of cards: its items are the subjects of per-card rules (the tests of one
    condition on `NAME[].x` all read one item: the bank cards). One list at most."""
    maker: str | None = None
    """For a list of cards: its items' fact that names who made each (its bank, its network),
    by which a person tells the cards apart."""
    ending: str | None = None
    """For a list of cards: its items' fact holding each card's last digits."""

    def added(self, path: str, fact: Fact) -> Section:
        """This section with `fact` added at `path` (below this section)."""
        head, _, rest = path.partition(".")
        if not rest:
            if any(declared.name == head for declared in self.facts):
                raise ValueError(f"fact {fact.name} is declared twice")
            return _replace_facts(self, (*self.facts, _named(fact, head)))
        inner = [f for f in self.facts if isinstance(f, Section) and f.name == head]
        if not inner:
            raise ValueError(f"fact {fact.name}: no section {head} in {self.name}")
        return _replace_facts(
            self,
            tuple(f.added(rest, fact) if f is inner[0] else f for f in self.facts),
        )


def _replace_facts(section: Section, facts: tuple[Fact | Section, ...]) -> Section:
    return replace(section, facts=facts)


def _named(fact: Fact, name: str) -> Fact:
    return replace(fact, name=name)


class DeclarationError(ValueError):
    """A declaration that does not fit the others (a fact in no declared section), with it."""

    def __init__(self, declared: Fact | Section, problem: str):
        super().__init__(problem)
        self.declared = declared


def merged(declarations: Iterable[Fact | Section]) -> tuple[Section, ...]:
    """Sections in the order declared, each fact a unit adds by its path put in its section
    (whichever file is read first)."""
    declarations = tuple(declarations)
    sections: dict[str, Section] = {}
    for declared in declarations:
        if isinstance(declared, Section):
            if declared.name in sections:
                raise DeclarationError(declared, f"section {declared.name} is declared twice")
            sections[declared.name] = declared
    for declared in declarations:
        if isinstance(declared, Section):
            continue
        head, _, rest = declared.name.partition(".")
        head = head.removesuffix("[]")
        if head not in sections or not rest:
            raise DeclarationError(
                declared, f"fact {declared.name}: name it by its path, in a declared section"
            )
        try:
            sections[head] = sections[head].added(rest, declared)
        except ValueError as error:
            raise DeclarationError(declared, str(error)) from None
    return tuple(sections.values())


def declared_paths(sections: Iterable[Section]) -> dict[str, Fact | Section]:
    """Every path of these sections, with its declaration, in the format's order."""
    paths: dict[str, Fact | Section] = {}

    def walk(section: Section, prefix: str) -> None:
        paths[prefix + section.name] = section
        inner = prefix + section.name + ("[]." if section.cards else ".")
        for declared in section.facts:
            if isinstance(declared, Section):
                walk(declared, inner)
            else:
                paths[inner + declared.name] = declared

    for section in sections:
        walk(section, "")
    return paths


_MODELS: dict[Any, type] = {}
"""Every model built, by its declaration's shape: the same declarations give the same class
(both wallets share one `Wallet`; a knowledge base read again gets the model it had)."""


def _section_model(section: Section) -> type[SectionModel]:
    fields = {declared.name: _field(declared) for declared in section.facts}
    key = (section.model, section.doc, tuple((n, shape) for n, (_, shape) in fields.items()))
    if key not in _MODELS:
        _MODELS[key] = create_model(
            section.model,
            __base__=SectionModel,
            __doc__=section.doc,
            __module__=__name__,
            **{name: field_ for name, (field_, _) in fields.items()},
        )
    return _MODELS[key]


def _field(declared: Fact | Section) -> tuple[tuple[Any, Any], Any]:
    """A declaration's pydantic field, and its shape: what makes two fields the same."""
    if isinstance(declared, Fact):
        shape = (id(declared.type), declared.values, declared.many, declared.description)
        return declared.field(), shape
    model = _section_model(declared)
    if declared.cards:
        return (list[model] | None, Field(default=None, max_length=MAX_CARDS)), (id(model), True)
    return (model | None, None), (id(model), False)


_BUILT: dict[tuple[int, ...], tuple[tuple[Fact | Section, ...], type[Facts]]] = {}
"""Each model built, by the identity of the declarations it was built from (kept with it, so
an identity is never another's): the built-in knowledge's model is asked for twice a run."""


def facts_model(declarations: Iterable[Fact | Section]) -> type[Facts]:
    """The facts model of these declarations: `Facts` with their sections, in their order."""
    declarations = tuple(declarations)
    key = tuple(map(id, declarations))
    if key not in _BUILT:
        _BUILT[key] = (declarations, _built(declarations))
    return _BUILT[key][1]


def _built(declarations: tuple[Fact | Section, ...]) -> type[Facts]:
    sections = merged(declarations)
    declared = declared_paths(sections)
    paths = (DONT_KNOW, "as_of", *declared)
    fields = {section.name: _field(section) for section in sections}
    subjects = [section.name for section in sections if section.cards and section.subject]
    if len(subjects) > 1:
        raise DeclarationError(
            next(s for s in sections if s.name == subjects[1]),
            f"sections {', '.join(subjects)}: one list of cards at most is the rules' subject",
        )
    card_list = subjects[0] if subjects else None
    key = ("Facts", tuple((n, shape) for n, (_, shape) in fields.items()), card_list)
    if key in _MODELS:
        return _MODELS[key]
    model = create_model(
        "Facts",
        __base__=Facts,
        __doc__=FACTS_DOC,
        __module__=__name__,
        schema_url=(str | None, Field(default=None, alias="$schema")),
        dont_know=(
            list[fact_path(lambda: paths)] | None,  # type: ignore[misc]
            Field(default=None, max_length=MAX_DONT_KNOW),
        ),
        as_of=(Day | None, None),
        **{name: field_ for name, (field_, _) in fields.items()},
    )
    model.paths = paths
    model.personal = _personal(declared)
    model.declared = declared
    model.card_list = card_list
    _MODELS[key] = model
    return model


def _personal(declared: Mapping[str, Fact | Section]) -> dict[str, str]:
    return {
        path: fact.personal
        for path, fact in declared.items()
        if isinstance(fact, Fact) and fact.personal
    }


def questions(declarations: Iterable[Fact | Section]) -> dict[str, Ask]:
    """Each declared fact's question (and a list of cards' count), by path."""
    return {
        path: declared.ask
        for path, declared in declared_paths(merged(declarations)).items()
        if declared.ask is not None
    }
