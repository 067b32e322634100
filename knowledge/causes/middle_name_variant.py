from engine.authoring.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Observation,
    Outcome,
    concluded,
    copies,
    derived,
    fact,
    unknown,
    when,
)
from engine.facts.normalise import leaves_out_middle_names, name_words
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._messages import CARD_NOT_VERIFIED, NAME_MISMATCH, name_mismatch_examples
from knowledge._observing import card_words, name_datum
from knowledge._wallets import WALLETS, Wallet, card_linked_in
from knowledge._where import Where


def _has_middle_name(case: Case, card: int | None) -> Outcome:
    given = case.get("person.given_names")
    if given is None:
        return Outcome(None, unknown_paths=("person.given_names",))
    words = name_words(given)
    said = _GIVEN_NAMES if len(words) >= 2 else _ONE_GIVEN_NAME
    return Outcome(len(words) >= 2, Text(said, (name_datum(words), Datum(str(len(words))))))


_GIVEN_NAMES = Wording("Your given names are {0}: {1} names, so a middle name is among them.")
_ONE_GIVEN_NAME = Wording("Your given name is {0}: no middle name.")


def _middle_name_variant(case: Case, card: int | None) -> Outcome:
    missing = case.missing(card, "bank_cards[].name_entered", "bank_cards[].name_on_file")
    if missing:
        return Outcome(None, unknown_paths=missing)
    entered = name_words(case.get("bank_cards[].name_entered", card))
    on_file = name_words(case.get("bank_cards[].name_on_file", card))
    variant = leaves_out_middle_names(entered, on_file) or leaves_out_middle_names(on_file, entered)
    said = _TYPED_AND_HELD.format(card=card_words(case, card))
    return Outcome(variant, Text(said, (name_datum(entered), name_datum(on_file))))


_TYPED_AND_HELD = Wording("For {card} you typed the name {0}; your bank holds {1}.")


HAS_MIDDLE_NAME = Observation(
    "person.has_middle_name",
    Wording("the given names include a middle name"),
    ("person.given_names",),
    _has_middle_name,
)
CARD_MIDDLE_NAME_VARIANT = Observation(
    "card.middle_name_variant",
    Wording("the typed name and the bank's name differ only by a middle name"),
    ("bank_cards[].name_entered", "bank_cards[].name_on_file"),
    _middle_name_variant,
    per_card=True,
)


def _cause(wallet: Wallet) -> Cause:
    linked = {"wallet": wallet.facts}
    return Cause(
        id="middle-name-variant",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording(
            "The bank holds your name with or without a middle name, unlike what you typed"
        ),
        explanation=Wording(
            "Some bank systems cut long names, so the bank may hold your name without the"
            " middle name (or with it) while you type the other form."
        ),
        source=(
            "If you have a middle name, try both including it and excluding it, as some legacy"
            " Chinese banking systems struggle with long strings of characters. Read 2026-12:"
            " shenzhen-fan.com/news-2021-11-17-how-to-fix-that-big-wechat-pay-issue (WeChat"
            " Pay's names differing from the bank's, above all for people with a middle name)."
        ),
        sources_read="2026-12",
        fixes=(
            FixStep(
                wallet.card_linking,
                Wording(
                    "Link the card again, typing your name both with and without the middle name."
                ),
                place=Where.APP,
                effects=(copies("bank_cards[].name_entered", "bank_cards[].name_on_file"),),
            ),
        ),
        after=("card-name-syntax",),
        scope=(wallet.in_scope,),
        confirmed=tuple(
            when(*linked_in, concluded("card.fails"), derived("card.middle_name_variant"))
            for linked_in in card_linked_in(wallet)
        ),
        suspected=tuple(
            when(
                *linked_in,
                derived("person.has_middle_name"),
                fact("bank_cards[].status", "cannot_be_verified"),
                unknown("bank_cards[].name_on_file"),
            )
            for linked_in in card_linked_in(wallet)
        ),
        observations=(HAS_MIDDLE_NAME, CARD_MIDDLE_NAME_VARIANT),
        messages=(CARD_NOT_VERIFIED, NAME_MISMATCH),
        examples=(
            Example(
                "typed with the middle name, the bank has none",
                {
                    "bank_cards": [
                        {
                            **linked,
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
                    "bank_cards": [{**linked, "status": "cannot_be_verified"}],
                },
                "suspected",
            ),
            Example(
                "same name, different case",
                {
                    "bank_cards": [
                        {
                            **linked,
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
                    "bank_cards": [{**linked, "status": "cannot_be_verified"}],
                },
                None,
            ),
            Example(
                "the middle name left out, the card linked in the other wallet",
                {
                    "bank_cards": [
                        {
                            "wallet": "wechat_pay" if wallet.facts == "alipay" else "alipay",
                            "name_entered": "SMITH JOHN",
                            "name_on_file": "SMITH JOHN MICHAEL",
                            "status": "cannot_be_verified",
                        }
                    ]
                },
                None,
            ),
            Example(
                "the card cannot be verified: one name without the middle name, another card"
                " failing",
                {
                    "symptom": {"where": wallet.where[1], "error_message": "could not be verified"},
                    "bank_cards": [
                        {**linked, "name_entered": "SMITH JOHN", "name_on_file": "SMITH JOHN M"},
                        {**linked, "status": "cannot_be_verified"},
                    ],
                },
                "suspected",
            ),
            *name_mismatch_examples(wallet.where[1], alipay=len(card_linked_in(wallet)) > 1),
            *(
                [
                    Example(
                        "a middle name, a failing card whose wallet is not said",
                        {
                            "person": {"surname": "SMITH", "given_names": "JOHN MICHAEL"},
                            "bank_cards": [{"status": "cannot_be_verified"}],
                        },
                        "suspected",
                    ),
                    Example(
                        "the middle name left out, whether the card fails not said",
                        {
                            "symptom": {"where": "alipay", "error_message": "name mismatch"},
                            "bank_cards": [
                                {"name_entered": "SMITH JOHN", "name_on_file": "SMITH JOHN MICHAEL"}
                            ],
                        },
                        "suspected",
                    ),
                    Example(
                        "a card with no wallet given is Alipay's",
                        {
                            "bank_cards": [
                                {
                                    "name_entered": "SMITH JOHN MICHAEL",
                                    "name_on_file": "SMITH JOHN",
                                    "status": "unresponsive",
                                }
                            ]
                        },
                        "confirmed",
                    ),
                    Example(
                        "the card cannot be verified, no card listed",
                        {"symptom": {"error_message": "无法验证"}},
                        "suspected",
                    ),
                ]
                if len(card_linked_in(wallet)) > 1
                else []
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
