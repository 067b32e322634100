from engine.authoring.rules import Cause, Example, FixStep, fact, sets, when
from engine.text.wording import Wording
from knowledge._where import Where

CAUSE = Cause(
    id="overseas-branch-card",
    layer="bank",
    title=Wording("Your card is from a branch outside mainland China"),
    explanation=Wording(
        "Alipay and WeChat Pay link Chinese bank cards of mainland accounts only. An account"
        " at a Chinese bank's branch in Hong Kong, Japan or elsewhere is a foreign account to"
        " them, even though the bank's name is Chinese."
    ),
    source=(
        "Read 2026-12: english.beijing.gov.cn, MOFCOM guide to mobile payment (2024-04-24):"
        " Chinese bank cards with the UnionPay logo, or international cards;"
        " chinatravelprep.com/en/answers/alipay-asks-for-mainland-bank-card-china (2026-06:"
        " domestic features need a mainland card; link a foreign card in Bank Cards instead)"
    ),
    sources_read="2026-12",
    fixes=(
        FixStep(
            Wording("bank branch"),
            Wording(
                "Open an account at a mainland branch (with your passport and, if you live"
                " in China, your residence permit) and link that card; or link your card as a"
                " foreign card in the wallet's bank cards (Alipay: Account > Bank Cards;"
                " WeChat: Me > Services > Wallet > Bank Cards) if it is a Visa, Mastercard or"
                " JCB card."
            ),
            place=Where.BANK_BRANCH,
            say=Wording(
                "Hello, my card is from an overseas branch and Alipay and WeChat Pay cannot"
                " link it. I would like to open a mainland account here.",
                zh="您好，我的卡是海外分行开的，支付宝和微信支付绑定不了。我想在这里开一个大陆账户。",
            ),
            effects=(sets("bank_cards[].issued_outside_mainland", False),),
        ),
    ),
    confirmed=(
        when(
            fact("bank_cards[].issued_outside_mainland", True),
            fact("bank_cards[].wallet", "alipay", "wechat_pay", "both"),
        ),
        when(
            fact("bank_cards[].issued_outside_mainland", True),
            fact("bank_cards[].status", "cannot_be_verified", "unresponsive", "not_linked"),
        ),
    ),
    examples=(
        Example(
            "a card of a Chinese bank's branch in Japan, refused in WeChat Pay",
            {
                "symptom": {"where": "wechat_pay_card_link"},
                "bank_cards": [
                    {
                        "bank": "Bank of China Tokyo",
                        "issued_outside_mainland": True,
                        "wallet": "wechat_pay",
                        "status": "cannot_be_verified",
                    }
                ],
            },
            "confirmed",
        ),
        Example(
            "an overseas-branch card used only at its own bank",
            {"bank_cards": [{"issued_outside_mainland": True, "wallet": "none"}]},
            None,
        ),
        Example(
            "a mainland card that fails",
            {"bank_cards": [{"issued_outside_mainland": False, "status": "cannot_be_verified"}]},
            None,
        ),
    ),
)
