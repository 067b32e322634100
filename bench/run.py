"""Measure every path of paydoctor against its floor, on the machine at hand.

    python bench/run.py [--quick]
    python bench/run.py --soak     (memory over 1,000,000 diagnoses only, about 15 minutes)

1. one `python cli.py FACTS.json` run (with and without the diagram, when the
   CLI draws one) against the import floor, as a ratio measured in this run;
2. batch throughput (diagnoses a second) with 1 and with 2 jobs;
3. the engine's cost per diagnosis against the raw cost of asserting the same
   facts into durable-rules with no-op actions;
4. peak memory over 100,000 diagnoses in one process;
5. the cost of a diagnosis in synthetic knowledge bases of 10, 100 and 1,000
   rules, beside what durable-rules itself costs per session there.

Prints the figures and the targets; record them in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.authoring.rules import (  # noqa: E402
    Case,
    Cause,
    FixStep,
    encode,
    fact,
    standard_layers,
    unknown,
    when,
)
from engine.facts.loading import parse_facts  # noqa: E402
from engine.facts.model import Facts, standard_model  # noqa: E402
from engine.facts.normalise import phone_number  # noqa: E402
from engine.kb.base import KnowledgeBase  # noqa: E402
from engine.reasoning.diagnosis import Doctor  # noqa: E402
from engine.reasoning.session import _durable_fact, _get_host  # noqa: E402
from knowledge import builtin_knowledge  # noqa: E402
from knowledge._where import Where  # noqa: E402
from visualise.json_report import report_data  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
STORY = ROOT / "examples" / "story-renewed-passport-new-phone-new-taobao.json"
FLOOR = "import pydantic, networkx, graphviz, durable.lang"
STACK_FLOOR = (
    "import networkx, graphviz, durable.lang, phonenumbers\n"
    "from pydantic import BaseModel\n"
    "class Phone(BaseModel):\n"
    "    number: str | None = None\n"
    'Phone.model_validate_json(\'{"number": "+8613800138000"}\')\n'
    "phonenumbers.parse('+8613800138000')\n"
)
"""The least program that uses the libraries as a diagnosis of STORY must: `import pydantic`
is lazy, so the import floor leaves out the pydantic model machinery, and phonenumbers (STORY
holds phone numbers). STACK_FLOOR_TEXT adds the terminal library of the text report."""
STACK_FLOOR_TEXT = STACK_FLOOR + "import rich.console\nrich.console.Console().print('x')\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument(
        "--soak", action="store_true", help="only peak memory, over 1,000,000 diagnoses"
    )
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        _memory_child(args.memory_child)
        return
    if args.soak:
        peak_memory(diagnoses=1_000_000)
        return
    quick = args.quick
    _compile_bytecode()
    print(f"paydoctor bench, {time.strftime('%Y-%m-%d %H:%M')}, {_machine()}")
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average at start (other work on this machine too): {load}\n")
    single_run(repeats=3 if quick else 11)
    single_run_instructions()
    batch_throughput(cases=1000 if quick else 10_000)
    engine_against_raw(repeats=200 if quick else 2000)
    peak_memory(diagnoses=10_000 if quick else 100_000)
    knowledge_base_scaling(repeats=100 if quick else 1000)


def _compile_bytecode() -> None:
    """Write paydoctor's .pyc files, as its first run does on a user's machine.

    Without them every run compiles the modules it imports (tens of ms): that is
    what a run costs where PYTHONDONTWRITEBYTECODE is set, not what it costs a user.
    """
    import compileall

    for folder in ("commands", "engine", "knowledge", "visualise"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    compileall.compile_file(ROOT / "cli.py", quiet=1)


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import durable

    durable_version = getattr(durable, "__version__", "2.0.28")
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" {platform.system()} {platform.release()}, durable-rules {durable_version}"
    )


def _run(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one child process.

    CPU time is what the targets are judged on: on a shared virtual machine the
    wall clock also counts time the hypervisor gave to others (steal) and varies
    by tens of percent from run to run; CPU time does not.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _medians(commands: dict[str, list[str]], repeats: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command, run in turns so drift touches all alike."""
    for command in commands.values():
        _run(command)  # warm the file cache
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for _ in range(repeats):
        for label, command in commands.items():
            runs[label].append(_run(command))
    return {
        label: (statistics.median(w for w, _ in times), statistics.median(c for _, c in times))
        for label, times in runs.items()
    }


