"""The interview's weights, on small knowledge made for each test: what a question is worth,
which comes first, and when the consultation stops (docs/consultation.md, "Ask what is worth
asking, then stop"). The built-in knowledge's travellers are in tests/test_consult.py; here each
weight is seen on its own, so a changed weight asks another question first or stops elsewhere."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from engine.authoring.rules import (
    TRUE,
    UNKNOWN,
    Cause,
    Conclusion,
    FixStep,
    MessagePattern,
    Observation,
    Outcome,
    concluded,
    derived,
    fact,
    known,
    message_points_at,
    unknown,
    unless_false,
    when,
)
from engine.consultation.answers import MOST_ITEMS
from engine.consultation.interview import Interviewer
from engine.facts.asking import APP, Ask, Choice, Tick, TickList
from engine.facts.declaring import Fact, Section, facts_model
from engine.facts.declaring import questions as declared_questions
from engine.facts.model import PartialDay
from engine.kb.base import KnowledgeBase
from engine.reasoning.diagnosis import Doctor
from engine.text.wording import Wording
from knowledge._where import Where
from tests.conftest import ROOT

AS_OF = {"as_of": "2026-11-27"}
PATIENCE = int(
    re.search(
        r"\*\*Patience\.\*\* After (\d+) answers",
        (ROOT / "docs" / "consultation.md").read_text(encoding="utf-8"),
    ).group(1)
)
"""The answers after which only what something points at is asked, as the guide says."""


def cause(key: str, layer: str, *confirmed, suspected=()) -> Cause:
    return Cause(
        id=key,
        layer=layer,
        title=key,
        explanation="",
        source="",
        fixes=(FixStep("here", "do it", place=Where.APP),),
        confirmed=confirmed,
        suspected=suspected,
    )


def ask(text: str, **how) -> Ask:
    return Ask(Wording(text), Wording(text), Wording("Look it up."), **how)


PLACES = ask(
    "Where does it fail?",
    choices={
        "alipay": Choice(
            Wording("Paying with Alipay"),
            layers=("documents", "bank", "alipay"),
            points_at=("alipay",),
            not_about=("bank_cards",),
            not_asked=("phone",),
        ),
        "taobao": Choice(Wording("Paying on Taobao"), layers=("documents", "bank", "taobao")),
        "wallet_setup": Choice(
            Wording("Signing up"),
            layers=("documents", "alipay"),
            points_at=("alipay",),
            then=("symptom.wallet",),
        ),
    },
)
QUESTIONS = {
    "symptom.where": PLACES,
    "symptom.error_message": ask("What does the error say?"),
    "symptom.wallet": ask("Which wallet?"),
    "symptom.persists": ask("Does it fail again?", symptom=True),
    "bank_cards[].status": ask("What happens with the card?", symptom=True),
    "foreign_cards[].status": ask("What happens with the foreign card?", symptom=True),
    "person.surname": ask("Your surname?"),
    "person.given_names": ask("Your given names?"),
    "passport.number": ask("Your passport number?"),
    "passport.expiry_date": ask("When does your passport expire?"),
    "passport.renewed": ask("Was your passport renewed?"),
    "passport.renewed_on": ask("When was it renewed?", easier="passport.renewed"),
    "residence_permit.held": ask("Do you hold a permit?"),
    "residence_permit.number": ask("Your permit number?"),
    "phone.number": ask("Your phone number?"),
    "phone.changed": ask("Did your number change?"),
    "phone.vpn_on": ask("Was a VPN on?"),
    "phone.roaming": ask("Were you roaming?"),
    "alipay.restricted": ask("Does Alipay say restricted?", kept_by=APP),
    "alipay.identity.name": ask("The name in Alipay?"),
    "alipay.identity.verified": ask("Verified in Alipay?"),
    "alipay.document_expiry_notice": ask("A notice in Alipay?"),
}
FILLER = {
    "person": {"surname": "BROWN", "given_names": "DAVID"},
    "passport": {"number": "E1", "expiry_date": "2030-01"},
    "residence_permit": {"number": "P1"},
    "phone": {"number": "+8613800000000"},
}
"""Six answers that bear on no cause here: a consultation this long already."""


def interviewer(
    *causes: Cause, questions=QUESTIONS, conclusions=(), messages=(), observations=()
) -> Interviewer:
    kb = KnowledgeBase(causes, (), observations, messages, dict(questions), conclusions)
    return Interviewer(Doctor(kb))


def asked(interview: Interviewer, **facts) -> list[tuple[str, float]]:
    """The questions worth asking now, in order, with their worth."""
    step = interview.step({**AS_OF, **facts})
    return [(q.fact, q.worth) for q in step.questions]


def one_before_patience(interview: Interviewer, message: str = "it failed") -> dict:
    """Facts of a payment failing in Alipay with `message`, one answer short of patience (the
    place asks nothing of the phone unless something said of it)."""
    before = {**FILLER, "symptom": {"where": "alipay", "error_message": message}}
    del before["phone"]
    assert interview.step({**AS_OF, **before}).asked == PATIENCE - 1
    return before


def without(*paths: str) -> dict[str, Ask]:
    return {path: a for path, a in QUESTIONS.items() if path not in paths}


NO_TRIAGE = without("symptom.where", "symptom.error_message")
RENEWAL = cause("renewal", "documents", when(fact("passport.renewed", True)))
PAIR = cause(
    "pair", "documents", when(fact("residence_permit.held", True), fact("phone.vpn_on", True))
)
RESTRICTED = cause("restricted", "alipay", when(fact("alipay.restricted", True)))


def test_while_nothing_points_one_answer_settling_a_cause_is_worth_half_and_asked():
    """Nothing said yet: a cause weighs 1/2; a yes/no settling it alone is worth 1/2 and asked;
    two answers for one cause (1/4 each) or an answer looked up in an app (1/4) are not."""
    interview = interviewer(RENEWAL, PAIR, RESTRICTED, questions=NO_TRIAGE)
    assert asked(interview) == [("passport.renewed", 0.5)]


def test_where_it_fails_points_at_its_layer_and_the_rest_weighs_a_quarter():
    """Alipay points at Alipay's causes: the app's answer (1 x 1/2) is asked, a cause nothing
    points at weighs 1/4 now and is not; where the place points at no cause pursued, every cause
    weighs 1/2 still."""
    interview = interviewer(RENEWAL, PAIR, RESTRICTED)
    where = {"where": "alipay", "error_message": "it failed"}
    assert asked(interview, symptom=where) == [("alipay.restricted", 0.5)]
    taobao = {"where": "taobao", "error_message": "it failed"}
    assert asked(interview, symptom=taobao) == [("passport.renewed", 0.5)]


def test_triage_first_then_what_the_place_asks_next_then_by_worth():
    interview = interviewer(RENEWAL, RESTRICTED)
    assert asked(interview)[0] == ("symptom.where", 0.0)  # asked first, whatever its worth
    assert [path for path, _ in asked(interview)] == [
        "symptom.where",
        "symptom.error_message",
        "passport.renewed",
    ]
    assert [path for path, _ in asked(interview, symptom={"where": "wallet_setup"})] == [
        "symptom.error_message",
        "symptom.wallet",
        "alipay.restricted",
    ]


MESSAGES = (MessagePattern(("frozen",), Wording("frozen"), ("named",)),)
NAMED = cause("named", "bank", when(message_points_at("named"), fact("phone.changed", True)))
REFUSED = cause(
    "refused",
    "bank",
    when(fact("bank_cards[].status", "cannot_be_verified"), fact("phone.roaming", True)),
)


def test_the_message_weighs_whole_and_what_failed_half_beside_it():
    """The message names a cause: its answer weighs 1. A refused card supports another: 1
    alone, 1/2 beside a message that names a cause (the more specific evidence)."""
    interview = interviewer(NAMED, REFUSED, RENEWAL, messages=MESSAGES)
    card = {"bank_cards": [{"status": "cannot_be_verified"}]}
    named = {"where": "taobao", "error_message": "account frozen"}
    assert asked(interview, symptom=named, **card) == [
        ("phone.changed", 1.0),
        ("phone.roaming", 0.5),
    ]
    plain = {"where": "taobao", "error_message": "it failed"}
    assert asked(interview, symptom=plain, **card) == [("phone.roaming", 1.0)]


def test_of_equal_worth_an_answer_that_alone_settles_comes_first_then_a_symptom():
    """1/2 each: the app's yes/no settling Alipay's cause alone (1 x 1/2) before two answers
    Alipay's other cause needs (1/2 x 1), though those come first in the facts; a symptom nothing
    points at weighs 1/2 at least, and of equal worth and share comes before another fact."""
    two = cause("two", "alipay", when(fact("person.surname", "X"), fact("person.given_names", "Y")))
    again = cause("again", "documents", when(fact("symptom.persists", True)))
    interview = interviewer(two, RESTRICTED, again, RENEWAL)
    where = {"where": "alipay", "error_message": "it failed"}
    assert asked(interview, symptom=where) == [
        ("symptom.persists", 0.5),
        ("alipay.restricted", 0.5),
        ("person.surname", 0.5),
        ("person.given_names", 0.5),
    ]
    interview = interviewer(RENEWAL, again, questions=NO_TRIAGE)
    assert asked(interview) == [("symptom.persists", 0.5), ("passport.renewed", 0.5)]


def test_of_the_facts_a_conclusion_rests_on_the_date_is_asked_then_the_yes_no():
    """A date says whether and when; after "don't know" to it, the yes/no it is easier as."""
    replaced = Conclusion(
        "passport.replaced",
        Wording("the passport replaced another"),
        holds=(when(fact("passport.renewed", True)), when(fact("passport.renewed_on", "2026-01"))),
    )
    old = cause("old", "documents", when(concluded("passport.replaced")))
    interview = interviewer(old, questions=NO_TRIAGE, conclusions=(replaced,))
    assert asked(interview) == [("passport.renewed_on", 0.5)]
    assert asked(interview, dont_know=["passport.renewed_on"]) == [("passport.renewed", 0.5)]


def test_a_suspicion_held_up_by_one_unknown_fact_asks_it_whole():
    """Suspected by one rule that holds only because a fact is not known: that fact's answer
    could rule it out, and a suspicion weighs 1. Two rules holding: no one answer rules it out."""
    one = cause(
        "one",
        "documents",
        when(fact("passport.renewed", True)),
        suspected=(when(fact("residence_permit.held", True), unless_false("phone.changed")),),
    )
    interview = interviewer(one, questions=NO_TRIAGE)
    facts = {"residence_permit": {"held": True}}
    assert asked(interview, **facts) == [("passport.renewed", 1.0), ("phone.changed", 1.0)]
    two = cause(
        "two",
        "documents",
        when(fact("passport.renewed", True)),
        suspected=(
            when(fact("residence_permit.held", True), unless_false("phone.changed")),
            when(fact("residence_permit.held", True), unless_false("phone.vpn_on")),
        ),
    )
    interview = interviewer(two, questions=NO_TRIAGE)
    assert asked(interview, **facts) == [("passport.renewed", 1.0)]


def test_patience_stops_where_nothing_points_after_the_answers_the_guide_says():
    """One answer short of patience the cause nothing points at is still asked; at patience the
    consultation is done."""
    interview = interviewer(RENEWAL, questions=NO_TRIAGE)
    known = {**FILLER, "alipay": {"identity": {"verified": True}}}
    assert interview.step({**AS_OF, **known}).asked == PATIENCE - 1 == 7
    assert asked(interview, **known) == [("passport.renewed", 0.5)]
    known["alipay"]["document_expiry_notice"] = False
    assert interview.step({**AS_OF, **known}).asked == PATIENCE
    assert interview.step({**AS_OF, **known}).done


def test_after_patience_only_what_something_points_at_in_one_answer_the_person_knows():
    """At patience, Alipay's causes (where it fails) are still followed where one answer the
    person knows settles them: a yes/no, a name; not what they would look up in the app, nor
    two answers together."""
    unverified = cause("unverified", "alipay", when(fact("alipay.identity.verified", False)))
    name = cause("name", "alipay", when(fact("alipay.identity.name", "X")))
    two = cause(
        "two", "alipay", when(fact("residence_permit.held", True), fact("passport.renewed", True))
    )
    interview = interviewer(unverified, name, two, RESTRICTED)
    before = one_before_patience(interview)
    assert asked(interview, **before) == [
        ("alipay.identity.name", 1.0),
        ("alipay.identity.verified", 1.0),
        ("alipay.restricted", 0.5),
        ("passport.renewed", 0.5),
        ("residence_permit.held", 0.5),
    ]
    at = {**before, "alipay": {"document_expiry_notice": False}}
    assert asked(interview, **at) == [
        ("alipay.identity.name", 1.0),
        ("alipay.identity.verified", 1.0),
    ]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ({}, []),
        ({"phone": {"changed": True}}, [("phone.vpn_on", 1.0)]),
    ],
)
def test_a_place_leaves_out_what_it_does_not_ask_until_something_points_there(said, expected):
    vpn = cause("vpn", "alipay", when(fact("phone.vpn_on", True)))
    interview = interviewer(vpn)
    where = {"where": "alipay", "error_message": "it failed"}
    assert asked(interview, symptom=where, **said) == expected


def test_a_place_pursues_only_the_causes_that_can_explain_a_failure_there():
    """Taobao: no Alipay cause, and no Alipay record asked for a cause of another layer; Alipay
    (here): nothing about Chinese bank cards, and a cause reading Alipay's records is pointed at
    as Alipay's own are."""
    notice = cause("notice", "documents", when(fact("alipay.document_expiry_notice", True)))
    card = cause("card", "bank", when(fact("bank_cards[].status", "not_linked")))
    interview = interviewer(RESTRICTED, notice, card, RENEWAL)
    taobao = {"where": "taobao", "error_message": "it failed"}
    step = interview.step({**AS_OF, "symptom": taobao, "bank_cards": [{}]})
    assert [(q.fact, q.decides) for q in step.questions] == [
        ("bank_cards[0].status", ("card",)),
        ("passport.renewed", ("renewal",)),
    ]
    alipay = {"where": "alipay", "error_message": "it failed"}
    step = interview.step({**AS_OF, "symptom": alipay, "bank_cards": [{}]})
    assert [(q.fact, q.decides) for q in step.questions] == [
        ("alipay.document_expiry_notice", ("notice",)),
        ("alipay.restricted", ("restricted",)),
    ]


