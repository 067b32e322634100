from engine.authoring.rules import Example, Workaround, fact, when
from engine.text.wording import Wording

WORKAROUND = Workaround(
    id="ask-a-person",
    title=Wording("Ask a person at the wallet's customer service"),
    explanation=Wording(
        "When a block persists, or nothing known explains it, a person at the wallet can"
        " see why its checks refuse the payment and lift a restriction."
    ),
    source=(
        "causes-v2 'Nothing found is an answer too'; reports of restrictions lifted by customer"
        " service: travel.stackexchange.com question 194556; demflyers.com/?p=4129"
    ),
    steps=(
        Wording(
            "Alipay: Me > Customer Service (我的 > 我的客服), ask for a human agent (人工客服),"
            " or call 95188."
        ),
        Wording(
            "WeChat Pay: Me > Pay and Services > Wallet > Help (我 > 服务 > 钱包 > 帮助中心),"
            " ask for a human agent (人工客服), or call 95017."
        ),
        Wording(
            "Have your passport's photo page ready, and say which payment fails and what it says."
        ),
    ),
    offered=(when(fact("symptom.persists", True)),),
    human_route=True,
    examples=(
        Example("a block that persists", {"symptom": {"persists": True}}, "offered"),
        Example("a first failure", {"symptom": {"persists": False}}, None),
    ),
)
