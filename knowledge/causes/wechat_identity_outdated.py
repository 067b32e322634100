from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    concluded,
    copies,
    derived,
    unknown,
    when,
)
from engine.facts import personal
from engine.text.wording import Wording
from knowledge._observing import differs
from knowledge._wallets import WECHAT_PAY
from knowledge._where import Where

WECHAT_PASSPORT_DIFFERS = Observation(
    "wechat_pay.passport_differs",
    Wording("WeChat Pay's identity passport number differs from the passport"),
    ("wechat_pay.identity.passport_number", "passport.number"),
    differs(
        "wechat_pay.identity.passport_number",
        "passport.number",
        personal.PASSPORT,
        Wording("WeChat Pay's identity information holds passport {0}; your passport is {1}."),
    ),
)
CARD_PASSPORT_DIFFERS_FROM_WECHAT = Observation(
    "card.passport_differs_from_wechat_pay",
    Wording("the bank's passport number differs from WeChat Pay's"),
    ("bank_cards[].passport_number_on_file", "wechat_pay.identity.passport_number"),
    differs(
        "bank_cards[].passport_number_on_file",
        "wechat_pay.identity.passport_number",
        personal.PASSPORT,
        Wording("For {card} your bank holds passport {0}; WeChat Pay holds {1}."),
    ),
    per_card=True,
)
NOT_UPDATED = Message(
    Wording("identity information that was not brought up to date"),
    ("身份信息未更新", "identity information has not been updated", "证件信息未更新"),
)

CAUSE = Cause(
    id="wechat-identity-outdated",
    layer="wechat_pay",
    title=Wording("WeChat Pay's Identity Information holds your old passport"),
    explanation=Wording(
        "WeChat Pay keeps the passport you verified with; after a renewal it still holds"
        " the old one, and payments fail once that passport expires or the bank's record"
        " changes."
    ),
    source=(
        "First-hand reports of WeChat Pay still on the old passport after a renewal:"
        " zhizuchangle.hatenablog.com/entry/2019/12/24/070126, shwalzer.minibird.jp/?p=10264,"
        " blog.shapingguo.com/2019/03/16/passport_wechat"
    ),
    fixes=(
        FixStep(
            Wording("WeChat app"),
            Wording(
                "Update your passport in WeChat Pay: Me > Pay and Services > Wallet > Identity"
                " Information (我 > 服务 > 钱包 > 身份信息). If it cannot be edited there, move"
                " the balance out, cancel the real-name verification and verify again with the"
                " new passport."
            ),
            place=Where.APP,
            effects=(copies("wechat_pay.identity.passport_number", "passport.number"),),
        ),
    ),
    after=("bank-passport-outdated",),
    scope=(WECHAT_PAY.in_scope,),
    confirmed=(
        when(derived("wechat_pay.passport_differs")),
        when(unknown("passport.number"), derived("card.passport_differs_from_wechat_pay")),
    ),
    suspected=(
        when(concluded("passport.renewed"), unknown("wechat_pay.identity.passport_number")),
    ),
    observations=(WECHAT_PASSPORT_DIFFERS, CARD_PASSPORT_DIFFERS_FROM_WECHAT),
    messages=(NOT_UPDATED,),
    examples=(
        Example(
            "WeChat Pay holds the previous passport",
            {
                "passport": {"number": "E98765432"},
                "wechat_pay": {"identity": {"passport_number": "E12345678"}},
            },
            "confirmed",
            evidence=("WeChat Pay's identity information holds passport E12****78",),
        ),
        Example(
            "passport number unknown; WeChat Pay differs from the bank",
            {
                "bank_cards": [{"wallet": "wechat_pay", "passport_number_on_file": "E98765432"}],
                "wechat_pay": {"identity": {"passport_number": "E12345678"}},
            },
            "confirmed",
        ),
        Example(
            "renewed, WeChat Pay fails, its passport number unknown",
            {"passport": {"renewed": True}, "symptom": {"where": "wechat_pay"}},
            "suspected",
        ),
        Example(
            "WeChat Pay says the identity was not updated",
            {"symptom": {"where": "wechat_pay", "error_message": "身份信息未更新"}},
            "suspected",
        ),
        Example(
            "the message, a WeChat card whose passport number is not known",
            {
                "symptom": {"where": "wechat_pay", "error_message": "身份信息未更新"},
                "bank_cards": [{"wallet": "wechat_pay"}],
            },
            "suspected",
        ),
        Example(
            "renewed, but only Alipay fails: WeChat's records are not suspected",
            {"passport": {"renewed": True}, "symptom": {"where": "alipay"}},
            None,
        ),
        Example(
            "the same number",
            {
                "passport": {"number": "E98765432"},
                "wechat_pay": {"identity": {"passport_number": "e98765432"}},
            },
            None,
        ),
    ),
)
