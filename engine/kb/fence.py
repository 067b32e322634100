"""The fence around knowledge units' code (`--knowledge` folders): it runs, but cannot break a run.

A unit is Python run inside paydoctor. While a unit loads, and whenever one of
its observations is evaluated:
- what it prints goes to standard error, so reports and batch records stay
  clean JSON; so does what it writes to file descriptor 1 itself (`os.write`);
- an exception it raises becomes one KnowledgeError naming the unit's file and
  line (exit status 2; an error record in a batch, with any number of jobs),
  its message masked as any quoted value is; so does ending the run
  (`sys.exit`, `KeyboardInterrupt`) or the process (`os._exit`, `os.abort`,
  a signal sent with `os.kill`), which the fence turns into an exception;
- if it runs longer than the time limit (`--time-limit`) it is stopped and
  reported the same way, naming the line it was running;
- if it allocates more than the memory limit (`--memory-limit`) while it runs,
  the allocation fails (MemoryError) and it is reported the same way.
The time limit is a SIGALRM timer in a process's main thread (the command line,
a batch worker), where there is one (not Windows); in another thread (a web
server's, `serve --knowledge`) a timer thread raises the stop in it. The memory
limit is the process's address space limit (RLIMIT_AS), enforced on Linux and
set in the main thread only, as it binds every thread; in another thread the
output is left alone too, as it is that thread's.
A unit that catches BaseException itself can outlast the timer, and Python
code can always reach the process some other way (ctypes): load only folders
you trust.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from engine.errors import KnowledgeError
from engine.facts.personal import mask_names_and_numbers

DEFAULT_TIME_LIMIT = 5.0
"""Seconds a unit may run at once: a case takes milliseconds, so only a unit stuck in a loop
(or waiting on something that never comes) meets it."""

time_limit = DEFAULT_TIME_LIMIT
"""The process's limit (`--time-limit`); batch workers inherit it when forked."""

DEFAULT_MEMORY_LIMIT = 1024
"""MiB a unit may allocate while it runs: a case needs kilobytes, so only a unit allocating
without end meets it."""

memory_limit = DEFAULT_MEMORY_LIMIT
"""The process's limit in MiB (`--memory-limit`); batch workers inherit it when forked."""


_state = threading.local()
"""`active`: whether fenced code is running in this thread (a unit calling another unit runs
inside the first's fence)."""


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
    if getattr(_state, "active", False):
        yield
        return
    in_main = threading.current_thread() is threading.main_thread()
    _state.active = True
    try:
        if in_main:
            with _redirected_stdout(), _no_exits(), _memory_limit(), _timer(unit):
                yield
        else:
            with _no_exits(), _thread_timer():
                yield
    except _TimeUp as stop:
        line = stop.args[0] if stop.args else _where(unit, stop)
        raise KnowledgeError(
            f"{line}: stopped after running longer than the {time_limit:g} s time limit"
            " (--time-limit SECONDS)"
        ) from None
    except KnowledgeError:
        raise
    except MemoryError as error:
        raise KnowledgeError(
            f"{_where(unit, error)}: stopped: it allocated more than the {memory_limit:g} MiB"
            " memory limit (--memory-limit MIB)"
        ) from None
    except (Exception, SystemExit, KeyboardInterrupt, ProcessEnded) as error:
        raise KnowledgeError(f"{_where(unit, error)}: {one_line(error)}") from None
    finally:
        _state.active = False


@contextlib.contextmanager
def _redirected_stdout() -> Iterator[None]:
    """Standard output, Python's and file descriptor 1, goes to standard error meanwhile."""
    global _saved_stdout
    if _saved_stdout is None:
        _saved_stdout = os.dup(1)  # kept open: a fenced call costs two dup2 calls, no more
    os.dup2(2, 1)
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        os.dup2(_saved_stdout, 1)


_saved_stdout: int | None = None
"""A copy of file descriptor 1 as it was, put back after each fenced call."""


