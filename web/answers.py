"""The answers so far, as they travel with the page in one hidden field.

The server keeps nothing between requests: each form carries the facts (with
`dont_know`), the questions answered in order (so "back" can take the last one
back) and the progress shown with each (so the progress line never goes back
while answering), and the question the page asks (so its answer is checked
against it without making the interview's step again). Everything in it is
checked again on every request, as a facts file is; a damaged field is one
clear message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.errors import InputError
from engine.facts.edits import FactData
from engine.facts.loading import parse_json, validate_facts
from engine.facts.model import MAX_DONT_KNOW, FactPath, Facts, flatten
from engine.text.translatable import N_
from web.interview import forget

MOST_ALSO = 20
"""The most facts one answer writes besides its own (a wallet's "nothing" writes three)."""
MOST_LINES = 20
"""The most lines a list to tick has (the longest lists five)."""
DAMAGED = N_("the answers sent with the page are damaged; start again")
DAMAGED_BECAUSE = N_("the answers sent with the page are damaged ({problem}); start again")


@dataclass(frozen=True)
class Asked:
    """A question answered (or not known), and the progress shown while it was asked."""

    fact: str
    progress: int
    also: tuple[str, ...] = ()
    """The other facts the answer wrote or said not known ("never": not renewed; "nothing":
    three notices), taken back with it."""


class _AskedState(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    fact: FactPath
    progress: int = Field(ge=0, le=100)
    also: list[FactPath] = Field(default_factory=list, max_length=MOST_ALSO)


class _State(BaseModel):
    """What the hidden field holds: the facts (validated as facts apart) and the questions."""

    model_config = ConfigDict(extra="forbid", strict=True)
    facts: dict[str, Any]
    asked: list[_AskedState] = Field(max_length=MAX_DONT_KNOW)
    asking: FactPath | None = None
    lines: list[FactPath] = Field(default_factory=list, max_length=MOST_LINES)


@dataclass(frozen=True)
class Answers:
    facts: FactData
    asked: tuple[Asked, ...] = ()
    asking: str | None = None
    """The question the page these answers came with asked (None: it asked none, or the state
    was not made by a page): the only one an answer sent with them is taken for."""
    lines: tuple[str, ...] = ()
    """Where that question is a list to tick: its lines' facts, as the page listed them."""

    model: type[Facts] | None = field(default=None, compare=False)
    """The facts model the answers are checked with (the knowledge base's; None: the built-in
    knowledge's)."""

    @classmethod
    def decode(cls, text: str | None, model: type[Facts] | None = None) -> Answers:
        """The answers in a page's hidden field; none for a consultation's start.

        Read as strictly as a facts file (engine/facts/loading.py: the same JSON checks and
        the same validation of the facts), so nothing a renderer cannot take reaches
        the pages, and nothing invalid is handed back (`/facts.json`).
        """
        if not text:
            return cls({}, model=model)
        try:
            state = _State.model_validate(parse_json(text, "answers"), context={"facts": model})
            validate_facts(state.facts, "facts", model)
        except InputError as error:
            raise InputError(DAMAGED_BECAUSE, problem=error.message) from None
        except ValidationError:
            raise InputError(DAMAGED) from None
        return cls(
            state.facts,
            tuple(Asked(a.fact, a.progress, tuple(a.also)) for a in state.asked),
            state.asking,
            tuple(state.lines),
            model,
        )

    def encode(self, asking: str | None = None, lines: tuple[str, ...] = ()) -> str:
        """The hidden field of a page; `asking`: the question that page asks, if any, and
        `lines` the facts of its lines where it is a list to tick."""
        data: dict[str, Any] = {
            "facts": self.facts,
            "asked": [
                {
                    "fact": a.fact,
                    "progress": a.progress,
                    **({"also": list(a.also)} if a.also else {}),
                }
                for a in self.asked
            ],
            **({"asking": asking} if asking is not None else {}),
            **({"lines": list(lines)} if lines else {}),
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @property
    def shown(self) -> int:
        """The progress shown with the last question answered (0 at the start)."""
        return self.asked[-1].progress if self.asked else 0

    def answered(self, fact: str, facts: FactData, progress: int) -> Answers:
        also = [path for path in _written(self.facts, facts, self.model) if path != fact]
        asked = (*self.asked, Asked(fact, progress, tuple(also[:MOST_ALSO])))
        return Answers(facts, asked, model=self.model)

    def back(self) -> Answers:
        """The answers before the last question was answered (the same at the start)."""
        if not self.asked:
            return self
        try:
            facts = self.facts
            for fact in (self.asked[-1].fact, *self.asked[-1].also):
                facts = forget(facts, fact)
        except (KeyError, IndexError, TypeError, AttributeError):  # no such fact to take back
            raise InputError(DAMAGED) from None
        return Answers(facts, self.asked[:-1], model=self.model)


def _written(before: FactData, after: FactData, model: type[Facts] | None) -> list[str]:
    """The facts an answer wrote or said not known: what `after` holds that `before` did not."""
    old, new = (
        {
            _concrete(path, card): value
            for (path, card), value in flatten(validate_facts(d, model=model)).items()
        }
        for d in (before, after)
    )
    written = [p for p, v in new.items() if not isinstance(v, BaseModel) and old.get(p) != v]
    listed = set(before.get("dont_know") or ())
    return written + [path for path in after.get("dont_know") or () if path not in listed]


def _concrete(path: str, card: int | None) -> str:
    return path.replace("[]", f"[{card}]", 1) if card is not None else path
