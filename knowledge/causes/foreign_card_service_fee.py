from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    derived,
    fact,
    forgets,
    unless_false,
    when,
)
from engine.text.wording import Wording
from knowledge._visitors import FEE_FREE_CNY
from knowledge._wallets import WALLETS, Wallet
from knowledge._where import Where

FEE_PERCENT = 3
"""The service fee on a foreign-card payment over CNY 200 (MOFCOM's guide of 2024-04-24)."""


def _cause(wallet: Wallet) -> Cause:
    failing = derived(f"{wallet.facts}.foreign_card_failing")
    return Cause(
        id="foreign-card-service-fee",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording(
            "A payment over CNY {limit} by foreign card carries a {fee} % fee in {wallet}"
        ).format(wallet=wallet.name, limit=FEE_FREE_CNY, fee=FEE_PERCENT),
        explanation=Wording(
            "Since 2024, {wallet} charges no fee on foreign-card payments up to CNY {limit}"
            " and {fee} % above; the app shows the fee to accept before it pays. A payment"
            " whose fee was not accepted, or a card that refuses the surcharge, fails."
        ).format(wallet=wallet.name, limit=FEE_FREE_CNY, fee=FEE_PERCENT),
        source=(
            "Official (read 2026-12): english.beijing.gov.cn, 'A guide to working and living in"
            " China ... mobile payment' (MOFCOM, 2024-04-24): no fee up to CNY 200, 3 % above"
        ),
        sources_read="2026-12",
        holds_from="2024-04-24",
        fixes=(
            FixStep(
                wallet.app,
                Wording(
                    "Accept the {fee} % service fee the app shows (payments up to CNY"
                    " {limit} have none), or pay the amount another way (split it, or cash);"
                    " if your card refuses the surcharge, that is your card issuer's rule: ask"
                    " it."
                ).format(fee=FEE_PERCENT, limit=FEE_FREE_CNY),
                effects=(forgets("payment.amount_cny"),),
                place=Where.APP,
            ),
        ),
        scope=(wallet.in_scope,),
        confirmed=(
            when(fact("payment.fee_notice", True), derived("payment.over_fee_free"), failing),
        ),
        suspected=(
            when(unless_false("payment.fee_notice"), derived("payment.over_fee_free"), failing),
        ),
        examples=(
            Example(
                "a hotel bill over CNY 200, the fee shown",
                {
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                    "payment": {"amount_cny": 860, "fee_notice": True},
                },
                "confirmed",
                evidence=("The payment was CNY 860: over CNY 200",),
            ),
            Example(
                "declined over CNY 200, no fee notice known",
                {
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                    "payment": {"amount_cny": 450},
                },
                "suspected",
            ),
            Example(
                "a small payment",
                {
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                    "payment": {"amount_cny": 35, "fee_notice": True},
                },
                None,
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
