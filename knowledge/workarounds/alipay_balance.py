from engine.authoring.rules import Example, Workaround, fact, when
from engine.text.wording import Wording
from knowledge._wallets import ALIPAY, card_linked_in

WORKAROUND = Workaround(
    id="alipay-balance",
    title=Wording("Pay from your Alipay balance instead of the card"),
    explanation=Wording("Paying from the balance skips the bank card check entirely."),
    source=(
        "If your linked bank card remains unresponsive, the most reliable workaround is to"
        " use the 支付宝 (Alipay) balance feature."
    ),
    steps=(
        Wording(
            "Put money in your Alipay balance: a transfer from a trusted friend with a Chinese"
            " bank account, or a top-up service."
        ),
        Wording("Pay for Taobao items from the balance; this skips the bank card check."),
    ),
    # A card that fails in Alipay (a card's wallet not given is Alipay's, as facts-v2 says): a
    # card that fails only in WeChat Pay is no reason to send someone to Alipay's balance.
    offered=(
        *(
            when(fact("bank_cards[].status", "cannot_be_verified", "unresponsive"), *linked)
            for linked in card_linked_in(ALIPAY)
        ),
        when(fact("travel.limited_connectivity", True)),
    ),
    examples=(
        Example("an unresponsive card", {"bank_cards": [{"status": "unresponsive"}]}, "offered"),
        Example("limited connectivity", {"travel": {"limited_connectivity": True}}, "offered"),
        Example("the card works", {"bank_cards": [{"status": "ok"}]}, None),
        Example(
            "the card fails in WeChat Pay only",
            {"bank_cards": [{"status": "unresponsive", "wallet": "wechat_pay"}]},
            None,
        ),
        Example(
            "the card fails in both wallets",
            {"bank_cards": [{"status": "unresponsive", "wallet": "both"}]},
            "offered",
        ),
    ),
)
