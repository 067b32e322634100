import re

from engine import personal
from engine.personal import Datum, Text
from engine.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Observation,
    Outcome,
    Place,
    concluded,
    derived,
    tidies,
    when,
)
from engine.wording import Wording
from knowledge._messages import CARD_NOT_VERIFIED
from knowledge._observing import card_words

_BAD_SPACING = re.compile(r"^\s|\s$|\s\s|[^\S ]")


def _name_entered_malformed(case: Case, card: int | None) -> Outcome:
    entered = case.get("bank_cards[].name_entered", card)
    if entered is None:
        return Outcome(None, unknown_paths=(case.where("bank_cards[].name_entered", card),))
    lower = any(ch.islower() for ch in entered)
    spacing = bool(_BAD_SPACING.search(entered))
    shown = (Datum(entered, personal.NAME),)
    said = _PROBLEMS.get((lower, spacing), _WELL_TYPED).format(card=card_words(case, card))
    return Outcome(lower or spacing, Text(said, shown))


_PROBLEMS = {
    (True, False): Wording("For {card} you typed the name “{0}”, with lower-case letters."),
    (False, True): Wording(
        "For {card} you typed the name “{0}”, with spaces at the ends or doubled."
    ),
    (True, True): Wording(
        "For {card} you typed the name “{0}”, with lower-case letters and stray spaces."
    ),
}
_WELL_TYPED = Wording("For {card} you typed the name “{0}”: upper case, single spaces.")


CARD_NAME_ENTERED_MALFORMED = Observation(
    "card.name_entered_malformed",
    Wording("the name typed when linking the card has lower case or stray spaces"),
    ("bank_cards[].name_entered",),
    _name_entered_malformed,
)


CAUSE = Cause(
    id="card-name-syntax",
    layer="alipay",
    title=Wording("The name typed when linking the card is not in the bank's format"),
    explanation=Wording(
        "Bank systems compare the typed name character by character: lower-case letters"
        " or extra spaces make the card fail verification."
    ),
    source=(
        "Often, the bank requires your name to be entered in uppercase letters without"
        " extra spaces."
    ),
    fixes=(
        FixStep(
            Wording("Alipay app, card linking"),
            Wording("Type the name in upper case with single spaces, e.g. SMITH JOHN."),
            place=Place.APP,
            effects=(tidies("bank_cards[].name_entered"),),
        ),
    ),
    # The name typed when linking a card follows the one in Identity Information.
    after=("alipay-name-format",),
    confirmed=(when(concluded("card.fails"), derived("card.name_entered_malformed")),),
    observations=(CARD_NAME_ENTERED_MALFORMED,),
    messages=(CARD_NOT_VERIFIED,),
    examples=(
        Example(
            "lower case",
            {"bank_cards": [{"name_entered": "Smith John", "status": "cannot_be_verified"}]},
            "confirmed",
        ),
        Example(
            "a double space",
            {"bank_cards": [{"name_entered": "SMITH  JOHN", "status": "not_linked"}]},
            "confirmed",
        ),
        Example(
            "well formed",
            {"bank_cards": [{"name_entered": "SMITH JOHN", "status": "cannot_be_verified"}]},
            None,
        ),
        Example(
            "lower case but the card works",
            {"bank_cards": [{"name_entered": "smith john", "status": "ok"}]},
            None,
        ),
        Example(
            "the card cannot be verified: one card typed in lower case, another failing",
            {
                "symptom": {"error_message": "This card cannot be verified"},
                "bank_cards": [{"name_entered": "smith john"}, {"status": "cannot_be_verified"}],
            },
            "suspected",
        ),
        Example(
            "the card cannot be verified, no card listed",
            {"symptom": {"error_message": "无法验证"}},
            "suspected",
        ),
    ),
)
