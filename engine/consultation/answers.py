"""Reading what a person types as a fact's value: leniently, in English and in Chinese.

People answer as they speak: "yes", "是的", "没有", "2026-09", "Sept 2026",
"2026年9月", "rejected", "I don't have one". Each kind of fact (read from the
facts format) takes the forms a person would type; a choice is named by its
value, its label in any language, a synonym the unit lists, or its number in
the list. An answer that cannot be read is refused with, in words, what would
be (`InputError`). "Don't know" and "I don't have one" are said apart: the
first is `dont_know`, the second is an answer (no cards, no permit).
"""

from __future__ import annotations

import functools
import re
import types
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from engine.errors import InputError
from engine.facts.asking import Ask, Choice
from engine.facts.dates import PartialDate
from engine.facts.model import Country, Facts, country_codes, standard_model
from engine.facts.personal import mask_any
from engine.text.translatable import N_, Message
from engine.text.wording import Wording, offered

YES_NO, CHOICE, CHOICES, DATE, COUNT, NUMBER, WHOLE, COUNTRY, TEXT = (
    "yes_no",
    "choice",
    "choices",
    "date",
    "count",
    "number",
    "whole_number",
    "country",
    "text",
)
MOST_ITEMS = 9
"""The most cards of one kind a consultation takes (a person links a handful)."""

BLANK = frozenset({"", "?", "??"})
"""Enter, or a question mark: don't know."""
# translators: the ways a person says they do not know, separated by "|". List your language's
# own everyday ways (each is read in a consultation of any language).
SAYS_DONT_KNOW = Wording(
    "don't know|dont know|do not know|i don't know|i dont know|not sure|no idea|unknown|unsure"
    "|skip|dunno|idk"
)
# translators: the ways a person says they have none, or it never happened, separated by "|".
# List your language's own everyday ways.
SAYS_NONE = Wording(
    "none|no one|nothing|n/a|na|never|zero|i don't have one|i dont have one|i don't have any"
    "|i dont have any|i have none|don't have one|dont have one|no i don't|not any"
)
# translators: the ways a person says none of these things happened, separated by "|". List
# your language's own everyday ways.
SAYS_NOTHING = Wording("nothing|nothing at all|none|none of these|none of them")
# translators: the ways a person says yes, separated by "|". List your language's own.
SAYS_YES = Wording(
    "yes|y|yeah|yep|yup|true|correct|right|sure|of course|it does|i do|it is|it was|ok|okay"
)
# translators: the ways a person says no, separated by "|". List your language's own.
SAYS_NO = Wording(
    "no|n|nope|false|not|it doesn't|it does not|i don't|i do not|it isn't|it is not|it wasn't"
)


@functools.cache
def ways_of_saying(ways: Wording) -> frozenset[str]:
    """Every way of saying it that the catalogs list, in every language the consultation
    speaks: a Korean types 몰라요 in an English consultation too."""
    return frozenset(
        fold(way) for code in offered() for way in ways.in_(code).split("|") if way.strip()
    )


_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "零": 0, "一": 1, "两": 2, "二": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_ZH_MONTHS = {"十一": 11, "十二": 12, "十": 10, **{k: v for k, v in _NUMBERS.items() if v}}


@dataclass(frozen=True)
class Kind:
    """What kind of answer a fact takes, read from the facts format."""

    name: str
    values: tuple[str, ...] = ()
    """A choice's values, in the format's order."""


@dataclass(frozen=True)
class Reading:
    """What an answer says: a value, "don't know", "I don't have one" (or no), or a plain yes
    to a question that asks for more (`Ask.yes`)."""

    value: Any = None
    not_known: bool = False
    none: bool = False
    yes: bool = False
    way: Choice | None = None
    """For a choice offered several ways (`Choice.offered`): the way chosen, whose `sets` the
    answer writes too ("in Alipay": the wallet)."""


