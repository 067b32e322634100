"""Reading the foreign cards: which wallet a card is linked in, and which of them fail.

`foreign_cards` is a list the rules do not match card by card (the per-card
machinery is the Chinese bank cards'), so observations look through it.
"""

from __future__ import annotations

from engine.facts import ForeignCard
from engine.personal import Text
from engine.rules import Case, Outcome


def cards(case: Case) -> tuple[ForeignCard, ...]:
    return tuple(case.facts.foreign_cards or ())


def linked_in(card: ForeignCard, wallet: str) -> bool:
    """Linked in `wallet`: a card whose wallet is not given is Alipay's, as bank cards are."""
    return (card.wallet or "alipay") in (wallet, "both")


def described(index: int, card: ForeignCard) -> str:
    network = card.network or "card"
    ending = f" ending {card.last4}" if card.last4 else ""
    return f"foreign_cards[{index}] ({network}{ending})"


def any_with_status(*statuses: str):
    """Whether a foreign card has one of `statuses`; false when none listed does."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        for index, foreign in enumerate(cards(case)):
            if foreign.status in statuses:
                return Outcome(True, Text(f"{described(index, foreign)} is {foreign.status}"))
        if case.facts.foreign_cards is None:
            return Outcome(None, unknown_paths=("foreign_cards",))
        if not cards(case):
            return Outcome(False, Text("no foreign card is listed"))
        # A card whose status is not known could be the failing one: an answer decides it.
        open_paths = tuple(
            f"foreign_cards[{index}].status"
            for index, foreign in enumerate(cards(case))
            if foreign.status is None
        )
        if open_paths:
            return Outcome(None, unknown_paths=open_paths)
        return Outcome(False, Text(f"no foreign card is {' or '.join(statuses)}"))

    return evaluate


def has_foreign_card(wallet: str):
    def evaluate(case: Case, card: int | None) -> Outcome:
        for index, foreign in enumerate(cards(case)):
            if linked_in(foreign, wallet):
                return Outcome(True, Text(f"{described(index, foreign)} is linked in {wallet}"))
        if case.facts.foreign_cards is None:
            return Outcome(None, unknown_paths=("foreign_cards",))
        return Outcome(False, Text(f"no foreign card is listed as linked in {wallet}"))

    return evaluate
