"""A call to a foreign card's issuer is made abroad: its sentence is in the card's own
language, not Chinese (causes-v3, foreign-card-issuer-block), on the terminal, in JSON and
on the web; staff in China still read Chinese."""

from __future__ import annotations

import io

import pytest
from conftest import EXAMPLES, load_example

from engine.authoring.rules import FixStep
from engine.facts.loading import validate_facts
from engine.reasoning.diagnosis import Doctor
from engine.text.wording import Wording
from knowledge import builtin_knowledge
from knowledge._where import Where
from visualise.json_report import report_data
from visualise.language import language
from visualise.text import text_report
from web.answers import Answers

DOCTOR = Doctor(builtin_knowledge())
JAPANESE = (
    "中国でアリペイまたは WeChat Pay を使って支払っています。"
    "この支払いを承認し、ブロックしないでください。"
)
MEANING = (
    "I am paying in China through Alipay or WeChat Pay; please approve this payment and do not"
    " block it."
)


def _blocked(country: str | None) -> dict:
    facts = load_example(EXAMPLES / "foreign-card-issuer-block.json")
    if country is not None:
        facts["foreign_cards"][0]["issuer_country"] = country
    return facts


def _said(facts: dict, reader: str) -> dict[str, str]:
    diagnosis = DOCTOR.diagnose(validate_facts(facts))
    (step,) = [s for s in report_data(diagnosis, language=language(reader))["plan"] if "say" in s]
    return step["say"]


@pytest.mark.parametrize(
    ("country", "reader", "said"),
    [
        ("JP", "en", {"ja": JAPANESE, "en": MEANING}),
        ("JP", "zh", {"ja": JAPANESE, "en": MEANING}),
        # Germany's language has no catalog: English, the hotlines' common language.
        ("DE", "ko", {"en": MEANING}),
        # The card's country not said: the traveller's own language, the one they read.
        (None, "en", {"en": MEANING}),
        (None, "ja", {"ja": JAPANESE, "en": MEANING}),
    ],
)
def test_the_issuers_sentence_is_in_the_cards_own_language(country, reader, said):
    assert _said(_blocked(country), reader) == said


def test_cards_of_two_countries_are_called_in_english():
    facts = _blocked("JP")
    facts["foreign_cards"].append({"network": "visa", "issuer_country": "KR", "status": "ok"})
    assert _said(facts, "ja") == {"en": MEANING}


def test_the_terminal_says_it_is_for_the_call_not_for_staff_in_china():
    diagnosis = DOCTOR.diagnose(validate_facts(_blocked("JP")))
    # Wrapped lines compared without their breaks: Japanese wraps between any two characters.
    text = "".join(text_report(diagnosis, io.StringIO(), language=language("en")).split())
    assert "Saythisonthecall:" in text and "Showthistothestaff" not in text
    assert "この支払いを承認し" in text and "".join(f"({MEANING})".split()) in text


def test_staff_in_china_still_read_chinese():
    stall = load_example(EXAMPLES / "story-visitor-street-stall.json")
    stall.setdefault("foreign_cards", [{}])[0]["issuer_country"] = "JP"
    diagnosis = DOCTOR.diagnose(validate_facts(stall))
    says = [s["say"] for s in report_data(diagnosis, language=language("ja"))["plan"] if "say" in s]
    assert says and all(set(say) == {"zh", "en"} for say in says)


def test_the_web_report_shows_the_call_sentence_without_the_staff_view(web_client):
    state = Answers(_blocked("JP")).encode()
    report = web_client.post("/report?lang=en", data={"state": state}).text
    assert "Say this on the call:" in report
    assert f'<p lang="ja" class="zh">{JAPANESE}</p>' in report
    assert "Show this to staff" not in report
    staff = web_client.post("/staff?lang=en", data={"state": state, "step": "1"})
    assert staff.status_code == 400


@pytest.mark.parametrize(
    ("place", "say"),
    [
        (Where.CARD_ISSUER, Wording("Please approve it.", zh="请批准。")),
        (Where.BANK_BRANCH, Wording("Please update my passport.")),
    ],
)
def test_a_sentence_in_the_wrong_language_for_its_place_is_refused(place, say):
    with pytest.raises(ValueError, match="say"):
        FixStep(Wording("there"), Wording("do it"), place=place, say=say)


def test_knowledge_whose_facts_name_no_issuers_country_gives_no_call_language():
    """A knowledge base may declare facts of its own, with no card issuer's country among them:
    its plan is made all the same, in no card's language."""
    from engine.authoring.rules import Cause, fact, when
    from engine.facts.declaring import Fact, Section, facts_model
    from engine.kb.base import KnowledgeBase

    model = facts_model((Section("passport", "Passport", (Fact("renewed", bool),)),))
    renewal = Cause(
        id="renewal",
        layer="documents",
        title="renewal",
        explanation="",
        source="",
        fixes=(FixStep("here", "do it", place=Where.APP),),
        confirmed=(when(fact("passport.renewed", True)),),
    )
    doctor = Doctor(KnowledgeBase((renewal,), (), (), (), {}, facts_model=model))
    facts = validate_facts({"as_of": "2026-11-27", "passport": {"renewed": True}}, model=model)
    diagnosis = doctor.diagnose(facts)
    assert [(f.cause.key, str(f.status)) for f in diagnosis.findings] == [("renewal", "confirmed")]
    assert [step.card_language for step in diagnosis.plan] == [None]
