from engine.rules import Cause, Example, FixStep, Place, fact, sets, when
from engine.wording import Wording

CAUSE = Cause(
    id="overseas-branch-card",
    layer="bank",
    title=Wording(
        en="Your card is from a branch outside mainland China",
        zh="你的卡是中国大陆以外的分行发的",
    ),
    explanation=Wording(
        en="Alipay and WeChat Pay link Chinese bank cards of mainland accounts only. An account"
        " at a Chinese bank's branch in Hong Kong, Japan or elsewhere is a foreign account to"
        " them, even though the bank's name is Chinese.",
        zh="支付宝和微信支付只能绑定中国大陆账户的银行卡。在中国的银行的香港、日本等境外分行开的"
        "账户，对钱包来说是境外账户，即使银行名字是中国的。",
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
            Wording(en="bank branch", zh="银行网点"),
            Wording(
                en="Open an account at a mainland branch (with your passport and, if you live"
                " in China, your residence permit) and link that card; or link your card as a"
                " foreign card in the wallet's bank cards (Alipay: Account > Bank Cards;"
                " WeChat: Me > Services > Wallet > Bank Cards) if it is a Visa, Mastercard or"
                " JCB card.",
                zh="在中国大陆的网点开一个账户（带护照；在中国居住的话也带居留许可证）并绑定那张卡；"
                "或者如果你的卡是 Visa、万事达或 JCB 卡，就在钱包的银行卡里按境外卡绑定"
                "（支付宝：我的 > 银行卡；微信：我 > 服务 > 钱包 > 银行卡）。",
            ),
            place=Place.BANK_BRANCH,
            say=Wording(
                zh="您好，我的卡是海外分行开的，支付宝和微信支付绑定不了。我想在这里开一个大陆账户。",
                en="Hello, my card is from an overseas branch and Alipay and WeChat Pay cannot"
                " link it. I would like to open a mainland account here.",
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
