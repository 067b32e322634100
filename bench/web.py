"""Measure the web API under load: diagnoses a second and latency, beside a trivial endpoint.

    python bench/web.py [--workers 2] [--clients 16] [--requests 10000] [--seconds 20]

Starts `python cli.py serve --port 0 --workers N` on loopback, then 16 clients,
each on its own kept-alive connection, send requests one after another: first
a warm-up, then the trivial endpoint (`GET /api/v1/health`, what the server
costs by itself), then `POST /api/v1/diagnose` with the examples' facts in turn.
Each phase stops at its request count or its time limit, whichever comes
first. The clients parse responses with httptools (the parser the server uses)
on asyncio, so they cost little of the machine they share with the server.
Prints the figures and the targets; record them in bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httptools

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
TARGET_RATE, TARGET_P99_MS = 300, 150


@dataclass
class Phase:
    """The requests of one phase: latencies of the good ones, and the errors."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    server_cpu: float = 0.0
    client_cpu: float = 0.0

    def line(self, name: str) -> str:
        done = len(self.latencies)
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) * 1000 if ordered else float("nan")
        p99 = ordered[min(done - 1, int(done * 0.99))] * 1000 if ordered else float("nan")
        rate = done / self.elapsed if self.elapsed else 0.0
        per = 1000 / max(done, 1)
        return (
            f"{name:<24} {done:>5} requests in {self.elapsed:4.1f} s: {rate:5.0f} a second,"
            f" p50 {p50:5.1f} ms, p99 {p99:5.1f} ms, errors {len(self.errors)};"
            f" CPU a request: server {self.server_cpu * per:.2f} ms,"
            f" client {self.client_cpu * per:.2f} ms"
        )

    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def p99_ms(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


class Connection:
    """One kept-alive HTTP/1.1 connection, one request at a time (responses parsed by httptools)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer
        self.parser = httptools.HttpResponseParser(self)
        self.body = bytearray()
        self.complete = False

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        return cls(*await asyncio.open_connection(host, port))

    # httptools' callbacks
    def on_body(self, body: bytes) -> None:
        self.body += body

    def on_message_complete(self) -> None:
        self.complete = True

    async def request(self, method: str, target: str, body: bytes = b"") -> tuple[int, bytes]:
        kind = "Content-Type: application/json\r\n" if body else ""
        length = f"Content-Length: {len(body)}\r\n"
        head = f"{method} {target} HTTP/1.1\r\nHost: localhost\r\n{kind}{length}\r\n"
        self.writer.write(head.encode() + body)
        self.body, self.complete = bytearray(), False
        while not self.complete:
            chunk = await self.reader.read(65536)
            if not chunk:
                raise ConnectionError("the server closed the connection")
            self.parser.feed_data(chunk)
        return self.parser.get_status_code(), bytes(self.body)

    def close(self) -> None:
        self.writer.close()


def server_processes(pid: int) -> list[Path]:
    """/proc folders of process `pid` and its children (the workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = stat.read_text().rsplit(")", 1)[1].split()[1]
        except OSError:
            continue
        if stat.parent.name == str(pid) or parent == str(pid):
            found.append(stat.parent)
    return found


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by process `pid` and its children (Linux /proc), in seconds."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for folder in server_processes(pid):
        fields = (folder / "stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def worker_rss_mib(pid: int) -> list[int]:
    """Resident memory of each worker (the children; the process itself with one worker)."""
    folders = server_processes(pid)
    children = [f for f in folders if f.name != str(pid)]
    # multiprocessing's resource tracker is a child too, but serves nothing.
    workers = [f for f in children if b"resource_tracker" not in (f / "cmdline").read_bytes()]
    workers = workers or folders
    sizes = []
    for folder in workers:
        status = (folder / "status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024)
    return sizes


async def run_phase(
    server: int,
    host: str,
    port: int,
    clients: int,
    count: int,
    seconds: float,
    method: str,
    target: str,
    bodies: list[bytes],
) -> Phase:
    """`count` requests (at most `seconds`) shared by `clients` connections."""
    phase = Phase()
    issued = 0
    deadline = time.perf_counter() + seconds

    async def client(number: int) -> None:
        nonlocal issued
        connection = await Connection.open(host, port)
        try:
            while issued < count and time.perf_counter() < deadline:
                body = bodies[issued % len(bodies)]
                issued += 1
                started = time.perf_counter()
                try:
                    status, content = await connection.request(method, target, body)
                except (ConnectionError, httptools.HttpParserError) as error:
                    phase.errors.append(str(error))
                    connection.close()
                    connection = await Connection.open(host, port)
                    continue
                if status == 200:
                    phase.latencies.append(time.perf_counter() - started)
                else:
                    phase.errors.append(f"{status}: {content[:200]!r}")
        finally:
            connection.close()

    started, server_cpu, client_cpu = time.perf_counter(), cpu_seconds(server), time.process_time()
    await asyncio.gather(*(client(n) for n in range(clients)))
    phase.elapsed = time.perf_counter() - started
    phase.server_cpu = cpu_seconds(server) - server_cpu
    phase.client_cpu = time.process_time() - client_cpu
    return phase


def start_server(workers: int) -> tuple[subprocess.Popen, str, int]:
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "serve", "--port", "0", "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stderr.readline()
    match = re.search(r"http://([\d.]+):(\d+)/", line)
    if not match:
        process.kill()
        raise SystemExit(f"the server did not start: {line.strip()}")
    # Read the rest of its output (the access log) so the server never blocks on a full pipe.
    import threading

    threading.Thread(target=process.stderr.read, daemon=True).start()
    return process, match.group(1), int(match.group(2))


async def wait_ready(host: str, port: int, workers: int, seconds: float = 60) -> None:
    """Until every worker answers: a fresh connection a time lands on any of them."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        try:
            connections = [await Connection.open(host, port) for _ in range(workers * 4)]
            for connection in connections:
                await connection.request("GET", "/api/v1/health")
                connection.close()
            return
        except OSError:
            await asyncio.sleep(0.2)
    raise SystemExit("the server did not answer")


async def bench(args: argparse.Namespace, server: int, host: str, port: int) -> tuple[Phase, Phase]:
    bodies = [path.read_bytes() for path in EXAMPLES]
    await wait_ready(host, port, args.workers)
    clients, seconds = args.clients, args.seconds
    await run_phase(server, host, port, clients, 400, seconds, "POST", "/api/v1/diagnose", bodies)
    print(f"worker memory after the warm-up: {worker_rss_mib(server)} MiB")
    trivial = await run_phase(
        server, host, port, clients, args.requests, seconds, "GET", "/api/v1/health", [b""]
    )
    diagnose = await run_phase(
        server, host, port, clients, args.requests, seconds, "POST", "/api/v1/diagnose", bodies
    )
    print(f"worker memory at the end: {worker_rss_mib(server)} MiB")
    return trivial, diagnose


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="server processes (default: 2)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--requests", type=int, default=10_000, help="requests a phase")
    parser.add_argument("--seconds", type=float, default=20, help="time limit of a phase")
    args = parser.parse_args()
    process, host, port = start_server(args.workers)
    try:
        trivial, diagnose = asyncio.run(bench(args, process.pid, host, port))
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(
        f"{os.cpu_count()} cores, {platform.processor() or platform.machine()},"
        f" Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end;"
        f" {args.workers} worker{'s' * (args.workers != 1)}, {args.clients} clients on loopback"
    )
    print(trivial.line("GET /api/v1/health"))
    print(diagnose.line("POST /api/v1/diagnose"))
    met = (
        diagnose.rate() >= TARGET_RATE
        and diagnose.p99_ms() <= TARGET_P99_MS
        and not diagnose.errors
    )
    print(
        f"target: >= {TARGET_RATE} diagnoses a second, p99 <= {TARGET_P99_MS} ms, no errors:"
        f" {'met' if met else 'NOT met'}"
    )
    # The server's CPU time a diagnosis, spread over every core: its rate with the machine alone.
    capacity = os.cpu_count() * len(diagnose.latencies) / max(diagnose.server_cpu, 1e-9)
    print(
        f"the server alone on all {os.cpu_count()} cores: about {capacity:.0f} diagnoses a second"
    )
    for error in (trivial.errors + diagnose.errors)[:5]:
        print(f"error: {error}")


if __name__ == "__main__":
    main()
