from engine.rules import Cause, Example, FixStep, Observation, Place, derived, forgets, when
from engine.wording import Wording
from knowledge._visitors import refused_country

REFUSED_COUNTRY = Observation(
    "foreign.issuer_country_refused",
    Wording(
        en="a failing foreign card was issued in a country whose cards are refused",
        zh="失败的境外卡是在卡被拒绝的国家发行的",
    ),
    ("foreign_cards[].issuer_country", "foreign_cards[].status"),
    refused_country,
)

CAUSE = Cause(
    id="card-issuer-country-refused",
    layer="bank",
    title=Wording(
        en="Cards issued in your card's country are refused in China",
        zh="你这张卡的发行国的卡在中国被拒绝",
    ),
    explanation=Wording(
        en="Visa and Mastercard cards issued in Russia stopped working abroad in March 2022,"
        " and most shops and ATMs in China refused UnionPay cards of Russian banks from 2023;"
        " no call to the issuer changes it.",
        zh="俄罗斯发行的 Visa 和万事达卡从 2022 年 3 月起无法在境外使用，"
        "2023 年起中国的大多数商店和 ATM 也拒收俄罗斯银行发行的银联卡；联系发卡行也无法改变。",
    ),
    source=(
        "Cards issued in Russia (read 2026-12): newizv.ru/news/2023-06-20 (UnionPay cards of"
        " Russian banks refused in China)"
    ),
    sources_read="2026-12",
    holds_from="2022-03",
    fixes=(
        FixStep(
            Wording(en="cash or another card", zh="现金或另一张卡"),
            Wording(
                en="Bring cash (yuan), or a card issued in another country; no call to the"
                " issuer changes it.",
                zh="带人民币现金，或使用在其他国家发行的卡；联系发卡行也无法改变。",
            ),
            effects=(forgets("foreign_cards"),),
            place=Place.APP,
        ),
    ),
    confirmed=(when(derived("foreign.issuer_country_refused")),),
    observations=(REFUSED_COUNTRY,),
    examples=(
        Example(
            "a card issued in Russia, declined",
            {
                "foreign_cards": [
                    {"network": "unionpay", "issuer_country": "RU", "status": "declined"}
                ]
            },
            "confirmed",
            evidence=("issued in RU",),
        ),
        Example(
            "a card issued in Japan, declined",
            {"foreign_cards": [{"issuer_country": "JP", "status": "declined"}]},
            None,
        ),
    ),
)
