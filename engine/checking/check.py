"""Checking a knowledge base, the way a linter lints its own rules: every problem as data.

`check` names what is wrong or missing in a knowledge base: ids, layers, the
order graph, the facts and observations rules read, each unit's metadata and
examples, and whether the engine can load it. Each `Problem` is one line a
person can act on. `STRUCTURAL` kinds make a diagnosis wrong or impossible, so
the CLI refuses to diagnose with them (`refuse_unsound`); the others are
omissions `check-kb` reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import product
from typing import TYPE_CHECKING

from engine.authoring.rules import (
    FALSE,
    STAFF_LANGUAGE,
    TRUE,
    UNKNOWN,
    Cause,
    Conclusion,
    Example,
    FixStep,
    Test,
    TestKind,
    Workaround,
    encode,
)
from engine.errors import InputError, KnowledgeError
from engine.facts.dates import PartialDate
from engine.facts.model import NOT_FACTS, Facts, is_item_path, read_path
from engine.kb.base import CONFIRMED, OFFERED, SUSPECTED, KnowledgeBase
from engine.kb.loader import Unit
from engine.kb.order import cause_graph, graph_problems, layer_problems
from engine.reasoning.session import rule_load_problems
from engine.text.wording import Wording, wording

if TYPE_CHECKING:
    from engine.reasoning.diagnosis import Diagnosis, Doctor

STRUCTURAL = (
    "duplicate-id",
    "unknown-layer",
    "unknown-after",
    "cycle",
    "order",
    "unknown-fact",
    "unknown-observation",
    "engine-limit",
    "unknown-cause",
)
"""Problem kinds a diagnosis cannot be trusted with (the rest are missing metadata or tests)."""
WARNINGS = ("stale-source", "message-overlap", "untranslated-text", "card-read-for-case")
"""Problem kinds check-kb names without failing: the knowledge may still hold, but a person
should read its sources again, see that one message phrase holds another, translate a unit's
text no catalog translates yet (a `--knowledge` unit's, translated when it is built in; a
built-in text missing from a catalog fails as `untranslated`, by
`visualise.catalogs.translation_problems`), or see that an observation made once for the case
reads a card's fact (it may look at every card itself; else it is about each card)."""
FRESH_MONTHS = 12
"""A unit whose sources were read longer ago than this is named (policies change yearly)."""

NOT_REPORTED = None
EXAMPLE_DAY = date(2026, 11, 27)
"""The day a unit's example without `as_of` is diagnosed on, so it concludes the same on any
day it is run (a date in an example is read against this day, never today's)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge base: its kind and a line naming where and what."""

    kind: str
    text: str
    """What is wrong."""
    about: str | None = None
    """What it is wrong in, named first on its line: a unit's key, a fact's path, ..."""
    source: str | None = None
    """The file of the unit it is about, for a unit of a --knowledge folder."""

    @property
    def message(self) -> str:
        """The line: what it is about (and that unit's file), then what is wrong."""
        if self.about is None:
            return self.text
        where = self.about if self.source is None else f"{self.about} ({self.source})"
        return f"{where}: {self.text}"

    def __str__(self) -> str:
        return self.message


def check(
    kb: KnowledgeBase,
    units: Iterable[Unit] = (),
    languages: Iterable[str] = (),
    today: date | None = None,
) -> list[Problem]:
    """Every problem of `kb`, structural ones first; `units` say which file an id came from,
    `languages` which languages every unit text must be written in (those offered), `today`
    the day sources' freshness is judged on.

    Examples are run only on a structurally sound knowledge base.
    """
    sources = _sources(units)
    problems = structural_problems(kb)
    problems += _value_problems(kb)
    problems += _unit_problems(kb)
    problems += card_subject_problems(kb)
    problems += freshness_problems(kb, today or date.today())
    problems += message_overlaps(kb)
    problems += wording_problems(kb, tuple(languages))
    if not any(p.kind in STRUCTURAL for p in problems):
        problems += example_problems(kb)
    return [_located(problem, sources) for problem in problems]


