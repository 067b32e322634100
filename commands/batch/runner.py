"""Diagnosing many cases: read a .jsonl file or a folder of .json files, one record per case.

durable-rules runs one live session per process, so parallelism comes from
worker processes, started the platform's way. Forked ones (Linux) keep the
`Doctor` of the process that built it, so the knowledge base is compiled and
loaded into durable-rules once; spawned ones (macOS, Windows) build their own
from the same folders, once per worker, never per case. Records come back in
input order; a bad case becomes an error record carrying the message the
single-file command would print (a `--knowledge` unit that fails in one case
too: engine/kb/fence.py), and the batch goes on.
"""

from __future__ import annotations

import ctypes
import json
import multiprocessing
import os
import re
import signal
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from engine.errors import EngineFault, InputError, KnowledgeError
from engine.facts.loading import parse_facts_bytes, read_facts_file
from engine.kb.loader import load_knowledge
from engine.outcome import diagnose
from engine.reasoning.diagnosis import Diagnosis, Doctor
from engine.text.translatable import Message

CHUNK = 128
"""Cases sent to a worker at a time: large enough that process hand-offs cost little.

Measured with 2 jobs, the parent process (whose handler threads pickle and
unpickle the chunks) spent about 65 us of CPU a case with chunks of 32 and 43 us
with 128, time taken from the workers on a 2-core machine.
"""

IN_FLIGHT_PER_JOB = 4
"""Chunks queued per worker: keeps every worker busy while memory stays bounded."""


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass(frozen=True)
class BatchCase:
    """One case of a batch: where it came from, and its text or its file."""

    key: str
    """"line" (of a .jsonl file) or "file" (in a folder)."""
    at: int | str
    """The line number, counted from 1, or the file name."""
    data: bytes = b""
    path: Path | None = None


@dataclass(frozen=True)
class CaseResult:
    """One case's JSON record (one line) and what the summary counts of it."""

    record: str
    causes: tuple[str, ...] = ()
    error: str | None = None
    fault: bool = False


@dataclass(frozen=True)
class BatchInput:
    """A .jsonl file (one facts object a line) or a folder of .json files."""

    path: Path

    @classmethod
    def open(cls, path: Path) -> BatchInput:
        if not path.exists():
            raise InputError("{path}: no such file or folder", path=path)
        if path.is_file() and path.suffix != ".jsonl":
            raise InputError(
                "{path}: expected a .jsonl file (one facts object a line) or a folder of"
                " .json files",
                path=path,
            )
        batch = cls(path)
        if path.is_dir() and not batch._files():
            raise InputError("{path}: the folder holds no .json files", path=path)
        return batch

    @property
    def protected(self) -> tuple[Path, ...]:
        """Input files an output must never overwrite."""
        return (self.path,) if self.path.is_file() else tuple(self._files())

    def count(self) -> int:
        """How many cases there are, for the progress bar."""
        if self.path.is_dir():
            return len(self._files())
        with self.path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())

    def __iter__(self) -> Iterator[BatchCase]:
        if self.path.is_dir():
            for file in self._files():
                yield BatchCase("file", file.name, path=file)
            return
        try:
            with self.path.open("rb") as lines:
                for number, line in enumerate(lines, start=1):
                    if line.strip():
                        yield BatchCase("line", number, data=line)
        except OSError as error:
            raise InputError(
                "{path}: cannot be read ({reason})", path=self.path, reason=error.strerror or error
            ) from None

    def _files(self) -> list[Path]:
        return sorted(
            p for p in self.path.iterdir() if p.suffix == ".json" and not p.name.startswith(".")
        )


Render = Callable[[Diagnosis], dict]
"""Makes a diagnosis into its JSON record (the caller's renderer: engine/ draws nothing)."""

Words = Callable[[Message], str]
"""Says an engine message in the reader's language (the caller's: engine/ knows no language)."""


def diagnose_all(
    doctor: Doctor,
    batch: BatchInput,
    jobs: int,
    render: Render,
    words: Words = str,
    knowledge: Iterable[Path] = (),
    trusted: Iterable[Path] = (),
    start_method: str | None = None,
) -> Iterator[CaseResult]:
    """Every case's result, in input order, diagnosed by `jobs` processes.

    `knowledge` names every folder `doctor` was loaded from (the built-in one
    included) and `trusted` those whose units run unfenced, for workers that
    build their own; `start_method` is the platform default unless given.
    """
    folders = tuple(folder.resolve() for folder in knowledge)
    unfenced = tuple(folder.resolve() for folder in trusted)
    worker = _Worker(doctor, folders, unfenced, str(batch.path), render, words)
    if jobs <= 1:
        for case in batch:
            yield worker.run(case)
        return
    executor = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context(start_method),
        initializer=_adopt,
        initargs=(worker,),
    )
    try:
        pending: deque[Future] = deque()
        for chunk in _chunks(batch, CHUNK):
            pending.append(executor.submit(_run_chunk, chunk))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from _waited(pending.popleft())
        while pending:
            yield from _waited(pending.popleft())
    finally:
        # Stopped early too (a fault, Ctrl-C, the reader gone): nothing more is started,
        # and the chunks begun end first (a fraction of a second). Not waiting left the
        # executor's thread to race Python's exit, which printed a traceback.
        executor.shutdown(wait=True, cancel_futures=True)