def test_beside_a_message_naming_a_cause_the_place_keeps_only_its_yes_no_after_patience():
    """A message names a bank cause: Alipay's causes (where it fails) weigh 1/2. At patience
    the yes/no that alone settles one of them is still asked (most people answer it at once);
    typing a name is not."""
    unverified = cause("unverified", "alipay", when(fact("alipay.identity.verified", False)))
    name = cause("name", "alipay", when(fact("alipay.identity.name", "X")))
    interview = interviewer(NAMED, unverified, name, messages=MESSAGES)
    before = one_before_patience(interview, "account frozen")
    assert asked(interview, **before) == [
        ("alipay.identity.name", 0.5),
        ("alipay.identity.verified", 0.5),
    ]
    at = {**before, "alipay": {"document_expiry_notice": False}}
    assert asked(interview, **at) == [("alipay.identity.verified", 0.5)]


def test_two_causes_nothing_points_at_add_up_to_a_question_worth_asking():
    """Beside a place that points elsewhere a cause weighs 1/4: one answer settling two such
    causes is worth 1/2, and asked; settling one, it is not."""
    other = cause("other", "documents", when(fact("passport.renewed", True)))
    where = {"where": "alipay", "error_message": "it failed"}
    assert asked(interviewer(RENEWAL, RESTRICTED), symptom=where) == [("alipay.restricted", 0.5)]
    assert asked(interviewer(RENEWAL, other, RESTRICTED), symptom=where) == [
        ("passport.renewed", 0.5),
        ("alipay.restricted", 0.5),
    ]