def refuse_unsound(kb: KnowledgeBase) -> None:
    """Raise KnowledgeError naming the first structural problem, if there is one."""
    problems = structural_problems(kb)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise KnowledgeError(
            f"the knowledge base is unsound: {problems[0]}{more}; run 'paydoctor check-kb'"
        )


def structural_problems(kb: KnowledgeBase) -> list[Problem]:
    """Problems that make a diagnosis with `kb` wrong or impossible; cheap enough for every run."""
    problems = [
        Problem("duplicate-id", f"id defined {count} times", unit_id)
        for unit_id, count in Counter(kb.ids).items()
        if count > 1
    ]
    problems += [
        Problem("duplicate-id", f"observation {name}: defined {count} times")
        for name, count in Counter(o.name for o in kb.observations).items()
        if count > 1
    ]
    problems += [
        Problem(problem.kind, problem.text, problem.about)
        for problem in layer_problems(kb.layers) + graph_problems(cause_graph(kb.causes), kb.layers)
    ]
    problems += _reading_problems(kb)
    problems += [
        Problem("engine-limit", f"durable-rules cannot load the rules: {text}")
        for text in rule_load_problems(kb.compile())
    ]
    return problems


def _reading_problems(kb: KnowledgeBase) -> list[Problem]:
    """Fact paths and observation names that nothing defines."""
    known_paths = set(kb.facts_model.paths)
    defined = {o.name for o in kb.observations}
    concluded = {
        c.name: {value for value, alternatives in c.alternatives() if alternatives}
        for c in kb.conclusions
    }
    cause_ids = {c.key for c in kb.causes}
    layers = [layer.key for layer in kb.layers]
    problems = []
    for observation in kb.observations:
        for path in observation.reads:
            if path not in known_paths:
                problems.append(_unknown_path(f"observation {observation.name}", path))
    message_ids = {cause_id for pattern in kb.messages for cause_id in pattern.points_at}
    for cause_id in sorted(message_ids - set(kb.ids)):
        problems.append(
            Problem("unknown-cause", f"a message pattern points at unknown cause {cause_id!r}")
        )
    for unit_id, tests in _tests_by_unit(kb):
        for test in tests:
            if test.path is not None and test.path not in known_paths:
                problems.append(_unknown_path(unit_id, test.path))
            elif test.path is not None and _not_readable(test.path, kb.facts_model.card_list):
                problems.append(
                    Problem(
                        "unknown-fact",
                        f"tests {test.path!r}, which no rule can read:"
                        f" {_not_readable(test.path, kb.facts_model.card_list)}",
                        unit_id,
                    )
                )
            elif test.kind == TestKind.DERIVED and test.name not in defined:
                problems.append(
                    Problem(
                        "unknown-observation",
                        f"tests observation {test.name!r}, which no observation"
                        " defines (see knowledge/observations.py)",
                        unit_id,
                    )
                )
            elif test.kind == TestKind.CONCLUDED and test.name not in concluded:
                problems.append(
                    Problem(
                        "unknown-observation",
                        f"tests conclusion {test.name!r}, which no conclusion"
                        " defines (see knowledge/conclusions/)",
                        unit_id,
                    )
                )
            elif test.kind == TestKind.CONCLUDED and not test.values <= concluded[test.name]:
                problems.append(
                    Problem(
                        "unknown-observation",
                        f"tests conclusion {test.name!r} for"
                        f" {sorted(test.values - concluded[test.name])}, which it never concludes",
                        unit_id,
                    )
                )
            elif test.kind == TestKind.REPORTED and test.subject_name not in cause_ids:
                problems.append(
                    Problem(
                        "unknown-cause",
                        f"tests whether unknown cause {test.subject_name!r} is reported",
                        unit_id,
                    )
                )
            elif test.kind == TestKind.FINDING and not test.values <= set(layers):
                problems.append(
                    Problem(
                        "unknown-layer",
                        f"finding_in names unknown layer(s)"
                        f" {sorted(test.values - set(layers))} (expected {', '.join(layers)})",
                        unit_id,
                    )
                )
    for path in kb.questions:
        if path not in known_paths:
            problems.append(_unknown_path("QUESTIONS", path))
    return problems


