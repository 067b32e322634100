"""How a fact is asked: the question, where to find the answer, and the fact's name in words.

A fact's declaration says this once (`engine.facts.declaring.Fact(..., ask=Ask(...))`;
a unit may give other words with `QUESTIONS = {path: Ask(...)}`), in English,
translated through the catalogs: the question, a one-line help saying where
the answer is found, a short noun phrase (`label`) that sentences about the
fact use ("your passport's expiry date"), a label and synonyms for each value
a choice takes, and who keeps the answer (`kept_by`): a consultation asks what
the traveller knows or can look up, never what only their bank's records say
(the plan's checks ask the bank).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from engine.text.wording import Wording

YOU, APP, BANK = "you", "app", "bank"
KEPT_BY = (YOU, APP, BANK)
"""Who has the answer: the traveller (their documents, what they saw, rough dates), the
wallet app (a menu they can open), or only the bank's records."""


@dataclass(frozen=True)
class Choice:
    """One value a choice takes, as a person names it: its label and other words for it."""

    label: Wording
    synonyms: tuple[str, ...] = ()
    layers: tuple[str, ...] = ()
    """For a place where a payment fails (`symptom.where`): the layers whose causes can explain
    a failure there. A consultation pursues no other cause (triage). For a card's wallet: the
    wallets it names; a consultation asks it only where those can explain the failure."""
    points_at: tuple[str, ...] = ()
    """For a place where a payment fails: the layers, or lists of cards, whose causes fail
    there first (Taobao's own for Taobao; a foreign card's for a foreign card): the place
    itself points at them, as an error message points at its causes."""
    not_about: tuple[str, ...] = ()
    """For a place where a payment fails: lists of cards (`bank_cards`, `foreign_cards`) whose
    causes cannot explain a failure there (a cause is about a list when the rules that
    confirm it read the list): a foreign card's payment is not a Chinese bank card's."""
    not_asked: tuple[str, ...] = ()
    """For a place where a payment fails: facts (paths, or the start of paths) a consultation
    does not ask there unless the facts already say something of them (a visitor's place: no
    Chinese bank card, residence permit or passport renewal questions)."""
    last_resort: tuple[str, ...] = ()
    """Of `not_asked`, what the place does ask when nothing else is left to ask and no cause is
    found: a card refused in a wallet may be the bank's own state (an account frozen after
    months unused), which nothing seen at the wallet points at."""
    sets: Mapping[str, Any] = field(default_factory=dict)
    """Facts choosing it also sets, where they are not known yet (report-v3's `sets`): paying
    with a foreign card says there is one, so its number is not asked."""
    in_message: tuple[str, ...] = ()
    """Words of an error message that say this value (a card's "verification failed", 验证失败):
    a consultation whose message holds them writes the value of a card it is the only one of,
    so its question is not asked again after the message said it."""
    then: tuple[str, ...] = ()
    """For a place where a payment fails: facts asked right after it, with the triage (which
    wallet, for a sign-up or a card link that does not name one)."""
    offered: tuple[Choice, ...] = ()
    """The ways this value is offered when one answer can say more than it (report-v3's `sets`):
    each is this choice with its own words, the facts it also sets and what those say of the
    place ("Paying with a foreign card in Alipay": the wallet too, and no WeChat Pay cause).
    The question lists these in its place; its own words still read as this value alone."""

    def __post_init__(self) -> None:
        if stray := [path for path in self.last_resort if path not in self.not_asked]:
            raise ValueError(f"Choice: last_resort {stray} must be among not_asked")

    def says(self, known: Mapping[str, Any]) -> bool:
        """Whether facts already say what choosing it sets (`known`: a path's value, None when
        not known); a list it sets where not known (a card from home) is not what it says."""
        return all(
            known.get(path) == value
            for path, value in self.sets.items()
            if not isinstance(value, list | dict)
        )


@dataclass(frozen=True)
class TickList:
    """One question that asks several facts a person knows together ("Which of these
    happened? Tick all that did."): each fact that carries a `Tick` of the list is a line to
    tick; a consultation asks the list in place of those facts' own questions when several of
    them are worth asking at once."""

    key: str
    text: Wording
    label: Wording
    help: Wording
    nothing: Wording
    """The answer that ticks none ("None of these happened")."""


