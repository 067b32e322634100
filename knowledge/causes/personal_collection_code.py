from engine.authoring.rules import (
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
from engine.text.wording import Wording

PERSONAL_CODE = Message(
    Wording("a person's collection code"),
    ("个人收款码", "personal collection code", "personal qr", "不支持向个人付款"),
)

CAUSE = Cause(
    id="personal-collection-code",
    layer="payee",
    title=Wording("A person's collection code cannot be paid from a foreign card"),
    explanation=Wording(
        "A street stall, a taxi or a small shop often shows a person's collection code"
        " (个人收款码, it shows a person's name), and transfers go to a person too; a wallet"
        " funded only by a foreign card cannot pay a person, only a business. The seller can"
        " scan your payment code instead, or show the shop's business code."
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
            Wording("the seller"),
            Wording(
                "Ask the seller to scan your payment code (Alipay: Pay; WeChat: Me > Pay and"
                " Services > Money), or for the shop's business code; pay from the wallet's"
                " balance if a friend topped it up; or pay cash."
            ),
            effects=(sets("payment.payee", "merchant_scans_me"),),
            place=Place.SELLER,
            say=Wording(
                "My wallet is linked to a foreign bank card, so it cannot pay a personal"
                " collection code. Please scan my payment code, or give me your business code.",
                zh="我的钱包绑定的是境外银行卡，付不了个人收款码。请扫我的付款码，或者给我商家收款码。",
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
            evidence=("paid with your foreign card 1 (Visa, ending 4242) in Alipay",),
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
