from engine.rules import Cause, Example, FixStep, copies, derived, when

PERSON = {"surname": "SMITH", "given_names": "JOHN MICHAEL"}

CAUSE = Cause(
    id="bank-name-mismatch",
    layer="bank",
    title="Your bank holds your name differently from your passport",
    explanation=(
        "The name on your bank account must match your passport; a different word order"
        " or spelling makes every later identity check fail."
    ),
    guide=(
        "By ensuring that the name on your bank card matches your passport record exactly"
        " as stored in the national database, you can eliminate the vast majority of"
        " transaction blocks."
    ),
    fixes=(
        FixStep(
            "bank branch",
            "Ask the bank to record your name exactly as in your passport, SURNAME GIVEN NAMES.",
            effects=(
                copies("bank_cards[].name_on_file", ("person.surname", "person.given_names")),
            ),
        ),
    ),
    confirmed=(when(derived("card.name_differs")),),
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
    ),
)
