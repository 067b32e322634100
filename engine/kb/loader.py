"""Building a `KnowledgeBase` from folders of rule units: the built-in one and any others.

The built-in `knowledge` folder and an organisation's own (`--knowledge DIR`)
are read the same way: every `.py` file below the folder (names starting with
`_` skipped) is one unit and may define `CAUSE`, `WORKAROUND`, `CONCLUSION`,
`OBSERVATIONS` (shared observations), `QUESTIONS`, `FACTS` (the facts it
declares: sections, or facts added to a section; `engine.facts.declaring`) and `LAYERS`
(layers of the fix order), written in the vocabulary of `engine.authoring.rules`. The
knowledge base's facts model is built from every folder's `FACTS`, its layers from their
`LAYERS`. A cause or workaround carries everything about
itself, its own observations, messages and questions included. Nothing names a
unit in a registry: the fix order comes from layers and `after` edges alone.
Files are imported by path under private module names that are removed from
`sys.modules` afterwards, so two folders may both hold a `rules.py` and neither
shadows a real module. A unit loads inside `engine.kb.fence`, and so do the
observations of every folder but the trusted (built-in) ones: its output goes
to standard error, and an exception or a unit that runs too long is one
KnowledgeError naming its file and line.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from engine.authoring.rules import (
    Cause,
    Conclusion,
    Layer,
    MessagePattern,
    Observation,
    Workaround,
    standard_layers,
)
from engine.errors import InputError, KnowledgeError
from engine.facts.asking import Ask, plain
from engine.facts.declaring import DeclarationError, Fact, Section, facts_model
from engine.facts.declaring import questions as declared_questions
from engine.kb import fence
from engine.kb.base import KnowledgeBase

UNIT_NAMES = (
    "CAUSE", "CAUSES", "WORKAROUND", "CONCLUSION", "OBSERVATIONS", "QUESTIONS", "FACTS", "LAYERS"
)  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """What one rule file defines, and the file it came from."""

    path: Path
    causes: tuple[Cause, ...] = ()
    """Its `CAUSE`, or the variants of a per-wallet cause (`CAUSES`, one per wallet)."""
    workaround: Workaround | None = None
    conclusion: Conclusion | None = None
    observations: tuple[Observation, ...] = ()
    questions: tuple[tuple[str, Ask], ...] = ()
    facts: tuple[Fact | Section, ...] = ()
    layers: tuple[Layer, ...] = ()

    @property
    def defined(self) -> tuple[Cause | Workaround | Conclusion, ...]:
        others = (self.workaround, self.conclusion)
        return self.causes + tuple(unit for unit in others if unit is not None)


def load_knowledge(folders: Iterable[Path], trusted: Iterable[Path] = ()) -> KnowledgeBase:
    """The knowledge base of every unit in these folders, in order (the built-in one first).

    Observations of `trusted` folders run without the fence, which costs a few
    microseconds a call; every other folder's run inside it.
    """
    return assemble(read_folders(folders, trusted))


def read_folders(folders: Iterable[Path], trusted: Iterable[Path] = ()) -> tuple[Unit, ...]:
    trusted = {Path(folder).resolve() for folder in trusted}
    return tuple(
        unit
        for folder in folders
        for unit in read_folder(folder, fenced=Path(folder).resolve() not in trusted)
    )


def assemble(units: Iterable[Unit]) -> KnowledgeBase:
    """The knowledge base these units make, in reading order.

    Nothing is merged away: a duplicate id stays visible for `check-kb` to name.
    A fact's question is its declaration's; a later unit's question replaces an
    earlier one for the same fact. The same `Message` held by several causes
    points at each of them.
    """
    units = tuple(units)
    declared = tuple(declaration for u in units for declaration in u.facts)
    try:
        model = facts_model(declared)
    except DeclarationError as error:
        path = next(u.path for u in units if any(d is error.declared for d in u.facts))
        raise KnowledgeError(f"{path}: FACTS: {error}") from None
    causes = tuple(cause for u in units for cause in u.causes)
    layers = _layers(units, causes)
    workarounds = tuple(u.workaround for u in units if u.workaround is not None)
    questions: dict[str, Ask] = declared_questions(declared)
    for unit in units:
        questions.update(unit.questions)
        for owned in (*unit.causes, unit.workaround):
            if owned is not None:
                questions.update(_asks(owned.questions, unit.path))
    points_at: dict[tuple[Any, tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for cause in causes:
        for message in cause.messages:
            said = (message.meaning, tuple(message.phrases), message.shares_words_with)
            points_at.setdefault(said, []).append(cause.key)
    return KnowledgeBase(
        causes=causes,
        workarounds=workarounds,
        conclusions=tuple(u.conclusion for u in units if u.conclusion is not None),
        observations=_once(
            [o for u in units for o in u.observations]
            + [o for unit in (*causes, *workarounds) for o in unit.observations]
        ),
        messages=tuple(
            MessagePattern(phrases, meaning, tuple(ids), shared)
            for (meaning, phrases, shared), ids in points_at.items()
        ),
        questions=questions,
        facts_model=model,
        layers=layers,
    )


def _layers(units: tuple[Unit, ...], causes: tuple[Cause, ...]) -> tuple[Layer, ...]:
    """The layers the units declare (the built-in knowledge's when none does), each once; a
    cause naming a layer these do not declare is refused, naming its file."""
    declared = tuple(layer for u in units for layer in u.layers) or standard_layers()
    by_key: dict[str, Layer] = {}
    for layer in declared:
        if by_key.setdefault(layer.key, layer) != layer:
            path = next(u.path for u in units if layer in u.layers)
            raise KnowledgeError(f"{path}: LAYERS: layer {layer.key!r} is declared twice")
    for unit in units:
        for cause in unit.causes:
            if cause.layer not in by_key:
                keys = ", ".join(repr(key) for key in by_key)
                raise KnowledgeError(
                    f"{unit.path}: {cause.id}: layer {cause.layer!r} is not one of {keys}"
                )
    return tuple(by_key.values())


def _once(observations: list[Observation]) -> tuple[Observation, ...]:
    """Each observation once: a unit imported into another file again brings the same one.

    Observations are the same when their name, meaning, facts read and subject (`per_card`)
    agree; two that share a name but not the rest stay, for `check-kb` to name.
    """
    return tuple({(o.name, o.meaning, o.reads, o.per_card): o for o in observations}.values())


def read_folder(folder: Path, fenced: bool = True) -> tuple[Unit, ...]:
    """Every unit in `folder` (its `.py` files, by name; names starting with `_` are skipped)."""
    if not folder.exists():
        raise InputError("--knowledge {folder}: no such folder", folder=folder)
    if not folder.is_dir():
        raise InputError(
            "--knowledge {folder}: is a file, expected a folder of rule units (.py)", folder=folder
        )
    try:
        files = sorted(
            path
            for path in folder.rglob("*.py")
            if not any(part.startswith("_") for part in path.relative_to(folder).parts)
        )
    except OSError as error:
        raise InputError(
            "--knowledge {folder}: cannot be read ({reason})", folder=folder, reason=error.strerror
        ) from None
    if not files:
        raise InputError("--knowledge {folder}: holds no rule units (.py files)", folder=folder)
    return tuple(read_unit(path, fenced) for path in files)


def read_unit(path: Path, fenced: bool = True) -> Unit:
    """The definitions of one rule file; a file that fails to import is a KnowledgeError."""
    module = _import_by_path(path)
    unit = _read_module(module, path)
    return _fence(unit) if fenced else unit


def _fence(unit: Unit) -> Unit:
    """The unit with each of its observations run inside the fence."""

    def fenced(observations: tuple[Observation, ...]) -> tuple[Observation, ...]:
        return tuple(replace(o, evaluate=fence.fenced(o.evaluate, unit.path)) for o in observations)

    workaround = unit.workaround
    return replace(
        unit,
        causes=tuple(replace(c, observations=fenced(c.observations)) for c in unit.causes),
        workaround=workaround and replace(workaround, observations=fenced(workaround.observations)),
        observations=fenced(unit.observations),
    )


def _read_module(module: ModuleType, path: Path) -> Unit:
    defined = [name for name in UNIT_NAMES if hasattr(module, name)]
    if not defined:
        raise KnowledgeError(f"{path}: defines none of {', '.join(UNIT_NAMES)}")
    questions = _asks(getattr(module, "QUESTIONS", {}), path)
    return Unit(
        path=path,
        causes=tuple(filter(None, (_one(module, path, "CAUSE", Cause),)))
        + _many(module, path, "CAUSES", Cause),
        workaround=_one(module, path, "WORKAROUND", Workaround),
        conclusion=_one(module, path, "CONCLUSION", Conclusion),
        observations=_many(module, path, "OBSERVATIONS", Observation),
        questions=tuple(questions.items()),
        facts=_many(
            module, path, "FACTS", (Fact, Section), "engine.facts.declaring.Fact or Section"
        ),
        layers=_many(module, path, "LAYERS", Layer),
    )


def _asks(questions: object, path: Path) -> dict[str, Ask]:
    """A unit's questions, each an `Ask` (a plain string is an English question)."""
    if not isinstance(questions, dict) or not all(
        isinstance(k, str) and isinstance(v, (str, Ask)) for k, v in questions.items()
    ):
        raise KnowledgeError(
            f"{path}: QUESTIONS must be a dict of fact path -> engine.facts.asking.Ask"
            " (or question text)"
        )
    return {key: plain(ask, key) if isinstance(ask, str) else ask for key, ask in questions.items()}


def _import_by_path(path: Path) -> ModuleType:
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]
    name = f"_paydoctor_unit_{digest}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise KnowledgeError(f"{path}: cannot be imported as a Python file")
    module = importlib.util.module_from_spec(spec)
    # Present only while the file runs, so dataclasses and pickling defined in it work.
    sys.modules[name] = module
    try:
        with fence.running(path):
            try:
                spec.loader.exec_module(module)
            except SyntaxError as error:
                message = f"{path}:{error.lineno}: syntax error: {error.msg}"
                raise KnowledgeError(message) from None
    finally:
        del sys.modules[name]
    return module


def _one(module: ModuleType, path: Path, name: str, kind: type):
    value = getattr(module, name, None)
    if value is not None and not isinstance(value, kind):
        raise KnowledgeError(
            f"{path}: {name} must be an engine.authoring.rules.{kind.__name__},"
            f" not {type(value).__name__}"
        )
    return value


def _many(
    module: ModuleType, path: Path, name: str, kind: type | tuple[type, ...], said: str = ""
) -> tuple:
    values = getattr(module, name, ())
    if not isinstance(values, (tuple, list)) or not all(isinstance(v, kind) for v in values):
        said = said or f"engine.authoring.rules.{kind.__name__}"  # type: ignore[union-attr]
        raise KnowledgeError(f"{path}: {name} must be a tuple of {said}")
    return tuple(values)
