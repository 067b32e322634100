"""Checking a knowledge base, the way a linter lints its own rules: every problem as data.

`check` names what is wrong or missing in a knowledge base: ids, layers, the
order graph, the facts and observations rules read, each unit's metadata and
examples, and whether the engine can load it. Each `Problem` is one line a
person can act on. `STRUCTURAL` kinds make a diagnosis wrong or impossible, so
the CLI refuses to diagnose with them (`refuse_unsound`); the others are
omissions `check-kb` reports.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from engine.errors import InputError, KnowledgeError
from engine.facts import FACT_PATHS, read_path
from engine.knowledge_base import CONFIRMED, OFFERED, SUSPECTED, KnowledgeBase
from engine.knowledge_loader import Unit
from engine.plan import cause_graph, graph_problems
from engine.rules import (
    FALSE,
    LAYERS,
    TRUE,
    UNKNOWN,
    Cause,
    Example,
    FixStep,
    Test,
    Workaround,
    encode,
    is_card_path,
)
from engine.session import rule_load_problems

STRUCTURAL = (
    "duplicate-id",
    "unknown-layer",
    "unknown-after",
    "cycle",
    "order",
    "unknown-fact",
    "unknown-observation",
    "engine-limit",
)
"""Problem kinds a diagnosis cannot be trusted with (the rest are missing metadata or tests)."""

NOT_REPORTED = None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge base: its kind and a line naming where and what."""

    kind: str
    message: str

    def __str__(self) -> str:
        return self.message


def check(kb: KnowledgeBase, units: Iterable[Unit] = ()) -> list[Problem]:
    """Every problem of `kb`, structural ones first; `units` say which file an id came from.

    Examples are run only on a structurally sound knowledge base.
    """
    sources = _sources(units)
    problems = structural_problems(kb)
    problems += _value_problems(kb)
    problems += _unit_problems(kb)
    problems += _unregistered_units(kb)
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
        Problem("duplicate-id", f"{unit_id}: id defined {count} times")
        for unit_id, count in Counter(kb.ids).items()
        if count > 1
    ]
    problems += [
        Problem("duplicate-id", f"observation {name}: defined {count} times")
        for name, count in Counter(o.name for o in kb.observations).items()
        if count > 1
    ]
    problems += [
        Problem(_graph_kind(text), text) for text in graph_problems(cause_graph(kb.causes))
    ]
    problems += _reading_problems(kb)
    problems += [
        Problem("engine-limit", f"durable-rules cannot load the rules: {text}")
        for text in rule_load_problems(kb.compile())
    ]
    return problems


def _graph_kind(text: str) -> str:
    for words, kind in (
        ("unknown layer", "unknown-layer"),
        ("names unknown cause", "unknown-after"),
        ("form a cycle", "cycle"),
    ):
        if words in text:
            return kind
    return "order"


def _reading_problems(kb: KnowledgeBase) -> list[Problem]:
    """Fact paths and observation names that nothing defines."""
    known_paths = set(FACT_PATHS)
    defined = {o.name for o in kb.observations}
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
            elif test.kind == "derived" and test.name not in defined:
                problems.append(
                    Problem(
                        "unknown-observation",
                        f"{unit_id}: tests observation {test.name!r}, which no observation"
                        " defines (see knowledge/observations.py)",
                    )
                )
            elif test.kind == "finding" and not test.values <= set(LAYERS):
                problems.append(
                    Problem(
                        "unknown-layer",
                        f"{unit_id}: finding_in names unknown layer(s)"
                        f" {sorted(test.values - set(LAYERS))} (expected {', '.join(LAYERS)})",
                    )
                )
    for path in kb.questions:
        if path not in known_paths:
            problems.append(_unknown_path("QUESTIONS", path))
    return problems


def _unknown_path(where: str, path: str) -> Problem:
    return Problem(
        "unknown-fact",
        f"{where}: reads fact {path!r}, which the facts format does not have"
        " (see 'paydoctor schema')",
    )


def _tests_by_unit(kb: KnowledgeBase) -> list[tuple[str, list[Test]]]:
    units: list[tuple[str, list[Test]]] = []
    for cause in kb.causes:
        units.append((cause.id, [t for w in cause.confirmed + cause.suspected for t in w.tests]))
    for workaround in kb.workarounds:
        units.append((workaround.id, [t for w in workaround.offered for t in w.tests]))
    return units


def _value_problems(kb: KnowledgeBase) -> list[Problem]:
    """Fact tests on values the facts format never holds, so the condition can never hold."""
    problems = []
    for unit_id, tests in _tests_by_unit(kb):
        for test in tests:
            if test.kind != "fact" or test.path not in FACT_PATHS:
                continue
            for value in sorted(test.values - {UNKNOWN}):
                if not _can_hold(test.path, value):
                    problems.append(
                        Problem(
                            "impossible-value",
                            f"{unit_id}: tests {test.path} = {value!r}, a value the facts format"
                            " never holds (see 'paydoctor schema'), so the test never passes",
                        )
                    )
    return problems


def _can_hold(path: str, value: str) -> bool:
    """Whether some facts file gives `path` a value that observations write as `value`."""
    from engine.loading import validate_facts

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
            facts = validate_facts(data)
        except InputError:
            continue
        if encode(read_path(facts, path, 0 if is_card_path(path) else None)) == value:
            return True
    return False


