from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    concluded,
    derived,
    fact,
    sets,
    when,
)
from engine.text.wording import Wording
from knowledge._observing import unused_for
from knowledge._where import Where

FROZEN = Message(
    Wording("the bank froze the account, or the card is refused as invalid"),
    (
        "frozen",
        "冻结",
        "invalid card",
        "无效卡",
        "凍結",
        "account suspended",
        "账户已止付",
        "中止您账户的资金交易",
    ),
)
LONG_UNUSED = Observation(
    "card.unused_half_a_year",
    Wording("the account was last used more than six months ago"),
    ("bank_cards[].last_used",),
    unused_for(
        "bank_cards[].last_used",
        6,
        Wording(
            "The account was last used in {0}; the diagnosis is for {1}, over {2} months later."
        ),
    ),
    per_card=True,
)

CAUSE = Cause(
    id="bank-account-frozen",
    layer="bank",
    title=Wording("Your bank has frozen the account"),
    explanation=Wording(
        "Chinese banks stop an account's payments when the identity document it was opened"
        " with has expired, when it has not been used for months, or when its phone number no"
        ' longer answers; ATMs then say "invalid card". Only the branch can reactivate it.'
    ),
    source=(
        "Read 2026-12: clifehack.com/2023/08/18/chinabank_freeze (ICBC account frozen after the"
        ' passport expired; "The ID you registered with your bank has expired"; reactivated at'
        " the branch); hainanwel.com/en/business/2922 (from June 2022 banks froze cards unused"
        " for long and reactivated them at a branch); joywanglawyer.pages.dev/blog/"
        "china-bank-account-problems-foreigners.html (visit the bank and ask for the reason)"
    ),
    sources_read="2026-12",
    holds_from="2022-06",
    fixes=(
        FixStep(
            Wording("bank branch"),
            Wording(
                "Visit the branch with your passport (the old one too if it was renewed, and"
                " a name-change document if your name changed) and the card; ask them to"
                " reactivate the account. If your Chinese SIM was cut off, reactivate it at the"
                " carrier first: the bank's SMS codes go to that number."
            ),
            place=Where.BANK_BRANCH,
            say=Wording(
                "Hello, my account has been frozen; please reactivate it. Here are my"
                " passport and my card (and my old passport, if it was renewed).",
                zh="您好，我的账户被冻结了，请帮我重新激活账户。这是我的护照和银行卡"
                "（换过护照的话，旧护照也在这里）。",
            ),
            effects=(sets("bank_cards[].frozen", False), sets("bank_cards[].last_used", None)),
        ),
    ),
    # The passport on file is updated before the account is reactivated: one visit, in order.
    after=("passport-expired", "bank-passport-outdated"),
    # The message (frozen, 冻结, "invalid card") makes it suspected while `frozen` is not known:
    # the plan then starts by asking the bank whether the account is frozen.
    confirmed=(when(fact("bank_cards[].frozen", True)),),
    suspected=(when(concluded("card.fails"), derived("card.unused_half_a_year")),),
    observations=(LONG_UNUSED,),
    messages=(FROZEN,),
    examples=(
        Example(
            "an ATM says the card is invalid: the account is frozen",
            {"symptom": {"where": "bank"}, "bank_cards": [{"bank": "ICBC", "frozen": True}]},
            "confirmed",
        ),
        Example(
            "the bank's app says the account is frozen",
            {"symptom": {"where": "bank", "error_message": "您的账户已冻结"}},
            "suspected",
        ),
        Example(
            "an ATM says invalid card; whether the bank froze it is not known",
            {
                "symptom": {"where": "bank", "error_message": "Invalid card"},
                "bank_cards": [{"bank": "ICBC"}],
            },
            "suspected",
        ),
        Example(
            "a card fails and the account was last used eight months before",
            {
                "as_of": "2026-12-01",
                "bank_cards": [{"status": "cannot_be_verified", "last_used": "2026-03"}],
            },
            "suspected",
            evidence=("2026-03",),
        ),
        Example(
            "a card fails but was used last month",
            {
                "as_of": "2026-12-01",
                "bank_cards": [{"status": "cannot_be_verified", "last_used": "2026-11"}],
            },
            None,
        ),
        Example(
            "long unused, but the card works",
            {"as_of": "2026-12-01", "bank_cards": [{"status": "ok", "last_used": "2025-01"}]},
            None,
        ),
        Example(
            "the bank says the account is not frozen",
            {"symptom": {"where": "bank"}, "bank_cards": [{"frozen": False}]},
            None,
        ),
    ),
)