def _not_readable(path: str, cards: str | None) -> str:
    """Why a rule's test cannot read `path`, a path of the format ("" when it can); `cards`
    is the list whose items are the subjects of per-card tests (`Facts.card_list`)."""
    if path in NOT_FACTS:
        return "it lists facts, it is not one (a fact in it is not known)"
    if is_item_path(path) and not path.startswith(f"{cards}[]."):
        return (
            f"only the items of {cards} are subjects of per-card tests; read the items of this"
            " list in a derived observation (Case.get(path, index) reads item index)"
        )
    return ""


def _unknown_path(where: str, path: str) -> Problem:
    return Problem(
        "unknown-fact",
        f"reads fact {path!r}, which the facts format does not have (see 'paydoctor schema')",
        where,
    )


def _tests_by_unit(kb: KnowledgeBase) -> list[tuple[str, list[Test]]]:
    units: list[tuple[str, list[Test]]] = []
    for cause in kb.causes:
        units.append((cause.key, [t for w in cause.confirmed + cause.suspected for t in w.tests]))
    for workaround in kb.workarounds:
        units.append((workaround.id, [t for w in workaround.offered for t in w.tests]))
    for conclusion in kb.conclusions:
        tests = [t for _, alts in conclusion.alternatives() for w in alts for t in w.tests]
        units.append((conclusion.name, tests))
    return units


def card_subject_problems(kb: KnowledgeBase) -> list[Problem]:
    """Declarations about one card (`per_card`) that read no card, and observations made for
    the case that read a card's fact (a warning: `Case.get` reads no card's fact for the case)."""
    cards = kb.facts_model.card_list
    problems = []
    for observation in kb.observations:
        read = [path for path in observation.reads if _of_card(path, cards)]
        if observation.per_card and not read:
            problems.append(
                Problem(
                    "per-card",
                    f"observation {observation.name}: is observed for each card (per_card=True)"
                    f" but reads no fact of {cards}, so it is the same for every card; list the"
                    " card's facts it reads, or observe it once for the case",
                )
            )
        elif read and not observation.per_card:
            problems.append(
                Problem(
                    "card-read-for-case",
                    f"observation {observation.name}: reads {read[0]!r} but is observed once for"
                    " the case, where no card's fact is read (Case.get(path, None)); declare it"
                    " per_card=True to observe it for each card, unless it reads every card"
                    " itself",
                )
            )
    for conclusion in kb.conclusions:
        if not conclusion.per_card:
            continue
        for value, alternatives in conclusion.alternatives():
            for alternative in kb.on_cards(alternatives):
                if not alternative.reads_card:
                    problems.append(
                        Problem(
                            "per-card",
                            f"is concluded for each card (per_card=True), but"
                            f" its condition for {value!r} ({alternative.describe()}) reads no"
                            " card, so no card's rule can use what it concludes",
                            conclusion.name,
                        )
                    )
    return problems


def _of_card(path: str, cards: str | None) -> bool:
    """Whether `path` is a fact of one of the cards per-card rules read (`Facts.card_list`)."""
    return cards is not None and path.startswith(f"{cards}[].")


def _value_problems(kb: KnowledgeBase) -> list[Problem]:
    """Fact tests on values the facts format never holds, so the condition can never hold."""
    problems = []
    for unit_id, tests in _tests_by_unit(kb):
        for test in tests:
            if test.kind != "fact" or test.path not in kb.facts_model.paths:
                continue
            for value in sorted(test.values - {UNKNOWN}):
                if not _can_hold(test.path, value, kb.facts_model):
                    problems.append(
                        Problem(
                            "impossible-value",
                            f"tests {test.path} = {value!r}, a value the facts format"
                            " never holds (see 'paydoctor schema'), so the test never passes",
                            unit_id,
                        )
                    )
    return problems


