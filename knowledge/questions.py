"""How each fact is asked, kept in one place per fact: the question, where to find the answer,
the fact's name in words (`label`, for sentences about it), and choices' labels and synonyms.

The help says where the answer is, as the apps name their menus; where each
wallet keeps a person's identity is said once, in `knowledge/_wallets.py`.
"""

from engine.asking import APP, BANK, Ask, Choice
from engine.wording import Wording
from knowledge._wallets import ALIPAY, WECHAT_PAY

PASSPORT = Wording(
    en="Your passport's photo page.",
    zh="护照的个人资料页。",
)
PERMIT = Wording(
    en="The front of your residence permit card.",
    zh="居留许可证（卡）的正面。",
)
BANK_RECORD = Wording(
    en="Only your bank can say: ask at a branch or in the bank's app.",
    zh="只有银行知道：去网点或在银行 App 里查询。",
)
CARD_SCREEN = Wording(
    en="What the wallet shows when you add or use the card.",
    zh="添加或使用这张卡时，钱包显示的内容。",
)
APPS = {
    "alipay": {
        "name": ALIPAY.name,
        "identity": ALIPAY.identity_menu,
        "home": Wording(en="Alipay's home screen and messages.", zh="支付宝首页和消息。"),
        "account": Wording(
            en="Alipay: Account > Settings > Account and Security.",
            zh="支付宝：我的 > 设置 > 账号与安全。",
        ),
        "balance": Wording(en="Alipay: Account > Balance.", zh="支付宝：我的 > 余额。"),
    },
    "wechat_pay": {
        "name": WECHAT_PAY.name,
        "identity": WECHAT_PAY.identity_menu,
        "home": Wording(
            en="WeChat: Me > Pay and Services, and messages from WeChat Pay.",
            zh="微信：我 > 服务，以及微信支付发来的消息。",
        ),
        "account": Wording(
            en="WeChat: Me > Settings > Account Security.", zh="微信：我 > 设置 > 账号与安全。"
        ),
        "balance": Wording(
            en="WeChat: Me > Pay and Services > Wallet > Balance.",
            zh="微信：我 > 服务 > 钱包 > 零钱。",
        ),
    },
}
WALLET_CHOICES = {
    "alipay": Choice(Wording(en="Alipay", zh="支付宝"), ("zhifubao", "ali"), ("alipay",)),
    "wechat_pay": Choice(
        Wording(en="WeChat Pay", zh="微信支付"), ("wechat", "weixin", "微信"), ("wechat_pay",)
    ),
    "both": Choice(
        Wording(en="Both", zh="两个都有"),
        ("both of them", "alipay and wechat", "都"),
        ("alipay", "wechat_pay"),
    ),
}
VERIFICATION = {
    "passport_photo": Choice(Wording(en="A photo of my passport", zh="护照照片"), ("passport",)),
    "selfie": Choice(
        Wording(en="A selfie or face scan", zh="自拍或刷脸"), ("face", "人脸", "刷脸")
    ),
    "address": Choice(Wording(en="My address", zh="住址"), ("home address", "地址")),
    "occupation": Choice(Wording(en="My occupation", zh="职业"), ("job", "work", "工作")),
    "phone": Choice(Wording(en="My phone number", zh="手机号"), ("mobile", "phone number")),
    "second_bank_card": Choice(
        Wording(en="Another bank card", zh="另一张银行卡"), ("second card", "another card")
    ),
}


