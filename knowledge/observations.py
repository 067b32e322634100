"""Derived observations that several units test; an observation only one unit tests lives there."""

from engine.authoring.rules import Observation
from engine.text.wording import Wording
from knowledge._foreign import any_with_status, has_foreign_card
from knowledge._observing import before_as_of
from knowledge._visitors import (
    FEE_FREE_CNY,
    amount_over,
    failing_in,
    foreign_funded,
    foreign_number,
)
from knowledge._wallets import ALIPAY, WALLETS, WECHAT_PAY

FAILING_STATUSES = ("declined", "blocked_by_issuer", "verification_failed", "not_accepted")

OBSERVATIONS: tuple[Observation, ...] = (
    Observation(
        "passport.expired",
        Wording("the passport has expired"),
        ("passport.expiry_date", "as_of"),
        before_as_of(
            "passport.expiry_date",
            Wording("Your passport is valid until {0}; today is {1}."),
        ),
    ),
    Observation(
        "foreign.card_failing",
        Wording("a foreign card is failing (declined, blocked, not verified or not accepted)"),
        ("foreign_cards[].status",),
        any_with_status(*FAILING_STATUSES),
    ),
    Observation(
        "alipay.has_foreign_card",
        Wording("a foreign card is linked in Alipay"),
        ("foreign_cards[].wallet", "symptom.wallet"),
        has_foreign_card(ALIPAY.name, "alipay"),
    ),
    Observation(
        "wechat_pay.has_foreign_card",
        Wording("a foreign card is linked in WeChat Pay"),
        ("foreign_cards[].wallet", "symptom.wallet"),
        has_foreign_card(WECHAT_PAY.name, "wechat_pay"),
    ),
    *(
        Observation(
            f"{wallet.facts}.foreign_card_failing",
            Wording("a foreign card fails in {wallet}").format(wallet=wallet.name),
            ("foreign_cards[].status", "foreign_cards[].wallet", "symptom.wallet"),
            failing_in(wallet.facts, wallet.name),
        )
        for wallet in WALLETS
    ),
    Observation(
        "payment.foreign_funded",
        Wording("a foreign card funded the failing payment (no Chinese bank card in that wallet)"),
        # It looks at bank cards only to see that none is linked in the card's wallet: a
        # visitor's payment is no Chinese bank card's cause, so bank cards are not listed here.
        ("foreign_cards[].status", "foreign_cards[].wallet", "symptom.where"),
        foreign_funded,
    ),
    Observation(
        "payment.over_fee_free",
        Wording("the payment is over CNY {amount}").format(amount=FEE_FREE_CNY),
        ("payment.amount_cny",),
        amount_over(FEE_FREE_CNY),
    ),
    Observation(
        "phone.foreign_number",
        Wording("the mobile number is not a Chinese one"),
        ("phone.number",),
        foreign_number,
    ),
)
