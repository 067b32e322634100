from engine.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    Place,
    derived,
    forgets,
    message_points_at,
    when,
)
from engine.wording import Wording
from knowledge._foreign import any_with_status

DOMESTIC_ONLY = Message(
    Wording(
        en="the payee takes domestic payments only, no foreign card",
        zh="收款方只接受境内付款，不收境外卡",
    ),
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
    Wording(en="a foreign card is not accepted where you pay", zh="付款的地方不接受境外卡"),
    ("foreign_cards[].status",),
    any_with_status("not_accepted"),
)

CAUSE = Cause(
    id="merchant-refuses-foreign-card",
    layer="payee",
    title=Wording(
        en="This merchant or mini-program takes no foreign card",
        zh="这个商家或小程序不收境外卡",
    ),
    explanation=Wording(
        en="Some merchants, mini-programs and features (train tickets, rides, utilities)"
        " accept only mainland accounts: cards issued in China, or a Chinese ID. Your card is"
        " fine; this payee refuses it.",
        zh="有些商家、小程序和功能（火车票、打车、缴费）只接受中国大陆的账户："
        "中国的银行卡或中国身份证。你的卡没有问题，是这个收款方不收。",
    ),
    source=(
        "Merchants that refuse (read 2026-12): china-travel-desk.pages.dev/scenarios/payment/"
        "wechat-pay-not-accepted-merchant; hi-china.com/d/1662"
    ),
    sources_read="2026-12",
    fixes=(
        FixStep(
            Wording(en="the seller", zh="卖家"),
            Wording(
                en="Pay in the other wallet, with a physical card at the counter where it is"
                " taken, or cash.",
                zh="换另一个钱包付款，在收银台能刷卡的话刷实体卡，或者付现金。",
            ),
            effects=(forgets("foreign_cards"), forgets("symptom.error_message")),
            place=Place.SELLER,
            say=Wording(
                zh="请问可以用境外银行卡付款吗？不行的话我付现金。",
                en="Can I pay with a foreign bank card? If not, I will pay cash.",
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
