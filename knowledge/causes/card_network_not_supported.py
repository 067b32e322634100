from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    derived,
    forgets,
    when,
)
from engine.text.wording import Wording
from knowledge._visitors import amex_refused, network_refused
from knowledge._wallets import WALLETS, Wallet
from knowledge._where import Where

NOT_SUPPORTED = Message(
    Wording("a card the wallet does not support"),
    ("card not supported", "card type not supported", "不支持该卡", "暂不支持此卡"),
)


def _cause(wallet: Wallet) -> Cause:
    refused = f"{wallet.facts}.network_refused"
    amex = f"{wallet.facts}.amex_refused"
    return Cause(
        id="card-network-not-supported",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording("{wallet} does not take your card's network").format(wallet=wallet.name),
        explanation=Wording(
            "The wallets take foreign cards of Visa, Mastercard, JCB, Diners Club and"
            " Discover (American Express at fewer merchants); cards of other networks (Mir,"
            " RuPay, Elo) cannot be linked or pay."
        ),
        source=(
            "Networks (read 2026-12): austrianchina.substack.com/p/updated-faq-on-using-intl-"
            "credit-cards-in-china (Visa, Mastercard, Discover, Diners Club, JCB; Mir missing);"
            " chinaguide.ai/guides/mobile-payment (AMEX limited)"
        ),
        sources_read="2026-12",
        holds_from="2024",
        fixes=(
            FixStep(
                wallet.app,
                Wording(
                    "Link a Visa or Mastercard card in {wallet}, or pay another way (cash)."
                ).format(wallet=wallet.name),
                effects=(forgets("foreign_cards"),),
                place=Where.APP,
            ),
        ),
        confirmed=(when(derived(refused)),),
        suspected=(when(derived(amex)),),
        scope=(wallet.in_scope,),
        messages=(NOT_SUPPORTED,),
        observations=(
            Observation(
                refused,
                Wording("a foreign card in {wallet} is on a network it does not take").format(
                    wallet=wallet.name
                ),
                ("foreign_cards[].network", "foreign_cards[].wallet"),
                network_refused(wallet.facts, wallet.name),
            ),
            Observation(
                amex,
                Wording("an American Express card is not accepted in {wallet}").format(
                    wallet=wallet.name
                ),
                ("foreign_cards[].network", "foreign_cards[].status"),
                amex_refused(wallet.facts, wallet.name),
            ),
        ),
        examples=(
            Example(
                "a Mir card",
                {"foreign_cards": [{"network": "mir", "wallet": wallet.facts}]},
                "confirmed",
                evidence=("on the mir network",),
            ),
            Example(
                "an American Express card not accepted",
                {
                    "foreign_cards": [
                        {"network": "amex", "wallet": wallet.facts, "status": "not_accepted"}
                    ]
                },
                "suspected",
            ),
            Example(
                "the app says the card is not supported",
                {
                    "symptom": {
                        "where": "foreign_card_link",
                        "wallet": wallet.facts,
                        "error_message": "Card not supported",
                    }
                },
                "suspected",
            ),
            Example(
                "a Visa card",
                {"foreign_cards": [{"network": "visa", "wallet": wallet.facts}]},
                None,
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
