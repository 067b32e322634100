"""How each layer of the fix order is named to a person, in every output that names one.

The names are English; outputs translate them (`Language.gettext`).
"""

from engine.text.translatable import N_

LAYER_NAMES = {
    "device": N_("the phone"),
    "documents": N_("documents"),
    "bank": N_("bank"),
    "alipay": N_("Alipay"),
    "wechat_pay": N_("WeChat Pay"),
    "taobao": N_("Taobao"),
    "payee": N_("who is paid"),
}
