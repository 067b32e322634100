"""Reading the foreign cards: which wallet a card is linked in, and which of them fail.

`foreign_cards` is a list the rules do not match card by card (the per-card
machinery is the Chinese bank cards'), so observations look through it.
"""

from __future__ import annotations

from engine.authoring.rules import Case, Outcome
from engine.facts.model import SectionModel
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._facts.foreign_cards import NETWORK


def cards(case: Case) -> tuple[SectionModel, ...]:
    return tuple(case.facts.foreign_cards or ())


def linked_in(card: SectionModel, wallet: str) -> bool:
    """Linked in `wallet`: a card whose wallet is not given is Alipay's, as bank cards are."""
    return (card.wallet or "alipay") in (wallet, "both")


def described(index: int, card: SectionModel) -> Wording:
    """How evidence names a foreign card: its number, its network as the logo names it
    ("Visa"; "another network" names none) and its last digits, when known."""
    number, last4 = index + 1, card.last4
    choice = NETWORK.ask.choices.get(card.network) if card.network != "other" else None
    if choice and last4:
        said = _CARD_NETWORK_ENDING
    elif choice:
        said = _CARD_NETWORK
    else:
        said = _CARD_ENDING if last4 else _CARD
    return said.format(number=number, network=choice.label if choice else "", last4=last4 or "")


_CARD = Wording("foreign card {number}")
_CARD_ENDING = Wording("foreign card {number}, ending {last4}")
_CARD_NETWORK = Wording("foreign card {number} ({network})")
_CARD_NETWORK_ENDING = Wording("foreign card {number} ({network}, ending {last4})")


_HAS_STATUS = Wording("Your {card} shows: {status}.")
STATUS_WORDS = {
    "ok": Wording("it works"),
    "declined": Wording("declined"),
    "blocked_by_issuer": Wording("blocked by its issuer"),
    "verification_failed": Wording("its verification failed"),
    "not_accepted": Wording("not accepted"),
}

_NONE_LISTED = Wording("No foreign card is listed.")
_NONE_WITH = Wording("No foreign card shows: {0}.")
_LINKED = Wording("Your {card} is linked in {wallet}.")
_NONE_LINKED = Wording("No foreign card is listed as linked in {wallet}.")


def any_with_status(*statuses: str):
    """Whether a foreign card has one of `statuses`; false when none listed does."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        for index, foreign in enumerate(cards(case)):
            if foreign.status in statuses:
                said = _HAS_STATUS.format(
                    card=described(index, foreign), status=STATUS_WORDS[foreign.status]
                )
                return Outcome(True, Text(said))
        if case.facts.foreign_cards is None:
            return Outcome(None, unknown_paths=("foreign_cards",))
        if not cards(case):
            return Outcome(False, Text(_NONE_LISTED))
        # A card whose status is not known could be the failing one: an answer decides it.
        open_paths = tuple(
            f"foreign_cards[{index}].status"
            for index, foreign in enumerate(cards(case))
            if foreign.status is None
        )
        if open_paths:
            return Outcome(None, unknown_paths=open_paths)
        return Outcome(False, Text(_NONE_WITH, (Datum(" / ".join(map(_words, statuses))),)))

    return evaluate


def has_foreign_card(wallet: Wording, layer: str):
    """Whether a foreign card is linked in the wallet of `layer` (named `wallet`)."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        for index, foreign in enumerate(cards(case)):
            if linked_in(foreign, layer):
                said = _LINKED.format(card=described(index, foreign), wallet=wallet)
                return Outcome(True, Text(said))
        if case.facts.foreign_cards is None:
            return Outcome(None, unknown_paths=("foreign_cards",))
        return Outcome(False, Text(_NONE_LINKED.format(wallet=wallet)))

    return evaluate


def _words(value: str) -> str:
    return value.replace("_", " ")
