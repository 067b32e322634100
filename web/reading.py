"""The report as a traveller reads it on the page: titles where the JSON report has ids.

The page shows report-v2 (the API's and the CLI's data, whose evidence and
questions are already plain words in the reader's language) with two additions
for a person holding a phone: each cause's evidence as sentences (`plain`) with
the facts they rest on kept for a help desk (`desk`, by path), and the causes
left after the plan named by their titles, those still only suspected (they
rest on the checks) apart from those the plan leaves open.
"""

from __future__ import annotations

from typing import Any


def for_reader(report: dict[str, Any]) -> dict[str, Any]:
    """`report` (report-v2 data) with plain evidence and open causes by title."""
    page = dict(report)
    page["causes"] = [_cause(cause) for cause in report["causes"]]
    if report.get("plan_check"):
        remaining = report["plan_check"]["remaining"]
        by_status = {
            status: [c["title"] for c in remaining if c["status"] == status]
            for status in ("confirmed", "suspected")
        }
        page["plan_check"] = {**report["plan_check"], **by_status}
    return page


def _cause(cause: dict[str, Any]) -> dict[str, Any]:
    """The cause with `plain` (its evidence, each sentence once) and `desk` (the facts it
    rests on, by path, for whoever helps the traveller)."""
    plain = list(dict.fromkeys(item["text"] for item in cause["evidence"]))
    desk = list(dict.fromkeys(fact for item in cause["evidence"] for fact in item["facts"]))
    return {**cause, "plain": plain, "desk": desk}
