from engine.rules import Example, Workaround, fact, finding_in, when
from engine.wording import Wording

WORKAROUND = Workaround(
    id="ask-the-bank",
    title=Wording(en="Ask a person at your bank", zh="联系银行的工作人员"),
    explanation=Wording(
        en="When the card fails at the bank itself (an ATM, a counter, the bank's app), only the"
        " bank can see why: a frozen account, an expired document on file, a stopped phone"
        " number. Its branch or hotline can tell you before you travel there.",
        zh="卡在银行本身（ATM、柜台、银行 App）用不了时，只有银行能查到原因：账户被冻结、"
        "登记的证件过期、预留手机号停用。去网点之前，可以先打银行的客服电话问清楚。",
    ),
    source=(
        "causes-v3 'Resident additions': the human route names the bank before the wallets';"
        " clifehack.com/2023/08/18/chinabank_freeze (read 2026-12: the bank's own notice and"
        " branch)"
    ),
    steps=(
        Wording(
            en="Call the hotline on the back of your card (ICBC 95588, Bank of China 95566,"
            " China Construction Bank 95533, Agricultural Bank 95599, Bank of Communications"
            " 95559, China Merchants Bank 95555) and ask for an agent (人工服务); say the card"
            " fails and ask why and what to bring.",
            zh="拨打银行卡背面的客服电话（工商银行 95588、中国银行 95566、建设银行 95533、"
            "农业银行 95599、交通银行 95559、招商银行 95555），转人工服务；说明卡用不了，"
            "问清原因和需要带的材料。",
        ),
        Wording(
            en="Or go to the branch where you opened the account, with your passport (the old"
            " one too if it was renewed) and the card.",
            zh="或者带上护照（换过护照的话旧护照也带上）和银行卡，去开户的网点。",
        ),
    ),
    offered=(
        when(fact("symptom.where", "bank")),
        when(fact("symptom.persists", True), finding_in("bank")),
    ),
    human_route=True,
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
