from engine.authoring.rules import Cause, Example, FixStep, fact, sets, unknown, when
from engine.text.wording import Wording
from knowledge._wallets import WALLETS, Wallet
from knowledge._where import Where


def _cause(wallet: Wallet) -> Cause:
    scan_failed = wallet.path("identity.scan_failed")
    return Cause(
        id="passport-scan-rejected",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording("{wallet} cannot read your passport's scan").format(wallet=wallet.name),
        explanation=Wording(
            "The passport's hologram glares under light, or the photo page does not fill"
            " the frame, so the scan is refused and the identity check fails again and again."
        ),
        source=(
            "Passport scan (read 2026-12):"
            " payinchinaguide.com/blog/alipay-passport-verification-failed-fix"
        ),
        sources_read="2026-12",
        fixes=(
            FixStep(
                wallet.app,
                Wording(
                    "Lay the passport on a dark, matte surface away from direct light so"
                    " the hologram does not glare, fill the frame with the photo page, or type"
                    " the details by hand where the app offers it; after repeated failures,"
                    " wait about three hours before trying again."
                ),
                effects=(sets(scan_failed, False),),
                place=Where.APP,
            ),
        ),
        scope=(wallet.in_scope,),
        confirmed=(when(fact(scan_failed, True)),),
        suspected=(
            when(
                fact("symptom.where", "wallet_setup"),
                unknown(scan_failed),
                fact(wallet.path("identity.verified"), False, None),
            ),
        ),
        examples=(
            Example(
                "the scan keeps failing",
                {
                    "symptom": {"where": "wallet_setup", "wallet": wallet.facts},
                    wallet.facts: {"identity": {"scan_failed": True}},
                },
                "confirmed",
            ),
            Example(
                "verification fails while signing up",
                {
                    "symptom": {"where": "wallet_setup", "wallet": wallet.facts},
                    wallet.facts: {"identity": {"verified": False}},
                },
                "suspected",
            ),
            Example(
                "the scan went through",
                {
                    "symptom": {"where": "wallet_setup", "wallet": wallet.facts},
                    wallet.facts: {"identity": {"scan_failed": False}},
                },
                None,
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
