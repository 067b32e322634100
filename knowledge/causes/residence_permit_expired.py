from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Observation,
    copies,
    derived,
    forgets,
    renews,
    unless_false,
    when,
)
from engine.text.wording import Wording
from knowledge._messages import EXPIRED_DOCUMENT
from knowledge._observing import before_as_of
from knowledge._where import Where

PERMIT_EXPIRED = Observation(
    "permit.expired",
    Wording("the residence permit has expired"),
    ("residence_permit.expiry_date", "as_of"),
    before_as_of(
        "residence_permit.expiry_date",
        Wording("Your residence permit is valid until {0}; today is {1}."),
    ),
)


CAUSE = Cause(
    id="residence-permit-expired",
    layer="documents",
    title=Wording("Your residence permit has expired"),
    explanation=Wording(
        "Alipay's Identity Information holds your residence permit; once it has expired"
        " the account's identity no longer verifies."
    ),
    source=(
        "Keep your residence permit updated in the 支付宝 'Identity Information' settings menu."
    ),
    fixes=(
        FixStep(
            Wording("exit-entry administration office"),
            Wording(
                "Renew your residence permit; then update it in Alipay's Identity Information."
            ),
            place=Where.EXIT_ENTRY_OFFICE,
            say=Wording(
                "Hello, my residence permit has expired and I would like to renew it. Which"
                " documents do I need?",
                zh="您好，我的居留许可已经过期，我想申请延期换发。请问需要准备哪些材料？",
            ),
            effects=(
                forgets("residence_permit.number"),
                renews("residence_permit.expiry_date"),
                copies("alipay.identity.residence_permit_number", "residence_permit.number"),
                copies(
                    "alipay.identity.residence_permit_expiry_date", "residence_permit.expiry_date"
                ),
            ),
        ),
    ),
    scope=(unless_false("residence_permit.held"),),
    confirmed=(when(derived("permit.expired")),),
    observations=(PERMIT_EXPIRED,),
    messages=(EXPIRED_DOCUMENT,),
    examples=(
        Example(
            "permit expired a month ago",
            {"as_of": "2026-11-27", "residence_permit": {"expiry_date": "2026-10-27"}},
            "confirmed",
        ),
        Example(
            "permit valid",
            {"as_of": "2026-11-27", "residence_permit": {"expiry_date": "2027-10-27"}},
            None,
        ),
        Example(
            "permit expiry not known: nothing to conclude",
            {"as_of": "2026-11-27", "residence_permit": {"number": "YX1234567"}},
            None,
        ),
        Example(
            "the message says a document has expired, the permit expiry not known",
            {"symptom": {"error_message": "证件过期"}},
            "suspected",
        ),
    ),
)
