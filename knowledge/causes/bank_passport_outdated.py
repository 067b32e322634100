from engine.authoring.rules import (
    UNKNOWN,
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    Status,
    concluded,
    copies,
    derived,
    fact,
    reported,
    sets,
    unknown,
    when,
)
from engine.facts import personal
from engine.text.wording import Wording
from knowledge._observing import differs
from knowledge._where import Where

CARD_PASSPORT_DIFFERS = Observation(
    "card.passport_differs",
    Wording("the bank's passport number differs from the passport"),
    ("bank_cards[].passport_number_on_file", "passport.number"),
    differs(
        "bank_cards[].passport_number_on_file",
        "passport.number",
        personal.PASSPORT,
        Wording("For {card} your bank holds passport {0}; your passport is {1}."),
    ),
    per_card=True,
)

BANK_ID_EXPIRED = Message(
    Wording("the identity document your bank holds has expired"),
    (
        "the id you registered with your bank has expired",
        "update your id at your bank",
        "在我行留存的身份证件信息已经过期",
        "银行预留证件已过期",
        "銀行に登録したidの有効期限が切れています",
    ),
    # The identity document the bank holds may have expired because the passport itself has.
    shares_words_with=("passport-expired", "residence-permit-expired"),
)

CAUSE = Cause(
    id="bank-passport-outdated",
    layer="bank",
    title=Wording("Your bank still holds your old passport number"),
    explanation=Wording(
        "After a passport renewal the bank keeps the old number until you update it in"
        " person; Alipay then cannot match your card to your identity."
    ),
    source=("You must first visit your bank to update your new passport number in their system."),
    fixes=(
        FixStep(
            Wording("bank branch"),
            Wording(
                "Visit the bank with your new passport and have the passport number on your"
                " account updated; ask them to confirm when the record is changed. Bring your old"
                " passport and the card too, and a letter from your embassy saying the new"
                " passport replaces the old one where the bank asks for it."
            ),
            place=Where.BANK_BRANCH,
            say=Wording(
                "Hello, I have a new passport. Please update the passport number on my account"
                " to my new passport's, and tell me when it is done.",
                zh="您好，我换了新护照。请帮我把账户上的护照号码更新为我的新护照号码，"
                "改好后请告诉我。",
            ),
            effects=(
                copies("bank_cards[].passport_number_on_file", "passport.number"),
                sets("bank_cards[].passport_updated", True),
                sets("bank_cards[].frozen", False),
            ),
        ),
    ),
    after=("passport-expired",),
    confirmed=(
        when(derived("card.passport_differs")),
        # facts-v3: the passport on file has expired and the bank froze or refuses the card.
        when(reported("passport-expired", Status.CONFIRMED), fact("bank_cards[].frozen", True)),
        when(
            concluded("passport.renewed"),
            fact("bank_cards[].frozen", True),
            fact("bank_cards[].passport_updated", False, UNKNOWN),
        ),
    ),
    suspected=(
        when(
            concluded("passport.renewed"),
            concluded("card.fails"),
            unknown("bank_cards[].passport_number_on_file"),
            # The bank said it holds the current passport: that card is ruled out.
            fact("bank_cards[].passport_updated", False, UNKNOWN),
        ),
        # An expired passport is renewed first; a failing card's bank then holds the old number.
        when(
            reported("passport-expired", Status.CONFIRMED),
            concluded("card.fails"),
            fact("bank_cards[].passport_updated", False, UNKNOWN),
        ),
    ),
    observations=(CARD_PASSPORT_DIFFERS,),
    messages=(BANK_ID_EXPIRED,),
    examples=(
        Example(
            "an ATM says invalid card: the account's passport expired, a new one since",
            {
                "as_of": "2026-12-01",
                "symptom": {"where": "bank"},
                "passport": {"renewed": True, "previous_expiry_date": "2026-08-01"},
                "bank_cards": [{"bank": "ICBC", "frozen": True, "wallet": "none"}],
            },
            "confirmed",
        ),
        Example(
            "the passport expired and the bank froze the card",
            {
                "as_of": "2026-12-01",
                "symptom": {"where": "bank"},
                "passport": {"expiry_date": "2026-10-01"},
                "bank_cards": [{"frozen": True}],
            },
            "confirmed",
        ),
        Example(
            "the bank's app says the ID it holds has expired",
            {
                "symptom": {
                    "where": "bank",
                    "error_message": "The ID you registered with your bank has expired.",
                },
                "bank_cards": [{"bank": "ICBC"}],
            },
            "suspected",
        ),
        *(
            Example(
                f"the bank says the ID it holds has expired; {note}",
                {
                    "as_of": "2026-12-01",
                    "symptom": {"where": "bank", "error_message": "银行预留证件已过期"},
                    **facts,
                },
                "suspected",
            )
            for note, facts in (
                ("nothing else known", {}),
                (
                    "the passport expired, a card named",
                    {
                        "passport": {"expiry_date": "2026-10-01"},
                        "bank_cards": [{"bank": "ICBC"}],
                    },
                ),
                (
                    "the passport expired, no card named",
                    {"passport": {"expiry_date": "2026-10-01"}},
                ),
                (
                    "renewed, a card named",
                    {
                        "passport": {"renewed": True},
                        "bank_cards": [{"bank": "ICBC"}],
                    },
                ),
                ("renewed, no card named", {"passport": {"renewed": True}}),
            )
        ),
        Example(
            "the bank holds the previous passport number",
            {
                "passport": {"number": "E98765432", "previous_number": "E12345678"},
                "bank_cards": [{"passport_number_on_file": "E12345678"}],
            },
            "confirmed",
        ),
        Example(
            "renewed, the card fails, the bank's number unknown",
            {
                "passport": {"renewed_on": "2026-09-01"},
                "bank_cards": [{"status": "cannot_be_verified"}],
            },
            "suspected",
        ),
        Example(
            "same number written with spaces, hyphens and lower case",
            {
                "passport": {"number": "E98765432"},
                "bank_cards": [{"passport_number_on_file": "e98 765-432"}],
            },
            None,
        ),
        Example(
            "renewed but the card works",
            {
                "passport": {"renewed_on": "2026-09-01"},
                "bank_cards": [{"status": "ok"}],
            },
            None,
        ),
        Example(
            "renewed, the card's status unknown",
            {"passport": {"renewed_on": "2026-09-01"}, "bank_cards": [{"bank": "ICBC"}]},
            None,
        ),
        Example(
            "the passport has expired and a card fails: the bank will hold the old number",
            {
                "as_of": "2026-11-27",
                "passport": {"expiry_date": "2026-10-01"},
                "bank_cards": [{"status": "cannot_be_verified"}],
            },
            "suspected",
        ),
    ),
)
