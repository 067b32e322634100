from engine.rules import Conclusion, Example, fact, unknown, when

CONCLUSION = Conclusion(
    name="card.fails",
    meaning=(
        "the card fails in its wallet (it cannot be verified, is unresponsive or is not linked)"
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