def _can_hold(path: str, value: str, model: type[Facts]) -> bool:
    """Whether some facts file gives `path` a value that observations write as `value`."""
    from engine.facts.loading import validate_facts

    candidates: list[object] = [value]
    if value in (TRUE, FALSE):
        candidates.append(value == TRUE)
    try:
        candidates.append(float(value))
        candidates.append(int(value))
    except ValueError:
        pass
    for candidate in candidates:
        data: object = candidate
        for part in reversed(path.split(".")):
            data = [data] if part.endswith("[]") else data
            data = {part.removesuffix("[]"): data}
        try:
            facts = validate_facts(data, model=model)
        except InputError:
            continue
        if encode(read_path(facts, path, 0 if is_item_path(path) else None)) == value:
            return True
    return False


def _unit_problems(kb: KnowledgeBase) -> list[Problem]:
    """What each cause and workaround is missing: text, fixes, conditions, examples."""
    problems = []
    for cause in kb.causes:
        problems += _missing_text(cause.key, cause, ("title", "explanation", "source"))
        if not cause.fixes or not all(isinstance(f, FixStep) for f in cause.fixes):
            problems.append(Problem("no-fix", "no fix steps (fixes=(FixStep(...),))", cause.key))
        if not cause.confirmed and not cause.suspected:
            problems.append(Problem("no-condition", "no confirmed condition", cause.key))
        # A cause that facts can only make suspected (a VPN on) needs a suspected example.
        must_have = CONFIRMED if cause.confirmed else SUSPECTED
        problems += _example_coverage(cause.key, cause.examples, (CONFIRMED, SUSPECTED), must_have)
    for workaround in kb.workarounds:
        problems += _missing_text(workaround.id, workaround, ("title", "explanation", "source"))
        if not workaround.steps:
            problems.append(Problem("no-fix", "no steps", workaround.id))
        if not workaround.offered:
            problems.append(Problem("no-condition", "no offered condition", workaround.id))
        problems += _example_coverage(workaround.id, workaround.examples, (OFFERED,), OFFERED)
    for conclusion in kb.conclusions:
        if not str(conclusion.meaning).strip():
            problems.append(Problem("no-meaning", "no meaning", conclusion.name))
        if not conclusion.holds:
            problems.append(Problem("no-condition", "no holds condition", conclusion.name))
        values = (TRUE, FALSE, UNKNOWN)
        problems += _example_coverage(conclusion.name, conclusion.examples, values, TRUE)
    return problems


def freshness_problems(kb: KnowledgeBase, today: date) -> list[Problem]:
    """Each unit whose sources were read more than `FRESH_MONTHS` months before `today`."""
    problems = []
    for unit in (*kb.causes, *kb.workarounds):
        if unit.sources_read is None:
            continue
        read = PartialDate.parse(unit.sources_read).last
        months = (today.year - read.year) * 12 + today.month - read.month
        if months > FRESH_MONTHS:
            problems.append(
                Problem(
                    "stale-source",
                    f"its sources were read {unit.sources_read}, {months} months"
                    " ago: read them again and update the unit (sources_read=...)",
                    unit.key,
                )
            )
    return problems


