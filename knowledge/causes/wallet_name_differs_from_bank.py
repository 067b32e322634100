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
    when,
)
from engine.facts.normalise import leaves_out_middle_names, name_words
from engine.facts.personal import Text
from engine.text.wording import Wording
from knowledge._observing import card_words, name_datum
from knowledge._wallets import WALLETS, Wallet, card_linked_in
from knowledge._where import Where

_SAID = Wording("{wallet}'s identity information has the name {0}; for {card} your bank holds {1}.")


def _differs(wallet: Wallet):
    """The wallet's identity name against the card's name on file (middle names may be left out)."""
    path = wallet.path("identity.name")

    def evaluate(case: Case, card: int | None) -> Outcome:
        missing = case.missing(card, path, "bank_cards[].name_on_file")
        if missing:
            return Outcome(None, unknown_paths=missing)
        own = name_words(case.get(path))
        bank = name_words(case.get("bank_cards[].name_on_file", card))
        same = own == bank or leaves_out_middle_names(own, bank)
        same = same or leaves_out_middle_names(bank, own)
        said = _SAID.format(wallet=wallet.name, card=card_words(case, card))
        return Outcome(not same, Text(said, (name_datum(own), name_datum(bank))))

    return evaluate


def _cause(wallet: Wallet) -> Cause:
    differs = Observation(
        f"card.{wallet.facts}_name_differs",
        Wording("{wallet}'s identity name differs from the bank's name for the card").format(
            wallet=wallet.name
        ),
        (wallet.path("identity.name"), "bank_cards[].name_on_file"),
        _differs(wallet),
        per_card=True,
    )
    return Cause(
        id="wallet-name-differs-from-bank",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording("{wallet} holds your name differently from your bank").format(
            wallet=wallet.name
        ),
        explanation=Wording(
            "When a card is linked, {wallet} checks the name it verified against the"
            " name the bank holds; another word order or spelling makes the card fail."
        ).format(wallet=wallet.name),
        source="Wallet name differs from the bank's: thatsmags.com/china/post/33662",
        fixes=(
            FixStep(
                wallet.app,
                Wording(
                    "Verify {wallet} again with your name exactly as the bank holds it: the"
                    " same order, spelling and spaces ({menu})."
                ).format(wallet=wallet.name, menu=wallet.identity_menu),
                effects=(copies(wallet.path("identity.name"), "bank_cards[].name_on_file"),),
                place=Where.APP,
            ),
        ),
        after=("bank-name-mismatch",),
        confirmed=tuple(
            when(*linked, concluded("card.fails"), derived(differs.name))
            for linked in card_linked_in(wallet)
        ),
        observations=(differs,),
        examples=(
            Example(
                "the wallet has the given name first, the card fails",
                {
                    wallet.facts: {"identity": {"name": "JOHN SMITH"}},
                    "bank_cards": [
                        {
                            "wallet": wallet.facts,
                            "name_on_file": "SMITH JOHN",
                            "status": "cannot_be_verified",
                        }
                    ],
                },
                "confirmed",
            ),
            *(
                [
                    Example(
                        "a card with no wallet given is Alipay's",
                        {
                            "alipay": {"identity": {"name": "JOHN SMITH"}},
                            "bank_cards": [
                                {"name_on_file": "SMITH JOHN", "status": "unresponsive"}
                            ],
                        },
                        "confirmed",
                    )
                ]
                if len(card_linked_in(wallet)) > 1
                else []
            ),
            Example(
                "only a middle name left out",
                {
                    wallet.facts: {"identity": {"name": "SMITH JOHN"}},
                    "bank_cards": [
                        {
                            "wallet": wallet.facts,
                            "name_on_file": "SMITH JOHN MICHAEL",
                            "status": "cannot_be_verified",
                        }
                    ],
                },
                None,
            ),
            Example(
                "the card works",
                {
                    wallet.facts: {"identity": {"name": "JOHN SMITH"}},
                    "bank_cards": [
                        {"wallet": wallet.facts, "name_on_file": "SMITH JOHN", "status": "ok"}
                    ],
                },
                None,
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
