"""The facts input contract's types and base model (../shared/spec/facts-v3.md, on v1, v2).

The knowledge declares the facts (`knowledge/_facts/`, and units' `FACTS`); a knowledge
base's model is built from its declarations (`engine.facts.declaring`) over `Facts` here, with
the types below (dates, document and phone numbers, names, amounts). Every field is
optional: `None` means "not known", never "false". Document and phone numbers are stored
normalised, so every comparison downstream is plain equality; names are kept as typed,
because how they were typed is evidence.
Every facts-v1 or facts-v2 file is a facts-v3 file with the same meaning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from datetime import date
from functools import cache
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    NonNegativeInt,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from engine.facts import dates, normalise
from engine.facts.dates import PartialDate
from engine.text.translatable import Message

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _iso_date(value: Any) -> Any:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError(Message("expected a date written YYYY-MM-DD"))
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(
            Message("expected a real calendar date written YYYY-MM-DD ({problem})", problem=error)
        ) from None


def _last4(value: str) -> str:
    if not re.fullmatch(r"[0-9]{4}", value):
        raise ValueError(Message("expected the last four digits of the card"))
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError(Message("expected a non-empty name"))
    return value


_INDEX = re.compile(r"\[(\d+)\]")
_CONCRETE_PATH = re.compile(r"[a-z_0-9]+(\[\d+\])?(\.[a-z_0-9]+(\[\d+\])?)*", re.ASCII)
DONT_KNOW = "dont_know"
"""The field listing the facts a person was asked and does not know (facts-v2)."""
UNKNOWN_PATH = "unknown_fact_path"
"""The error type of a `dont_know` entry that names no fact: messages suggest the closest."""
GIVEN_AND_NOT_KNOWN = "given_and_not_known"
"""The error type of a `dont_know` entry whose fact is given a value too."""


def template(path: str) -> str:
    """A concrete path's template: `bank_cards[1].bank` -> `bank_cards[].bank`."""
    return _INDEX.sub("[]", path)


def card_index(path: str) -> int | None:
    """The card a concrete path names: `bank_cards[1].bank` -> 1; None for a case's fact."""
    found = _INDEX.search(path)
    return int(found[1]) if found else None


def _fact_path(value: str, paths: Collection[str]) -> str:
    """A `dont_know` entry: a fact path of the format, every list item named by its index."""
    if (
        not _CONCRETE_PATH.fullmatch(value)
        or template(value) not in paths
        or template(value) == DONT_KNOW
    ):
        raise PydanticCustomError(UNKNOWN_PATH, "not a fact path")
    if any(int(index) >= MAX_CARDS for index in _INDEX.findall(value)):
        raise PydanticCustomError(
            UNKNOWN_PATH, f"not a fact path: list items are numbered 0 to {MAX_CARDS - 1}"
        )
    return value


def _non_negative(value: float) -> float:
    if value < 0:
        raise ValueError(Message("expected a number >= 0"))
    return value


def _whole(value: Any) -> Any:
    """JSON has one kind of number: 12.0 is the whole number 12 (JSON Schema's "integer")."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code, written in either case, kept in upper case."""
    code = value.upper()
    if code not in country_codes():
        raise ValueError(Message("expected a country's two-letter ISO code (JP, RU, US, ...)"))
    return code


def _cases(code: str) -> tuple[str, ...]:
    """A two-letter code as it may be written: JP, jp, Jp, jP."""
    first, second = code
    return tuple(a + b for a in (first, first.lower()) for b in (second, second.lower()))


def _partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if not isinstance(value, str):
        raise ValueError(Message("expected a date written YYYY-MM-DD, YYYY-MM or YYYY"))
    return PartialDate.parse(value)


_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
"""What no text of the facts holds (engine/facts/loading.py refuses it): control characters, tab and
line breaks aside."""
PRINTABLE = f"^[^{_CONTROL}]*$"
_SEPARATOR = r"[\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\-]"
"""What a document number may hold between its letters and digits (engine/facts/normalise.py): a
space of any kind or a hyphen; control characters are refused in any text."""
"""The pattern of every text of the facts (`FactsJsonSchema`)."""
_NON_BLANK = f"^[^{_CONTROL}]*[^\\s{_CONTROL}][^{_CONTROL}]*$"
"""A name or an address: printable text, not only spaces."""