def _unit_problems(kb: KnowledgeBase) -> list[Problem]:
    """What each cause and workaround is missing: text, fixes, conditions, examples."""
    problems = []
    for cause in kb.causes:
        problems += _missing_text(cause.id, cause, ("title", "explanation", "guide"))
        if not cause.fixes or not all(isinstance(f, FixStep) for f in cause.fixes):
            problems.append(Problem("no-fix", f"{cause.id}: no fix steps (fixes=(FixStep(...),))"))
        if not cause.confirmed:
            problems.append(Problem("no-condition", f"{cause.id}: no confirmed condition"))
        problems += _example_coverage(cause.id, cause.examples, (CONFIRMED, SUSPECTED), CONFIRMED)
    for workaround in kb.workarounds:
        problems += _missing_text(workaround.id, workaround, ("title", "explanation", "guide"))
        if not workaround.steps:
            problems.append(Problem("no-fix", f"{workaround.id}: no steps"))
        if not workaround.offered:
            problems.append(Problem("no-condition", f"{workaround.id}: no offered condition"))
        problems += _example_coverage(workaround.id, workaround.examples, (OFFERED,), OFFERED)
    return problems


def _missing_text(where: str, unit: Cause | Workaround, fields: tuple[str, ...]) -> list[Problem]:
    problems = []
    for name in fields:
        value = getattr(unit, name)
        if not isinstance(value, str) or not value.strip():
            hint = " (quote the sentence of the guide it rests on)" if name == "guide" else ""
            problems.append(Problem(f"no-{name}", f"{where}: no {name}{hint}"))
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
                    f"{where}: example {example.note!r} expects {example.expect!r}"
                    f" (expected one of {', '.join(allowed)} or None)",
                )
            )
    if must_have not in expects:
        problems.append(
            Problem(
                "no-example",
                f"{where}: no example where it is {must_have} (Example(..., {must_have!r}))",
            )
        )
    if NOT_REPORTED not in expects:
        problems.append(
            Problem(
                "no-example",
                f"{where}: no near-miss example where it is not reported (Example(..., None))",
            )
        )
    notes = Counter(e.note for e in examples)
    for note, count in notes.items():
        if count > 1:
            problems.append(
                Problem("bad-example", f"{where}: example {note!r} appears {count} times")
            )
    return problems


def example_problems(kb: KnowledgeBase) -> list[Problem]:
    """Run every unit's examples through a diagnosis.

    Names each example whose outcome differs from what it expects, and each
    condition the unit's author wrote (not the derived "message" rules) that no
    example of the unit makes fire.
    """
    from engine.diagnosis import Doctor
    from engine.loading import validate_facts

    doctor = Doctor(kb)
    today = date.today()
    problems = []
    units: list[Cause | Workaround] = [*kb.causes, *kb.workarounds]
    for unit in units:
        fired: set[str] = set()
        for example in unit.examples:
            try:
                facts = validate_facts(example.facts, source=f"example {example.note!r}")
            except InputError as error:
                problems.append(Problem("bad-example", f"{unit.id}: {error}"))
                continue
            diagnosis = doctor.diagnose(facts, today)
            fired.update(f.rule.id for f in diagnosis.trace if f.rule.target == unit.id)
            if isinstance(unit, Cause):
                found = next((f.status for f in diagnosis.findings if f.cause.id == unit.id), None)
            else:
                offered = any(o.workaround.id == unit.id for o in diagnosis.workarounds)
                found = OFFERED if offered else NOT_REPORTED
            if found != example.expect:
                problems.append(
                    Problem(
                        "failing-example",
                        f"{unit.id}: example {example.note!r} expects {_outcome(example.expect)},"
                        f" got {_outcome(found)}",
                    )
                )
        problems += [
            Problem(
                "untested-condition",
                f"{unit.id}: no example makes rule {rule.id} fire ({rule.when.describe()})",
            )
            for rule in doctor.rules
            if unit.examples
            and rule.target == unit.id
            and rule.origin != "message"
            and rule.id not in fired
        ]
    return problems


def _outcome(status: str | None) -> str:
    return status if status is not None else "not reported"


def _unregistered_units(kb: KnowledgeBase) -> list[Problem]:
    """Modules of the built-in knowledge package whose unit the registry leaves out."""
    import knowledge.causes
    import knowledge.workarounds

    registered = {id(unit) for unit in (*kb.causes, *kb.workarounds)}
    problems = []
    for package, name in ((knowledge.causes, "CAUSE"), (knowledge.workarounds, "WORKAROUND")):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            unit = getattr(module, name, None)
            if unit is not None and id(unit) not in registered:
                problems.append(
                    Problem(
                        "unregistered",
                        f"{module.__name__}: its {name} {unit.id!r} is not in"
                        f" knowledge/__init__.py's {name}S",
                    )
                )
    return problems


def _sources(units: Iterable[Unit]) -> dict[str, str]:
    sources: dict[str, str] = {}
    for unit in units:
        for defined in (unit.cause, unit.workaround):
            if defined is not None:
                sources.setdefault(defined.id, str(unit.path))
    return sources


def _located(problem: Problem, sources: dict[str, str]) -> Problem:
    """The problem with the file its unit came from, when that is a --knowledge folder."""
    unit_id, sep, rest = problem.message.partition(": ")
    if not sep or unit_id not in sources:
        return problem
    return Problem(problem.kind, f"{unit_id} ({sources[unit_id]}): {rest}")


def summary(kb: KnowledgeBase) -> str:
    """What was checked, in one line."""
    examples = sum(len(u.examples) for u in (*kb.causes, *kb.workarounds))
    return (
        f"{len(kb.causes)} causes, {len(kb.workarounds)} workarounds,"
        f" {len(kb.observations)} observations, {len(kb.compile())} rules, {examples} examples"
    )
