from engine.rules import Example, Workaround, fact, when
from engine.wording import Wording

WORKAROUND = Workaround(
    id="ask-a-person",
    title=Wording(en="Ask a person at the wallet's customer service", zh="联系钱包的人工客服"),
    explanation=Wording(
        en="When a block persists, or nothing known explains it, a person at the wallet can"
        " see why its checks refuse the payment and lift a restriction.",
        zh="付款一直被拦截，或找不到已知的原因时，钱包的客服人员能查到付款被拒的原因，"
        "并可以解除限制。",
    ),
    source=(
        "causes-v2 'Nothing found is an answer too'; reports of restrictions lifted by customer"
        " service: travel.stackexchange.com question 194556; demflyers.com/?p=4129"
    ),
    steps=(
        Wording(
            en="Alipay: Me > Customer Service (我的 > 我的客服), ask for a human agent (人工客服),"
            " or call 95188.",
            zh="支付宝：我的 > 我的客服，要求转人工客服，或拨打 95188。",
        ),
        Wording(
            en="WeChat Pay: Me > Pay and Services > Wallet > Help (我 > 服务 > 钱包 > 帮助中心),"
            " ask for a human agent (人工客服), or call 95017.",
            zh="微信支付：我 > 服务 > 钱包 > 帮助中心，要求转人工客服，或拨打 95017。",
        ),
        Wording(
            en="Have your passport's photo page ready, and say which payment fails and what it"
            " says.",
            zh="准备好护照个人信息页，说明哪一笔付款失败了、显示的提示是什么。",
        ),
    ),
    offered=(when(fact("symptom.persists", True)),),
    human_route=True,
    examples=(
        Example("a block that persists", {"symptom": {"persists": True}}, "offered"),
        Example("a first failure", {"symptom": {"persists": False}}, None),
    ),
)
