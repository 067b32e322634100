from engine.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    fact,
    forgets,
    message_points_at,
    sets,
    when,
)
from knowledge._wallets import WALLETS, Wallet

RESTRICTED = Message(
    "a restriction or a risk-control block on the account",
    (
        "账户限制",
        "账户被限制",
        "限制账户",
        "restricting main account functions",
        "blocked for security reasons",
        "account has been restricted",
        "account is restricted",
    ),
)


def _cause(wallet: Wallet) -> Cause:
    return Cause(
        id="account-restricted",
        layer=wallet.layer,
        per_wallet=True,
        title=f"{wallet.name} restricted your account",
        explanation=(
            f"{wallet.name}'s risk control limits an account it finds unusual; payments stay"
            " blocked until a person at the wallet lifts the restriction."
        ),
        source=(
            "Reports of accounts restricted by risk control: travel.stackexchange.com question"
            " 194556; demflyers.com/?p=4129"
        ),
        fixes=(
            FixStep(
                f"{wallet.name} customer service",
                f"Appeal in the {wallet.name} app: ask customer service for a human agent"
                f" (人工客服), or call {wallet.hotline}; have the passport's photo page and a"
                " selfie holding the passport ready.",
                effects=(sets(wallet.path("restricted"), False), forgets("symptom.error_message")),
            ),
        ),
        after=(wallet.key("wallet-reverification"),),
        scope=(wallet.in_scope,),
        confirmed=(
            when(fact(wallet.path("restricted"), True)),
            when(message_points_at(wallet.key("account-restricted")), wallet.in_scope),
        ),
        messages=(RESTRICTED,),
        examples=(
            Example(
                f"{wallet.name} shows the account as restricted",
                {wallet.facts: {"restricted": True}},
                "confirmed",
            ),
            Example(
                "the message names a restriction",
                {
                    "symptom": {
                        "where": wallet.where[0],
                        "error_message": "We are restricting main account functions",
                    }
                },
                "confirmed",
            ),
            Example("not restricted", {wallet.facts: {"restricted": False}}, None),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
