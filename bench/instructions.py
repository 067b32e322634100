"""Instructions one report costs, counted by valgrind: a figure that repeats on a busy machine.

    python bench/instructions.py [TREE ...]     (each TREE a checkout; default: this one)

For each tree, valgrind's callgrind counts a process that diagnoses the examples
of cae2bb8 (27, present in every later commit) as `web.reports.diagnose_json`
does (diagnosis, plan check, next steps, JSON), after one warm-up pass, once with
no pass more and once with five: the difference over the passes and the
examples is one report. Trees older than the layout of issue 20 are read too.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = [
    "account-restricted",
    "alipay-balance",
    "alipay-identity-outdated",
    "alipay-name-format",
    "bank-name-mismatch",
    "bank-passport-outdated",
    "card-name-syntax",
    "foreign-card-issuer-block",
    "foreign-card-limit",
    "identity-address-script",
    "international-card",
    "middle-name-variant",
    "passport-expired",
    "phone-mismatch",
    "renewed-passport",
    "residence-permit-expired",
    "residence-permit-outdated",
    "story-expired-passport-unknowns",
    "story-name-troubles-two-cards",
    "story-renewed-passport-new-phone-new-taobao",
    "story-wechat-after-passport-renewal",
    "story-visitor-foreign-card",
    "taobao-not-linked",
    "taobao-risk-flag",
    "wallet-name-differs-from-bank",
    "wallet-reverification",
    "wechat-identity-outdated",
]
"""The examples of cae2bb8, the commit issue 21's cost is compared with."""
PASSES = 5
_CHILD = """
import sys
from pathlib import Path
root, passes = Path(sys.argv[1]), int(sys.argv[2])
sys.path.insert(0, str(root))
try:
    from engine.facts.loading import parse_facts
    from engine.reasoning.diagnosis import Doctor
except ImportError:  # before issue 20's layout
    from engine.loading import parse_facts
    from engine.diagnosis import Doctor
from knowledge import builtin_knowledge
from web.reports import diagnose_json
doctor = Doctor(builtin_knowledge())
cases = [parse_facts((root / "examples" / f"{name}.json").read_text(encoding="utf-8"))
         for name in sys.argv[3:]]
for _ in range(1 + passes):
    for case in cases:
        diagnose_json(doctor, case)
"""


def instructions(tree: Path, passes: int) -> int:
    """Instructions of the child process diagnosing `1 + passes` passes in `tree`."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         "-c", _CHILD, str(tree), str(passes), *NAMES],
        capture_output=True, text=True, check=True, env={**os.environ, "PAYDOCTOR_CACHE": ""},
    )  # fmt: skip
    return int(re.search(r"Collected : (\d+)", done.stderr)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="*", type=Path, default=[ROOT])
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is needed: apt-get install valgrind")
    for tree in args.trees:
        each = (instructions(tree, PASSES) - instructions(tree, 0)) / PASSES / len(NAMES)
        print(f"{tree}: {each / 1e6:.2f} M instructions a report")


if __name__ == "__main__":
    main()
