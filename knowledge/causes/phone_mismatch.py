from engine.authoring.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    Outcome,
    concluded,
    copies,
    derived,
    unknown,
    when,
)
from engine.facts import personal
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._messages import CARD_NOT_VERIFIED
from knowledge._observing import as_date, differs
from knowledge._where import Where

PHONE_ON_FILE = Message(
    Wording("the bank's reserved phone number"),
    (
        "与预留手机号不符",
        "预留手机号",
        "incorrect mobile phone number recorded with the bank",
        "mobile phone number mismatch",
        "phone number recorded with the bank",
    ),
)

PHONE_CHANGE_WINDOW_DAYS = 180


def _phone_changed_recently(case: Case, card: int | None) -> Outcome:
    """Changed within the window before as_of; a month or year that straddles it: not known."""
    changed = case.get("phone.changed_on")
    if changed is None and case.get("phone.changed") is False:
        return Outcome(False, Text(_NEVER_CHANGED, ()))
    if changed is None:
        return Outcome(None, unknown_paths=("phone.changed_on",))
    window = str(PHONE_CHANGE_WINDOW_DAYS)
    # How many days before as_of its first and last days are: all, none or some in the window.
    most, least = ((case.as_of - day).days for day in (changed.first, changed.last))
    if least >= 0 and most <= PHONE_CHANGE_WINDOW_DAYS:
        recent = True
    elif most < 0 or least > PHONE_CHANGE_WINDOW_DAYS:
        recent = False
    else:
        span = (Datum(changed.first.isoformat()), Datum(changed.last.isoformat()))
        return Outcome(
            None,
            Text(_CHANGED_SOMETIME, (as_date(changed), Datum(window), *span)),
            unknown_paths=("phone.changed_on",),
        )
    days = str(most) if most == least else f"{least}–{most}"
    said = _CHANGED_WITHIN if recent else _CHANGED_BEFORE
    return Outcome(recent, Text(said, (as_date(changed), Datum(days), Datum(window))))


_CHANGED_WITHIN = Wording(
    "You changed your phone number on {0}, {1} days ago: within the {2} days"
    " in which banks and wallets often still hold the old one."
)
_CHANGED_BEFORE = Wording(
    "You changed your phone number on {0}, {1} days ago: more than {2} days ago."
)
_NEVER_CHANGED = Wording(
    "You said you never changed your phone number: no change of number can have left an"
    " old one with the bank."
)
_CHANGED_SOMETIME = Wording(
    "You changed your phone number in {0}: it could be any day from {2} to {3},"
    " so whether it was within the last {1} days is not known."
)


PHONE_CHANGED_RECENTLY = Observation(
    "phone.changed_recently",
    Wording("the phone number changed within {days} days").format(days=PHONE_CHANGE_WINDOW_DAYS),
    ("phone.changed_on", "phone.changed", "as_of"),
    _phone_changed_recently,
)
CARD_PHONE_DIFFERS = Observation(
    "card.phone_differs",
    Wording("the bank's reserved phone number differs from Alipay's"),
    ("bank_cards[].phone_on_file", "alipay.phone"),
    differs(
        "bank_cards[].phone_on_file",
        "alipay.phone",
        personal.PHONE,
        Wording("For {card} your bank has phone {0} on file; Alipay has {1}."),
    ),
    per_card=True,
)


CAUSE = Cause(
    id="phone-mismatch",
    layer="bank",
    title=Wording("Your bank's reserved phone number differs from Alipay's"),
    explanation=Wording(
        "The bank sends Alipay's verification code to the mobile number it holds"
        " (预留手机号); if that is not the number Alipay knows, linking and paying fail."
    ),
    source=(
        "Your bank must have the same mobile number on file that you use to register for"
        " 支付宝 (Alipay). If you have changed your phone number recently, you must go to a"
        " physical bank branch to update your profile; this cannot be done through the app."
    ),
    fixes=(
        FixStep(
            Wording("bank branch"),
            Wording(
                "Have the bank record the same mobile number that Alipay uses. After a number"
                " change this is done at a physical branch, not in an app."
            ),
            place=Where.BANK_BRANCH,
            say=Wording(
                "Hello, I have changed my phone number. Please update the reserved phone"
                " number of this bank card to the number I use now, the one my Alipay uses.",
                zh="您好，我换了手机号。请帮我把这张银行卡的预留手机号更新为我现在使用的号码，"
                "也就是支付宝绑定的号码。",
            ),
            effects=(copies("bank_cards[].phone_on_file", "alipay.phone"),),
        ),
    ),
    confirmed=(when(derived("card.phone_differs")),),
    suspected=(
        when(
            derived("phone.changed_recently"),
            concluded("card.fails"),
            unknown("bank_cards[].phone_on_file"),
        ),
    ),
    observations=(
        PHONE_CHANGED_RECENTLY,
        CARD_PHONE_DIFFERS,
    ),
    messages=(
        PHONE_ON_FILE,
        CARD_NOT_VERIFIED,
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
            "the number never changed, the card fails",
            {"phone": {"changed": False}, "bank_cards": [{"status": "cannot_be_verified"}]},
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
        Example(
            "the bank says the reserved number differs, a card listed",
            {"symptom": {"error_message": "与预留手机号不符"}, "bank_cards": [{"bank": "ICBC"}]},
            "suspected",
        ),
        Example(
            "the bank says the reserved number differs, no card listed",
            {"symptom": {"error_message": "incorrect mobile phone number recorded with the bank"}},
            "suspected",
        ),
    ),
)
