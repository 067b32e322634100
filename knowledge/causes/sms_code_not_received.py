from engine.authoring.rules import Cause, Example, FixStep, derived, fact, sets, when
from engine.text.wording import Wording
from knowledge._where import Where

CAUSE = Cause(
    id="sms-code-not-received",
    layer="device",
    title=Wording("The SMS verification code does not reach your phone"),
    explanation=Wording(
        "Adding a card or signing up sends a code by SMS; a foreign SIM without roaming"
        " receives no SMS in China, and a number typed without its country code gets none."
    ),
    source=(
        "SMS codes (read 2026-12): hiddenchinatravel.com/alipay-wechat-pay-verification-failed;"
        " getaroundcn.com/payments/alipay-not-working-in-china-foreigner"
    ),
    sources_read="2026-12",
    fixes=(
        FixStep(
            Wording("the phone"),
            Wording(
                "Turn roaming on for the foreign SIM (SMS only is enough), check the country"
                " code of the number you typed, ask for the code again after a minute, or"
                " choose a voice call where the app offers one."
            ),
            effects=(sets("phone.sms_code_received", True), sets("phone.roaming", True)),
            place=Where.PHONE,
        ),
    ),
    confirmed=(when(fact("phone.sms_code_received", False)),),
    suspected=(
        when(
            fact("symptom.where", "foreign_card_link", "wallet_setup", "bank_card_link"),
            # The number is foreign, or not known to be Chinese: roaming off says a foreign SIM.
            derived("phone.foreign_number", True, None),
            fact("phone.roaming", False),
        ),
    ),
    examples=(
        Example(
            "the code never came",
            {"phone": {"sms_code_received": False}, "symptom": {"where": "foreign_card_link"}},
            "confirmed",
        ),
        Example(
            "a foreign SIM without roaming, adding a card",
            {
                "phone": {"number": "+44 7700 900123", "roaming": False},
                "symptom": {"where": "foreign_card_link"},
            },
            "suspected",
        ),
        Example(
            "a Chinese SIM, roaming off",
            {
                "phone": {"number": "+86 139 1234 5678", "roaming": False},
                "symptom": {"where": "wallet_setup"},
            },
            None,
        ),
        Example(
            "the code arrived",
            {"phone": {"sms_code_received": True}, "symptom": {"where": "wallet_setup"}},
            None,
        ),
    ),
)
