"""The facts input contract as pydantic models (../shared/spec/facts-v3.md, on top of v1, v2).

Every field is optional: `None` means "not known", never "false". Document and
phone numbers are stored normalised, so every comparison downstream is plain
equality; names are kept as typed, because how they were typed is evidence.
Every facts-v1 or facts-v2 file is a facts-v3 file with the same meaning.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    NonNegativeInt,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from engine import dates, normalise, personal
from engine.dates import PartialDate
from engine.translatable import Message

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


def _fact_path(value: str) -> str:
    """A `dont_know` entry: a fact path of the format, every list item named by its index."""
    if (
        not _CONCRETE_PATH.fullmatch(value)
        or template(value) not in FACT_PATHS
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
"""What no text of the facts holds (engine/loading.py refuses it): control characters, tab and
line breaks aside."""
PRINTABLE = f"^[^{_CONTROL}]*$"
_SEPARATOR = r"[\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\-]"
"""What a document number may hold between its letters and digits (engine/normalise.py): a
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

    def __get_pydantic_json_schema__(self, _core: Any, _handler: Any) -> JsonSchemaValue:
        item = f"\\[0*([0-9]|[1-{MAX_CARDS // 10 - 1}][0-9])\\]"  # 0 to MAX_CARDS - 1
        paths = (re.escape(p).replace(r"\[\]", item) for p in FACT_PATHS if p != DONT_KNOW)
        return {"type": "string", "pattern": f"^({'|'.join(paths)})$"}


FactPath = Annotated[str, AfterValidator(_fact_path), _FactPathSchema()]
Amount = Annotated[
    float, AfterValidator(_non_negative), WithJsonSchema({"type": "number", "minimum": 0})
]
WholeNumber = Annotated[NonNegativeInt, BeforeValidator(_whole)]

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
    "alipay.identity.address": personal.ADDRESS,
    "wechat_pay.phone": personal.PHONE,
    "wechat_pay.identity.name": personal.NAME,
    "wechat_pay.identity.passport_number": personal.PASSPORT,
    "wechat_pay.identity.residence_permit_number": personal.PERMIT,
    "wechat_pay.identity.address": personal.ADDRESS,
}


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Person(Section):
    surname: Name | None = None
    given_names: Name | None = None


class Passport(Section):
    number: DocumentNumber | None = None
    expiry_date: PartialDay | None = None
    previous_number: DocumentNumber | None = None
    renewed_on: PartialDay | None = None
    renewed: bool | None = None
    previous_expiry_date: PartialDay | None = None


class ResidencePermit(Section):
    number: DocumentNumber | None = None
    expiry_date: PartialDay | None = None
    name: Name | None = None
    held: bool | None = None


class Phone(Section):
    number: PhoneNumber | None = None
    changed_on: PartialDay | None = None
    changed: bool | None = None
    """False: the number was never changed (not since the bank and the wallets recorded it), as
    a person answers "never" to when it changed; facts-v1..v3 have no other way to say so."""
    vpn_on: bool | None = None
    """A VPN or proxy was on when the payment failed (facts-v3)."""
    sms_code_received: bool | None = None
    """False: the verification code sent by SMS never arrived."""
    roaming: bool | None = None
    """The SIM has roaming on (a foreign SIM needs it to receive SMS in China)."""
    suspended: bool | None = None
    """The Chinese SIM was cut off (unpaid or unused): the bank's SMS no longer arrive."""


CardStatus = Literal["ok", "cannot_be_verified", "unresponsive", "not_linked"]
WalletName = Literal["alipay", "wechat_pay", "both"]
_CARD_WALLET = Field(
    default=None,
    description='where the card is linked ("none": in no wallet); not given (null) means'
    ' "alipay", as in facts-v1, where the symptom or a wallet field says a wallet is in use',
)


class BankCard(Section):
    bank: str | None = None
    last4: CardDigits | None = None
    passport_number_on_file: DocumentNumber | None = None
    phone_on_file: PhoneNumber | None = None
    name_on_file: Name | None = None
    name_entered: Name | None = None
    status: CardStatus | None = None
    wallet: Literal["alipay", "wechat_pay", "both", "none"] | None = _CARD_WALLET
    """None reads as "alipay" (facts-v1 cards are Alipay's) unless the failure is at the bank
    itself; kept None: "not said" shows."""
    passport_updated: bool | None = None
    frozen: bool | None = None
    """The bank says the account or card is frozen (冻结), or an ATM says "invalid card"."""
    last_used: PartialDay | None = None
    """Roughly when the account was last used."""
    issued_outside_mainland: bool | None = None
    """An account at a Chinese bank's branch outside the mainland (Hong Kong, Japan, ...)."""