def _wallet(key: str) -> dict[str, Ask]:
    """The same questions about each wallet's records, with its name and menus."""
    app = APPS[key]
    name = app["name"]

    def words(en: str, zh: str) -> Wording:
        return Wording(en=en, zh=zh).format(wallet=name)

    # What the wallet showed is known together: "nothing" answers its three questions at once.
    shown_nothing = {
        f"{key}.document_expiry_notice": False,
        f"{key}.restricted": False,
        f"{key}.verification_requested": [],
    }
    nothing = words(
        "nothing: {wallet} shows no notice, restriction or request at all",
        "都没有：{wallet}没有任何过期提示、限制或补充材料的要求",
    )

    return {
        f"{key}.phone": Ask(
            words(
                "Which mobile number is your {wallet} account registered with?",
                "你的{wallet}账户绑定的是哪个手机号？",
            ),
            words("the mobile number of your {wallet} account", "{wallet}账户的手机号"),
            app["account"],
            kept_by=APP,
        ),
        f"{key}.identity.name": Ask(
            words(
                "Which name does {wallet} show for you in Identity Information?",
                "{wallet}的身份信息里显示的姓名是什么？",
            ),
            words("the name in {wallet}'s Identity Information", "{wallet}身份信息里的姓名"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.passport_number": Ask(
            words(
                "Which passport number does {wallet} show in Identity Information?",
                "{wallet}的身份信息里显示的护照号码是什么？",
            ),
            words("the passport number {wallet} holds", "{wallet}记录的护照号码"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.residence_permit_number": Ask(
            words(
                "Which residence permit number does {wallet} show in Identity Information?",
                "{wallet}的身份信息里显示的居留许可号码是什么？",
            ),
            words("the residence permit number {wallet} holds", "{wallet}记录的居留许可号码"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.residence_permit_expiry_date": Ask(
            words(
                "Which expiry date of your residence permit does {wallet} show?",
                "{wallet}显示的居留许可有效期到哪天？",
            ),
            words(
                "the residence permit expiry date {wallet} holds", "{wallet}记录的居留许可有效期"
            ),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.address": Ask(
            words(
                "Which home address does {wallet} show in Identity Information?",
                "{wallet}的身份信息里显示的住址是什么？",
            ),
            words("the address {wallet} holds", "{wallet}记录的住址"),
            app["identity"],
            kept_by=APP,
        ),
        f"{key}.identity.verified": Ask(
            words(
                "Does {wallet} show your identity (passport) as verified?",
                "{wallet}有没有显示你的身份（护照）已认证？",
            ),
            words("whether {wallet} has verified your identity", "{wallet}是否已完成实名认证"),
            words(
                "{wallet}'s Identity Information; answer no while a review is still pending.",
                "{wallet}的身份信息；如果还在审核中，请回答“没有”。",
            ),
            kept_by=APP,
        ),
        f"{key}.identity.scan_failed": Ask(
            words(
                "Does the passport scan or identity check keep failing when {wallet} verifies you?",
                "{wallet}实名认证时，护照扫描或身份核验是不是一直失败？",
            ),
            words("a passport scan that keeps failing in {wallet}", "{wallet}护照扫描一直失败"),
            words(
                "The verification screen in {wallet}: the photo is refused or the check fails.",
                "{wallet}的认证页面：照片被拒或核验失败。",
            ),
            # Asked where the place points at it (a sign-up), not wherever a wallet fails.
        ),
        f"{key}.document_expiry_notice": Ask(
            words(
                "Does {wallet} show a notice that one of your documents has expired?",
                "{wallet}有没有提示你的证件已过期？",
            ),
            words("a document-expired notice in {wallet}", "{wallet}的证件过期提示"),
            app["home"],
            symptom=True,
            none=shown_nothing,
            nothing=nothing,
        ),
        f"{key}.balance_cny": Ask(
            words(
                "How much money is in your {wallet} balance, in yuan?", "你的{wallet}余额有多少元？"
            ),
            words("your {wallet} balance", "{wallet}余额"),
            app["balance"],
            kept_by=APP,
        ),
        f"{key}.restricted": Ask(
            words(
                "Does {wallet} say that some of your account's functions are restricted?",
                "{wallet}有没有提示你的账户部分功能受限？",
            ),
            words("a restriction on your {wallet} account", "{wallet}账户受限"),
            app["home"],
            symptom=True,
            none=shown_nothing,
            nothing=nothing,
        ),
        f"{key}.verification_requested": Ask(
            words(
                "Does {wallet} ask you to provide something to verify your account? Which things?",
                "{wallet}有没有要求你补充材料来验证账户？要求哪些？",
            ),
            words("what {wallet} asks you to provide", "{wallet}要求补充的材料"),
            words(
                "The request {wallet} shows; answer none if it asks for nothing.",
                "{wallet}显示的要求；如果没有要求，请回答“没有”。",
            ),
            VERIFICATION,
            symptom=True,
            none={f"{key}.verification_requested": []},
            never=words("Nothing: {wallet} asks for nothing", "没有：{wallet}什么都没要求"),
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
        Wording(en="Which day is the diagnosis for?", zh="诊断以哪一天为准？"),
        Wording(en="the day of the diagnosis", zh="诊断日期"),
    ),
    "person.surname": Ask(
        Wording(en="What is your surname, as printed in your passport?", zh="护照上印的姓是什么？"),
        Wording(en="your surname", zh="你的姓"),
        PASSPORT,
    ),
    "person.given_names": Ask(
        Wording(
            en="What are your given names, middle names included, as printed in your passport?",
            zh="护照上印的名字（包括中间名）是什么？",
        ),
        Wording(en="your given names", zh="你的名字"),
        PASSPORT,
    ),
    "passport.number": Ask(
        Wording(en="What is your current passport's number?", zh="你现在的护照号码是多少？"),
        Wording(en="your passport number", zh="护照号码"),
        PASSPORT,
    ),
    "passport.expiry_date": Ask(
        Wording(en="When does your passport expire?", zh="你的护照什么时候到期？"),
        Wording(en="your passport's expiry date", zh="护照有效期"),
        Wording(
            en='Your passport\'s photo page, "Date of expiry"; the month is enough.',
            zh="护照个人资料页上的“有效期至”；写到月份即可。",
        ),
    ),
    "passport.previous_number": Ask(
        Wording(en="What was your old passport's number?", zh="你的旧护照号码是多少？"),
        Wording(en="your old passport's number", zh="旧护照号码"),
        Wording(
            en="The old passport, if you kept it (often returned with a cut corner).",
            zh="旧护照（通常剪角后退还给你）。",
        ),
    ),
    "passport.renewed_on": Ask(
        Wording(
            en="When did you get your current passport in place of an older one?",
            zh="你现在这本护照是什么时候换发的（替换旧护照）？",
        ),
        Wording(en="when your passport was renewed", zh="护照换发的时间"),
        Wording(
            en='Its "Date of issue"; the month is enough. Answer no if it is your first passport.',
            zh="护照上的“签发日期”；写到月份即可。如果是第一本护照，请回答“不是”。",
        ),
        none={"passport.renewed": False},
        yes={"passport.renewed": True},
        never=Wording(en="Never: it is my first passport", zh="没有：这是我的第一本护照"),
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
    ),
    "passport.renewed": Ask(
        Wording(
            en="Did your current passport replace an older one (was it renewed)?",
            zh="你现在的护照是换发的新护照吗（替换了旧护照）？",
        ),
        Wording(en="whether your passport was renewed", zh="护照是否换发"),
        Wording(
            en="Banks and wallets keep the old passport's number until you update it.",
            zh="银行和钱包会一直保留旧护照号码，直到你去更新。",
        ),
    ),
    "passport.previous_expiry_date": Ask(
        Wording(en="When did your old passport expire?", zh="你的旧护照什么时候到期？"),
        Wording(en="your old passport's expiry date", zh="旧护照有效期"),
        Wording(
            en="The old passport's photo page; the month is enough.",
            zh="旧护照个人资料页；写到月份即可。",
        ),
    ),
    "residence_permit.held": Ask(
        Wording(
            en="Do you hold a Chinese residence permit (not only a visa)?",
            zh="你有中国的居留许可吗（不只是签证）？",
        ),
        Wording(en="whether you hold a residence permit", zh="是否持有居留许可"),
        Wording(
            en="A residence permit is a card or a passport page issued by the exit-entry office.",
            zh="居留许可是出入境管理部门签发的卡或护照内页。",
        ),
    ),
    "residence_permit.number": Ask(
        Wording(en="What is your residence permit's number?", zh="你的居留许可号码是多少？"),
        Wording(en="your residence permit number", zh="居留许可号码"),
        PERMIT,
        none=NO_PERMIT,
    ),
    "residence_permit.expiry_date": Ask(
        Wording(en="When does your residence permit expire?", zh="你的居留许可什么时候到期？"),
        Wording(en="your residence permit's expiry date", zh="居留许可有效期"),
        Wording(
            en='The front of your residence permit, "valid until"; the month is enough.',
            zh="居留许可正面的“有效期至”；写到月份即可。",
        ),
        none=NO_PERMIT,
    ),
    "residence_permit.name": Ask(
        Wording(
            en="How is your name printed on your residence permit?",
            zh="居留许可上你的英文姓名是怎么印的？",
        ),
        Wording(en="the name on your residence permit", zh="居留许可上的姓名"),
        PERMIT,
        none=NO_PERMIT,
    ),
    "phone.number": Ask(
        Wording(en="Which mobile number do you use now?", zh="你现在用的手机号是多少？"),
        Wording(en="your mobile number", zh="你的手机号"),
        Wording(en="The number of the SIM in your phone.", zh="你手机里这张 SIM 卡的号码。"),
    ),
    "phone.changed_on": Ask(
        Wording(
            en="When did you last change your mobile number?", zh="你最近一次换手机号是什么时候？"
        ),
        Wording(en="when you changed your mobile number", zh="换手机号的时间"),
        Wording(
            en="Roughly is fine: the month you got your current SIM; never if you never changed"
            " it.",
            zh="大概即可：办现在这张卡的月份；从没换过请回答“没有”。",
        ),
        none={"phone.changed": False},
        never=Wording(en="Never: I have always had this number", zh="从没换过：一直用这个号码"),
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
        # more for a traveller who does not know when, and no cause found by it).
    ),
    "phone.changed": Ask(
        Wording(
            en="Have you ever changed your mobile number (since your bank and wallets have had"
            " it)?",
            zh="你换过手机号吗（在银行和钱包登记之后）？",
        ),
        Wording(en="whether you changed your mobile number", zh="是否换过手机号"),
        Wording(
            en="Answer no if you have always used the same number here.",
            zh="如果在这里一直用同一个号码，请回答“没有”。",
        ),
    ),
    "phone.suspended": Ask(
        Wording(
            en="Was your Chinese SIM cut off (unpaid or unused)?",
            zh="你的中国手机卡停机了吗（欠费或长期没用）？",
        ),
        Wording(en="your Chinese SIM cut off", zh="中国手机卡停机"),
        Wording(
            en="Whether the SIM still gets calls and SMS; the carrier's app or shop can say.",
            zh="这张卡还能不能接电话和短信；运营商 App 或营业厅可以查。",
        ),
    ),
    "phone.vpn_on": Ask(
        Wording(en="Was a VPN or proxy on when it failed?", zh="出问题时手机上开着 VPN 或代理吗？"),
        Wording(en="a VPN on while paying", zh="付款时开着 VPN"),
        Wording(
            en="The VPN icon at the top of the screen, or your VPN app.",
            zh="屏幕顶部的 VPN 图标，或你的 VPN App。",
        ),
    ),
    "phone.sms_code_received": Ask(
        Wording(en="Did the verification code sent by SMS arrive?", zh="短信验证码收到了吗？"),
        Wording(en="the SMS verification code arriving", zh="收到短信验证码"),
        Wording(en="Your phone's messages.", zh="手机短信。"),
        # Asked where the place points at the phone (a sign-up, a card link).
    ),
    "phone.roaming": Ask(
        Wording(
            en="Is roaming on for the SIM in your phone?", zh="你手机里的 SIM 卡开通漫游了吗？"
        ),
        Wording(en="roaming on your SIM", zh="SIM 卡漫游"),
        Wording(
            en="Phone settings > Mobile data > Roaming; a Chinese SIM needs none.",
            zh="手机设置 > 移动数据 > 漫游；中国的 SIM 卡不需要。",
        ),
    ),
    "bank_cards": Ask(
        Wording(
            en="How many Chinese bank cards have you linked, or tried to link, to your wallets?",
            zh="你在钱包里绑定（或试过绑定）了几张中国的银行卡？",
        ),
        Wording(en="your Chinese bank cards", zh="你的国内银行卡"),
        Wording(
            en="Cards issued by a bank in mainland China (UnionPay); 0 if none.",
            zh="中国大陆银行发的卡（银联）；没有就填 0。",
        ),
    ),
    "bank_cards[].bank": Ask(
        Wording(en="Which bank issued this card?", zh="这张卡是哪家银行的？"),
        Wording(en="the card's bank", zh="发卡银行"),
        Wording(en="The name printed on the card.", zh="卡面上印的银行名称。"),
    ),
    "bank_cards[].last4": Ask(
        Wording(en="What are the card's last four digits?", zh="这张卡的卡号后四位是什么？"),
        Wording(en="the card's last four digits", zh="卡号后四位"),
        Wording(
            en="The card itself, or the card list in the wallet.", zh="卡面，或钱包里的银行卡列表。"
        ),
    ),
    "bank_cards[].passport_number_on_file": Ask(
        Wording(
            en="Which passport number does your bank hold for this card?",
            zh="银行为这张卡登记的护照号码是哪个？",
        ),
        Wording(en="the passport number your bank holds", zh="银行登记的护照号码"),
        BANK_RECORD,
        kept_by=BANK,
    ),
    "bank_cards[].phone_on_file": Ask(
        Wording(
            en="Which mobile number does your bank hold for this card (预留手机号)?",
            zh="银行为这张卡预留的手机号是哪个（预留手机号）？",
        ),
        Wording(en="the mobile number your bank holds (预留手机号)", zh="银行预留手机号"),
        BANK_RECORD,
        kept_by=BANK,
    ),
    "bank_cards[].name_on_file": Ask(
        Wording(
            en="How does your bank write your name for this card?",
            zh="银行登记的持卡人姓名是怎么写的？",
        ),
        Wording(en="the name your bank holds", zh="银行登记的姓名"),
        BANK_RECORD,
        kept_by=BANK,
    ),
    "bank_cards[].name_entered": Ask(
        Wording(
            en="Exactly how did you type your name when you linked the card?",
            zh="绑卡时你是怎么输入姓名的（原样写出）？",
        ),
        Wording(en="the name you typed when linking the card", zh="绑卡时输入的姓名"),
        Wording(
            en="As you remember typing it: spaces, commas and order matter.",
            zh="按你记得的输入方式：空格、逗号和顺序都重要。",
        ),
    ),
    "bank_cards[].status": Ask(
        Wording(en="What happens with this card in the wallet?", zh="这张卡在钱包里是什么情况？"),
        Wording(en="what happens in the wallet", zh="在钱包里的情况"),
        CARD_SCREEN,
        {
            "ok": Choice(
                Wording(en="It works", zh="能正常使用"), ("works", "fine", "ok", "正常", "能用")
            ),
            "cannot_be_verified": Choice(
                Wording(en="It is refused: verification fails", zh="被拒绝：验证不通过"),
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
                Wording(en="Nothing happens, or no code arrives", zh="没有反应，或收不到验证码"),
                ("no response", "nothing", "hangs", "no code", "没反应", "收不到验证码"),
            ),
            "not_linked": Choice(
                Wording(en="It is not linked (any more)", zh="没有绑定（或已解绑）"),
                ("unlinked", "removed", "not added", "未绑定", "解绑"),
            ),
        },
        symptom=True,
    ),
    "bank_cards[].wallet": Ask(
        Wording(en="Where is this card linked?", zh="这张卡绑定在哪里？"),
        Wording(en="the wallet the card is linked in", zh="绑定的钱包"),
        Wording(
            en="The card list in Alipay and in WeChat Pay.", zh="支付宝和微信支付里的银行卡列表。"
        ),
        {
            **WALLET_CHOICES,
            "none": Choice(
                Wording(en="In no wallet", zh="没有绑定任何钱包"),
                ("none", "no wallet", "not linked", "neither", "都没有", "没有绑定"),
            ),
        },
    ),
    "bank_cards[].passport_updated": Ask(
        Wording(
            en="Has the bank confirmed that it now holds your current passport for this card?",
            zh="银行是否已确认这张卡登记的是你现在的护照？",
        ),
        Wording(en="the bank's confirmation of your new passport", zh="银行对新护照的确认"),
        Wording(en="Yes only if the bank told you so.", zh="只有银行明确告诉过你时才回答“是”。"),
    ),
    "bank_cards[].frozen": Ask(
        Wording(
            en='Does the bank say this account is frozen, or does an ATM say "invalid card"?',
            zh="银行说这个账户被冻结了吗？或者 ATM 显示“无效卡”吗？",
        ),
        Wording(en="the account frozen by the bank", zh="账户被银行冻结"),
        Wording(
            en="What the ATM, the bank's app or its SMS say; yes if it says frozen (冻结).",
            zh="ATM、银行 App 或银行短信的提示；显示“冻结”就回答“是”。",
        ),
    ),
    "bank_cards[].last_used": Ask(
        Wording(
            en="When did you last use this account (a payment, a transfer, the ATM)?",
            zh="你最近一次使用这个账户（付款、转账、取款）是什么时候？",
        ),
        Wording(en="when the account was last used", zh="账户最近一次使用的时间"),
        Wording(
            en="Roughly is fine: a month (2026-03) or a year.",
            zh="大概即可：月份（2026-03）或年份。",
        ),
    ),
    "bank_cards[].issued_outside_mainland": Ask(
        Wording(
            en="Was this account opened at a branch outside mainland China (Hong Kong, Japan...)?",
            zh="这个账户是在中国大陆以外的分行（香港、日本等）开的吗？",
        ),
        Wording(en="an account from a branch outside the mainland", zh="中国大陆以外分行开的账户"),
        Wording(
            en="Where you opened the account; the card or the bank's app names the branch.",
            zh="你开户的地方；银行卡或银行 App 上写着开户行。",
        ),
    ),
    "foreign_cards": Ask(
        Wording(
            en="How many cards from outside mainland China (Visa, Mastercard, JCB...) have you"
            " linked to your wallets?",
            zh="你在钱包里绑定了几张境外银行卡（Visa、万事达、JCB 等）？",
        ),
        Wording(en="your foreign cards", zh="你的境外银行卡"),
        Wording(en="0 if none.", zh="没有就填 0。"),
    ),
    "foreign_cards[].network": Ask(
        Wording(en="Which network is this card?", zh="这张卡是什么卡组织的？"),
        Wording(en="the card's network", zh="卡组织"),
        Wording(en="The logo on the card.", zh="卡面上的标志。"),
        {
            "visa": Choice(Wording(en="Visa", zh="Visa")),
            "mastercard": Choice(Wording(en="Mastercard", zh="万事达"), ("master card", "mc")),
            "jcb": Choice(Wording(en="JCB", zh="JCB")),
            "amex": Choice(Wording(en="American Express", zh="美国运通"), ("american express",)),
            "diners": Choice(Wording(en="Diners Club", zh="大来卡"), ("diners club",)),
            "discover": Choice(Wording(en="Discover", zh="发现卡")),
            "unionpay": Choice(Wording(en="UnionPay", zh="银联"), ("union pay",)),
            "mir": Choice(Wording(en="Mir", zh="Mir（俄罗斯）"), ("мир",)),
            "rupay": Choice(Wording(en="RuPay", zh="RuPay（印度）"), ("ru pay",)),
            "elo": Choice(Wording(en="Elo", zh="Elo（巴西）")),
            "other": Choice(Wording(en="Another network", zh="其他"), ("something else",)),
        },
    ),
    "foreign_cards[].last4": Ask(
        Wording(en="What are the card's last four digits?", zh="这张卡的卡号后四位是什么？"),
        Wording(en="the card's last four digits", zh="卡号后四位"),
        Wording(
            en="The card itself, or the card list in the wallet.", zh="卡面，或钱包里的银行卡列表。"
        ),
    ),
    "foreign_cards[].wallet": Ask(
        Wording(en="Where is this card linked?", zh="这张卡绑定在哪里？"),
        Wording(en="the wallet the card is linked in", zh="绑定的钱包"),
        Wording(
            en="The card list in Alipay and in WeChat Pay.", zh="支付宝和微信支付里的银行卡列表。"
        ),
        WALLET_CHOICES,
    ),
    "foreign_cards[].kind": Ask(
        Wording(
            en="Is this card a credit card, a debit card or a prepaid card?",
            zh="这张卡是信用卡、借记卡还是预付卡？",
        ),
        Wording(en="the kind of card", zh="卡的种类"),
        Wording(en="The card itself, or your bank's app.", zh="卡面，或发卡行的 App。"),
        {
            "credit": Choice(Wording(en="Credit card", zh="信用卡"), ("credit", "信用")),
            "debit": Choice(Wording(en="Debit card", zh="借记卡"), ("debit", "借记", "储蓄卡")),
            "prepaid": Choice(
                Wording(en="Prepaid card", zh="预付卡"), ("prepaid", "travel card", "预付")
            ),
        },
    ),
    "foreign_cards[].issuer_country": Ask(
        Wording(
            en="In which country is the bank that issued this card? (two letters: JP, US, RU...)",
            zh="这张卡的发卡行在哪个国家？（两个字母：JP、US、RU 等）",
        ),
        Wording(en="the country of the card's bank", zh="发卡行所在国家"),
        Wording(
            en="Your bank at home; the two-letter country code (GB, DE, JP...).",
            zh="你本国的发卡银行；填两个字母的国家代码（GB、DE、JP 等）。",
        ),
    ),
    "foreign_cards[].status": Ask(
        Wording(en="What happens when you pay with this card?", zh="用这张卡付款时会怎样？"),
        Wording(en="what happens when you pay with it", zh="付款时的情况"),
        CARD_SCREEN,
        {
            "ok": Choice(
                Wording(en="It works", zh="能正常使用"), ("works", "fine", "正常", "能用")
            ),
            "declined": Choice(
                Wording(en="The payment is declined", zh="付款被拒绝"),
                ("rejected", "refused", "fails", "failed", "拒绝", "被拒"),
                in_message=("card declined", "payment declined", "付款被拒", "交易被拒"),
            ),
            "blocked_by_issuer": Choice(
                Wording(en="My bank at home blocked it", zh="发卡行拦截了"),
                ("blocked", "issuer blocked", "fraud alert", "拦截", "冻结"),
                in_message=("declined by issuer", "issuer declined", "发卡行拒绝", "发卡行拦截"),
            ),
            "verification_failed": Choice(
                Wording(en="Its code or bank-app check fails", zh="验证码或银行 App 验证失败"),
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
                Wording(en="Foreign cards are not accepted here", zh="这里不收境外卡"),
                ("not accepted", "not supported", "不支持", "不接受"),
            ),
        },
        symptom=True,
    ),
    "payment.amount_usd": Ask(
        Wording(
            en="Roughly how much was the payment that failed, in US dollars?",
            zh="失败的那笔付款大约多少美元？",
        ),
        Wording(en="the payment's amount", zh="付款金额"),
        Wording(
            en="A rough figure is enough (100 yuan is about 14 dollars).",
            zh="大概即可（100 元约合 14 美元）。",
        ),
    ),
    "payment.payee": Ask(
        Wording(en="Who were you paying, and how?", zh="你在付给谁，用的是什么方式？"),
        Wording(en="who was paid", zh="收款方"),
        Wording(
            en="A person's code shows a person's name (street stalls, taxis, small shops); a"
            " shop's code shows the shop's name.",
            zh="个人收款码上显示的是个人姓名（路边摊、出租车、小店）；商家收款码上显示的是店名。",
        ),
        {
            "merchant_qr": Choice(
                Wording(
                    en="I scanned a shop's code (it shows the shop's name)",
                    zh="我扫了商家的收款码（显示店名）",
                ),
                ("shop code", "merchant code", "business code", "商家码", "商家收款码"),
            ),
            "merchant_scans_me": Choice(
                Wording(en="The cashier scanned my payment code", zh="收银员扫了我的付款码"),
                ("cashier scanned", "they scanned me", "payment code", "付款码", "被扫"),
            ),
            "personal_qr": Choice(
                Wording(
                    en="I scanned a person's code (street stall, taxi, small shop)",
                    zh="我扫了个人收款码（路边摊、出租车、小店）",
                ),
                ("stall", "street stall", "taxi", "personal code", "个人收款码", "个人码", "摊"),
            ),
            "transfer": Choice(
                Wording(
                    en="I sent money to a person (transfer, red packet, splitting a bill)",
                    zh="我给个人转账（转账、红包、AA 付款）",
                ),
                ("transfer", "red packet", "send money", "split", "转账", "红包", "AA"),
            ),
            "online": Choice(
                Wording(
                    en="Inside an app, a mini-program or a website",
                    zh="在 App、小程序或网站里付款",
                ),
                ("app", "mini program", "mini-program", "website", "online", "小程序", "网站"),
            ),
        },
        symptom=True,
    ),
    "payment.amount_cny": Ask(
        Wording(
            en="Roughly how much was the payment that failed, in yuan?",
            zh="失败的那笔付款大约多少元？",
        ),
        Wording(en="the payment's amount in yuan", zh="付款金额（元）"),
        Wording(en="A rough figure is enough.", zh="大概即可。"),
    ),
    "payment.fee_notice": Ask(
        Wording(
            en="Did the app show a service fee to accept before paying?",
            zh="付款前 App 有没有显示需要你同意的服务费？",
        ),
        Wording(en="a service-fee notice before paying", zh="付款前的服务费提示"),
        Wording(
            en="Foreign cards pay a fee on payments over CNY 200; the app asks you to accept it.",
            zh="境外卡单笔超过 200 元要收服务费；App 会请你确认。",
        ),
        symptom=True,
    ),
    "payment.year_total_usd": Ask(
        Wording(
            en="Roughly how much have you paid with foreign cards in this wallet this year,"
            " in US dollars?",
            zh="今年你在这个钱包里用境外卡一共付了大约多少美元？",
        ),
        Wording(en="what you paid with foreign cards this year", zh="今年境外卡付款总额"),
        Wording(en="The wallet's bill; a rough figure is enough.", zh="钱包账单；大概即可。"),
        kept_by=APP,
    ),
    **_wallet("alipay"),
    **_wallet("wechat_pay"),
    "taobao.bound_to_alipay": Ask(
        Wording(
            en="Is your Taobao account bound to your Alipay account?",
            zh="你的淘宝账号绑定了支付宝吗？",
        ),
        Wording(en="Taobao's link to Alipay", zh="淘宝与支付宝的绑定"),
        Wording(
            en="Taobao: My Taobao > Settings > Alipay account.",
            zh="淘宝：我的淘宝 > 设置 > 支付宝账户。",
        ),
        kept_by=APP,
    ),
    "taobao.payment_method": Ask(
        Wording(en="Which payment method is set in Taobao?", zh="淘宝里设置的付款方式是什么？"),
        Wording(en="Taobao's payment method", zh="淘宝的付款方式"),
        Wording(en="Taobao: My Taobao > Settings > Payment.", zh="淘宝：我的淘宝 > 设置 > 支付。"),
        {
            "alipay": Choice(Wording(en="Alipay", zh="支付宝")),
            "credit_card": Choice(
                Wording(en="A credit card", zh="信用卡"), ("card", "visa", "mastercard")
            ),
            "other": Choice(Wording(en="Something else", zh="其他")),
        },
        kept_by=APP,
    ),
    "taobao.account_age_days": Ask(
        Wording(en="How many days old is your Taobao account?", zh="你的淘宝账号注册了多少天？"),
        Wording(en="your Taobao account's age", zh="淘宝账号注册天数"),
        Wording(en="Roughly: the days since you signed up.", zh="大概即可：注册至今的天数。"),
    ),
    "taobao.spending_changed": Ask(
        Wording(
            en="Has your spending on Taobao changed suddenly (much more, or new kinds of shops)?",
            zh="你在淘宝的消费最近有突然变化吗（金额变大或新类型的店）？",
        ),
        Wording(en="a sudden change in your Taobao spending", zh="淘宝消费的突然变化"),
        Wording(en="Taobao: My Taobao > My Orders.", zh="淘宝：我的淘宝 > 我的订单。"),
    ),
    "taobao.security_error": Ask(
        Wording(
            en='Does Taobao show a security or "unusual activity" error when you pay?',
            zh="淘宝付款时有没有提示安全问题或“账户异常”？",
        ),
        Wording(en="Taobao's security error", zh="淘宝的安全提示"),
        Wording(en="The message at Taobao's checkout.", zh="淘宝结算页的提示。"),
        symptom=True,
    ),
    "taobao.cache_cleared": Ask(
        Wording(
            en="Have you cleared the Taobao app's or browser's cache since the error?",
            zh="出错后你清除过淘宝 App 或浏览器的缓存吗？",
        ),
        Wording(en="clearing Taobao's cache", zh="清除淘宝缓存"),
        Wording(
            en="Taobao: Settings > General > Clear cache.", zh="淘宝：设置 > 通用 > 清除缓存。"
        ),
    ),
    "symptom.where": Ask(
        Wording(en="Where does it fail?", zh="在哪里出的问题？"),
        Wording(en="where the payment fails", zh="出问题的地方"),
        Wording(en="Choose the closest.", zh="选最接近的一项。"),
        {
            "bank_card_link": Choice(
                Wording(en="Adding a Chinese bank card in Alipay", zh="在支付宝绑定国内银行卡"),
                CARD_LINK_WORDS,
                layers=("documents", "bank", "alipay"),
                points_at=("documents", "bank"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "alipay": Choice(
                Wording(en="Paying with Alipay", zh="用支付宝付款"),
                ("alipay", "zhifubao", "支付宝"),
                layers=("documents", "bank", "alipay"),
                points_at=("documents", "alipay"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "taobao": Choice(
                Wording(en="Paying on Taobao", zh="在淘宝付款"),
                ("taobao", "淘宝"),
                layers=("documents", "bank", "alipay", "taobao"),
                points_at=("documents", "taobao"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "wechat_pay_card_link": Choice(
                Wording(
                    en="Adding a Chinese bank card in WeChat Pay", zh="在微信支付绑定国内银行卡"
                ),
                ("wechat card link", "微信绑卡", "微信绑定银行卡", "微信添加银行卡"),
                layers=("documents", "bank", "wechat_pay"),
                points_at=("documents", "bank"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "wechat_pay": Choice(
                Wording(en="Paying with WeChat Pay", zh="用微信支付付款"),
                ("wechat", "weixin", "微信", "微信支付"),
                layers=("documents", "bank", "wechat_pay"),
                points_at=("documents", "wechat_pay"),
                not_about=("foreign_cards",),
                not_asked=WALLET_PLACE_NOT_ASKED,
            ),
            "foreign_card": Choice(
                Wording(
                    en="Paying with a foreign card (Visa, Mastercard...)",
                    zh="用境外卡付款（Visa、万事达等）",
                ),
                ("foreign card", "visa", "mastercard", "境外卡", "外卡"),
                layers=("device", "bank", "alipay", "wechat_pay", "payee"),
                points_at=("foreign_cards", "device", "payee"),
                not_about=("bank_cards",),
                sets={"foreign_cards": [{}]},
                # A code by SMS is asked for when a card is added or an account is made.
                not_asked=(*VISITOR_NOT_ASKED, "phone.sms_code_received", "phone.roaming"),
            ),
            "wallet_setup": Choice(
                Wording(
                    en="Signing up or verifying my identity in a wallet",
                    zh="在钱包里注册或实名认证",
                ),
                ("sign up", "register", "verify identity", "verification", "注册", "实名认证"),
                layers=("device", "alipay", "wechat_pay"),
                points_at=("alipay", "wechat_pay", "device"),
                not_about=("bank_cards",),
                not_asked=VISITOR_NOT_ASKED,
                then=("symptom.wallet",),
            ),
            "bank": Choice(
                Wording(
                    en="At the bank itself (an ATM, a counter, the bank's app)",
                    zh="在银行本身（ATM、柜台、银行 App）",
                ),
                ("bank", "atm", "at the bank", "counter", "银行", "取款机", "柜台"),
                layers=("documents", "bank"),
                points_at=("documents", "bank"),
                not_about=("foreign_cards",),
                sets={"bank_cards": [{}]},
                # No wallet is involved: what a wallet shows of the card is not asked.
                not_asked=(*RESIDENT_NOT_ASKED, "bank_cards[].status", "bank_cards[].wallet"),
            ),
            "foreign_card_link": Choice(
                Wording(
                    en="Adding a foreign card (Visa, Mastercard...) to a wallet",
                    zh="在钱包里添加境外卡（Visa、万事达等）",
                ),
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
        Wording(en="In which wallet does it fail?", zh="是在哪个钱包里出的问题？"),
        Wording(en="the wallet where it fails", zh="出问题的钱包"),
        Wording(en="The app you were paying or signing up with.", zh="你付款或注册用的 App。"),
        {
            "alipay": WALLET_CHOICES["alipay"],
            "wechat_pay": WALLET_CHOICES["wechat_pay"],
        },
    ),
    "symptom.error_message": Ask(
        Wording(en="What does the error message say?", zh="错误提示上写的是什么？"),
        Wording(en="the error message", zh="错误提示"),
        Wording(
            en="Type it or paste it as shown, in Chinese or English; a few words are enough.",
            zh="照原样输入或粘贴，中文英文都可以；几个关键词即可。",
        ),
        symptom=True,
    ),
    "symptom.persists": Ask(
        Wording(
            en="Does it still fail after what you have already tried?",
            zh="试过的办法都不管用，还是失败吗？",
        ),
        Wording(en="whether the failure persists", zh="问题是否仍然存在"),
        Wording(
            en="Try once more now if you can: does it fail again?",
            zh="如果可以，现在再试一次：还是失败吗？",
        ),
        symptom=True,
    ),
    "travel.limited_connectivity": Ask(
        Wording(
            en="Are you somewhere with a weak mobile or internet connection?",
            zh="你所在的地方手机信号或网络很弱吗？",
        ),
        Wording(en="a weak connection where you are", zh="所在地网络信号弱"),
        Wording(
            en="The signal bars on your phone, or whether web pages load slowly.",
            zh="手机上的信号格数，或网页是否加载很慢。",
        ),
    ),
}
