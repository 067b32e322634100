import unicodedata

from engine.authoring.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Observation,
    Outcome,
    concluded,
    derived,
    fact,
    forgets,
    when,
)
from engine.facts import personal
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._wallets import WALLETS, Wallet, card_linked_in
from knowledge._where import Where


def _not_latin(wallet: Wallet):
    """Whether the wallet's home address holds letters of another script than the Latin one."""
    path = wallet.path("identity.address")
    said_other = Wording(
        "{wallet}'s identity information has the address “{0}”, with {1} letters."
    ).format(wallet=wallet.name)
    said_latin = Wording(
        "{wallet}'s identity information has the address “{0}”, in Latin letters."
    ).format(wallet=wallet.name)

    def evaluate(case: Case, card: int | None) -> Outcome:
        address = case.get(path)
        if address is None:
            return Outcome(None, unknown_paths=(path,))
        scripts = sorted(
            {
                unicodedata.name(ch, "").split(" ")[0]
                for ch in address
                if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN")
            }
        )
        shown = Datum(address, personal.ADDRESS)
        if scripts:
            words = Datum(", ".join(script.title() for script in scripts))
            return Outcome(True, Text(said_other, (shown, words)))
        return Outcome(False, Text(said_latin, (shown,)))

    return evaluate


def _cause(wallet: Wallet) -> Cause:
    not_latin = Observation(
        f"{wallet.facts}.address_not_latin",
        Wording(
            "the home address in {wallet}'s Identity Information is not in Latin letters"
        ).format(wallet=wallet.name),
        (wallet.path("identity.address"),),
        _not_latin(wallet),
    )
    fails_here = fact("symptom.where", *wallet.where)
    return Cause(
        id="identity-address-script",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording("Your home address in {wallet} is not in Latin letters").format(
            wallet=wallet.name
        ),
        explanation=Wording(
            "{wallet} verifies a foreigner's address in Latin letters; one typed in"
            " Hangul, kana, Chinese characters or Cyrillic makes the verification or the card"
            " link fail."
        ).format(wallet=wallet.name),
        source="Address typed in Korean refused: moneytree.tistory.com/1353",
        fixes=(
            FixStep(
                wallet.app,
                Wording("Type your home address in English (Latin) letters in {menu}.").format(
                    menu=wallet.identity_menu
                ),
                effects=(forgets(wallet.path("identity.address")),),
                place=Where.APP,
            ),
        ),
        confirmed=(
            when(derived(not_latin.name), fails_here),
            *(
                when(derived(not_latin.name), *linked, concluded("card.fails"))
                for linked in card_linked_in(wallet)
            ),
        ),
        observations=(not_latin,),
        examples=(
            Example(
                "an address in Hangul, the wallet fails",
                {
                    wallet.facts: {"identity": {"address": "서울특별시 강남구 테헤란로 1"}},
                    "symptom": {"where": wallet.where[0]},
                },
                "confirmed",
                evidence=("with Hangul letters",),
            ),
            Example(
                "an address in kana, a card linked in the wallet fails",
                {
                    wallet.facts: {"identity": {"address": "とうきょう 1-2-3"}},
                    "bank_cards": [{"wallet": wallet.facts, "status": "cannot_be_verified"}],
                },
                "confirmed",
            ),
            *(
                [
                    Example(
                        "an address in Cyrillic, a card with no wallet given fails",
                        {
                            "alipay": {"identity": {"address": "Москва, ул. Тверская 1"}},
                            "bank_cards": [{"status": "unresponsive"}],
                        },
                        "confirmed",
                    )
                ]
                if len(card_linked_in(wallet)) > 1
                else []
            ),
            Example(
                "the address in Latin letters",
                {
                    wallet.facts: {"identity": {"address": "1 Teheran-ro, Seoul"}},
                    "symptom": {"where": wallet.where[0]},
                },
                None,
            ),
            Example(
                "Hangul, but nothing fails",
                {wallet.facts: {"identity": {"address": "서울특별시 강남구 테헤란로 1"}}},
                None,
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
