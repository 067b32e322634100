"""How each layer of the fix order is named to a person, in every output that names one."""

LAYER_NAMES = {
    "documents": "documents",
    "bank": "bank",
    "alipay": "Alipay",
    "wechat_pay": "WeChat Pay",
    "taobao": "Taobao",
}
