"""Fuzz paydoctor with mutated facts: nothing crashes, nothing leaks.

    python bench/fuzz.py [--cases 10000] [--sample 100] [--seed 16]

`--cases` mutated facts files (tests/mutations.py: personal values in the wrong
fields and as keys, wrong types, odd characters, dates at the edges, too many
cards, broken JSON, deep nesting) go through `paydoctor batch` with 1 and with 2
jobs, and `--sample` of them through the single-file command, each its own
process, text and JSON reports alternately. Counted in every output, error
messages included: tracebacks, internal faults, raw personal values, and records
that are not one line of JSON. Record the figures in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import mutations  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    cases = list(mutations.cases(args.seed, args.cases))
    source = folder / "cases.jsonl"
    source.write_bytes(b"\n".join(cases) + b"\n")
    expected = sum(1 for case in cases if case.strip())
    print(f"paydoctor fuzz, {time.strftime('%Y-%m-%d %H:%M')}, seed {args.seed}")
    print(f"{args.cases:,} mutated cases ({expected:,} not blank), {source.stat().st_size:,} bytes")
    for jobs in ("1", "2"):
        batch(source, jobs, expected)
    single_files(cases[: args.sample], folder)


def batch(source: Path, jobs: str, expected: int) -> None:
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "cli.py", "batch", str(source), "--jobs", jobs],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    out = run.stdout.decode("utf-8")
    err = run.stderr.decode("utf-8")
    lines = out.split("\n")[:-1]
    records = [record for line in lines if (record := _record(line)) is not None]
    errors = Counter(_kind(r["error"]) for r in records if "error" in r)
    problems = Counter(p.split(" '")[0] for p in mutations.problems(out + err))
    problems.update(_leak_lines(lines))
    problems["records not one line of JSON"] += len(lines) - len(records)
    problems["cases without a record"] += expected - len(lines)
    problems = +problems
    print(
        f"\nbatch --jobs {jobs}: exit {run.returncode}, {seconds:.1f} s,"
        f" {len(records):,} records for {expected:,} cases"
        f" ({sum(errors.values()):,} errors, {len(records) - sum(errors.values()):,} reports)"
    )
    print(f"   problems: {dict(problems) or 'none'}")
    print("   errors by kind: " + ", ".join(f"{k} {n:,}" for k, n in errors.most_common(8)))


def _record(line: str) -> dict | None:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return None


def _leak_lines(lines: list[str]) -> Counter:
    """Records that hold a raw personal value (counted once each)."""
    return Counter("records with a raw personal value" for line in lines if mutations.leaks(line))


def _kind(message: str) -> str:
    """What an error message says, without the file, path and value it names."""
    for words in (
        "not valid JSON",
        "nested too deeply",
        "unknown key",
        "appears twice",
        "printable text",
        "at most 50 items",
        "expected an object",
        "expected a date",
        "expected a real calendar date",
        "expected one of",
        "expected a finite number",
        "is not UTF-8",
        "is empty",
    ):
        if words in message:
            return words
    return "other"


def single_files(cases: list[bytes], folder: Path) -> None:
    codes: Counter = Counter()
    problems: Counter = Counter()
    started = time.perf_counter()
    facts = folder / "facts.json"
    for number, case in enumerate(cases):
        facts.write_bytes(case)
        report = ("text", "json")[number % 2]
        run = subprocess.run(
            [sys.executable, "cli.py", str(facts), "--no-diagram", "--format", report],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        codes[run.returncode] += 1
        out, err = run.stdout.decode("utf-8"), run.stderr.decode("utf-8")
        problems.update(p.split(" '")[0] for p in mutations.problems(out + err))
        if run.returncode == 2 and (out or err.count("\n") != 1):
            problems["bad input not one line on stderr"] += 1
    seconds = time.perf_counter() - started
    print(f"\nsingle-file command, {len(cases)} cases, one process each ({seconds:.0f} s):")
    print(f"   exit statuses: {dict(sorted(codes.items()))}")
    print(f"   problems: {dict(problems) or 'none'}")


if __name__ == "__main__":
    main()
