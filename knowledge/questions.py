"""The question a person is asked for each fact, when that fact is unknown and decides a cause."""

QUESTIONS: dict[str, str] = {
    "as_of": "Which day is the diagnosis for (YYYY-MM-DD)?",
    "person.surname": "What is your surname, as printed in your passport?",
    "person.given_names": "What are your given names, middle names included, as in your passport?",
    "passport.number": "What is your current passport's number?",
    "passport.expiry_date": "When does your passport expire (YYYY-MM-DD)?",
    "passport.previous_number": "If your passport was renewed, what was the old passport's number?",
    "passport.renewed_on": "If your passport replaced an older one, when was it issued?",
    "residence_permit.number": "What is your residence permit's number?",
    "residence_permit.expiry_date": "When does your residence permit expire (YYYY-MM-DD)?",
    "residence_permit.name": "How is your name printed on your residence permit?",
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
    "taobao.bound_to_alipay": "Is your Taobao account bound to your Alipay account?",
    "taobao.payment_method": (
        "Which payment method is set in Taobao: Alipay, credit card, or other?"
    ),
    "taobao.account_age_days": "How many days old is your Taobao account?",
    "taobao.spending_changed": "Has your spending on Taobao changed suddenly?",
    "taobao.security_error": "Does Taobao show a security or 'unusual activity' error at checkout?",
    "taobao.cache_cleared": "Have you cleared the Taobao app's or browser's cache since the error?",
    "symptom.where": "Where does the payment fail: in Alipay, at Taobao, or when linking a card?",
    "symptom.error_message": "What error message do you see? (copy it as shown)",
    "symptom.persists": "Does the block persist after what you have already tried?",
    "travel.limited_connectivity": (
        "Are you travelling where your card's network has limited connectivity?"
    ),
}