def kind_of(template: str, facts: type[Facts] | None = None) -> Kind:
    """The kind of answer the facts format takes at `template` (a `bank_cards[]` path), in the
    facts model `facts` (by default the built-in knowledge's)."""
    model: type[BaseModel] = facts or standard_model()
    annotation: Any = None
    declared: Any = None
    for part in template.split("."):
        declared = model.model_fields[part.removesuffix("[]")].annotation
        annotation = _unwrap(declared)
        if get_origin(annotation) is list and part.endswith("[]"):
            annotation = get_args(annotation)[0]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
    if Country in get_args(declared):
        return Kind(COUNTRY)
    if get_origin(annotation) is Literal:
        return Kind(CHOICE, get_args(annotation))
    if get_origin(annotation) is list:
        item = _unwrap(get_args(annotation)[0])
        if get_origin(item) is Literal:
            return Kind(CHOICES, get_args(item))
        return Kind(COUNT)
    kinds = {bool: YES_NO, int: WHOLE, float: NUMBER, date: DATE, PartialDate: DATE}
    return Kind(kinds.get(annotation, TEXT))


MAX_ANSWER = 2000
"""The longest answer read, in characters: an error message copied from an app is a line or two."""
_EXCERPT = 40
"""The characters of an answer an error quotes (masked), however long the answer."""


def read(kind: Kind, ask: Ask | None, text: str, today: date | None = None) -> Reading:
    """What `text` answers to a fact of this kind; InputError saying what would be read.
    `today`: the consultation's day, which a date said roughly ("8 months ago") is read from."""
    typed = text.strip()
    if len(typed) > MAX_ANSWER:
        raise unread(
            N_("{answer} is longer than {limit} characters; an answer is a word or a line"),
            typed,
            limit=MAX_ANSWER,
        )
    folded = fold(typed)
    if (
        folded in BLANK
        or folded in ways_of_saying(SAYS_DONT_KNOW)
        or folded in _in_every_language("I don't know")
    ):
        return Reading(not_known=True)
    if kind.name != YES_NO and ask is not None and ask.none and _says_never(folded, ask):
        return Reading(none=True)  # "never", "not since I arrived": what the question offers
    said = _yes_no(folded) if kind.name != YES_NO and ask is not None else None
    if said is True and ask is not None and ask.yes:
        return Reading(yes=True)
    if said is False and ask is not None and ask.none and folded not in ways_of_saying(SAYS_NONE):
        return Reading(none=True)
    if (
        kind.name == YES_NO
        and ask is not None
        and ask.none
        and folded in ways_of_saying(SAYS_NOTHING)
    ):
        return Reading(none=True)  # "nothing": no, and no to what `none` writes besides
    if kind.name == YES_NO:
        said = _yes_no(folded)
        if said is not None:
            return Reading(said)
    elif folded in ways_of_saying(SAYS_NONE):
        return _none(kind, ask)
    elif kind.name == DATE:
        return Reading(read_date(typed, today, past=ask is not None and ask.past))
    elif kind.name in (NUMBER, WHOLE):
        number = _number(typed, whole=kind.name == WHOLE)
        if number is not None:
            return Reading(number)
    elif kind.name == COUNT:
        count = _count(folded)
        if count is not None:
            return Reading([{} for _ in range(count)])
    elif kind.name == COUNTRY:
        code = country_named(folded)
        if code is not None:
            return Reading(code)
    elif kind.name == CHOICE:
        offered = _offered(kind, ask, typed)
        if offered is not None:
            return Reading(offered[0], way=offered[1])
    elif kind.name == CHOICES:
        parts = [p for p in re.split(r"\s*(?:[,，、;；/]|\band\b|和|以及)\s*", typed) if p.strip()]
        if re.fullmatch(r"[\d\s,，、;；/]+", typed):
            parts = re.findall(r"\d+", typed)  # the numbers of the choices listed: "1 3"
        chosen = [_choice(kind, ask, part) for part in parts]
        if parts and None not in chosen:
            return Reading(list(dict.fromkeys(chosen)))
    else:
        return Reading(typed)
    raise unread(
        N_("{answer} is not an answer I can read: {expected}"), typed, expected=expected(kind, ask)
    )


