"""The fix order: layers first, then `after` edges, ties by depth, layer and key; never a cycle."""

from __future__ import annotations

import dataclasses
import re

import pytest

from engine.authoring import rules
from engine.authoring.rules import Cause, FixStep, Layer, derived, standard_layers, when
from engine.errors import KnowledgeError
from engine.kb.order import cause_graph, fix_order
from engine.text.wording import Wording
from knowledge._where import Where
from tests.conftest import EXAMPLES, ROOT, load_example

LAYERS = tuple(layer.key for layer in standard_layers())
"""The layers' keys, in the order the knowledge declares them."""


def cause(cause_id, layer, after=()):
    return Cause(
        id=cause_id,
        layer=layer,
        title=cause_id,
        explanation="",
        source="",
        fixes=(FixStep("here", "do it", place=Where.APP),),
        confirmed=(when(derived("passport.expired")),),
        after=after,
    )


def test_builtin_order_follows_layers_and_after_edges(doctor):
    order = doctor.order
    layers = [doctor.kb.cause(cause_id).layer for cause_id in order]
    assert layers == sorted(layers, key=LAYERS.index)
    for before, then in cause_graph(doctor.kb.causes).edges:
        assert order.index(before) < order.index(then)


def wallet_cause(cause_id, layer, after=()):
    return dataclasses.replace(cause(cause_id, layer, after), per_wallet=True)


def test_after_naming_a_per_wallet_id_means_the_same_wallets_variant_else_every_one():
    causes = (
        wallet_cause("name", "alipay"),
        wallet_cause("name", "wechat_pay"),
        wallet_cause("link", "alipay", after=("name",)),
        wallet_cause("link", "wechat_pay", after=("name",)),
        cause("shop", "taobao", after=("name",)),
        cause("pin", "alipay", after=("name@wechat_pay",)),
    )
    assert set(cause_graph(causes).edges) == {
        ("name@alipay", "link@alipay"),
        ("name@wechat_pay", "link@wechat_pay"),
        ("name@alipay", "shop"),
        ("name@wechat_pay", "shop"),
        ("name@wechat_pay", "pin"),
    }


def test_after_edge_reorders_within_a_layer():
    causes = (cause("a", "alipay", after=("c",)), cause("b", "alipay"), cause("c", "alipay"))
    assert fix_order(causes, standard_layers()) == ("b", "c", "a")


def test_ties_within_a_layer_go_by_key_whatever_order_the_units_were_read_in():
    causes = (cause("z", "alipay"), cause("x", "alipay"), cause("y", "alipay"))
    assert fix_order(causes, standard_layers()) == ("x", "y", "z")
    assert fix_order(causes[::-1], standard_layers()) == ("x", "y", "z")


@pytest.mark.parametrize(
    ("causes", "order"),
    [
        # WeChat Pay and Taobao wait for neither: the nearer layer (fewer before it) first.
        ((cause("a", "taobao"), cause("b", "wechat_pay")), ("b", "a")),
        # The phone's step opens every plan, whatever its key.
        ((cause("d", "documents"), cause("p", "device")), ("p", "d")),
        # Alipay and WeChat Pay side by side: Alipay first, as LAYERS reads.
        ((cause("a", "wechat_pay"), cause("b", "alipay")), ("b", "a")),
    ],
)
def test_ties_across_layers_go_by_depth_then_layer_before_key(causes, order):
    assert fix_order(causes, standard_layers()) == order
    assert fix_order(causes[::-1], standard_layers()) == order


def test_layers_beat_registry_order():
    causes = (cause("t", "taobao"), cause("d", "documents"), cause("b", "bank"))
    assert fix_order(causes, standard_layers()) == ("d", "b", "t")


