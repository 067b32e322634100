from engine.rules import Cause, Example, FixStep, copies, derived, when

CAUSE = Cause(
    id="alipay-name-format",
    layer="alipay",
    title="Alipay's Identity Information has your name in another format",
    explanation=(
        "Alipay expects the name exactly as on your residence permit, SURNAME FIRSTNAME;"
        " a different order or spelling fails the identity check."
    ),
    guide=(
        "Always use the same name format (e.g., SURNAME FIRSTNAME) as shown on your"
        " residence permit."
    ),
    fixes=(
        FixStep(
            "Alipay app",
            "In Identity Information, use the same name format as on your residence permit:"
            " SURNAME FIRSTNAME.",
            effects=(
                copies(
                    "alipay.identity.name",
                    "residence_permit.name",
                    ("person.surname", "person.given_names"),
                ),
            ),
        ),
    ),
    after=("bank-name-mismatch",),
    confirmed=(when(derived("alipay.name_differs")),),
    examples=(
        Example(
            "given name first in Alipay",
            {
                "residence_permit": {"name": "SMITH JOHN"},
                "alipay": {"identity": {"name": "JOHN SMITH"}},
            },
            "confirmed",
        ),
        Example(
            "no permit name: compared with the passport",
            {
                "person": {"surname": "SMITH", "given_names": "JOHN"},
                "alipay": {"identity": {"name": "JOHN SMITH"}},
            },
            "confirmed",
        ),
        Example(
            "case and spaces only",
            {
                "residence_permit": {"name": "SMITH JOHN"},
                "alipay": {"identity": {"name": "smith   john"}},
            },
            None,
        ),
        Example(
            "Alipay's name unknown",
            {"residence_permit": {"name": "SMITH JOHN"}},
            None,
        ),
    ),
)
