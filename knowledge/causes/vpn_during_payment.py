from engine.authoring.rules import Cause, Example, FixStep, derived, fact, known, sets, when
from engine.text.wording import Wording
from knowledge._where import Where

CAUSE = Cause(
    id="vpn-during-payment",
    layer="device",
    title=Wording("A VPN was on while paying, which trips the wallet's risk checks"),
    explanation=Wording(
        "With a VPN or proxy on, the wallet sees you in another country than your phone"
        " and card say, and its risk checks refuse the payment, the card link or the"
        " verification. Turning it off costs a tap and is undone at once."
    ),
    source=(
        "VPN (read 2026-12): chinaguide.ai/guides/payment-failures;"
        " gochinakit.com/blog/alipay-payment-failed-china-fixes-2026"
    ),
    sources_read="2026-12",
    fixes=(
        FixStep(
            Wording("the phone"),
            Wording(
                "Turn the VPN off, pay on mobile data (not hotel Wi-Fi), then turn it on again."
            ),
            effects=(sets("phone.vpn_on", False),),
            place=Where.PHONE,
        ),
    ),
    confirmed=(),
    suspected=(
        when(fact("phone.vpn_on", True), known("symptom.where")),
        when(fact("phone.vpn_on", True), derived("foreign.card_failing")),
    ),
    examples=(
        Example(
            "a hotel bill paid with a VPN on",
            {"phone": {"vpn_on": True}, "symptom": {"where": "foreign_card"}},
            "suspected",
        ),
        Example(
            "a VPN on, a foreign card declined",
            {"phone": {"vpn_on": True}, "foreign_cards": [{"status": "declined"}]},
            "suspected",
        ),
        Example(
            "the VPN was off",
            {"phone": {"vpn_on": False}, "symptom": {"where": "foreign_card"}},
            None,
        ),
    ),
)
