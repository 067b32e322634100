"""A unit's text: written in English, shown in the reader's language from its catalog, filled
language by language, with the staff's Chinese sentence kept as the unit writes it."""

import pytest

from engine.facts.personal import NAME, PASSPORT, Datum, Text
from engine.text.translatable import Message
from engine.text.wording import Wording


class Reader:
    def __init__(self, code):
        self.code = code

    def gettext(self, message):
        return {"{who} said so": "{who}这么说"}.get(message, message)


def test_a_wording_is_read_from_the_catalog_and_falls_back_to_english():
    assert Wording("Alipay").in_("zh") == "支付宝"
    assert Wording("Alipay").in_("en") == "Alipay"
    words = Wording("Visit the bank, which no catalog holds")
    assert words.in_("zh") == "Visit the bank, which no catalog holds"
    assert words.missing(("en", "zh")) == ("zh",)
    assert Wording("Alipay").missing(("en", "zh")) == ()


def test_a_written_text_is_shown_as_written_and_its_meaning_translated():
    say = Wording("Alipay", zh="请帮我")
    assert say.in_("zh") == "请帮我"
    assert say.en == "Alipay"
    assert say.written == {"zh": "请帮我"}


def test_format_fills_each_language_with_the_same_language_of_a_wording_value():
    title = Wording("{wallet} customer service").format(wallet=Wording("Alipay"))
    assert title.in_("zh") == "支付宝客服"
    assert title.en == "Alipay customer service"
    assert title.missing(("en", "zh")) == ()


def test_joined_texts_are_each_shown_in_the_same_language():
    listed = Wording("Alipay") + ", " + Wording("WeChat Pay")
    assert listed.in_("zh") == "支付宝, 微信支付"
    assert listed.en == "Alipay, WeChat Pay"


def test_an_empty_text_is_refused_when_the_unit_loads():
    with pytest.raises(ValueError, match="'zh' text"):
        Wording("Visit the bank", zh=" ")
    with pytest.raises(ValueError, match="'en' text"):
        Wording(" ")


def test_a_text_renders_its_template_in_the_readers_language_with_masked_data():
    text = Text(Wording("the bank's reserved phone number is {0}"), (Datum("ANNA LEE", NAME),))
    assert text.render(True) == "The bank's reserved phone number is ANNA LEE"
    said = Text(Wording("card {number}").format(number=2))
    assert said.render(False, Reader("zh")) == "第 2 张卡"


def test_a_program_message_is_translated_and_its_wording_values_taken_in_the_same_language():
    said = Message("{who} said so", who=Wording("Alipay"))
    assert Text(said).render(False, Reader("zh")) == "支付宝这么说"
    assert Text(said).render(False) == "Alipay said so"


def test_format_keeps_the_numbered_blanks_that_evidence_data_fills_later():
    said = Wording("For {card} your bank holds passport {0}; your passport is {1}.").format(
        card=Wording("card {number}").format(number=1)
    )
    data = (Datum("E12345678", PASSPORT), Datum("E87654321", PASSPORT))
    assert Text(said, data).render(False, Reader("zh")).startswith("第 1 张卡")
    assert "E12****78" in Text(said, data).render(False, Reader("zh"))


def test_a_wording_shown_once_is_shown_anew_once_the_catalogs_are_read_again(tmp_path, monkeypatch):
    """A Wording keeps its text in each language once shown, until the catalogs change."""
    from babel.messages.catalog import Catalog

    from engine.text import wording
    from visualise import catalogs

    alipay = Wording("Alipay")
    assert alipay.in_("zh") == "支付宝"
    catalog = Catalog(locale="zh", domain="paydoctor")
    catalog.add("Alipay", "阿里支付")
    folder = tmp_path / "zh" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "paydoctor.mo").write_bytes(catalogs.compiled(catalog))
    monkeypatch.setattr(wording, "LOCALE_DIR", tmp_path)
    wording.forget_catalogs()
    try:
        assert alipay.in_("zh") == "阿里支付"
    finally:
        monkeypatch.undo()
        wording.forget_catalogs()
    assert alipay.in_("zh") == "支付宝"
