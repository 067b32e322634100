"""`paydoctor serve`: run the web application on uvicorn, one process or several.

The socket is bound here first, so a port in use is one clear message and
`--port 0` picks a free port (the line printed names it). Several workers share
that socket (uvicorn's supervisor); each builds the app from the same settings.
Access logs name the method and path only: no page puts a person's facts in a
URL, so the logs hold none.
"""

from __future__ import annotations

import socket
import sys
from functools import partial

import uvicorn
from uvicorn.supervisors import Multiprocess

from engine.errors import InputError
from web.app import Settings, create_app


def serve(settings: Settings) -> None:
    """Serve until interrupted."""
    listening = _listen(settings.host, settings.port)
    app = create_app(settings)  # a bad --knowledge folder is refused before anything is served
    host, port = listening.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(
        f"paydoctor: serving on http://{shown}:{port}/ with {settings.workers} worker"
        f"{'s' * (settings.workers != 1)} (Ctrl-C stops)",
        file=sys.stderr,
        flush=True,
    )
    options = {"server_header": False, "log_level": "info"}
    if settings.workers == 1:
        uvicorn.Server(uvicorn.Config(app, **options)).run(sockets=[listening])
        return
    # Each worker process builds its own app from the same settings.
    config = uvicorn.Config(
        partial(create_app, settings), factory=True, workers=settings.workers, **options
    )
    Multiprocess(config, sockets=[listening]).run()


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
