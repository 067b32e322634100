"""The layers of the fix order (causes-v2, v3): where a fix happens, and which come first.

A cause names its layer by key (`Cause(layer="bank")`); a plan does every fix of a layer
before the fixes of the layers after it. The wallets stand side by side after the bank,
Taobao after Alipay only, since it pays through Alipay, and who is paid after the wallets.
The phone (device) waits for nothing: its step costs a tap and is undone at once, so a plan
that holds one starts with it. A new layer is one more entry here (or a `LAYERS` of its own
in a unit of another knowledge folder).
"""

from engine.authoring.rules import Layer
from engine.text.wording import Wording

DEVICE = Layer("device", Wording("the phone"), first=True)
DOCUMENTS = Layer("documents", Wording("documents"))
BANK = Layer("bank", Wording("bank"), after=("documents",))
ALIPAY = Layer("alipay", Wording("Alipay"), after=("bank",))
WECHAT_PAY = Layer("wechat_pay", Wording("WeChat Pay"), after=("bank",))
TAOBAO = Layer("taobao", Wording("Taobao"), after=("alipay",))
PAYEE = Layer("payee", Wording("who is paid"), after=("alipay", "wechat_pay"))

LAYERS = (DEVICE, DOCUMENTS, BANK, ALIPAY, WECHAT_PAY, TAOBAO, PAYEE)
"""Every layer, in the reading order ties between layers go by."""
