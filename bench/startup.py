"""A single diagnosis without a diagram against the stack floor, side by side (issue 20, item 8).

    python bench/startup.py [--repeats 15]

Runs `python -c STACK_FLOOR` and `python cli.py STORY --format json --no-diagram`
in turns (so drift on a shared machine touches both alike) and prints the medians
of wall-clock and CPU time, their ratio, and, where valgrind is installed, the
instructions each executes (the same on every run). Target: at most 1.3 x.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import run

TARGET = 1.3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    run._compile_bytecode()
    story = Path(tempfile.mkdtemp()) / run.STORY.name
    story.write_bytes(run.STORY.read_bytes())
    commands = {
        "stack floor": [sys.executable, "-c", run.STACK_FLOOR],
        "JSON report, --no-diagram": [
            sys.executable,
            "cli.py",
            str(story),
            "--format",
            "json",
            "--no-diagram",
        ],
    }
    times = run._medians(commands, args.repeats)
    (floor_wall, floor_cpu), (wall, cpu) = times.values()
    print(f"median of {args.repeats} runs in turns, {run._machine()}")
    print(f"   stack floor: {floor_wall * 1000:.0f} ms wall, {floor_cpu * 1000:.0f} ms CPU")
    print(
        f"   JSON report, --no-diagram: {wall * 1000:.0f} ms wall = {wall / floor_wall:.2f} x,"
        f" {cpu * 1000:.0f} ms CPU = {cpu / floor_cpu:.2f} x (target <= {TARGET} x)"
    )
    if shutil.which("valgrind"):
        floor_count, count = (run._instructions(command) for command in commands.values())
        print(
            f"   instructions (valgrind): stack floor {floor_count / 1e6:,.0f} M,"
            f" JSON report {count / 1e6:,.0f} M = {count / floor_count:.2f} x"
        )


if __name__ == "__main__":
    main()