class ProcessEnded(BaseException):
    """A unit tried to end the process (`os._exit`, `os.abort`, `os.kill`): raised instead."""


def _refuse(name: str) -> Callable[..., Any]:
    def refused(*args: Any, **kwargs: Any) -> None:
        raise ProcessEnded(f"{name} called: a unit may not end or signal the process")

    return refused


_EXITS = (
    *(
        (module, name)
        for module in (os, sys.modules.get("posix") or os)  # `os` names posix's functions
        for name in ("_exit", "abort", "kill", "killpg")
    ),
    (signal, "raise_signal"),
    (signal, "pthread_kill"),
)
"""The functions that end a process or signal one, replaced while a unit runs."""
_REFUSED = tuple(
    (module, name, _refuse(f"{module.__name__}.{name}"))
    for module, name in _EXITS
    if hasattr(module, name)
)
_ORIGINALS = tuple((module, name, getattr(module, name)) for module, name, _ in _REFUSED)


@contextlib.contextmanager
def _no_exits() -> Iterator[None]:
    """The process's exits refused while any thread runs a unit (counted: threads overlap)."""
    global _fencing
    with _exits_lock:
        _fencing += 1
        if _fencing == 1:
            for module, name, refused in _REFUSED:
                setattr(module, name, refused)
    try:
        yield
    finally:
        with _exits_lock:
            _fencing -= 1
            if _fencing == 0:
                for module, name, function in _ORIGINALS:
                    setattr(module, name, function)


_fencing = 0
"""How many threads are running a unit now."""
_exits_lock = threading.Lock()


@contextlib.contextmanager
def _memory_limit() -> Iterator[None]:
    """The address space limit lowered to `memory_limit` over what the process holds, meanwhile
    (Linux; measured again each second: a server's threads grow the process between calls)."""
    try:
        import resource
    except ImportError:  # Windows
        yield
        return
    limit = _address_space() + int(memory_limit * 1024 * 1024)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = limit if hard == resource.RLIM_INFINITY else min(hard, limit)
    lowered = memory_limit > 0 and (soft == resource.RLIM_INFINITY or wanted < soft)
    if lowered:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    try:
        yield
    finally:
        if lowered:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    """The bytes of address space the process holds (0 where /proc cannot say), read at most
    once a second: reading costs ~10 us, more than the rest of the fence."""
    global _measured
    now = time.monotonic()
    if now - _measured[0] > 1.0:
        _measured = (now, _read_address_space())
    return _measured[1]


_measured: tuple[float, int] = (-2.0, 0)
"""When the address space was last read, and what it was."""


def _read_address_space() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


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


@contextlib.contextmanager
def _thread_timer() -> Iterator[None]:
    """The time limit in a thread other than the main one (a web server's worker thread):
    `_TimeUp` is raised in the thread asynchronously (CPython's PyThreadState_SetAsyncExc),
    at its next line of Python; a unit blocked in one C call (a long `time.sleep`) ends it
    first."""
    if not time_limit or time_limit <= 0 or sys.implementation.name != "cpython":
        yield
        return
    ident = threading.get_ident()
    lock = threading.Lock()
    raised = False

    def stop() -> None:
        nonlocal raised
        with lock:
            raised = _set_async_exc(ident, _TimeUp) == 1

    timer = threading.Timer(time_limit, stop)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            timer.cancel()
            if raised:  # raised after the unit's code ended, but not met yet: withdrawn
                _set_async_exc(ident, None)


def _set_async_exc(ident: int, exception: type[BaseException] | None) -> int:
    import ctypes

    target = ctypes.py_object(exception) if exception is not None else None
    return ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), target)


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
    """An exception as `Type: message` on one line, the message's names and numbers masked
    (it may quote a case's facts: a passport number)."""
    text = " ".join(str(error).split())
    text = mask_names_and_numbers(text[:200] + ("…" if len(text) > 200 else ""))
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
