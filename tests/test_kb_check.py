"""check-kb: the built-in knowledge base passes, and each kind of problem is named."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

import cli
from engine.authoring.rules import (
    Example,
    Observation,
    Outcome,
    derived,
    fact,
    finding_in,
    known,
    when,
)
from engine.checking.check import WARNINGS, check, message_overlaps, refuse_unsound
from engine.errors import KnowledgeError
from engine.facts.asking import plain
from engine.kb.loader import read_folder
from knowledge import builtin_knowledge
from tests.conftest import ROOT

KB = builtin_knowledge()
PHONE = next(c for c in KB.causes if c.id == "phone-mismatch")


def with_cause(cause, kb=KB):
    """`kb` with `cause` in place of the cause of the same id (or appended)."""
    ids = [c.id for c in kb.causes]
    causes = list(kb.causes)
    if cause.id in ids:
        causes[ids.index(cause.id)] = cause
    else:
        causes.append(cause)
    return replace(kb, causes=tuple(causes))


def problems(kb) -> list[tuple[str, str]]:
    """(kind, message) of each problem."""
    return [(p.kind, p.message) for p in check(kb)]


def test_the_built_in_knowledge_base_has_no_problems():
    assert problems(KB) == []


def test_check_kb_command_passes_on_the_built_in_knowledge_base(capsys):
    assert cli.main(["check-kb"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("no problems in ")


def test_a_message_phrase_that_holds_another_units_phrase_is_named():
    """The issue's case: a new unit's "银行卡已过期" holds the shared "已过期"."""
    from engine.authoring.rules import MessagePattern
    from engine.text.wording import Wording

    expired = MessagePattern(
        ("bank card expired", "银行卡已过期"), Wording(en="card expired"), ("bank-card-expired",)
    )
    found = message_overlaps(replace(KB, messages=(*KB.messages, expired)))
    assert [str(problem) for problem in found] == [
        "bank-card-expired: its message phrase '银行卡已过期' holds '已过期', which points at"
        " passport-expired, residence-permit-expired: a message with it points at them too",
    ]


def test_the_same_phrase_in_two_messages_is_named_once():
    from engine.authoring.rules import MessagePattern
    from engine.text.wording import Wording

    twice = MessagePattern(("Blocked",), Wording(en="blocked"), ("phone-mismatch",))
    again = MessagePattern(("blocked",), Wording(en="blocked again"), ("taobao-risk-flag",))
    found = message_overlaps(replace(KB, messages=(twice, again)))
    assert [str(problem) for problem in found] == [
        "phone-mismatch: its message phrase 'Blocked' is also a phrase of another message,"
        " which points at taobao-risk-flag: a message with it points at them too"
    ]


def test_phrases_of_messages_pointing_at_the_same_causes_are_not_named():
    from engine.authoring.rules import MessagePattern
    from engine.text.wording import Wording

    short = MessagePattern(("blocked",), Wording(en="blocked"), ("phone-mismatch",))
    long = MessagePattern(("card blocked",), Wording(en="card"), ("phone-mismatch",))
    assert message_overlaps(replace(KB, messages=(short, long))) == []


def test_duplicate_ids():
    kb = replace(KB, causes=(*KB.causes, PHONE))
    assert ("duplicate-id", "phone-mismatch: id defined 2 times") in problems(kb)


def test_duplicate_observation_names():
    kb = replace(KB, observations=(*KB.observations, KB.observations[0]))
    assert ("duplicate-id", "observation passport.expired: defined 2 times") in problems(kb)


def test_after_edge_to_an_unknown_id():
    kb = with_cause(replace(PHONE, after=("no-such-cause",)))
    assert ("unknown-after", "phone-mismatch: 'after' names unknown cause 'no-such-cause'") in (
        problems(kb)
    )


def test_a_message_pattern_pointing_at_an_unknown_cause():
    pattern = replace(KB.messages[0], points_at=("phone-mismach",))
    kb = replace(KB, messages=(*KB.messages, pattern))
    assert ("unknown-cause", "a message pattern points at unknown cause 'phone-mismach'") in (
        problems(kb)
    )


def test_finding_in_an_unknown_layer_fails_when_written():
    with pytest.raises(
        ValueError, match="layer 'tabao' is not one of 'device', 'documents', 'bank'"
    ):
        finding_in("tabao")


def test_a_cycle_is_named():
    kb = with_cause(replace(PHONE, after=("bank-name-mismatch",)))
    kb = with_cause(replace(kb.cause("bank-name-mismatch"), after=("phone-mismatch",)), kb)
    cycles = [m for kind, m in problems(kb) if kind == "cycle"]
    assert len(cycles) == 1
    assert "phone-mismatch" in cycles[0] and "bank-name-mismatch" in cycles[0]


def test_a_mistyped_layer_fails_when_the_unit_loads_naming_its_file(tmp_path):
    unit = tmp_path / "wallet.py"
    source = (ROOT / "knowledge" / "causes" / "phone_mismatch.py").read_text(encoding="utf-8")
    unit.write_text(source.replace('layer="bank"', 'layer="wallet"'), encoding="utf-8")
    line = source.splitlines().index("CAUSE = Cause(") + 1
    with pytest.raises(KnowledgeError) as error:
        read_folder(tmp_path)
    assert str(error.value) == (
        f"{unit}:{line}: ValueError: phone-mismatch: layer 'wallet' is not one of"
        " 'device', 'documents', 'bank', 'alipay', 'wechat_pay', 'taobao', 'payee'"
    )


def test_a_test_reading_a_fact_the_format_does_not_have():
    kb = with_cause(replace(PHONE, confirmed=(when(fact("bank_cards[].phone", "x")),)))
    assert (
        "unknown-fact",
        "phone-mismatch: reads fact 'bank_cards[].phone', which the facts format does not have"
        " (see 'paydoctor schema')",
    ) in problems(kb)


@pytest.mark.parametrize(
    "test, why",
    [
        (fact("foreign_cards[].status", "declined"), "only the items of bank_cards are subjects"),
        (known("dont_know"), "it lists facts, it is not one"),
    ],
)
def test_a_test_reading_what_no_rule_can_read(test, why):
    kb = with_cause(replace(PHONE, confirmed=(when(test),)))
    assert any(
        kind == "unknown-fact" and m.startswith(f"phone-mismatch: tests {test.path!r}") and why in m
        for kind, m in problems(kb)
    )


def test_an_observation_reading_a_fact_the_format_does_not_have():
    stray = Observation(
        "phone.old", "an old phone", ("phone.previous",), lambda c, n: Outcome(None)
    )
    kb = replace(KB, observations=(*KB.observations, stray))
    assert any(
        kind == "unknown-fact"
        and m.startswith("observation phone.old: reads fact 'phone.previous'")
        for kind, m in problems(kb)
    )


def test_an_observation_about_each_card_that_reads_no_card_is_named():
    """`per_card=True` observes it once for each card: one reading no card's fact is the same
    for every card."""
    same = Observation(
        "passport.old", "an old passport", ("passport.number",), lambda c, n: Outcome(None),
        per_card=True,
    )  # fmt: skip
    kb = replace(KB, observations=(*KB.observations, same))
    assert (
        "per-card",
        "observation passport.old: is observed for each card (per_card=True) but reads no fact"
        " of bank_cards, so it is the same for every card; list the card's facts it reads, or"
        " observe it once for the case",
    ) in problems(kb)


def test_an_observation_for_the_case_that_reads_a_cards_fact_is_a_warning():
    """A card's observation without `per_card=True` is observed for the case, where it reads no
    card: check-kb says how to make it each card's, without failing (an observation may look at
    every card itself)."""
    forgot = Observation(
        "card.unused", "the card is not used", ("bank_cards[].last_used",),
        lambda c, n: Outcome(None),
    )  # fmt: skip
    kb = replace(KB, observations=(*KB.observations, forgot))
    found = [(kind, m) for kind, m in problems(kb) if m.startswith("observation card.unused")]
    assert found == [
        (
            "card-read-for-case",
            "observation card.unused: reads 'bank_cards[].last_used' but is observed once for"
            " the case, where no card's fact is read (Case.get(path, None)); declare it"
            " per_card=True to observe it for each card, unless it reads every card itself",
        )
    ]
    assert "card-read-for-case" in WARNINGS


def test_a_conclusion_about_each_card_whose_condition_reads_no_card_is_named():
    fails = next(c for c in KB.conclusions if c.name == "card.fails")
    anyway = replace(fails, holds=(*fails.holds, when(known("passport.number"))))
    kb = replace(KB, conclusions=tuple(anyway if c is fails else c for c in KB.conclusions))
    assert (
        "per-card",
        "card.fails: is concluded for each card (per_card=True), but its condition for 'true'"
        " (passport.number known) reads no card, so no card's rule can use what it concludes",
    ) in problems(kb)
    assert not [p for p in problems(KB) if p[0] in ("per-card", "card-read-for-case")]


def test_a_question_about_a_fact_the_format_does_not_have():
    kb = replace(KB, questions={**KB.questions, "phone.sim": plain("Which SIM?", "phone.sim")})
    assert any(m.startswith("QUESTIONS: reads fact 'phone.sim'") for _, m in problems(kb))


@pytest.mark.parametrize(
    ("path", "value", "written"),
    [
        ("bank_cards[].status", "not-linked", "'not-linked'"),
        ("taobao.bound_to_alipay", "no", "'no'"),
        ("alipay.phone", "13800138000", "'13800138000'"),  # stored as +8613800138000
    ],
)
def test_a_fact_test_on_a_value_the_format_never_holds(path, value, written):
    kb = with_cause(replace(PHONE, confirmed=(*PHONE.confirmed, when(fact(path, value)))))
    assert (
        "impossible-value",
        f"phone-mismatch: tests {path} = {written}, a value the facts format never holds"
        " (see 'paydoctor schema'), so the test never passes",
    ) in problems(kb)


def test_fact_tests_on_values_the_format_holds_pass():
    tests = (
        fact("alipay.phone", "+8613800138000"),
        fact("taobao.account_age_days", 30),
        fact("taobao.bound_to_alipay", False),
    )
    kb = with_cause(replace(PHONE, confirmed=(*PHONE.confirmed, when(*tests))))
    assert "impossible-value" not in {kind for kind, _ in problems(kb)}


def test_a_derived_observation_nobody_defines():
    kb = with_cause(replace(PHONE, confirmed=(when(derived("card.phone_diferent")),)))
    assert (
        "unknown-observation",
        "phone-mismatch: tests observation 'card.phone_diferent', which no observation defines"
        " (see knowledge/observations.py)",
    ) in problems(kb)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"fixes": ()}, ("no-fix", "phone-mismatch: no fix steps (fixes=(FixStep(...),))")),
        (
            {"source": " "},
            (
                "no-source",
                "phone-mismatch: no source (quote the sentence of the guide it rests on,"
                " or name the reports' URLs)",
            ),
        ),
        ({"title": ""}, ("no-title", "phone-mismatch: no title")),
    ],
)
def test_missing_metadata(change, expected):
    assert expected in problems(with_cause(replace(PHONE, **change)))


def test_a_cause_without_a_confirmed_example_or_a_near_miss():
    suspected_only = tuple(e for e in PHONE.examples if e.expect == "suspected")
    found = problems(with_cause(replace(PHONE, examples=suspected_only)))
    assert (
        "no-example",
        "phone-mismatch: no example where it is confirmed (Example(..., 'confirmed'))",
    ) in found
    assert (
        "no-example",
        "phone-mismatch: no near-miss example where it is not reported (Example(..., None))",
    ) in found


def test_an_example_whose_outcome_differs_is_named():
    wrong = Example("an ok card said to confirm", {"bank_cards": [{"status": "ok"}]}, "confirmed")
    found = problems(with_cause(replace(PHONE, examples=(*PHONE.examples, wrong))))
    assert found == [
        (
            "failing-example",
            "phone-mismatch: example 'an ok card said to confirm' expects confirmed,"
            " got not reported",
        )
    ]


def test_an_example_with_invalid_facts_is_named():
    bad = Example("a typo", {"bank_cards": [{"staus": "ok"}]}, None)
    found = problems(with_cause(replace(PHONE, examples=(*PHONE.examples, bad))))
    assert [kind for kind, _ in found] == ["bad-example"]
    assert "example 'a typo'" in found[0][1] and "unknown key 'staus'" in found[0][1]


def test_a_condition_no_example_makes_fire():
    only_confirmed = tuple(e for e in PHONE.examples if e.expect != "suspected")
    found = problems(with_cause(replace(PHONE, examples=only_confirmed)))
    assert (
        "untested-condition",
        "phone-mismatch: no example makes rule phone-mismatch/suspected fire",
    ) in [(kind, m.split(" (")[0]) for kind, m in found]


def test_a_message_rule_no_example_makes_fire():
    without = tuple(e for e in PHONE.examples if "message" not in str(e.facts))
    found = problems(with_cause(replace(PHONE, examples=without)))
    assert (
        "untested-condition",
        "phone-mismatch: no example makes rule phone-mismatch/message/1 fire",
    ) in [(kind, m.split(" (")[0]) for kind, m in found]


def test_a_fix_whose_effects_leave_its_cause_is_named():
    fix = replace(PHONE.fixes[0], effects=())
    found = problems(with_cause(replace(PHONE, fixes=(fix,))))
    assert ("no-effects", "phone-mismatch: its fix steps declare no effects") in [
        (kind, m.split(",")[0]) for kind, m in found
    ]
    assert any(
        kind == "failing-example" and m.endswith("the fix does not remove the cause")
        for kind, m in found
    )


def test_a_workaround_without_a_near_miss():
    balance = KB.workarounds[0]
    offered_only = tuple(e for e in balance.examples if e.expect == "offered")
    kb = replace(KB, workarounds=(replace(balance, examples=offered_only), *KB.workarounds[1:]))
    assert (
        "no-example",
        "alipay-balance: no near-miss example where it is not reported (Example(..., None))",
    ) in problems(kb)


def test_rules_durable_rules_cannot_load():
    # 600 values of one observation: durable-rules would hang loading them.
    values = [f"value-{n}" for n in range(600)]
    kb = with_cause(replace(PHONE, confirmed=(when(fact("symptom.error_message", *values)),)))
    messages = [message for kind, message in problems(kb) if kind == "engine-limit"]
    assert len(messages) == 1
    assert "different tests follow fact kind 'obs' and observation" in messages[0]
    assert "'fact:symptom.error_message' and subject '', more than the 512" in messages[0]


def test_examples_are_not_run_on_a_structurally_broken_base():
    wrong = Example("would fail", {"bank_cards": [{"status": "ok"}]}, "confirmed")
    kb = with_cause(replace(PHONE, after=("nope",), examples=(*PHONE.examples, wrong)))
    assert "failing-example" not in {kind for kind, _ in problems(kb)}


def test_refuse_unsound_names_the_first_structural_problem():
    kb = with_cause(replace(PHONE, after=("nope",), confirmed=(when(derived("card.nope")),)))
    with pytest.raises(KnowledgeError, match=r"unsound: phone-mismatch: .* \(and 1 more\)"):
        refuse_unsound(kb)
    refuse_unsound(KB)


def test_missing_examples_do_not_stop_a_diagnosis():
    refuse_unsound(with_cause(replace(PHONE, examples=())))


def test_check_kb_exits_1_with_one_line_per_problem(tmp_path, capsys):
    (tmp_path / "dup.py").write_text(
        "from knowledge.causes.phone_mismatch import CAUSE\n", encoding="utf-8"
    )
    assert cli.main(["check-kb", "--knowledge", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"phone-mismatch ({tmp_path / 'dup.py'}): id defined 2 times"
    assert len(lines) == 2
    assert lines[-1].startswith("1 problem in ")


def test_check_kb_json(tmp_path, capsys):
    (tmp_path / "dup.py").write_text(
        "from knowledge.causes.phone_mismatch import CAUSE\n", encoding="utf-8"
    )
    assert cli.main(["check-kb", "--knowledge", str(tmp_path), "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["problems"]
    assert found[0] == {
        "kind": "duplicate-id",
        "message": f"phone-mismatch ({tmp_path / 'dup.py'}): id defined 2 times",
    }
    assert len(found) == 1


def test_an_overlap_declared_with_its_message_is_meant_and_a_stale_one_is_named():
    """Like a linter's disable comment with a reason: the message says which causes it shares
    words with; one it names that none of its phrases shares words with is named."""
    from engine.authoring.rules import MessagePattern
    from engine.text.wording import Wording

    said = ("bank card expired", "银行卡已过期")
    meant = MessagePattern(
        said,
        Wording(en="card expired"),
        ("bank-card-expired",),
        ("passport-expired", "residence-permit-expired"),
    )
    assert message_overlaps(replace(KB, messages=(*KB.messages, meant))) == []
    stale = replace(meant, shares_words_with=("passport-expired", "phone-mismatch"))
    found = message_overlaps(replace(KB, messages=(*KB.messages, stale)))
    assert [str(problem) for problem in found] == [
        "bank-card-expired: its message phrase '银行卡已过期' holds '已过期', which points at"
        " passport-expired, residence-permit-expired: a message with it points at them too",
        "bank-card-expired: its message says it shares words with phone-mismatch, but none of"
        " its phrases holds one of phone-mismatch's",
    ]
