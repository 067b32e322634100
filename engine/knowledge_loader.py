"""Building a `KnowledgeBase`: the built-in `knowledge` package plus rule units from folders.

An organisation keeps its own rules in a folder of `.py` files and passes it with
`--knowledge DIR`; nothing in `engine/` changes. Each file is one unit and may
define `CAUSE`, `WORKAROUND`, `OBSERVATIONS`, `MESSAGE_PATTERNS` and `QUESTIONS`,
written in the vocabulary of `engine.rules`. Files are imported by path under
private module names that are removed from `sys.modules` afterwards, so two
folders may both hold a `rules.py` and neither shadows a real module. A unit
loads, and its observations run, inside `engine.fence`: its output goes to
standard error, and an exception or a unit that runs too long is one
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

from engine import fence
from engine.errors import InputError, KnowledgeError
from engine.knowledge_base import KnowledgeBase
from engine.rules import Cause, MessagePattern, Observation, Workaround

UNIT_NAMES = ("CAUSE", "WORKAROUND", "OBSERVATIONS", "MESSAGE_PATTERNS", "QUESTIONS")


@dataclass(frozen=True)
class Unit:
    """What one rule file defines, and the file it came from."""

    path: Path
    cause: Cause | None = None
    workaround: Workaround | None = None
    observations: tuple[Observation, ...] = ()
    messages: tuple[MessagePattern, ...] = ()
    questions: tuple[tuple[str, str], ...] = ()


def builtin_knowledge() -> KnowledgeBase:
    import knowledge

    return KnowledgeBase(
        causes=knowledge.CAUSES,
        workarounds=knowledge.WORKAROUNDS,
        observations=knowledge.OBSERVATIONS,
        messages=knowledge.MESSAGE_PATTERNS,
        questions=knowledge.QUESTIONS,
    )


def load_knowledge(extra_dirs: Iterable[Path] = ()) -> KnowledgeBase:
    """The built-in knowledge base extended by the units of each folder, in order."""
    return extend(builtin_knowledge(), read_folders(extra_dirs))


def read_folders(folders: Iterable[Path]) -> tuple[Unit, ...]:
    return tuple(unit for folder in folders for unit in read_folder(folder))


def extend(kb: KnowledgeBase, units: Iterable[Unit]) -> KnowledgeBase:
    """`kb` with the units' definitions appended (so built-in ones rank first in ties).

    Nothing is merged away: a duplicate id stays visible for `check-kb` to name.
    A unit's question replaces the built-in question for the same fact.
    """
    units = tuple(units)
    questions = dict(kb.questions)
    for unit in units:
        questions.update(unit.questions)
    return KnowledgeBase(
        causes=kb.causes + tuple(u.cause for u in units if u.cause is not None),
        workarounds=kb.workarounds + tuple(u.workaround for u in units if u.workaround),
        observations=kb.observations + tuple(o for u in units for o in u.observations),
        messages=kb.messages + tuple(m for u in units for m in u.messages),
        questions=questions,
    )


def read_folder(folder: Path) -> tuple[Unit, ...]:
    """Every unit in `folder` (its `.py` files, by name; names starting with `_` are skipped)."""
    if not folder.exists():
        raise InputError(f"--knowledge {folder}: no such folder")
    if not folder.is_dir():
        raise InputError(f"--knowledge {folder}: is a file, expected a folder of rule units (.py)")
    try:
        files = sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))
    except OSError as error:
        raise InputError(f"--knowledge {folder}: cannot be read ({error.strerror})") from None
    if not files:
        raise InputError(f"--knowledge {folder}: holds no rule units (.py files)")
    return tuple(read_unit(path) for path in files)


def read_unit(path: Path) -> Unit:
    """The definitions of one rule file; a file that fails to import is a KnowledgeError."""
    module = _import_by_path(path)
    defined = [name for name in UNIT_NAMES if hasattr(module, name)]
    if not defined:
        raise KnowledgeError(f"{path}: defines none of {', '.join(UNIT_NAMES)}")
    questions = getattr(module, "QUESTIONS", {})
    if not isinstance(questions, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in questions.items()
    ):
        raise KnowledgeError(f"{path}: QUESTIONS must be a dict of fact path -> question text")
    return Unit(
        path=path,
        cause=_one(module, path, "CAUSE", Cause),
        workaround=_one(module, path, "WORKAROUND", Workaround),
        observations=tuple(
            replace(observation, evaluate=fence.fenced(observation.evaluate, path))
            for observation in _many(module, path, "OBSERVATIONS", Observation)
        ),
        messages=_many(module, path, "MESSAGE_PATTERNS", MessagePattern),
        questions=tuple(questions.items()),
    )


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
            f"{path}: {name} must be an engine.rules.{kind.__name__}, not {type(value).__name__}"
        )
    return value


def _many(module: ModuleType, path: Path, name: str, kind: type) -> tuple:
    values = getattr(module, name, ())
    if not isinstance(values, (tuple, list)) or not all(isinstance(v, kind) for v in values):
        raise KnowledgeError(f"{path}: {name} must be a tuple of engine.rules.{kind.__name__}")
    return tuple(values)
