from engine.rules import (
    Cause,
    Example,
    FixStep,
    Observation,
    Place,
    copies,
    derived,
    forgets,
    renews,
    unless_false,
    when,
)
from engine.wording import Wording
from knowledge._messages import EXPIRED_DOCUMENT
from knowledge._observing import before_as_of

PERMIT_EXPIRED = Observation(
    "permit.expired",
    Wording(en="the residence permit has expired", zh="居留许可已过期"),
    ("residence_permit.expiry_date", "as_of"),
    before_as_of(
        "residence_permit.expiry_date",
        Wording(
            en="Your residence permit is valid until {0}; today is {1}.",
            zh="你的居留许可有效期至 {0}；今天是 {1}。",
        ),
    ),
)


CAUSE = Cause(
    id="residence-permit-expired",
    layer="documents",
    title=Wording(en="Your residence permit has expired", zh="你的居留许可已过期"),
    explanation=Wording(
        en="Alipay's Identity Information holds your residence permit; once it has expired"
        " the account's identity no longer verifies.",
        zh="支付宝身份信息里登记了你的居留许可；居留许可过期后，账户的实名认证就无法通过。",
    ),
    source=(
        "Keep your residence permit updated in the 支付宝 'Identity Information' settings menu."
    ),
    fixes=(
        FixStep(
            Wording(en="exit-entry administration office", zh="出入境管理局"),
            Wording(
                en="Renew your residence permit; then update it in Alipay's Identity Information.",
                zh="办理居留许可延期换发；然后在支付宝的身份信息中更新居留许可。",
            ),
            place=Place.EXIT_ENTRY_OFFICE,
            say=Wording(
                zh="您好，我的居留许可已经过期，我想申请延期换发。请问需要准备哪些材料？",
                en="Hello, my residence permit has expired and I would like to renew it. Which"
                " documents do I need?",
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
