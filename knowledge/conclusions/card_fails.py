from engine.authoring.rules import UNKNOWN, Conclusion, Example, fact, unknown, when
from engine.text.wording import Wording

CONCLUSION = Conclusion(
    name="card.fails",
    per_card=True,
    meaning=Wording(
        "the card fails (in its wallet it cannot be verified, is unresponsive or is not"
        " linked; or the bank froze it)"
    ),
    holds=(
        when(fact("bank_cards[].status", "cannot_be_verified", "unresponsive", "not_linked")),
        # At an ATM or a counter: the account is frozen, or the card is "invalid" (facts-v3).
        when(fact("bank_cards[].frozen", True)),
    ),
    unknown=(when(unknown("bank_cards[].status"), fact("bank_cards[].frozen", False, UNKNOWN)),),
    examples=(
        Example(
            "a card that cannot be verified",
            {"bank_cards": [{"status": "cannot_be_verified"}]},
            "true",
        ),
        Example("a card that works", {"bank_cards": [{"status": "ok"}]}, None),
        Example("a frozen account's card", {"bank_cards": [{"frozen": True}]}, "true"),
        Example(
            "a card whose behaviour is not known", {"bank_cards": [{"bank": "ICBC"}]}, "unknown"
        ),
    ),
)