def single_run(repeats: int) -> None:
    """1. A single diagnosis from the shell against the import floor (and the stack floor)."""
    story = Path(tempfile.mkdtemp()) / STORY.name  # a diagram is written beside the facts
    story.write_bytes(STORY.read_bytes())
    cli = [sys.executable, "cli.py", str(story)]
    variants = {
        "text report + diagram": (cli, "stack+rich"),
        "text report, --no-diagram": ([*cli, "--no-diagram"], "stack+rich"),
        "JSON report, --no-diagram": ([*cli, "--format", "json", "--no-diagram"], "stack"),
    }
    times = _medians(
        {
            "floor": [sys.executable, "-c", FLOOR],
            "stack": [sys.executable, "-c", STACK_FLOOR],
            "stack+rich": [sys.executable, "-c", STACK_FLOOR_TEXT],
            **{label: command for label, (command, _) in variants.items()},
        },
        repeats,
    )
    floor_wall, floor_cpu = times["floor"]
    print(f"1. single run (median of {repeats} runs in turns; target <= 1.5 x the import floor)")
    print(
        f"   import floor ({FLOOR}): {floor_wall * 1000:.0f} ms wall, {floor_cpu * 1000:.0f} ms CPU"
    )
    print(
        f"   stack floor (pydantic model, phonenumbers; see STACK_FLOOR):"
        f" {times['stack'][0] * 1000:.0f} ms wall = {times['stack'][0] / floor_wall:.2f} x the"
        f" import floor; with rich {times['stack+rich'][0] * 1000:.0f} ms ="
        f" {times['stack+rich'][0] / floor_wall:.2f} x"
    )
    for label, (_, stack) in variants.items():
        wall, cpu = times[label]
        print(
            f"   {label}: {wall * 1000:.0f} ms wall = {wall / floor_wall:.2f} x the floor"
            f" ({wall / times[stack][0]:.2f} x the stack floor); CPU {cpu * 1000:.0f} ms ="
            f" {cpu / floor_cpu:.2f} x"
        )
    print()


def single_run_instructions() -> None:
    """1b. The same ratios in instructions executed: the same on every run of a machine.

    Wall and CPU time on a shared virtual machine vary by tens of percent between
    runs; valgrind's instruction count does not. It counts paydoctor's process, not
    the `dot` program that draws the diagram alongside it.
    """
    if not shutil.which("valgrind"):
        print("1b. instructions: valgrind is not installed (apt-get install valgrind)\n")
        return
    floor = _instructions([sys.executable, "-c", FLOOR])
    stack = _instructions([sys.executable, "-c", STACK_FLOOR])
    stack_text = _instructions([sys.executable, "-c", STACK_FLOOR_TEXT])
    story = Path(tempfile.mkdtemp()) / STORY.name
    story.write_bytes(STORY.read_bytes())
    cli = [sys.executable, "cli.py", str(story)]
    print("1b. single run in instructions executed (valgrind; target <= 1.5 x the import floor)")
    print(f"   import floor: {floor / 1e6:,.0f} M instructions")
    print(
        f"   stack floor: {stack / 1e6:,.0f} M = {stack / floor:.2f} x;"
        f" with rich {stack_text / 1e6:,.0f} M = {stack_text / floor:.2f} x"
    )
    variants = (
        ("text report + diagram (dot not counted)", cli, stack_text),
        ("text report", [*cli, "--no-diagram"], stack_text),
        ("JSON report", [*cli, "--no-diagram", "--format", "json"], stack),
    )
    for label, command, stack_floor in variants:
        count = _instructions(command)
        print(
            f"   {label}: {count / 1e6:,.0f} M = {count / floor:.2f} x the floor"
            f" ({count / stack_floor:.2f} x the stack floor)"
        )
    print()


def _instructions(command: list[str]) -> int:
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    refs = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    return int(refs.group(1).replace(",", ""))


def _cases_file(cases: int) -> Path:
    """A .jsonl of every example, repeated, with as_of and phone numbers varied so cases differ.

    Each case gets phone numbers of its own (the same number stays the same within a
    case), as a help desk's cases would: a number parsed once is cached, and examples
    repeated as they are would time that cache, not parsing.
    """
    texts = [path.read_text(encoding="utf-8") for path in EXAMPLES]
    path = Path(tempfile.mkdtemp()) / "cases.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(cases):
            facts = json.loads(texts[number % len(texts)])
            facts.pop("$schema", None)
            facts["as_of"] = f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}"
            _own_phone_numbers(facts, number)
            out.write(json.dumps(facts, ensure_ascii=False) + "\n")
    return path