def message_overlaps(kb: KnowledgeBase) -> list[Problem]:
    """Each message phrase that holds another message's phrase (ignoring letter case), unless
    its message says it shares words with those causes (`Message.shares_words_with`); and each
    cause a message says it shares words with that none of its phrases does.

    Phrases match anywhere in the error message, so a message with the longer
    phrase ("银行卡已过期") also carries the shorter one ("已过期") and points at the
    shorter one's causes too: named, for a person to decide whether it should.
    """
    problems = []
    ids_of = {cause.key: cause.id for cause in kb.causes}  # an unknown key is named elsewhere
    for first, longer in enumerate(kb.messages):
        shared: set[str] = set()
        for second, shorter in enumerate(kb.messages):
            others = [key for key in shorter.points_at if key not in longer.points_at]
            if first == second or not others:
                continue
            for phrase, part in product(longer.phrases, shorter.phrases):
                same = part.casefold() == phrase.casefold()
                reported = (
                    same and second < first and not set(longer.points_at) <= set(shorter.points_at)
                )
                if part.casefold() not in phrase.casefold() or reported:
                    continue  # the same phrase in two messages is named once
                ids = {ids_of.get(key, key) for key in others}
                shared |= ids
                if ids <= set(longer.shares_words_with):
                    continue  # declared with the message: meant
                holds = "is also a phrase of another message" if same else f"holds {part!r}"
                problems.append(
                    Problem(
                        "message-overlap",
                        f"its message phrase {phrase!r} {holds}, which"
                        f" points at {', '.join(others)}: a message with it points at them too",
                        longer.points_at[0],
                    )
                )
        for cause_id in longer.shares_words_with:
            if cause_id not in shared:
                problems.append(
                    Problem(
                        "message-overlap",
                        f"its message says it shares words with"
                        f" {cause_id}, but none of its phrases holds one of {cause_id}'s",
                        longer.points_at[0],
                    )
                )
    return problems


def wording_problems(kb: KnowledgeBase, languages: tuple[str, ...]) -> list[Problem]:
    """Each unit text not written in one of `languages`, and each step done with staff that
    gives no sentence to show them."""
    problems = []
    for cause in kb.causes:
        for number, fix in enumerate(cause.fixes, start=1):
            if isinstance(fix, FixStep) and fix.place.staff and fix.say is None:
                problems.append(
                    Problem(
                        "no-say",
                        f"fix step {number} is done with staff ({fix.place}) but"
                        " gives no sentence to show them"
                        ' (say=Wording("its meaning", zh="the sentence"))',
                        cause.key,
                    )
                )
    for where, name, text, own in _unit_texts(kb):
        if not isinstance(text, Wording):
            continue
        missing = text.missing(languages)
        if missing:
            problems.append(
                Problem(
                    "untranslated-text",
                    f"{name} {text.source!r} has no translation in"
                    f" {', '.join(missing)} (python -m visualise.catalogs, then translate it)",
                    where,
                )
            )
        written = sorted(set(text.written) - own)
        if written:
            problems.append(
                Problem(
                    "written-translation",
                    f"{name} {text.source!r} writes its {', '.join(written)} text in"
                    " the unit: translations belong in the catalogs (docs/translating.md)",
                    where,
                )
            )
    return problems


STAFF = frozenset({STAFF_LANGUAGE})
"""A staff sentence is written in the unit in the language staff read (`FixStep.say`)."""
ENGLISH_ONLY: frozenset[str] = frozenset()
"""A text the unit writes in English alone: the catalogs translate it."""


def _unit_texts(kb: KnowledgeBase) -> Iterable[tuple[str, str, Wording, frozenset[str]]]:
    """Every text a unit shows a person, with where it is, what it is, and the languages the
    unit writes it in itself (a staff sentence's Chinese; every other text is translated in the
    catalogs)."""
    for cause in kb.causes:
        yield cause.key, "title", cause.title, ENGLISH_ONLY
        yield cause.key, "explanation", cause.explanation, ENGLISH_ONLY
        for number, fix in enumerate(cause.fixes, start=1):
            if isinstance(fix, FixStep):
                yield cause.key, f"fix step {number}'s place", fix.where, ENGLISH_ONLY
                yield cause.key, f"fix step {number}", fix.action, ENGLISH_ONLY
                if fix.say is not None:
                    yield cause.key, f"fix step {number}'s sentence to show", fix.say, STAFF
        for message in cause.messages:
            yield cause.key, "message meaning", message.meaning, ENGLISH_ONLY
    for workaround in kb.workarounds:
        yield workaround.id, "title", workaround.title, ENGLISH_ONLY
        yield workaround.id, "explanation", workaround.explanation, ENGLISH_ONLY
        for number, step in enumerate(workaround.steps, start=1):
            yield workaround.id, f"step {number}", step, ENGLISH_ONLY
    for conclusion in kb.conclusions:
        yield conclusion.name, "meaning", conclusion.meaning, ENGLISH_ONLY
    for observation in kb.observations:
        yield observation.name, "meaning", wording(observation.meaning), ENGLISH_ONLY
    for path, ask in kb.questions.items():
        for text in ask.wordings():
            yield path, "question text", text, ENGLISH_ONLY
    for path, declared in kb.facts_model.declared.items():
        if getattr(declared, "label", None) is not None and kb.ask(path) is None:
            yield path, "label", declared.label, ENGLISH_ONLY
    for layer in kb.layers:
        yield f"layer {layer.key}", "label", layer.label, ENGLISH_ONLY


