"""How each fact is asked, kept in one place per fact: the question, where to find the answer,
the fact's name in words (`label`, for sentences about it), and choices' labels and synonyms.

The help says where the answer is, as the apps name their menus; where each
wallet keeps a person's identity is said once, in `knowledge/_wallets.py`.
"""

from engine.asking import APP, BANK, Ask, Choice, Tick, TickList
from engine.wording import Wording
from knowledge._banks import KNOWN_BANKS
from knowledge._wallets import ALIPAY, WECHAT_PAY

PASSPORT = Wording("Your passport's photo page.")
PERMIT = Wording("The front of your residence permit card.")
BANK_RECORD = Wording("Only your bank can say: ask at a branch or in the bank's app.")
CARD_SCREEN = Wording("What the wallet shows when you add or use the card.")
APPS = {
    "alipay": {
        "name": ALIPAY.name,
        "identity": ALIPAY.identity_menu,
        "home": Wording("Alipay's home screen and messages."),
        "account": Wording("Alipay: Account > Settings > Account and Security."),
        "balance": Wording("Alipay: Account > Balance."),
    },
    "wechat_pay": {
        "name": WECHAT_PAY.name,
        "identity": WECHAT_PAY.identity_menu,
        "home": Wording("WeChat: Me > Pay and Services, and messages from WeChat Pay."),
        "account": Wording("WeChat: Me > Settings > Account Security."),
        "balance": Wording("WeChat: Me > Pay and Services > Wallet > Balance."),
    },
}
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
WALLET_CHOICES = {
    "alipay": Choice(Wording("Alipay"), ("zhifubao", "ali"), ("alipay",)),
    "wechat_pay": Choice(Wording("WeChat Pay"), ("wechat", "weixin", "微信"), ("wechat_pay",)),
    "both": Choice(
        Wording("Both"),
        ("both of them", "alipay and wechat", "都"),
        ("alipay", "wechat_pay"),
    ),
}
VERIFICATION = {
    "passport_photo": Choice(Wording("A photo of my passport"), ("passport",)),
    "selfie": Choice(Wording("A selfie or face scan"), ("face", "人脸", "刷脸")),
    "address": Choice(Wording("My address"), ("home address", "地址")),
    "occupation": Choice(Wording("My occupation"), ("job", "work", "工作")),
    "phone": Choice(Wording("My phone number"), ("mobile", "phone number")),
    "second_bank_card": Choice(Wording("Another bank card"), ("second card", "another card")),
}


