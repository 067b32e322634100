"""Chinese bank cards: what the bank holds for each, and how each behaves in a wallet."""

from engine.facts import personal
from engine.facts.asking import BANK, Ask, Choice
from engine.facts.declaring import Fact, Section
from engine.facts.model import CardDigits, DocumentNumber, Name, PartialDay, PhoneNumber
from engine.text.wording import Wording
from knowledge._banks import KNOWN_BANKS
from knowledge._facts.choices import CARD_SCREEN, WALLET_CHOICES, card_wallet
from knowledge._facts.ticks import OVERSEAS_BRANCH

BANK_RECORD = Wording("Only your bank can say: ask at a branch or in the bank's app.")
LAST4 = Fact(
    "last4",
    CardDigits,
    Ask(
        Wording("What are the card's last four digits?"),
        Wording("the card's last four digits"),
        Wording("The card itself, or the card list in the wallet."),
    ),
)

BANK_CARDS = Section(
    "bank_cards",
    "BankCard",
    (
        Fact(
            "bank",
            str,
            Ask(
                Wording("Which bank issued this card?"),
                Wording("the card's bank"),
                Wording("The name printed on the card."),
                shown_as_typed=KNOWN_BANKS,
            ),
            samples=("Bank of China", "ICBC", "招商银行"),
        ),
        LAST4,
        Fact(
            "passport_number_on_file",
            DocumentNumber,
            Ask(
                Wording("Which passport number does your bank hold for this card?"),
                Wording("the passport number your bank holds"),
                BANK_RECORD,
                kept_by=BANK,
            ),
            personal=personal.PASSPORT,
        ),
        Fact(
            "phone_on_file",
            PhoneNumber,
            Ask(
                Wording("Which mobile number does your bank hold for this card (预留手机号)?"),
                Wording("the mobile number your bank holds (预留手机号)"),
                BANK_RECORD,
                kept_by=BANK,
            ),
            personal=personal.PHONE,
        ),
        Fact(
            "name_on_file",
            Name,
            Ask(
                Wording("How does your bank write your name for this card?"),
                Wording("the name your bank holds"),
                BANK_RECORD,
                kept_by=BANK,
            ),
            personal=personal.NAME,
        ),
        Fact(
            "name_entered",
            Name,
            Ask(
                Wording("Exactly how did you type your name when you linked the card?"),
                Wording("the name you typed when linking the card"),
                Wording("As you remember typing it: spaces, commas and order matter."),
            ),
            personal=personal.NAME,
        ),
        Fact(
            "status",
            ask=Ask(
                Wording("What happens with this card in the wallet?"),
                Wording("what happens in the wallet"),
                CARD_SCREEN,
                {
                    "ok": Choice(Wording("It works"), ("works", "fine", "ok", "正常", "能用")),
                    "cannot_be_verified": Choice(
                        Wording("It is refused: verification fails"),
                        (
                            "rejected",
                            "refused",
                            "declined",
                            "fails",
                            "failed",
                            "error",
                            "not verified",
                            "verification failed",
                            "拒绝",
                            "失败",
                            "验证失败",
                            "不通过",
                        ),
                    ),
                    "unresponsive": Choice(
                        Wording("Nothing happens, or no code arrives"),
                        ("no response", "nothing", "hangs", "no code", "没反应", "收不到验证码"),
                    ),
                    "not_linked": Choice(
                        Wording("It is not linked (any more)"),
                        ("unlinked", "removed", "not added", "未绑定", "解绑"),
                    ),
                },
                symptom=True,
            ),
        ),
        # Not given reads as "alipay" (facts-v1 cards are Alipay's) unless the failure is at
        # the bank itself; kept None: "not said" shows.
        Fact(
            "wallet",
            assumed=True,
            ask=card_wallet(
                {
                    **WALLET_CHOICES,
                    "none": Choice(
                        Wording("In no wallet"),
                        ("none", "no wallet", "not linked", "neither", "都没有", "没有绑定"),
                    ),
                },
            ),
            description='where the card is linked ("none": in no wallet); not given (null)'
            ' means "alipay", as in facts-v1, where the symptom or a wallet field says a wallet'
            " is in use",
        ),
        Fact(
            "passport_updated",
            bool,
            Ask(
                Wording(
                    "Has the bank confirmed that it now holds your current passport for this card?"
                ),
                Wording("the bank's confirmation of your new passport"),
                Wording("Yes only if the bank told you so."),
            ),
        ),
        # The bank says the account or card is frozen (冻结), or an ATM says "invalid card".
        Fact(
            "frozen",
            bool,
            Ask(
                Wording(
                    'Does the bank say this account is frozen, or does an ATM say "invalid card"?'
                ),
                Wording("the account frozen by the bank"),
                Wording(
                    "What the ATM, the bank's app or its SMS say; yes if it says frozen (冻结)."
                ),
            ),
        ),
        Fact(
            "last_used",
            PartialDay,
            Ask(
                Wording("When did you last use this account (a payment, a transfer, the ATM)?"),
                Wording("when the account was last used"),
                Wording(
                    "Roughly is fine: a month (2026-03), a year, or how long ago (8 months ago)."
                ),
                past=True,
            ),
        ),
        # An account at a Chinese bank's branch outside the mainland (Hong Kong, Japan, ...).
        Fact(
            "issued_outside_mainland",
            bool,
            Ask(
                Wording(
                    "Was this account opened at a branch outside mainland China (Hong Kong,"
                    " Japan...)?"
                ),
                Wording("an account from a branch outside the mainland"),
                Wording(
                    "Where you opened the account; the card or the bank's app names the branch."
                ),
                tick=OVERSEAS_BRANCH,
            ),
        ),
    ),
    cards=True,
    subject=True,
    maker="bank",
    ending="last4",
    ask=Ask(
        Wording("How many Chinese bank cards have you linked, or tried to link, to your wallets?"),
        Wording("your Chinese bank cards"),
        Wording("Cards issued by a bank in mainland China (UnionPay); 0 if none."),
    ),
)
