from engine.rules import Cause, Example, FixStep, Observation, derived, fact, forgets, when
from engine.wording import Wording
from knowledge._foreign import any_with_status

ISSUER_BLOCKED = Observation(
    "foreign.issuer_blocked",
    Wording(
        en="a foreign card's issuer blocked the payment, or the card's own verification failed",
        zh="境外卡的发卡行拦截了付款，或该卡自身的验证未通过",
    ),
    ("foreign_cards[].status",),
    any_with_status("blocked_by_issuer", "verification_failed"),
)
DECLINED = Observation(
    "foreign.declined",
    Wording(en="a foreign card was declined with no reason given", zh="境外卡被拒，未说明原因"),
    ("foreign_cards[].status",),
    any_with_status("declined"),
)

CAUSE = Cause(
    id="foreign-card-issuer-block",
    layer="bank",
    title="Your card's issuer abroad blocked the payment",
    explanation=(
        "Banks abroad often stop a first payment from China through Alipay or WeChat Pay as"
        " possible fraud, or the card's own check (a 3-D Secure code, approval in the bank's"
        " app) fails; the wallet only sees a decline."
    ),
    source=(
        "Reports of foreign cards blocked by their issuer: tabichina.jp/alipay-troubleshooting;"
        " thechinaproject.com/2019/11/12/alipay-opens-to-foreigners-but-it-doesnt-work-very-well"
    ),
    fixes=(
        FixStep(
            "card issuer",
            "Approve the payment in your card's banking app, or call the issuer (the number on"
            " the back of the card) and say you are paying in China through Alipay or WeChat"
            " Pay; or link another card.",
            # Whether the next try goes through is known only once you try again.
            effects=(forgets("foreign_cards"),),
        ),
    ),
    confirmed=(when(derived("foreign.issuer_blocked")),),
    suspected=(when(derived("foreign.declined"), fact("symptom.persists", True)),),
    observations=(ISSUER_BLOCKED, DECLINED),
    examples=(
        Example(
            "the issuer blocked it",
            {
                "foreign_cards": [
                    {"network": "visa", "last4": "4242", "status": "blocked_by_issuer"}
                ]
            },
            "confirmed",
            evidence=("foreign card 1 (visa, ending 4242) shows: blocked by issuer",),
        ),
        Example(
            "declined, again and again",
            {"foreign_cards": [{"status": "declined"}], "symptom": {"persists": True}},
            "suspected",
        ),
        Example("declined once", {"foreign_cards": [{"status": "declined"}]}, None),
        Example("the card works", {"foreign_cards": [{"status": "ok"}]}, None),
    ),
)
