"""The facts-v1 input contract as pydantic models (../shared/spec/facts-v1.md).

Every field is optional: `None` means "not known", never "false". Document and
phone numbers are stored normalised, so every comparison downstream is plain
equality; names are kept as typed, because how they were typed is evidence.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    NonNegativeInt,
    WithJsonSchema,
)

from engine import normalise, personal
from engine.translatable import Message

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError(Message("expected the last four digits of the card"))
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError(Message("expected a non-empty name"))
    return value


Day = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
DocumentNumber = Annotated[
    str,
    AfterValidator(normalise.document_number),
    Field(json_schema_extra={"x-personal": "document number"}),
]
PhoneNumber = Annotated[
    str,
    AfterValidator(normalise.phone_number),
    Field(json_schema_extra={"x-personal": "phone number"}),
]
MAX_CARDS = 50
"""The most bank cards a case may list: people link a handful, so a longer list is a mistake.

Refused when the facts are read, so no later stage (each card is observed and
its fixes checked) meets thousands of cards.
"""

Name = Annotated[str, AfterValidator(_non_blank)]
CardDigits = Annotated[str, AfterValidator(_last4)]

# Which fields hold personal data, by their dotted path with list indexes removed.
PERSONAL_FIELDS: dict[str, str] = {
    "person.surname": personal.NAME,
    "person.given_names": personal.NAME,
    "passport.number": personal.PASSPORT,
    "passport.previous_number": personal.PASSPORT,
    "residence_permit.number": personal.PERMIT,
    "residence_permit.name": personal.NAME,
    "phone.number": personal.PHONE,
    "bank_cards[].passport_number_on_file": personal.PASSPORT,
    "bank_cards[].phone_on_file": personal.PHONE,
    "bank_cards[].name_on_file": personal.NAME,
    "bank_cards[].name_entered": personal.NAME,
    "alipay.phone": personal.PHONE,
    "alipay.identity.name": personal.NAME,
    "alipay.identity.passport_number": personal.PASSPORT,
    "alipay.identity.residence_permit_number": personal.PERMIT,
}


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Person(Section):
    surname: Name | None = None
    given_names: Name | None = None


class Passport(Section):
    number: DocumentNumber | None = None
    expiry_date: Day | None = None
    previous_number: DocumentNumber | None = None
    renewed_on: Day | None = None


class ResidencePermit(Section):
    number: DocumentNumber | None = None
    expiry_date: Day | None = None
    name: Name | None = None


class Phone(Section):
    number: PhoneNumber | None = None
    changed_on: Day | None = None


CardStatus = Literal["ok", "cannot_be_verified", "unresponsive", "not_linked"]


class BankCard(Section):
    bank: str | None = None
    last4: CardDigits | None = None
    passport_number_on_file: DocumentNumber | None = None
    phone_on_file: PhoneNumber | None = None
    name_on_file: Name | None = None
    name_entered: Name | None = None
    status: CardStatus | None = None


class AlipayIdentity(Section):
    name: Name | None = None
    passport_number: DocumentNumber | None = None
    residence_permit_number: DocumentNumber | None = None
    residence_permit_expiry_date: Day | None = None


class Alipay(Section):
    phone: PhoneNumber | None = None
    identity: AlipayIdentity | None = None
    document_expiry_notice: bool | None = None
    balance_cny: float | None = None


class Taobao(Section):
    bound_to_alipay: bool | None = None
    payment_method: Literal["alipay", "credit_card", "other"] | None = None
    account_age_days: NonNegativeInt | None = None
    spending_changed: bool | None = None
    security_error: bool | None = None
    cache_cleared: bool | None = None


class Symptom(Section):
    where: Literal["alipay", "taobao", "bank_card_link"] | None = None
    error_message: str | None = None
    persists: bool | None = None


class Travel(Section):
    limited_connectivity: bool | None = None


class Facts(Section):
    """One person's documents and accounts, as far as they are known."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        populate_by_name=True,
        title="paydoctor facts, version 1",
    )

    schema_url: str | None = Field(default=None, alias="$schema")
    as_of: Day | None = None
    person: Person | None = None
    passport: Passport | None = None
    residence_permit: ResidencePermit | None = None
    phone: Phone | None = None
    bank_cards: list[BankCard] | None = Field(default=None, max_length=MAX_CARDS)
    alipay: Alipay | None = None
    taobao: Taobao | None = None
    symptom: Symptom | None = None
    travel: Travel | None = None


def _leaf_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    paths = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key == "$schema":
            continue
        path = f"{prefix}{key}"
        inner = field.annotation
        args = getattr(inner, "__args__", ())
        section = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)
        listed = next((a for a in args if getattr(a, "__origin__", None) is list), None)
        if section is not None:
            paths.append(path)
            paths += _leaf_paths(section, path + ".")
        elif listed is not None:
            paths.append(path)
            paths += _leaf_paths(listed.__args__[0], path + "[].")
        else:
            paths.append(path)
    return paths


FACT_PATHS: tuple[str, ...] = tuple(_leaf_paths(Facts))
"""Every path of the format, lists written `bank_cards[]`: what a rule may read."""


def read_path(facts: Facts, path: str, card: int | None = None) -> Any:
    """The value at a dotted path (`bank_cards[].x` reads card `card`), or None if unknown."""
    return flatten(facts).get((path, card if path.startswith("bank_cards[].") else None))


def flatten(facts: Facts) -> dict[tuple[str, int | None], Any]:
    """Every known value by (path, card): what `read_path` reads, gathered in one walk."""
    values: dict[tuple[str, int | None], Any] = {}

    def walk(node: BaseModel, prefix: str, card: int | None) -> None:
        for name in type(node).model_fields:
            value = getattr(node, name)
            if value is None or name == "schema_url":
                continue
            path = prefix + name
            values[(path, card)] = value
            if isinstance(value, BaseModel):
                walk(value, path + ".", card)
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    walk(item, path + "[].", index)

    walk(facts, "", None)
    return values