def reading(name: str, path: str, *also: str) -> Observation:
    """An observation true when the fact at `path` is given and not false (not known while it
    is not given); it is said to read `also` too."""

    def evaluate(case, card):
        value = case.get(path)
        return (
            Outcome(None, unknown_paths=(path,)) if value is None else Outcome(value is not False)
        )

    return Observation(name, name, (path, *also), evaluate)


SEEN_PLACES = {**QUESTIONS, "symptom.where": ask("Where?", symptom=True, choices=PLACES.choices)}
"""Where it fails, asked as a symptom: still not what failed (`_on_the_failure`)."""
AGAIN = fact("symptom.persists", True)


@pytest.mark.parametrize(
    "seen",
    [
        pytest.param(AGAIN, id="a symptom's fact"),
        pytest.param(known("symptom.persists"), id="a symptom known"),
        pytest.param(derived("again"), id="an observation reading a symptom"),
        pytest.param(concluded("fails.again"), id="a conclusion resting on a symptom"),
    ],
)
def test_what_failed_supports_a_cause_through_a_fact_an_observation_or_a_conclusion(seen):
    """A cause whose holding test rests on what the person saw fail weighs 1 (its other
    fact's answer is worth 1), and a cause nothing points at beside it 1/4 (not asked)."""
    roaming = cause("roaming", "bank", when(seen, fact("phone.roaming", True)))
    again = Conclusion("fails.again", Wording("it fails again"), holds=(when(AGAIN),))
    observations = (reading("again", "symptom.persists", "person.surname"),)
    kb = KnowledgeBase((roaming, RENEWAL), (), observations, (), QUESTIONS, (again,))
    interview = Interviewer(Doctor(kb))
    symptom = {"where": "taobao", "error_message": "it failed", "persists": True}
    assert asked(interview, symptom=symptom) == [("phone.roaming", 1.0)]


@pytest.mark.parametrize(
    "seen",
    [
        pytest.param(fact("symptom.where", "taobao"), id="the place's fact"),
        pytest.param(derived("at"), id="an observation reading the place"),
        pytest.param(fact("person.surname", "BROWN"), id="a fact no symptom"),
        pytest.param(derived("named"), id="an observation reading no symptom"),
    ],
)
def test_where_it_fails_or_a_fact_not_seen_failing_supports_no_cause(seen):
    """Where it fails is triage, not what failed, even asked as a symptom; a fact that is no
    symptom is no evidence either: every cause weighs 1/2, as while nothing points."""
    roaming = cause("roaming", "bank", when(seen, fact("phone.roaming", True)))
    observations = (reading("at", "symptom.where"), reading("named", "person.surname"))
    kb = KnowledgeBase((roaming, RENEWAL), (), observations, (), SEEN_PLACES)
    interview = Interviewer(Doctor(kb))
    facts = {"symptom": {"where": "taobao", "error_message": "it failed"}}
    facts["person"] = {"surname": "BROWN"}
    assert asked(interview, **facts) == [("passport.renewed", 0.5), ("phone.roaming", 0.5)]


def test_a_conclusion_resting_on_the_message_supports_the_cause_that_reads_it():
    """The message read through a conclusion (not by the cause's own rule) is still what the
    person saw fail: the cause weighs 1, the rest 1/4."""
    frozen = Conclusion("frozen", Wording("frozen"), holds=(when(message_points_at("named")),))
    roaming = cause("roaming", "bank", when(concluded("frozen"), fact("phone.roaming", True)))
    kb = KnowledgeBase((roaming, RENEWAL), (), (), MESSAGES, QUESTIONS, (frozen,))
    symptom = {"where": "taobao", "error_message": "account frozen"}
    assert asked(Interviewer(Doctor(kb)), symptom=symptom) == [("phone.roaming", 1.0)]


PERMIT = {"residence_permit": {"held": True}}


def suspected_by(*tests, confirmed=None) -> Cause:
    """Confirmed by a renewal (or the test `confirmed`); suspected with a permit held and
    `tests`."""
    return cause(
        "held",
        "documents",
        when(confirmed or fact("passport.renewed", True)),
        suspected=(when(fact("residence_permit.held", True), *tests),),
    )


def not_false(conclusion: str):
    """A conclusion that holds or is not known: what a suspicion rests on."""
    return replace(concluded(conclusion), values=frozenset({TRUE, UNKNOWN}))


def test_a_suspicion_held_up_by_a_conclusion_not_known_asks_its_easiest_fact():
    """A conclusion not known (its facts not given) holds a suspicion up: any one of its facts
    could settle it, the first of the easiest kind is asked (the number changed), and after
    "no" to that one, the other."""
    moved = Conclusion(
        "moved",
        Wording("the phone moved"),
        holds=(when(fact("phone.changed", True)), when(fact("phone.roaming", True))),
        fails=(when(fact("phone.changed", False), fact("phone.roaming", False)),),
        unknown=(
            when(unknown("phone.roaming"), unknown("phone.changed")),
            when(unknown("phone.roaming"), fact("phone.changed", False)),
        ),
    )
    held = suspected_by(not_false("moved"))
    interview = Interviewer(Doctor(KnowledgeBase((held,), (), (), (), NO_TRIAGE, (moved,))))
    assert asked(interview, **PERMIT) == [("passport.renewed", 1.0), ("phone.changed", 1.0)]
    facts = {**PERMIT, "phone": {"changed": False}}
    assert asked(interview, **facts) == [("passport.renewed", 1.0), ("phone.roaming", 1.0)]


def test_a_suspicion_held_up_by_a_comparison_asks_only_its_last_unknown_fact():
    """A comparison of two facts not known: no one answer could make it fail, so neither is
    asked for the suspicion; with one known, the other is, and weighs 1."""

    def same(case, card):
        paths = ("phone.vpn_on", "phone.roaming")
        missing = tuple(path for path in paths if case.get(path) is None)
        if missing:
            return Outcome(None, unknown_paths=missing)
        return Outcome(case.get(paths[0]) == case.get(paths[1]))

    compared = Observation("same", "same", ("phone.vpn_on", "phone.roaming"), same)
    held = suspected_by(derived("same", True, None))
    interview = Interviewer(Doctor(KnowledgeBase((held,), (), (compared,), (), NO_TRIAGE)))
    assert asked(interview, **PERMIT) == [("passport.renewed", 1.0)]
    facts = {**PERMIT, "phone": {"vpn_on": True}}
    assert asked(interview, **facts) == [("passport.renewed", 1.0), ("phone.roaming", 1.0)]


