from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    derived,
    forgets,
    message_points_at,
    when,
)
from engine.text.wording import Wording
from knowledge._foreign import any_with_status
from knowledge._where import Where

DOMESTIC_ONLY = Message(
    Wording("the payee takes domestic payments only, no foreign card"),
    (
        "only accepts domestic payments",
        "只接受国内的付款",
        "仅支持境内",
        "requires a chinese id",
        "chinese id or bank card",
        "需要中国身份证",
        "does not accept foreign cards",
        "不支持境外卡",
    ),
)
NOT_ACCEPTED = Observation(
    "foreign.not_accepted",
    Wording("a foreign card is not accepted where you pay"),
    ("foreign_cards[].status",),
    any_with_status("not_accepted"),
)

CAUSE = Cause(
    id="merchant-refuses-foreign-card",
    layer="payee",
    title=Wording("This merchant or mini-program takes no foreign card"),
    explanation=Wording(
        "Some merchants, mini-programs and features (train tickets, rides, utilities)"
        " accept only mainland accounts: cards issued in China, or a Chinese ID. Your card is"
        " fine; this payee refuses it."
    ),
    source=(
        "Merchants that refuse (read 2026-12): china-travel-desk.pages.dev/scenarios/payment/"
        "wechat-pay-not-accepted-merchant; hi-china.com/d/1662"
    ),
    sources_read="2026-12",
    fixes=(
        FixStep(
            Wording("the seller"),
            Wording(
                "Pay in the other wallet, with a physical card at the counter where it is"
                " taken, or cash."
            ),
            effects=(forgets("foreign_cards"), forgets("symptom.error_message")),
            place=Where.SELLER,
            say=Wording(
                "Can I pay with a foreign bank card? If not, I will pay cash.",
                zh="请问可以用境外银行卡付款吗？不行的话我付现金。",
            ),
        ),
    ),
    confirmed=(
        when(derived("foreign.not_accepted")),
        when(message_points_at("merchant-refuses-foreign-card")),
    ),
    observations=(NOT_ACCEPTED,),
    messages=(DOMESTIC_ONLY,),
    examples=(
        Example(
            "the card is not accepted here",
            {"foreign_cards": [{"network": "visa", "status": "not_accepted"}]},
            "confirmed",
            evidence=("shows: not accepted",),
        ),
        Example(
            "a mini-program takes domestic payments only",
            {"symptom": {"error_message": "This merchant only accepts domestic payments"}},
            "confirmed",
        ),
        Example(
            "declined, not refused by the payee", {"foreign_cards": [{"status": "declined"}]}, None
        ),
    ),
)
