"""The two wallets, Alipay and WeChat Pay, as the per-wallet causes name them.

A per-wallet cause is written once, as a function of a `Wallet`, and its unit
defines one variant per wallet (`CAUSES = tuple(cause(w) for w in WALLETS)`):
the same id, the wallet's layer, its own facts and its own fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.authoring.rules import (
    UNKNOWN,
    Case,
    CauseKey,
    Outcome,
    Test,
    concluded,
    fact,
    unknown,
)
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._facts.places import PLACES


@dataclass(frozen=True)
class Wallet:
    layer: str
    """The key of its layer (knowledge/layers.py)."""
    name: Wording
    """As a person calls it, in each language (支付宝, 微信支付)."""
    where: tuple[str, ...]
    """The `symptom.where` values that say a failure is in this wallet."""
    identity_menu: Wording
    """Where the wallet keeps the person's identity, as the app's menus name it."""
    home: Wording
    """Where the wallet shows its notices and messages."""
    account: Wording
    """Where the wallet shows the account's settings (its phone number)."""
    balance: Wording
    """Where the wallet shows its balance."""
    app: Wording
    """The app a person opens to use the wallet (WeChat Pay is inside WeChat)."""
    hotline: str
    identity_cause: str
    """The cause that its identity record holds an old passport."""

    @property
    def facts(self) -> str:
        """The section of the facts that holds this wallet's records."""
        return self.layer

    def path(self, field: str) -> str:
        return f"{self.facts}.{field}"

    def key(self, cause_id: str) -> CauseKey:
        """The key of this wallet's variant of a per-wallet cause."""
        return CauseKey(cause_id, self.layer)

    @property
    def card_linking(self) -> Wording:
        """Where a bank card is linked in this wallet, as a fix step names the place."""
        return Wording("{app}, card linking").format(app=self.app)

    @property
    def in_scope(self) -> Test:
        """The wallet is where the failure is, or is in use: its causes may be suspected."""
        return concluded(f"{self.facts}.in_scope")


ALIPAY = Wallet(
    "alipay",
    Wording("Alipay"),
    ("alipay", "bank_card_link"),
    Wording(
        "Alipay: Account > Settings > Account and Security > Identity Information"
        " (支付宝：我的 > 设置 > 账号与安全 > 身份信息)"
    ),
    Wording("Alipay's home screen and messages."),
    Wording("Alipay: Account > Settings > Account and Security."),
    Wording("Alipay: Account > Balance."),
    Wording("Alipay app"),
    "95188",
    "alipay-identity-outdated",
)
WECHAT_PAY = Wallet(
    "wechat_pay",
    Wording("WeChat Pay"),
    ("wechat_pay", "wechat_pay_card_link"),
    Wording(
        "WeChat: Me > Pay and Services > Wallet > Identity Information"
        " (微信：我 > 服务 > 钱包 > 身份信息)"
    ),
    Wording("WeChat: Me > Pay and Services, and messages from WeChat Pay."),
    Wording("WeChat: Me > Settings > Account Security."),
    Wording("WeChat: Me > Pay and Services > Wallet > Balance."),
    Wording("WeChat app"),
    "95017",
    "wechat-identity-outdated",
)
WALLETS = (ALIPAY, WECHAT_PAY)


NOT_AT_THE_BANK = fact("symptom.where", *(p for p in PLACES if p != "bank"), UNKNOWN)
"""A failure not at the bank itself: only there does a card whose wallet is not said count as
Alipay's (facts-v3: at an ATM or a counter no wallet is involved unless a wallet field says so)."""


def card_linked_in(wallet: Wallet) -> tuple[tuple[Test, ...], ...]:
    """Alternative tests that a bank card is linked in `wallet` (no wallet given: Alipay's)."""
    linked = (fact("bank_cards[].wallet", wallet.layer, "both"),)
    if wallet is ALIPAY:
        return (linked, (unknown("bank_cards[].wallet"), NOT_AT_THE_BANK))
    return (linked,)


NOTHING_ASKED = Wording("The wallet asks for nothing more.")


def list_not_empty(path: str, said: Wording):
    """Whether the list at `path` holds anything (a known empty list is "no"); `said` names
    what it holds (`{0}`)."""

    def evaluate(case: Case, card: int | None) -> Outcome:
        items = case.get(path)
        if items is None:
            return Outcome(None, unknown_paths=(path,))
        if not items:
            return Outcome(False, Text(NOTHING_ASKED))
        return Outcome(True, Text(said, (Datum(", ".join(i.replace("_", " ") for i in items)),)))

    return evaluate
