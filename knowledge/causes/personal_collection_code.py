from engine.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    Place,
    derived,
    fact,
    sets,
    unknown,
    when,
)
from engine.wording import Wording

PERSONAL_CODE = Message(
    Wording(en="a person's collection code", zh="个人收款码"),
    ("个人收款码", "personal collection code", "personal qr", "不支持向个人付款"),
)

CAUSE = Cause(
    id="personal-collection-code",
    layer="payee",
    title=Wording(
        en="A person's collection code cannot be paid from a foreign card",
        zh="境外银行卡付不了个人收款码",
    ),
    explanation=Wording(
        en="A street stall, a taxi or a small shop often shows a person's collection code"
        " (个人收款码, it shows a person's name), and transfers go to a person too; a wallet"
        " funded only by a foreign card cannot pay a person, only a business. The seller can"
        " scan your payment code instead, or show the shop's business code.",
        zh="路边摊、出租车和小店常用个人收款码（码上显示的是个人姓名），转账也是付给个人；"
        "只绑定了境外银行卡的钱包付不了个人，只能付给商家。可以请卖家扫你的付款码，"
        "或出示商家收款码。",
    ),
    source=(
        "Personal codes and transfers (read 2026-12): chinaguide.ai/guides/payment-failures;"
        " waytoeast.com/questions/payments/will-small-shops-in-china-accept-foreign-card-mobile-"
        "payments; ikkyinchina.com/2022/01/09/how-to-add-an-overseas-bankcard-to-alipay"
    ),
    sources_read="2026-12",
    holds_from="2023-07",
    fixes=(
        FixStep(
            Wording(en="the seller", zh="卖家"),
            Wording(
                en="Ask the seller to scan your payment code (Alipay: Pay; WeChat: Me > Pay and"
                " Services > Money), or for the shop's business code; pay from the wallet's"
                " balance if a friend topped it up; or pay cash.",
                zh="请卖家扫你的付款码（支付宝：付钱；微信：我 > 服务 > 收付款），"
                "或请卖家出示商家收款码；如果朋友给你的钱包充过余额，可以用余额付；或者付现金。",
            ),
            effects=(sets("payment.payee", "merchant_scans_me"),),
            place=Place.SELLER,
            say=Wording(
                zh="我的钱包绑定的是境外银行卡，付不了个人收款码。请扫我的付款码，或者给我商家收款码。",
                en="My wallet is linked to a foreign bank card, so it cannot pay a personal"
                " collection code. Please scan my payment code, or give me your business code.",
            ),
        ),
    ),
    confirmed=(
        when(fact("payment.payee", "personal_qr", "transfer"), derived("payment.foreign_funded")),
    ),
    suspected=(
        when(
            unknown("payment.payee"),
            derived("payment.over_fee_free", False),
            derived("foreign.declined"),
        ),
    ),
    messages=(PERSONAL_CODE,),
    examples=(
        Example(
            "a street stall's code, a Visa card in Alipay",
            {
                "residence_permit": {"held": False},
                "foreign_cards": [
                    {"network": "visa", "last4": "4242", "wallet": "alipay", "status": "declined"}
                ],
                "payment": {"payee": "personal_qr", "amount_cny": 25},
                "symptom": {"where": "foreign_card"},
            },
            "confirmed",
            evidence=("paid with your foreign card 1 (visa, ending 4242) in Alipay",),
        ),
        Example(
            "a small payment declined, who was paid not known",
            {"foreign_cards": [{"status": "declined"}], "payment": {"amount_cny": 30}},
            "suspected",
        ),
        Example(
            "the app says personal codes are not supported",
            {"symptom": {"where": "foreign_card", "error_message": "不支持向个人付款"}},
            "suspected",
        ),
        Example(
            "a shop's business code",
            {
                "foreign_cards": [{"status": "declined"}],
                "payment": {"payee": "merchant_qr", "amount_cny": 25},
            },
            None,
        ),
        Example(
            "a Chinese bank card pays in the same wallet",
            {
                "bank_cards": [{"wallet": "alipay", "status": "ok"}],
                "foreign_cards": [{"wallet": "alipay", "status": "declined"}],
                "payment": {"payee": "personal_qr"},
            },
            None,
        ),
    ),
)
