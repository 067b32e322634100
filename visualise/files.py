"""Writing output safely: files atomically and never over the facts file being read, and
standard output whose failure (a full disk) is one clear message."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

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
            raise InputError("{path}: is the input file; refusing to overwrite it", path=path)
    if target.is_dir():
        raise InputError("{path}: is a folder, expected a file name", path=path)
    folder = target.parent
    if not folder.is_dir():
        raise InputError(
            "{path}: cannot write: folder {folder} does not exist", path=path, folder=folder
        )
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(
            "{path}: cannot write: {reason}", path=path, reason=error.strerror or error
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, _mode_for(target))  # by name: Windows has os.fchmod from 3.13 on
            yield stream
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(
                "{path}: cannot write: {reason}", path=path, reason=error.strerror or error
            ) from None
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


class GuardedStream:
    """A stream (standard output) whose write errors are one InputError naming it.

    `> /dev/full` ended in an OSError traceback. A closed pipe (`| head`) is not
    an error of the run, so BrokenPipeError passes through for the caller to end
    quietly. Once writing failed, the stream's file descriptor is pointed at
    /dev/null, so the interpreter's last flush at exit cannot fail again.
    """

    def __init__(self, stream: Any, name: str = "standard output"):
        self._stream = stream
        self._name = name

    def write(self, data: Any) -> int:
        try:
            return self._stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from None

    @property
    def buffer(self) -> GuardedStream:
        return GuardedStream(self._stream.buffer, self._name)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _failed(self, error: OSError) -> InputError:
        discard_output(self._stream)
        return InputError(
            "{path}: cannot write ({reason})", path=self._name, reason=error.strerror or error
        )


def discard_output(stream: Any) -> None:
    """Point a stream's file descriptor at /dev/null, so what it still buffers goes nowhere."""
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)
