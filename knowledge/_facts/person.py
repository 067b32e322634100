"""The person, as their passport names them."""

from engine.facts import personal
from engine.facts.asking import Ask
from engine.facts.declaring import Fact, Section
from engine.facts.model import Name
from engine.text.wording import Wording

PASSPORT_PAGE = Wording("Your passport's photo page.")

PERSON = Section(
    "person",
    "Person",
    (
        Fact(
            "surname",
            Name,
            Ask(
                Wording("What is your surname, as printed in your passport?"),
                Wording("your surname"),
                PASSPORT_PAGE,
            ),
            personal=personal.NAME,
        ),
        Fact(
            "given_names",
            Name,
            Ask(
                Wording(
                    "What are your given names, middle names included, as printed in your passport?"
                ),
                Wording("your given names"),
                PASSPORT_PAGE,
            ),
            personal=personal.NAME,
        ),
    ),
)
