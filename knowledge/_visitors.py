"""Reading a visitor's payment (causes-v3): which wallet a foreign card pays in, whether a
foreign card funded the payment, the amount in yuan, the card's network and country.

Each observation is three-valued, as in `_observing.py`: `Outcome(None, ...)` names
the facts an answer would settle it with.
"""

from __future__ import annotations

from engine.authoring.rules import Case, Outcome
from engine.facts.model import SectionModel
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._foreign import STATUS_WORDS, cards, described

FAILING = ("declined", "blocked_by_issuer", "verification_failed", "not_accepted")
SUPPORTED_NETWORKS = ("visa", "mastercard", "jcb", "diners", "discover", "amex", "unionpay")
"""The networks the wallets take for foreign cards (read 2026-12; American Express at fewer
merchants)."""
UNSUPPORTED_NETWORKS = ("mir", "rupay", "elo", "other")
REFUSED_COUNTRIES = ("RU",)
"""Countries whose cards the networks or Chinese acquirers refuse: Visa and Mastercard cards
issued in Russia stopped working abroad in March 2022, and Russian-issued UnionPay cards were
refused by most shops and ATMs in China in 2023."""


def wallet_of(card: SectionModel, case: Case) -> str:
    """The wallet a foreign card pays in: its own, else the one the symptom names, else
    Alipay (as facts-v1 takes a card whose wallet is not given)."""
    symptom = case.facts.symptom
    return card.wallet or (symptom.wallet if symptom and symptom.wallet else None) or "alipay"


def in_wallet(card: SectionModel, case: Case, wallet: str) -> bool:
    return wallet_of(card, case) in (wallet, "both")


_FAILS_IN = Wording("Your {card} fails in {wallet}: {status}.")
_NONE_FAILS_IN = Wording("No foreign card is listed as failing in {wallet}.")


def failing_in(wallet: str, name: Wording):
    """Whether a foreign card fails (declined, blocked, not verified, not accepted) in
    `wallet`; not known while a card there has no status."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        listed = cards(case)
        for index, foreign in enumerate(listed):
            if in_wallet(foreign, case, wallet) and foreign.status in FAILING:
                said = _FAILS_IN.format(
                    card=described(index, foreign), wallet=name, status=STATUS_WORDS[foreign.status]
                )
                return Outcome(True, Text(said))
        if case.facts.foreign_cards is None:
            return Outcome(None, unknown_paths=("foreign_cards",))
        open_paths = tuple(
            f"foreign_cards[{index}].status"
            for index, foreign in enumerate(listed)
            if foreign.status is None and in_wallet(foreign, case, wallet)
        )
        if open_paths:
            return Outcome(None, unknown_paths=open_paths)
        return Outcome(False, Text(_NONE_FAILS_IN.format(wallet=name)))

    return evaluate


_FUNDED = Wording("Your {card} paid in {wallet}, where no Chinese bank card is linked.")
_PAID_WITH = Wording("You paid with your {card} in {wallet}.")
_NOT_FUNDED = Wording("No failing payment was funded by a foreign card alone.")
WALLET_NAMES = {
    "alipay": Wording("Alipay"),
    "wechat_pay": Wording("WeChat Pay"),
    "both": Wording("Alipay and WeChat Pay"),
}


def foreign_funded(case: Case, card: int | None) -> Outcome:
    """Whether the failing payment was funded by a foreign card: a foreign card fails where the
    person paid with a foreign card, or in a wallet where no Chinese bank card is linked (none
    listed counts as none)."""
    bank_cards = case.facts.bank_cards or ()
    paid_by_card = case.get("symptom.where") == "foreign_card"
    open_paths: list[str] = []
    for index, foreign in enumerate(cards(case)):
        if foreign.status is None:
            open_paths.append(f"foreign_cards[{index}].status")
            continue
        if foreign.status not in FAILING:
            continue
        wallet = wallet_of(foreign, case)
        linked = [
            bank
            for bank in bank_cards
            if (bank.wallet or "alipay") in (wallet, "both") or wallet == "both"
        ]
        if paid_by_card:
            said = _PAID_WITH.format(card=described(index, foreign), wallet=WALLET_NAMES[wallet])
            return Outcome(True, Text(said))
        if not linked:
            said = _FUNDED.format(card=described(index, foreign), wallet=WALLET_NAMES[wallet])
            return Outcome(True, Text(said))
    if case.facts.foreign_cards is None:
        return Outcome(None, unknown_paths=("foreign_cards",))
    if open_paths:
        return Outcome(None, unknown_paths=tuple(open_paths))
    return Outcome(False, Text(_NOT_FUNDED))


FEE_FREE_CNY = 200
"""Foreign-card payments up to CNY 200 carry no service fee; above, 3 % (MOFCOM's guide of
2024-04-24, read 2026-12)."""
_OVER = Wording("The payment was CNY {0}: over CNY {1}.")
_NOT_OVER = Wording("The payment was CNY {0}: not over CNY {1}.")


def amount_over(limit: float):
    """Whether the failed payment's amount in yuan is over `limit`."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        amount = case.get("payment.amount_cny")
        if amount is None:
            return Outcome(None, unknown_paths=("payment.amount_cny",))
        said = _OVER if amount > limit else _NOT_OVER
        return Outcome(amount > limit, Text(said, (Datum(f"{amount:,g}"), Datum(f"{limit:,g}"))))

    return evaluate