CHANGES = TickList(
    "changes",
    Wording("Which of these happened?"),
    Wording("What happened"),
    Wording("Tick all that did."),
    Wording("None of these"),
)
LINES = ("passport.renewed", "phone.changed", "phone.vpn_on")
TICKED = {
    path: ask(path, tick=Tick(CHANGES, Wording(path), {path: True}, {path: False}))
    for path in LINES
}
CHANGED = cause("changed", "documents", when(fact("phone.changed", True)))
VPN = cause("vpn", "documents", when(fact("phone.vpn_on", True)))


def listed(interview: Interviewer, **facts) -> list[tuple[str, float, tuple[str, ...]]]:
    """The questions worth asking now, with their worth and, for a list, its lines."""
    step = interview.step({**AS_OF, **facts})
    return [(q.fact, q.worth, q.ticks) for q in step.questions]


def test_facts_worth_asking_of_one_list_are_asked_together_a_line_each_until_one_is_left():
    """Three lines worth 1/2 each: one list in the first one's place, its lines in the facts'
    order, worth their sum; a line answered is left out; one line left is asked alone."""
    interview = interviewer(VPN, CHANGED, RENEWAL, questions={**NO_TRIAGE, **TICKED})
    assert listed(interview) == [("passport.renewed", 1.5, LINES)]
    renewed = {"passport": {"renewed": False}}
    assert listed(interview, **renewed) == [("phone.changed", 1.0, LINES[1:])]
    phone = {"vpn_on": True}
    assert listed(interview, **renewed, phone=phone) == [("phone.changed", 0.5, ())]


def test_a_list_whose_lines_are_each_worth_too_little_alone_is_asked_last():
    """Beside a place that points elsewhere each line weighs 1/4, too little alone: together
    they are still asked, after what is worth asking (one answer most people give at a look)."""
    interview = interviewer(VPN, CHANGED, RENEWAL, RESTRICTED, questions={**QUESTIONS, **TICKED})
    symptom = {"where": "wallet_setup", "error_message": "it failed", "wallet": "alipay"}
    assert listed(interview, symptom=symptom) == [
        ("alipay.restricted", 0.5, ()),
        ("passport.renewed", 0.75, LINES),
    ]
    renewed = {"passport": {"renewed": False}}
    assert listed(interview, symptom=symptom, **renewed) == [
        ("alipay.restricted", 0.5, ()),
        ("phone.changed", 0.5, LINES[1:]),
    ]


def test_one_line_stands_for_the_facts_that_share_it_under_the_first_of_them():
    """A renewal's line asks whether and when: one line, under its first fact in the format's
    order (when), though each fact settles a cause of its own; the other stays a question of its
    own, after (the list's tick answers it)."""
    renewal = Tick(CHANGES, Wording("renewed"), {"passport.renewed": True}, {})
    shared = {path: ask(path, tick=renewal) for path in ("passport.renewed", "passport.renewed_on")}
    when_renewed = cause("when", "documents", when(known("passport.renewed_on")))
    questions = {**NO_TRIAGE, **TICKED, **shared}
    interview = interviewer(VPN, CHANGED, RENEWAL, when_renewed, questions=questions)
    lines = ("passport.renewed_on", "phone.changed", "phone.vpn_on")
    assert listed(interview) == [
        ("passport.renewed_on", 1.5, lines),
        ("passport.renewed", 0.5, ()),
    ]


def test_after_patience_a_name_that_alone_settles_a_cause_the_failure_supports_is_asked():
    """A card refused supports a cause (1/2 beside the message naming another): the name it
    needs, typed, alone settling it, is worth 1/2, all of it pointed at, so still asked at
    patience, after what the message names; a cause nothing points at is not."""
    refused = cause(
        "refused",
        "bank",
        when(fact("bank_cards[].status", "cannot_be_verified"), fact("person.surname", "X")),
    )
    interview = interviewer(NAMED, refused, RENEWAL, messages=MESSAGES)
    known = {**FILLER, "bank_cards": [{"status": "cannot_be_verified"}]}
    del known["person"]
    known["alipay"] = {"document_expiry_notice": False}
    known["symptom"] = {"where": "taobao", "error_message": "account frozen"}
    assert interview.step({**AS_OF, **known}).asked == PATIENCE
    assert asked(interview, **known) == [("phone.changed", 1.0), ("person.surname", 0.5)]


def test_a_cards_wallet_taken_for_granted_is_asked_where_a_wallet_there_would_change_the_outcome():
    """The rules take a card's wallet for granted when not said (`Fact.assumed`): it is asked
    first, for the cause it decides, where a wallet that can explain the failure would change
    what is found (paying with WeChat Pay, or nobody said where); not where no wallet it could
    be in can (Taobao), nor of a card whose wallet is said."""

    def in_wechat(case, card):
        wallet = case.get("bank_cards[].wallet", card)
        return Outcome(None) if wallet is None else Outcome(wallet in ("wechat_pay", "both"))

    observations = (
        Observation("card.in_wechat", "", ("bank_cards[].wallet",), in_wechat, per_card=True),
    )
    # First a wallet that cannot explain a failure in WeChat Pay, last one that changes nothing.
    wallets = {
        "both": Choice(Wording("Both"), layers=("alipay", "wechat_pay")),
        "wechat_pay": Choice(Wording("WeChat Pay"), layers=("wechat_pay",)),
        "alipay": Choice(Wording("Alipay"), layers=("alipay",)),
    }
    places = {
        **PLACES.choices,
        "wechat_pay": Choice(Wording("WeChat Pay"), layers=("documents", "bank", "wechat_pay")),
    }
    questions = {
        **QUESTIONS,
        "symptom.where": ask("Where?", choices=places),
        "bank_cards[].wallet": ask("Which wallet?", choices=wallets),
    }
    not_linked = fact("bank_cards[].status", "not_linked")
    wechat = cause("wechat", "bank", when(derived("card.in_wechat"), not_linked))
    kb = KnowledgeBase((wechat,), (), observations, (), questions)
    interview = Interviewer(Doctor(kb))
    said = {"status": "not_linked", "wallet": "alipay"}
    cards = {"bank_cards": [{"status": "not_linked"}, said, {"status": "not_linked"}]}

    asked = [(f"bank_cards[{card}].wallet", ("wechat",)) for card in (0, 2)]

    def asked_at(**facts):
        step = interview.step({**AS_OF, **facts, **cards})
        return [(q.fact, q.decides) for q in step.questions]

    symptom = {"where": "wechat_pay", "error_message": "it failed"}
    assert asked_at(symptom=symptom) == asked
    symptom = {"where": "taobao", "error_message": "it failed"}
    assert asked_at(symptom=symptom) == []
    triage = ("symptom.where", "symptom.error_message")
    kb = KnowledgeBase(
        (wechat,), (), observations, (), {k: a for k, a in questions.items() if k not in triage}
    )
    interview = Interviewer(Doctor(kb))
    assert asked_at() == asked
    # Suspected already, confirmed in WeChat Pay: a wallet that only turns the suspicion into a
    # finding is still asked.
    suspected = replace(wechat, suspected=(when(not_linked),))
    interview = Interviewer(Doctor(replace(kb, causes=(suspected,))))
    assert asked_at() == asked


