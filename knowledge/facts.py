"""The facts paydoctor reads, section by section in the facts format's order (facts-v3).

Each section is declared once, with everything about each of its facts, in `knowledge/_facts/`;
the facts model and its JSON Schema, masking, the consultation's questions and the tests'
generators are derived from these declarations. A unit may add a fact that only it reads
(`FACTS = (Fact("bank_cards[].expiry_date", ...),)`) beside its rules.
"""

from engine.facts.asking import Ask
from engine.text.wording import Wording
from knowledge._facts.bank_cards import BANK_CARDS
from knowledge._facts.foreign_cards import FOREIGN_CARDS
from knowledge._facts.passport import PASSPORT
from knowledge._facts.payment import PAYMENT
from knowledge._facts.person import PERSON
from knowledge._facts.phone import PHONE
from knowledge._facts.residence_permit import RESIDENCE_PERMIT
from knowledge._facts.symptom import SYMPTOM
from knowledge._facts.taobao import TAOBAO
from knowledge._facts.travel import TRAVEL
from knowledge._facts.wallets import ALIPAY_FACTS, WECHAT_PAY_FACTS

FACTS = (
    PERSON,
    PASSPORT,
    RESIDENCE_PERMIT,
    PHONE,
    BANK_CARDS,
    FOREIGN_CARDS,
    PAYMENT,
    ALIPAY_FACTS,
    WECHAT_PAY_FACTS,
    TAOBAO,
    SYMPTOM,
    TRAVEL,
)
QUESTIONS = {
    "as_of": Ask(Wording("Which day is the diagnosis for?"), Wording("the day of the diagnosis")),
}
"""The day of the diagnosis is the format's own fact (`engine.facts.model.Facts.as_of`)."""
