"""Error messages people report, in English and Chinese, and the causes they point at.

A phrase matches case-insensitively anywhere in `symptom.error_message`. A
message that points at a cause makes it at least suspected where the facts do
not already settle it. Add a phrase here to teach paydoctor a new message.
"""

from engine.rules import MessagePattern

MESSAGE_PATTERNS: tuple[MessagePattern, ...] = (
    MessagePattern(
        phrases=(
            "与预留手机号不符",
            "预留手机号",
            "incorrect mobile phone number recorded with the bank",
            "mobile phone number mismatch",
            "phone number recorded with the bank",
        ),
        meaning="the bank's reserved phone number",
        points_at=("phone-mismatch",),
    ),
    MessagePattern(
        phrases=(
            "身份信息不一致",
            "identity information inconsistent",
            "identity information does not match",
        ),
        meaning="identity information that does not match",
        points_at=("alipay-identity-outdated", "alipay-name-format", "bank-name-mismatch"),
    ),
    MessagePattern(
        phrases=("your id has expired", "已过期", "证件过期", "document has expired"),
        meaning="an expired identity document",
        points_at=("passport-expired", "residence-permit-expired"),
    ),
    MessagePattern(
        phrases=("unusual activity", "账户存在风险", "存在风险", "security risk"),
        meaning="Taobao's risk control",
        points_at=("taobao-risk-flag",),
    ),
    MessagePattern(
        phrases=("cannot be verified", "无法验证", "could not be verified"),
        meaning="a bank card that fails verification",
        points_at=("card-name-syntax", "middle-name-variant", "phone-mismatch"),
    ),
)