def test_a_confirmed_cause_asks_nothing_more_and_a_card_ruled_out_leaves_the_next_one_asked():
    """Found by one rule, a cause's other rule asks nothing; a rule over cards that fails on the
    first card is still followed on the second."""
    either = cause(
        "either",
        "documents",
        when(fact("passport.renewed", True)),
        when(fact("phone.changed", True)),
    )
    interview = interviewer(either, questions=NO_TRIAGE)
    assert asked(interview) == [("passport.renewed", 0.5), ("phone.changed", 0.5)]
    assert asked(interview, passport={"renewed": True}) == []
    card = cause("card", "bank", when(fact("bank_cards[].status", "not_linked")))
    cards = {"bank_cards": [{"status": "cannot_be_verified"}, {}]}
    assert asked(interviewer(card, questions=NO_TRIAGE), **cards) == [("bank_cards[1].status", 0.5)]


def test_a_fact_that_would_settle_a_suspicion_alone_keeps_its_whole_share():
    """Suspected while two facts are not known (either answer alone cannot rule it out: 1/2
    each), and confirmed by one of them alone: that one keeps its share of 1."""
    both = suspected_by(
        unless_false("phone.changed"),
        unless_false("phone.vpn_on"),
        confirmed=fact("phone.changed", True),
    )
    interview = interviewer(both, questions=NO_TRIAGE)
    assert asked(interview, **PERMIT) == [("phone.changed", 1.0), ("phone.vpn_on", 0.5)]


def test_a_suspicion_held_up_by_a_date_not_known_asks_the_yes_no_it_is_easier_as():
    """ "Don't know" to when the passport was renewed: the suspicion resting on it asks whether
    it was (`Ask.easier`)."""
    renewed = Conclusion(
        "renewed",
        Wording("renewed"),
        holds=(when(fact("passport.renewed_on", "2026-01")),),
        unknown=(when(unknown("passport.renewed_on")),),
    )
    held = suspected_by(not_false("renewed"), confirmed=fact("phone.changed", True))
    interview = Interviewer(Doctor(KnowledgeBase((held,), (), (), (), NO_TRIAGE, (renewed,))))
    facts = {**PERMIT, "dont_know": ["passport.renewed_on"]}
    assert asked(interview, **facts) == [("passport.renewed", 1.0), ("phone.changed", 1.0)]


def test_the_causes_a_question_decides_are_named_in_the_fix_order():
    """One answer settles a cause of the documents and one of Alipay: named in the order they
    would be fixed (documents first), not by their names."""
    zeta = cause("zeta", "documents", when(fact("passport.renewed", True)))
    alpha = cause("alpha", "alipay", when(fact("passport.renewed", True)))
    step = interviewer(alpha, zeta, questions=NO_TRIAGE).step(AS_OF)
    assert [(q.fact, q.decides) for q in step.questions] == [
        ("passport.renewed", ("zeta", "alpha"))
    ]


def test_of_a_conclusions_facts_the_date_is_asked_first_whatever_its_name():
    """Whether a passport was renewed or when a permit expires settles the conclusion a
    suspicion rests on: the date is asked (it says whether and when), not the first by name."""
    checked = Conclusion(
        "checked",
        Wording("checked"),
        holds=(when(fact("passport.renewed", True)), when(known("residence_permit.expiry_date"))),
        unknown=(when(unknown("passport.renewed"), unknown("residence_permit.expiry_date")),),
    )
    held = suspected_by(not_false("checked"), confirmed=fact("phone.changed", True))
    questions = {**NO_TRIAGE, "residence_permit.expiry_date": ask("When does it expire?")}
    interview = Interviewer(Doctor(KnowledgeBase((held,), (), (), (), questions, (checked,))))
    assert asked(interview, **PERMIT) == [
        ("residence_permit.expiry_date", 1.0),
        ("phone.changed", 1.0),
    ]


def test_a_rule_resting_on_two_conclusions_needs_two_answers():
    """Each conclusion not known is settled by one answer, so the rule needs two: 1/4 each
    while nothing points, not worth asking beside a renewal that alone settles its cause."""

    def said(name: str, path: str) -> Conclusion:
        return Conclusion(
            name, Wording(name), holds=(when(fact(path, True)),), unknown=(when(unknown(path)),)
        )

    moved = cause("moved", "documents", when(concluded("changed"), concluded("vpn")))
    conclusions = (said("changed", "phone.changed"), said("vpn", "phone.vpn_on"))
    kb = KnowledgeBase((moved, RENEWAL), (), (), (), NO_TRIAGE, conclusions)
    assert asked(Interviewer(Doctor(kb))) == [("passport.renewed", 0.5)]


def test_each_cards_answer_counts_towards_patience():
    """Two cards' states are two answers, as they were two questions."""
    card = cause("card", "bank", when(fact("bank_cards[].status", "not_linked")))
    cards = {"bank_cards": [{"status": "cannot_be_verified"}, {"status": "cannot_be_verified"}]}
    interview = interviewer(card, questions=NO_TRIAGE)
    assert interview.step({**AS_OF, **cards}).asked == 2


def test_a_suspicion_rule_still_open_does_not_narrow_what_rules_the_suspicion_out():
    """Suspected while the number's change and roaming are not known (1/2 each); another
    suspicion rule, still open on the VPN, holds nothing up and changes neither share."""
    held = cause(
        "held",
        "documents",
        when(fact("passport.renewed", True)),
        suspected=(
            when(fact("phone.vpn_on", True), unless_false("phone.changed")),
            when(
                fact("residence_permit.held", True),
                unless_false("phone.changed"),
                unless_false("phone.roaming"),
            ),
        ),
    )
    assert asked(interviewer(held, questions=NO_TRIAGE), **PERMIT) == [
        ("passport.renewed", 1.0),
        ("phone.changed", 0.5),
        ("phone.roaming", 0.5),
    ]


def test_at_patience_an_answer_pointed_at_by_less_than_the_least_worth_is_not_asked():
    """The surname alone settles a cause nothing points at (1/4) and is half of what a refused
    card supports beside the message (1/2 x 1/2): worth 1/2, but pointed at by 1/4 only, so
    not asked at patience."""
    refused = cause(
        "refused",
        "bank",
        when(
            fact("bank_cards[].status", "cannot_be_verified"),
            fact("person.surname", "X"),
            fact("person.given_names", "Y"),
        ),
    )
    lone = cause("lone", "documents", when(fact("person.surname", "X")))
    interview = interviewer(NAMED, refused, lone, messages=MESSAGES)
    known = {**FILLER, "bank_cards": [{"status": "cannot_be_verified"}]}
    del known["person"]
    known["symptom"] = {"where": "taobao", "error_message": "account frozen"}
    assert interview.step({**AS_OF, **known}).asked == PATIENCE - 1
    assert asked(interview, **known) == [("phone.changed", 1.0), ("person.surname", 0.5)]
    known["alipay"] = {"document_expiry_notice": False}
    assert asked(interview, **known) == [("phone.changed", 1.0)]


def test_at_patience_an_answer_keeps_its_whole_share_whatever_cause_comes_after():
    """The name alone settles one of Alipay's causes (a share of 1) and is half of what another
    needs (1/2): its best share is 1 whichever cause is weighed last, so it is still asked at
    patience; the renewal, half of a cause only, is not."""
    name = cause("name", "alipay", when(fact("alipay.identity.name", "X")))
    both = cause(
        "both", "alipay", when(fact("alipay.identity.name", "X"), fact("passport.renewed", True))
    )
    interview = interviewer(name, both)
    before = one_before_patience(interview)
    assert asked(interview, **before) == [
        ("alipay.identity.name", 1.5),
        ("passport.renewed", 0.5),
    ]
    at = {**before, "alipay": {"document_expiry_notice": False}}
    assert asked(interview, **at) == [("alipay.identity.name", 1.5)]