def _own_phone_numbers(facts: dict, number: int) -> None:
    """Shift the last four digits of every phone number by `number`: equal stay equal."""
    holders = [facts.get("phone"), facts.get("alipay"), *facts.get("bank_cards", [])]
    for holder in holders:
        for key in ("number", "phone", "phone_on_file"):
            if isinstance(holder, dict) and isinstance(holder.get(key), str):
                e164 = phone_number(holder[key])
                holder[key] = f"{e164[:-4]}{(int(e164[-4:]) + number) % 10_000:04d}"


def batch_throughput(cases: int) -> None:
    """2. `paydoctor batch` with 1 and 2 jobs: end to end, and once started.

    A batch's time is its start-up (imports, building the Doctor, forking the
    workers; serial, whatever the jobs) plus its cases. The rate once started is
    measured as the difference between a batch of `cases` and one of a fifth as
    many: (cases - small) / (time - small's time). Each batch is timed twice, the
    faster kept (other work on the machine only ever adds time).
    """
    small = cases // 5
    sources = {size: _cases_file(size) for size in (small, cases)}
    print(f"2. batch throughput ({cases:,} cases; target >= 1,000 a second per core,")
    print("   2 jobs >= 1.7 x 1 job)")
    rates = {}
    for jobs in (1, 2):
        walls, cpus = {}, {}
        for size, source in sources.items():
            command = [sys.executable, "cli.py", "batch", str(source), "--jobs", str(jobs)]
            output = source.with_name("reports.jsonl")
            runs = [_run([*command, "--output", str(output)]) for _ in range(2)]
            walls[size], cpus[size] = min(runs)
        started = (cases - small) / (walls[cases] - walls[small])
        rates[jobs] = (cases / walls[cases], started)
        label = f"{jobs} job{'s' if jobs > 1 else ''}"
        per_cpu = f"; {cases / cpus[cases]:,.0f} per CPU second" if jobs == 1 else ""
        print(
            f"   {label}: {cases / walls[cases]:,.0f} a second start-up included{per_cpu};"
            f" {started:,.0f} a second once started"
        )
    whole, once_started = (rates[2][i] / rates[1][i] for i in (0, 1))
    print(
        f"   2 jobs / 1 job: {whole:.2f} x start-up included, {once_started:.2f} x once started\n"
    )


def _best_per_call(function, repeats: int) -> float:
    """Seconds per call: the best of 5 rounds (other load only ever adds time)."""
    rounds = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(repeats):
            function()
        rounds.append((time.perf_counter() - started) / repeats)
    return min(rounds)


class RawDurable:
    """The same conditions as the engine's ruleset, with no-op actions: durable-rules' floor."""

    def __init__(self, doctor: Doctor, name: str):
        definition = {
            rule_id: {"all": rule["all"], "run": _no_op}
            for rule_id, rule in doctor.engine._definition.items()
        }
        self.name = name
        self.host = _get_host()
        self.host.register_rulesets({name: definition})
        self.sid = 0

    def facts_of(self, doctor: Doctor, facts: Facts) -> list[dict]:
        """The facts the engine asserts for this case (observations some rule accepts, end)."""
        observed = doctor.observer.observe(Case(facts, facts.as_of))
        accepted = [o for o in observed if doctor.engine.accepts(o.name, o.value)]
        return [_durable_fact("", number, o) for number, o in enumerate(accepted)] + [
            {"sid": "", "id": "end", "t": "end"}
        ]

    def session(self, facts: list[dict]) -> None:
        """A fresh session, as the engine opens one per diagnosis."""
        self.sid += 1
        sid = f"raw{self.sid}"
        self.host.assert_facts(self.name, [{**f, "sid": sid} for f in facts])
        self.host.delete_state(self.name, sid)

    def reused_session(self, facts: list[dict]) -> None:
        """One long-lived session: assert, then retract (what a flat cost would need)."""
        with_sid = [{**f, "sid": "reused"} for f in facts]
        self.host.assert_facts(self.name, with_sid)
        self.host.retract_facts(self.name, with_sid)


def _no_op(closure) -> None:
    """The action of every raw rule."""