def _excerpt(text: str, masked: bool = True) -> str:
    """What an error quotes of an answer: masked, and its start only when it is long."""
    start = mask_any(text[:_EXCERPT]) if masked else text[:_EXCERPT]
    return repr(start + ("…" if len(text) > _EXCERPT else ""))


def unread(template: str, text: str, **params: Any) -> InputError:
    """An answer not understood: the error quotes it masked (what a log or a file may hold);
    `shown_back` quotes it as typed, for the screen of the person who just typed it."""
    error = InputError(template, answer=_excerpt(text), **params)
    error.shown_back = Message(template, answer=_excerpt(text, masked=False), **params)
    return error


def expected(kind: Kind, ask: Ask | None) -> Message:
    """What answers a fact of this kind takes, in words (free text takes any: not asked)."""
    if kind.name == YES_NO:
        return Message("answer yes or no (是 or 否), or don't know")
    if kind.name == DATE:
        return Message(
            "write a date like 2026-09-15, or just the month: 2026-09, 09/2026, Sept 2026"
            " or 2026年9月, or how long ago: 8 months ago; or don't know"
        )
    if kind.name == COUNT:
        return Message("write how many, from 0 to {most}; or don't know", most=MOST_ITEMS)
    if kind.name == WHOLE:
        return Message("write a whole number, such as 12; or don't know")
    if kind.name == NUMBER:
        return Message("write a number, such as 250; or don't know")
    if kind.name == COUNTRY:
        return Message(
            "name the country (Japan, 日本) or write its two-letter code (JP); or don't know"
        )
    names = _choice_names(ask, kind.values)
    if kind.name == CHOICES:
        return Message(
            "name any of these, separated by commas: {choices}; or none, or don't know",
            choices=names,
        )
    return Message("choose one of: {choices}; or don't know", choices=names)


_COUNTRY_WORDS = {
    "usa": "US", "america": "US", "united states of america": "US", "uk": "GB",
    "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "korea": "KR", "republic of korea": "KR", "holland": "NL",
}  # fmt: skip
"""Names people use that are not the CLDR's own ("UK" for the United Kingdom)."""


def country_named(folded: str) -> str | None:
    """The ISO code of a country named by its code, or by its name in any language the
    consultation speaks (the CLDR's, through Babel: Japan, 日本, 일본), or None."""
    return _country_names().get(folded) or _COUNTRY_WORDS.get(folded)


@functools.cache
def _country_names() -> dict[str, str]:
    from babel import Locale

    codes = country_codes()
    names = {fold(code): code for code in codes}
    for language in offered():
        for code, name in Locale.parse(language).territories.items():
            if code in codes:
                names.setdefault(fold(name), code)
    return names


