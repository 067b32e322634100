from engine.authoring.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    Outcome,
    derived,
    forgets,
    when,
)
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._wallets import WALLETS, Wallet
from knowledge._where import Where

PAYMENT_LIMIT_USD = 5_000
YEAR_LIMIT_USD = 50_000
CNY_PER_USD = 7.1
RATE_DATE = "2026-12"
"""The rate a payment in yuan is compared at (CNY 7.1 to the dollar, as this unit was written,
2026-12): near the limit the rate of the day decides, so the evidence says which was used."""


def _in_usd(case: Case) -> tuple[float | None, bool]:
    """The payment in dollars, and whether it was converted from yuan at `CNY_PER_USD`."""
    amount = case.get("payment.amount_usd")
    if amount is not None:
        return amount, False
    yuan = case.get("payment.amount_cny")
    return (yuan / CNY_PER_USD, True) if yuan is not None else (None, False)


def _over_limit(case: Case, card: int | None) -> Outcome:
    (amount, converted), total = _in_usd(case), case.get("payment.year_total_usd")
    if amount is not None and amount > PAYMENT_LIMIT_USD and converted:
        yuan = Datum(f"{case.get('payment.amount_cny'):,g}")
        shown = (yuan, Datum(f"{amount:,.0f}"), _PAYMENT_LIMIT, _RATE, _RATE_DATE)
        return Outcome(True, Text(_PAYMENT_OVER_CNY, shown))
    if amount is not None and amount > PAYMENT_LIMIT_USD:
        return Outcome(True, Text(_PAYMENT_OVER, (Datum(f"{amount:,g}"), _PAYMENT_LIMIT)))
    if total is not None and total > YEAR_LIMIT_USD:
        return Outcome(True, Text(_YEAR_OVER, (Datum(f"{total:,g}"), _YEAR_LIMIT)))
    # Within one limit says nothing of the other: the payment is within only when both are.
    # The amount is asked in dollars here (one answer settles it); in yuan it counts as well.
    missing = tuple(
        path
        for path, value in (("payment.amount_usd", amount), ("payment.year_total_usd", total))
        if value is None
    )
    if missing:
        return Outcome(None, unknown_paths=missing)
    return Outcome(False, Text(_WITHIN, (_PAYMENT_LIMIT, _YEAR_LIMIT)))


_PAYMENT_LIMIT, _YEAR_LIMIT = Datum(f"{PAYMENT_LIMIT_USD:,}"), Datum(f"{YEAR_LIMIT_USD:,}")
_RATE, _RATE_DATE = Datum(f"{CNY_PER_USD:g}"), Datum(RATE_DATE)
_PAYMENT_OVER_CNY = Wording(
    "The payment was CNY {0}, about USD {1} at CNY {3} to the dollar (the rate of {4}):"
    " over the USD {2} a foreign card may pay at once."
)
_PAYMENT_OVER = Wording(
    "The payment was about USD {0}: over the USD {1} a foreign card may pay at once."
)
_YEAR_OVER = Wording(
    "You have paid about USD {0} with foreign cards this year: over the USD {1} a year allows."
)
_WITHIN = Wording(
    "The payment is within the foreign-card limits (USD {0} at once, USD {1} a year)."
)


OVER_LIMIT = Observation(
    "payment.over_foreign_card_limit",
    Wording("the payment is over USD {payment:,}, or the year's over USD {year:,}").format(
        payment=PAYMENT_LIMIT_USD, year=YEAR_LIMIT_USD
    ),
    ("payment.amount_usd", "payment.year_total_usd", "payment.amount_cny"),
    _over_limit,
)
EXCEEDS = Message(
    Wording("a payment over the foreign-card limit"),
    ("PAYMENT_AMOUNT_EXCEED_LIMIT", "exceeds the limit", "超出限额", "超过限额"),
)


def _cause(wallet: Wallet) -> Cause:
    return Cause(
        id="foreign-card-limit",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording("The payment is over {wallet}'s limit for foreign cards").format(
            wallet=wallet.name
        ),
        explanation=Wording(
            "{wallet} takes foreign cards for at most USD {payment:,} a payment and"
            " USD {year:,} a year; above that the payment is refused."
        ).format(wallet=wallet.name, payment=PAYMENT_LIMIT_USD, year=YEAR_LIMIT_USD),
        source=(
            "Foreign card limits (USD 5,000 a payment, USD 50,000 a year): fintechnews.hk/27764;"
            " official (read 2026-12): english.beijing.gov.cn, 'A guide to working and living in"
            " China ... mobile payment' (MOFCOM, 2024-04-24)"
        ),
        sources_read="2026-12",
        holds_from="2024-04-24",
        fixes=(
            FixStep(
                wallet.app,
                Wording(
                    "Split the payment into smaller ones, or pay from the wallet's balance or"
                    " a Chinese bank card."
                ),
                effects=(
                    forgets("payment.amount_usd"),
                    forgets("payment.year_total_usd"),
                    forgets("payment.amount_cny"),
                    forgets("symptom.error_message"),
                ),
                place=Where.APP,
            ),
        ),
        confirmed=(
            when(
                derived("payment.over_foreign_card_limit"),
                derived(f"{wallet.facts}.has_foreign_card"),
            ),
        ),
        scope=(wallet.in_scope,),
        observations=(OVER_LIMIT,),
        messages=(EXCEEDS,),
        examples=(
            Example(
                "a large payment by a foreign card",
                {
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                    "payment": {"amount_usd": 6200},
                },
                "confirmed",
                evidence=("The payment was about USD 6,200: over the USD 5,000",),
            ),
            Example(
                "the year's total is over",
                {
                    "foreign_cards": [{"wallet": "both"}],
                    "payment": {"amount_usd": 80, "year_total_usd": 51000},
                },
                "confirmed",
            ),
            Example(
                "a hotel bill in yuan over the limit",
                {
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                    "payment": {"amount_cny": 40000},
                },
                "confirmed",
                evidence=("CNY 40,000, about USD 5,634 at CNY 7.1 to the dollar",),
            ),
            Example(
                "the app says PAYMENT_AMOUNT_EXCEED_LIMIT",
                {
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                    "symptom": {
                        "where": "foreign_card",
                        "error_message": "PAYMENT_AMOUNT_EXCEED_LIMIT",
                    },
                },
                "suspected",
            ),
            Example(
                "the app says PAYMENT_AMOUNT_EXCEED_LIMIT, no card listed",
                {
                    wallet.facts: {"restricted": False},
                    "symptom": {
                        "where": "foreign_card",
                        "error_message": "PAYMENT_AMOUNT_EXCEED_LIMIT",
                    },
                },
                "suspected",
            ),
            Example(
                "a small payment",
                {"foreign_cards": [{"wallet": wallet.facts}], "payment": {"amount_usd": 120}},
                None,
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
