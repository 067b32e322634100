from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    derived,
    fact,
    forgets,
    sets,
    unknown,
    when,
)
from engine.text.wording import Wording
from knowledge._wallets import WALLETS, Wallet
from knowledge._where import Where

NOT_VERIFIED = Message(
    Wording("identity verification (real name) is needed"),
    (
        "verify your account",
        "verify your identity",
        "real-name authentication",
        "real name authentication",
        "实名认证",
        "未实名",
        "身份验证",
    ),
    # Real-name verification (实名认证) is asked of an account never verified and of one asked
    # to verify again.
    shares_words_with=("wallet-reverification",),
)


def _cause(wallet: Wallet) -> Cause:
    verified = wallet.path("identity.verified")
    failing = derived(f"{wallet.facts}.foreign_card_failing")
    return Cause(
        id="identity-not-verified",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording("{wallet} has not verified your identity yet").format(wallet=wallet.name),
        explanation=Wording(
            "An account whose identity (passport) is not verified, or whose review is still"
            " pending, stops foreign-card payments early, often after a few small ones."
        ),
        source=(
            "Unverified accounts (read 2026-12): chinaguide.ai/guides/payment-failures;"
            " austrianchina.substack.com/p/updated-faq-on-using-intl-credit-cards-in-china"
        ),
        sources_read="2026-12",
        fixes=(
            FixStep(
                wallet.app,
                Wording(
                    "Verify your identity in {wallet} with your passport ({menu}); a review"
                    " takes minutes to a day, then pay again."
                ).format(wallet=wallet.name, menu=wallet.identity_menu),
                effects=(sets(verified, True), forgets("symptom.error_message")),
                place=Where.APP,
            ),
        ),
        scope=(wallet.in_scope,),
        confirmed=(when(fact(verified, False), failing),),
        # A visitor (facts-v3: a foreign card and no Chinese bank card in the wallet).
        suspected=(when(failing, unknown(verified), derived("payment.foreign_funded")),),
        messages=(NOT_VERIFIED,),
        examples=(
            Example(
                "not verified, the foreign card declined",
                {
                    wallet.facts: {"identity": {"verified": False}},
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                },
                "confirmed",
            ),
            Example(
                "a visitor's card declined, verification not known",
                {"foreign_cards": [{"wallet": wallet.facts, "status": "declined"}]},
                "suspected",
            ),
            Example(
                "a foreign card declined, a Chinese bank card beside it",
                {
                    "bank_cards": [{"wallet": wallet.facts, "status": "ok"}],
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                },
                None,
            ),
            Example(
                "a resident's foreign card declined, a Chinese bank card beside it",
                {
                    "bank_cards": [{"wallet": wallet.facts, "status": "ok"}],
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                },
                None,
            ),
            Example(
                "the app asks for real-name authentication",
                {
                    "symptom": {
                        "where": "wallet_setup",
                        "wallet": wallet.facts,
                        "error_message": "Please complete real-name authentication",
                    }
                },
                "suspected",
            ),
            Example(
                "verified",
                {
                    wallet.facts: {"identity": {"verified": True}},
                    "foreign_cards": [{"wallet": wallet.facts, "status": "declined"}],
                },
                None,
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