def read_date(text: str, today: date | None = None, *, past: bool = False) -> str:
    """A day, a month or a year as the facts format writes it (`2026-09`); InputError. The
    forms written with figures are read here, exactly; with `today`, a date said in words or
    relative to it ("March", "8 months ago", 去年, 3개월 전) is read by dateparser (`past`: a
    month said without its year is the last one)."""
    folded = re.sub(r"\s+", " ", text.casefold().replace(",", " ")).strip(" .")
    year = month = day = None
    if match := re.fullmatch(
        r"(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:月)?(?:\s*[-/.]?\s*(\d{1,2})\s*[日号]?)?)?\s*年?",
        folded,
    ):
        year, month, day = match.groups()
    elif match := re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{4})", folded):
        month, year = match.groups()
    elif match := re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", folded):
        first, second, year = (int(g) for g in match.groups())
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first or first == second:
            month, day = first, second
        else:
            day_first = f"{year}-{second:02d}-{first:02d}"
            month_first = f"{year}-{first:02d}-{second:02d}"
            raise unread(
                N_("{answer} could be {first} or {second}: write it as {iso}"),
                text,
                first=day_first,
                second=month_first,
                iso="YYYY-MM-DD",
            )
    elif match := re.fullmatch(r"(\d{4})\s*年\s*([一二三四五六七八九十]+)\s*月", folded):
        year, month = match.group(1), _ZH_MONTHS.get(match.group(2))
    else:
        words = folded.replace(".", " ").split()
        names = [w for w in words if w in _MONTHS]
        digits = [
            w.removesuffix("th").removesuffix("st").removesuffix("nd").removesuffix("rd")
            for w in words
            if w not in _MONTHS
        ]
        years = [d for d in digits if re.fullmatch(r"\d{4}", d)]
        days = [d for d in digits if re.fullmatch(r"\d{1,2}", d)]
        if (
            len(names) == 1
            and len(years) == 1
            and len(days) <= 1
            and len(words) == 1 + len(years) + len(days)
        ):
            month, year, day = _MONTHS[names[0]], years[0], days[0] if days else None
    if year is None and today is not None and (rough := _rough_date(text, today, past)):
        return rough
    if year is None or (day is not None and month is None):
        raise unread(
            N_("{answer} is not a date I can read: {expected}"),
            text,
            expected=expected(Kind(DATE), None),
        )
    written = str(year)
    if month is not None:
        written += f"-{int(month):02d}"
    if day is not None:
        written += f"-{int(day):02d}"
    try:
        PartialDate.parse(written)
    except ValueError as error:  # a 31 September, a 13th month
        raise unread(N_("{answer}: {problem}"), text, problem=error.args[0]) from None
    return written


_PRECISION = {"day": 10, "week": 7, "month": 7, "year": 4}
"""The characters of an ISO date kept for what a rough date says (dateparser's `period`): a
week ago is a month, not a day a person never named."""


def _rough_date(text: str, today: date, past: bool) -> str | None:
    """A date said in words or relative to `today`, at the precision said, or None. Read both
    ways, as a date gone by and one to come: they differ only when no year is said ("March");
    then a `past` fact takes the last one, and another fact is refused with both."""
    if not re.search(r"[^\W\d_]", text):
        return None  # figures and signs only: the exact forms read those, or nothing does
    readings = [_read_roughly(text, today, prefer) for prefer in ("past", "future")]
    if None in readings or readings[0][4:] != readings[1][4:]:
        return None  # not read, or read as something else than a month without its year
    if past or readings[0] == readings[1]:
        return readings[0]
    raise unread(
        N_("{answer} could be {first} or {second}: write it as {iso}"),
        text,
        first=readings[0],
        second=readings[1],
        iso="YYYY-MM",
    )


def _read_roughly(text: str, today: date, prefer: str) -> str | None:
    """What dateparser reads in `text`, cut to the precision said, or None."""
    said = _date_parser(today, prefer).get_date_data(text)
    if said.date_obj is None or said.period not in _PRECISION:
        return None
    return said.date_obj.date().isoformat()[: _PRECISION[said.period]]


