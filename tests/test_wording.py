"""A unit's text in each language: English always, others beside it, filled language by language."""

import pytest

from engine.personal import NAME, Datum, Text
from engine.translatable import Message
from engine.wording import Wording


class Reader:
    def __init__(self, code):
        self.code = code

    def gettext(self, message):
        return {"{who} said so": "{who}这么说"}.get(message, message)


def test_a_wording_is_read_in_a_language_and_falls_back_to_english():
    words = Wording(en="Visit the bank", zh="去银行")
    assert words.in_("zh") == "去银行"
    assert words.in_("ja") == "Visit the bank"
    assert words.missing(("en", "zh", "ja")) == ("ja",)


def test_format_fills_each_language_with_the_same_language_of_a_wording_value():
    wallet = Wording(en="Alipay", zh="支付宝")
    title = Wording(en="{wallet} asks again", zh="{wallet}再次要求验证").format(wallet=wallet)
    assert title == Wording(en="Alipay asks again", zh="支付宝再次要求验证")


def test_an_empty_text_is_refused_when_the_unit_loads():
    with pytest.raises(ValueError, match="'zh' text"):
        Wording(en="Visit the bank", zh=" ")


def test_a_text_renders_its_template_in_the_readers_language_with_masked_data():
    text = Text(Wording(en="Your name is {0}", zh="您的姓名是 {0}"), (Datum("ANNA LEE", NAME),))
    assert text.render(False, Reader("zh")) == "您的姓名是 A*** L**"
    assert text.render(True) == "Your name is ANNA LEE"


def test_a_program_message_is_translated_and_its_wording_values_taken_in_the_same_language():
    said = Message("{who} said so", who=Wording(en="the bank", zh="银行"))
    assert Text(said).render(False, Reader("zh")) == "银行这么说"
    assert Text(said).render(False) == "The bank said so"


def test_format_keeps_the_numbered_blanks_that_evidence_data_fills_later():
    card = Wording(en="card 1", zh="第1张卡")
    said = Wording(en="Your bank holds {0} for {card}", zh="{card}：银行登记的是 {0}").format(
        card=card
    )
    assert Text(said, (Datum("E12345678", "passport"),)).render(False, Reader("zh")) == (
        "第1张卡：银行登记的是 E12****78"
    )
