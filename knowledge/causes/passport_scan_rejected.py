from engine.rules import Cause, Example, FixStep, Place, fact, sets, unknown, when
from engine.wording import Wording
from knowledge._wallets import WALLETS, Wallet


def _cause(wallet: Wallet) -> Cause:
    scan_failed = wallet.path("identity.scan_failed")
    return Cause(
        id="passport-scan-rejected",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording(
            en="{wallet} cannot read your passport's scan",
            zh="{wallet}识别不了你的护照扫描",
        ).format(wallet=wallet.name),
        explanation=Wording(
            en="The passport's hologram glares under light, or the photo page does not fill"
            " the frame, so the scan is refused and the identity check fails again and again.",
            zh="护照上的防伪膜在灯光下反光，或者个人资料页没有占满取景框，扫描就会被拒，"
            "身份核验一再失败。",
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
                    en="Lay the passport on a dark, matte surface away from direct light so"
                    " the hologram does not glare, fill the frame with the photo page, or type"
                    " the details by hand where the app offers it; after repeated failures,"
                    " wait about three hours before trying again.",
                    zh="把护照放在深色、不反光的桌面上，避开直射光，免得防伪膜反光；"
                    "让个人资料页占满取景框，或在 App 允许时手动输入信息；"
                    "多次失败后，约等三个小时再试。",
                ),
                effects=(sets(scan_failed, False),),
                place=Place.APP,
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
