"""Every output of every case, one hash a case, for proving a change changes no answer.

    python bench/outputs.py OUT [--mutated 600]

Run it in two checkouts (before and after a change) and compare the two files
(`cmp`, `diff`): a line that differs names the case. The cases are every
example, every unit's examples (judged on 2026-11-27, as the suite does) and
mutated cases from tests/mutations.py (seed 21: the same cases every run).
For each: the JSON report in English and, with personal data shown, in
Chinese (plan check and next steps included), the diagram's DOT source, the
trace with each matched observation's evidence, and the explanation of the
causes found and of four others; an input refused gives its message instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.authoring.rules import Case  # noqa: E402
from engine.errors import InputError  # noqa: E402
from engine.facts.loading import parse_facts  # noqa: E402
from engine.outcome import diagnose  # noqa: E402
from engine.reasoning.diagnosis import Doctor  # noqa: E402
from engine.reasoning.explain import explain  # noqa: E402
from knowledge import builtin_knowledge  # noqa: E402
from tests import mutations  # noqa: E402
from visualise.diagram import diagnosis_dot  # noqa: E402
from visualise.explain_json import explanation_data  # noqa: E402
from visualise.json_report import render_json  # noqa: E402
from visualise.language import language  # noqa: E402

EXPLAINED = ("passport-expired", "phone-mismatch", "card-name-syntax", "foreign-card-limit")
UNIT_DAY = "2026-11-27"


def cases(mutated: int) -> list[tuple[str, str]]:
    """(name, facts text) of every case, in a fixed order."""
    found = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(ROOT.glob("examples/*.json"))]
    kb = builtin_knowledge()
    for unit in (*kb.causes, *kb.workarounds, *kb.conclusions):
        for number, example in enumerate(unit.examples):
            facts = {"as_of": UNIT_DAY, **example.facts}
            found.append((f"{unit.key}#{number}", json.dumps(facts)))
    for number, raw in enumerate(mutations.cases(21, mutated)):
        found.append((f"mutated#{number}", raw.decode("utf-8", "surrogatepass")))
    return found


def outputs(doctor: Doctor, text: str) -> str:
    """Everything a case gives, as one text."""
    try:
        facts = parse_facts(text)
    except InputError as error:
        return f"refused: {error}"
    outcome = diagnose(doctor, facts)
    diagnosis = outcome.diagnosis
    zh = language("zh")
    parts = [
        render_json(diagnosis, False, outcome.plan_check, next_steps=outcome.next_steps),
        render_json(diagnosis, True, outcome.plan_check, zh, next_steps=outcome.next_steps),
        diagnosis_dot(diagnosis),
    ]
    for firing in diagnosis.trace:
        evidence = [
            (m.describe(), m.evidence and m.evidence.render(True, zh), m.unknown_paths)
            for m in firing.matched
        ]
        concluded = [c.describe() for c in firing.concluded]
        parts.append(repr((firing.rule.id, firing.asserted, evidence, concluded)))
    case = Case(facts, diagnosis.as_of)
    for unit in (*(f.cause.key for f in diagnosis.findings), *EXPLAINED):
        explained = explain(doctor, diagnosis, case, unit)
        data = explanation_data(explained, doctor.kb, diagnosis.as_of)
        parts.append(json.dumps(data, ensure_ascii=False, default=str))
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the file to write, one line a case")
    parser.add_argument("--mutated", type=int, default=600, help="mutated cases (default 600)")
    options = parser.parse_args()
    doctor = Doctor(builtin_knowledge())
    with options.out.open("w", encoding="utf-8") as out:
        for name, text in cases(options.mutated):
            digest = hashlib.sha1(outputs(doctor, text).encode("utf-8", "surrogatepass"))
            out.write(f"{name} {digest.hexdigest()}\n")


if __name__ == "__main__":
    main()
