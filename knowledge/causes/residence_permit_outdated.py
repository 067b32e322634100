from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Observation,
    copies,
    derived,
    unless_false,
    when,
)
from engine.facts import personal
from engine.text.wording import Wording
from knowledge._observing import before_as_of, differs
from knowledge._wallets import ALIPAY
from knowledge._where import Where

ALIPAY_PERMIT_DIFFERS = Observation(
    "alipay.permit_differs",
    Wording("Alipay's identity permit number differs from the residence permit"),
    ("alipay.identity.residence_permit_number", "residence_permit.number"),
    differs(
        "alipay.identity.residence_permit_number",
        "residence_permit.number",
        personal.PERMIT,
        Wording("Alipay holds residence permit {0}; your residence permit is {1}."),
    ),
)
ALIPAY_PERMIT_EXPIRY_PASSED = Observation(
    "alipay.permit_expiry_passed",
    Wording("the permit expiry recorded in Alipay has passed"),
    ("alipay.identity.residence_permit_expiry_date", "as_of"),
    before_as_of(
        "alipay.identity.residence_permit_expiry_date",
        Wording("Alipay records your residence permit as valid until {0}; today is {1}."),
    ),
)


CAUSE = Cause(
    id="residence-permit-outdated",
    layer="alipay",
    title=Wording("Alipay holds an old residence permit"),
    explanation=Wording(
        "Identity Information keeps the permit you first entered; a renewed permit, or one"
        " whose recorded expiry has passed, blocks verification."
    ),
    source=(
        "Keep your residence permit updated in the 支付宝 'Identity Information' settings menu."
    ),
    fixes=(
        FixStep(
            Wording("Alipay app"),
            Wording(
                "Update the residence permit in Alipay: Account > Settings > Account and"
                " Security > Identity Information."
            ),
            place=Where.APP,
            effects=(
                copies("alipay.identity.residence_permit_number", "residence_permit.number"),
                copies(
                    "alipay.identity.residence_permit_expiry_date", "residence_permit.expiry_date"
                ),
            ),
        ),
    ),
    after=("residence-permit-expired",),
    scope=(ALIPAY.in_scope, unless_false("residence_permit.held")),
    confirmed=(
        when(derived("alipay.permit_differs")),
        when(derived("alipay.permit_expiry_passed")),
    ),
    observations=(
        ALIPAY_PERMIT_DIFFERS,
        ALIPAY_PERMIT_EXPIRY_PASSED,
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
