"""What went wrong, as the person saw it: where, in which wallet, and the error message."""

from engine.facts.asking import Ask
from engine.facts.declaring import Fact, Section
from engine.text.wording import Wording
from knowledge._facts.choices import WALLET_CHOICES
from knowledge._facts.places import WHERE
from knowledge._facts.ticks import WHAT_HAPPENED, happened

SYMPTOM = Section(
    "symptom",
    "Symptom",
    (
        WHERE,
        Fact(
            "error_message",
            str,
            Ask(
                Wording("What does the error message say?"),
                Wording("the error message"),
                Wording(
                    "Type it or paste it as shown, in Chinese or English; a few words are enough."
                ),
                symptom=True,
            ),
            samples=(
                "与预留手机号不符",
                "身份信息不一致",
                "Your ID has expired",
                "unusual activity",
                "Invalid card",
                "The ID you registered with your bank has expired",
                "error",
            ),
            triage=True,
            message=True,
        ),
        Fact(
            "persists",
            bool,
            Ask(
                Wording("Does it still fail after what you have already tried?"),
                Wording("whether the failure persists"),
                Wording("Try once more now if you can: does it fail again?"),
                symptom=True,
                tick=happened(
                    WHAT_HAPPENED,
                    "symptom.persists",
                    Wording("It failed again when I tried once more"),
                    "again",
                    "still fails",
                    "还是失败",
                ),
            ),
        ),
        # The wallet, where `where` does not name it (a foreign card, a setup, a card link).
        Fact(
            "wallet",
            ask=Ask(
                Wording("In which wallet does it fail?"),
                Wording("the wallet where it fails"),
                Wording("The app you were paying or signing up with."),
                {
                    "alipay": WALLET_CHOICES["alipay"],
                    "wechat_pay": WALLET_CHOICES["wechat_pay"],
                },
            ),
        ),
    ),
)
