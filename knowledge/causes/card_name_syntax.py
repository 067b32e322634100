import re

from engine.authoring.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Observation,
    Outcome,
    concluded,
    derived,
    tidies,
    when,
)
from engine.facts import personal
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._messages import CARD_NOT_VERIFIED, NAME_MISMATCH, name_mismatch_examples
from knowledge._observing import card_words
from knowledge._wallets import ALIPAY, WALLETS, Wallet, card_linked_in
from knowledge._where import Where

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
    per_card=True,
)


def _cause(wallet: Wallet) -> Cause:
    linked = {"wallet": wallet.facts}
    return Cause(
        id="card-name-syntax",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording("The name typed when linking the card is not in the bank's format"),
        explanation=Wording(
            "Bank systems compare the typed name character by character: lower-case letters"
            " or extra spaces make the card fail verification."
        ),
        source=(
            "Often, the bank requires your name to be entered in uppercase letters without"
            " extra spaces. Read 2026-12, WeChat Pay's card link compares the name too:"
            " zhizuchangle.hatenablog.com/entry/2019/12/24/070126 (a Bank of China card refused"
            " in WeChat because the name and details differ from the bank's);"
            " shenzhen-fan.com/news-2021-11-17-how-to-fix-that-big-wechat-pay-issue (the name"
            " registered in WeChat differing from the bank's blocks payments)."
        ),
        sources_read="2026-12",
        fixes=(
            FixStep(
                wallet.card_linking,
                Wording("Type the name in upper case with single spaces, e.g. SMITH JOHN."),
                place=Where.APP,
                effects=(tidies("bank_cards[].name_entered"),),
            ),
        ),
        # The name typed when linking a card follows the one in Identity Information.
        after=("alipay-name-format",) if wallet is ALIPAY else (),
        scope=(wallet.in_scope,),
        confirmed=tuple(
            when(*linked_in, concluded("card.fails"), derived("card.name_entered_malformed"))
            for linked_in in card_linked_in(wallet)
        ),
        observations=(CARD_NAME_ENTERED_MALFORMED,),
        messages=(CARD_NOT_VERIFIED, NAME_MISMATCH),
        examples=(
            Example(
                "lower case",
                {
                    "bank_cards": [
                        {**linked, "name_entered": "Smith John", "status": "cannot_be_verified"}
                    ]
                },
                "confirmed",
            ),
            Example(
                "a double space",
                {"bank_cards": [{**linked, "name_entered": "SMITH  JOHN", "status": "not_linked"}]},
                "confirmed",
            ),
            Example(
                "well formed",
                {
                    "bank_cards": [
                        {**linked, "name_entered": "SMITH JOHN", "status": "cannot_be_verified"}
                    ]
                },
                None,
            ),
            Example(
                "lower case but the card works",
                {"bank_cards": [{**linked, "name_entered": "smith john", "status": "ok"}]},
                None,
            ),
            Example(
                "lower case, the card linked in the other wallet",
                {
                    "bank_cards": [
                        {
                            "wallet": "wechat_pay" if wallet is ALIPAY else "alipay",
                            "name_entered": "Smith John",
                            "status": "cannot_be_verified",
                        }
                    ]
                },
                None,
            ),
            Example(
                "the card cannot be verified: one card typed in lower case, another failing",
                {
                    "symptom": {
                        "where": wallet.where[1],
                        "error_message": "This card cannot be verified",
                    },
                    "bank_cards": [
                        {**linked, "name_entered": "smith john"},
                        {**linked, "status": "cannot_be_verified"},
                    ],
                },
                "suspected",
            ),
            *name_mismatch_examples(wallet.where[1], alipay=len(card_linked_in(wallet)) > 1),
            *(
                [
                    Example(
                        "a card with no wallet given is Alipay's",
                        {"bank_cards": [{"name_entered": "Smith John", "status": "unresponsive"}]},
                        "confirmed",
                    ),
                    Example(
                        "typed in lower case, whether the card fails not said",
                        {
                            "symptom": {"where": "alipay", "error_message": "名称不一致"},
                            "bank_cards": [{"name_entered": "Smith John"}],
                        },
                        "suspected",
                    ),
                ]
                if len(card_linked_in(wallet)) > 1
                else []
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
