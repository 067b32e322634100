"""Derived observations that several units test; an observation only one unit tests lives there."""

from engine.rules import Observation
from engine.wording import Wording
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
        Wording(en="the passport has expired", zh="护照已过期"),
        ("passport.expiry_date", "as_of"),
        before_as_of(
            "passport.expiry_date",
            Wording(
                en="Your passport is valid until {0}; today is {1}.",
                zh="你的护照有效期至 {0}；今天是 {1}。",
            ),
        ),
    ),
    Observation(
        "foreign.card_failing",
        Wording(
            en="a foreign card is failing (declined, blocked, not verified or not accepted)",
            zh="有一张境外卡支付失败（被拒、被冻结、验证未通过或不被接受）",
        ),
        ("foreign_cards[].status",),
        any_with_status(*FAILING_STATUSES),
    ),
    Observation(
        "alipay.has_foreign_card",
        Wording(en="a foreign card is linked in Alipay", zh="支付宝中绑定了境外卡"),
        ("foreign_cards[].wallet",),
        has_foreign_card(ALIPAY.name, "alipay"),
    ),
    Observation(
        "wechat_pay.has_foreign_card",
        Wording(en="a foreign card is linked in WeChat Pay", zh="微信支付中绑定了境外卡"),
        ("foreign_cards[].wallet",),
        has_foreign_card(WECHAT_PAY.name, "wechat_pay"),
    ),
    *(
        Observation(
            f"{wallet.facts}.foreign_card_failing",
            Wording(
                en="a foreign card fails in {wallet}", zh="有一张境外卡在{wallet}里付款失败"
            ).format(wallet=wallet.name),
            ("foreign_cards[].status", "foreign_cards[].wallet", "symptom.wallet"),
            failing_in(wallet.facts, wallet.name),
        )
        for wallet in WALLETS
    ),
    Observation(
        "payment.foreign_funded",
        Wording(
            en="a foreign card funded the failing payment (no Chinese bank card in that wallet)",
            zh="失败的付款由境外卡支付（该钱包里没有国内银行卡）",
        ),
        # It looks at bank cards only to see that none is linked in the card's wallet: a
        # visitor's payment is no Chinese bank card's cause, so bank cards are not listed here.
        ("foreign_cards[].status", "foreign_cards[].wallet", "symptom.where"),
        foreign_funded,
    ),
    Observation(
        "payment.over_fee_free",
        Wording(en=f"the payment is over CNY {FEE_FREE_CNY}", zh=f"这笔付款超过 {FEE_FREE_CNY} 元"),
        ("payment.amount_cny",),
        amount_over(FEE_FREE_CNY),
    ),
    Observation(
        "phone.foreign_number",
        Wording(en="the mobile number is not a Chinese one", zh="手机号不是中国号码"),
        ("phone.number",),
        foreign_number,
    ),
)
