"""The phone: its number, its SIM, and what happened on it while paying."""

from engine.facts import personal
from engine.facts.asking import Ask
from engine.facts.declaring import Fact, Section
from engine.facts.model import PartialDay, PhoneNumber
from engine.text.wording import Wording
from knowledge._facts.ticks import NUMBER_CHANGED, WHAT_HAPPENED, happened

PHONE = Section(
    "phone",
    "Phone",
    (
        Fact(
            "number",
            PhoneNumber,
            Ask(
                Wording("Which mobile number do you use now?"),
                Wording("your mobile number"),
                Wording("The number of the SIM in your phone."),
            ),
            personal=personal.PHONE,
        ),
        Fact(
            "changed_on",
            PartialDay,
            Ask(
                Wording("When did you last change your mobile number?"),
                Wording("when you changed your mobile number"),
                Wording(
                    "Roughly is fine: the month you got your current SIM, or how long ago;"
                    " never if you never changed it."
                ),
                none={"phone.changed": False},
                never=Wording("Never: I have always had this number"),
                none_words=(
                    "not since i arrived",
                    "not since i came",
                    "not since i came to china",
                    "i never changed it",
                    "never changed",
                    "same number",
                    "always the same number",
                    "来了以后没换过",
                    "一直是这个号",
                    "一直用这个号",
                    "没换过号",
                    "从来没换过",
                ),
                # No easier form: "yes, it changed" without when settles nothing (measured: a
                # question more for a traveller who does not know when, and no cause found).
                tick=NUMBER_CHANGED,
                past=True,
            ),
        ),
        # False: the number was never changed (not since the bank and the wallets recorded it),
        # as a person answers "never" to when it changed.
        Fact(
            "changed",
            bool,
            Ask(
                Wording(
                    "Have you ever changed your mobile number (since your bank and wallets have"
                    " had it)?"
                ),
                Wording("whether you changed your mobile number"),
                Wording("Answer no if you have always used the same number here."),
                tick=NUMBER_CHANGED,
            ),
        ),
        # A VPN or proxy was on when the payment failed (facts-v3).
        Fact(
            "vpn_on",
            bool,
            Ask(
                Wording("Was a VPN or proxy on when it failed?"),
                Wording("a VPN on while paying"),
                Wording("The VPN icon at the top of the screen, or your VPN app."),
                tick=happened(
                    WHAT_HAPPENED, "phone.vpn_on", Wording("A VPN or proxy was on"), "vpn", "proxy"
                ),
            ),
        ),
        # False: the verification code sent by SMS never arrived. Asked where the place points
        # at the phone (a sign-up, a card link).
        Fact(
            "sms_code_received",
            bool,
            Ask(
                Wording("Did the verification code sent by SMS arrive?"),
                Wording("the SMS verification code arriving"),
                Wording("Your phone's messages."),
                tick=happened(
                    WHAT_HAPPENED,
                    "phone.sms_code_received",
                    Wording("The verification code sent by SMS never arrived"),
                    "sms",
                    "no code",
                    "收不到验证码",
                    when=False,
                ),
            ),
        ),
        # A foreign SIM needs roaming on to receive SMS in China.
        Fact(
            "roaming",
            bool,
            Ask(
                Wording("Is roaming on for the SIM in your phone?"),
                Wording("roaming on your SIM"),
                Wording("Phone settings > Mobile data > Roaming; a Chinese SIM needs none."),
            ),
        ),
        # The Chinese SIM was cut off (unpaid or unused): the bank's SMS no longer arrive.
        Fact(
            "suspended",
            bool,
            Ask(
                Wording("Was your Chinese SIM cut off (unpaid or unused)?"),
                Wording("your Chinese SIM cut off"),
                Wording(
                    "Whether the SIM still gets calls and SMS; the carrier's app or shop can say."
                ),
            ),
        ),
    ),
)
