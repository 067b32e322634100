from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    concluded,
    copies,
    dates_today,
    derived,
    fact,
    forgets,
    renews,
    when,
)
from engine.text.wording import Wording
from knowledge._messages import EXPIRED_DOCUMENT
from knowledge._where import Where

CAUSE = Cause(
    id="passport-expired",
    layer="documents",
    title=Wording("Your passport has expired"),
    explanation=Wording(
        "Banks and Alipay check the passport behind your account; an expired one"
        " triggers the expired-document notice and payments are refused."
    ),
    source=(
        "If you encounter a payment failure, it is rarely a technical bug but rather a"
        " discrepancy in your identity verification status or an expired document"
        " notification trigger."
    ),
    fixes=(
        FixStep(
            Wording("embassy or consulate"),
            Wording(
                "Renew your passport. Your bank and Alipay then need the new passport number:"
                " the steps for them follow."
            ),
            place=Where.EMBASSY,
            say=Wording(
                "Hello, my passport has expired and I would like to apply for a new one."
                " Which documents do I need?",
                zh="您好，我的护照已经过期，我想申请换发新护照。请问需要准备哪些材料？",
            ),
            effects=(
                copies("passport.previous_number", "passport.number"),
                dates_today("passport.renewed_on"),
                forgets("passport.number"),
                renews("passport.expiry_date"),
            ),
        ),
    ),
    confirmed=(when(derived("passport.expired")),),
    # A wallet's expired-document notice, and the expiry date missing or partial enough that
    # whether it has passed is open (the year 2026 in December 2026). Each wallet's notice is
    # read only where that wallet is in use, so no one is asked about a wallet they don't use.
    suspected=(
        when(
            concluded("alipay.in_scope"),
            fact("alipay.document_expiry_notice", True),
            derived("passport.expired", None),
        ),
        when(
            concluded("wechat_pay.in_scope"),
            fact("wechat_pay.document_expiry_notice", True),
            derived("passport.expired", None),
        ),
    ),
    messages=(EXPIRED_DOCUMENT,),
    examples=(
        Example(
            "expiry date before as_of",
            {"as_of": "2026-11-27", "passport": {"expiry_date": "2026-11-26"}},
            "confirmed",
        ),
        Example(
            "Alipay's expiry notice and no expiry date given",
            {"as_of": "2026-11-27", "alipay": {"document_expiry_notice": True}},
            "suspected",
        ),
        Example(
            "Alipay's expiry notice and only the year of expiry, which has not all passed",
            {
                "as_of": "2026-12-01",
                "passport": {"expiry_date": "2026"},
                "alipay": {"document_expiry_notice": True},
            },
            "suspected",
            evidence=("It could be any day from 2026-01-01 to 2026-12-31",),
        ),
        Example(
            "WeChat Pay's expiry notice and no expiry date given",
            {"as_of": "2026-11-27", "wechat_pay": {"document_expiry_notice": True}},
            "suspected",
        ),
        Example(
            "expires on as_of itself: still valid that day",
            {"as_of": "2026-11-27", "passport": {"expiry_date": "2026-11-27"}},
            None,
        ),
        Example(
            "notice shown but the passport is valid",
            {
                "as_of": "2026-11-27",
                "passport": {"expiry_date": "2030-01-01"},
                "alipay": {"document_expiry_notice": True},
            },
            None,
        ),
        Example(
            "the message says the ID has expired, the expiry date not known",
            {"symptom": {"error_message": "Your ID has expired"}},
            "suspected",
        ),
    ),
)