@functools.lru_cache(maxsize=4)
def _date_parser(today: date, prefer: str):
    """dateparser reading the consultation's languages from `today`, preferring dates gone by
    or to come; imported when a date is first said in words (a diagnosis never needs it)."""
    from datetime import datetime

    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=sorted({code.split("_")[0] for code in offered()}),
        settings={
            "RELATIVE_BASE": datetime(today.year, today.month, today.day),
            "PREFER_DATES_FROM": prefer,
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def _none(kind: Kind, ask: Ask | None) -> Reading:
    """ "I don't have one": no cards, an empty list, what the unit says it means, or a value
    not known."""
    if ask is not None and ask.none:
        return Reading(none=True)
    if kind.name == COUNT:
        return Reading([])
    if kind.name == CHOICES:
        return Reading([])
    return Reading(not_known=True)


def _says_never(folded: str, ask: Ask) -> bool:
    """Whether an answer says "never" or "none" as the question offers it: a common word, one
    of its own (`Ask.none_words`), or a sentence with "never" in it ("I never changed it")."""
    if folded in ways_of_saying(SAYS_NONE) or folded in {fold(words) for words in ask.none_words}:
        return True
    if ask.never and folded in {fold(ask.never.in_(code)) for code in ask.never.languages}:
        return True
    return "never" in _words(folded) or folded.startswith(("从没", "从来没", "从未"))


def _yes_no(folded: str) -> bool | None:
    if folded in ways_of_saying(SAYS_YES) or folded in _in_every_language("yes"):
        return True
    if (
        folded in ways_of_saying(SAYS_NO)
        or folded in ways_of_saying(SAYS_NONE)
        or folded in _in_every_language("no")
    ):
        return False
    first = re.split(r"[\s,.!，。！]", folded, maxsplit=1)[0]
    if first in ("yes", "yeah", "yep", "y"):
        return True
    if first in ("no", "nope", "n") or "never" in _words(folded):
        return False
    if folded.startswith(("从没", "从来没", "从未")):
        return False
    if folded[:1] in ("不", "没", "否", "无", "未"):
        return False
    if folded[:1] in ("是", "对", "有", "嗯", "已"):
        return True
    return None


def _number(text: str, whole: bool) -> float | int | None:
    found = re.findall(r"[-+]?\d[\d,]*(?:\.\d+)?", text)
    if len(found) != 1:
        return None
    digits = found[0].replace(",", "")
    if whole:
        return int(digits) if re.fullmatch(r"[-+]?\d+", digits) else None
    return float(digits)


_COUNTED = re.compile(r"(\S+?)\s*(?:张|個|个|枚|つ|장|개|cards?)?")
"""A count with what it counts: 两张, 二枚, 1つ, 2장, "two cards"."""


def _count(folded: str) -> int | None:
    """How many: a number alone or with what it counts, in figures or in words."""
    if folded in ways_of_saying(SAYS_NO):
        return 0
    said = _COUNTED.fullmatch(folded)
    word = said.group(1) if said else folded
    number = int(word) if word.isdigit() else _NUMBERS.get(word)
    return number if number is not None and number <= MOST_ITEMS else None


def _choice(kind: Kind, ask: Ask | None, text: str) -> str | None:
    """The value `text` names: by value, label, synonym or number, else the one choice whose
    words it shares most ("adding a card in alipay"); None when it names none or ties."""
    folded = fold(text)
    if folded.isdigit() and 1 <= int(folded) <= len(kind.values):
        return kind.values[int(folded) - 1]
    names = {value: _names(ask, value) for value in kind.values}
    exact = [value for value, words in names.items() if folded in words]
    if len(exact) == 1:
        return exact[0]
    typed = _words(folded)
    scores = {
        value: max(_shared(folded, typed, name) for name in words) for value, words in names.items()
    }
    best = max(scores.values())
    chosen = [value for value, score in scores.items() if score == best]
    return chosen[0] if best > 0 and len(chosen) == 1 else None


def _offered(kind: Kind, ask: Ask | None, text: str) -> tuple[str, Choice | None] | None:
    """The value `text` names and the way it was offered (`Ask.offers`: a foreign card's
    payment in Alipay), read as `_choice` reads a value: by number in the list as shown, by
    a way's words, or by the value's own words (the value alone, its `sets` only)."""
    if ask is None or not any(ask.choices[v].offered for v in kind.values if v in ask.choices):
        chosen = _choice(kind, ask, text)
        return (chosen, ask.choices.get(chosen) if ask else None) if chosen else None
    listed = ask.offers(kind.values)
    folded = fold(text)
    if folded.isdigit() and 1 <= int(folded) <= len(listed):
        return listed[int(folded) - 1]
    ways = [*listed, *((v, ask.choices[v]) for v in kind.values if ask.choices[v].offered)]
    names = [
        _names(ask, value) if way is ask.choices.get(value) else _way_names(way)
        for value, way in ways
    ]
    exact = [index for index, words in enumerate(names) if folded in words]
    if len(exact) == 1:
        return ways[exact[0]]
    # Of ways that share as many words, a value named alone before a way offered with more
    # ("adding a card in Alipay" stays a bank card's link), then the one with the fewest
    # other words ("a foreign card in Alipay" is paying with one, not adding one).
    typed = _words(folded)
    alone = [way is ask.choices.get(value) for value, way in ways]
    fits = [max(_fit(folded, typed, name) for name in words) for words in names]
    scores = [(fit[0], plain, fit[1]) for fit, plain in zip(fits, alone, strict=True)]
    best = max(scores)
    chosen = [index for index, score in enumerate(scores) if score == best]
    return ways[chosen[0]] if best[0] > 0 and len(chosen) == 1 else None


PART_OF_A_NAME = 0.4
"""The least share of a choice's name (in characters, not Latin words) an answer that is only
part of it must be: the wallet's name in "paying with the wallet", not one word of a sentence."""


def _fit(folded: str, typed: set[str], name: str) -> tuple[int, int]:
    """How much of a choice's name an answer holds, and (negated) how much it leaves out: the
    words of a name in Latin letters, the characters of another."""
    shared = _shared(folded, typed, name)
    if not shared:
        return 0, 0
    return shared, shared - (len(_words(name)) if name.isascii() else len(name))


def _way_names(way: Choice | None) -> set[str]:
    if way is None:
        return set()
    words = {fold(way.label.in_(code)) for code in way.label.languages}
    return words | {fold(synonym) for synonym in way.synonyms}


def _shared(folded: str, typed: set[str], name: str) -> int:
    """How much of a choice's name an answer holds. A name in Latin letters: the words they
    share. Another (Chinese, Japanese, Korean): its characters when it appears whole in the
    answer, or the answer's when the answer is most of it ("アリペイ" of "アリペイでの支払い";
    not "銀行", a tenth of two places' names)."""
    if name.isascii():
        return len(typed & _words(name))
    if name in folded:
        return len(name)
    part = not folded.isascii() and folded in name and len(folded) >= 2
    return len(folded) if part and len(folded) / len(name) >= PART_OF_A_NAME else 0


_STOP_WORDS = frozenset(
    {"a", "an", "the", "in", "on", "at", "with", "my", "it", "is", "to", "of", "i"}
)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text)) - _STOP_WORDS