def _missing_text(where: str, unit: Cause | Workaround, fields: tuple[str, ...]) -> list[Problem]:
    problems = []
    for name in fields:
        value = getattr(unit, name)
        if not isinstance(value, (str, Wording)) or not str(value).strip():
            hint = (
                " (quote the sentence of the guide it rests on, or name the reports' URLs)"
                if name == "source"
                else ""
            )
            problems.append(Problem(f"no-{name}", f"no {name}{hint}", where))
    return problems


def _example_coverage(
    where: str, examples: tuple[Example, ...], allowed: tuple[str, ...], must_have: str
) -> list[Problem]:
    problems = []
    expects = [e.expect for e in examples]
    for example in examples:
        if example.expect not in (*allowed, NOT_REPORTED):
            problems.append(
                Problem(
                    "bad-example",
                    f"example {example.note!r} expects {example.expect!r}"
                    f" (expected one of {', '.join(allowed)} or None)",
                    where,
                )
            )
    if must_have not in expects:
        problems.append(
            Problem(
                "no-example",
                f"no example where it is {must_have} (Example(..., '{must_have}'))",
                where,
            )
        )
    if NOT_REPORTED not in expects:
        problems.append(
            Problem(
                "no-example",
                "no near-miss example where it is not reported (Example(..., None))",
                where,
            )
        )
    notes = Counter(e.note for e in examples)
    for note, count in notes.items():
        if count > 1:
            problems.append(
                Problem("bad-example", f"example {note!r} appears {count} times", where)
            )
    return problems


def example_problems(kb: KnowledgeBase) -> list[Problem]:
    """Run every unit's examples through a diagnosis, as ESLint's RuleTester runs a rule's.

    Names each example whose outcome differs from what it expects (its status,
    its evidence, and for a confirmed cause the status once its own fix effects
    are applied), each cause without fix effects, and each rule of a unit,
    message rules included, that no example of the unit makes fire.
    """
    from engine.reasoning.diagnosis import Doctor

    doctor = Doctor(kb)
    problems = []
    units: list[Cause | Workaround | Conclusion] = [*kb.causes, *kb.workarounds, *kb.conclusions]
    for unit in units:
        fired: set[str] = set()
        for example in unit.examples:
            outcome = run_example(doctor, unit, example)
            if outcome.error:
                problems.append(Problem("bad-example", f"{outcome.error}", unit.key))
                continue
            fired.update(outcome.fired)
            problems += [
                Problem("failing-example", f"example {example.note!r} {failure}", unit.key)
                for failure in outcome.failures
            ]
        problems += [
            Problem(
                "untested-condition",
                f"no example makes rule {rule.id} fire ({rule.when.describe()})",
                unit.key,
            )
            for rule in doctor.rules
            if unit.examples and rule.target == unit.key and rule.id not in fired
        ]
        if isinstance(unit, Cause) and not any(step.effects for step in unit.fixes):
            problems.append(
                Problem(
                    "no-effects",
                    "its fix steps declare no effects, so no check can tell that"
                    " the fix removes the cause (FixStep(..., effects=(copies(...), ...)))",
                    unit.key,
                )
            )
    return problems


