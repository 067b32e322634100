"""A mutation run over the fix order, the reasoning and the interview's weights: what tests catch.

    pip install -e '.[mutation]'      (mutmut, pinned)
    python bench/mutation.py          (20 to 40 minutes on 2 cores; --only MODULE for one)
    python bench/mutation.py --keep DIR   (keep mutmut's folder, to `mutmut show` a mutant)
    python bench/mutation.py --again DIR  (the survivors kept in DIR against today's tests)

mutmut changes one thing at a time in `MUTATED` (an operator, a constant, a
string, a call's argument) and runs the tests in `TESTS` that reach the changed
function; a change no test notices "survived". The run happens in a copy of the
repository's tracked files, so the working tree is never touched. Prints the score
and each surviving mutant's change; bench/README.md says why each survivor is left.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = "3.8.1"
MUTATED = (
    "engine/kb/order.py",
    "engine/reasoning/diagnosis.py",
    "engine/reasoning/relevance.py",
    "engine/consultation/interview.py",
)
"""The plan order, the reasoning (findings, checks, the plan, which rules stay open) and the
interview's weights (which question is worth asking, in which order, and when to stop)."""
ONLY = {
    "engine/consultation/interview.py": (
        # what a question is worth, and which comes next (wider where nothing is left)
        "Interviewer._questions",
        "Interviewer._questions_at",
        "Interviewer._worth",
        "Interviewer._answers_needed",
        "Interviewer._could_fail",
        "Interviewer._easier",
        "Interviewer._preferred",
        "Interviewer._on_the_failure",
        "Interviewer._is_symptom",
        "Interviewer._ease",
        "_nearer",
        # patience counts answers
        "Interviewer.asked",
        # triage: what is pursued and asked where it fails
        "Interviewer._pursued",
        "Interviewer._about_here",
        "Interviewer._askable",
        "Interviewer._askable_here",
        "Interviewer._not_asked_here",
        "_starts",
        "Interviewer._assumptions",
        "Interviewer._outlook",
        # a list to tick in place of its first line worth asking
        "Interviewer._tick_lists",
    ),
}
"""Of these modules, only these functions are mutated: the interview's weights and choices,
not how an answer is read and written (tests/test_consult.py's own business, and 400 more
mutants)."""
CONSTANTS = {
    "engine/consultation/interview.py": {
        "MIN_WORTH": ("0.25", "0.75"),
        "PATIENCE": ("7", "9"),
        "BACKGROUND": ("0.125", "0.5"),
        "SUPPORTED": ("0.25", "1.0"),
        "UNPOINTED": ("0.25", "1.0"),
        "LOOKED_UP": ("0.25", "1.0"),
        "PREFERRED": (
            '("yes_no", "date", "choice", "count", "number", "whole_number", "choices", "text")',
        ),
        "EASY": ('("yes_no",)',),
        "NOT_ASKED": ("frozenset()",),
    },
}
"""The weights themselves: mutmut changes only what is inside a function, so each module constant
is set to each of these values in turn (halved and doubled, one answer either side, an order
changed) and the tests that reach its module are run."""
REASONING_TESTS = (
    "tests/test_plan.py",
    "tests/test_kb_cache.py",
    "tests/test_relevance.py",
    "tests/test_knowledge_examples.py",
    "tests/test_examples.py",
    "tests/test_rules_in_detail.py",
    "tests/test_plan_check.py",
    "tests/test_kb_check.py",
    "tests/test_json_report.py",
    "tests/test_text_report.py",
    "tests/test_call_abroad.py",
)
INTERVIEW_TESTS = (
    "tests/test_interview_weights.py",
    "tests/test_consult.py",
    "tests/test_consult_listens.py",
    "tests/test_visitors.py",
    "tests/test_bank.py",
    "tests/test_facts_v2.py",
    "tests/test_partial_dates.py",
)
"""The tests that state what the interview must do (the web's are slower and ask the same)."""
TESTS = (*REASONING_TESTS, *INTERVIEW_TESTS)
"""The tests that state what these modules must do (the whole suite takes minutes a mutant)."""
KILLED = {1, 3, 37}
SURVIVED = {0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="run in this folder and keep it")
    parser.add_argument(
        "--again",
        type=Path,
        metavar="DIR",
        help="in a folder a run kept (--keep): the tests copied in again, each survivor run",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--only",
        action="append",
        choices=MUTATED,
        help="mutate only this module (again for more); default: all of MUTATED",
    )
    args = parser.parse_args()
    try:
        from importlib.metadata import version

        found = version("mutmut")
    except Exception:
        found = None
    if found != MUTMUT:
        sys.exit(f"mutmut {MUTMUT} is needed (found {found}): pip install -e '.[mutation]'")
    modules = tuple(args.only or MUTATED)
    patterns = [pattern for path in modules for pattern in _patterns(path)]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="paydoctor-mutation-"))
    # No fix order kept on disk: mutmut's mutants share one source file, so a kept order would
    # be one mutant's answer read back for another (engine/kb/cache.py).
    env = {**os.environ, "PAYDOCTOR_CACHE": ""}
    if args.again is not None:
        _again(args.again, modules, env)
        return
    try:
        _copy_tracked_files(folder)
        _configure(folder, modules)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs), *patterns],
            cwd=folder,
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        elapsed = time.perf_counter() - started
        _report(folder, modules, patterns, elapsed)
        _constants(folder, modules, env)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def _patterns(path: str) -> list[str]:
    """mutmut's names of the mutants of `path` to run: every function's, or those in `ONLY`."""
    module = path.removesuffix(".py").replace("/", ".")
    if path not in ONLY:
        return [f"{module}.*"]
    names = []
    for function in ONLY[path]:
        owner, _, name = function.rpartition(".")
        names.append(f"{module}.x{f'ǁ{owner}ǁ' if owner else '_'}{name}__mutmut_*")
    return names


