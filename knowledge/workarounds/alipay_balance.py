from engine.rules import Example, Workaround, fact, when

WORKAROUND = Workaround(
    id="alipay-balance",
    title="Pay from your Alipay balance instead of the card",
    explanation="Paying from the balance skips the bank card check entirely.",
    source=(
        "If your linked bank card remains unresponsive, the most reliable workaround is to"
        " use the 支付宝 (Alipay) balance feature."
    ),
    steps=(
        "Put money in your Alipay balance: a transfer from a trusted friend with a Chinese"
        " bank account, or a top-up service.",
        "Pay for Taobao items from the balance; this skips the bank card check.",
    ),
    offered=(
        when(fact("bank_cards[].status", "cannot_be_verified", "unresponsive")),
        when(fact("travel.limited_connectivity", True)),
    ),
    examples=(
        Example("an unresponsive card", {"bank_cards": [{"status": "unresponsive"}]}, "offered"),
        Example("limited connectivity", {"travel": {"limited_connectivity": True}}, "offered"),
        Example("the card works", {"bank_cards": [{"status": "ok"}]}, None),
    ),
)
