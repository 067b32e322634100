"""Cards from outside mainland China (Visa, Mastercard...) linked in a wallet."""

from engine.facts.asking import Ask, Choice
from engine.facts.declaring import Fact, Section
from engine.facts.model import Country
from engine.text.wording import Wording
from knowledge._facts.bank_cards import LAST4
from knowledge._facts.choices import CARD_SCREEN, WALLET_CHOICES, card_wallet

NETWORK = Fact(
    "network",
    ask=Ask(
        Wording("Which network is this card?"),
        Wording("the card's network"),
        Wording("The logo on the card."),
        {
            "visa": Choice(Wording("Visa")),
            "mastercard": Choice(Wording("Mastercard"), ("master card", "mc")),
            "jcb": Choice(Wording("JCB")),
            "amex": Choice(Wording("American Express"), ("american express",)),
            "diners": Choice(Wording("Diners Club"), ("diners club",)),
            "discover": Choice(Wording("Discover")),
            "unionpay": Choice(Wording("UnionPay"), ("union pay",)),
            "mir": Choice(Wording("Mir"), ("мир",)),
            "rupay": Choice(Wording("RuPay"), ("ru pay",)),
            "elo": Choice(Wording("Elo")),
            "other": Choice(Wording("Another network"), ("something else",)),
        },
    ),
)

FOREIGN_CARDS = Section(
    "foreign_cards",
    "ForeignCard",
    (
        NETWORK,
        LAST4,
        Fact(
            "wallet",
            assumed=True,
            ask=card_wallet(WALLET_CHOICES),
        ),
        Fact(
            "status",
            ask=Ask(
                Wording("What happens when you pay with this card?"),
                Wording("what happens when you pay with it"),
                CARD_SCREEN,
                {
                    "ok": Choice(Wording("It works"), ("works", "fine", "正常", "能用")),
                    "declined": Choice(
                        Wording("The payment is declined"),
                        ("rejected", "refused", "fails", "failed", "拒绝", "被拒"),
                        in_message=("card declined", "payment declined", "付款被拒", "交易被拒"),
                    ),
                    "blocked_by_issuer": Choice(
                        Wording("My bank at home blocked it"),
                        ("blocked", "issuer blocked", "fraud alert", "拦截", "冻结"),
                        in_message=(
                            "declined by issuer",
                            "issuer declined",
                            "发卡行拒绝",
                            "发卡行拦截",
                        ),
                    ),
                    "verification_failed": Choice(
                        Wording("Its code or bank-app check fails"),
                        ("3d secure", "3ds", "otp", "no code", "验证失败"),
                        in_message=(
                            "card verification failed",
                            "verification failed",
                            "3d secure",
                            "3-d secure",
                            "验证失败",
                            "验证未通过",
                        ),
                    ),
                    "not_accepted": Choice(
                        Wording("Foreign cards are not accepted here"),
                        ("not accepted", "not supported", "不支持", "不接受"),
                    ),
                },
                symptom=True,
            ),
        ),
        Fact(
            "kind",
            ask=Ask(
                Wording("Is this card a credit card, a debit card or a prepaid card?"),
                Wording("the kind of card"),
                Wording("The card itself, or your bank's app."),
                {
                    "credit": Choice(Wording("Credit card"), ("credit", "信用")),
                    "debit": Choice(Wording("Debit card"), ("debit", "借记", "储蓄卡")),
                    "prepaid": Choice(Wording("Prepaid card"), ("prepaid", "travel card", "预付")),
                },
            ),
        ),
        # The country of the bank that issued the card (facts-v3).
        Fact(
            "issuer_country",
            Country,
            Ask(
                Wording("In which country is the bank that issued this card?"),
                Wording("the country of the card's bank"),
                Wording("Your bank at home: the country's name (Japan, 日本) or its code (JP)."),
            ),
            samples=("JP", "ru", "US", "DE", "br"),
        ),
    ),
    cards=True,
    ask=Ask(
        Wording(
            "How many cards from outside mainland China (Visa, Mastercard, JCB...) have you"
            " linked to your wallets?"
        ),
        Wording("your foreign cards"),
        Wording("0 if none."),
    ),
)