class FactsJsonSchema(GenerateJsonSchema):
    """The facts model's JSON Schema, as strict as reading a facts file: every text with the
    pattern of printable text, unless its own pattern says more."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        json_schema = super().str_schema(schema)
        json_schema.setdefault("pattern", PRINTABLE)
        return json_schema

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        """A fact that may be null, its text's `format` stated beside the choice too, so a
        tool reading the field (schemathesis) knows the format without opening `anyOf`."""
        json_schema = super().nullable_schema(schema)
        formats = {choice.get("format") for choice in json_schema.get("anyOf", ())} - {None}
        if len(formats) == 1:
            json_schema["format"] = formats.pop()
        return json_schema


_YEAR = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
"""A year Python's dates hold (0001 to 9999), as a JSON Schema pattern."""
_MONTH = "(0[1-9]|1[0-2])"
Day = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
"""A whole day: `as_of`, the day the diagnosis is for."""
PartialDay = Annotated[
    PartialDate,
    PlainValidator(_partial_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "anyOf": [
                {"format": "date"},
                {"pattern": f"^{_YEAR}-{_MONTH}$"},
                {"pattern": f"^{_YEAR}$"},
            ],
            "description": f"a date written {dates.FORMS}: the days it covers (a real"
            " calendar day, month or year)",
        }
    ),
]
"""Every other date: a day, a month or a year, read as the interval of days it covers."""
DocumentNumber = Annotated[
    str,
    AfterValidator(normalise.document_number),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": f"^{_SEPARATOR}*[A-Za-z0-9][A-Za-z0-9{_SEPARATOR[1:-1]}]*$",
            "description": "letters and digits; spaces and hyphens are ignored, and case",
            "x-personal": "document number",
        }
    ),
]
PhoneNumber = Annotated[
    str,
    AfterValidator(normalise.phone_number),
    WithJsonSchema(
        {
            "type": "string",
            "format": "phone",
            "examples": ["+86 138 0013 8000", "138-0013-8000", "0086 13800138000"],
            "description": "a phone number as written (+86 138 0013 8000, 138-0013-8000,"
            " 0086 13800138000): without a country code a mainland number, checked against"
            " the numbering plan; another country's checked for a possible length",
            "x-personal": "phone number",
        }
    ),
]
MAX_CARDS = 50
"""The most cards (bank or foreign) a case may list: people link a handful, so more is a mistake.

Refused when the facts are read, so no later stage (each card is observed and
its fixes checked) meets thousands of cards.
"""
MAX_DONT_KNOW = 500
"""The most paths `dont_know` may list: a consultation asks a few dozen questions at most."""

_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
"""Two-letter CLDR territories that are regions or pseudo-locales, not countries."""


@cache
def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes, as the CLDR (through Babel) lists the world's territories.

    Read when a country is first given or the schema written: Babel's locale data cost
    about an eighth of a single diagnosis's start-up, and most facts name no country.
    """
    from babel import Locale

    return frozenset(
        code
        for code in Locale("en").territories
        if re.fullmatch(r"[A-Z]{2}", code) and code not in _NOT_COUNTRIES
    )


class _CountrySchema:
    """A country's JSON Schema: every code, in either case (written when the schema is made)."""

    def __get_pydantic_json_schema__(self, _core: Any, _handler: Any) -> JsonSchemaValue:
        return {
            "type": "string",
            "enum": sorted(
                {variant for code in country_codes() for variant in _cases(code)},
                key=lambda variant: (variant.upper(), variant),
            ),
            "description": "a country's ISO 3166-1 two-letter code, in either case (JP, jp)",
        }


Country = Annotated[str, AfterValidator(_country), _CountrySchema()]
Name = Annotated[
    str, AfterValidator(_non_blank), WithJsonSchema({"type": "string", "pattern": _NON_BLANK})
]
Address = Annotated[
    str,
    AfterValidator(_non_blank),
    WithJsonSchema({"type": "string", "pattern": _NON_BLANK, "x-personal": "address"}),
]
CardDigits = Annotated[
    str, AfterValidator(_last4), WithJsonSchema({"type": "string", "pattern": "^[0-9]{4}$"})
]


class _FactPathSchema:
    """A `dont_know` entry's JSON Schema: a pattern naming exactly the fact paths (written when
    the schema is made, once every path is known)."""

    def __init__(self, paths: Callable[[], Collection[str]]):
        self.paths = paths

    def __get_pydantic_json_schema__(self, _core: Any, _handler: Any) -> JsonSchemaValue:
        item = f"\\[0*([0-9]|[1-{MAX_CARDS // 10 - 1}][0-9])\\]"  # 0 to MAX_CARDS - 1
        paths = (re.escape(p).replace(r"\[\]", item) for p in self.paths() if p != DONT_KNOW)
        return {"type": "string", "pattern": f"^({'|'.join(paths)})$"}


def fact_path(paths: Callable[[], Collection[str]]) -> Any:
    """The type of a path of the facts `paths()` lists (a `dont_know` entry)."""
    return Annotated[
        str, AfterValidator(lambda value: _fact_path(value, paths())), _FactPathSchema(paths)
    ]


