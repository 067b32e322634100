"""`paydoctor serve`: run the web application on uvicorn, one process or several.

The socket is bound here first, so a port in use is one clear message and
`--port 0` picks a free port (the line printed names it). Several workers share
that socket (uvicorn's supervisor); each builds the app from the same settings.
Access logs name the method and path, and a query's values masked (`?lang=e*`):
no page puts a person's facts in a URL, and a value typed into one is still
masked. A fault is one line naming where it was raised (web/guard.py).

Time limits (uvicorn's settings, and one of ours): a connection idle after a
response is closed after `KEEP_ALIVE` seconds (uvicorn's `timeout_keep_alive`);
one that has not sent a whole request (its head and its body) within
`--request-timeout` seconds of opening, or of its last response, is closed
(`_RequestDeadline`: uvicorn has no such limit, so a client sending a byte at a
time held its connection for ever).
"""

from __future__ import annotations

import asyncio
import copy
import logging
import socket
import sys
from functools import partial
from urllib.parse import parse_qsl, urlencode

import uvicorn
from uvicorn.config import LOGGING_CONFIG
from uvicorn.protocols.http.auto import AutoHTTPProtocol
from uvicorn.supervisors import Multiprocess

from engine.errors import InputError
from engine.facts.loading import shown_text
from web.app import REQUEST_TIMEOUT, Settings, create_app

KEEP_ALIVE = 5
"""Seconds an idle connection is kept after a response (uvicorn's default, stated)."""


def serve(settings: Settings) -> None:
    """Serve until interrupted."""
    listening = _listen(settings.host, settings.port)
    app = create_app(settings)  # a bad --knowledge folder is refused before anything is served
    host, port = listening.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(
        f"paydoctor: serving on http://{shown}:{port}/ with {settings.workers} worker"
        f"{'s' * (settings.workers != 1)} (Ctrl-C stops); host names allowed:"
        f" {', '.join(settings.allowed_hosts)}",
        file=sys.stderr,
        flush=True,
    )
    options = {
        "server_header": False,
        "log_level": "info",
        "log_config": _log_config(),
        "timeout_keep_alive": KEEP_ALIVE,
        "http": _RequestDeadline,
    }
    if settings.workers == 1:
        config = uvicorn.Config(app, **options)
        config.request_timeout = settings.request_timeout  # read by _RequestDeadline
        uvicorn.Server(config).run(sockets=[listening])
        return
    # Each worker process builds its own app from the same settings.
    config = uvicorn.Config(
        partial(create_app, settings), factory=True, workers=settings.workers, **options
    )
    config.request_timeout = settings.request_timeout
    Multiprocess(config, sockets=[listening]).run()


def default_hosts(host: str) -> tuple[str, ...]:
    """The host names served when `--allowed-host` names none: this machine's, and the
    address listened on unless it is every address (`0.0.0.0`, `::`)."""
    names = ["localhost", "127.0.0.1", "::1", socket.gethostname()]
    if host not in ("", "0.0.0.0", "::"):
        names.append(host)
    return tuple(dict.fromkeys(names))


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        listening = socket.create_server((host, port), family=family, backlog=2048)
    except OSError as error:
        raise InputError(
            "cannot listen on {host}:{port}: {reason} (choose another --port, or --host)",
            host=host,
            port=port,
            reason=error.strerror or str(error),
        ) from None
    listening.set_inheritable(True)
    return listening


class _RequestDeadline(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    """uvicorn's HTTP protocol, closing a connection whose request is not all in within
    `--request-timeout` seconds of its opening or of its last response (a slow or half-sent
    one)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def _arm(self) -> None:
        if getattr(self, "_deadline", None) is not None:
            self._deadline.cancel()
        seconds = getattr(self.config, "request_timeout", REQUEST_TIMEOUT)
        self._deadline = asyncio.get_running_loop().call_later(seconds, self._too_slow)

    def _too_slow(self) -> None:
        cycle = self.cycle
        waiting = cycle is None or cycle.response_complete or cycle.more_body
        if waiting and not self.transport.is_closing():
            self.transport.close()


class _MaskedQueries(logging.Filter):
    """Masks a query's values in an access log line: `?lang=ZQ7734291` is logged as
    `?lang=Z********`."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and "?" in str(args[2]):
            path, _, query = str(args[2]).partition("?")
            masked = [(shown_text(k), shown_text(v)) for k, v in parse_qsl(query, True)]
            record.args = (*args[:2], f"{path}?{urlencode(masked, safe='*')}", *args[3:])
        return True


def _log_config() -> dict:
    """uvicorn's logging, its access lines through `_MaskedQueries` (in every worker)."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"masked_queries": {"()": _MaskedQueries}}
    config["handlers"]["access"]["filters"] = ["masked_queries"]
    return config
