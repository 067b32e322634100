from engine.rules import Cause, Example, FixStep, derived, fact, tidies, when

NOT_OK = ("cannot_be_verified", "unresponsive", "not_linked")

CAUSE = Cause(
    id="card-name-syntax",
    layer="alipay",
    title="The name typed when linking the card is not in the bank's format",
    explanation=(
        "Bank systems compare the typed name character by character: lower-case letters"
        " or extra spaces make the card fail verification."
    ),
    guide=(
        "Often, the bank requires your name to be entered in uppercase letters without"
        " extra spaces."
    ),
    fixes=(
        FixStep(
            "Alipay app, card linking",
            "Type the name in upper case with single spaces, e.g. SMITH JOHN.",
            effects=(tidies("bank_cards[].name_entered"),),
        ),
    ),
    confirmed=(when(fact("bank_cards[].status", *NOT_OK), derived("card.name_entered_malformed")),),
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
    ),
)
