from engine.rules import Example, Workaround, derived, reported, when
from engine.wording import Wording

WORKAROUND = Workaround(
    id="other-wallet",
    title=Wording(en="Pay with the other wallet", zh="换另一个钱包付款"),
    explanation=Wording(
        en="A shop's code refused in Alipay is often paid in WeChat Pay, and a Visa card that"
        " fails in WeChat Pay often works in Alipay: the two wallets check cards and payees"
        " their own ways.",
        zh="在支付宝付不了的商家码，用微信支付常常能付；在微信支付失败的 Visa 卡，"
        "在支付宝里常常能用：两个钱包对卡和收款方的检查各不相同。",
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
            en="If it failed in Alipay, pay in WeChat Pay (Me > Pay and Services > Wallet >"
            " Cards to add your card); if it failed in WeChat Pay, pay in Alipay (Account >"
            " Bank Cards).",
            zh="如果在支付宝失败，就用微信支付（我 > 服务 > 钱包 > 银行卡，添加你的卡）；"
            "如果在微信支付失败，就用支付宝（我的 > 银行卡）。",
        ),
    ),
    offered=(
        when(derived("alipay.foreign_card_failing")),
        when(derived("wechat_pay.foreign_card_failing")),
        when(reported("merchant-refuses-foreign-card")),
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
        Example("the card works", {"foreign_cards": [{"status": "ok"}]}, None),
    ),
)
