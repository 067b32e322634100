from engine.rules import Cause, Example, FixStep, Place, fact, sets, when
from engine.wording import Wording

CAUSE = Cause(
    id="taobao-not-linked",
    layer="taobao",
    title=Wording(
        en="Taobao is not set to pay with your Alipay account",
        zh="淘宝没有设置用你的支付宝账户付款",
    ),
    explanation=Wording(
        en="International users pay on Taobao through Alipay; an unbound account or another"
        " payment method leaves Taobao without a way to pay.",
        zh="海外用户在淘宝上通过支付宝付款；没有绑定支付宝或选了别的付款方式，淘宝就无法付款。",
    ),
    source=(
        "For international users, ensure your 淘宝 (Taobao) account is bound to your 支付宝"
        " (Alipay)."
    ),
    fixes=(
        FixStep(
            Wording(en="Taobao app", zh="淘宝App"),
            Wording(
                en="In Taobao: Account > Settings, bind your Alipay account and set the payment"
                " method to Alipay.",
                zh="在淘宝：我的淘宝 > 设置 中绑定你的支付宝账户，并把付款方式设为支付宝。",
            ),
            place=Place.APP,
            effects=(
                sets("taobao.bound_to_alipay", True),
                sets("taobao.payment_method", "alipay"),
            ),
        ),
    ),
    confirmed=(
        when(fact("taobao.bound_to_alipay", False)),
        when(fact("taobao.payment_method", "credit_card", "other")),
    ),
    examples=(
        Example("not bound", {"taobao": {"bound_to_alipay": False}}, "confirmed"),
        Example(
            "paying by credit card", {"taobao": {"payment_method": "credit_card"}}, "confirmed"
        ),
        Example(
            "bound and set to Alipay",
            {"taobao": {"bound_to_alipay": True, "payment_method": "alipay"}},
            None,
        ),
        Example("binding unknown", {"taobao": {"account_age_days": 400}}, None),
    ),
)