def test_at_patience_what_points_at_an_answer_adds_up_over_the_causes_it_settles():
    """The surname settles alone the cause the message names (pointed at by 1) and is half of
    what a refused card supports (1/2 x 1/2 beside the message): pointed at by 1 1/4 in all,
    the part the last cause weighed adds to the rest, so it is asked at patience."""
    named = cause("named", "bank", when(message_points_at("named"), fact("person.surname", "X")))
    refused = cause(
        "refused",
        "bank",
        when(
            fact("bank_cards[].status", "cannot_be_verified"),
            fact("person.surname", "X"),
            fact("person.given_names", "Y"),
        ),
    )
    interview = interviewer(named, refused, messages=MESSAGES)
    known = {**FILLER, "bank_cards": [{"status": "cannot_be_verified"}]}
    del known["person"]
    known["alipay"] = {"document_expiry_notice": False}
    known["symptom"] = {"where": "taobao", "error_message": "account frozen"}
    assert interview.step({**AS_OF, **known}).asked == PATIENCE
    assert asked(interview, **known) == [("person.surname", 1.25)]


def test_of_a_conclusions_facts_a_kind_typed_out_of_the_preferred_list_comes_last():
    """A foreign card's network (a choice) and its issuer's country (typed, a kind `PREFERRED`
    does not list) settle the conclusion: the choice is asked first, then the country."""

    def issued(case, card):
        foreign = (case.facts.foreign_cards or [None])[0]
        said = {name: getattr(foreign, name, None) for name in ("issuer_country", "network")}
        missing = tuple(f"foreign_cards[0].{name}" for name, value in said.items() if not value)
        if missing:
            return Outcome(None, unknown_paths=missing)
        return Outcome(said["network"] == "visa" and said["issuer_country"] == "US")

    reads = ("foreign_cards[].issuer_country", "foreign_cards[].network")
    observations = (Observation("issued", "issued", reads, issued),)
    abroad = Conclusion("abroad", Wording("issued abroad"), holds=(when(derived("issued")),))
    found = cause("abroad", "bank", when(concluded("abroad")))
    questions = {
        **NO_TRIAGE,
        "foreign_cards[].network": ask("Which network?"),
        "foreign_cards[].issuer_country": ask("Which country issued it?"),
    }
    kb = KnowledgeBase((found,), (), observations, (), questions, (abroad,))
    interview = Interviewer(Doctor(kb))
    assert asked(interview, foreign_cards=[{}]) == [("foreign_cards[0].network", 0.5)]
    visa = [{"network": "visa"}]
    assert asked(interview, foreign_cards=visa) == [("foreign_cards[0].issuer_country", 0.5)]


def test_after_dont_know_to_a_date_a_place_that_leaves_out_the_yes_no_leaves_the_conclusion():
    """The renewal's date or roaming settles the conclusion. "Don't know" to the date: the
    yes/no it is easier as is asked instead; where the place leaves renewals out (a visitor's
    foreign card), the "don't
    know" stands for the conclusion and nothing is asked for it (not roaming either)."""
    moved = Conclusion(
        "moved",
        Wording("moved"),
        holds=(
            when(fact("passport.renewed_on", "2026-01")),
            when(fact("phone.roaming", True)),
        ),
    )
    found = cause("moved", "documents", when(concluded("moved")))
    places = {
        "taobao": Choice(Wording("Paying on Taobao")),
        "foreign_card": Choice(Wording("With a foreign card"), not_asked=("passport.renewed",)),
    }
    questions = {**NO_TRIAGE, "symptom.where": ask("Where?", choices=places)}
    interview = Interviewer(Doctor(KnowledgeBase((found,), (), (), (), questions, (moved,))))
    not_known = {"dont_know": ["passport.renewed_on"]}
    assert asked(interview, symptom={"where": "taobao"}, **not_known) == [("passport.renewed", 0.5)]
    assert asked(interview, symptom={"where": "foreign_card"}, **not_known) == []


def test_after_dont_know_to_a_cards_date_the_yes_no_of_that_card_is_asked():
    """When the card was last used, or whether it is frozen, settles the card's conclusion; the
    date first. "Don't know" to the first card's date: the first card's yes/no is asked."""
    stopped = Conclusion(
        "card.stopped",
        Wording("the card stopped"),
        holds=(
            when(fact("bank_cards[].last_used", "2026-01")),
            when(fact("bank_cards[].frozen", True)),
        ),
        per_card=True,
    )
    found = cause("stopped", "bank", when(concluded("card.stopped")))
    questions = {
        **NO_TRIAGE,
        "bank_cards[].last_used": ask("When was it last used?", easier="bank_cards[].frozen"),
        "bank_cards[].frozen": ask("Is it frozen?"),
    }
    interview = Interviewer(Doctor(KnowledgeBase((found,), (), (), (), questions, (stopped,))))
    assert asked(interview, bank_cards=[{}]) == [("bank_cards[0].last_used", 0.5)]
    not_known = {"bank_cards": [{}], "dont_know": ["bank_cards[0].last_used"]}
    assert asked(interview, **not_known) == [("bank_cards[0].frozen", 0.5)]


def test_a_cards_wallet_is_asked_where_the_place_is_exactly_that_wallets():
    """Paying in WeChat Pay's own screens (only its layer can explain the failure): a card
    taken for Alipay's has its wallet asked, as WeChat Pay, whose layers are exactly the
    place's, would find the cause."""

    def in_wechat(case, card):
        wallet = case.get("bank_cards[].wallet", card)
        return Outcome(None) if wallet is None else Outcome(wallet == "wechat_pay")

    observations = (
        Observation("card.in_wechat", "", ("bank_cards[].wallet",), in_wechat, per_card=True),
    )
    not_linked = fact("bank_cards[].status", "not_linked")
    wechat = cause("wechat", "wechat_pay", when(derived("card.in_wechat"), not_linked))
    wallets = {
        "alipay": Choice(Wording("Alipay"), layers=("alipay",)),
        "wechat_pay": Choice(Wording("WeChat Pay"), layers=("wechat_pay",)),
    }
    places = {"wechat_pay": Choice(Wording("In WeChat Pay"), layers=("wechat_pay",))}
    questions = {
        **NO_TRIAGE,
        "symptom.where": ask("Where?", choices=places),
        "bank_cards[].wallet": ask("Which wallet?", choices=wallets),
    }
    interview = Interviewer(Doctor(KnowledgeBase((wechat,), (), observations, (), questions)))
    facts = {**AS_OF, "symptom": {"where": "wechat_pay"}, "bank_cards": [{"status": "not_linked"}]}
    step = interview.step(facts)
    assert [(q.fact, q.decides) for q in step.questions] == [("bank_cards[0].wallet", ("wechat",))]


