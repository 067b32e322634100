from engine.authoring.rules import (
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
from engine.text.wording import Wording
from knowledge._wallets import WALLETS, Wallet
from knowledge._where import Where

RESTRICTED = Message(
    Wording("a restriction or a risk-control block on the account"),
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
        title=Wording("{wallet} restricted your account").format(wallet=wallet.name),
        explanation=Wording(
            "{wallet}'s risk control limits an account it finds unusual; payments stay"
            " blocked until a person at the wallet lifts the restriction. Common triggers: a"
            " new account receiving money, a dormant account suddenly used in several cities,"
            " many failed tries in a row."
        ).format(wallet=wallet.name),
        source=(
            "Reports of accounts restricted by risk control: travel.stackexchange.com question"
            " 194556; demflyers.com/?p=4129; triggers and the last fix (read 2026-12):"
            " chinaguide.ai/guides/payment-failures"
        ),
        sources_read="2026-12",
        fixes=(
            FixStep(
                Wording("{wallet} customer service").format(wallet=wallet.name),
                Wording(
                    "Appeal in the {wallet} app: ask customer service for a human agent"
                    " (人工客服), or call {hotline}; have the passport's photo page and a"
                    " selfie holding the passport ready."
                ).format(wallet=wallet.name, hotline=wallet.hotline),
                effects=(sets(wallet.path("restricted"), False), forgets("symptom.error_message")),
                place=Where.CUSTOMER_SERVICE,
                say=Wording(
                    "Hello, I am a foreign user; my {wallet} account has been restricted and I"
                    " cannot pay. Please put me through to a human agent to have the restriction"
                    " lifted.",
                    zh="您好，我是外国用户，我的{wallet}账户被限制了，无法付款。"
                    "请帮我转人工客服，申请解除限制。",
                ).format(wallet=wallet.name),
            ),
            FixStep(
                wallet.app,
                Wording(
                    "Only if the appeal fails: move the balance out, cancel the real-name"
                    " verification in {menu}, then verify again with your passport."
                ).format(menu=wallet.identity_menu),
                effects=(sets(wallet.path("restricted"), False),),
                place=Where.APP,
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
