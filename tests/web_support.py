"""What the web tests share: a traveller who answers from a facts file, and reading forms."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

_PART = re.compile(r"(\w+)\[(\d+)\]")


def known_answer(facts: dict[str, Any], path: str) -> str | None:
    """What a traveller who knows `facts` answers to the question at `path` (None: not known).

    Lists are answered with how many they hold (the count question), several choices by
    their values, yes/no as the radio values `true`/`false`.
    """
    node: Any = facts
    for part in path.split("."):
        card = _PART.fullmatch(part)
        node = node.get(card.group(1) if card else part) if isinstance(node, dict) else None
        if card and node is not None:
            index = int(card.group(2))
            node = node[index] if index < len(node) else None
    if node is None:
        return None
    if isinstance(node, bool):
        return "true" if node else "false"
    if isinstance(node, list) and node and all(isinstance(item, str) for item in node):
        return ", ".join(node)  # several choices: their values
    if isinstance(node, list):
        return str(len(node))
    return str(node)


def known_in_units(facts: dict[str, Any], path: str, kb) -> str | None:
    """What a traveller who knows `facts` types to a number asked in one unit that they know
    only in another (`Ask.units`: the amount in yuan, known in dollars: "$6400"); else what
    they know of it (None: not known)."""
    answer = known_answer(facts, path)
    ask = kb.ask(path)
    for other, words in (ask.units if ask is not None and answer is None else {}).items():
        if (value := known_answer(facts, other)) is not None:
            return f"{words[0]}{value}"
    return answer


def known_way(facts: dict[str, Any], path: str, kb) -> int | None:
    """For a choice offered several ways (report-v3's `sets`: a foreign card's payment in
    Alipay, in WeChat Pay), the number in the list as shown of the way a traveller who knows
    `facts` takes: the one whose facts they hold, the wallet they paid in being the one their
    foreign cards are linked in where the story does not say it; None for any other question,
    or when no way fits (they name the place alone)."""
    ask = kb.ask(path)
    value = known_answer(facts, path)
    if ask is None or value not in ask.choices or not ask.choices[value].offered:
        return None
    ways = ask.choices[value].offered
    known = {p: known_answer(facts, p) for way in ways for p in way.sets}
    wallets = {card.get("wallet") for card in facts.get("foreign_cards") or ()}
    if known.get("symptom.wallet") is None and len(wallets) == 1:
        known["symptom.wallet"] = wallets.pop()
    offered = [way for _, way in ask.offers()]
    return next((offered.index(way) + 1 for way in ways if way.says(known)), None)


def known_ticks(facts: dict[str, Any], lines: list[str], kb) -> list[str] | None:
    """The lines of a list to tick (their values, fact paths) that a traveller who knows
    `facts` ticks; None when they know none of the lines (they answer "I don't know")."""
    said = {}
    for line in lines:
        tick = kb.ask(line).tick
        for value, written in ((True, tick.ticked), (False, tick.unticked)):
            if all(_held(facts, path, wanted) for path, wanted in written.items()):
                said[line] = value
        if line not in tick.ticked and known_answer(facts, line) is not None:
            said[line] = True  # who knows when it was renewed knows it was
    return [line for line in lines if said.get(line)] if said else None


def answer_fields(facts: dict[str, Any], question: dict[str, Any], kb) -> dict[str, Any]:
    """The fields a traveller who knows `facts` sends with the question's form (`Forms.
    question()`): its answer (a list to tick: the lines' values ticked, none for "none of
    these"), or "I don't know"."""
    fact = question["attrs"]["data-fact"]
    lines = [f["value"] for f in question["fields"] if f.get("type") == "checkbox"]
    if lines and kb.ask(fact).tick is not None:
        answer: Any = known_ticks(facts, lines, kb)
    else:
        way = known_way(facts, fact, kb)  # a place offered in each wallet: its number
        answer = str(way) if way is not None else known_in_units(facts, fact, kb)
    return {"dont_know": "1"} if answer is None else {"answer": answer}


def _held(facts: dict[str, Any], path: str, wanted: Any) -> bool:
    answer = known_answer(facts, path)
    return answer is not None and answer == known_answer({"x": wanted}, "x")


class Forms(HTMLParser):
    """The forms of a page: attributes, and each field's name, type and value."""

    def __init__(self, html: str):
        super().__init__()
        self.html = html
        self.forms: list[dict[str, Any]] = []
        self.causes: list[tuple[str, str]] = []
        self.open: dict[str, Any] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "data-cause" in attributes:
            self.causes.append((attributes["data-cause"], attributes.get("data-status", "")))
        if tag == "form":
            self.forms.append({"attrs": attributes, "fields": []})
            self.open = self.forms[-1]
        elif tag in ("input", "button"):
            # A field belongs to the form it is in, or to the one its `form` attribute names.
            named = [f for f in self.forms if f["attrs"].get("id") == attributes.get("form")]
            owner = named[0] if "form" in attributes and named else self.open
            if owner is not None:
                owner["fields"].append({"tag": tag, **attributes})

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.open = None

    def question(self) -> dict[str, Any] | None:
        """The question's form (the one with `data-fact`), if the page asks one."""
        return next((f for f in self.forms if "data-fact" in f["attrs"]), None)

    def shown(self) -> str:
        """The page without its hidden fields (which carry the answers as typed)."""
        return re.sub(r'<input type="hidden"[^>]*>', "", self.html)

    def hidden(self, form: dict[str, Any]) -> dict[str, str]:
        return {f["name"]: f["value"] for f in form["fields"] if f.get("type") == "hidden"}