def _copy_tracked_files(folder: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)


def _configure(folder: Path, modules: tuple[str, ...]) -> None:
    def toml_list(items) -> str:
        return "[" + ", ".join(json.dumps(item) for item in items) + "]"

    copied = ["commands/", "knowledge/", "visualise/", "web/", "cli.py", "examples/", "docs/"]
    with (folder / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(
            "\n[tool.mutmut]\n"
            'source_paths = ["engine/"]\n'
            f"only_mutate = {toml_list(modules)}\n"
            f"also_copy = {toml_list(copied)}\n"
            'pytest_add_cli_args = ["-p", "no:cacheprovider"]\n'
            f"pytest_add_cli_args_test_selection = {toml_list(TESTS)}\n"
        )


def _report(folder: Path, modules: tuple[str, ...], patterns: list[str], elapsed: float) -> None:
    codes: dict[str, int | None] = {}
    for path in modules:
        meta = json.loads((folder / "mutants" / f"{path}.meta").read_text(encoding="utf-8"))
        codes.update(
            (name, code)
            for name, code in meta["exit_code_by_key"].items()
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)
        )
    counts = Counter(
        "killed" if c in KILLED else "survived" if c in SURVIVED else f"other ({c})"
        for c in codes.values()
    )
    total = len(codes)
    print(f"mutmut {MUTMUT} over {', '.join(modules)}; tests: {' '.join(TESTS)}")
    for path in modules:
        if path in ONLY:
            print(f"  of {path}, only: {', '.join(ONLY[path])}")
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


def _again(folder: Path, modules: tuple[str, ...], env: dict[str, str]) -> None:
    """Each mutant that survived the run kept in `folder`, switched on in mutmut's copy
    (`MUTANT_UNDER_TEST`) with the working tree's tests copied in: which tests added since kill
    it, without running every mutant again (a weight in `CONSTANTS` is not run again)."""
    mutants = folder / "mutants"
    shutil.copytree(ROOT / "tests", mutants / "tests", dirs_exist_ok=True)
    survivors = sorted(
        name
        for path in modules
        if (meta := mutants / f"{path}.meta").exists()
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items()
        if code in SURVIVED
    )
    started = time.perf_counter()
    clean = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
        cwd=mutants,
        env={**env, "MUTANT_UNDER_TEST": ""},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if clean.returncode != 0:
        sys.exit(f"{folder}: today's tests fail with no mutant on: the run kept there is older")
    killed = 0
    for name in survivors:
        ran = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
            cwd=mutants,
            env={**env, "MUTANT_UNDER_TEST": name},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if ran.returncode not in KILLED | SURVIVED:
            sys.exit(f"{name}: pytest ended with {ran.returncode}")
        killed += ran.returncode in KILLED
        print(f"{'killed' if ran.returncode in KILLED else 'survived'}: {name}")
    print(
        f"{len(survivors)} survivors run again in {time.perf_counter() - started:.0f} s: "
        f"{killed} killed, {len(survivors) - killed} survived"
    )


def _constants(folder: Path, modules: tuple[str, ...], env: dict[str, str]) -> None:
    """Each weight in `CONSTANTS` set to each of its other values, and the interview's tests run
    on the copy: a run that passes is a surviving mutant."""
    started = time.perf_counter()
    results: list[tuple[str, str, bool]] = []
    for path in (p for p in modules if p in CONSTANTS):
        source = folder / path
        original = source.read_text(encoding="utf-8")
        try:
            for name, values in CONSTANTS[path].items():
                line = re.compile(rf"^{name} = .*$", re.MULTILINE)
                if len(line.findall(original)) != 1:
                    sys.exit(f"{path}: no single line sets {name}")
                for value in values:
                    source.write_text(line.sub(f"{name} = {value}", original), encoding="utf-8")
                    ran = subprocess.run(
                        [
                            sys.executable,
                            "-m",
                            "pytest",
                            "-x",
                            "-q",
                            "-p",
                            "no:cacheprovider",
                            *INTERVIEW_TESTS,
                        ],
                        cwd=folder,
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    if ran.returncode not in KILLED | SURVIVED:
                        sys.exit(f"{path}: {name} = {value}: pytest ended with {ran.returncode}")
                    results.append((name, value, ran.returncode in KILLED))
        finally:
            source.write_text(original, encoding="utf-8")
    if not results:
        return
    killed = sum(1 for *_, caught in results if caught)
    print(
        f"\nweights (module constants): {len(results)} mutants in "
        f"{time.perf_counter() - started:.0f} s: {killed} killed, {len(results) - killed} survived"
    )
    for name, value, caught in results:
        if not caught:
            print(f"    {name} = {value}")


if __name__ == "__main__":
    main()
