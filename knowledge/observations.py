"""Derived observations: the comparisons and date checks that cause rules test.

Each is three-valued: `Outcome(None, ...)` names the facts that are missing.
Values are compared as facts-v1 says (numbers arrive normalised from the facts
model; names compare as upper-case words).
"""

from __future__ import annotations

import re
from datetime import date

from engine import personal
from engine.normalise import leaves_out_middle_names, name_words
from engine.personal import Datum, Text
from engine.rules import Case, Observation, Outcome

PHONE_CHANGE_WINDOW_DAYS = 180
NEW_ACCOUNT_DAYS = 30


def _date(day: date) -> Datum:
    return Datum(day.isoformat())


def _before_as_of(path: str):
    def evaluate(case: Case, card: int | None) -> Outcome:
        day = case.get(path)
        if day is None:
            return Outcome(None, unknown_paths=(path,))
        passed = day < case.as_of
        relation = "is before" if passed else "is not before"
        return Outcome(
            passed,
            Text(f"{path} ({{0}}) {relation} as_of ({{1}})", (_date(day), _date(case.as_of))),
        )

    return evaluate


def _differs(left: str, right: str, kind: str):
    """Compare two normalised values; card paths read the card being observed."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        a, b = case.get(left, card), case.get(right, card)
        if a is None or b is None:
            return Outcome(None, unknown_paths=case.missing(card, left, right))
        relation = "differs from" if a != b else "matches"
        return Outcome(
            a != b,
            Text(
                f"{case.where(left, card)} ({{0}}) {relation} {right} ({{1}})",
                (Datum(a, kind), Datum(b, kind)),
            ),
        )

    return evaluate


def _passport_name(case: Case) -> tuple[str, ...] | None:
    surname, given = case.get("person.surname"), case.get("person.given_names")
    if surname is None or given is None:
        return None
    return name_words(surname) + name_words(given)


def _name(words: tuple[str, ...]) -> Datum:
    return Datum(" ".join(words), personal.NAME)


def _passport_renewed(case: Case, card: int | None) -> Outcome:
    for path in ("passport.previous_number", "passport.renewed_on"):
        if case.get(path) is not None:
            return Outcome(True, Text(f"{path} is known: the passport was renewed"))
    return Outcome(None, unknown_paths=("passport.previous_number", "passport.renewed_on"))


def _has_middle_name(case: Case, card: int | None) -> Outcome:
    given = case.get("person.given_names")
    if given is None:
        return Outcome(None, unknown_paths=("person.given_names",))
    words = name_words(given)
    return Outcome(
        len(words) >= 2,
        Text(f"person.given_names ({{0}}) has {len(words)} word(s)", (_name(words),)),
    )


def _phone_changed_recently(case: Case, card: int | None) -> Outcome:
    changed = case.get("phone.changed_on")
    if changed is None:
        return Outcome(None, unknown_paths=("phone.changed_on",))
    days = (case.as_of - changed).days
    recent = 0 <= days <= PHONE_CHANGE_WINDOW_DAYS
    return Outcome(
        recent,
        Text(
            f"phone.changed_on ({{0}}) is {days} days before as_of"
            f" ({'within' if recent else 'outside'} {PHONE_CHANGE_WINDOW_DAYS} days)",
            (_date(changed),),
        ),
    )


def _alipay_name_differs(case: Case, card: int | None) -> Outcome:
    entered = case.get("alipay.identity.name")
    permit = case.get("residence_permit.name")
    reference, source = (
        (name_words(permit), "residence_permit.name")
        if permit is not None
        else (_passport_name(case), "the passport name (person.surname + person.given_names)")
    )
    if entered is None or reference is None:
        missing = case.missing(None, "alipay.identity.name", "residence_permit.name")
        if entered is not None:
            missing += case.missing(None, "person.surname", "person.given_names")
        return Outcome(None, unknown_paths=missing)
    words = name_words(entered)
    relation = "differs from" if words != reference else "matches"
    return Outcome(
        words != reference,
        Text(
            f"alipay.identity.name ({{0}}) {relation} {source} ({{1}})",
            (_name(words), _name(reference)),
        ),
    )


def _bank_name_differs(case: Case, card: int | None) -> Outcome:
    on_file = case.get("bank_cards[].name_on_file", card)
    passport = _passport_name(case)
    if on_file is None or passport is None:
        return Outcome(
            None,
            unknown_paths=case.missing(
                card, "bank_cards[].name_on_file", "person.surname", "person.given_names"
            ),
        )
    words = name_words(on_file)
    differs = words != passport and not leaves_out_middle_names(passport, words)
    if not differs:
        relation = "matches" if words == passport else "leaves only middle names out of"
    else:
        relation = "differs in word order or content from"
    return Outcome(
        differs,
        Text(
            f"bank_cards[{card}].name_on_file ({{0}}) {relation} the passport name ({{1}})",
            (_name(words), _name(passport)),
        ),
    )


_BAD_SPACING = re.compile(r"^\s|\s$|\s\s|[^\S ]")


def _name_entered_malformed(case: Case, card: int | None) -> Outcome:
    entered = case.get("bank_cards[].name_entered", card)
    if entered is None:
        return Outcome(None, unknown_paths=(case.where("bank_cards[].name_entered", card),))
    problems = []
    if any(ch.islower() for ch in entered):
        problems.append("lower-case letters")
    if _BAD_SPACING.search(entered):
        problems.append("leading, trailing or repeated spaces")
    shown = Datum(entered, personal.NAME)
    if problems:
        return Outcome(
            True,
            Text(f"bank_cards[{card}].name_entered ({{0}}) has {' and '.join(problems)}", (shown,)),
        )
    return Outcome(
        False,
        Text(f"bank_cards[{card}].name_entered ({{0}}) is upper case, single-spaced", (shown,)),
    )


def _middle_name_variant(case: Case, card: int | None) -> Outcome:
    missing = case.missing(card, "bank_cards[].name_entered", "bank_cards[].name_on_file")
    if missing:
        return Outcome(None, unknown_paths=missing)
    entered = name_words(case.get("bank_cards[].name_entered", card))
    on_file = name_words(case.get("bank_cards[].name_on_file", card))
    variant = leaves_out_middle_names(entered, on_file) or leaves_out_middle_names(on_file, entered)
    relation = (
        "differs only by a middle name from" if variant else "is not a middle-name variant of"
    )
    return Outcome(
        variant,
        Text(
            f"bank_cards[{card}].name_entered ({{0}}) {relation} name_on_file ({{1}})",
            (_name(entered), _name(on_file)),
        ),
    )


def _new_taobao_account(case: Case, card: int | None) -> Outcome:
    age = case.get("taobao.account_age_days")
    if age is None:
        return Outcome(None, unknown_paths=("taobao.account_age_days",))
    new = age < NEW_ACCOUNT_DAYS
    return Outcome(
        new,
        Text(
            f"taobao.account_age_days ({age}) is {'under' if new else 'not under'}"
            f" {NEW_ACCOUNT_DAYS}: {'a new' if new else 'an established'} account"
        ),
    )


OBSERVATIONS: tuple[Observation, ...] = (
    Observation(
        "passport.expired",
        "the passport has expired",
        ("passport.expiry_date", "as_of"),
        _before_as_of("passport.expiry_date"),
    ),
    Observation(
        "permit.expired",
        "the residence permit has expired",
        ("residence_permit.expiry_date", "as_of"),
        _before_as_of("residence_permit.expiry_date"),
    ),
    Observation(
        "passport.renewed",
        "the passport replaced an earlier one",
        ("passport.previous_number", "passport.renewed_on"),
        _passport_renewed,
    ),
    Observation(
        "person.has_middle_name",
        "the given names include a middle name",
        ("person.given_names",),
        _has_middle_name,
    ),
    Observation(
        "phone.changed_recently",
        f"the phone number changed within {PHONE_CHANGE_WINDOW_DAYS} days",
        ("phone.changed_on", "as_of"),
        _phone_changed_recently,
    ),
    Observation(
        "alipay.passport_differs",
        "Alipay's identity passport number differs from the passport",
        ("alipay.identity.passport_number", "passport.number"),
        _differs("alipay.identity.passport_number", "passport.number", personal.PASSPORT),
    ),
    Observation(
        "alipay.permit_differs",
        "Alipay's identity permit number differs from the residence permit",
        ("alipay.identity.residence_permit_number", "residence_permit.number"),
        _differs(
            "alipay.identity.residence_permit_number", "residence_permit.number", personal.PERMIT
        ),
    ),
    Observation(
        "alipay.permit_expiry_passed",
        "the permit expiry recorded in Alipay has passed",
        ("alipay.identity.residence_permit_expiry_date", "as_of"),
        _before_as_of("alipay.identity.residence_permit_expiry_date"),
    ),
    Observation(
        "alipay.name_differs",
        "Alipay's identity name differs from the permit (or passport) name",
        (
            "alipay.identity.name",
            "residence_permit.name",
            "person.surname",
            "person.given_names",
        ),
        _alipay_name_differs,
    ),
    Observation(
        "taobao.new_account",
        f"the Taobao account is under {NEW_ACCOUNT_DAYS} days old",
        ("taobao.account_age_days",),
        _new_taobao_account,
    ),
    Observation(
        "card.passport_differs",
        "the bank's passport number differs from the passport",
        ("bank_cards[].passport_number_on_file", "passport.number"),
        _differs("bank_cards[].passport_number_on_file", "passport.number", personal.PASSPORT),
    ),
    Observation(
        "card.passport_differs_from_alipay",
        "the bank's passport number differs from Alipay's",
        ("bank_cards[].passport_number_on_file", "alipay.identity.passport_number"),
        _differs(
            "bank_cards[].passport_number_on_file",
            "alipay.identity.passport_number",
            personal.PASSPORT,
        ),
    ),
    Observation(
        "card.phone_differs",
        "the bank's reserved phone number differs from Alipay's",
        ("bank_cards[].phone_on_file", "alipay.phone"),
        _differs("bank_cards[].phone_on_file", "alipay.phone", personal.PHONE),
    ),
    Observation(
        "card.name_differs",
        "the bank's card-holder name differs from the passport beyond middle names",
        ("bank_cards[].name_on_file", "person.surname", "person.given_names"),
        _bank_name_differs,
    ),
    Observation(
        "card.name_entered_malformed",
        "the name typed when linking the card has lower case or stray spaces",
        ("bank_cards[].name_entered",),
        _name_entered_malformed,
    ),
    Observation(
        "card.middle_name_variant",
        "the typed name and the bank's name differ only by a middle name",
        ("bank_cards[].name_entered", "bank_cards[].name_on_file"),
        _middle_name_variant,
    ),
)
