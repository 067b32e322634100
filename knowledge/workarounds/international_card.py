from engine.rules import Example, Workaround, fact, finding_in, when

WORKAROUND = Workaround(
    id="international-card",
    title="Pay with a credit card through the international payment gateway",
    explanation="When a Taobao block persists, a foreign credit card avoids the Alipay link.",
    source=(
        "If the payment block persists, try using a credit card via the international"
        " payment gateway, although this may incur service fees."
    ),
    steps=(
        "At Taobao's checkout, choose a credit card through the international payment"
        " gateway; it may cost a service fee.",
    ),
    offered=(
        when(fact("symptom.persists", True), fact("symptom.where", "taobao")),
        when(fact("symptom.persists", True), finding_in("taobao")),
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
        Example("at Taobao but not persisting", {"symptom": {"where": "taobao"}}, None),
        Example(
            "persists at the card link",
            {"symptom": {"where": "bank_card_link", "persists": True}},
            None,
        ),
    ),
)
