from engine.authoring.rules import Example, Workaround, fact, finding_in, when
from engine.text.wording import Wording

WORKAROUND = Workaround(
    id="ask-the-bank",
    title=Wording("Ask a person at your bank"),
    explanation=Wording(
        "When the card fails at the bank itself (an ATM, a counter, the bank's app), only the"
        " bank can see why: a frozen account, an expired document on file, a stopped phone"
        " number. Its branch or hotline can tell you before you travel there."
    ),
    source=(
        "causes-v3 'Resident additions': the human route names the bank before the wallets';"
        " clifehack.com/2023/08/18/chinabank_freeze (read 2026-12: the bank's own notice and"
        " branch)"
    ),
    steps=(
        Wording(
            "Call the hotline on the back of your card (ICBC 95588, Bank of China 95566,"
            " China Construction Bank 95533, Agricultural Bank 95599, Bank of Communications"
            " 95559, China Merchants Bank 95555) and ask for an agent (人工服务); say the card"
            " fails and ask why and what to bring."
        ),
        Wording(
            "Or go to the branch where you opened the account, with your passport (the old"
            " one too if it was renewed) and the card."
        ),
    ),
    offered=(
        when(fact("symptom.where", "bank")),
        when(fact("symptom.persists", True), finding_in("bank")),
    ),
    human_route=True,
    about=("bank_cards",),
    examples=(
        Example("a card refused at an ATM", {"symptom": {"where": "bank"}}, "offered"),
        Example(
            "a bank's cause found, and the failure persists",
            {
                "symptom": {"persists": True},
                "bank_cards": [{"frozen": True}],
            },
            "offered",
        ),
        Example("a wallet's failure", {"symptom": {"where": "wechat_pay"}}, None),
    ),
)
