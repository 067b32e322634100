from engine import personal
from engine.rules import (
    Cause,
    Example,
    FixStep,
    Observation,
    Place,
    copies,
    derived,
    unless_false,
    when,
)
from engine.wording import Wording
from knowledge._observing import before_as_of, differs
from knowledge._wallets import ALIPAY

ALIPAY_PERMIT_DIFFERS = Observation(
    "alipay.permit_differs",
    Wording(
        en="Alipay's identity permit number differs from the residence permit",
        zh="支付宝身份信息中的居留许可号码与居留许可不一致",
    ),
    ("alipay.identity.residence_permit_number", "residence_permit.number"),
    differs(
        "alipay.identity.residence_permit_number",
        "residence_permit.number",
        personal.PERMIT,
        Wording(
            en="Alipay holds residence permit {0}; your residence permit is {1}.",
            zh="支付宝登记的居留许可号码是 {0}；你的居留许可号码是 {1}。",
        ),
    ),
)
ALIPAY_PERMIT_EXPIRY_PASSED = Observation(
    "alipay.permit_expiry_passed",
    Wording(
        en="the permit expiry recorded in Alipay has passed",
        zh="支付宝记录的居留许可有效期已过",
    ),
    ("alipay.identity.residence_permit_expiry_date", "as_of"),
    before_as_of(
        "alipay.identity.residence_permit_expiry_date",
        Wording(
            en="Alipay records your residence permit as valid until {0}; today is {1}.",
            zh="支付宝记录的居留许可有效期至 {0}；今天是 {1}。",
        ),
    ),
)


CAUSE = Cause(
    id="residence-permit-outdated",
    layer="alipay",
    title=Wording(en="Alipay holds an old residence permit", zh="支付宝里登记的是旧的居留许可"),
    explanation=Wording(
        en="Identity Information keeps the permit you first entered; a renewed permit, or one"
        " whose recorded expiry has passed, blocks verification.",
        zh="身份信息里保留的是你最初填写的居留许可；换发了新的居留许可，或登记的有效期已过，"
        "都会导致核验失败。",
    ),
    source=(
        "Keep your residence permit updated in the 支付宝 'Identity Information' settings menu."
    ),
    fixes=(
        FixStep(
            Wording(en="Alipay app", zh="支付宝App"),
            Wording(
                en="Update the residence permit in Alipay: Account > Settings > Account and"
                " Security > Identity Information.",
                zh="在支付宝里更新居留许可：我的 > 设置 > 账号与安全 > 身份信息。",
            ),
            place=Place.APP,
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
