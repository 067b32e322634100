"""Where the person is: a weak connection explains a payment that hangs."""

from engine.facts.asking import Ask
from engine.facts.declaring import Fact, Section
from engine.text.wording import Wording

TRAVEL = Section(
    "travel",
    "Travel",
    (
        Fact(
            "limited_connectivity",
            bool,
            Ask(
                Wording("Are you somewhere with a weak mobile or internet connection?"),
                Wording("a weak connection where you are"),
                Wording("The signal bars on your phone, or whether web pages load slowly."),
            ),
        ),
    ),
)
