"""Choices several facts offer: which wallet a card is linked in, or where a failure is."""

from engine.asking import Choice
from engine.wording import Wording

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
