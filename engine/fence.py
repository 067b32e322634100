"""The fence around knowledge units' code (`--knowledge` folders): it runs, but cannot break a run.

A unit is Python run inside paydoctor. While a unit loads, and whenever one of
its observations is evaluated:
- what it prints goes to standard error, so reports and batch records stay
  clean JSON;
- an exception it raises becomes one KnowledgeError naming the unit's file and
  line (exit status 2; an error record in a batch, with any number of jobs);
- if it runs longer than the time limit it is stopped and reported the same way,
  naming the line it was running.
The time limit is a SIGALRM timer, which only a process's main thread can set
(the command line, a batch worker), and only where there is one (not Windows);
in another thread (a web server's), units run without a limit and their output
is left alone, as it is that thread's.
A unit that catches BaseException itself can outlast the timer: load only
folders you trust.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from engine.errors import KnowledgeError

DEFAULT_TIME_LIMIT = 5.0
"""Seconds a unit may run at once: a case takes milliseconds, so only a unit stuck in a loop
(or waiting on something that never comes) meets it."""

time_limit = DEFAULT_TIME_LIMIT
"""The process's limit (`--time-limit`); batch workers inherit it when forked."""

_active = False
"""Whether fenced code is running: a unit calling another unit runs inside the first's fence."""


class _TimeUp(BaseException):
    """Raised by the timer where the unit is; a BaseException so `except Exception` lets it by."""


def fenced(function: Callable[..., Any], unit: Path) -> Callable[..., Any]:
    """`function`, defined in the file `unit`, run inside the fence at every call."""

    def call(*args: Any, **kwargs: Any) -> Any:
        with running(unit):
            return function(*args, **kwargs)

    return call


@contextlib.contextmanager
def running(unit: Path) -> Iterator[None]:
    """Run code of the unit in file `unit` inside the fence (see the module docstring)."""
    global _active
    if _active:
        yield
        return
    in_main = threading.current_thread() is threading.main_thread()
    _active = True
    try:
        if in_main:
            with _redirected_stdout(), _timer(unit):
                yield
        else:
            yield
    except _TimeUp as stop:
        raise KnowledgeError(
            f"{stop.args[0]}: stopped after running longer than the {time_limit:g} s time limit"
            " (--time-limit SECONDS)"
        ) from None
    except KnowledgeError:
        raise
    except Exception as error:
        raise KnowledgeError(f"{_where(unit, error)}: {one_line(error)}") from None
    finally:
        _active = False


@contextlib.contextmanager
def _redirected_stdout() -> Iterator[None]:
    with contextlib.redirect_stdout(sys.stderr):
        yield


@contextlib.contextmanager
def _timer(unit: Path) -> Iterator[None]:
    if not time_limit or time_limit <= 0 or not hasattr(signal, "setitimer"):
        yield  # no limit set, or no timer (Windows)
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _TimeUp(_running_line(unit, frame))

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, time_limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _names(unit: Path) -> set[str]:
    """The names a unit's code may carry as its file: as given, and resolved."""
    return {str(unit), str(unit.resolve())}


def _running_line(unit: Path, frame: FrameType | None) -> str:
    """`file:line` of the innermost frame in the unit's file, from the frame interrupted."""
    names = _names(unit)
    while frame is not None:
        if frame.f_code.co_filename in names:
            return f"{unit}:{frame.f_lineno}"
        frame = frame.f_back
    return f"{unit}:?"


def _where(unit: Path, error: BaseException) -> str:
    """`file:line` of the innermost frame of the traceback in the unit's file."""
    names = _names(unit)
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename in names]
    return f"{unit}:{frames[-1].lineno if frames else '?'}"


def one_line(error: BaseException) -> str:
    """An exception as `Type: message` on one line."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
