"""A mutation run over the fix order and the reasoning: how many changed programs the tests catch.

    pip install -e '.[mutation]'      (mutmut, pinned)
    python bench/mutation.py          (about 3 minutes on 2 cores)
    python bench/mutation.py --keep DIR   (keep mutmut's folder, to `mutmut show` a mutant)

mutmut changes one thing at a time in `MUTATED` (an operator, a constant, a
string, a call's argument) and runs the tests in `TESTS` that reach the changed
function; a change no test notices "survived". The run happens in a copy of the
repository's tracked files, so the working tree is never touched. Prints the score
and each surviving mutant's change; bench/README.md says why each survivor is left.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = "3.8.1"
MUTATED = ("engine/kb/order.py", "engine/reasoning/diagnosis.py", "engine/reasoning/relevance.py")
"""The plan order and the reasoning (findings, checks, the plan, which rules stay open)."""
TESTS = (
    "tests/test_plan.py",
    "tests/test_kb_cache.py",
    "tests/test_relevance.py",
    "tests/test_knowledge_examples.py",
    "tests/test_examples.py",
    "tests/test_rules_in_detail.py",
    "tests/test_plan_check.py",
    "tests/test_kb_check.py",
    "tests/test_json_report.py",
)
"""The tests that state what these modules must do (the whole suite takes minutes a mutant)."""
KILLED = {1, 3, 37}
SURVIVED = {0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="run in this folder and keep it")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    try:
        from importlib.metadata import version

        found = version("mutmut")
    except Exception:
        found = None
    if found != MUTMUT:
        sys.exit(f"mutmut {MUTMUT} is needed (found {found}): pip install -e '.[mutation]'")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="paydoctor-mutation-"))
    try:
        _copy_tracked_files(folder)
        _configure(folder)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs)],
            cwd=folder,
            check=True,
            stdout=subprocess.DEVNULL,
            # No fix order kept on disk: mutmut's mutants share one source file, so a kept
            # order would be one mutant's answer read back for another (engine/kb/cache.py).
            env={**os.environ, "PAYDOCTOR_CACHE": ""},
        )
        elapsed = time.perf_counter() - started
        _report(folder, elapsed)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def _copy_tracked_files(folder: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)


def _configure(folder: Path) -> None:
    def toml_list(items) -> str:
        return "[" + ", ".join(json.dumps(item) for item in items) + "]"

    copied = ["commands/", "knowledge/", "visualise/", "web/", "cli.py", "examples/", "docs/"]
    with (folder / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(
            "\n[tool.mutmut]\n"
            'source_paths = ["engine/"]\n'
            f"only_mutate = {toml_list(MUTATED)}\n"
            f"also_copy = {toml_list(copied)}\n"
            'pytest_add_cli_args = ["-p", "no:cacheprovider"]\n'
            f"pytest_add_cli_args_test_selection = {toml_list(TESTS)}\n"
        )


def _report(folder: Path, elapsed: float) -> None:
    codes: dict[str, int | None] = {}
    for path in MUTATED:
        meta = json.loads((folder / "mutants" / f"{path}.meta").read_text(encoding="utf-8"))
        codes.update(meta["exit_code_by_key"])
    counts = Counter(
        "killed" if c in KILLED else "survived" if c in SURVIVED else f"other ({c})"
        for c in codes.values()
    )
    total = len(codes)
    print(f"mutmut {MUTMUT} over {', '.join(MUTATED)}; tests: {' '.join(TESTS)}")
    print(
        f"{total} mutants in {elapsed:.0f} s: " + ", ".join(f"{n} {k}" for k, n in counts.items())
    )
    print(f"score (killed / all): {counts['killed'] / total:.1%}\n")
    for name, code in sorted(codes.items()):
        if code not in KILLED:
            shown = subprocess.run(
                [sys.executable, "-m", "mutmut", "show", name],
                cwd=folder,
                capture_output=True,
                text=True,
            ).stdout
            changed = [
                line
                for line in shown.splitlines()
                if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))
            ]
            print(f"{name}:")
            print("\n".join(f"    {line.strip()}" for line in changed))


if __name__ == "__main__":
    main()
