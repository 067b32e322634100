"""paydoctor's built-in knowledge base, from ../shared/domain/payment-guide.txt.

`CAUSES` is the registry: its order is the order of causes-v1.md's table, which
breaks ties in the fix plan. Each cause and workaround is one module.
"""

from knowledge.causes import (
    alipay_identity_outdated,
    alipay_name_format,
    bank_name_mismatch,
    bank_passport_outdated,
    card_name_syntax,
    middle_name_variant,
    passport_expired,
    phone_mismatch,
    residence_permit_expired,
    residence_permit_outdated,
    taobao_not_linked,
    taobao_risk_flag,
)
from knowledge.messages import MESSAGE_PATTERNS
from knowledge.observations import OBSERVATIONS
from knowledge.questions import QUESTIONS
from knowledge.workarounds import alipay_balance, international_card

CAUSES = (
    passport_expired.CAUSE,
    residence_permit_expired.CAUSE,
    bank_passport_outdated.CAUSE,
    bank_name_mismatch.CAUSE,
    phone_mismatch.CAUSE,
    alipay_identity_outdated.CAUSE,
    residence_permit_outdated.CAUSE,
    alipay_name_format.CAUSE,
    card_name_syntax.CAUSE,
    middle_name_variant.CAUSE,
    taobao_not_linked.CAUSE,
    taobao_risk_flag.CAUSE,
)

WORKAROUNDS = (alipay_balance.WORKAROUND, international_card.WORKAROUND)

__all__ = ["CAUSES", "MESSAGE_PATTERNS", "OBSERVATIONS", "QUESTIONS", "WORKAROUNDS"]
