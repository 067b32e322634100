"""Where a payment fails (`symptom.where`), and what each place tells a consultation (triage):
the layers whose causes can explain a failure there, those it points at first, the cards it
is not about, and what it does not ask unless an answer points there."""

from dataclasses import replace

from engine.facts.asking import Ask, Choice
from engine.facts.declaring import Fact
from engine.text.wording import Wording

VISITOR_NOT_ASKED = (
    "bank_cards",
    "residence_permit",
    "passport.renewed",
    "passport.renewed_on",
    "passport.previous_number",
    "passport.previous_expiry_date",
)
"""What a visitor's place (a foreign card, a sign-up, a card link) does not ask about unless
an answer points there: Chinese bank cards, a residence permit, a passport renewal."""
RESIDENT_NOT_ASKED = (
    "alipay.identity.verified",
    "alipay.identity.scan_failed",
    "wechat_pay.identity.verified",
    "wechat_pay.identity.scan_failed",
    "phone.vpn_on",
    "phone.sms_code_received",
    "phone.roaming",
    "payment.payee",
    "payment.amount_cny",
    "payment.fee_notice",
)
"""What a place of a Chinese bank card, a wallet or Taobao does not ask about unless an answer
points there: a visitor's sign-up, phone and payee."""
WALLET_PLACE_NOT_ASKED = (
    *RESIDENT_NOT_ASKED,
    "bank_cards[].frozen",
    "bank_cards[].last_used",
    "bank_cards[].issued_outside_mainland",
    "phone.suspended",
)
"""What a wallet's or Taobao's place does not ask unless an answer points there: the bank's own
state (a frozen or overseas account), which a failure at the bank itself asks about."""
BANK_STATE_LAST = ("bank_cards[].last_used",)
"""What a wallet's place asks when nothing else is found: when the account was last used (banks
freeze accounts unused for months, and the card is then refused in the wallet)."""
CARD_LINK_NOT_ASKED = tuple(
    p for p in WALLET_PLACE_NOT_ASKED if p != "bank_cards[].issued_outside_mainland"
)
"""What adding a Chinese bank card in a wallet does not ask: as a wallet's place, but whether
the account is a branch's abroad (the wallets link mainland accounts only)."""
IN_ALIPAY = ("alipay", "ali", "zhifubao", "支付宝")
IN_WECHAT_PAY = ("wechat", "wechat pay", "weixin", "微信", "微信支付")


def in_each_wallet(place: Choice, alipay: Wording, wechat_pay: Wording, *words: str) -> Choice:
    """`place` offered once for each wallet (report-v3's `sets`): one answer says where it
    fails and in which wallet (`symptom.wallet`), and the other wallet's causes are left out
    (they cannot explain a failure in this one). `words`: what the place is called, which
    with a wallet's name reads as that wallet's way ("visa alipay", "支付宝外卡")."""

    def one(wallet: str, label: Wording, names: tuple[str, ...], other: str) -> Choice:
        return replace(
            place,
            label=label,
            synonyms=tuple(
                f"{word} {name}" if word.isascii() else f"{name}{word}"
                for word in words
                for name in names
                if word.isascii() == name.isascii()
            ),
            layers=tuple(layer for layer in place.layers if layer != other),
            points_at=tuple(layer for layer in place.points_at if layer != other),
            sets={**place.sets, "symptom.wallet": wallet},
            then=tuple(path for path in place.then if path != "symptom.wallet"),
        )

    return replace(
        place,
        offered=(
            one("alipay", alipay, IN_ALIPAY, "wechat_pay"),
            one("wechat_pay", wechat_pay, IN_WECHAT_PAY, "alipay"),
        ),
    )


CARD_LINK_WORDS = (
    "card link", "linking a card", "adding a card", "add card", "bind card", "支付宝绑卡",
    "支付宝绑定银行卡", "支付宝添加银行卡", "绑卡", "绑定银行卡", "添加银行卡",
)  # fmt: skip

FOREIGN_CARDS = ("foreign card", "visa", "visa card", "mastercard", "jcb", "amex")
"""What a card from home is called; said with paying or adding, it is a visitor's place."""
FOREIGN_CARD_PAYING = (
    *FOREIGN_CARDS,
    *(f"{verb} {card}" for verb in ("pay with", "paying with") for card in FOREIGN_CARDS),
    "境外卡",
    "外卡",
)
FOREIGN_CARD_ADDING = (
    *(
        f"{verb} {card}"
        for verb in ("add", "adding", "link", "linking", "bind")
        for card in FOREIGN_CARDS
    ),
    "添加境外卡",
    "绑定境外卡",
    "添加外卡",
    "绑定外卡",
    "绑外卡",
)
"""Adding a card from home, in the words people use: "adding my Visa to Alipay" is not
adding a Chinese bank card, though both add a card."""

