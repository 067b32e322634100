from engine.rules import Cause, Example, FixStep, copies, derived, fact, unknown, when

NOT_OK = ("cannot_be_verified", "unresponsive", "not_linked")

CAUSE = Cause(
    id="middle-name-variant",
    layer="alipay",
    title="The bank holds your name with or without a middle name, unlike what you typed",
    explanation=(
        "Some bank systems cut long names, so the bank may hold your name without the"
        " middle name (or with it) while you type the other form."
    ),
    guide=(
        "If you have a middle name, try both including it and excluding it, as some legacy"
        " Chinese banking systems struggle with long strings of characters."
    ),
    fixes=(
        FixStep(
            "Alipay app, card linking",
            "Link the card again, typing your name both with and without the middle name.",
            effects=(copies("bank_cards[].name_entered", "bank_cards[].name_on_file"),),
        ),
    ),
    after=("card-name-syntax",),
    confirmed=(when(fact("bank_cards[].status", *NOT_OK), derived("card.middle_name_variant")),),
    suspected=(
        when(
            derived("person.has_middle_name"),
            fact("bank_cards[].status", "cannot_be_verified"),
            unknown("bank_cards[].name_on_file"),
        ),
    ),
    examples=(
        Example(
            "typed with the middle name, the bank has none",
            {
                "bank_cards": [
                    {
                        "name_entered": "SMITH JOHN MICHAEL",
                        "name_on_file": "SMITH JOHN",
                        "status": "cannot_be_verified",
                    }
                ]
            },
            "confirmed",
        ),
        Example(
            "a middle name, the card fails, the bank's name unknown",
            {
                "person": {"surname": "SMITH", "given_names": "JOHN MICHAEL"},
                "bank_cards": [{"status": "cannot_be_verified"}],
            },
            "suspected",
        ),
        Example(
            "same name, different case",
            {
                "bank_cards": [
                    {
                        "name_entered": "smith john michael",
                        "name_on_file": "SMITH JOHN MICHAEL",
                        "status": "cannot_be_verified",
                    }
                ]
            },
            None,
        ),
        Example(
            "no middle name",
            {
                "person": {"surname": "SMITH", "given_names": "JOHN"},
                "bank_cards": [{"status": "cannot_be_verified"}],
            },
            None,
        ),
    ),
)
