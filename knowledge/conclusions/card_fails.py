from engine.rules import Conclusion, Example, fact, unknown, when
from engine.wording import Wording

CONCLUSION = Conclusion(
    name="card.fails",
    meaning=Wording(
        en="the card fails in its wallet (it cannot be verified, is unresponsive or is not linked)",
        zh="这张卡在钱包里用不了（无法验证、没有响应或没有绑定）",
    ),
    holds=(when(fact("bank_cards[].status", "cannot_be_verified", "unresponsive", "not_linked")),),
    unknown=(when(unknown("bank_cards[].status")),),
    examples=(
        Example(
            "a card that cannot be verified",
            {"bank_cards": [{"status": "cannot_be_verified"}]},
            "true",
        ),
        Example("a card that works", {"bank_cards": [{"status": "ok"}]}, None),
        Example(
            "a card whose behaviour is not known", {"bank_cards": [{"bank": "ICBC"}]}, "unknown"
        ),
    ),
)
