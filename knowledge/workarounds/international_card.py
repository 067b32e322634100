from engine.authoring.rules import (
    UNKNOWN,
    Example,
    Workaround,
    derived,
    fact,
    finding_in,
    known,
    when,
)
from engine.text.wording import Wording

WORKAROUND = Workaround(
    id="international-card",
    title=Wording("Pay with a credit card through the international payment gateway"),
    explanation=Wording(
        "When a block persists at Taobao or in a wallet, a foreign credit card avoids the"
        " Chinese bank card and its checks."
    ),
    source=(
        "If the payment block persists, try using a credit card via the international"
        " payment gateway, although this may incur service fees."
    ),
    steps=(
        Wording(
            "At Taobao's checkout, choose a credit card through the international payment"
            " gateway; it may cost a service fee."
        ),
    ),
    offered=(
        when(fact("symptom.persists", True), fact("symptom.where", "taobao")),
        when(fact("symptom.persists", True), finding_in("taobao")),
        # causes-v2: a block that persists in a wallet, where no foreign card is already failing
        # (none listed, or none known to fail); causes-v3: only where Taobao is in scope, since
        # the gateway is Taobao's checkout.
        when(
            fact("symptom.persists", True),
            fact("symptom.where", "alipay", "wechat_pay"),
            known("taobao"),
            derived("foreign.card_failing", False, UNKNOWN),
        ),
    ),
    examples=(
        Example(
            "a persisting block at Taobao",
            {"symptom": {"where": "taobao", "persists": True}},
            "offered",
        ),
        Example(
            "persists, and a Taobao cause is found",
            {"symptom": {"persists": True}, "taobao": {"bound_to_alipay": False}},
            "offered",
        ),
        Example(
            "a block that persists in WeChat Pay, Taobao not in use",
            {"symptom": {"where": "wechat_pay", "persists": True}},
            None,
        ),
        Example(
            "a block that persists in Alipay, paying on Taobao too",
            {"symptom": {"where": "alipay", "persists": True}, "taobao": {"bound_to_alipay": True}},
            "offered",
        ),
        Example("at Taobao but not persisting", {"symptom": {"where": "taobao"}}, None),
        Example(
            "persists in Alipay, and the foreign card is the one failing",
            {
                "symptom": {"where": "alipay", "persists": True},
                "foreign_cards": [{"status": "declined"}],
            },
            None,
        ),
        Example(
            "persists at the card link",
            {"symptom": {"where": "bank_card_link", "persists": True}},
            None,
        ),
    ),
)
