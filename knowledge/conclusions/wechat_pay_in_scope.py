from engine.authoring.rules import Conclusion, Example, derived, fact, known, unknown, when
from engine.text.wording import Wording

CONCLUSION = Conclusion(
    name="wechat_pay.in_scope",
    meaning=Wording("WeChat Pay is where the payment fails, or is in use"),
    holds=(
        when(fact("symptom.where", "wechat_pay", "wechat_pay_card_link")),
        when(known("wechat_pay")),
        when(fact("bank_cards[].wallet", "wechat_pay", "both")),
        when(derived("wechat_pay.has_foreign_card")),
        # Signing up or adding a foreign card: the wallet the person names, or either.
        when(
            fact("symptom.where", "wallet_setup", "foreign_card_link"),
            fact("symptom.wallet", "wechat_pay"),
        ),
        when(fact("symptom.where", "wallet_setup", "foreign_card_link"), unknown("symptom.wallet")),
    ),
    examples=(
        Example(
            "adding a card, the symptom names the wallet",
            {"symptom": {"where": "foreign_card_link", "wallet": "wechat_pay"}},
            "true",
        ),
        Example("signing up, the wallet not said", {"symptom": {"where": "wallet_setup"}}, "true"),
        Example("WeChat Pay fails", {"symptom": {"where": "wechat_pay"}}, "true"),
        Example("WeChat Pay's record given", {"wechat_pay": {"restricted": False}}, "true"),
        Example("a card linked in both", {"bank_cards": [{"wallet": "both"}]}, "true"),
        Example(
            "a foreign card linked in WeChat Pay",
            {"foreign_cards": [{"wallet": "wechat_pay", "status": "ok"}]},
            "true",
        ),
        Example("an Alipay failure only", {"symptom": {"where": "alipay"}}, None),
        Example("nothing says where", {"passport": {"number": "E98765432"}}, None),
    ),
)
