"""The question a person is asked for each fact, when that fact is unknown and decides a cause."""

QUESTIONS: dict[str, str] = {
    "as_of": "Which day is the diagnosis for (YYYY-MM-DD)?",
    "person.surname": "What is your surname, as printed in your passport?",
    "person.given_names": "What are your given names, middle names included, as in your passport?",
    "passport.number": "What is your current passport's number?",
    "passport.expiry_date": "When does your passport expire (YYYY-MM-DD)?",
    "passport.previous_number": "If your passport was renewed, what was the old passport's number?",
    "passport.renewed_on": "If your passport replaced an older one, when was it issued?",
    "passport.renewed": "Does your passport replace an older one (was it renewed)?",
    "passport.previous_expiry_date": "When did the old passport expire (YYYY-MM-DD, or a month)?",
    "residence_permit.number": "What is your residence permit's number?",
    "residence_permit.expiry_date": "When does your residence permit expire (YYYY-MM-DD)?",
    "residence_permit.name": "How is your name printed on your residence permit?",
    "residence_permit.held": "Do you hold a Chinese residence permit (not only a visa)?",
    "phone.number": "Which mobile number do you use now?",
    "phone.changed_on": "When did you last change your mobile number (YYYY-MM-DD)?",
    "bank_cards": "Which Chinese bank cards have you linked, or tried to link, in Alipay?",
    "bank_cards[].bank": "Which bank issued this card?",
    "bank_cards[].last4": "What are the card's last four digits?",
    "bank_cards[].passport_number_on_file": (
        "Which passport number does your bank hold for this card? (ask the bank or check its app)"
    ),
    "bank_cards[].phone_on_file": (
        "Which mobile number does your bank have on file for this card (预留手机号)?"
    ),
    "bank_cards[].name_on_file": "How does your bank write the card holder's name?",
    "bank_cards[].name_entered": "Exactly how did you type your name when linking the card?",
    "bank_cards[].status": (
        "How does this card behave in Alipay: ok, cannot be verified, unresponsive, or not linked?"
    ),
    "bank_cards[].wallet": "Where is this card linked: Alipay, WeChat Pay, or both?",
    "bank_cards[].passport_updated": (
        "Has the bank confirmed that it holds your current passport for this card?"
    ),
    "foreign_cards": "How many cards issued outside mainland China (Visa, Mastercard, JCB...)"
    " have you linked in Alipay or WeChat Pay?",
    "foreign_cards[].network": "Which network is this card: Visa, Mastercard, JCB, Amex, ...?",
    "foreign_cards[].last4": "What are the card's last four digits?",
    "foreign_cards[].wallet": "Where is this card linked: Alipay, WeChat Pay, or both?",
    "foreign_cards[].status": (
        "What happens when you pay with this card: ok, declined, blocked by the issuer,"
        " its verification (code or bank app) fails, or foreign cards are not accepted?"
    ),
    "payment.amount_usd": "Roughly how much was the failed payment, in US dollars?",
    "payment.year_total_usd": (
        "Roughly how much have you paid with foreign cards in this wallet this year, in US dollars?"
    ),
    "alipay.phone": "Which mobile number is your Alipay account registered with?",
    "alipay.identity.name": (
        "Which name does Alipay show in Account > Settings > Account and Security >"
        " Identity Information?"
    ),
    "alipay.identity.passport_number": (
        "Which passport number does Alipay show in Identity Information?"
    ),
    "alipay.identity.residence_permit_number": (
        "Which residence permit number does Alipay show in Identity Information?"
    ),
    "alipay.identity.residence_permit_expiry_date": (
        "Which permit expiry date does Alipay show in Identity Information?"
    ),
    "alipay.document_expiry_notice": "Does Alipay show a notice that a document has expired?",
    "alipay.balance_cny": "How much is in your Alipay balance (CNY)?",
    "alipay.restricted": "Does Alipay say that your account's functions are restricted?",
    "alipay.verification_requested": (
        "What does Alipay ask you to provide or complete (passport photo, selfie, address,"
        " occupation, phone, second bank card)?"
    ),
    "alipay.identity.address": "Which home address does Alipay show in Identity Information?",
    "wechat_pay.phone": "Which mobile number is your WeChat account registered with?",
    "wechat_pay.identity.name": (
        "Which name does WeChat Pay show in Me > Pay and Services > Wallet > Identity Information?"
    ),
    "wechat_pay.identity.passport_number": (
        "Which passport number does WeChat Pay show in Identity Information?"
    ),
    "wechat_pay.identity.residence_permit_number": (
        "Which residence permit number does WeChat Pay show in Identity Information?"
    ),
    "wechat_pay.identity.residence_permit_expiry_date": (
        "Which permit expiry date does WeChat Pay show in Identity Information?"
    ),
    "wechat_pay.identity.address": (
        "Which home address does WeChat Pay show in Identity Information?"
    ),
    "wechat_pay.document_expiry_notice": (
        "Does WeChat Pay show a notice that a document has expired?"
    ),
    "wechat_pay.balance_cny": "How much is in your WeChat Pay balance (CNY)?",
    "wechat_pay.restricted": "Does WeChat Pay say that your account's functions are restricted?",
    "wechat_pay.verification_requested": (
        "What does WeChat Pay ask you to provide or complete (passport photo, selfie, address,"
        " occupation, phone, second bank card)?"
    ),
    "taobao.bound_to_alipay": "Is your Taobao account bound to your Alipay account?",
    "taobao.payment_method": (
        "Which payment method is set in Taobao: Alipay, credit card, or other?"
    ),
    "taobao.account_age_days": "How many days old is your Taobao account?",
    "taobao.spending_changed": "Has your spending on Taobao changed suddenly?",
    "taobao.security_error": "Does Taobao show a security or 'unusual activity' error at checkout?",
    "taobao.cache_cleared": "Have you cleared the Taobao app's or browser's cache since the error?",
    "symptom.where": (
        "Where does the payment fail: in Alipay, in WeChat Pay, at Taobao, when linking a card"
        " in Alipay or in WeChat Pay, or with a foreign card?"
    ),
    "symptom.error_message": "What error message do you see? (copy it as shown)",
    "symptom.persists": "Does the block persist after what you have already tried?",
    "travel.limited_connectivity": (
        "Are you travelling where your card's network has limited connectivity?"
    ),
}
