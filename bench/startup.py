"""A single diagnosis without a diagram against the stack floor, side by side (issue 20, item 8).

    python bench/startup.py [--repeats 15] [--against COMMIT]

Runs `python -c STACK_FLOOR` and `python cli.py STORY --format json --no-diagram`
in turns (so drift on a shared machine touches both alike), and the text report
against the stack floor with rich (the text report's terminal library), and
prints the medians of wall-clock and CPU time, their ratio, and, where valgrind
is installed, the instructions each executes (the same on every run). Target:
at most 1.3 x. `--against COMMIT` runs that commit's cli.py (from `git archive`)
in the same turns, for a figure side by side.

The fix order is kept on disk once computed (engine/kb/cache.py): the runs share
a cache folder of their own, filled by the first (warm-up) run, as a user's
first run fills theirs; the instructions of a run with an empty cache (the
first after the knowledge changed) are printed too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import run

TARGET = 1.3
CACHE = "PAYDOCTOR_CACHE"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--against", metavar="COMMIT", help="also run this commit's cli.py")
    args = parser.parse_args()
    run._compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="paydoctor-startup-"))
    os.environ[CACHE] = str(work / "cache")
    story = work / run.STORY.name
    story.write_bytes(run.STORY.read_bytes())
    report = [str(story), "--format", "json", "--no-diagram"]
    commands = {
        "stack floor": [sys.executable, "-c", run.STACK_FLOOR],
        "JSON report, --no-diagram": [sys.executable, "cli.py", *report],
        "stack floor with rich": [sys.executable, "-c", run.STACK_FLOOR_TEXT],
        "text report, --no-diagram": [sys.executable, "cli.py", str(story), "--no-diagram"],
    }
    floors = {
        "JSON report, --no-diagram": "stack floor",
        "text report, --no-diagram": "stack floor with rich",
    }
    if args.against:
        other = _checkout(args.against, work / "against")
        label = f"JSON report at {args.against}"
        commands[label] = [sys.executable, str(other / "cli.py"), *report]
        floors[label] = "stack floor"
    times = run._medians(commands, args.repeats)
    print(f"median of {args.repeats} runs in turns, {run._machine()}")
    for label, (wall, cpu) in times.items():
        if label not in floors:
            print(f"   {label}: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU")
            continue
        floor_wall, floor_cpu = times[floors[label]]
        print(
            f"   {label}: {wall * 1000:.0f} ms wall = {wall / floor_wall:.2f} x,"
            f" {cpu * 1000:.0f} ms CPU = {cpu / floor_cpu:.2f} x its floor"
            f" (target <= {TARGET} x)"
        )
    if shutil.which("valgrind"):
        counts = {label: run._instructions(command) for label, command in commands.items()}
        print("   instructions (valgrind):")
        for label, count in counts.items():
            floor = f" = {count / counts[floors[label]]:.2f} x" if label in floors else ""
            print(f"      {label}: {count / 1e6:,.0f} M{floor}")
        os.environ[CACHE] = str(work / "empty")  # a new folder: nothing kept yet
        cold = run._instructions(commands["JSON report, --no-diagram"])
        print(
            f"      JSON report, nothing kept yet (first run): {cold / 1e6:,.0f} M ="
            f" {cold / counts['stack floor']:.2f} x"
        )
    shutil.rmtree(work, ignore_errors=True)


def _checkout(commit: str, folder: Path) -> Path:
    """The commit's files in `folder` (run with this interpreter: the same libraries)."""
    folder.mkdir()
    archive = subprocess.run(
        ["git", "archive", commit], cwd=run.ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    packages = [
        name
        for name in ("commands", "engine", "knowledge", "visualise")
        if (folder / name).is_dir()
    ]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *packages, "cli.py"], cwd=folder, check=True
    )
    return folder


if __name__ == "__main__":
    main()
