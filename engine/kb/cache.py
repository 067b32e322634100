"""What is computed from the knowledge alone, kept on disk by a hash of all it is computed from.

A single diagnosis is mostly start-up, and networkx's import alone is about a
third of it (bench/README.md): the fix order, which networkx computes from the
causes' layers and `after` entries, is the same on every run until the
knowledge changes. It is kept in a small JSON file whose name is a hash of
everything the computation reads and of the code that computes it, so a run
with unchanged knowledge reads it back and never imports networkx.

- Never stale: another input or another version of the code is another name.
- Never in the way: a cache folder that is missing, not writable or not a
  folder means the value is computed, as without a cache; a file that cannot
  be read, or whose content does not match its name and checksum, is ignored
  and written again.
- Where: `PAYDOCTOR_CACHE` names the folder (set and empty: no cache at all);
  else `$XDG_CACHE_HOME/paydoctor`, else `~/.cache/paydoctor`. Never the
  installed package. It holds cause keys and layer names, never anything from
  a case's facts.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

FORMAT = 1
"""The files' layout: a new one is a new name, so old files are simply not read."""
ENVIRONMENT = "PAYDOCTOR_CACHE"

T = TypeVar("T")


def folder() -> Path | None:
    """Where the files are kept (None: no cache, as asked or for want of a home folder)."""
    named = os.environ.get(ENVIRONMENT)
    if named is not None:
        return Path(named) if named else None
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return Path(base) / "paydoctor" if base else Path.home() / ".cache" / "paydoctor"
    except RuntimeError:  # no home directory to name
        return None


def cached(
    name: str,
    inputs: Any,
    code: tuple[Path, ...],
    compute: Callable[[], T],
    valid: Callable[[Any], bool],
) -> T:
    """`compute()`'s value, read back from the file for these `inputs` and `code` if one is there
    and holds a value `valid` accepts; else computed and written there (when it can be).

    `inputs` is everything the computation reads (JSON data), `code` the source files that
    compute it, `compute()` a JSON value (lists come back as lists).
    """
    key = _key(name, inputs, code)
    where = folder()
    if key is None or where is None:
        return compute()
    path = where / f"{name}-{key}.json"
    value = _read(path, key, valid)
    if value is not _MISSING:
        return value
    value = compute()
    _write(path, key, value)
    return value


_MISSING = object()


def _key(name: str, inputs: Any, code: tuple[Path, ...]) -> str | None:
    """The hash naming the file; None when the code cannot be read (nothing is cached then)."""
    digest = hashlib.sha256(f"{FORMAT}\0{name}\0".encode())
    try:
        for source in code:
            digest.update(source.read_bytes())
            digest.update(b"\0")
    except OSError:
        return None
    digest.update(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def _checksum(key: str, value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{key}\0{text}".encode()).hexdigest()


def _read(path: Path, key: str, valid: Callable[[Any], bool]) -> Any:
    try:
        data = json.loads(path.read_bytes())
        value = data["value"]
        if data["key"] == key and data["checksum"] == _checksum(key, value) and valid(value):
            return value
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return _MISSING


def _write(path: Path, key: str, value: Any) -> None:
    """Write the file whole or not at all (a reader never sees half of it); any failure to
    write is no failure of the run."""
    import tempfile  # only when a file is written: not on the runs that read one

    text = json.dumps({"key": key, "value": value, "checksum": _checksum(key, value)})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