@pytest.mark.parametrize(
    ("causes", "message"),
    [
        (
            (cause("a", "bank", after=("b",)), cause("b", "bank", after=("a",))),
            "'after' edges form a cycle: a -> b",
        ),
        (
            (cause("a", "bank", after=("nope",)), cause("b", "bank", after=("nope",))),
            "a, b: 'after' names unknown cause 'nope'",
        ),
        (
            (cause("a", "bank", after=("t",)), cause("t", "taobao")),
            "a: comes after t, but the taobao layer is fixed after bank",
        ),
        (
            (cause("a", "bank", after=("x",)), cause("b", "bank", after=("a", "y"))),
            "a: 'after' names unknown cause 'x'; b: 'after' names unknown cause 'y'",
        ),
        (
            # WeChat Pay and Taobao wait for neither, but Taobao waits for Alipay: round.
            (
                cause("y", "wechat_pay", after=("t",)),
                cause("x", "alipay", after=("y",)),
                cause("t", "taobao"),
            ),
            "'after' edges and the layers' order form a cycle: y -> x -> t -> y",
        ),
    ],
)
def test_bad_orders_are_refused_with_what_is_wrong(causes, message):
    with pytest.raises(KnowledgeError) as refused:
        fix_order(causes, standard_layers())
    assert str(refused.value) == message


def test_bad_layers_are_refused_with_what_is_wrong(monkeypatch):
    """A layer fixed after one no knowledge declares, and layers each fixed after the other
    (declared for this test only: a layer declared stays one a unit may name)."""
    monkeypatch.setattr(rules, "_declared_layers", dict(rules._declared_layers))
    layers = (
        Layer("a", Wording("a"), after=("b",)),
        Layer("b", Wording("b"), after=("a",)),
        Layer("c", Wording("c"), after=("nope",)),
    )
    with pytest.raises(KnowledgeError) as refused:
        fix_order((), layers)
    assert str(refused.value) == (
        "layer c: comes after unknown layer 'nope' (expected a, b, c); "
        "the layers form a cycle: b -> a"
    )


def test_only_a_suspected_causes_first_step_carries_the_check():
    """Nobody makes a trip on a suspicion: the check comes with the first step, once."""
    from engine.authoring.rules import fact, unknown
    from engine.facts.loading import validate_facts
    from engine.kb.base import KnowledgeBase
    from engine.reasoning.diagnosis import Doctor

    two_steps = dataclasses.replace(
        cause("old-passport", "documents"),
        fixes=(FixStep("here", "one", place=Where.APP), FixStep("there", "two", place=Where.APP)),
        confirmed=(when(fact("passport.renewed_on", "2026-01-01")),),
        suspected=(when(unknown("passport.expiry_date")),),
    )
    doctor = Doctor(KnowledgeBase((two_steps,), (), (), (), {}))
    plan = doctor.diagnose(validate_facts({"as_of": "2026-11-27"})).plan
    assert [(s.number, s.check.fact if s.check else None) for s in plan] == [
        (1, "passport.expiry_date"),
        (2, None),
    ]


def test_a_mistyped_layer_fails_when_the_unit_is_made():
    with pytest.raises(
        ValueError, match="a: layer 'moon' is not one of 'device', 'documents', 'bank'"
    ):
        cause("a", "moon")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("story-*.json")), ids=lambda p: p.name)
def test_plan_steps_are_numbered_in_layer_order(diagnose, path):
    diagnosis = diagnose(load_example(path.name))
    assert [step.number for step in diagnosis.plan] == list(range(1, len(diagnosis.plan) + 1))
    layers = [LAYERS.index(step.cause.layer) for step in diagnosis.plan]
    assert layers == sorted(layers)
    assert [f.cause.id for f in diagnosis.findings] == list(
        dict.fromkeys(step.cause.id for step in diagnosis.plan)
    )


def test_same_facts_same_plan(diagnose):
    facts = load_example("story-name-troubles-two-cards.json")
    first = diagnose(facts)
    again = diagnose(facts)
    assert first == again


SPEC = ROOT / "docs" / "formats" / "causes-v1.md"


def test_builtin_order_keeps_the_contract_tables_order_from_after_edges_alone(doctor):
    """causes-v1 breaks ties by its table's order; our `after` edges give that order.

    Causes beyond the table may stand anywhere their layer and edges put them; a cause the
    table has that is now per wallet is its Alipay variant (v1 knows no other wallet).
    """
    text = SPEC.read_text(encoding="utf-8")
    table = re.findall(r"^\| `([a-z-]+)` \| (?:documents|bank|alipay|taobao) \|", text, re.M)
    ids = [key.removesuffix("@alipay") for key in doctor.order]
    assert [cause_id for cause_id in ids if cause_id in table] == table


