"""The payment that failed: how much, to whom, and what the app showed before paying."""

from engine.facts.asking import APP, Ask, Choice
from engine.facts.declaring import Fact, Section
from engine.facts.model import Amount
from engine.text.wording import Wording
from knowledge._facts.ticks import WHAT_HAPPENED, happened

DOLLARS = ("$", "usd", "us$", "dollar", "dollars", "美元", "美金", "ドル", "달러")
"""Words that say an amount is in US dollars."""

PAYMENT = Section(
    "payment",
    "Payment",
    (
        Fact(
            "amount_usd",
            Amount,
            Ask(
                Wording("Roughly how much was the payment that failed, in US dollars?"),
                Wording("the payment's amount"),
                Wording("A rough figure is enough (100 yuan is about 14 dollars)."),
            ),
        ),
        Fact(
            "year_total_usd",
            Amount,
            Ask(
                Wording(
                    "Roughly how much have you paid with foreign cards in this wallet this year,"
                    " in US dollars?"
                ),
                Wording("what you paid with foreign cards this year"),
                Wording("The wallet's bill; a rough figure is enough."),
                kept_by=APP,
            ),
        ),
        # Who was paid and how (facts-v3): a shop's code, a cashier scanning, a person's code...
        Fact(
            "payee",
            ask=Ask(
                Wording("Who were you paying, and how?"),
                Wording("who was paid"),
                Wording(
                    "A person's code shows a person's name (street stalls, taxis, small shops); a"
                    " shop's code shows the shop's name."
                ),
                {
                    "merchant_qr": Choice(
                        Wording("I scanned a shop's code (it shows the shop's name)"),
                        ("shop code", "merchant code", "business code", "商家码", "商家收款码"),
                    ),
                    "merchant_scans_me": Choice(
                        Wording("The cashier scanned my payment code"),
                        ("cashier scanned", "they scanned me", "payment code", "付款码", "被扫"),
                    ),
                    "personal_qr": Choice(
                        Wording("I scanned a person's code (street stall, taxi, small shop)"),
                        (
                            "stall",
                            "street stall",
                            "taxi",
                            "personal code",
                            "个人收款码",
                            "个人码",
                            "摊",
                        ),
                    ),
                    "transfer": Choice(
                        Wording(
                            "I sent money to a person (transfer, red packet, splitting a bill)"
                        ),
                        ("transfer", "red packet", "send money", "split", "转账", "红包", "AA"),
                    ),
                    "online": Choice(
                        Wording("Inside an app, a mini-program or a website"),
                        (
                            "app",
                            "mini program",
                            "mini-program",
                            "website",
                            "online",
                            "小程序",
                            "网站",
                        ),
                    ),
                },
                symptom=True,
            ),
        ),
        Fact(
            "amount_cny",
            Amount,
            Ask(
                Wording("Roughly how much was the payment that failed, in yuan?"),
                Wording("the payment's amount in yuan"),
                Wording(
                    "A rough figure is enough. If you know it only in US dollars (your bank's"
                    " statement at home), write it with a $: $120."
                ),
                # A visitor may know it only as the statement at home shows it: one question
                # for both, so "don't know" to the yuan is not followed by the dollars.
                units={"payment.amount_usd": DOLLARS},
            ),
        ),
        # The app showed a service fee to accept before paying.
        Fact(
            "fee_notice",
            bool,
            Ask(
                Wording("Did the app show a service fee to accept before paying?"),
                Wording("a service-fee notice before paying"),
                Wording(
                    "Foreign cards pay a fee on payments over CNY 200; the app asks you to accept"
                    " it."
                ),
                symptom=True,
                tick=happened(
                    WHAT_HAPPENED,
                    "payment.fee_notice",
                    Wording("The app showed a service fee to accept before paying"),
                    "fee",
                    "service fee",
                    "手续费",
                    "服务费",
                ),
            ),
        ),
    ),
)