def test_a_cards_wallet_is_asked_where_it_changes_only_which_causes_are_pursued():
    """A cause that applies only where a card is in WeChat Pay (its scope): the card taken for
    Alipay's leaves it out; its wallet, which would bring the cause in though nothing is found
    yet, is asked first."""

    def wechat_used(case, card):
        wallets = [c.wallet for c in case.facts.bank_cards or ()]
        return Outcome(any(wallet in ("wechat_pay", "both") for wallet in wallets))

    observations = (Observation("wechat_used", "", ("bank_cards[].wallet",), wechat_used),)
    roaming = cause(
        "roaming",
        "bank",
        when(fact("phone.roaming", True)),
        suspected=(when(fact("phone.changed", True)),),
    )
    roaming = replace(roaming, scope=(derived("wechat_used"),))
    wallets = {
        "alipay": Choice(Wording("Alipay"), layers=("alipay",)),
        "wechat_pay": Choice(Wording("WeChat Pay"), layers=("wechat_pay",)),
    }
    questions = {**NO_TRIAGE, "bank_cards[].wallet": ask("Which wallet?", choices=wallets)}
    interview = Interviewer(Doctor(KnowledgeBase((roaming,), (), observations, (), questions)))
    step = interview.step({**AS_OF, "bank_cards": [{}]})
    assert [(q.fact, q.decides) for q in step.questions] == [("bank_cards[0].wallet", ("roaming",))]
    said = {**AS_OF, "bank_cards": [{"wallet": "wechat_pay"}]}
    assert [(q.fact, q.decides) for q in interview.step(said).questions] == [
        ("phone.changed", ("roaming",)),
        ("phone.roaming", ("roaming",)),
    ]


def scoped(outcome: Outcome) -> Interviewer:
    """The renewal's cause, pursued only where its scope (an observation that comes out as
    `outcome`) holds or may."""
    observations = (Observation("in_scope", "", ("phone",), lambda case, card: outcome),)
    renewal = cause(
        "renewal",
        "documents",
        when(fact("passport.renewed", True)),
        suspected=(when(fact("phone.changed", True)),),
    )
    renewal = replace(renewal, scope=(derived("in_scope"),))
    return interviewer(renewal, questions=NO_TRIAGE, observations=observations)


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        pytest.param(Outcome(True), ["passport.renewed", "phone.changed"], id="holds"),
        pytest.param(Outcome(False), [], id="fails"),
        pytest.param(
            Outcome(None, unknown_paths=("phone.vpn_on",)),
            ["passport.renewed"],
            id="a fact not known",
        ),
        pytest.param(Outcome(None), ["passport.renewed"], id="not known, nothing missing"),
        pytest.param(Outcome(None, unknown_paths=("phone",)), [], id="a whole section missing"),
    ],
)
def test_a_cause_is_pursued_while_its_scope_may_hold_but_not_for_want_of_a_whole_section(
    outcome, expected
):
    """A scope not known is pursued (its answers could bring the cause in), except where what
    is missing is a whole section (a wallet nobody said is in use): that section's own
    questions would bring it in. (The suspicion, open on the scope too, needs two answers
    where a fact is not known, and one it cannot name where nothing is said missing: only the
    renewal is worth asking then.)"""
    assert [path for path, _ in asked(scoped(outcome))] == expected


def line(path: str, *writes: str) -> Ask:
    """A question whose line in `CHANGES` writes `writes` (the fact itself by default): true
    ticked, false left unticked."""
    written = writes or (path,)
    tick = Tick(CHANGES, Wording(path), dict.fromkeys(written, True), dict.fromkeys(written, False))
    return ask(path, tick=tick)


FROZEN = cause("frozen", "bank", when(fact("bank_cards[].frozen", True)))
FEE = cause("fee", "documents", when(fact("payment.fee_notice", True)))
OFFLINE = cause("offline", "documents", when(fact("travel.limited_connectivity", True)))
LATER_LINES = ("payment.fee_notice", "travel.limited_connectivity")


def test_a_cards_line_is_left_out_of_the_list_for_two_cards_and_the_lines_after_it_stay():
    """One card: its line is one of the list's. Two cards: each card's fact is asked on its own
    (a line says "my card"), and the lines after it in the facts' order are still a list."""
    questions = {
        **NO_TRIAGE,
        **{path: line(path) for path in ("bank_cards[].frozen", *LATER_LINES)},
    }
    interview = interviewer(FROZEN, FEE, OFFLINE, questions=questions)
    assert listed(interview, bank_cards=[{}]) == [
        ("bank_cards[0].frozen", 1.5, ("bank_cards[0].frozen", *LATER_LINES))
    ]
    assert listed(interview, bank_cards=[{}, {}]) == [
        ("bank_cards[0].frozen", 0.5, ()),
        ("bank_cards[1].frozen", 0.5, ()),
        ("payment.fee_notice", 1.0, LATER_LINES),
    ]


@pytest.mark.parametrize("dated", [True, False], ids=["as_of given", "nothing else known"])
def test_a_line_whose_tick_writes_only_what_is_not_known_already_is_left_out(dated):
    """ "Don't know" to whether the passport was renewed: the renewal's line (which writes that)
    is left out, whatever else is known, and when it was renewed is asked on its own."""
    questions = {
        **NO_TRIAGE,
        **{path: line(path) for path in ("phone.changed", "phone.vpn_on")},
        "passport.renewed_on": line("passport.renewed_on", "passport.renewed"),
    }
    when_renewed = cause("when", "documents", when(known("passport.renewed_on")))
    interview = interviewer(VPN, CHANGED, when_renewed, questions=questions)
    facts = {"dont_know": ["passport.renewed"], **(AS_OF if dated else {})}
    step = interview.step(facts, today=date(2026, 11, 27))
    assert [(q.fact, q.worth, q.ticks) for q in step.questions] == [
        ("passport.renewed_on", 0.5, ()),
        ("phone.changed", 1.0, ("phone.changed", "phone.vpn_on")),
    ]


def test_a_cards_line_whose_tick_writes_only_what_is_not_known_of_that_card_is_left_out():
    """ "Don't know" to whether the card is frozen: the line for when it was last used, which
    writes that it is frozen, is left out; the date is asked on its own, the rest as a list."""
    questions = {
        **NO_TRIAGE,
        **{path: line(path) for path in LATER_LINES},
        "bank_cards[].last_used": line("bank_cards[].last_used", "bank_cards[].frozen"),
    }
    used = cause("used", "bank", when(known("bank_cards[].last_used")))
    interview = interviewer(used, FEE, OFFLINE, questions=questions)
    facts = {"bank_cards": [{}], "dont_know": ["bank_cards[0].frozen"]}
    assert listed(interview, **facts) == [
        ("bank_cards[0].last_used", 0.5, ()),
        ("payment.fee_notice", 1.0, LATER_LINES),
    ]


def test_beside_a_message_the_place_keeps_a_choice_that_alone_reveals_a_cause_after_patience():
    """A message names a bank cause: Alipay's causes (where it fails) weigh 1/2, and an answer
    about the payment is not what the person saw there, so nothing points at it. Whom they paid,
    one of a few choices that alone settles one of Alipay's causes, is still asked at patience,
    as a yes/no would be (`EASY`)."""
    payee = cause("payee", "alipay", when(fact("payment.payee", "personal_qr")))
    questions = {**QUESTIONS, "payment.payee": ask("Whom did you pay?")}
    interview = interviewer(NAMED, payee, questions=questions, messages=MESSAGES)
    known = {**FILLER, "symptom": {"where": "alipay", "error_message": "account frozen"}}
    del known["phone"]
    known["alipay"] = {"document_expiry_notice": False}
    assert interview.step({**AS_OF, **known}).asked == PATIENCE
    assert asked(interview, **known) == [("payment.payee", 0.5)]