@dataclass(frozen=True)
class ExampleOutcome:
    """What running one example found: the rules it fired and how it fell short, if it did."""

    fired: frozenset[str] = frozenset()
    failures: tuple[str, ...] = ()
    error: str | None = None


def run_example(
    doctor: Doctor, unit: Cause | Workaround | Conclusion, example: Example
) -> ExampleOutcome:
    """Diagnose an example's facts and compare with what it expects."""
    from engine.facts.loading import validate_facts
    from engine.planning.plan_check import facts_after

    try:
        facts = validate_facts(
            example.facts, source=f"example {example.note!r}", model=doctor.kb.facts_model
        )
    except InputError as error:
        return ExampleOutcome(error=str(error))
    diagnosis = doctor.diagnose(facts, EXAMPLE_DAY)
    fired = frozenset(f.rule.id for f in diagnosis.trace if f.rule.target == unit.key)
    found, evidence = _found(diagnosis, unit)
    failures = []
    if found != example.expect:
        failures.append(f"expects {_outcome(example.expect)}, got {_outcome(found)}")
    shown = " | ".join(text.render(reveal=False) for text in evidence)
    failures += [
        f"expects evidence with {words!r}; the evidence says: {shown or 'nothing'}"
        for words in example.evidence
        if words not in shown
    ]
    if isinstance(unit, Cause) and found == (CONFIRMED if unit.confirmed else SUSPECTED):
        mine = tuple(replace(f, cause=unit) for f in diagnosis.findings if f.cause.key == unit.key)
        own = replace(diagnosis, findings=mine)
        try:
            after = doctor.diagnose(facts_after(facts, own), diagnosis.as_of)
        except KnowledgeError as error:
            failures.append(f"cannot apply its fix effects: {error}")
        else:
            left = next((f.status for f in after.findings if f.cause.key == unit.key), None)
            if left != example.after_fix:
                failures.append(
                    f"is {_outcome(left)} once its fix effects are applied, expected"
                    f" {_outcome(example.after_fix)}: the fix does not remove the cause"
                )
    return ExampleOutcome(fired, tuple(failures))


def _found(diagnosis: Diagnosis, unit: Cause | Workaround | Conclusion):
    """What the diagnosis concluded of `unit`, and the evidence it gave for it."""
    if isinstance(unit, Cause):
        finding = next((f for f in diagnosis.findings if f.cause.key == unit.key), None)
        return (finding.status, finding.evidence) if finding else (NOT_REPORTED, ())
    if isinstance(unit, Workaround):
        offer = next((o for o in diagnosis.workarounds if o.workaround.id == unit.id), None)
        return (OFFERED, offer.evidence) if offer else (NOT_REPORTED, ())
    facts = [fact for f in diagnosis.trace for fact in f.concluded if fact.name == unit.name]
    values = sorted({fact.value for fact in facts})
    return (values[0] if len(values) == 1 else ",".join(values) or NOT_REPORTED), tuple(
        fact.evidence for fact in facts if fact.evidence is not None
    )


def _outcome(status: str | None) -> str:
    return status if status is not None else "not reported"


def _sources(units: Iterable[Unit]) -> dict[str, str]:
    sources: dict[str, str] = {}
    for unit in units:
        for defined in unit.defined:
            # The last file wins: a duplicate is named where it was added.
            sources[defined.key] = str(unit.path)
    return sources


def _located(problem: Problem, sources: dict[str, str]) -> Problem:
    """The problem with the file its unit came from, when that is a --knowledge folder."""
    if problem.about not in sources:
        return problem
    return replace(problem, source=sources[problem.about])


def summary(kb: KnowledgeBase) -> str:
    """What was checked, in one line."""
    examples = sum(len(u.examples) for u in (*kb.causes, *kb.workarounds, *kb.conclusions))
    return (
        f"{len(kb.causes)} causes, {len(kb.workarounds)} workarounds,"
        f" {len(kb.conclusions)} conclusions, {len(kb.observations)} observations,"
        f" {len(kb.compile())} rules, {examples} examples"
    )
