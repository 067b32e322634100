from engine.rules import Cause, Example, FixStep, copies, derived, when

CAUSE = Cause(
    id="residence-permit-outdated",
    layer="alipay",
    title="Alipay holds an old residence permit",
    explanation=(
        "Identity Information keeps the permit you first entered; a renewed permit, or one"
        " whose recorded expiry has passed, blocks verification."
    ),
    guide=(
        "Keep your residence permit updated in the 支付宝 'Identity Information' settings menu."
    ),
    fixes=(
        FixStep(
            "Alipay app",
            "Update the residence permit in Alipay: Account > Settings > Account and"
            " Security > Identity Information.",
            effects=(
                copies("alipay.identity.residence_permit_number", "residence_permit.number"),
                copies(
                    "alipay.identity.residence_permit_expiry_date", "residence_permit.expiry_date"
                ),
            ),
        ),
    ),
    after=("residence-permit-expired",),
    confirmed=(
        when(derived("alipay.permit_differs")),
        when(derived("alipay.permit_expiry_passed")),
    ),
    examples=(
        Example(
            "Alipay holds the previous permit number",
            {
                "residence_permit": {"number": "YX7654321"},
                "alipay": {"identity": {"residence_permit_number": "YX1234567"}},
            },
            "confirmed",
        ),
        Example(
            "the permit expiry recorded in Alipay has passed",
            {
                "as_of": "2026-11-27",
                "alipay": {"identity": {"residence_permit_expiry_date": "2026-06-30"}},
            },
            "confirmed",
        ),
        Example(
            "same permit number with a hyphen",
            {
                "residence_permit": {"number": "YX7654321"},
                "alipay": {"identity": {"residence_permit_number": "yx-7654321"}},
            },
            None,
        ),
    ),
)
