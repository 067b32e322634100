"""Error-message words that point at several causes: each cause that they point at holds them.

A phrase matches case-insensitively anywhere in `symptom.error_message`; a
message that points at a cause makes it at least suspected where the facts do
not already settle it. Words that point at one cause only live in its unit.
"""

from engine.rules import Message
from engine.wording import Wording

IDENTITY_MISMATCH = Message(
    Wording(en="identity information that does not match", zh="身份信息不一致"),
    ("身份信息不一致", "identity information inconsistent", "identity information does not match"),
)

EXPIRED_DOCUMENT = Message(
    Wording(en="an expired identity document", zh="证件已过期"),
    ("your id has expired", "已过期", "证件过期", "document has expired"),
)

CARD_NOT_VERIFIED = Message(
    Wording(en="a bank card that fails verification", zh="银行卡验证失败"),
    ("cannot be verified", "无法验证", "could not be verified"),
)

NAME_MISMATCH = Message(
    Wording(en="a name that does not match the bank's", zh="姓名不一致"),
    ("名称不一致", "姓名不一致", "name does not match", "name mismatch", "names do not match"),
)