CardNetwork = Literal[
    "visa",
    "mastercard",
    "jcb",
    "amex",
    "diners",
    "discover",
    "unionpay",
    "mir",
    "rupay",
    "elo",
    "other",
]


class ForeignCard(Section):
    network: CardNetwork | None = None
    last4: CardDigits | None = None
    wallet: WalletName | None = None
    status: (
        Literal["ok", "declined", "blocked_by_issuer", "verification_failed", "not_accepted"] | None
    ) = None
    kind: Literal["credit", "debit", "prepaid"] | None = None
    issuer_country: Country | None = None
    """The country of the bank that issued the card (facts-v3)."""


Payee = Literal["merchant_qr", "merchant_scans_me", "personal_qr", "transfer", "online"]


class Payment(Section):
    amount_usd: Amount | None = None
    year_total_usd: Amount | None = None
    payee: Payee | None = None
    """Who was paid and how (facts-v3): a shop's code, a cashier scanning, a person's code..."""
    amount_cny: Amount | None = None
    fee_notice: bool | None = None
    """The app showed a service fee to accept before paying."""


class WalletIdentity(Section):
    """Identity Information as a wallet (Alipay, WeChat Pay) records it."""

    name: Name | None = None
    passport_number: DocumentNumber | None = None
    residence_permit_number: DocumentNumber | None = None
    residence_permit_expiry_date: PartialDay | None = None
    address: Address | None = None
    verified: bool | None = None
    """The wallet shows the identity as verified; false also while a review is pending."""
    scan_failed: bool | None = None
    """The passport scan or identity check keeps failing during verification."""


VerificationItem = Literal[
    "passport_photo", "selfie", "address", "occupation", "phone", "second_bank_card"
]


class Wallet(Section):
    """One wallet's account (Alipay, WeChat Pay): the same fields for both."""

    phone: PhoneNumber | None = None
    identity: WalletIdentity | None = None
    document_expiry_notice: bool | None = None
    balance_cny: float | None = None
    restricted: bool | None = None
    verification_requested: list[VerificationItem] | None = Field(default=None, max_length=6)


class Taobao(Section):
    bound_to_alipay: bool | None = None
    payment_method: Literal["alipay", "credit_card", "other"] | None = None
    account_age_days: WholeNumber | None = None
    spending_changed: bool | None = None
    security_error: bool | None = None
    cache_cleared: bool | None = None


class Symptom(Section):
    where: (
        Literal[
            "alipay",
            "taobao",
            "bank_card_link",
            "wechat_pay",
            "wechat_pay_card_link",
            "foreign_card",
            "wallet_setup",
            "foreign_card_link",
            "bank",
        ]
        | None
    ) = None
    error_message: str | None = None
    persists: bool | None = None
    wallet: Literal["alipay", "wechat_pay"] | None = None
    """The wallet, where `where` does not name it (a foreign card, a setup, a card link)."""


class Travel(Section):
    limited_connectivity: bool | None = None


class Facts(Section):
    """One person's documents and accounts, as far as they are known."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        populate_by_name=True,
        title="paydoctor facts, version 3",
    )

    schema_url: str | None = Field(default=None, alias="$schema")
    dont_know: list[FactPath] | None = Field(default=None, max_length=MAX_DONT_KNOW)
    as_of: Day | None = None
    person: Person | None = None
    passport: Passport | None = None
    residence_permit: ResidencePermit | None = None
    phone: Phone | None = None
    bank_cards: list[BankCard] | None = Field(default=None, max_length=MAX_CARDS)
    foreign_cards: list[ForeignCard] | None = Field(default=None, max_length=MAX_CARDS)
    payment: Payment | None = None
    alipay: Wallet | None = None
    wechat_pay: Wallet | None = None
    taobao: Taobao | None = None
    symptom: Symptom | None = None
    travel: Travel | None = None

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
            item = listed.__args__[0]
            if isinstance(item, type) and issubclass(item, BaseModel):
                paths += _leaf_paths(item, path + "[].")
        else:
            paths.append(path)
    return paths


FACT_PATHS: tuple[str, ...] = tuple(_leaf_paths(Facts))
"""Every path of the format, list items written `bank_cards[]`: what a rule may read.

A list of values (`alipay.verification_requested`) is one fact; a list of
sections (`bank_cards`, `foreign_cards`) has paths for its items' fields.
"""
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
