from engine.authoring.rules import (
    Cause,
    Example,
    FixStep,
    Observation,
    derived,
    forgets,
    when,
)
from engine.text.wording import Wording
from knowledge._visitors import refused_country
from knowledge._where import Where

REFUSED_COUNTRY = Observation(
    "foreign.issuer_country_refused",
    Wording("a failing foreign card was issued in a country whose cards are refused"),
    ("foreign_cards[].issuer_country", "foreign_cards[].status"),
    refused_country,
)

CAUSE = Cause(
    id="card-issuer-country-refused",
    layer="bank",
    title=Wording("Cards issued in your card's country are refused in China"),
    explanation=Wording(
        "Visa and Mastercard cards issued in Russia stopped working abroad in March 2022,"
        " and most shops and ATMs in China refused UnionPay cards of Russian banks from 2023;"
        " no call to the issuer changes it."
    ),
    source=(
        "Cards issued in Russia (read 2026-12): newizv.ru/news/2023-06-20 (UnionPay cards of"
        " Russian banks refused in China)"
    ),
    sources_read="2026-12",
    holds_from="2022-03",
    fixes=(
        FixStep(
            Wording("cash or another card"),
            Wording(
                "Bring cash (yuan), or a card issued in another country; no call to the"
                " issuer changes it."
            ),
            effects=(forgets("foreign_cards"),),
            place=Where.APP,
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
