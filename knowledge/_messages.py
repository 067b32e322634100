"""Error-message words that point at several causes: each cause that they point at holds them.

A phrase matches case-insensitively anywhere in `symptom.error_message`; a
message that points at a cause makes it at least suspected where the facts do
not already settle it. Words that point at one cause only live in its unit.
"""

from engine.authoring.rules import Example, Message
from engine.text.wording import Wording

IDENTITY_MISMATCH = Message(
    Wording("identity information that does not match"),
    ("身份信息不一致", "identity information inconsistent", "identity information does not match"),
)

EXPIRED_DOCUMENT = Message(
    Wording("an expired identity document"),
    ("your id has expired", "已过期", "证件过期", "document has expired"),
)

CARD_NOT_VERIFIED = Message(
    Wording("a bank card that fails verification"),
    ("cannot be verified", "无法验证", "could not be verified"),
)

NAME_MISMATCH = Message(
    Wording("a name that does not match the bank's"),
    ("名称不一致", "姓名不一致", "name does not match", "name mismatch", "names do not match"),
)


def name_mismatch_examples(where: str, alipay: bool) -> tuple[Example, ...]:
    """The examples of a name cause that `NAME_MISMATCH` points at, in the wallet whose card
    link fails at `where`: suspected with no card listed, or with a failing card whose wallet
    is not said; for Alipay's, also where nothing says where it fails (facts-v1)."""
    failing = [{"status": "cannot_be_verified"}]
    examples = [
        Example(
            "the name does not match (名称不一致), no card listed",
            {"symptom": {"where": where, "error_message": "名称不一致"}},
            "suspected",
        ),
        Example(
            "the name does not match (名称不一致), a failing card whose wallet is not said",
            {"symptom": {"where": where, "error_message": "名称不一致"}, "bank_cards": failing},
            "suspected",
        ),
    ]
    if alipay:
        examples.append(
            Example(
                "the name does not match, nothing says where",
                {"symptom": {"error_message": "name does not match"}, "bank_cards": failing},
                "suspected",
            )
        )
    return tuple(examples)
