from engine.rules import Cause, Example, FixStep, copies, derived, fact, unknown, when

CAUSE = Cause(
    id="alipay-identity-outdated",
    layer="alipay",
    title="Alipay's Identity Information holds a different passport number",
    explanation=(
        "Alipay compares the passport in Identity Information with the bank's record;"
        " when they differ, the payment token is rejected."
    ),
    guide=(
        "If your passport details here do not match the bank's records, the payment token"
        " will be rejected."
    ),
    fixes=(
        FixStep(
            "Alipay app",
            "Once the bank confirms its record, update your passport in Alipay: Account >"
            " Settings > Account and Security > Identity Information.",
            effects=(copies("alipay.identity.passport_number", "passport.number"),),
        ),
    ),
    after=("bank-passport-outdated",),
    confirmed=(
        when(derived("alipay.passport_differs")),
        when(unknown("passport.number"), derived("card.passport_differs_from_alipay")),
    ),
    suspected=(
        when(derived("passport.renewed"), unknown("alipay.identity.passport_number")),
        when(
            fact("alipay.document_expiry_notice", True),
            derived("passport.expired", False),
            unknown("alipay.identity.passport_number"),
        ),
    ),
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
    ),
)
