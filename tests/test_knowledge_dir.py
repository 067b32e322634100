"""`--knowledge DIR`: rule units from another folder, and the guide's worked example, run.

The guide (docs/adding-a-rule.md) announces each file a reader writes with
`<!-- file: PATH -->` and each report it shows with `<!-- output: ARGS -->`;
these tests write the files, run the commands and compare, the step that
makes the unit built-in included.
"""

from __future__ import annotations

import json
import re
import shutil
import sys

import pytest

import cli
import knowledge
from engine.checking.check import check, run_example
from engine.errors import InputError, KnowledgeError
from engine.facts.loading import validate_facts
from engine.facts.model import standard_model
from engine.kb.loader import load_knowledge, read_folder, read_folders
from engine.reasoning.diagnosis import Doctor
from knowledge import FOLDER, builtin_knowledge
from tests.conftest import ROOT
from visualise.kb_docs import REGENERATE, render_kb_markdown
from visualise.language import available

GUIDE = (ROOT / "docs" / "adding-a-rule.md").read_text(encoding="utf-8")
WORKED_UNIT = "my-rules/card_not_linked.py"
WORKED_ID = "card-not-linked"


def guide_files() -> dict[str, str]:
    """The guide's files: each fenced block announced by `<!-- file: PATH -->`."""
    return dict(re.findall(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```", GUIDE, flags=re.S))


def guide_outputs() -> dict[str, str]:
    """The reports the guide shows: each block announced by `<!-- output: ARGS -->`."""
    return dict(re.findall(r"<!-- output: (.+?) -->\n```\w*\n(.*?)```", GUIDE, flags=re.S))


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the guide's unit no longer holds {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def worked_example(tmp_path, monkeypatch):
    """The guide's folder and facts file, written where a user would, as the guide says."""
    for name, text in guide_files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_guide_has_a_unit_facts_and_a_report():
    assert set(guide_files()) == {WORKED_UNIT, "my-facts.json"}
    assert list(guide_outputs()) == ["--knowledge my-rules my-facts.json"]


def test_worked_example_passes_check_kb(worked_example, capsys):
    assert cli.main(["check-kb", "--knowledge", "my-rules", "--format", "json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    # Its English texts are not in paydoctor's catalogs until it is built in (step 6).
    assert {p["kind"] for p in problems} <= {"untranslated-text"}


def test_worked_example_report_is_the_one_the_guide_shows(worked_example, capsys):
    (args, shown), *_ = guide_outputs().items()
    assert cli.main([*args.split(), "--no-diagram"]) == 0
    out = capsys.readouterr().out
    assert out == shown
    plan_check = out.split("\nPlan check ", 1)[1].splitlines()
    assert plan_check[1:] == ["  ✔ No known cause remains after the plan."]


def test_worked_example_is_diagnosed(worked_example, capsys):
    argv = ["--knowledge", "my-rules", "my-facts.json", "--format", "json", "--no-diagram"]
    assert cli.main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    found = {cause["id"]: cause for cause in report["causes"]}
    assert found[WORKED_ID]["status"] == "confirmed"
    assert found[WORKED_ID]["evidence"] == [
        {
            "text": "What happens in the wallet, card 1: It is not linked (any more)",
            "facts": ["bank_cards[0].status"],
        }
    ]
    step = next(s for s in report["plan"] if s["cause"] == WORKED_ID)
    assert step["where"] == "Alipay app"
    assert report["plan_check"]["remaining_causes"] == []


def test_worked_example_is_in_the_rules_table(worked_example, capsys):
    assert cli.main(["rules", "--knowledge", "my-rules", "--format", "json"]) == 0
    causes = {c["id"]: c for c in json.loads(capsys.readouterr().out)["causes"]}
    assert causes[WORKED_ID]["after"] == ["card-name-syntax"]
    assert causes[WORKED_ID]["examples"] == 4
    rules = [f"{WORKED_ID}/confirmed", f"{WORKED_ID}/message/1", f"{WORKED_ID}/message/2"]
    assert causes[WORKED_ID]["rules"] == rules
    assert all(f"`{rule}`" in GUIDE for rule in rules)


def test_making_the_worked_example_built_in_needs_its_file_and_its_translations(
    tmp_path, monkeypatch, capsys
):
    """Step 6 on a copy of the knowledge folder: move the file in, check, regenerate the docs."""
    folder = tmp_path / "knowledge"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__"))
    unit_text = guide_files()[WORKED_UNIT]
    (folder / "causes" / "card_not_linked.py").write_text(unit_text, encoding="utf-8")

    kb = load_knowledge([folder])
    problems = check(kb, read_folders([folder]))
    assert problems == []
    doctor = Doctor(kb)
    cause = kb.cause(WORKED_ID)
    outcomes = [run_example(doctor, cause, example) for example in cause.examples]
    assert [(o.error, o.failures) for o in outcomes] == [(None, ())] * len(cause.examples)
    assert doctor.order.index("card-name-syntax@alipay") < doctor.order.index(WORKED_ID)

    monkeypatch.setattr(knowledge, "FOLDER", folder)
    assert cli.main(["check-kb", "--format", "json"]) == 0  # it warns until translated
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert {p["kind"] for p in problems} == {"untranslated-text"}
    untranslated = [p["message"] for p in problems if p["kind"] == "untranslated-text"]
    assert all(message.startswith(f"{WORKED_ID} (") for message in untranslated), untranslated
    assert any("'The bank card is not linked in Alipay'" in message for message in untranslated)
    assert REGENERATE in GUIDE
    assert cli.main(REGENERATE.split()[2:-2]) == 0
    document = capsys.readouterr().out
    assert document == render_kb_markdown(kb)
    assert f"### `{WORKED_ID}`: The bank card is not linked in Alipay" in document


def test_the_guide_names_the_commands_that_regenerate_what_tests_compare():
    snapshots = (ROOT / "tests" / "test_examples.py").read_text(encoding="utf-8")
    update = "python -m pytest tests/test_examples.py --snapshot-update"
    assert update in snapshots and update in GUIDE
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    redraw = re.search(r"python cli\.py examples/\S+ --diagram docs/reasoning-diagram\.svg", readme)
    assert redraw is not None and redraw.group() in GUIDE


# Each problem line the guide shows, and the edit of the worked unit that produces it.
GUIDE_PROBLEMS = {
    "'after' names unknown cause 'card-name-sintax'": (
        'after=("card-name-syntax",)',
        'after=("card-name-sintax",)',
    ),
    "no near-miss example where it is not reported (Example(..., None))": (
        'Example("a working card", {"bank_cards": [{"status": "ok"}]}, None),',
        "",
    ),
    "example 'a working card' expects not reported, got confirmed": (
        '{"status": "ok"}',
        '{"status": "not_linked"}',
    ),
    (
        "example 'a card Alipay lists as not linked' is confirmed once its fix effects are"
        " applied, expected not reported: the fix does not remove the cause"
    ): (
        'sets("bank_cards[].status", "ok")',
        'sets("bank_cards[].name_entered", "SMITH JOHN")',
    ),
    (
        "its fix steps declare no effects, so no check can tell that the fix removes the cause"
        " (FixStep(..., effects=(copies(...), ...)))"
    ): (
        'effects=(sets("bank_cards[].status", "ok"),),',
        "",
    ),
    (
        "no example makes rule card-not-linked/message/2 fire"
        " (message points at card-not-linked and bank_cards unknown)"
    ): (
        '{"symptom": {"error_message": "No bank card linked"}}',
        '{"symptom": {"error_message": "No bank card linked"}, "bank_cards": [{}]}',
    ),
}


@pytest.mark.parametrize("problem", GUIDE_PROBLEMS)
def test_problems_shown_in_the_guide_are_what_check_kb_prints(worked_example, capsys, problem):
    line = f"{WORKED_ID} ({WORKED_UNIT}): {problem}"
    assert line in GUIDE.splitlines()
    _edit(worked_example / WORKED_UNIT, *GUIDE_PROBLEMS[problem])
    assert cli.main(["check-kb", "--knowledge", "my-rules"]) == 1
    assert line in capsys.readouterr().out.splitlines()


FIX_MISSES_THE_CAUSE = """
from engine.authoring.rules import Cause, Example, FixStep, fact, sets, when
from knowledge._where import Where

CAUSE = Cause(
    id="card-unresponsive",
    layer="bank",
    title="The card does not respond",
    explanation="The bank blocks the card for payments abroad.",
    source="Contact your bank.",
    fixes=(
        FixStep(
            "bank branch",
            "Ask the bank to unblock the card.",
            effects=(sets("bank_cards[].phone_on_file", "+8613800138000"),),
            place=Where.BANK_BRANCH,
        ),
    ),
    confirmed=(when(fact("bank_cards[].status", "unresponsive")),),
    examples=(
        Example("an unresponsive card", {"bank_cards": [{"status": "unresponsive"}]}, "confirmed"),
        Example("a working card", {"bank_cards": [{"status": "ok"}]}, None),
    ),
)
"""


def test_check_kb_reports_a_fix_that_does_not_remove_its_cause(tmp_path, monkeypatch, capsys):
    """check-kb finds what the plan check of a diagnosis would find."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "unresponsive.py").write_text(FIX_MISSES_THE_CAUSE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check-kb", "--knowledge", "rules", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    ignored = ("untranslated-text", "no-say", "message-overlap")
    assert [p for p in problems if p["kind"] not in ignored] == [
        {
            "kind": "failing-example",
            "message": "card-unresponsive (rules/unresponsive.py): example 'an unresponsive card'"
            " is confirmed once its fix effects are applied, expected not reported: the fix"
            " does not remove the cause",
        }
    ]
    facts = tmp_path / "facts.json"
    facts.write_text('{"bank_cards": [{"status": "unresponsive"}]}', encoding="utf-8")
    assert cli.main(["--knowledge", "rules", str(facts), "--no-diagram"]) == 0
    assert (
        "  ✘ still confirmed after the plan: The card does not respond" in capsys.readouterr().out
    )


def test_check_kb_names_english_only_text_and_a_staff_step_without_a_sentence(
    tmp_path, monkeypatch, capsys
):
    """A unit's plain strings are English only: check-kb names each one and the language it
    lacks, and the bank branch step that gives the staff nothing to read."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "unresponsive.py").write_text(FIX_MISSES_THE_CAUSE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check-kb", "--knowledge", "rules", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    where = "card-unresponsive (rules/unresponsive.py)"
    missing = ", ".join(available()[1:])
    assert [p["message"] for p in problems if p["kind"] == "untranslated-text"] == [
        f"{where}: {text} has no translation in {missing} (python -m visualise.catalogs,"
        " then translate it)"
        for text in (
            "title 'The card does not respond'",
            "explanation 'The bank blocks the card for payments abroad.'",
            "fix step 1 'Ask the bank to unblock the card.'",
        )
    ]
    assert [p["message"] for p in problems if p["kind"] == "no-say"] == [
        f"{where}: fix step 1 is done with staff (bank_branch) but gives no sentence to show"
        ' them (say=Wording("its meaning", zh="the sentence"))'
    ]


def test_a_mistyped_layer_fails_at_load_naming_the_file(worked_example, capsys):
    _edit(worked_example / WORKED_UNIT, 'layer="alipay"', 'layer="wallet"')
    for argv in (
        ["check-kb", "--knowledge", "my-rules"],
        ["--knowledge", "my-rules", "my-facts.json", "--no-diagram"],
    ):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1
        assert err[0] in GUIDE.splitlines()
        assert err[0].startswith(f"paydoctor: {WORKED_UNIT}:")


def test_diagnosis_refuses_an_unsound_knowledge_base(worked_example, capsys):
    _edit(worked_example / WORKED_UNIT, 'after=("card-name-syntax",)', 'after=("card-name-x",)')
    assert cli.main(["--knowledge", "my-rules", "my-facts.json", "--no-diagram"]) == 2
    err = capsys.readouterr().err
    assert "'after' names unknown cause 'card-name-x'" in err
    assert "run 'paydoctor check-kb'" in err
    assert len(err.splitlines()) == 1


def test_units_come_after_the_built_in_ones(worked_example):
    kb = load_knowledge([FOLDER, worked_example / "my-rules"])
    builtin = [cause.id for cause in builtin_knowledge().causes]
    assert [cause.id for cause in kb.causes] == [*builtin, WORKED_ID]


def test_unit_modules_do_not_stay_in_sys_modules(worked_example):
    before = set(sys.modules)
    read_folder(worked_example / "my-rules")
    assert set(sys.modules) == before


def test_two_folders_may_hold_files_of_the_same_name(tmp_path):
    for folder, cause_id in (("a", "first-rule"), ("b", "second-rule")):
        (tmp_path / folder).mkdir()
        text = guide_files()[WORKED_UNIT].replace(WORKED_ID, cause_id)
        (tmp_path / folder / "rules.py").write_text(text, encoding="utf-8")
    kb = load_knowledge([FOLDER, tmp_path / "a", tmp_path / "b"])
    assert [c.id for c in kb.causes[-2:]] == ["first-rule", "second-rule"]


def test_a_units_question_replaces_the_built_in_one(tmp_path):
    (tmp_path / "questions.py").write_text(
        'QUESTIONS = {"phone.number": "Which SIM do you use?"}', encoding="utf-8"
    )
    assert builtin_knowledge().questions["phone.number"].text.en != "Which SIM do you use?"
    kb = load_knowledge([FOLDER, tmp_path])
    assert kb.questions["phone.number"].text.en == "Which SIM do you use?"
    assert kb.fact_label("phone.number").en == "phone number", "named by its path's words"


def test_files_and_folders_starting_with_underscore_are_skipped(tmp_path):
    (tmp_path / "_helpers.py").write_text("raise RuntimeError", encoding="utf-8")
    (tmp_path / "_private").mkdir()
    (tmp_path / "_private" / "broken.py").write_text("raise RuntimeError", encoding="utf-8")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "questions.py").write_text('QUESTIONS = {"as_of": "When?"}', "utf-8")
    assert [u.path.relative_to(tmp_path).as_posix() for u in read_folder(tmp_path)] == [
        "more/questions.py"
    ]


@pytest.mark.parametrize(
    ("files", "error", "message"),
    [
        ({}, InputError, "holds no rule units (.py files)"),
        ({"x.py": "CAUSE = ("}, KnowledgeError, "x.py:1: syntax error"),
        ({"x.py": "\n\nraise ValueError('boom')"}, KnowledgeError, "x.py:3: ValueError: boom"),
        ({"x.py": "CAUSE_LIST = ()"}, KnowledgeError, "x.py: defines none of CAUSE, CAUSES"),
        (
            {"x.py": "CAUSE = 3"},
            KnowledgeError,
            "CAUSE must be an engine.authoring.rules.Cause, not int",
        ),
        (
            {"x.py": "OBSERVATIONS = [1]"},
            KnowledgeError,
            "tuple of engine.authoring.rules.Observation",
        ),
        ({"x.py": "QUESTIONS = {'as_of': 1}"}, KnowledgeError, "QUESTIONS must be a dict"),
        (
            {
                "x.py": "from engine.authoring.rules import reported\n"
                "QUESTIONS = reported('a', 'confrimed')"
            },
            KnowledgeError,
            "x.py:2: ValueError: status 'confrimed' is not one of 'confirmed', 'suspected'",
        ),
        (
            {
                "x.py": "from engine.authoring.rules import Effect\n\n"
                "QUESTIONS = Effect('as_of', 'sett')"
            },
            KnowledgeError,
            "x.py:3: ValueError: effect on as_of 'sett' is not one of 'copy', 'set'",
        ),
    ],
)
def test_bad_units_give_one_clear_message(tmp_path, files, error, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(error, match=re.escape(message)):
        read_folder(tmp_path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing", "no such folder"),
        (lambda p: p / "facts.json", "is a file, expected a folder of rule units"),
    ],
)
def test_bad_folder_exits_2_with_one_line(tmp_path, capsys, make, message):
    (tmp_path / "facts.json").write_text("{}", encoding="utf-8")
    folder = make(tmp_path)
    assert cli.main(["check-kb", "--knowledge", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"paydoctor: --knowledge {folder}: {message}")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("command", ["diagnose", *cli.COMMANDS])
def test_every_command_takes_knowledge(command, capsys):
    argv = ["--help"] if command == "diagnose" else [command, "--help"]
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 0
    assert "--knowledge DIR" in capsys.readouterr().out


# The guide's section 7: a cause that needs a new fact, made built-in.
NEW_FACT_UNIT = "knowledge/causes/bank_card_expired.py"
NEW_FACT_ID = "bank-card-expired"
NEW_FACT = "bank_cards[].expiry_date"


def guide_built_in(kind: str) -> dict[str, str]:
    """The guide's blocks announced by `<!-- built-in KIND: NAME -->`."""
    pattern = rf"<!-- built-in {kind}: (\S+) -->\n```\w*\n(.*?)```"
    return dict(re.findall(pattern, GUIDE, flags=re.S))


@pytest.fixture
def with_new_fact(tmp_path, monkeypatch):
    """A copy of the built-in knowledge with the guide's unit in it, and nothing else changed;
    the built-in folder is that copy (as step 6 makes a unit built-in)."""
    folder = tmp_path / "knowledge"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (name, text), *others = guide_built_in("file").items()
    assert (name, others) == (NEW_FACT_UNIT, [])
    (tmp_path / name).write_text(text, encoding="utf-8")
    for name, text in guide_built_in("facts").items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(knowledge, "FOLDER", folder)
    monkeypatch.chdir(tmp_path)
    return folder


def test_a_new_fact_is_its_unit_alone_and_passes_check_kb(with_new_fact, capsys):
    kb = load_knowledge([with_new_fact])
    assert NEW_FACT in kb.facts_model.paths
    assert NEW_FACT not in standard_model().paths  # the built-in knowledge's, without it
    problems = check(kb, read_folders([with_new_fact]))
    assert problems == []
    doctor = Doctor(kb)
    cause = kb.cause(NEW_FACT_ID)
    outcomes = [run_example(doctor, cause, example) for example in cause.examples]
    assert [(o.error, o.failures) for o in outcomes] == [(None, ())] * len(cause.examples)
    assert cli.main(["check-kb", "--format", "json"]) == 0  # it warns until translated
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert {p["kind"] for p in problems} == {"untranslated-text"}
    untranslated = [p["message"] for p in problems if p["kind"] == "untranslated-text"]
    assert any("'When does this card expire?'" in message for message in untranslated)


def test_a_new_fact_is_in_the_schema_and_read(with_new_fact, capsys):
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    card = schema["$defs"]["BankCard"]["properties"]
    assert "expiry_date" in card and card["expiry_date"] == card["last_used"] | {
        "title": "Expiry Date"
    }
    (name, shown), *_ = guide_built_in("output").items()
    assert cli.main([name, "--no-diagram"]) == 0
    assert capsys.readouterr().out == shown
    facts = json.loads((with_new_fact.parent / name).read_text(encoding="utf-8"))
    with pytest.raises(InputError, match="unknown key 'expiry_date'"):
        validate_facts(facts)  # the built-in knowledge without the unit refuses the field


def test_a_new_fact_is_asked_in_a_consultation(with_new_fact):
    from engine.consultation.answers import kind_of
    from engine.consultation.interview import Interviewer

    interviewer = Interviewer(Doctor(load_knowledge([with_new_fact])))
    card = {"as_of": "2026-11-27", "symptom": {"where": "bank"}, "bank_cards": [{"bank": "ICBC"}]}
    step = interviewer.step(card)
    asked = {question.fact: question for question in step.questions}
    question = asked["bank_cards[0].expiry_date"]
    assert str(question.ask.text) == "When does this card expire?"
    assert question.decides == (NEW_FACT_ID,)
    assert kind_of(NEW_FACT, interviewer.model).name == "date"
    answered = interviewer.answer(card, "bank_cards[0].expiry_date", "2026-10")
    assert answered["bank_cards"][0]["expiry_date"] == "2026-10"
    assert "bank-card-expired" in {
        f.cause.id for f in interviewer.step(answered).diagnosis.findings
    }


@pytest.mark.parametrize(
    ("declared", "problem"),
    [
        ('Fact("bank_cards[].bank", bool)', "fact bank_cards[].bank is declared twice"),
        (
            'Fact("bankcards[].expiry", bool)',
            "fact bankcards[].expiry: name it by its path, in a declared section",
        ),
        ('Fact("alipay.identy.since", bool)', "fact alipay.identy.since: no section identy"),
    ],
)
def test_a_fact_that_does_not_fit_is_refused_naming_its_file(tmp_path, declared, problem):
    unit = tmp_path / "facts.py"
    unit.write_text(f"from engine.facts.declaring import Fact\nFACTS = ({declared},)\n", "utf-8")
    with pytest.raises(KnowledgeError, match=re.escape(f"{unit}: FACTS: {problem}")):
        load_knowledge([FOLDER, tmp_path], trusted=[FOLDER])


def test_a_new_fact_is_served_by_the_api(tmp_path):
    """`serve --knowledge DIR` with the guide's unit: the API reads its fact and documents it."""
    from starlette.testclient import TestClient

    from web.app import Settings, create_app

    (tmp_path / "bank_card_expired.py").write_text(
        next(iter(guide_built_in("file").values())), encoding="utf-8"
    )
    facts = next(iter(guide_built_in("facts").values()))
    with TestClient(create_app(Settings(knowledge=(tmp_path,)))) as client:
        answer = client.post("/api/v1/diagnose", content=facts)
        document = client.get("/api/v1/openapi.json").json()
    assert answer.status_code == 200, answer.text
    assert NEW_FACT_ID in {cause["id"] for cause in answer.json()["causes"]}
    assert "expiry_date" in document["components"]["schemas"]["BankCard"]["properties"]


def test_a_new_fact_is_asked_and_answered_on_the_pages(tmp_path):
    """`serve --knowledge DIR`: the pages' answers and the interview API hold the new fact."""
    from starlette.testclient import TestClient

    from web.app import Settings, create_app

    (tmp_path / "bank_card_expired.py").write_text(
        next(iter(guide_built_in("file").values())), encoding="utf-8"
    )
    facts = {"as_of": "2026-11-27", "bank_cards": [{"bank": "ICBC", "expiry_date": "2026-10"}]}
    state = {"facts": facts, "asked": [{"fact": "bank_cards[0].expiry_date", "progress": 50}]}
    with TestClient(create_app(Settings(knowledge=(tmp_path,)))) as client:
        page = client.post("/report", data={"state": json.dumps(state)})
        step = client.post("/api/v1/interview", json={**facts, "dont_know": ["phone.number"]})
    assert page.status_code == 200, page.text
    assert "The bank card has expired" in page.text
    assert step.status_code == 200, step.text


NEW_LAYER_UNIT = "my-carrier/sim_suspended.py"


@pytest.fixture
def with_new_layer(tmp_path, monkeypatch):
    """The guide's folder with a unit in a new layer, and its facts file, written where a user
    would; the layer and place it declares are forgotten after the test (declaring one is for
    the process)."""
    from engine.authoring import rules

    monkeypatch.setattr(rules, "_declared_layers", dict(rules._declared_layers))
    monkeypatch.setattr(rules, "_declared_places", dict(rules._declared_places))
    pattern = r"<!-- layer file: (\S+) -->\n```\w*\n(.*?)```"
    files = dict(re.findall(pattern, GUIDE, flags=re.S))
    assert set(files) == {NEW_LAYER_UNIT, "my-carrier-facts.json"}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "my-carrier"


def test_a_new_layer_is_its_unit_alone_and_passes_check_kb(with_new_layer, capsys):
    from engine.kb.order import depth

    kb = load_knowledge([FOLDER, with_new_layer], trusted=[FOLDER])
    keys = [layer.key for layer in kb.layers]
    built_in = ["device", "documents", "bank", "alipay", "wechat_pay", "taobao", "payee"]
    assert keys == [*built_in, "carrier"]
    assert depth(kb.layers, "carrier") == depth(kb.layers, "bank") == 1
    doctor = Doctor(kb)
    cause = kb.cause("sim-suspended")
    outcomes = [run_example(doctor, cause, example) for example in cause.examples]
    assert [(o.error, o.failures) for o in outcomes] == [(None, ())] * len(cause.examples)
    order = doctor.order
    position = order.index("sim-suspended")
    for other in kb.causes:
        if other.layer == "documents":
            assert order.index(other.key) < position
        if other.layer in ("alipay", "wechat_pay", "taobao", "payee"):
            assert order.index(other.key) > position
    assert cli.main(["check-kb", "--knowledge", "my-carrier", "--format", "json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert {p["kind"] for p in problems} <= {"untranslated-text"}
    untranslated = [p["message"] for p in problems if p["kind"] == "untranslated-text"]
    assert any("layer carrier" in message for message in untranslated)


def test_a_cause_in_a_new_layer_is_diagnosed_and_planned_in_its_place(with_new_layer, capsys):
    from visualise.diagram import diagnosis_dot

    assert cli.main(["--knowledge", "my-carrier", "my-carrier-facts.json", "--no-diagram"]) == 0
    report = capsys.readouterr().out
    assert "sim-suspended · the mobile carrier" in report
    assert "(in this order: documents → the mobile carrier → Alipay)" in report
    kb = load_knowledge([FOLDER, with_new_layer], trusted=[FOLDER])
    facts = json.loads((with_new_layer.parent / "my-carrier-facts.json").read_text())
    diagnosis = Doctor(kb).diagnose(validate_facts(facts, model=kb.facts_model))
    assert [step.cause.layer for step in diagnosis.plan] == ["documents", "carrier", "alipay"]
    assert "subgraph cluster_carrier" in diagnosis_dot(diagnosis)


def test_a_layer_no_folder_read_declares_is_refused_naming_the_file(with_new_layer, tmp_path):
    load_knowledge([with_new_layer])  # the layer is now declared in this process
    alone = tmp_path / "alone"
    alone.mkdir()
    text = (with_new_layer / "sim_suspended.py").read_text(encoding="utf-8")
    (alone / "sim_suspended.py").write_text(text.replace("LAYERS = (", "_LAYERS = ("))
    with pytest.raises(KnowledgeError) as error:
        load_knowledge([FOLDER, alone], trusted=[FOLDER])
    assert str(error.value) == (
        f"{alone / 'sim_suspended.py'}: sim-suspended: layer 'carrier' is not one of 'device',"
        " 'documents', 'bank', 'alipay', 'wechat_pay', 'taobao', 'payee'"
    )
