"""What every response carries and every request is held to: security headers, a body limit,
and a page (never a dropped connection or a traceback) for a fault.

Pure ASGI middlewares, so static files and error responses get the headers
too. A body over 1 MiB (a facts file is a few kilobytes) is refused with 413
before it is read when its length is declared, else as soon as it passes the
limit (`BodyTooLarge`, which the application answers).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine.facts.loading import MAX_FILE_BYTES
from engine.text.translatable import N_

SECURITY_HEADERS = [
    # connect-src 'self': a checker reads /robots.txt from within the page (Lighthouse does).
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        b" connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
STATIC_CACHE = b"public, max-age=600"
"""Style and script: kept a while, so a page after each answer loads nothing but itself.
Pages are never stored (`no-store`): they carry the person's answers."""
TOO_LARGE = N_("request body: is larger than 1 MiB; a facts file is a few kilobytes")


class BodyTooLarge(Exception):
    """The request body passed the limit while it was being read."""


class Guard:
    def __init__(
        self,
        app: ASGIApp,
        too_large: Callable[[Request, Exception], Awaitable[Response]],
        max_body: int = MAX_FILE_BYTES,
    ):
        self.app = app
        self.too_large = too_large
        """The application's answer to a body over the limit: JSON for the API, a page in the
        reader's language for a form."""
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                static = scope["path"].startswith("/static/")
                message["headers"] = [
                    *message.get("headers", []),
                    *SECURITY_HEADERS,
                    (b"cache-control", STATIC_CACHE if static else b"no-store"),
                ]
            await send(message)

        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            response = await self.too_large(Request(scope), BodyTooLarge())
            await response(scope, receive, send_guarded)
            return
        received = 0

        async def receive_limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        await self.app(scope, receive_limited, send_guarded)


FAULTS = logging.getLogger("uvicorn.error")
"""Where a fault is logged: uvicorn's own log, beside its other messages."""


class Faults:
    """Any exception a request raises becomes the application's fault page (`answer`), inside
    `Guard`, so it carries the security headers; the connection is kept.

    Starlette's own handler of last resort sends its page from outside every middleware and
    raises again, so the server logged a traceback (with the values in it) and dropped the
    connection. Here the fault is logged as one line naming the exception's type and where
    it was raised: its message may quote what a person typed, so it is left out.
    """

    def __init__(self, app: ASGIApp, answer: Callable[[Request, Exception], Awaitable[Response]]):
        self.app = app
        self.answer = answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_noting(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_noting)
        except Exception as error:
            FAULTS.error("internal fault: %s %s: %s", scope["method"], scope["path"], where(error))
            if not started:  # else the response is cut short, and the client sees it was
                response = await self.answer(Request(scope, receive), error)
                await response(scope, receive, send)


def where(error: BaseException) -> str:
    """`Type at file:line` of the innermost frame: where to look, without the message."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    return f"{type(error).__name__} at {Path(frames[-1].filename).name}:{frames[-1].lineno}"
