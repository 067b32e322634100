"""The web application: one Starlette object with its routes, built from `Settings`.

Starlette (on uvicorn) because it is small, typed and well kept, serves static
files and Jinja2 templates itself, and leaves the body and the errors to us:
bad facts get the CLI's message, not a framework's. Each process builds one
Doctor; nothing else is kept between requests.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

import knowledge
from engine.errors import InputError, KnowledgeError
from engine.kb.loader import load_knowledge
from engine.reasoning.diagnosis import Doctor
from engine.text.translatable import N_, Message
from visualise.language import available, language
from visualise.rules_table import render_rules_json
from web import api, pages
from web.guard import FAULTS, TOO_LARGE, BodyTooLarge, Faults, Guard
from web.openapi import openapi_document

HERE = Path(__file__).resolve().parent
REQUEST_TIMEOUT = 30.0
"""Seconds a client has to send a whole request (web/server.py): a 1 MiB upload on a slow
phone line fits."""


@dataclass(frozen=True)
class Settings:
    """What `paydoctor serve` was told: where to listen, how many workers, which knowledge."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    knowledge: tuple[Path, ...] = field(default_factory=tuple)
    allowed_hosts: tuple[str, ...] = ("*",)
    """Host names the pages are served under (a `Host` header naming another gets 400):
    `serve` always names them (`--allowed-host`); "*" is any, for tests and embedding."""
    request_timeout: float = REQUEST_TIMEOUT


def create_app(settings: Settings) -> Starlette:
    kb = load_knowledge([knowledge.FOLDER, *settings.knowledge], trusted=[knowledge.FOLDER])
    if settings.knowledge:  # the built-in knowledge base is checked by the test suite
        from engine.checking.check import refuse_unsound

        refuse_unsound(kb)
    # With units of another folder, a diagnosis runs their code: off the event loop.
    diagnosing = _off_the_loop if settings.knowledge else (lambda endpoint: endpoint)
    app = Starlette(
        routes=[
            Route("/", pages.start, methods=["GET"]),
            Route("/robots.txt", pages.robots, methods=["GET"]),
            Route("/consult", diagnosing(pages.consult), methods=["POST"]),
            Route("/consult/file", diagnosing(pages.consult_file), methods=["POST"]),
            Route("/report", diagnosing(pages.report), methods=["POST"]),
            Route("/staff", diagnosing(pages.staff), methods=["POST"]),
            Route("/facts.json", pages.download, methods=["POST"]),
            Route("/api/v1/diagnose", diagnosing(api.diagnose), methods=["POST"]),
            Route("/api/v1/interview", diagnosing(api.interview), methods=["POST"]),
            Route("/api/v1/rules", api.rules, methods=["GET"]),
            Route("/api/v1/health", api.health, methods=["GET"]),
            Route("/api/v1/openapi.json", api.openapi, methods=["GET"]),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        middleware=[
            Middleware(Guard, too_large=_too_large),  # outermost: every response has its headers
            Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts)),
            Middleware(Faults, answer=_fault),
        ],
        exception_handlers={
            InputError: _bad_input,
            BodyTooLarge: _too_large,
            HTTPException: _http_error,
            RecursionError: _too_deep,
            KnowledgeError: _unit_failed,
        },
    )
    app.router.redirect_slashes = False  # its redirects name the Host sent: none is made
    app.state.doctor = Doctor(kb)
    app.state.rules_json = {code: render_rules_json(kb, language(code)) for code in available()}
    app.state.openapi = openapi_document(_version(), kb.facts_model, kb.layers)
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    return app


def _off_the_loop(
    endpoint: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """`endpoint` run in a worker thread, on an event loop of its own.

    A `--knowledge` unit's code runs inside a diagnosis, and may run up to
    `--time-limit` before the fence stops it (engine/kb/fence.py): on the server's
    event loop that would hold every other request meanwhile. The body is read
    first, on the server's loop (where its limit is kept); the rule engine
    serialises diagnoses itself (engine/reasoning/session.py). The built-in knowledge runs
    on the loop: it is fast, and a thread would cost more than it.
    """

    @functools.wraps(endpoint)
    async def run(request: Request) -> Response:
        await request.body()  # kept by the request: the endpoint reads it from there
        return await run_in_threadpool(asyncio.run, endpoint(request))

    return run


def _version() -> str:
    try:
        return version("paydoctor")
    except PackageNotFoundError:
        return "unknown"


def _error(
    request: Request,
    status: int,
    title: str,
    message: str | Message,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """An error as JSON for the API (in `?lang=`'s language), as a page for people (in the
    page's language, with the way back)."""
    for_api = request.url.path.startswith("/api/")
    reader = api.reply_language(request) if for_api else pages.page_language(request)
    shown = reader.text(message) if isinstance(message, Message) else reader.gettext(message)
    if for_api:
        return JSONResponse({"error": shown}, status_code=status, headers=headers)
    return pages.error_page(request, status, reader.gettext(title), shown, headers)


async def _bad_input(request: Request, error: Exception) -> Response:
    assert isinstance(error, InputError)
    return _error(request, 400, N_("Something in the answers is not right"), error.message)


async def _too_large(request: Request, error: Exception) -> Response:
    """A body over the limit, declared (web/guard.py) or found while reading: the connection
    is closed, as the rest of the body is not read."""
    closing = {"connection": "close"}
    return _error(request, 413, N_("Too much was sent"), TOO_LARGE, closing)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    path, method = request.url.path, request.method
    title, message = {
        404: (N_("No such page"), Message("{path}: no such page", path=path)),
        405: (
            N_("Not allowed"),
            Message("{path}: {method} is not allowed here", path=path, method=method),
        ),
    }.get(
        error.status_code,
        (error.detail, Message("{path}: {detail}", path=path, detail=error.detail)),
    )
    return _error(request, error.status_code, title, message, error.headers)  # 405's Allow


async def _too_deep(request: Request, error: Exception) -> Response:
    """Nesting deeper than Python recurses: input, whatever stage met it."""
    message = Message("{source}: JSON is nested too deeply", source="request body")
    return _error(request, 400, N_("Something in the answers is not right"), message)


async def _unit_failed(request: Request, error: Exception) -> Response:
    """A `--knowledge` unit failed on these facts (engine/kb/fence.py): the server's fault, logged
    with the fence's line (the unit's file and line, its message masked), not shown."""
    FAULTS.error("knowledge unit failed: %s %s: %s", request.method, request.url.path, error)
    message = N_("a rule unit of this server failed on these answers; its log names it")
    return _error(request, 500, N_("Internal fault"), message)


async def _fault(request: Request, error: Exception) -> Response:
    return _error(
        request, 500, N_("Internal fault"), N_("internal fault: paydoctor could not finish")
    )