def test_no_trip_on_a_suspicion_the_plan_starts_with_the_check(diagnose):
    """'Your ID has expired', the passport's date unknown: first look at the passport's date."""
    from visualise.json_report import report_data

    facts = {
        "alipay": {"document_expiry_notice": True},
        "symptom": {"where": "alipay", "error_message": "Your ID has expired"},
    }
    first = report_data(diagnose(facts))["plan"][0]
    assert first["cause"] == "passport-expired"
    assert first["if"]["fact"] == "passport.expiry_date"
    assert first["if"]["then"] == first["action"]


def test_a_confirmed_cause_has_no_check_before_its_steps(diagnose):
    from visualise.json_report import report_data

    plan = report_data(diagnose({"passport": {"expiry_date": "2026-01-01"}}))["plan"]
    assert plan[0]["cause"] == "passport-expired" and "if" not in plan[0]


def test_nothing_found_is_an_answer_with_next_steps(doctor):
    """No cause fits: the checks that could reveal one, the workarounds, and a person to ask."""
    from engine.facts.loading import validate_facts
    from engine.planning.next_steps import next_steps
    from visualise.json_report import report_data

    facts = validate_facts({"as_of": "2026-12-01", "symptom": {"where": "alipay"}})
    diagnosis = doctor.diagnose(facts)
    after = next_steps(doctor, facts, diagnosis)
    report = report_data(diagnosis, next_steps=after)
    assert report["causes"] == []
    steps = report["next_steps"]
    assert "symptom.error_message" in [check["fact"] for check in steps["checks"]]
    assert all(check["question"] and check["decides"] for check in steps["checks"])
    assert any("95188" in step for route in steps["human_route"] for step in route["steps"])


def test_a_visitor_who_knows_nothing_is_told_questions_a_person_can_answer(doctor):
    """A declined foreign card and nothing more: every check is a question from the knowledge
    (no "What is wechat_pay?" for a section no one asks), a foreign card named as one."""
    from engine.facts.loading import validate_facts
    from engine.planning.next_steps import next_steps
    from visualise.json_report import report_data

    facts = validate_facts(
        {
            "as_of": "2026-12-01",
            "symptom": {"where": "foreign_card", "error_message": "declined"},
            "foreign_cards": [{}],
        }
    )
    diagnosis = doctor.diagnose(facts)
    checks = report_data(diagnosis, next_steps=next_steps(doctor, facts, diagnosis))["next_steps"][
        "checks"
    ]
    assert checks and all(doctor.kb.ask(check["fact"]) for check in checks)
    assert not [check for check in checks if check["question"] == f"What is {check['fact']}?"]
    card = [check["question"] for check in checks if check["fact"].startswith("foreign_cards[0]")]
    assert card and all(question.startswith("Foreign card 1: ") for question in card)


def test_a_report_with_causes_has_no_next_steps(doctor):
    from engine.facts.loading import read_facts_file
    from engine.planning.next_steps import next_steps

    facts = read_facts_file(EXAMPLES / "renewed-passport.json")
    assert next_steps(doctor, facts, doctor.diagnose(facts)) is None


def test_a_check_is_asked_only_of_what_a_suspicion_left_unknown():
    """An observation that holds (true) names no check, even when a unit says some fact it
    read was missing; one that is not known names its missing fact."""
    from engine.authoring.rules import Observation, Outcome, fact
    from engine.facts.loading import validate_facts
    from engine.kb.base import KnowledgeBase
    from engine.reasoning.diagnosis import Doctor

    def holds(case, card):
        return Outcome(True, unknown_paths=("passport.number",))

    def open_(case, card):
        return Outcome(None, unknown_paths=("passport.expiry_date",))

    observations = (
        Observation("passport.looks_old", "the passport looks old", (), holds),
        Observation("passport.maybe_old", "the passport may be old", (), open_),
    )
    suspected = dataclasses.replace(
        cause("old-passport", "documents"),
        confirmed=(when(fact("passport.renewed_on", "2026-01-01")),),
        suspected=(when(derived("passport.looks_old"), derived("passport.maybe_old", None)),),
    )
    doctor = Doctor(KnowledgeBase((suspected,), (), observations, (), {}))
    diagnosis = doctor.diagnose(validate_facts({"as_of": "2026-11-27"}))
    assert [f.status for f in diagnosis.findings] == ["suspected"]
    assert [check.fact for check in diagnosis.checks] == ["passport.expiry_date"]


