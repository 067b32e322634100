from engine.rules import Cause, Example, FixStep, copies, derived, fact, unknown, when

NOT_OK = ("cannot_be_verified", "unresponsive", "not_linked")

CAUSE = Cause(
    id="phone-mismatch",
    layer="bank",
    title="Your bank's reserved phone number differs from Alipay's",
    explanation=(
        "The bank sends Alipay's verification code to the mobile number it holds (预留手机号);"
        " if that is not the number Alipay knows, linking and paying fail."
    ),
    guide=(
        "Your bank must have the same mobile number on file that you use to register for"
        " 支付宝 (Alipay). If you have changed your phone number recently, you must go to a"
        " physical bank branch to update your profile; this cannot be done through the app."
    ),
    fixes=(
        FixStep(
            "bank branch",
            "Have the bank record the same mobile number that Alipay uses. After a number"
            " change this is done at a physical branch, not in an app.",
            effects=(copies("bank_cards[].phone_on_file", "alipay.phone"),),
        ),
    ),
    confirmed=(when(derived("card.phone_differs")),),
    suspected=(
        when(
            derived("phone.changed_recently"),
            fact("bank_cards[].status", *NOT_OK),
            unknown("bank_cards[].phone_on_file"),
        ),
    ),
    examples=(
        Example(
            "the bank holds the old number",
            {
                "alipay": {"phone": "+86 139 0013 9000"},
                "bank_cards": [{"phone_on_file": "13800138000"}],
            },
            "confirmed",
        ),
        Example(
            "number changed 30 days ago, the card fails, the bank's number unknown",
            {
                "as_of": "2026-11-27",
                "phone": {"changed_on": "2026-10-28"},
                "bank_cards": [{"status": "cannot_be_verified"}],
            },
            "suspected",
        ),
        Example(
            "the same number written differently",
            {
                "alipay": {"phone": "+86 138 0013 8000"},
                "bank_cards": [{"phone_on_file": "86-138-0013-8000"}],
            },
            None,
        ),
        Example(
            "number changed over 180 days ago",
            {
                "as_of": "2026-11-27",
                "phone": {"changed_on": "2026-01-01"},
                "bank_cards": [{"status": "cannot_be_verified"}],
            },
            None,
        ),
    ),
)
