"""Writing output files safely: atomically, and never over the facts file being read."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from engine.errors import InputError


def write_atomically(path: Path, data: bytes, protect: tuple[Path, ...] = ()) -> None:
    """Write `data` to `path` via a temporary file and a rename.

    A reader (or a Ctrl-C) never sees a half-written file; `protect` lists input
    files that must not be overwritten.
    """
    with open_atomically(path, protect) as stream:
        stream.write(data)


@contextmanager
def open_atomically(path: Path, protect: tuple[Path, ...] = ()) -> Iterator[BinaryIO]:
    """A binary stream that replaces `path` only when the `with` block ends without error.

    For outputs written piece by piece (a batch); otherwise as `write_atomically`.
    """
    target = path.resolve()
    for kept in protect:
        if kept.exists() and target == kept.resolve():
            raise InputError(f"{path}: is the input file; refusing to overwrite it")
    if target.is_dir():
        raise InputError(f"{path}: is a folder, expected a file name")
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"{path}: cannot write: folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, _mode_for(target))  # by name: Windows has os.fchmod from 3.13 on
            yield stream
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
        raise


def free_name(path: Path) -> Path:
    """`path` if nothing is there, else the first free `STEM-2.EXT`, `STEM-3.EXT`, ... beside it.

    For files paydoctor names itself: what the person already has stays untouched.
    """
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _mode_for(target: Path) -> int:
    """The permissions a plain `open` would give: the old file's, else 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
