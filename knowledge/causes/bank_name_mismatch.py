from engine.authoring.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Observation,
    Outcome,
    copies,
    derived,
    when,
)
from engine.facts.normalise import leaves_out_middle_names, name_words
from engine.facts.personal import Text
from engine.text.wording import Wording
from knowledge._messages import IDENTITY_MISMATCH
from knowledge._observing import card_words, name_datum, passport_name
from knowledge._where import Where

PERSON = {"surname": "SMITH", "given_names": "JOHN MICHAEL"}


def _bank_name_differs(case: Case, card: int | None) -> Outcome:
    on_file = case.get("bank_cards[].name_on_file", card)
    passport = passport_name(case)
    if on_file is None or passport is None:
        return Outcome(
            None,
            unknown_paths=case.missing(
                card, "bank_cards[].name_on_file", "person.surname", "person.given_names"
            ),
        )
    words = name_words(on_file)
    differs = words != passport and not leaves_out_middle_names(passport, words)
    said = _SAID.format(card=card_words(case, card))
    return Outcome(differs, Text(said, (name_datum(words), name_datum(passport))))


_SAID = Wording("For {card} your bank holds the name {0}; your passport has {1}.")


CARD_NAME_DIFFERS = Observation(
    "card.name_differs",
    Wording("the bank's card-holder name differs from the passport beyond middle names"),
    ("bank_cards[].name_on_file", "person.surname", "person.given_names"),
    _bank_name_differs,
    per_card=True,
)


CAUSE = Cause(
    id="bank-name-mismatch",
    layer="bank",
    title=Wording("Your bank holds your name differently from your passport"),
    explanation=Wording(
        "The name on your bank account must match your passport; a different word order"
        " or spelling makes every later identity check fail."
    ),
    source=(
        "By ensuring that the name on your bank card matches your passport record exactly"
        " as stored in the national database, you can eliminate the vast majority of"
        " transaction blocks."
    ),
    fixes=(
        FixStep(
            Wording("bank branch"),
            Wording(
                "Ask the bank to record your name exactly as in your passport, SURNAME GIVEN NAMES."
            ),
            place=Where.BANK_BRANCH,
            say=Wording(
                "Hello, please change the name on my account to match my passport exactly"
                " (surname first, then given names).",
                zh="您好，请帮我把账户上的姓名改成与护照上的完全一致（姓在前，名在后）。",
            ),
            effects=(
                copies("bank_cards[].name_on_file", ("person.surname", "person.given_names")),
            ),
        ),
    ),
    # The bank records the name as in the passport it holds: the passport number comes first.
    after=("bank-passport-outdated",),
    confirmed=(when(derived("card.name_differs")),),
    observations=(CARD_NAME_DIFFERS,),
    messages=(IDENTITY_MISMATCH,),
    examples=(
        Example(
            "given name first",
            {"person": PERSON, "bank_cards": [{"name_on_file": "JOHN MICHAEL SMITH"}]},
            "confirmed",
        ),
        Example(
            "a misspelt surname",
            {"person": PERSON, "bank_cards": [{"name_on_file": "SMYTH JOHN MICHAEL"}]},
            "confirmed",
        ),
        Example(
            "middle name left out: allowed",
            {"person": PERSON, "bank_cards": [{"name_on_file": "SMITH JOHN"}]},
            None,
        ),
        Example(
            "case and spacing only",
            {"person": PERSON, "bank_cards": [{"name_on_file": " smith  john michael"}]},
            None,
        ),
        Example(
            "passport name unknown",
            {"bank_cards": [{"name_on_file": "JOHN SMITH"}]},
            None,
        ),
        Example(
            "the message speaks of identity information, no card listed",
            {"symptom": {"error_message": "身份信息不一致"}},
            "suspected",
        ),
        Example(
            "the message, and a card whose name on file is not known",
            {"symptom": {"error_message": "身份信息不一致"}, "bank_cards": [{"bank": "ICBC"}]},
            "suspected",
        ),
    ),
)