WHERE = Fact(
    "where",
    triage=True,
    place=True,
    ask=Ask(
        Wording("Where does it fail?"),
        Wording("where the payment fails"),
        Wording("Choose the closest."),
        {
            "alipay": Choice(
                Wording("Paying with Alipay"),
                ("alipay", "zhifubao", "支付宝"),
                layers=("documents", "bank", "alipay"),
                points_at=("documents", "alipay"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
                last_resort=BANK_STATE_LAST,
            ),
            "taobao": Choice(
                Wording("Paying on Taobao"),
                ("taobao", "淘宝"),
                layers=("documents", "bank", "alipay", "taobao"),
                points_at=("documents", "taobao"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
                last_resort=BANK_STATE_LAST,
            ),
            "bank_card_link": Choice(
                Wording("Adding a Chinese bank card in Alipay"),
                CARD_LINK_WORDS,
                layers=("documents", "bank", "alipay"),
                points_at=("documents", "bank"),
                not_about=("foreign_cards",),
                not_asked=CARD_LINK_NOT_ASKED,
                last_resort=BANK_STATE_LAST,
            ),
            "wechat_pay": Choice(
                Wording("Paying with WeChat Pay"),
                ("wechat", "weixin", "微信", "微信支付"),
                layers=("documents", "bank", "wechat_pay"),
                points_at=("documents", "wechat_pay"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
                last_resort=BANK_STATE_LAST,
            ),
            "wechat_pay_card_link": Choice(
                Wording("Adding a Chinese bank card in WeChat Pay"),
                ("wechat card link", "微信绑卡", "微信绑定银行卡", "微信添加银行卡"),
                layers=("documents", "bank", "wechat_pay"),
                points_at=("documents", "bank"),
                not_about=("foreign_cards",),
                not_asked=CARD_LINK_NOT_ASKED,
                last_resort=BANK_STATE_LAST,
            ),
            "foreign_card": in_each_wallet(
                Choice(
                    Wording("Paying with a foreign card (Visa, Mastercard...)"),
                    FOREIGN_CARD_PAYING,
                    layers=("device", "bank", "alipay", "wechat_pay", "payee"),
                    points_at=("foreign_cards", "device", "payee"),
                    not_about=("bank_cards",),
                    sets={"foreign_cards": [{}]},
                    # A code by SMS is asked for when a card is added or an account is made.
                    not_asked=(*VISITOR_NOT_ASKED, "phone.sms_code_received", "phone.roaming"),
                ),
                Wording("Paying with a foreign card in Alipay"),
                Wording("Paying with a foreign card in WeChat Pay"),
                *FOREIGN_CARD_PAYING,
            ),
            "wallet_setup": in_each_wallet(
                Choice(
                    Wording("Signing up or verifying my identity in a wallet"),
                    ("sign up", "register", "verify identity", "verification", "注册", "实名认证"),
                    layers=("device", "alipay", "wechat_pay"),
                    points_at=("alipay", "wechat_pay", "device"),
                    not_about=("bank_cards",),
                    not_asked=VISITOR_NOT_ASKED,
                    then=("symptom.wallet",),
                ),
                Wording("Signing up or verifying my identity in Alipay"),
                Wording("Signing up or verifying my identity in WeChat Pay"),
                "sign up",
                "register",
                "verify",
                "注册",
                "实名认证",
            ),
            "foreign_card_link": in_each_wallet(
                Choice(
                    Wording("Adding a foreign card (Visa, Mastercard...) to a wallet"),
                    FOREIGN_CARD_ADDING,
                    layers=("device", "bank", "alipay", "wechat_pay"),
                    points_at=("foreign_cards", "device"),
                    not_about=("bank_cards",),
                    sets={"foreign_cards": [{}]},
                    not_asked=VISITOR_NOT_ASKED,
                    then=("symptom.wallet",),
                ),
                Wording("Adding a foreign card to Alipay"),
                Wording("Adding a foreign card to WeChat Pay"),
                *FOREIGN_CARD_ADDING,
            ),
            "bank": Choice(
                Wording("At the bank itself (an ATM, a counter, the bank's app)"),
                ("bank", "atm", "at the bank", "counter", "银行", "取款机", "柜台"),
                layers=("documents", "bank"),
                points_at=("documents", "bank"),
                not_about=("foreign_cards",),
                sets={"bank_cards": [{}]},
                # No wallet is involved: what a wallet shows of the card is not asked.
                not_asked=(*RESIDENT_NOT_ASKED, "bank_cards[].status", "bank_cards[].wallet"),
            ),
        },
    ),
)
"""The choices are in the format's order, which numbered answers follow."""
PLACES = WHERE.values