def test_a_list_ticked_is_one_answer_and_each_fact_asked_after_its_line_one_more():
    """Seven lines answered at once are one answer; the renewal ticked, each of the five facts
    its line stands for and asked after it (when, the new and the old number and expiry) is an
    answer of its own: six in all, whatever order the answers are counted in."""
    renewal = Tick(
        CHANGES, Wording("renewed"), {"passport.renewed": True}, {"passport.renewed": False}
    )
    after = (
        "passport.renewed_on",
        "passport.expiry_date",
        "passport.number",
        "passport.previous_number",
        "passport.previous_expiry_date",
    )
    lines = (
        "phone.changed",
        "phone.vpn_on",
        "phone.roaming",
        "phone.suspended",
        "phone.sms_code_received",
        "travel.limited_connectivity",
    )
    questions = {
        **{path: ask(path, tick=renewal) for path in ("passport.renewed", *after)},
        **{path: line(path) for path in lines},
    }
    interview = interviewer(RENEWAL, questions=questions)
    passport = {
        "renewed": True,
        "renewed_on": "2026-01",
        "expiry_date": "2036-01",
        "number": "E2",
        "previous_number": "E1",
        "previous_expiry_date": "2026-03",
    }
    phone = {path.split(".")[1]: False for path in lines[:-1]}
    facts = {
        **AS_OF,
        "passport": passport,
        "phone": phone,
        "travel": {"limited_connectivity": False},
    }
    assert interview.step(facts).asked == 1 + len(after)


def test_knowledge_that_declares_its_own_facts_is_interviewed_in_them():
    """No passport, no bank card: a trip's facts and a list of tickets, declared by the
    knowledge. Their kinds come from its own facts (a gate to choose, a date before a yes/no
    for a conclusion), and a ticket's kind taken for granted is asked, checked against them."""
    gates = {"a": Choice(Wording("Gate A")), "b": Choice(Wording("Gate B"))}
    at_the_gate = Choice(Wording("At the gate"), layers=("documents",), points_at=("documents",))
    trip = Section(
        "trip",
        "Trip",
        (
            Fact(
                "where", ask=ask("Where?", choices={"gate": at_the_gate}), place=True, triage=True
            ),
            Fact("gate", ask=ask("Which gate?", choices=gates)),
            Fact("left_on", PartialDay, ask=ask("When did you leave?")),
            Fact("delayed", bool, ask=ask("Delayed?")),
        ),
    )
    kinds = {"paper": Choice(Wording("Paper")), "e": Choice(Wording("E-ticket"))}
    tickets = Section(
        "tickets",
        "Ticket",
        (
            Fact("kind", ask=ask("Paper or e-ticket?", choices=kinds), assumed=True),
            Fact("lost", bool, ask=ask("Lost?")),
        ),
        cards=True,
        subject=True,
    )

    def paper(case, card):
        kind = case.get("tickets[].kind", card)
        return Outcome(None) if kind is None else Outcome(kind == "paper")

    observations = (Observation("card.paper", "", ("tickets[].kind",), paper, per_card=True),)
    left = Conclusion(
        "left",
        Wording("left"),
        holds=(when(fact("trip.left_on", "2026-01")), when(fact("trip.delayed", True))),
    )
    causes = (
        cause("late", "documents", when(fact("trip.gate", "b"))),
        cause("left", "documents", when(concluded("left"))),
        cause("paper", "documents", when(derived("card.paper"), fact("tickets[].lost", True))),
    )
    declared = (trip, tickets)
    kb = KnowledgeBase(
        causes,
        (),
        observations,
        (),
        declared_questions(declared),
        (left,),
        facts_model=facts_model(declared),
    )
    interview = Interviewer(Doctor(kb))

    def asked_of(**facts):
        step = interview.step({**AS_OF, **facts})
        return [(q.fact, q.kind.name, q.worth, q.decides) for q in step.questions]

    assert asked_of() == [
        ("trip.where", "choice", 0.0, ()),
        ("trip.gate", "choice", 0.5, ("late",)),
        ("trip.left_on", "date", 0.5, ("left",)),
    ]
    assert asked_of(trip={"where": "gate"}, tickets=[{"lost": True}]) == [
        ("tickets[0].kind", "choice", 0.0, ("paper",)),
        ("trip.gate", "choice", 1.0, ("late",)),
        ("trip.left_on", "date", 1.0, ("left",)),
    ]


def test_what_a_cards_wallet_would_change_is_judged_on_the_day_of_the_step():
    """A cause that holds only before 2021, for a card in WeChat Pay: a step on a day in 2020,
    the facts giving none, asks the card's wallet (WeChat Pay would find the cause that day);
    on a day after, it does not."""

    def in_wechat(case, card):
        wallet = case.get("bank_cards[].wallet", card)
        return Outcome(None) if wallet is None else Outcome(wallet == "wechat_pay")

    def before_2021(case, card):
        return Outcome(case.as_of.year < 2021)

    observations = (
        Observation("card.in_wechat", "", ("bank_cards[].wallet",), in_wechat, per_card=True),
        Observation("before_2021", "", ("as_of",), before_2021),
    )
    old = cause("old", "bank", when(derived("card.in_wechat"), derived("before_2021")))
    wallets = {
        "alipay": Choice(Wording("Alipay"), layers=("alipay",)),
        "wechat_pay": Choice(Wording("WeChat Pay"), layers=("wechat_pay",)),
    }
    questions = {**NO_TRIAGE, "bank_cards[].wallet": ask("Which wallet?", choices=wallets)}
    interview = Interviewer(Doctor(KnowledgeBase((old,), (), observations, (), questions)))
    cards = {"bank_cards": [{}]}
    step = interview.step(cards, today=date(2020, 6, 1))
    assert [(q.fact, q.decides) for q in step.questions] == [("bank_cards[0].wallet", ("old",))]
    assert interview.step(cards, today=date(2026, 11, 27)).done


def test_an_observation_of_what_failed_not_known_points_at_nothing_though_it_names_no_fact():
    """An observation reading what failed comes out not known without naming a fact missing
    (a date given only in part leaves it open): the rule accepting "not known" holds, but
    nothing was seen, so every cause weighs 1/2 as while nothing points."""

    def open_(case, card):
        return Outcome(None)

    observations = (Observation("again", "again", ("symptom.persists",), open_),)
    roaming = cause(
        "roaming", "bank", when(derived("again", True, None), fact("phone.roaming", True))
    )
    kb = KnowledgeBase((roaming, RENEWAL), (), observations, (), QUESTIONS)
    symptom = {"where": "taobao", "error_message": "it failed", "persists": True}
    assert asked(Interviewer(Doctor(kb)), symptom=symptom) == [
        ("passport.renewed", 0.5),
        ("phone.roaming", 0.5),
    ]


def test_a_suspicion_held_up_by_a_known_value_asks_nothing_to_rule_it_out():
    """The suspicion's observation is true though it names a fact missing (one card already
    shows it, another's is not known): no answer could make that test fail, so nothing is
    asked for the suspicion, only what confirms it."""

    def shown(case, card):
        return Outcome(True, unknown_paths=("phone.changed",))

    observations = (Observation("shown", "shown", ("phone.changed",), shown),)
    held = suspected_by(derived("shown", True, None))
    interview = interviewer(held, questions=NO_TRIAGE, observations=observations)
    assert asked(interview, **PERMIT) == [("passport.renewed", 1.0)]


def test_of_more_cards_than_a_consultation_counts_only_the_first_ones_are_asked_about():
    """A file may list up to 50 cards; a consultation counts at most `MOST_ITEMS` (9) and asks
    about those only: of ten cards, the tenth's state is not asked."""
    card = cause("card", "bank", when(fact("bank_cards[].status", "not_linked")))
    interview = interviewer(card, questions=NO_TRIAGE)
    assert asked(interview, bank_cards=[{}] * (MOST_ITEMS + 1)) == [
        (f"bank_cards[{index}].status", 0.5) for index in range(MOST_ITEMS)
    ]