def test_a_check_of_a_fact_no_unit_asks_asks_for_it_by_its_path_and_names_its_card():
    """A knowledge base whose facts have no question still says what to check, and which card
    (a bank card, a foreign card), and settles each cause by its title."""
    from engine.authoring.rules import Observation, Outcome, fact, unknown
    from engine.facts.loading import validate_facts
    from engine.kb.base import KnowledgeBase
    from engine.reasoning.diagnosis import Doctor
    from engine.text.wording import Wording

    def suspected(cause_id, layer, title, *tests):
        return dataclasses.replace(
            cause(cause_id, layer),
            title=Wording(title),
            confirmed=(when(fact("passport.number", "E1")),),
            suspected=(when(*tests),),
        )

    def second_card_open(case, card):
        return Outcome(None, unknown_paths=("foreign_cards[1].network",))

    causes = (
        suspected("old-phone", "bank", "An old phone", unknown("bank_cards[].phone_on_file")),
        suspected("card-refused", "bank", "A refused card", derived("card.refused", None)),
        suspected("old-passport", "documents", "An old passport", unknown("passport.renewed")),
    )
    observed = (
        Observation("card.refused", "the card is refused", (), second_card_open, per_card=True),
    )
    doctor = Doctor(KnowledgeBase(causes, (), observed, (), {}))
    facts = {"as_of": "2026-11-27", "bank_cards": [{}], "foreign_cards": [{}, {}]}
    checks = doctor.diagnose(validate_facts(facts)).checks
    said = [(c.fact, str(c.question), c.decides, tuple(t.en for t in c.settles)) for c in checks]
    assert said == [
        ("passport.renewed", "What is passport.renewed?", ("old-passport",), ("An old passport",)),
        (
            "foreign_cards[1].network",
            "Foreign card 2: What is foreign_cards[1].network?",
            ("card-refused",),
            ("A refused card",),
        ),
        (
            "bank_cards[0].phone_on_file",
            "Card 1: What is bank_cards[0].phone_on_file?",
            ("old-phone",),
            ("An old phone",),
        ),
    ]


def test_nothing_found_names_each_wallets_cause_a_check_could_reveal_and_counts_it_once():
    """Both wallets' twins open on one fact: the check decides the id once and names both
    titles; a fact deciding two different causes is still named before it."""
    from engine.authoring.rules import fact
    from engine.facts.asking import Ask
    from engine.facts.loading import validate_facts
    from engine.kb.base import KnowledgeBase
    from engine.outcome import diagnose
    from engine.reasoning.diagnosis import Doctor
    from engine.text.wording import Wording

    def twin(wallet):
        return dataclasses.replace(
            wallet_cause("restricted", wallet),
            title=Wording(f"{wallet} restricted you"),
            confirmed=(when(fact("passport.renewed", True)),),
        )

    def plain(cause_id, path):
        return dataclasses.replace(
            cause(cause_id, "documents"), confirmed=(when(fact(path, True)),)
        )

    doctor = Doctor(
        KnowledgeBase(
            (
                twin("alipay"),
                twin("wechat_pay"),
                plain("renewed-a", "residence_permit.held"),
                plain("renewed-b", "residence_permit.held"),
            ),
            (),
            (),
            (),
            {
                path: Ask(Wording(path), Wording(path))
                for path in ("passport.renewed", "residence_permit.held")
            },
        )
    )
    outcome = diagnose(doctor, validate_facts({"as_of": "2026-11-27"}))
    said = [(c.fact, c.decides, tuple(t.en for t in c.settles)) for c in outcome.next_steps.checks]
    assert said == [
        ("residence_permit.held", ("renewed-a", "renewed-b"), ("renewed-a", "renewed-b")),
        (
            "passport.renewed",
            ("restricted",),
            ("alipay restricted you", "wechat_pay restricted you"),
        ),
    ]
