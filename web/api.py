"""The JSON API for help desks and bots: diagnose, interview, rules, health.

Each bad request is a 4xx answer `{"error": MESSAGE}` with the message the CLI
prints for the same facts (the source is named "request body"), in the
language `?lang=` names, never a traceback. The work is a few milliseconds of
CPU, done on the event loop: the rule engine is one per process. With units of
another folder (`--knowledge`), whose code may run up to the time limit, it is
done in a worker thread instead (web/app.py), so other requests are answered
meanwhile.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from engine.errors import InputError
from engine.facts.loading import MAX_SHOWN_CHARS, facts_text, parse_facts, shown_text
from visualise.language import SOURCE_LANGUAGE, Language, available, language
from web.interview import next_step, read_facts_data
from web.reports import diagnose_json

SOURCE = "request body"


async def diagnose(request: Request) -> Response:
    """facts -> the report `python cli.py FACTS --format json` prints, byte for byte."""
    reader, reveal = _language(request), _flag(request, "show_personal_data")
    model = request.app.state.doctor.kb.facts_model
    facts = parse_facts(await _body_text(request), source=SOURCE, model=model)
    report = diagnose_json(request.app.state.doctor, facts, reveal, reader)
    return Response(report, media_type="application/json")


async def interview(request: Request) -> Response:
    """facts (with `dont_know`) -> report-v2's interview object: the next question, or done."""
    reader, reveal = _language(request), _flag(request, "show_personal_data")
    model = request.app.state.doctor.kb.facts_model
    data = read_facts_data(await _body_text(request), SOURCE, model)
    step = next_step(request.app.state.doctor, data, reveal, reader)
    return JSONResponse(step.interview)


async def rules(request: Request) -> Response:
    """The knowledge base, as `python cli.py rules --format json [--lang L]` prints it."""
    rules_json = request.app.state.rules_json[_language(request).code]
    return Response(rules_json, media_type="application/json")


async def health(request: Request) -> Response:
    """A trivial answer, for load balancers and as the benchmark's floor."""
    return JSONResponse({"status": "ok"})


async def openapi(request: Request) -> Response:
    return JSONResponse(request.app.state.openapi)


async def _body_text(request: Request) -> str:
    return facts_text(await request.body(), SOURCE)


def _flag(request: Request, name: str) -> bool:
    value = request.query_params.get(name, "false").casefold()
    if value not in ("true", "false", "1", "0"):
        raise InputError(
            "{name}: {value} is not allowed: expected true or false",
            name=name,
            value=repr(shown_text(value[:MAX_SHOWN_CHARS])),
        )
    return value in ("true", "1")


def _language(request: Request) -> Language:
    """The language `?lang=` names (as `--lang` does), English when none is named; an
    unknown one is refused, as the CLI refuses it."""
    return language(request.query_params.get("lang", SOURCE_LANGUAGE))


def reply_language(request: Request) -> Language:
    """The language an error is told in: the one `?lang=` names when it is offered, else
    English (an unknown `?lang=` is itself the error, told in English)."""
    code = request.query_params.get("lang", SOURCE_LANGUAGE)
    return language(code if code in available() else SOURCE_LANGUAGE)
