"""Derived observations that several units test; an observation only one unit tests lives there."""

from engine.rules import Observation
from knowledge._foreign import any_with_status, has_foreign_card
from knowledge._observing import before_as_of

FAILING_STATUSES = ("declined", "blocked_by_issuer", "verification_failed", "not_accepted")

OBSERVATIONS: tuple[Observation, ...] = (
    Observation(
        "passport.expired",
        "the passport has expired",
        ("passport.expiry_date", "as_of"),
        before_as_of("passport.expiry_date"),
    ),
    Observation(
        "foreign.card_failing",
        "a foreign card is failing (declined, blocked, not verified or not accepted)",
        ("foreign_cards[].status",),
        any_with_status(*FAILING_STATUSES),
    ),
    Observation(
        "alipay.has_foreign_card",
        "a foreign card is linked in Alipay",
        ("foreign_cards[].wallet",),
        has_foreign_card("alipay"),
    ),
    Observation(
        "wechat_pay.has_foreign_card",
        "a foreign card is linked in WeChat Pay",
        ("foreign_cards[].wallet",),
        has_foreign_card("wechat_pay"),
    ),
)