def _known_path(value: str, info: ValidationInfo) -> str:
    model = (info.context or {}).get("facts") or standard_model()
    return _fact_path(value, model.paths)


FactPath = Annotated[str, AfterValidator(_known_path)]
"""A path of the facts of the model validation is told (`context={"facts": model}`), by
default the built-in knowledge's (what the pages' state names)."""
Amount = Annotated[
    float, AfterValidator(_non_negative), WithJsonSchema({"type": "number", "minimum": 0})
]
WholeNumber = Annotated[NonNegativeInt, BeforeValidator(_whole)]


class SectionModel(BaseModel):
    """A section of the facts (a document, a card, a wallet): its model is built from its
    declaration (`engine.facts.declaring`)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Facts(BaseModel):
    """One person's documents and accounts, as far as they are known.

    The base of every facts model: a knowledge base's model (`engine.facts.declaring.facts_model`)
    adds its sections. `paths`, `personal` and `declared` describe the model built.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        populate_by_name=True,
        title="paydoctor facts, version 3",
    )

    paths: ClassVar[tuple[str, ...]] = ()
    """Every path of the format, list items written `bank_cards[]`: what a rule may read.

    A list of values (`alipay.verification_requested`) is one fact; a list of
    sections (`bank_cards`, `foreign_cards`) has paths for its items' fields.
    """
    personal: ClassVar[Mapping[str, str]] = {}
    """Which facts hold personal data (path -> the kind, `engine.facts.personal`, that masks it)."""
    declared: ClassVar[Mapping[str, Any]] = {}
    """Each path's declaration (`engine.facts.declaring.Fact` or `Section`)."""
    card_list: ClassVar[str | None] = None
    """The list whose items are the subjects of per-card rules (`Section.subject`: the bank
    cards), if the knowledge declares one."""

    @model_validator(mode="after")
    def _not_known_means_no_value(self) -> Facts:
        """A fact is given or not known, never both: `dont_know` lists facts without a value."""
        values = flatten(self) if self.dont_know else {}
        for index, path in enumerate(self.dont_know or ()):
            item = _INDEX.search(path)
            if values.get((template(path), int(item.group(1)) if item else None)) is not None:
                raise PydanticCustomError(
                    GIVEN_AND_NOT_KNOWN, "given and not known", {"index": index, "path": path}
                )
        return self


_standard: list[type[Facts]] = []


def use_standard_model(model: type[Facts]) -> None:
    """Make `model` the one facts are read with when no knowledge base says (a test's facts, a
    face that reads facts before it loads knowledge): the built-in knowledge registers its
    own when imported, as engine/ imports no knowledge."""
    _standard[:] = [model]


def standard_model() -> type[Facts]:
    """The facts model of the built-in knowledge (`use_standard_model`)."""
    if not _standard:
        raise RuntimeError("no facts model: import the knowledge (knowledge/) first")
    return _standard[0]


def fact_keys() -> frozenset[str]:
    """Every key of the built-in knowledge's facts (`bank_cards`, `last4`), none before the
    knowledge is imported (a command-line mistake is said before any is)."""
    return _keys(_standard[0]) if _standard else frozenset()


@cache
def _keys(model: type[Facts]) -> frozenset[str]:
    return frozenset(part.removesuffix("[]") for path in model.paths for part in path.split("."))


NOT_FACTS = frozenset({"schema_url", DONT_KNOW})
"""Fields that say something about the facts, not about the person: never read as facts."""


def is_item_path(path: str) -> bool:
    """Whether `path` is a field of a list's item (`bank_cards[].bank`), read per item."""
    return "[]." in path


def read_path(facts: Facts, path: str, card: int | None = None) -> Any:
    """The value at a dotted path (`bank_cards[].x` reads item `card`), or None if unknown."""
    return flatten(facts).get((path, card if is_item_path(path) else None))


def flatten(facts: Facts) -> dict[tuple[str, int | None], Any]:
    """Every known value by (path, item): what `read_path` reads, gathered in one walk.

    A list item's fields are keyed by the item's index (a card's); every other
    fact by None. A list of values is one value.
    """
    values: dict[tuple[str, int | None], Any] = {}

    def walk(node: BaseModel, prefix: str, card: int | None) -> None:
        for name in type(node).model_fields:
            value = getattr(node, name)
            if value is None or name in NOT_FACTS:
                continue
            path = prefix + name
            values[(path, card)] = value
            if isinstance(value, BaseModel):
                walk(value, path + ".", card)
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        walk(item, path + "[].", index)

    walk(facts, "", None)
    return values