def _wallet(key: str) -> dict[str, Ask]:
    """The same questions about each wallet's records, with its name and menus."""
    app = APPS[key]
    name = app["name"]

    def wallet_wording(en: str) -> Wording:
        return Wording(en).format(wallet=name)

    # What the wallet showed is known together: "nothing" answers its three questions at once.
    shown_nothing = {
        f"{key}.document_expiry_notice": False,
        f"{key}.restricted": False,
        f"{key}.verification_requested": [],
    }
    nothing = wallet_wording("nothing: {wallet} shows no notice, restriction or request at all")

    return {
        f"{key}.phone": Ask(
            wallet_wording("Which mobile number is your {wallet} account registered with?"),
            wallet_wording("the mobile number of your {wallet} account"),
            app["account"],
            kept_by=APP,
        ),
        f"{key}.identity.name": Ask(
            wallet_wording("Which name does {wallet} show for you in Identity Information?"),
            wallet_wording("the name in {wallet}'s Identity Information"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.passport_number": Ask(
            wallet_wording("Which passport number does {wallet} show in Identity Information?"),
            wallet_wording("the passport number {wallet} holds"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.residence_permit_number": Ask(
            wallet_wording(
                "Which residence permit number does {wallet} show in Identity Information?"
            ),
            wallet_wording("the residence permit number {wallet} holds"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.residence_permit_expiry_date": Ask(
            wallet_wording("Which expiry date of your residence permit does {wallet} show?"),
            wallet_wording("the residence permit expiry date {wallet} holds"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.address": Ask(
            wallet_wording("Which home address does {wallet} show in Identity Information?"),
            wallet_wording("the address {wallet} holds"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.verified": Ask(
            wallet_wording("Does {wallet} show your identity (passport) as verified?"),
            wallet_wording("whether {wallet} has verified your identity"),
            wallet_wording(
                "{wallet}'s Identity Information; answer no while a review is still pending."
            ),
            kept_by=APP,
        ),
        f"{key}.identity.scan_failed": Ask(
            wallet_wording(
                "Does the passport scan or identity check keep failing when {wallet} verifies you?"
            ),
            wallet_wording("a passport scan that keeps failing in {wallet}"),
            wallet_wording(
                "The verification screen in {wallet}: the photo is refused or the check fails."
            ),
            # Asked where the place points at it (a sign-up), not wherever a wallet fails.
        ),
        f"{key}.document_expiry_notice": Ask(
            wallet_wording("Does {wallet} show a notice that one of your documents has expired?"),
            wallet_wording("a document-expired notice in {wallet}"),
            app["home"],
            symptom=True,
            none=shown_nothing,
            nothing=nothing,
        ),
        f"{key}.balance_cny": Ask(
            wallet_wording("How much money is in your {wallet} balance, in yuan?"),
            wallet_wording("your {wallet} balance"),
            app["balance"],
            kept_by=APP,
        ),
        f"{key}.restricted": Ask(
            wallet_wording(
                "Does {wallet} say that some of your account's functions are restricted?"
            ),
            wallet_wording("a restriction on your {wallet} account"),
            app["home"],
            symptom=True,
            none=shown_nothing,
            nothing=nothing,
        ),
        f"{key}.verification_requested": Ask(
            wallet_wording(
                "Does {wallet} ask you to provide something to verify your account? Which things?"
            ),
            wallet_wording("what {wallet} asks you to provide"),
            wallet_wording("The request {wallet} shows; answer none if it asks for nothing."),
            VERIFICATION,
            symptom=True,
            none={f"{key}.verification_requested": []},
            never=wallet_wording("Nothing: {wallet} asks for nothing"),
        ),
    }


NO_PERMIT = {"residence_permit.held": False}
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
CARD_LINK_WORDS = (
    "card link", "linking a card", "adding a card", "add card", "bind card", "支付宝绑卡",
    "支付宝绑定银行卡", "支付宝添加银行卡", "绑卡", "绑定银行卡", "添加银行卡",
)  # fmt: skip

QUESTIONS: dict[str, Ask] = {
    "as_of": Ask(
        Wording("Which day is the diagnosis for?"),
        Wording("the day of the diagnosis"),
    ),
    "person.surname": Ask(
        Wording("What is your surname, as printed in your passport?"),
        Wording("your surname"),
        PASSPORT,
    ),
    "person.given_names": Ask(
        Wording("What are your given names, middle names included, as printed in your passport?"),
        Wording("your given names"),
        PASSPORT,
    ),
    "passport.number": Ask(
        Wording("What is your current passport's number?"),
        Wording("your passport number"),
        PASSPORT,
    ),
    "passport.expiry_date": Ask(
        Wording("When does your passport expire?"),
        Wording("your passport's expiry date"),
        Wording('Your passport\'s photo page, "Date of expiry"; the month is enough.'),
    ),
    "passport.previous_number": Ask(
        Wording("What was your old passport's number?"),
        Wording("your old passport's number"),
        Wording("The old passport, if you kept it (often returned with a cut corner)."),
    ),
    "passport.renewed_on": Ask(
        Wording("When did you get your current passport in place of an older one?"),
        Wording("when your passport was renewed"),
        Wording(
            'Its "Date of issue"; the month is enough. Answer no if it is your first passport.'
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
    ),
    "passport.renewed": Ask(
        Wording("Did your current passport replace an older one (was it renewed)?"),
        Wording("whether your passport was renewed"),
        Wording("Banks and wallets keep the old passport's number until you update it."),
        tick=RENEWED,
    ),
    "passport.previous_expiry_date": Ask(
        Wording("When did your old passport expire?"),
        Wording("your old passport's expiry date"),
        Wording("The old passport's photo page; the month is enough."),
    ),
    "residence_permit.held": Ask(
        Wording("Do you hold a Chinese residence permit (not only a visa)?"),
        Wording("whether you hold a residence permit"),
        Wording("A residence permit is a card or a passport page issued by the exit-entry office."),
        tick=PERMIT_HELD,
    ),
    "residence_permit.number": Ask(
        Wording("What is your residence permit's number?"),
        Wording("your residence permit number"),
        PERMIT,
        none=NO_PERMIT,
        tick=PERMIT_HELD,
    ),
    "residence_permit.expiry_date": Ask(
        Wording("When does your residence permit expire?"),
        Wording("your residence permit's expiry date"),
        Wording('The front of your residence permit, "valid until"; the month is enough.'),
        none=NO_PERMIT,
        tick=PERMIT_HELD,
    ),
    "residence_permit.name": Ask(
        Wording("How is your name printed on your residence permit?"),
        Wording("the name on your residence permit"),
        PERMIT,
        none=NO_PERMIT,
        tick=PERMIT_HELD,
    ),
    "phone.number": Ask(
        Wording("Which mobile number do you use now?"),
        Wording("your mobile number"),
        Wording("The number of the SIM in your phone."),
    ),
    "phone.changed_on": Ask(
        Wording("When did you last change your mobile number?"),
        Wording("when you changed your mobile number"),
        Wording(
            "Roughly is fine: the month you got your current SIM; never if you never changed it."
        ),
        none={"phone.changed": False},
        never=Wording("Never: I have always had this number"),
        none_words=(
            "not since i arrived",
            "not since i came",
            "not since i came to china",
            "i never changed it",
            "never changed",
            "same number",
            "always the same number",
            "来了以后没换过",
            "一直是这个号",
            "一直用这个号",
            "没换过号",
            "从来没换过",
        ),
        # No easier form: "yes, it changed" without when settles nothing (measured: a question
        # more for a traveller who does not know when, and no cause found by it).,
        tick=NUMBER_CHANGED,
    ),
    "phone.changed": Ask(
        Wording(
            "Have you ever changed your mobile number (since your bank and wallets have had it)?"
        ),
        Wording("whether you changed your mobile number"),
        Wording("Answer no if you have always used the same number here."),
        tick=NUMBER_CHANGED,
    ),
    "phone.suspended": Ask(
        Wording("Was your Chinese SIM cut off (unpaid or unused)?"),
        Wording("your Chinese SIM cut off"),
        Wording("Whether the SIM still gets calls and SMS; the carrier's app or shop can say."),
    ),
    "phone.vpn_on": Ask(
        Wording("Was a VPN or proxy on when it failed?"),
        Wording("a VPN on while paying"),
        Wording("The VPN icon at the top of the screen, or your VPN app."),
        tick=happened(
            WHAT_HAPPENED, "phone.vpn_on", Wording("A VPN or proxy was on"), "vpn", "proxy"
        ),
    ),
    "phone.sms_code_received": Ask(
        Wording("Did the verification code sent by SMS arrive?"),
        Wording("the SMS verification code arriving"),
        Wording("Your phone's messages."),
        # Asked where the place points at the phone (a sign-up, a card link).
        tick=happened(
            WHAT_HAPPENED,
            "phone.sms_code_received",
            Wording("The verification code sent by SMS never arrived"),
            "sms",
            "no code",
            "收不到验证码",
            when=False,
        ),
    ),
    "phone.roaming": Ask(
        Wording("Is roaming on for the SIM in your phone?"),
        Wording("roaming on your SIM"),
        Wording("Phone settings > Mobile data > Roaming; a Chinese SIM needs none."),
    ),
    "bank_cards": Ask(
        Wording("How many Chinese bank cards have you linked, or tried to link, to your wallets?"),
        Wording("your Chinese bank cards"),
        Wording("Cards issued by a bank in mainland China (UnionPay); 0 if none."),
    ),
    "bank_cards[].bank": Ask(
        Wording("Which bank issued this card?"),
        Wording("the card's bank"),
        Wording("The name printed on the card."),
        shown_as_typed=KNOWN_BANKS,
    ),
    "bank_cards[].last4": Ask(
        Wording("What are the card's last four digits?"),
        Wording("the card's last four digits"),
        Wording("The card itself, or the card list in the wallet."),
    ),
    "bank_cards[].passport_number_on_file": Ask(
        Wording("Which passport number does your bank hold for this card?"),
        Wording("the passport number your bank holds"),
        BANK_RECORD,
        kept_by=BANK,
    ),
    "bank_cards[].phone_on_file": Ask(
        Wording("Which mobile number does your bank hold for this card (预留手机号)?"),
        Wording("the mobile number your bank holds (预留手机号)"),
        BANK_RECORD,
        kept_by=BANK,
    ),
    "bank_cards[].name_on_file": Ask(
        Wording("How does your bank write your name for this card?"),
        Wording("the name your bank holds"),
        BANK_RECORD,
        kept_by=BANK,
    ),
    "bank_cards[].name_entered": Ask(
        Wording("Exactly how did you type your name when you linked the card?"),
        Wording("the name you typed when linking the card"),
        Wording("As you remember typing it: spaces, commas and order matter."),
    ),
    "bank_cards[].status": Ask(
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
    "bank_cards[].wallet": Ask(
        Wording("Where is this card linked?"),
        Wording("the wallet the card is linked in"),
        Wording("The card list in Alipay and in WeChat Pay."),
        {
            **WALLET_CHOICES,
            "none": Choice(
                Wording("In no wallet"),
                ("none", "no wallet", "not linked", "neither", "都没有", "没有绑定"),
            ),
        },
    ),
    "bank_cards[].passport_updated": Ask(
        Wording("Has the bank confirmed that it now holds your current passport for this card?"),
        Wording("the bank's confirmation of your new passport"),
        Wording("Yes only if the bank told you so."),
    ),
    "bank_cards[].frozen": Ask(
        Wording('Does the bank say this account is frozen, or does an ATM say "invalid card"?'),
        Wording("the account frozen by the bank"),
        Wording("What the ATM, the bank's app or its SMS say; yes if it says frozen (冻结)."),
    ),
    "bank_cards[].last_used": Ask(
        Wording("When did you last use this account (a payment, a transfer, the ATM)?"),
        Wording("when the account was last used"),
        Wording("Roughly is fine: a month (2026-03) or a year."),
    ),
    "bank_cards[].issued_outside_mainland": Ask(
        Wording(
            "Was this account opened at a branch outside mainland China (Hong Kong, Japan...)?"
        ),
        Wording("an account from a branch outside the mainland"),
        Wording("Where you opened the account; the card or the bank's app names the branch."),
    ),
    "foreign_cards": Ask(
        Wording(
            "How many cards from outside mainland China (Visa, Mastercard, JCB...) have you"
            " linked to your wallets?"
        ),
        Wording("your foreign cards"),
        Wording("0 if none."),
    ),
    "foreign_cards[].network": Ask(
        Wording("Which network is this card?"),
        Wording("the card's network"),
        Wording("The logo on the card."),
        {
            "visa": Choice(Wording("Visa")),
            "mastercard": Choice(Wording("Mastercard"), ("master card", "mc")),
            "jcb": Choice(Wording("JCB")),
            "amex": Choice(Wording("American Express"), ("american express",)),
            "diners": Choice(Wording("Diners Club"), ("diners club",)),
            "discover": Choice(Wording("Discover")),
            "unionpay": Choice(Wording("UnionPay"), ("union pay",)),
            "mir": Choice(Wording("Mir"), ("мир",)),
            "rupay": Choice(Wording("RuPay"), ("ru pay",)),
            "elo": Choice(Wording("Elo")),
            "other": Choice(Wording("Another network"), ("something else",)),
        },
    ),
    "foreign_cards[].last4": Ask(
        Wording("What are the card's last four digits?"),
        Wording("the card's last four digits"),
        Wording("The card itself, or the card list in the wallet."),
    ),
    "foreign_cards[].wallet": Ask(
        Wording("Where is this card linked?"),
        Wording("the wallet the card is linked in"),
        Wording("The card list in Alipay and in WeChat Pay."),
        WALLET_CHOICES,
    ),
    "foreign_cards[].kind": Ask(
        Wording("Is this card a credit card, a debit card or a prepaid card?"),
        Wording("the kind of card"),
        Wording("The card itself, or your bank's app."),
        {
            "credit": Choice(Wording("Credit card"), ("credit", "信用")),
            "debit": Choice(Wording("Debit card"), ("debit", "借记", "储蓄卡")),
            "prepaid": Choice(Wording("Prepaid card"), ("prepaid", "travel card", "预付")),
        },
    ),
    "foreign_cards[].issuer_country": Ask(
        Wording("In which country is the bank that issued this card? (two letters: JP, US, RU...)"),
        Wording("the country of the card's bank"),
        Wording("Your bank at home; the two-letter country code (GB, DE, JP...)."),
    ),
    "foreign_cards[].status": Ask(
        Wording("What happens when you pay with this card?"),
        Wording("what happens when you pay with it"),
        CARD_SCREEN,
        {
            "ok": Choice(Wording("It works"), ("works", "fine", "正常", "能用")),
            "declined": Choice(
                Wording("The payment is declined"),
                ("rejected", "refused", "fails", "failed", "拒绝", "被拒"),
                in_message=("card declined", "payment declined", "付款被拒", "交易被拒"),
            ),
            "blocked_by_issuer": Choice(
                Wording("My bank at home blocked it"),
                ("blocked", "issuer blocked", "fraud alert", "拦截", "冻结"),
                in_message=("declined by issuer", "issuer declined", "发卡行拒绝", "发卡行拦截"),
            ),
            "verification_failed": Choice(
                Wording("Its code or bank-app check fails"),
                ("3d secure", "3ds", "otp", "no code", "验证失败"),
                in_message=(
                    "card verification failed",
                    "verification failed",
                    "3d secure",
                    "3-d secure",
                    "验证失败",
                    "验证未通过",
                ),
            ),
            "not_accepted": Choice(
                Wording("Foreign cards are not accepted here"),
                ("not accepted", "not supported", "不支持", "不接受"),
            ),
        },
        symptom=True,
    ),
    "payment.amount_usd": Ask(
        Wording("Roughly how much was the payment that failed, in US dollars?"),
        Wording("the payment's amount"),
        Wording("A rough figure is enough (100 yuan is about 14 dollars)."),
    ),
    "payment.payee": Ask(
        Wording("Who were you paying, and how?"),
        Wording("who was paid"),
        Wording(
            "A person's code shows a person's name (street stalls, taxis, small shops); a"
            " shop's code shows the shop's name."
        ),
        {
            "merchant_qr": Choice(
                Wording("I scanned a shop's code (it shows the shop's name)"),
                ("shop code", "merchant code", "business code", "商家码", "商家收款码"),
            ),
            "merchant_scans_me": Choice(
                Wording("The cashier scanned my payment code"),
                ("cashier scanned", "they scanned me", "payment code", "付款码", "被扫"),
            ),
            "personal_qr": Choice(
                Wording("I scanned a person's code (street stall, taxi, small shop)"),
                ("stall", "street stall", "taxi", "personal code", "个人收款码", "个人码", "摊"),
            ),
            "transfer": Choice(
                Wording("I sent money to a person (transfer, red packet, splitting a bill)"),
                ("transfer", "red packet", "send money", "split", "转账", "红包", "AA"),
            ),
            "online": Choice(
                Wording("Inside an app, a mini-program or a website"),
                ("app", "mini program", "mini-program", "website", "online", "小程序", "网站"),
            ),
        },
        symptom=True,
    ),
    "payment.amount_cny": Ask(
        Wording("Roughly how much was the payment that failed, in yuan?"),
        Wording("the payment's amount in yuan"),
        Wording("A rough figure is enough."),
    ),
    "payment.fee_notice": Ask(
        Wording("Did the app show a service fee to accept before paying?"),
        Wording("a service-fee notice before paying"),
        Wording("Foreign cards pay a fee on payments over CNY 200; the app asks you to accept it."),
        symptom=True,
        tick=happened(
            WHAT_HAPPENED,
            "payment.fee_notice",
            Wording("The app showed a service fee to accept before paying"),
            "fee",
            "service fee",
            "手续费",
            "服务费",
        ),
    ),
    "payment.year_total_usd": Ask(
        Wording(
            "Roughly how much have you paid with foreign cards in this wallet this year,"
            " in US dollars?"
        ),
        Wording("what you paid with foreign cards this year"),
        Wording("The wallet's bill; a rough figure is enough."),
        kept_by=APP,
    ),
    **_wallet("alipay"),
    **_wallet("wechat_pay"),
    "taobao.bound_to_alipay": Ask(
        Wording("Is your Taobao account bound to your Alipay account?"),
        Wording("Taobao's link to Alipay"),
        Wording("Taobao: My Taobao > Settings > Alipay account."),
        kept_by=APP,
    ),
    "taobao.payment_method": Ask(
        Wording("Which payment method is set in Taobao?"),
        Wording("Taobao's payment method"),
        Wording("Taobao: My Taobao > Settings > Payment."),
        {
            "alipay": Choice(Wording("Alipay")),
            "credit_card": Choice(Wording("A credit card"), ("card", "visa", "mastercard")),
            "other": Choice(Wording("Something else")),
        },
        kept_by=APP,
    ),
    "taobao.account_age_days": Ask(
        Wording("How many days old is your Taobao account?"),
        Wording("your Taobao account's age"),
        Wording("Roughly: the days since you signed up."),
    ),
    "taobao.spending_changed": Ask(
        Wording("Has your spending on Taobao changed suddenly (much more, or new kinds of shops)?"),
        Wording("a sudden change in your Taobao spending"),
        Wording("Taobao: My Taobao > My Orders."),
    ),
    "taobao.security_error": Ask(
        Wording('Does Taobao show a security or "unusual activity" error when you pay?'),
        Wording("Taobao's security error"),
        Wording("The message at Taobao's checkout."),
        symptom=True,
    ),
    "taobao.cache_cleared": Ask(
        Wording("Have you cleared the Taobao app's or browser's cache since the error?"),
        Wording("clearing Taobao's cache"),
        Wording("Taobao: Settings > General > Clear cache."),
    ),
    "symptom.where": Ask(
        Wording("Where does it fail?"),
        Wording("where the payment fails"),
        Wording("Choose the closest."),
        {
            "bank_card_link": Choice(
                Wording("Adding a Chinese bank card in Alipay"),
                CARD_LINK_WORDS,
                layers=("documents", "bank", "alipay"),
                points_at=("documents", "bank"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "alipay": Choice(
                Wording("Paying with Alipay"),
                ("alipay", "zhifubao", "支付宝"),
                layers=("documents", "bank", "alipay"),
                points_at=("documents", "alipay"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "taobao": Choice(
                Wording("Paying on Taobao"),
                ("taobao", "淘宝"),
                layers=("documents", "bank", "alipay", "taobao"),
                points_at=("documents", "taobao"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "wechat_pay_card_link": Choice(
                Wording("Adding a Chinese bank card in WeChat Pay"),
                ("wechat card link", "微信绑卡", "微信绑定银行卡", "微信添加银行卡"),
                layers=("documents", "bank", "wechat_pay"),
                points_at=("documents", "bank"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "wechat_pay": Choice(
                Wording("Paying with WeChat Pay"),
                ("wechat", "weixin", "微信", "微信支付"),
                layers=("documents", "bank", "wechat_pay"),
                points_at=("documents", "wechat_pay"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "foreign_card": Choice(
                Wording("Paying with a foreign card (Visa, Mastercard...)"),
                ("foreign card", "visa", "mastercard", "境外卡", "外卡"),
                layers=("device", "bank", "alipay", "wechat_pay", "payee"),
                points_at=("foreign_cards", "device", "payee"),
                not_about=("bank_cards",),
                sets={"foreign_cards": [{}]},
                # A code by SMS is asked for when a card is added or an account is made.
                not_asked=(*VISITOR_NOT_ASKED, "phone.sms_code_received", "phone.roaming"),
            ),
            "wallet_setup": Choice(
                Wording("Signing up or verifying my identity in a wallet"),
                ("sign up", "register", "verify identity", "verification", "注册", "实名认证"),
                layers=("device", "alipay", "wechat_pay"),
                points_at=("alipay", "wechat_pay", "device"),
                not_about=("bank_cards",),
                not_asked=VISITOR_NOT_ASKED,
                then=("symptom.wallet",),
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
            "foreign_card_link": Choice(
                Wording("Adding a foreign card (Visa, Mastercard...) to a wallet"),
                ("add visa", "link visa", "add foreign card", "添加境外卡", "绑定境外卡"),
                layers=("device", "bank", "alipay", "wechat_pay"),
                points_at=("foreign_cards", "device"),
                not_about=("bank_cards",),
                not_asked=VISITOR_NOT_ASKED,
                then=("symptom.wallet",),
            ),
        },
    ),
    "symptom.wallet": Ask(
        Wording("In which wallet does it fail?"),
        Wording("the wallet where it fails"),
        Wording("The app you were paying or signing up with."),
        {
            "alipay": WALLET_CHOICES["alipay"],
            "wechat_pay": WALLET_CHOICES["wechat_pay"],
        },
    ),
    "symptom.error_message": Ask(
        Wording("What does the error message say?"),
        Wording("the error message"),
        Wording("Type it or paste it as shown, in Chinese or English; a few words are enough."),
        symptom=True,
    ),
    "symptom.persists": Ask(
        Wording("Does it still fail after what you have already tried?"),
        Wording("whether the failure persists"),
        Wording("Try once more now if you can: does it fail again?"),
        symptom=True,
        tick=happened(
            WHAT_HAPPENED,
            "symptom.persists",
            Wording("It failed again when I tried once more"),
            "again",
            "still fails",
            "还是失败",
        ),
    ),
    "travel.limited_connectivity": Ask(
        Wording("Are you somewhere with a weak mobile or internet connection?"),
        Wording("a weak connection where you are"),
        Wording("The signal bars on your phone, or whether web pages load slowly."),
    ),
}
