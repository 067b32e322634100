"""What one case costs, in CPU time: a report in one process, and a case through batch.

    python bench/cost.py [--cases 2000] [--only NAME ...]

A short run (about half a minute) for comparing two commits side by side: CPU
time does not depend on how busy the machine is the way wall time does, and
the best of several rounds is kept (other work only ever adds time).

1. a report in one process: `diagnose_json` (diagnosis, plan check, next
   steps, JSON) over the examples, CPU time a report, best of 7 rounds;
2. batch, 1 job: `paydoctor batch` over CASES cases made from the examples
   (bench/run.py's cases), cases per CPU second of the batch process.

`--only` keeps the examples named (file names without .json), so a commit that
adds examples is measured on the same cases as the one before it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import run  # noqa: E402

from engine.facts.loading import parse_facts  # noqa: E402
from engine.reasoning.diagnosis import Doctor  # noqa: E402
from knowledge import builtin_knowledge  # noqa: E402
from web.reports import diagnose_json  # noqa: E402


def report_cost(paths: list[Path], rounds: int = 7) -> float:
    """CPU seconds a report, best of `rounds` rounds over `paths`."""
    doctor = Doctor(builtin_knowledge())
    cases = [parse_facts(path.read_text(encoding="utf-8")) for path in paths]
    for facts in cases:
        diagnose_json(doctor, facts)
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for facts in cases:
            diagnose_json(doctor, facts)
        best = min(best, (time.process_time() - started) / len(cases))
    return best


def batch_per_cpu(cases: int) -> float:
    """Cases a CPU second through `paydoctor batch --jobs 1`, the better of two runs."""
    source = run._cases_file(cases)
    command = [sys.executable, "cli.py", "batch", str(source), "--jobs", "1"]
    output = source.with_name("reports.jsonl")
    cpu = min(run._run([*command, "--output", str(output)])[1] for _ in range(2))
    return cases / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="batch cases (default 2000)")
    parser.add_argument("--only", nargs="*", help="example names to keep (default: all)")
    options = parser.parse_args()
    if options.only:
        run.EXAMPLES = [p for p in run.EXAMPLES if p.stem in set(options.only)]
    print(f"{len(run.EXAMPLES)} examples")
    print(f"1. a report in one process: {report_cost(run.EXAMPLES) * 1000:.2f} ms of CPU")
    print(f"2. batch, 1 job: {batch_per_cpu(options.cases):,.0f} cases a CPU second")


if __name__ == "__main__":
    main()
