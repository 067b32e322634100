"""Choices several facts offer: which wallet a card is linked in, or where a failure is."""

from engine.facts.asking import Ask, Choice
from engine.text.wording import Wording

WALLET_CHOICES = {
    "alipay": Choice(Wording("Alipay"), ("zhifubao", "ali"), ("alipay",)),
    "wechat_pay": Choice(Wording("WeChat Pay"), ("wechat", "weixin", "微信"), ("wechat_pay",)),
    "both": Choice(
        Wording("Both"),
        ("both of them", "alipay and wechat", "都"),
        ("alipay", "wechat_pay"),
    ),
}
CARD_SCREEN = Wording("What the wallet shows when you add or use the card.")


def card_wallet(choices: dict[str, Choice]) -> Ask:
    """Where a card (a bank's, a foreign one) is linked, one of `choices`."""
    return Ask(
        Wording("Where is this card linked?"),
        Wording("the wallet the card is linked in"),
        Wording("The card list in Alipay and in WeChat Pay."),
        choices,
    )