def _waited(result: Future) -> list[CaseResult]:
    """A chunk's results, or EngineFault once a worker process died.

    A `multiprocessing.Pool` replaced a dead worker but lost its chunk, and could hang
    for ever ending itself (a killed worker held its queue's lock); the executor says
    the pool is broken instead. The fence stops a unit ending its process the usual
    ways; this is for the others (a crash in compiled code, ctypes).
    """
    try:
        return result.result()
    except BrokenProcessPool:
        raise EngineFault(
            "a batch worker process ended while diagnosing; its cases have no record"
            " (a --knowledge unit that ended its process?); try --jobs 1"
        ) from None


@dataclass
class BatchSummary:
    """What a batch found: cases, errors, and how often each cause was found."""

    cases: int = 0
    errors: int = 0
    faults: int = 0
    causes: Counter[str] = field(default_factory=Counter)

    def add(self, result: CaseResult) -> None:
        self.cases += 1
        self.errors += result.error is not None
        self.faults += result.fault
        self.causes.update(result.causes)


@dataclass(frozen=True)
class _Worker:
    """Diagnoses one case into its record; lives in every worker process."""

    doctor: Doctor | None
    """None in a spawned worker until `_adopt` builds it."""
    knowledge: tuple[Path, ...]
    """The knowledge folders `doctor` was loaded from."""
    trusted: tuple[Path, ...]
    """Those whose units run without the fence (the built-in one)."""
    source: str
    render: Render
    words: Words

    def __reduce__(self):
        """Sent to a spawned worker without its Doctor: a compiled engine cannot be pickled."""
        return _Worker, (None, self.knowledge, self.trusted, self.source, self.render, self.words)

    def run(self, case: BatchCase) -> CaseResult:
        where = {case.key: case.at}
        try:
            model = self.doctor.kb.facts_model
            if case.path:
                facts = read_facts_file(case.path, model)
            else:
                line = Message("{file} line {number}", file=self.source, number=case.at)
                facts = parse_facts_bytes(case.data, self.words(line), model)
            diagnosis = diagnose(self.doctor, facts, complete=False).diagnosis
        except (InputError, KnowledgeError) as error:
            message = self.words(error.message)
            return CaseResult(_line({**where, "error": message}), error=message)
        except EngineFault as error:
            message = self.words(Message("internal fault: {problem}", problem=str(error)))
            return CaseResult(_line({**where, "error": message}), error=message, fault=True)
        causes = tuple(finding.cause.id for finding in diagnosis.findings)
        return CaseResult(_line({**where, **self.render(diagnosis)}), causes)


_worker: _Worker | None = None
_startup_error: Exception | None = None


def _adopt(worker: _Worker) -> None:
    """Worker initializer: keep the worker (a forked one has the parent's Doctor; build one
    if not).

    A failure to build is kept for `_run_chunk` to raise in the parent: raised
    here, it would only break the pool, and the parent would not learn why.

    Stopping is the parent's to handle: a worker ignores Ctrl-C, and ends without a
    word at SIGTERM or when it writes to a parent that is gone (SIGPIPE), instead
    of printing tracebacks. On
    Linux it is also sent SIGTERM when the parent dies, however it dies: a worker
    whose parent was killed otherwise waited for work forever.
    """
    global _worker, _startup_error
    if worker.doctor is None:
        try:
            kb = load_knowledge(worker.knowledge, worker.trusted)
            worker = replace(worker, doctor=Doctor(kb))
        except Exception as error:
            _startup_error = error
            return
    _worker = worker
    for name in ("SIGTERM", "SIGHUP", "SIGPIPE"):  # Windows has SIGTERM alone
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


_PR_SET_PDEATHSIG = 1
"""prctl(2): the signal a process gets when the thread that forked it ends."""


def _run_chunk(chunk: list[BatchCase]) -> list[CaseResult]:
    if _worker is None:
        raise _startup_error
    return [_worker.run(case) for case in chunk]


def _chunks(cases: Iterable[BatchCase], size: int) -> Iterator[list[BatchCase]]:
    chunk: list[BatchCase] = []
    for case in cases:
        chunk.append(case)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
"""One encoder for every record; a report is a tree, so the check for cycles is left out."""

_NOT_RAW = re.compile("[\x85\u2028\u2029\ud800-\udfff]")
"""What JSON lets a string hold raw but a record must not: characters that line-based
readers take for line breaks, and lone surrogates, which UTF-8 cannot encode."""


def _line(record: dict) -> str:
    """One record as one line of UTF-8 JSON, whatever characters its text holds.

    The checks before the substitution are what a record costs (a few us; a
    search with `_NOT_RAW` took ten times as long), as records rarely hold any.
    """
    text = _RECORD_ENCODER.encode(record)
    if "\x85" in text or "\u2028" in text or "\u2029" in text or not _encodes(text):
        text = _NOT_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text + "\n"


def _encodes(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True
