from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    Place,
    derived,
    fact,
    forgets,
    when,
)
from engine.text.wording import Wording
from knowledge._foreign import any_with_status

ISSUER_BLOCKED = Observation(
    "foreign.issuer_blocked",
    Wording("a foreign card's issuer blocked the payment, or the card's own verification failed"),
    ("foreign_cards[].status",),
    any_with_status("blocked_by_issuer", "verification_failed"),
)
DECLINED = Observation(
    "foreign.declined",
    Wording("a foreign card was declined with no reason given"),
    ("foreign_cards[].status",),
    any_with_status("declined"),
)

ISSUER_MESSAGES = Message(
    Wording("the card's issuer declined it"),
    (
        "ISSUER_DECLINED",
        "C6-1011",
        "bank has rejected card binding",
        "transaction declined by bank",
        "declined by issuer",
        "发卡行拒绝",
    ),
)

CAUSE = Cause(
    id="foreign-card-issuer-block",
    layer="bank",
    title=Wording("Your card's issuer abroad blocked the payment"),
    explanation=Wording(
        "Banks abroad often stop a first payment from China through Alipay or WeChat Pay"
        " as possible fraud, or the card's own check (a 3-D Secure code, approval in the"
        " bank's app) fails; the wallet only sees a decline."
    ),
    source=(
        "Reports of foreign cards blocked by their issuer: tabichina.jp/alipay-troubleshooting;"
        " thechinaproject.com/2019/11/12/alipay-opens-to-foreigners-but-it-doesnt-work-very-well;"
        " issuer messages (read 2026-12): payinchinaguide.com/blog/wechat-pay-bank-rejected-card-"
        "binding; official: english.beijing.gov.cn (MOFCOM, 2024-04-24): issuer authorization"
        " for binding"
    ),
    sources_read="2026-12",
    fixes=(
        FixStep(
            Wording("card issuer"),
            Wording(
                "First check your card's banking app: if it shows the payment as blocked or"
                " waiting for approval, approve it there. If not, call the issuer (the number on"
                " the back of the card; the sentence below is for that call) and say you are"
                " paying in China through Alipay or WeChat Pay; or link another card."
            ),
            place=Place.CARD_ISSUER,
            # Said on the call in the card's own language (causes-v3), from the catalogs.
            say=Wording(
                "I am paying in China through Alipay or WeChat Pay; please approve this"
                " payment and do not block it."
            ),
            # Whether the next try goes through is known only once you try again.
            effects=(forgets("foreign_cards"), forgets("symptom.error_message")),
        ),
    ),
    confirmed=(when(derived("foreign.issuer_blocked")),),
    suspected=(when(derived("foreign.declined"), fact("symptom.persists", True)),),
    observations=(ISSUER_BLOCKED, DECLINED),
    messages=(ISSUER_MESSAGES,),
    examples=(
        Example(
            "the issuer blocked it",
            {
                "foreign_cards": [
                    {"network": "visa", "last4": "4242", "status": "blocked_by_issuer"}
                ]
            },
            "confirmed",
            evidence=("foreign card 1 (Visa, ending 4242) shows: blocked by its issuer",),
        ),
        Example(
            "declined, again and again",
            {"foreign_cards": [{"status": "declined"}], "symptom": {"persists": True}},
            "suspected",
        ),
        Example(
            "WeChat Pay says the bank rejected the card binding",
            {
                "symptom": {
                    "where": "foreign_card_link",
                    "error_message": "Bank has rejected card binding",
                }
            },
            "suspected",
        ),
        Example("declined once", {"foreign_cards": [{"status": "declined"}]}, None),
        Example("the card works", {"foreign_cards": [{"status": "ok"}]}, None),
    ),
)
