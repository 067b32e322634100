from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Observation,
    Status,
    concluded,
    copies,
    derived,
    fact,
    reported,
    unknown,
    when,
)
from engine.facts import personal
from engine.text.wording import Wording
from knowledge._messages import IDENTITY_MISMATCH
from knowledge._observing import differs
from knowledge._wallets import ALIPAY
from knowledge._where import Where

ALIPAY_PASSPORT_DIFFERS = Observation(
    "alipay.passport_differs",
    Wording("Alipay's identity passport number differs from the passport"),
    ("alipay.identity.passport_number", "passport.number"),
    differs(
        "alipay.identity.passport_number",
        "passport.number",
        personal.PASSPORT,
        Wording("Alipay's identity information holds passport {0}; your passport is {1}."),
    ),
)
CARD_PASSPORT_DIFFERS_FROM_ALIPAY = Observation(
    "card.passport_differs_from_alipay",
    Wording("the bank's passport number differs from Alipay's"),
    ("bank_cards[].passport_number_on_file", "alipay.identity.passport_number"),
    differs(
        "bank_cards[].passport_number_on_file",
        "alipay.identity.passport_number",
        personal.PASSPORT,
        Wording("For {card} your bank holds passport {0}; Alipay holds {1}."),
    ),
    per_card=True,
)


CAUSE = Cause(
    id="alipay-identity-outdated",
    layer="alipay",
    title=Wording("Alipay's Identity Information holds a different passport number"),
    explanation=Wording(
        "Alipay compares the passport in Identity Information with the bank's record;"
        " when they differ, the payment token is rejected."
    ),
    source=(
        "If your passport details here do not match the bank's records, the payment token"
        " will be rejected."
    ),
    fixes=(
        FixStep(
            Wording("Alipay app"),
            Wording(
                "Once the bank confirms its record, update your passport in Alipay: Account >"
                " Settings > Account and Security > Identity Information."
            ),
            place=Where.APP,
            effects=(copies("alipay.identity.passport_number", "passport.number"),),
        ),
    ),
    after=("bank-passport-outdated",),
    scope=(ALIPAY.in_scope,),
    confirmed=(
        when(derived("alipay.passport_differs")),
        when(unknown("passport.number"), derived("card.passport_differs_from_alipay")),
    ),
    suspected=(
        when(concluded("passport.renewed"), unknown("alipay.identity.passport_number")),
        when(
            fact("alipay.document_expiry_notice", True),
            derived("passport.expired", False),
            unknown("alipay.identity.passport_number"),
        ),
        # An expired passport is renewed first; Alipay then holds the old number.
        when(reported("passport-expired", Status.CONFIRMED)),
    ),
    observations=(
        ALIPAY_PASSPORT_DIFFERS,
        CARD_PASSPORT_DIFFERS_FROM_ALIPAY,
    ),
    messages=(IDENTITY_MISMATCH,),
    examples=(
        Example(
            "Alipay holds the previous passport",
            {
                "passport": {"number": "E98765432"},
                "alipay": {"identity": {"passport_number": "E12345678"}},
            },
            "confirmed",
        ),
        Example(
            "passport number unknown; Alipay differs from the bank",
            {
                "bank_cards": [{"passport_number_on_file": "E98765432"}],
                "alipay": {"identity": {"passport_number": "E12345678"}},
            },
            "confirmed",
        ),
        Example(
            "renewed, Alipay's passport number unknown",
            {"passport": {"previous_number": "E12345678"}},
            "suspected",
        ),
        Example(
            "expiry notice on a valid passport, Alipay's number unknown",
            {
                "as_of": "2026-11-27",
                "passport": {"expiry_date": "2030-01-01"},
                "alipay": {"document_expiry_notice": True},
            },
            "suspected",
        ),
        Example(
            "the same number in lower case",
            {
                "passport": {"number": "E98765432"},
                "alipay": {"identity": {"passport_number": "e98765432"}},
            },
            None,
        ),
        Example(
            "passport number known and equal: the bank's record does not count",
            {
                "passport": {"number": "E98765432"},
                "bank_cards": [{"passport_number_on_file": "E12345678"}],
                "alipay": {"identity": {"passport_number": "E98765432"}},
            },
            None,
        ),
        Example(
            "the message speaks of identity information, nothing else known",
            {"symptom": {"error_message": "身份信息不一致"}},
            "suspected",
        ),
        Example(
            "the message, a card whose passport number is not known",
            {
                "symptom": {"error_message": "identity information inconsistent"},
                "bank_cards": [{"bank": "ICBC"}],
            },
            "suspected",
        ),
        Example(
            "the passport has expired: once renewed, Alipay holds the old number",
            {"as_of": "2026-11-27", "passport": {"expiry_date": "2026-10-01"}},
            "suspected",
        ),
    ),
)
