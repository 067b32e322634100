"""Simulated travellers answer the interview one question at a time: how many questions, and
whether it ends where the same answers given all at once end.

    python bench/interview.py [--verbose]

Each traveller is made from a story in examples/ or a unit's example: what a
traveller knows of it. They know their symptoms, their documents and what the
apps show; their dates roughly (a month: "2026-09"); not their bank's records
(a fact the knowledge marks `kept_by="bank"`). They type as people do: "yes",
"2026-09", a choice by its label ("It is refused: verification fails"), "I
don't have one" where that is the answer, and "don't know" for anything else.

For each traveller: the questions asked before the interview says done, and
whether the diagnosis of their answers (causes and statuses) equals the
diagnosis of everything they know given at once. Also the size of a
questionnaire of every fact they could be asked. Prints the figures and the
targets; record them in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.consultation.answers import kind_of  # noqa: E402
from engine.consultation.interview import Interviewer  # noqa: E402
from engine.facts.asking import APP, BANK  # noqa: E402
from engine.facts.dates import PartialDate  # noqa: E402
from engine.facts.edits import FactData, facts_data, get_fact, with_fact, without_empty  # noqa: E402
from engine.facts.loading import validate_facts  # noqa: E402
from engine.facts.model import flatten, standard_model, template  # noqa: E402
from engine.reasoning.diagnosis import Doctor  # noqa: E402
from knowledge import builtin_knowledge  # noqa: E402

MEDIAN_TARGET, MOST_TARGET = 8, 14
VISITOR_MEDIAN_TARGET, VISITOR_MOST_TARGET = 6, 12
VISITOR_PLACES = ("foreign_card", "wallet_setup", "foreign_card_link")
"""Where a visitor's payment fails (facts-v3): paying with, or adding, a card from home, or
signing up; a traveller whose story fails there is counted as a visitor."""
MOST_VISITORS = 40
CNY_PER_USD = 7.1
AS_OF = "2026-11-27"
LIMIT = 60
"""Questions after which a run is stopped and counted as a failure (the interview must end)."""


@dataclass(frozen=True)
class Traveller:
    name: str
    knows: FactData
    """What they know, as facts (with `as_of`, the day of the consultation)."""
    never: str = ""
    """The word they type where a question offers "never" or "none" and it is true ("never",
    "没有"); empty: "I don't have one"."""
    says_yes: bool = True
    """Whether they answer "yes" to when something happened that they know happened and not
    when (False: "don't know", as the issue's traveller did)."""


@dataclass(frozen=True)
class Run:
    traveller: Traveller
    asked: list[str]
    same: bool
    interview: tuple[tuple[str, str], ...]
    at_once: tuple[tuple[str, str], ...]
    every_fact: int


def travellers(doctor: Doctor) -> list[Traveller]:
    """One traveller per story in examples/ and per example of a cause or workaround."""
    kb = doctor.kb
    stories = [
        (path.stem, _with_where(json.loads(path.read_text(encoding="utf-8")), ""))
        for path in sorted((ROOT / "examples").glob("*.json"))
    ]
    units = [
        (f"{unit.key}: {example.note}", _with_where(example.facts, unit.layer))
        for unit in kb.causes
        for example in unit.examples
    ]
    seen: set[str] = set()
    out = []
    for name, facts in stories + units:
        knows = what_a_traveller_knows(doctor, facts)
        key = json.dumps(knows, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(Traveller(name, knows))
    return out


WHERE = {"alipay": "alipay", "wechat_pay": "wechat_pay", "taobao": "taobao"}


def _with_where(facts: dict[str, Any], layer: str) -> dict[str, Any]:
    """A story or a unit's example as a traveller lives it: they know where the payment fails.
    One that does not say is given the place its cause's layer fails in (a foreign card's, a
    wallet's, Taobao's; a bank's or a document's, or a story's: the wallet its card is linked
    in, else the wallet the facts name, else Alipay)."""
    if (facts.get("symptom") or {}).get("where"):
        return facts
    linked = {card.get("wallet") for card in facts.get("bank_cards") or ()} & set(WHERE)
    if facts.get("foreign_cards"):
        where = "foreign_card"
    elif len(linked) == 1:
        where = linked.pop()  # a card's own cause fails where the card is linked
    elif str(layer) in WHERE:
        where = WHERE[str(layer)]
    elif "wechat_pay" in json.dumps(facts):
        where = "wechat_pay"
    else:
        where = "alipay"
    return {**facts, "symptom": {**(facts.get("symptom") or {}), "where": where}}


def what_a_traveller_knows(
    doctor: Doctor, facts: dict[str, Any], forgotten: tuple[str, ...] = (APP, BANK)
) -> FactData:
    """The facts without the records kept by `forgotten` (the apps', the bank's), with every
    date rounded to its month."""
    data = facts_data(validate_facts({key: v for key, v in facts.items() if key != "$schema"}))
    data.setdefault("as_of", AS_OF)
    for (path, card), value in flatten(validate_facts(data)).items():
        ask = doctor.kb.ask(path)
        if ask is not None and ask.kept_by in forgotten:
            data = with_fact(data, path, None, card)
        elif isinstance(value, PartialDate) and value.exact:
            data = with_fact(data, path, str(value)[:7], card)
    data.pop("dont_know", None)
    where = (data.get("symptom") or {}).get("where")
    if where in ("foreign_card", "foreign_card_link") and not data.get("foreign_cards"):
        data["foreign_cards"] = [{}]  # they paid with a card from home: they hold one
    if where == "bank" and not data.get("bank_cards"):
        data["bank_cards"] = [{}]  # it failed at their bank: they hold its card
    payment = data.get("payment") or {}
    if payment.get("amount_usd") is not None and payment.get("amount_cny") is None:
        # The app shows the amount in yuan: a traveller who knows it in dollars knows both.
        data = with_fact(data, "payment.amount_cny", round(payment["amount_usd"] * CNY_PER_USD))
    if _mentions(data, "passport.renewed") and get_fact(data, "passport.renewed") is None:
        data = with_fact(data, "passport.renewed", True)  # they know they renewed it
    for path, ask in doctor.kb.questions.items():
        # Who knows when their number changed, or when their permit expires, knows the line
        # that a list to tick asks of it: the number changed, a permit is held.
        if ask.tick is not None and "[]" not in path and get_fact(data, path) is not None:
            for written, value in ask.tick.ticked.items():
                if get_fact(data, written) is None:
                    data = with_fact(data, written, value)
    if where in VISITOR_PLACES and not (data.get("symptom") or {}).get("wallet"):
        # They know in which wallet they paid, signed up or added their card.
        wallets = {card.get("wallet") for card in data.get("foreign_cards") or ()}
        wallets |= {w for w in ("alipay", "wechat_pay") if data.get(w)} if not wallets else set()
        if len(wallets) == 1 and wallets <= {"alipay", "wechat_pay"}:
            data = with_fact(data, "symptom.wallet", wallets.pop())
    symptom = data.get("symptom") or {}
    cards = data.get("bank_cards") or []
    linking = CARD_LINKED_AT.get(symptom.get("where"))
    if linking and len(cards) == 1 and not cards[0].get("wallet"):
        # Their one card is the card they are adding in that wallet: they know where it is.
        data = with_fact(data, "bank_cards[].wallet", linking, 0)
    in_use = {WALLET_OF.get(symptom.get("where")), symptom.get("wallet")} | set(data)
    for path, value in {**LIVED, **unticked(doctor)}.items():
        wallet = path.split(".")[0]
        if not _mentions(data, path) and (wallet not in WALLET_OF.values() or wallet in in_use):
            data = with_fact(data, path, value)
    return data


WALLET_OF = {
    "alipay": "alipay",
    "bank_card_link": "alipay",
    "taobao": "alipay",
    "wechat_pay": "wechat_pay",
    "wechat_pay_card_link": "wechat_pay",
}
"""The wallet a traveller uses where the payment fails: what it told them, they know."""
CARD_LINKED_AT = {"bank_card_link": "alipay", "wechat_pay_card_link": "wechat_pay"}
"""Where a Chinese bank card is added, and the wallet it is added in."""
LIVED = {
    "bank_cards": [],
    "foreign_cards": [],
    "passport.renewed": False,
    "phone.changed": False,
    "residence_permit.held": False,
    **{
        f"{wallet}.{field}": value
        for wallet in ("alipay", "wechat_pay")
        for field, value in (
            ("restricted", False),
            ("document_expiry_notice", False),
            ("verification_requested", []),
        )
    },
}
"""What did not happen to a traveller when their story does not tell it: they know which cards
they hold, whether their passport was renewed, whether they hold a residence permit, and what
their wallets told them."""


def unticked(doctor: Doctor) -> dict[str, Any]:
    """What a line of a list to tick says when left unticked (no VPN, no fee shown, the SMS
    code arrived): what did not happen to a traveller whose story does not tell it, as
    `LIVED` says of their cards and notices."""
    return {
        path: value
        for ask in doctor.kb.questions.values()
        if ask.tick is not None
        for path, value in ask.tick.unticked.items()
        if "[]" not in path
    }


MENTIONS = {
    "passport.renewed": ("passport.previous_number", "passport.renewed_on"),
    "phone.changed": ("phone.changed_on",),
    "residence_permit.held": (
        "residence_permit",
        "alipay.identity.residence_permit",
        "wechat_pay.identity.residence_permit",
    ),
}


def _mentions(data: FactData, path: str) -> bool:
    """Whether the story says anything about `path` (or the facts that imply it)."""
    text = json.dumps(data)
    for other in (path, *MENTIONS.get(path, ())):
        section, _, field = other.rpartition(".")
        if get_fact(data, other) is not None or (
            field and f'"{field}' in text and section.split(".")[0] in data
        ):
            return True
    return False


def typed(
    doctor: Doctor, knows: FactData, fact: str, never: str = "", says_yes: bool = True
) -> str:
    """What the traveller types to the question about `fact`."""
    ask = doctor.kb.ask(fact)
    card = _card(fact)
    value = get_fact(knows, template(fact), card)
    if value is None:
        if ask is not None and ask.none and _holds(knows, ask.none, card):
            return never or "I don't have one"
        if says_yes and ask is not None and ask.yes and _holds(knows, ask.yes, card):
            return "yes"
        return "don't know"
    kind = kind_of(template(fact)).name
    if ask is not None and ask.nothing and _holds(knows, ask.none, card):
        return "nothing"  # the hint's word for no to all that `none` writes
    if isinstance(value, bool):
        return "yes" if value else "no"
    if kind == "count":
        return str(len(value))
    if kind == "choice" and ask is not None and value in ask.choices:
        # A choice offered several ways (a foreign card's payment in Alipay, in WeChat Pay):
        # the way what they know says, else the choice alone.
        offered = getattr(ask.choices[value], "offered", ())
        known = {path: get_fact(knows, path) for way in offered for path in way.sets}
        return next((w for w in offered if w.says(known)), ask.choices[value]).label.en
    if kind == "choices":
        return ", ".join(ask.choices[v].label.en for v in value) if value else "none"
    return str(value)


def typed_ticks(doctor: Doctor, knows: FactData, ticks: tuple[str, ...]) -> str:
    """What the traveller types to a list of lines to tick: the numbers of the lines that
    happened to them, "none" when none did, "don't know" when they know none of them."""
    lines = [doctor.kb.ask(fact).tick for fact in ticks]
    if not any(
        _holds(knows, line.ticked, _card(fact)) or _holds(knows, line.unticked, _card(fact))
        for fact, line in zip(ticks, lines, strict=True)
    ):
        return "don't know"
    ticked = [
        str(number)
        for number, (fact, line) in enumerate(zip(ticks, lines, strict=True), start=1)
        if _holds(knows, line.ticked, _card(fact))
    ]
    return " ".join(ticked) or "none"


def _holds(knows: FactData, facts: dict[str, Any], card: int | None) -> bool:
    return all(get_fact(knows, template(path), card) == value for path, value in facts.items())


def consult(doctor: Doctor, interviewer: Interviewer, traveller: Traveller) -> Run:
    data: FactData = {"as_of": traveller.knows["as_of"]}
    asked: list[str] = []
    while not (step := interviewer.step(data)).done and len(asked) < LIMIT:
        fact = step.question.fact
        if step.question.ticks:
            asked.append("[" + " ".join(step.question.ticks) + "]")
            said = typed_ticks(doctor, traveller.knows, step.question.ticks)
        else:
            asked.append(fact)
            said = typed(doctor, traveller.knows, fact, traveller.never, traveller.says_yes)
        data = interviewer.answer(data, fact, said)
    interview = _causes(doctor, step.diagnosis)
    at_once = _causes(doctor, doctor.diagnose(validate_facts(traveller.knows)))
    return Run(
        traveller,
        asked,
        interview == at_once and step.done,
        interview,
        at_once,
        every_fact(doctor, traveller.knows),
    )


def every_fact(doctor: Doctor, knows: FactData) -> int:
    """A questionnaire of every fact a traveller can be asked (each card's facts per card)."""
    cards = {
        "bank_cards": len(knows.get("bank_cards") or [{}]),
        "foreign_cards": len(knows.get("foreign_cards") or [{}]),
    }
    count = 0
    for path in standard_model().paths:
        ask = doctor.kb.ask(path)
        if ask is None or ask.kept_by == BANK or path == "as_of":
            continue
        count += cards[path.split("[", 1)[0]] if "[]" in path else 1
    return count


def _causes(doctor: Doctor, diagnosis) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((f.cause.key, str(f.status)) for f in diagnosis.findings))


def knowing_only(doctor: Doctor, knows: FactData, keeps) -> FactData:
    """What a traveller knows, narrowed to the facts `keeps(path, kind, ask)` says they know;
    where it fails (in which wallet, and what that place says: a card from home) and the day
    are always known."""
    data = knows
    for (path, card), value in flatten(validate_facts(knows)).items():
        if isinstance(value, BaseModel) or path in ("as_of", *WHERE_PATHS):
            continue
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            continue  # a list of cards: its cards' facts are narrowed one by one
        if not keeps(path, kind_of(path).name, doctor.kb.ask(path)):
            data = with_fact(data, path, None, card)
    return without_empty(data)


WHERE_PATHS = ("symptom.where", "symptom.wallet")
"""Where it failed: the place, and the wallet it failed in (one answer names both)."""
EASY_KINDS = ("yes_no", "choice", "choices", "count")
"""What a person knows without remembering a date, a number or a text: whether something
happened, which of a few things, how many cards."""


def _what_happened(path: str, kind: str, ask) -> bool:
    return kind in EASY_KINDS


def _what_the_apps_show(path: str, kind: str, ask) -> bool:
    """What the apps show, and what the person saw happen (a line of a list to tick: the fact
    ticking it writes, not a date that shares the line, such as a permit's expiry)."""
    line = ask is not None and ask.tick is not None and path in ask.tick.ticked
    return kind == "count" or (
        ask is not None
        and (ask.symptom or ask.kept_by == APP or line)
        and path != "symptom.error_message"
    )


def _where_only(path: str, kind: str, ask) -> bool:
    return False


def groups(doctor: Doctor, everyone: list[Traveller]) -> dict[str, list[Traveller]]:
    """The travellers as each group of people would answer: everything they know (with the
    apps' records looked up? no: as `what_a_traveller_knows` says), only what happened and not
    when, "never" and "none" typed where true (in English and in Chinese, in turn), only what
    the apps show them, and nothing beyond where it failed."""
    out: dict[str, list[Traveller]] = {"everything they know": everyone}
    for label, keeps in (
        ("only yes/no and choices (no dates, numbers or texts)", _what_happened),
        ("only what the apps show", _what_the_apps_show),
        ("nothing beyond where it failed", _where_only),
    ):
        seen: set[str] = set()
        out[label] = []
        for t in everyone:
            knows = knowing_only(doctor, t.knows, keeps)
            key = json.dumps(knows, sort_keys=True)
            if key not in seen:
                seen.add(key)
                out[label].append(Traveller(t.name, knows, says_yes=keeps is not _what_happened))
    out['"never" and "none" where true'] = [
        Traveller(t.name, t.knows, ("never", "没有", "none", "从没换过")[i % 4])
        for i, t in enumerate(everyone)
    ]
    return out


def is_visitor(traveller: Traveller) -> bool:
    return (traveller.knows.get("symptom") or {}).get("where") in VISITOR_PLACES


def figures(label: str, runs: list[Run], median_target: float, most_target: int) -> bool:
    """Print a group's figures beside its targets; whether they are met."""
    counts = [len(r.asked) for r in runs]
    same = sum(r.same for r in runs)
    median, most = statistics.median(counts), max(counts)
    print(
        f"{label}: {len(runs)}; questions asked: median {median:g}, most {most}"
        f" (targets <= {median_target:g}, <= {most_target}); same diagnosis as all at once:"
        f" {same} of {len(runs)}"
    )
    return median <= median_target and most <= most_target and same == len(runs)


def _card(fact: str) -> int | None:
    return int(fact.split("[", 1)[1].split("]", 1)[0]) if "[" in fact else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print each traveller's run")
    args = parser.parse_args()
    doctor = Doctor(builtin_knowledge())
    interviewer = Interviewer(doctor)
    met = True
    for label, group in groups(doctor, travellers(doctor)).items():
        runs = [consult(doctor, interviewer, t) for t in group]
        print(f"== {label}")
        for run in runs if args.verbose else [r for r in runs if not r.same]:
            mark = "same" if run.same else "DIFFERENT"
            print(f"{len(run.asked):3} {mark:9} {run.traveller.name}")
            print("      asked:", ", ".join(run.asked))
            if not run.same:
                print("      interview:", run.interview)
                print("      at once:  ", run.at_once)
        met &= figures(label, runs, MEDIAN_TARGET, MOST_TARGET)
        if label != "everything they know":
            continue
        questionnaire = [r.every_fact for r in runs]
        print(
            f"a questionnaire of every fact: median {statistics.median(questionnaire):g},"
            f" most {max(questionnaire)} questions"
        )
        visitors = [r for r in runs if is_visitor(r.traveller)]
        others = [r for r in runs if not is_visitor(r.traveller)]
        met &= figures("  residents and others", others, MEDIAN_TARGET, MOST_TARGET)
        met &= figures("  visitors", visitors, VISITOR_MEDIAN_TARGET, VISITOR_MOST_TARGET)
        if len(visitors) < MOST_VISITORS:
            print(f"fewer than {MOST_VISITORS} visitors: {len(visitors)}")
            met = False
    print("targets met" if met else "targets NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
