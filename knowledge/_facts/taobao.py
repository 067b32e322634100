"""The Taobao account: its link to Alipay, how it pays, and what its checkout says."""

from engine.facts.asking import APP, Ask, Choice
from engine.facts.declaring import Fact, Section
from engine.facts.model import WholeNumber
from engine.text.wording import Wording

TAOBAO = Section(
    "taobao",
    "Taobao",
    (
        Fact(
            "bound_to_alipay",
            bool,
            Ask(
                Wording("Is your Taobao account bound to your Alipay account?"),
                Wording("Taobao's link to Alipay"),
                Wording("Taobao: My Taobao > Settings > Alipay account."),
                kept_by=APP,
            ),
        ),
        Fact(
            "payment_method",
            ask=Ask(
                Wording("Which payment method is set in Taobao?"),
                Wording("Taobao's payment method"),
                Wording("Taobao: My Taobao > Settings > Payment."),
                {
                    "alipay": Choice(Wording("Alipay")),
                    "credit_card": Choice(Wording("A credit card"), ("card", "visa", "mastercard")),
                    "other": Choice(Wording("Something else")),
                },
                kept_by=APP,
            ),
        ),
        Fact(
            "account_age_days",
            WholeNumber,
            Ask(
                Wording("How many days old is your Taobao account?"),
                Wording("your Taobao account's age"),
                Wording("Roughly: the days since you signed up."),
            ),
        ),
        Fact(
            "spending_changed",
            bool,
            Ask(
                Wording(
                    "Has your spending on Taobao changed suddenly (much more, or new kinds of"
                    " shops)?"
                ),
                Wording("a sudden change in your Taobao spending"),
                Wording("Taobao: My Taobao > My Orders."),
            ),
        ),
        Fact(
            "security_error",
            bool,
            Ask(
                Wording('Does Taobao show a security or "unusual activity" error when you pay?'),
                Wording("Taobao's security error"),
                Wording("The message at Taobao's checkout."),
                symptom=True,
            ),
        ),
        Fact(
            "cache_cleared",
            bool,
            Ask(
                Wording("Have you cleared the Taobao app's or browser's cache since the error?"),
                Wording("clearing Taobao's cache"),
                Wording("Taobao: Settings > General > Clear cache."),
            ),
        ),
    ),
)