_NETWORK = Wording("Your {card} is on the {0} network, which {wallet} does not take.")
_NETWORKS_TAKEN = Wording("Every foreign card in {wallet} is on a network it takes.")


def network_refused(wallet: str, name: Wording):
    """Whether a foreign card in `wallet` is on a network the wallets do not take."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        open_paths = []
        for index, foreign in enumerate(cards(case)):
            if not in_wallet(foreign, case, wallet):
                continue
            if foreign.network in UNSUPPORTED_NETWORKS:
                said = _NETWORK.format(card=described(index, foreign), wallet=name)
                return Outcome(True, Text(said, (Datum(foreign.network),)))
            if foreign.network is None:
                open_paths.append(f"foreign_cards[{index}].network")
        if case.facts.foreign_cards is None:
            return Outcome(None, unknown_paths=("foreign_cards",))
        if open_paths:
            return Outcome(None, unknown_paths=tuple(open_paths))
        return Outcome(False, Text(_NETWORKS_TAKEN.format(wallet=name)))

    return evaluate


_AMEX_REFUSED = Wording("Your {card} (American Express) is not accepted in {wallet}.")
_NO_AMEX_REFUSED = Wording("No American Express card is refused in {wallet}.")


def amex_refused(wallet: str, name: Wording):
    """Whether an American Express card in `wallet` is not accepted (fewer merchants take it)."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        for index, foreign in enumerate(cards(case)):
            if (
                in_wallet(foreign, case, wallet)
                and foreign.network == "amex"
                and foreign.status == "not_accepted"
            ):
                said = _AMEX_REFUSED.format(card=described(index, foreign), wallet=name)
                return Outcome(True, Text(said))
        if case.facts.foreign_cards is None:
            return Outcome(None, unknown_paths=("foreign_cards",))
        return Outcome(False, Text(_NO_AMEX_REFUSED.format(wallet=name)))

    return evaluate


_COUNTRY = Wording(
    "Your {card} was issued in {0} and fails: cards issued there are refused in China."
)
_COUNTRY_OK = Wording("No failing foreign card was issued in a country whose cards are refused.")


def refused_country(case: Case, card: int | None) -> Outcome:
    """Whether a failing foreign card was issued in a country whose cards are refused."""
    open_paths = []
    for index, foreign in enumerate(cards(case)):
        if foreign.status not in FAILING:
            continue
        if foreign.issuer_country in REFUSED_COUNTRIES:
            said = _COUNTRY.format(card=described(index, foreign))
            return Outcome(True, Text(said, (Datum(foreign.issuer_country),)))
        if foreign.issuer_country is None:
            open_paths.append(f"foreign_cards[{index}].issuer_country")
    if case.facts.foreign_cards is None:
        return Outcome(None, unknown_paths=("foreign_cards",))
    if open_paths:
        return Outcome(None, unknown_paths=tuple(open_paths))
    return Outcome(False, Text(_COUNTRY_OK))


_FOREIGN_NUMBER = Wording("Your mobile number is not a Chinese one.")
_CHINESE_NUMBER = Wording("Your mobile number is a Chinese one.")


def foreign_number(case: Case, card: int | None) -> Outcome:
    """Whether the phone's number is not a mainland Chinese one (+86)."""
    number = case.get("phone.number")
    if number is None:
        return Outcome(None, unknown_paths=("phone.number",))
    foreign = not str(number).startswith("+86")
    return Outcome(foreign, Text(_FOREIGN_NUMBER if foreign else _CHINESE_NUMBER))
