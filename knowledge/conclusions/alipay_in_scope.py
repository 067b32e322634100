from engine.authoring.rules import Conclusion, Example, derived, fact, known, unknown, when
from engine.text.wording import Wording
from knowledge._wallets import NOT_AT_THE_BANK

CONCLUSION = Conclusion(
    name="alipay.in_scope",
    meaning=Wording("Alipay is where the payment fails, or is in use"),
    holds=(
        when(fact("symptom.where", "alipay", "bank_card_link", "taobao")),
        # facts-v1 knows no other wallet: with no place given, Alipay's causes stay in play.
        when(unknown("symptom.where")),
        when(known("alipay")),
        # A bank card whose wallet is not given is linked in Alipay (facts-v2), unless the
        # failure is at the bank itself, with no wallet said to be in use (facts-v3).
        when(fact("bank_cards[].wallet", "alipay", "both")),
        when(known("bank_cards[].bank"), unknown("bank_cards[].wallet"), NOT_AT_THE_BANK),
        when(known("bank_cards[].status"), unknown("bank_cards[].wallet"), NOT_AT_THE_BANK),
        when(derived("alipay.has_foreign_card")),
        # Signing up or adding a foreign card: the wallet the person names, or either.
        when(
            fact("symptom.where", "wallet_setup", "foreign_card_link"),
            fact("symptom.wallet", "alipay"),
        ),
        when(fact("symptom.where", "wallet_setup", "foreign_card_link"), unknown("symptom.wallet")),
    ),
    examples=(
        Example(
            "adding a card, the symptom names the wallet",
            {"symptom": {"where": "foreign_card_link", "wallet": "alipay"}},
            "true",
        ),
        Example("signing up, the wallet not said", {"symptom": {"where": "wallet_setup"}}, "true"),
        Example("the card link fails", {"symptom": {"where": "bank_card_link"}}, "true"),
        Example("nothing says where", {"passport": {"number": "E98765432"}}, "true"),
        Example(
            "WeChat Pay fails, a card linked in both",
            {"symptom": {"where": "wechat_pay"}, "bank_cards": [{"wallet": "both"}]},
            "true",
        ),
        Example(
            "WeChat Pay fails, a card without a wallet is Alipay's",
            {"symptom": {"where": "wechat_pay"}, "bank_cards": [{"status": "ok"}]},
            "true",
        ),
        Example(
            "WeChat Pay fails, its own card named",
            {"symptom": {"where": "wechat_pay"}, "bank_cards": [{"bank": "ICBC"}]},
            "true",
        ),
        Example(
            "a foreign card linked in Alipay",
            {"symptom": {"where": "foreign_card"}, "foreign_cards": [{"status": "declined"}]},
            "true",
        ),
        Example(
            "Alipay's own record given",
            {"symptom": {"where": "wechat_pay"}, "alipay": {"restricted": False}},
            "true",
        ),
        Example(
            "at an ATM, a card whose wallet is not said",
            {"symptom": {"where": "bank"}, "bank_cards": [{"bank": "ICBC", "frozen": True}]},
            None,
        ),
        Example(
            "at the bank, a card linked in Alipay",
            {"symptom": {"where": "bank"}, "bank_cards": [{"bank": "ICBC", "wallet": "alipay"}]},
            "true",
        ),
        Example(
            "only WeChat Pay named",
            {"symptom": {"where": "wechat_pay"}, "wechat_pay": {"restricted": True}},
            None,
        ),
    ),
)