@dataclass(frozen=True, eq=False)
class Tick:
    """A fact's line in a `TickList`: its label, the facts ticking it writes, and the facts
    leaving it unticked writes (the list says "tick all that happened": unticked did not
    happen). A fact whose line writes another (a renewal, for when it was renewed) is asked
    after a tick if still worth it, and is not known after no tick. One line may stand for
    several facts (a renewal: whether, and when): the same `Tick` on each is one line."""

    within: TickList
    label: Wording
    ticked: Mapping[str, Any]
    unticked: Mapping[str, Any]
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ask:
    """Everything about asking one fact (a path of the facts format, `bank_cards[]` for cards)."""

    text: Wording
    label: Wording
    help: Wording | None = None
    choices: Mapping[str, Choice] = field(default_factory=dict)
    """A label (and synonyms) for each value of a choice, in the format's order."""
    kept_by: str = YOU
    symptom: bool = False
    """What the person saw go wrong (an error, a card refused, a notice in the app): a cause
    whose rules a symptom already supports is pursued before the others."""
    none: Mapping[str, Any] = field(default_factory=dict)
    """What "I don't have one" (or a plain "no") writes, a fact path -> value, when it says
    more than "don't know": no residence permit is `residence_permit.held: false`."""
    nothing: Wording | None = None
    """For a yes/no question with a `none`: what "nothing" answers besides no, in the words a
    hint shows ("nothing: no notice, restriction or request at all"); one answer for several
    facts a person knows together."""
    yes: Mapping[str, Any] = field(default_factory=dict)
    """What a plain "yes" to a question that is not a yes/no one writes ("When was your
    passport renewed?" "Yes": it was, when not known)."""
    past: bool = False
    """For a date: what happened before the consultation (a renewal, a last use), so a month
    said without its year ("March", 3月) is the last one. Otherwise (an expiry) it is refused
    with both years it could be."""
    never: Wording | None = None
    """For a question that is not a yes/no one, with a `none`: the answer that writes it, as a
    choice beside the typed answer shows it ("Never: I have always had this number")."""
    none_words: tuple[str, ...] = ()
    """Answers, in any language, that mean what `none` writes for this question beside the
    common ones ("none", "never", "没有"): "not since I arrived", "从没换过"."""
    easier: str = ""
    """A fact easier to answer that settles, in part, what this one does (a yes/no before a
    date: whether the passport was renewed before when): asked when the person does not know
    this one."""
    shown_as_typed: tuple[str, ...] = ()
    """For free text a person types: values that name no person (a known bank's names and
    abbreviations), shown as typed where other text is masked; case and spacing aside."""
    tick: Tick | None = None
    """The fact's line in a list asked at once with other facts (`TickList`), if any."""
    units: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """For a number: other facts, each with the words of its unit, an answer naming that unit
    is written at instead ("$120" to the amount in yuan is the amount in dollars; the yuan
    then not known), so one question takes the figure a person knows."""

    def unit_of(self, text: str) -> str | None:
        """The fact of the unit `text` names (`units`), if it names one: a word as a word
        ("usd", not in "used"), a sign or a Chinese word anywhere ("$", "美元")."""
        folded = text.casefold()
        for path, names in self.units.items():
            for name in names:
                word = name.isascii() and name.isalpha()
                if re.search(rf"\b{re.escape(name)}\b", folded) if word else name in folded:
                    return path
        return None

    def __post_init__(self) -> None:
        if self.kept_by not in KEPT_BY:
            raise ValueError(f"Ask: kept_by must be one of {', '.join(KEPT_BY)}")

    def offers(self, values: tuple[str, ...] | None = None) -> tuple[tuple[str, Choice], ...]:
        """The choices as the question lists them, each with its value, in order: a value
        offered several ways (`Choice.offered`) once for each; `values`: the format's, where it
        lists them (a fact's model), else the choices'."""
        listed = []
        for value in self.choices if values is None else values:
            choice = self.choices.get(value)
            ways = choice.offered if choice is not None and choice.offered else (choice,)
            listed += [(value, way) for way in ways]
        return tuple(listed)

    def wordings(self) -> tuple[Wording, ...]:
        """Every text of this question, for check-kb's list of missing languages."""
        texts = [self.text, self.label, *(c.label for c in self.choices.values())]
        texts += [way.label for c in self.choices.values() for way in c.offered]
        texts += [self.nothing] if self.nothing else []
        texts += [self.never] if self.never else []
        if self.tick is not None:
            listed = self.tick.within
            texts += [self.tick.label, listed.text, listed.label, listed.help, listed.nothing]
        return tuple(texts + ([self.help] if self.help else []))


def plain(text: str, path: str) -> Ask:
    """A question written as one English string (a `--knowledge` unit's older form)."""
    return Ask(text=Wording(text), label=Wording(default_label(path)))


def default_label(path: str) -> str:
    """A fact's name in words when no unit gives one: `passport.expiry_date` -> "passport expiry
    date"."""
    words = re.sub(r"\[\d*\]", "", path).replace(".", " ").replace("_", " ")
    return " ".join(words.split())
