"""The pages of the consultation: start, one question a screen, the report, show-to-staff.

Every page works with plain forms and POST; the answers travel in the forms'
hidden `state` field (web/answers.py), so the server keeps nothing. Nothing a
person typed is put in a URL, where logs would keep it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from babel import Locale
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from engine.consultation.answers import MAX_ANSWER
from engine.errors import InputError
from engine.facts.loading import facts_text, shown_text
from visualise.json_text import indented
from visualise.language import SOURCE_LANGUAGE, Language, available, language
from visualise.layers import LAYER_NAMES
from web.answers import Answers
from web.diagram import inline_svg
from web.interview import (
    Step,
    given_answer,
    next_step,
    read_facts_data,
    take_answer,
)
from web.reading import for_reader


async def start(request: Request) -> Response:
    return _render(request, "start.html")


async def robots(request: Request) -> Response:
    """Crawlers may read the start page; every other page answers a form (POST) only."""
    return PlainTextResponse("User-agent: *\nAllow: /\n")


async def consult(request: Request) -> Response:
    """Take the answer sent (or "I don't know", or "back"), then show the next question."""
    form = await request.form()
    answers = Answers.decode(_text(form, "state"), _facts_model(request))
    if "back" in form:
        if not answers.asked:
            return RedirectResponse("/", status_code=303)
        fact = answers.asked[-1].fact  # asked again, its answer shown to change
        return await _ask(request, answers.back(), typed=(fact, given_answer(answers.facts, fact)))
    fact = _text(form, "fact")
    if fact is None:
        return await _ask(request, answers)
    # A choice beside the typed answer ("never"), else the answer, several ticked ones joined.
    ticked = [value for value in form.getlist("answer") if isinstance(value, str)]
    if SWITCH in form:  # the same question in the language chosen, what was typed kept
        return await _ask(request, answers, typed=(fact, ", ".join(ticked)))
    answer = None if "dont_know" in form else (_text(form, "choice") or ", ".join(ticked))
    try:
        facts = take_answer(
            request.app.state.doctor, answers.facts, fact, answer, answers.asking, answers.lines
        )
    except InputError as error:
        # This page answers the person who typed it: what they typed is shown as typed.
        error_text = page_language(request).text(error.shown_back or error.message)
        shown_back = answer[:MAX_ANSWER] if answer else answer  # to the person who typed it
        return await _ask(request, answers, error=error_text, typed=(fact, shown_back))
    return await _ask(request, answers.answered(fact, facts, _percent(_text(form, "progress"))))


async def consult_file(request: Request) -> Response:
    """Start from an uploaded facts file: its facts, then the questions still worth asking."""
    form = await request.form()
    upload = form.get("facts")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise InputError("choose a facts file (.json) to continue from")
    name = shown_text(upload.filename) if upload.filename else "facts file"
    model = _facts_model(request)
    data = read_facts_data(facts_text(await upload.read(), name), name, model)
    return await _ask(request, Answers(data, model=model))


async def report(request: Request) -> Response:
    form = await request.form()
    answers = Answers.decode(_text(form, "state"), _facts_model(request))
    reveal = "reveal" in form
    step = next_step(request.app.state.doctor, answers.facts, reveal, page_language(request))
    return await _report_page(request, answers, step, reveal)


async def staff(request: Request) -> Response:
    """One step's sentence to show, full screen, in large Chinese characters."""
    form = await request.form()
    answers = Answers.decode(_text(form, "state"), _facts_model(request))
    reveal = "reveal" in form
    step = next_step(request.app.state.doctor, answers.facts, reveal, page_language(request))
    number = _text(form, "step") or ""
    plan = step.interview["report"]["plan"]
    chosen = [s for s in plan if str(s["step"]) == number]
    if not chosen or "zh" not in (chosen[0].get("say") or {}):
        raise InputError(
            "step {number}: there is no sentence to show for it", number=shown_text(number[:10])
        )
    context = {"step": chosen[0], "say": chosen[0]["say"], "state": answers.encode()}
    return _render(request, "staff.html", reveal=reveal, switch_action="/staff", **context)