def _names(ask: Ask | None, value: str) -> set[str]:
    words = {fold(value.replace("_", " "))}
    choice = ask.choices.get(value) if ask else None
    if choice is not None:
        words |= {fold(choice.label.in_(code)) for code in choice.label.languages}
        words |= {fold(synonym) for synonym in choice.synonyms}
    return words


def _choice_names(ask: Ask | None, values: tuple[str, ...]) -> Wording:
    """The choices' labels as the question lists them, each shown in the reader's language."""
    offered = ask.offers(values) if ask else tuple((v, None) for v in values)
    labels = [way.label if way else Wording(v.replace("_", " ")) for v, way in offered]
    # translators: between the choices listed ("、" in Japanese).
    comma = Wording(", ")
    return functools.reduce(lambda listed, label: listed + comma + label, labels)


def _in_every_language(english: str) -> frozenset[str]:
    """`english` as each catalog translates it: a Japanese reader types はい, a Korean 모름."""
    return frozenset(fold(Wording(english).in_(code)) for code in offered())


def fold(text: str) -> str:
    """Case, spacing, underscores and hyphens, curly quotes and end punctuation set aside."""
    text = text.casefold().replace("’", "'").replace("_", " ").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip(" .!。！")


def _unwrap(annotation: Any) -> Any:
    """`X | None` -> X; `Annotated[X, ...]` -> X."""
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation
