"""Lists to tick: what a person saw happen, and what they know of themselves, asked at one look.

Each line is a yes/no fact's, declared with that fact (`Ask.tick`).
"""

from engine.facts.asking import Tick, TickList
from engine.text.wording import Wording

WHAT_HAPPENED = TickList(
    "what_happened",
    Wording("Which of these happened when it failed? Tick all that did."),
    Wording("what happened when it failed"),
    Wording("Leave a line unticked if it did not happen."),
    Wording("None of these happened"),
)
"""What a person saw happen, asked in one list: a VPN, a fee, a code by SMS, a second failure
are independent, each settles a cause, and a person knows them at one look. A wallet's own
records are not lines: a line left unticked writes its fact, and a wallet's record written
brings that wallet into the consultation (its causes pursued) for a person who may not use it;
measured as lines where the wallet is already in, they cost foreign-card visitors a question."""
ABOUT_YOU = TickList(
    "about_you",
    Wording("Which of these are true for you? Tick all that are."),
    Wording("what is true for you"),
    Wording("Leave a line unticked if it is not true for you."),
    Wording("None of these is true"),
)
"""What a resident knows of themselves at one look (a renewal, a new number, a permit): each
line's yes/no settles causes, and its date is asked after a tick only where it still matters."""


def happened(within: TickList, path: str, label: Wording, *synonyms: str, when=True) -> Tick:
    """A yes/no fact's line: ticked writes `when`, unticked the other."""
    return Tick(within, label, {path: when}, {path: not when}, synonyms)


RENEWED = happened(
    ABOUT_YOU,
    "passport.renewed",
    Wording("My passport replaced an older one (it was renewed)"),
    "renewed",
    "new passport",
    "换过护照",
)
NUMBER_CHANGED = happened(
    ABOUT_YOU,
    "phone.changed",
    Wording("I changed my mobile number after my bank or wallets got it"),
    "new number",
    "changed number",
    "换过号",
)
PERMIT_HELD = happened(
    ABOUT_YOU,
    "residence_permit.held",
    Wording("I hold a Chinese residence permit"),
    "permit",
    "residence permit",
    "居留许可",
)
OVERSEAS_BRANCH = happened(
    ABOUT_YOU,
    "bank_cards[].issued_outside_mainland",
    Wording("My Chinese bank card is from a branch outside mainland China (Hong Kong, Japan...)"),
    "overseas branch",
    "branch abroad",
    "海外分行",
    "境外分行",
)
"""A card's line, offered where the person holds one Chinese bank card (it is "my card")."""
