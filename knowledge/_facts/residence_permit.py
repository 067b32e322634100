"""The Chinese residence permit, if the person holds one."""

from engine.facts import personal
from engine.facts.asking import Ask
from engine.facts.declaring import Fact, Section
from engine.facts.model import DocumentNumber, Name, PartialDay
from engine.text.wording import Wording
from knowledge._facts.ticks import PERMIT_HELD

PERMIT_FRONT = Wording("The front of your residence permit card.")
NO_PERMIT = {"residence_permit.held": False}

RESIDENCE_PERMIT = Section(
    "residence_permit",
    "ResidencePermit",
    (
        Fact(
            "number",
            DocumentNumber,
            Ask(
                Wording("What is your residence permit's number?"),
                Wording("your residence permit number"),
                PERMIT_FRONT,
                none=NO_PERMIT,
                tick=PERMIT_HELD,
            ),
            personal=personal.PERMIT,
        ),
        Fact(
            "expiry_date",
            PartialDay,
            Ask(
                Wording("When does your residence permit expire?"),
                Wording("your residence permit's expiry date"),
                Wording('The front of your residence permit, "valid until"; the month is enough.'),
                none=NO_PERMIT,
                tick=PERMIT_HELD,
            ),
        ),
        Fact(
            "name",
            Name,
            Ask(
                Wording("How is your name printed on your residence permit?"),
                Wording("the name on your residence permit"),
                PERMIT_FRONT,
                none=NO_PERMIT,
                tick=PERMIT_HELD,
            ),
            personal=personal.NAME,
        ),
        Fact(
            "held",
            bool,
            Ask(
                Wording("Do you hold a Chinese residence permit (not only a visa)?"),
                Wording("whether you hold a residence permit"),
                Wording(
                    "A residence permit is a card or a passport page issued by the exit-entry"
                    " office."
                ),
                tick=PERMIT_HELD,
            ),
        ),
    ),
)
