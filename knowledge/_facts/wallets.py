"""A wallet's account (Alipay, WeChat Pay): the same facts and questions for both, declared
once and made for each wallet with its name and menus (`knowledge/_wallets.py`)."""

from engine.facts import personal
from engine.facts.asking import APP, Ask, Choice
from engine.facts.declaring import Fact, Section
from engine.facts.model import Address, DocumentNumber, Name, PartialDay, PhoneNumber
from engine.text.wording import Wording
from knowledge._wallets import ALIPAY, WECHAT_PAY, Wallet

VERIFICATION = {
    "passport_photo": Choice(Wording("A photo of my passport"), ("passport",)),
    "selfie": Choice(Wording("A selfie or face scan"), ("face", "人脸", "刷脸")),
    "address": Choice(Wording("My address"), ("home address", "地址")),
    "occupation": Choice(Wording("My occupation"), ("job", "work", "工作")),
    "phone": Choice(Wording("My phone number"), ("mobile", "phone number")),
    "second_bank_card": Choice(Wording("Another bank card"), ("second card", "another card")),
}


def wallet_section(wallet: Wallet) -> Section:
    """The facts of `wallet`'s records, asked with its name and menus."""
    key = wallet.facts

    def wallet_wording(en: str) -> Wording:
        return Wording(en).format(wallet=wallet.name)

    # What the wallet showed is known together: "nothing" answers its three questions at once.
    shown_nothing = {
        f"{key}.document_expiry_notice": False,
        f"{key}.restricted": False,
        f"{key}.verification_requested": [],
    }
    nothing = wallet_wording("nothing: {wallet} shows no notice, restriction or request at all")
    identity = Section(
        "identity",
        "WalletIdentity",
        (
            Fact(
                "name",
                Name,
                Ask(
                    wallet_wording(
                        "Which name does {wallet} show for you in Identity Information?"
                    ),
                    wallet_wording("the name in {wallet}'s Identity Information"),
                    wallet.identity_menu,
                    kept_by=APP,
                ),
                personal=personal.NAME,
            ),
            Fact(
                "passport_number",
                DocumentNumber,
                Ask(
                    wallet_wording(
                        "Which passport number does {wallet} show in Identity Information?"
                    ),
                    wallet_wording("the passport number {wallet} holds"),
                    wallet.identity_menu,
                    kept_by=APP,
                ),
                personal=personal.PASSPORT,
            ),
            Fact(
                "residence_permit_number",
                DocumentNumber,
                Ask(
                    wallet_wording(
                        "Which residence permit number does {wallet} show in Identity Information?"
                    ),
                    wallet_wording("the residence permit number {wallet} holds"),
                    wallet.identity_menu,
                    kept_by=APP,
                ),
                personal=personal.PERMIT,
            ),
            Fact(
                "residence_permit_expiry_date",
                PartialDay,
                Ask(
                    wallet_wording(
                        "Which expiry date of your residence permit does {wallet} show?"
                    ),
                    wallet_wording("the residence permit expiry date {wallet} holds"),
                    wallet.identity_menu,
                    kept_by=APP,
                ),
            ),
            Fact(
                "address",
                Address,
                Ask(
                    wallet_wording(
                        "Which home address does {wallet} show in Identity Information?"
                    ),
                    wallet_wording("the address {wallet} holds"),
                    wallet.identity_menu,
                    kept_by=APP,
                ),
                personal=personal.ADDRESS,
                samples=("Room 1203, 88 Jianguo Road", "北京市朝阳区建国路88号"),
            ),
            # The wallet shows the identity as verified; false also while a review is pending.
            Fact(
                "verified",
                bool,
                Ask(
                    wallet_wording("Does {wallet} show your identity (passport) as verified?"),
                    wallet_wording("whether {wallet} has verified your identity"),
                    wallet_wording(
                        "{wallet}'s Identity Information; answer no while a review is still"
                        " pending."
                    ),
                    kept_by=APP,
                ),
            ),
            # The passport scan or identity check keeps failing during verification. Asked
            # where the place points at it (a sign-up), not wherever a wallet fails.
            Fact(
                "scan_failed",
                bool,
                Ask(
                    wallet_wording(
                        "Does the passport scan or identity check keep failing when {wallet}"
                        " verifies you?"
                    ),
                    wallet_wording("a passport scan that keeps failing in {wallet}"),
                    wallet_wording(
                        "The verification screen in {wallet}: the photo is refused or the check"
                        " fails."
                    ),
                ),
            ),
        ),
        doc="Identity Information as a wallet (Alipay, WeChat Pay) records it.",
    )
    return Section(
        key,
        "Wallet",
        (
            Fact(
                "phone",
                PhoneNumber,
                Ask(
                    wallet_wording("Which mobile number is your {wallet} account registered with?"),
                    wallet_wording("the mobile number of your {wallet} account"),
                    wallet.account,
                    kept_by=APP,
                ),
                personal=personal.PHONE,
            ),
            identity,
            Fact(
                "document_expiry_notice",
                bool,
                Ask(
                    wallet_wording(
                        "Does {wallet} show a notice that one of your documents has expired?"
                    ),
                    wallet_wording("a document-expired notice in {wallet}"),
                    wallet.home,
                    symptom=True,
                    none=shown_nothing,
                    nothing=nothing,
                ),
            ),
            Fact(
                "balance_cny",
                float,
                Ask(
                    wallet_wording("How much money is in your {wallet} balance, in yuan?"),
                    wallet_wording("your {wallet} balance"),
                    wallet.balance,
                    kept_by=APP,
                ),
            ),
            Fact(
                "restricted",
                bool,
                Ask(
                    wallet_wording(
                        "Does {wallet} say that some of your account's functions are restricted?"
                    ),
                    wallet_wording("a restriction on your {wallet} account"),
                    wallet.home,
                    symptom=True,
                    none=shown_nothing,
                    nothing=nothing,
                ),
            ),
            Fact(
                "verification_requested",
                ask=Ask(
                    wallet_wording(
                        "Does {wallet} ask you to provide something to verify your account? Which"
                        " things?"
                    ),
                    wallet_wording("what {wallet} asks you to provide"),
                    wallet_wording(
                        "The request {wallet} shows; answer none if it asks for nothing."
                    ),
                    VERIFICATION,
                    symptom=True,
                    none={f"{key}.verification_requested": []},
                    never=wallet_wording("Nothing: {wallet} asks for nothing"),
                ),
                many=True,
            ),
        ),
        doc="One wallet's account (Alipay, WeChat Pay): the same fields for both.",
        label=wallet.name,
    )


ALIPAY_FACTS = wallet_section(ALIPAY)
WECHAT_PAY_FACTS = wallet_section(WECHAT_PAY)
