from engine.authoring.rules import Example, Workaround, derived, fact, reported, when
from engine.text.wording import Wording

WORKAROUND = Workaround(
    id="other-wallet",
    title=Wording("Pay with the other wallet"),
    explanation=Wording(
        "A shop's code refused in Alipay is often paid in WeChat Pay, and a Visa card that"
        " fails in WeChat Pay often works in Alipay: the two wallets check cards and payees"
        " their own ways."
    ),
    source=(
        "First-hand reports (read 2026-12): a shop's code refused in Alipay and paid in WeChat"
        " Pay; Visa cards that failed in WeChat Pay and worked in Alipay:"
        " chinaguide.ai/guides/payment-failures; china-travel-desk.pages.dev/scenarios/payment/"
        "wechat-pay-not-accepted-merchant"
    ),
    sources_read="2026-12",
    steps=(
        Wording(
            "If it failed in Alipay, pay in WeChat Pay (Me > Pay and Services > Wallet >"
            " Cards to add your card); if it failed in WeChat Pay, pay in Alipay (Account >"
            " Bank Cards)."
        ),
    ),
    offered=(
        when(derived("alipay.foreign_card_failing")),
        when(derived("wechat_pay.foreign_card_failing")),
        when(reported("merchant-refuses-foreign-card")),
        # Paying with a card from home failed in a wallet, nothing more known: the other
        # wallet is the first thing to try at the counter, whatever the cause.
        when(fact("symptom.where", "foreign_card")),
    ),
    examples=(
        Example(
            "a Visa card declined in Alipay",
            {"foreign_cards": [{"wallet": "alipay", "status": "declined"}]},
            "offered",
        ),
        Example(
            "a card declined in WeChat Pay",
            {"foreign_cards": [{"wallet": "wechat_pay", "status": "declined"}]},
            "offered",
        ),
        Example(
            "a mini-program takes domestic payments only",
            {"symptom": {"error_message": "only accepts domestic payments"}},
            "offered",
        ),
        Example(
            "paying with a foreign card in Alipay failed, nothing else known",
            {"symptom": {"where": "foreign_card", "wallet": "alipay"}, "foreign_cards": [{}]},
            "offered",
        ),
        Example("the card works", {"foreign_cards": [{"status": "ok"}]}, None),
    ),
)
