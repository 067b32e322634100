from engine.authoring.rules import Cause, Example, FixStep, fact, sets, when
from engine.text.wording import Wording
from knowledge._where import Where

CAUSE = Cause(
    id="taobao-not-linked",
    layer="taobao",
    title=Wording("Taobao is not set to pay with your Alipay account"),
    explanation=Wording(
        "International users pay on Taobao through Alipay; an unbound account or another"
        " payment method leaves Taobao without a way to pay."
    ),
    source=(
        "For international users, ensure your 淘宝 (Taobao) account is bound to your 支付宝"
        " (Alipay)."
    ),
    fixes=(
        FixStep(
            Wording("Taobao app"),
            Wording(
                "In Taobao: Account > Settings, bind your Alipay account and set the payment"
                " method to Alipay."
            ),
            place=Where.APP,
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
