from engine.normalise import leaves_out_middle_names, name_words
from engine.personal import Text
from engine.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Observation,
    Outcome,
    Place,
    copies,
    derived,
    when,
)
from engine.wording import Wording
from knowledge._messages import IDENTITY_MISMATCH
from knowledge._observing import card_words, name_datum, passport_name

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


_SAID = Wording(
    en="For {card} your bank holds the name {0}; your passport has {1}.",
    zh="{card}：银行登记的姓名是 {0}；你的护照上是 {1}。",
)


CARD_NAME_DIFFERS = Observation(
    "card.name_differs",
    Wording(
        en="the bank's card-holder name differs from the passport beyond middle names",
        zh="银行登记的持卡人姓名与护照不一致（不只是少了中间名）",
    ),
    ("bank_cards[].name_on_file", "person.surname", "person.given_names"),
    _bank_name_differs,
)


CAUSE = Cause(
    id="bank-name-mismatch",
    layer="bank",
    title=Wording(
        en="Your bank holds your name differently from your passport",
        zh="银行登记的姓名与护照不一致",
    ),
    explanation=Wording(
        en="The name on your bank account must match your passport; a different word order"
        " or spelling makes every later identity check fail.",
        zh="银行账户上的姓名必须与护照完全一致；顺序或拼写不同，之后的每一次身份核验都会失败。",
    ),
    source=(
        "By ensuring that the name on your bank card matches your passport record exactly"
        " as stored in the national database, you can eliminate the vast majority of"
        " transaction blocks."
    ),
    fixes=(
        FixStep(
            Wording(en="bank branch", zh="银行网点"),
            Wording(
                en="Ask the bank to record your name exactly as in your passport, SURNAME GIVEN"
                " NAMES.",
                zh="请银行按护照上的写法登记你的姓名：姓在前、名在后，与护照完全一致。",
            ),
            place=Place.BANK_BRANCH,
            say=Wording(
                zh="您好，请帮我把账户上的姓名改成与护照上的完全一致（姓在前，名在后）。",
                en="Hello, please change the name on my account to match my passport exactly"
                " (surname first, then given names).",
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
