"""The passport: the current one, and the one it replaced."""

from engine.facts import personal
from engine.facts.asking import Ask
from engine.facts.declaring import Fact, Section
from engine.facts.model import DocumentNumber, PartialDay
from engine.text.wording import Wording
from knowledge._facts.person import PASSPORT_PAGE
from knowledge._facts.ticks import RENEWED

PASSPORT = Section(
    "passport",
    "Passport",
    (
        Fact(
            "number",
            DocumentNumber,
            Ask(
                Wording("What is your current passport's number?"),
                Wording("your passport number"),
                PASSPORT_PAGE,
            ),
            personal=personal.PASSPORT,
        ),
        Fact(
            "expiry_date",
            PartialDay,
            Ask(
                Wording("When does your passport expire?"),
                Wording("your passport's expiry date"),
                Wording('Your passport\'s photo page, "Date of expiry"; the month is enough.'),
            ),
        ),
        Fact(
            "previous_number",
            DocumentNumber,
            Ask(
                Wording("What was your old passport's number?"),
                Wording("your old passport's number"),
                Wording("The old passport, if you kept it (often returned with a cut corner)."),
            ),
            personal=personal.PASSPORT,
        ),
        Fact(
            "renewed_on",
            PartialDay,
            Ask(
                Wording("When did you get your current passport in place of an older one?"),
                Wording("when your passport was renewed"),
                Wording(
                    'Its "Date of issue"; the month is enough. Answer no if it is your first'
                    " passport."
                ),
                none={"passport.renewed": False},
                yes={"passport.renewed": True},
                never=Wording("Never: it is my first passport"),
                none_words=(
                    "it is my first passport",
                    "first passport",
                    "my first one",
                    "never renewed",
                    "第一本护照",
                    "第一本",
                    "没换过",
                    "没有换过",
                ),
                easier="passport.renewed",
                tick=RENEWED,
                past=True,
            ),
        ),
        Fact(
            "renewed",
            bool,
            Ask(
                Wording("Did your current passport replace an older one (was it renewed)?"),
                Wording("whether your passport was renewed"),
                Wording("Banks and wallets keep the old passport's number until you update it."),
                tick=RENEWED,
            ),
        ),
        Fact(
            "previous_expiry_date",
            PartialDay,
            Ask(
                Wording("When did your old passport expire?"),
                Wording("your old passport's expiry date"),
                Wording("The old passport's photo page; the month is enough."),
            ),
        ),
    ),
)