async def download(request: Request) -> Response:
    """The answers as a facts file, to keep or to diagnose with `python cli.py FILE`."""
    form = await request.form()
    answers = Answers.decode(_text(form, "state"), _facts_model(request))
    body = indented(answers.facts)
    return Response(
        body,
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="paydoctor-facts.json"'},
    )


async def _ask(
    request: Request,
    answers: Answers,
    error: str | None = None,
    typed: tuple[str, str | None] | None = None,
) -> Response:
    """The next question (with `typed`: a fact's answer to show in it), or the report."""
    step = next_step(request.app.state.doctor, answers.facts, language=page_language(request))
    interview = step.interview
    if interview["done"]:
        return await _report_page(request, answers, step, reveal=False)
    question = interview["question"]
    return _render(
        request,
        "question.html",
        status_code=422 if error else 200,
        switch_action="/consult",
        question=question,
        # report-v3: the questions of this consultation, not the facts an uploaded file held.
        number=len(answers.asked) + 1,
        progress=step.progress(answers.shown),
        state=answers.encode(asking=question["fact"], lines=step.lines),
        error=error,
        typed=typed[1] if typed and typed[0] == question["fact"] else None,
    )


async def _report_page(request: Request, answers: Answers, step: Step, reveal: bool) -> Response:
    reader = page_language(request)
    diagram = await run_in_threadpool(inline_svg, step.diagnosis, reader)  # `dot` runs ~40 ms
    return _render(
        request,
        "report.html",
        switch_action="/report",
        report=for_reader(step.interview["report"]),
        left=step.left,
        state=answers.encode(),
        reveal=reveal,
        diagram=diagram,
        layer_names=LAYER_NAMES,
    )


def error_page(
    request: Request,
    status: int,
    title: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A refused request as a page in the reader's language, with the way back: a refused
    facts file on the start page, its upload open for another, anything else with
    "Start again"."""
    if request.url.path == "/consult/file":
        return _render(request, "start.html", status, headers, error=message, upload=True)
    return _render(request, "error.html", status, headers, title=title, message=message)


def page_language(request: Request) -> Language:
    """The language chosen on the page (`?lang=`, kept by every link and form of a page), else
    the first one the browser asks for (`Accept-Language`) that paydoctor offers, else
    English: a phone set to Chinese gets Chinese pages, a teller can switch to English, and
    nothing is stored."""
    chosen = request.query_params.get("lang")
    if chosen in available():
        return language(chosen)
    asked = []
    for order, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, weight = part.strip().partition(";q=")
        try:
            quality = float(weight) if weight else 1.0
        except ValueError:
            continue
        asked.append((-quality, order, tag.split("-")[0].strip().lower()))
    codes = [code for _quality, _order, code in sorted(asked) if code in available()]
    return language(codes[0] if codes else SOURCE_LANGUAGE)


def _render(
    request: Request,
    template: str,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
    **context,
) -> Response:
    templates = request.app.state.templates
    reader = page_language(request)
    context = {"_": reader.gettext, "lang": reader.code, "languages": LANGUAGES, **context}
    return templates.TemplateResponse(
        request, template, context, status_code=status_code, headers=headers
    )


def _text(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


def _percent(text: str | None) -> int:
    """The progress a page showed (0 to 100); any other text, a tampered field, counts as 0."""
    return int(text) if text and _PERCENT.fullmatch(text) else 0


_PERCENT = re.compile(r"100|[1-9]?[0-9]")
SWITCH = "switch_language"
"""The field of a language switch's button: show the page again, in the language its
address names, nothing answered."""
LANGUAGES = tuple((code, Locale.parse(code).get_display_name(code)) for code in available())
"""The language switch's choices: each language's code and its name in itself."""


def _facts_model(request: Request):
    """The facts of the knowledge base the pages serve (a `--knowledge` unit may add one)."""
    return request.app.state.doctor.kb.facts_model
