from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    derived,
    fact,
    forgets,
    message_points_at,
    sets,
    when,
)
from engine.text.wording import Wording
from knowledge._wallets import WALLETS, Wallet, list_not_empty
from knowledge._where import Where

ASKS_TO_VERIFY = Message(
    Wording("a request to complete or update identity information"),
    (
        "完善个人资料",
        "完善身份信息",
        "实名认证",
        "complete your account's identity information",
        "complete your identity information",
        "update your identity information",
    ),
)


def _cause(wallet: Wallet) -> Cause:
    requested = Observation(
        f"{wallet.facts}.verification_requested_any",
        Wording("{wallet} asks for something to verify the person again").format(
            wallet=wallet.name
        ),
        (wallet.path("verification_requested"),),
        list_not_empty(
            wallet.path("verification_requested"),
            Wording("{wallet} asks you for: {0}.").format(wallet=wallet.name),
        ),
    )
    return Cause(
        id="wallet-reverification",
        layer=wallet.layer,
        per_wallet=True,
        title=Wording("{wallet} asks you to verify your identity again").format(wallet=wallet.name),
        explanation=Wording(
            "{wallet} periodically asks foreigners to confirm who they are (passport"
            " photo page, a selfie, the home address, occupation); until that is done, payments"
            " fail. A notice that an ID has expired for a passport that is still valid is such"
            " a request."
        ).format(wallet=wallet.name),
        source=(
            "Reports of re-verification demanded (photo, selfie, address, occupation):"
            " chengdu-expat.com/how-to-verify-your-wechat-pay-and-alipay,"
            " clifehack.com/2019/03/19, clifehack.com/2024/10/07/wechatpay_notice2024,"
            " kaburelife.me/wechatpay-identification"
        ),
        fixes=(
            FixStep(
                wallet.app,
                Wording(
                    "Open {menu} and provide what it asks for: the passport's photo page, a"
                    " selfie, your home address in Latin letters, your occupation, a verified"
                    " phone number. The review can take up to a day."
                ).format(menu=wallet.identity_menu),
                place=Where.APP,
                effects=(
                    sets(wallet.path("verification_requested"), []),
                    sets(wallet.path("document_expiry_notice"), False),
                    forgets("symptom.error_message"),
                ),
            ),
        ),
        after=(wallet.identity_cause,),
        scope=(wallet.in_scope,),
        confirmed=(
            when(derived(requested.name)),
            when(message_points_at(wallet.key("wallet-reverification")), wallet.in_scope),
        ),
        suspected=(
            when(
                fact(wallet.path("document_expiry_notice"), True),
                derived("passport.expired", False),
            ),
        ),
        observations=(requested,),
        messages=(ASKS_TO_VERIFY,),
        examples=(
            Example(
                f"{wallet.name} asks for a selfie",
                {wallet.facts: {"verification_requested": ["selfie"]}},
                "confirmed",
                evidence=("asks you for: selfie",),
            ),
            Example(
                f"{wallet.name}'s message asks to complete the identity information",
                {"symptom": {"where": wallet.where[0], "error_message": "请完善个人资料"}},
                "confirmed",
            ),
            Example(
                "an expired-ID notice for a valid passport",
                {
                    "as_of": "2026-12-01",
                    "passport": {"expiry_date": "2031-05-01"},
                    wallet.facts: {"document_expiry_notice": True},
                },
                "suspected",
            ),
            Example(
                "nothing asked",
                {wallet.facts: {"verification_requested": []}},
                None,
            ),
            Example(
                "the notice, and the passport has expired",
                {
                    "as_of": "2026-12-01",
                    "passport": {"expiry_date": "2026-05-01"},
                    wallet.facts: {"document_expiry_notice": True},
                },
                None,
            ),
        ),
    )


CAUSES = tuple(_cause(wallet) for wallet in WALLETS)