def engine_against_raw(repeats: int) -> None:
    """3. A diagnosis against asserting the same facts into durable-rules, no-op actions."""
    doctor = Doctor(builtin_knowledge())
    raw = RawDurable(doctor, "bench_raw")
    cases = [parse_facts(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    asserted = [raw.facts_of(doctor, facts) for facts in cases]
    per_case = max(1, repeats // len(cases))

    def diagnose_all() -> None:
        for facts in cases:
            doctor.diagnose(facts)

    def raw_all() -> None:
        for facts in asserted:
            raw.session(facts)

    def report_all() -> None:
        for facts in cases:
            json.dumps(report_data(doctor.diagnose(facts)), ensure_ascii=False)

    diagnosis = _best_per_call(diagnose_all, per_case) / len(cases)
    floor = _best_per_call(raw_all, per_case) / len(cases)
    with_report = _best_per_call(report_all, per_case) / len(cases)
    facts_count = statistics.mean(len(a) for a in asserted)
    print(f"3. engine against raw durable-rules ({len(cases)} example cases, {facts_count:.0f}")
    print("   facts asserted on average; target: engine <= 3 x raw)")
    print(f"   raw durable-rules, same facts, no-op actions: {floor * 1e6:.0f} us a case")
    print(f"   Doctor.diagnose: {diagnosis * 1e6:.0f} us a case = {diagnosis / floor:.2f} x raw")
    print(f"   diagnose + report-v1 JSON: {with_report * 1e6:.0f} us a case\n")


def peak_memory(diagnoses: int) -> None:
    """4. Peak memory of one process diagnosing `diagnoses` cases (report JSON included)."""
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(diagnoses)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"4. peak memory over {diagnoses:,} diagnoses in one process (target < 150 MB)")
    print(result.stdout)


def _memory_child(diagnoses: int) -> None:
    doctor = Doctor(builtin_knowledge())
    cases = [parse_facts(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    checkpoints = {1_000, diagnoses // 10, diagnoses // 2, diagnoses}
    started = time.perf_counter()
    for number in range(1, diagnoses + 1):
        json.dumps(report_data(doctor.diagnose(cases[number % len(cases)])), ensure_ascii=False)
        if number in checkpoints:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"   after {number:>7,} diagnoses: peak {peak:.0f} MB")
    elapsed = time.perf_counter() - started
    print(f"   ({elapsed:.0f} s, {diagnoses / elapsed:,.0f} diagnoses a second in one process)\n")


def synthetic_knowledge(rules: int, facts: Facts) -> KnowledgeBase:
    """`rules` causes, one rule each, over every case-level fact path of the format.

    Each rule tests one fact for a value and that another fact is not known, as
    real rules do; the first few test the story's own values, so a diagnosis
    fires the same five rules whatever the size of the knowledge base.
    """
    paths = [
        path
        for path in standard_model().paths
        if "." in path and not path.startswith("bank_cards") and path != "as_of"
    ]
    case = Case(facts, facts.as_of)
    causes = []
    layers = standard_layers()
    for number in range(rules):
        path = paths[number % len(paths)]
        actual = encode(case.get(path))
        value = actual if number < 5 and actual != "unknown" else f"v{number}"
        causes.append(
            Cause(
                id=f"synthetic-{number}",
                layer=layers[number % len(layers)].key,
                title=f"synthetic cause {number}",
                explanation="",
                source="",
                fixes=(FixStep("nowhere", "nothing", place=Where.APP),),
                confirmed=(when(fact(path, value), unknown(paths[(number + 7) % len(paths)])),),
            )
        )
    return KnowledgeBase(tuple(causes), (), (), (), {})


def knowledge_base_scaling(repeats: int) -> None:
    """5. Cost of a diagnosis by size of knowledge base, and durable-rules' part in it."""
    facts = parse_facts(STORY.read_text(encoding="utf-8"))
    print("5. cost of one diagnosis by knowledge base size (target: grows less than")
    print("   linearly, or durable-rules' reason shown)")
    print("   rules  load s   diagnosis us  raw fresh session us  raw reused session us")
    for size in (10, 100, 1000):
        started = time.perf_counter()
        doctor = Doctor(synthetic_knowledge(size, facts))
        load = time.perf_counter() - started
        raw = RawDurable(doctor, f"bench_raw_{size}")
        asserted = raw.facts_of(doctor, facts)
        diagnosis = _best_per_call(lambda d=doctor: d.diagnose(facts), repeats)
        fresh = _best_per_call(lambda r=raw, a=asserted: r.session(a), repeats)
        reused = _best_per_call(lambda r=raw, a=asserted: r.reused_session(a), repeats)
        print(
            f"   {size:>5}  {load:6.3f}  {diagnosis * 1e6:12.0f}  {fresh * 1e6:20.0f}"
            f"  {reused * 1e6:21.0f}"
        )
    print(
        "   durable-rules zeroes 8 KiB of join state per rule condition for every new session"
        "\n   (betaStateNode: two 512-entry frame indexes), so a fresh session per diagnosis"
        "\n   costs in proportion to the rules; a reused session does not.\n"
    )


if __name__ == "__main__":
    main()
