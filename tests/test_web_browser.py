"""A traveller in a real browser: Debian's Chromium at a phone's size, driven by Playwright.

The server runs in a thread of the test process on a free loopback port. The
tests skip, saying why, where Chromium is not installed (CI installs it:
.ci/run); Playwright never downloads a browser of its own here.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from pathlib import Path

import pytest
from conftest import VISITOR_CAUSES, VISITOR_STORIES, expected_findings, load_example
from web_support import known_answer, known_ticks

from engine.facts.loading import validate_facts
from knowledge import builtin_knowledge
from web.app import Settings, create_app
from web.reports import diagnose_data

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
STORY = "story-renewed-passport-new-phone-new-taobao.json"
KB = builtin_knowledge()
SAY = KB.cause("bank-passport-outdated").fixes[0].say.in_("zh")
"""The sentence to show at the bank's counter: the plan's first step in the story."""

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's Chromium is not installed (apt-get install chromium): browser tests skipped",
)


@pytest.fixture(scope="module")
def server():
    """The app, served by uvicorn on a free loopback port, for this module's tests."""
    import uvicorn

    app = create_app(Settings())
    listening = socket.create_server(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=running.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", app
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


def _phone(browser, javascript: bool = True, language: str = "en"):
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def _expected_causes(app, page) -> list[tuple[str, str]]:
    """What the CLI reports for the answers the page holds (its hidden state)."""
    state = json.loads(page.locator("input[name=state]").first.get_attribute("value"))
    _, report = diagnose_data(app.state.doctor, validate_facts(state["facts"]))
    return [(cause["id"], cause["status"]) for cause in report["causes"]]


def _causes(page) -> list[tuple[str, str]]:
    return [
        (cause.get_attribute("data-cause"), cause.get_attribute("data-status"))
        for cause in page.locator("[data-cause]").all()
    ]


def _consult_by_touch(page, facts: dict, typed: dict[str, str] | None = None) -> int:
    """Answer every question as a traveller who knows `facts` (or types `typed` by fact); how
    many were asked.

    Each Playwright call is a round trip to the browser, so a question costs as few as
    it can: one look at the page, then the answer and the button.
    """
    with page.expect_navigation():
        page.locator("main > form[action^='/consult'] button").click()  # Start, in any language
    asked = 0
    while (question := _question(page)) is not None:
        listed = question["lines"] and KB.ask(question["fact"]).tick is not None
        if listed and typed is not None:  # a line whose fact they would type happened
            ticked = [line for line in question["lines"] if line in typed] or None
            answer = None if ticked is None else ", ".join(ticked)
        elif listed:
            ticked = known_ticks(facts, question["lines"], KB)  # a list to tick
            answer = None if ticked is None else ", ".join(ticked) or "0"
        elif typed is not None:
            answer = typed.get(question["fact"])
        else:
            answer = known_answer(facts, question["fact"])
        form = page.locator("form[data-fact]")
        if answer is None:
            button = form.locator("button[name=dont_know]")
        else:
            if question["radio"]:
                form.locator(f'input[type=radio][value="{answer}"]').check()
            elif question["ticks"]:
                for value in answer.split(", "):
                    form.locator(f'input[type=checkbox][value="{value}"]').check()
            else:
                form.locator("input[name=answer]").fill(answer)
            button = form.locator("button[type=submit]:not([name])")
            if question["ticks"] and answer == "0":  # nothing asked for: its own button
                button = form.locator("button[name=choice]")
        with page.expect_navigation():
            button.click()
        asked += 1
    return asked


def _question(page) -> dict | None:
    """The fact the page asks about and whether it is answered by a choice; None if no question."""
    return page.evaluate(
        "(() => { const form = document.querySelector('form[data-fact]');"
        " return form && {fact: form.dataset.fact,"
        " radio: !!form.querySelector('input[type=radio]'),"
        " ticks: !!form.querySelector('input[type=checkbox]'),"
        " lines: [...form.querySelectorAll('input[type=checkbox]')].map(box => box.value)};"
        " })()"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_traveller_completes_the_consultation_and_reads_the_right_cause(
    server, browser, javascript
):
    base, app = server
    facts = load_example(STORY)
    page = _phone(browser, javascript)
    complaints = []  # a blocked script or style (Content-Security-Policy) is reported here
    page.on("console", lambda message: complaints.append(message.text))
    other_sites = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(base) else other_sites.append(request.url),
    )
    page.goto(base + "/")
    assert _consult_by_touch(page, facts) > 5
    assert page.get_by_role("heading", name="Your diagnosis").is_visible()
    assert _causes(page) == _expected_causes(app, page)
    cause = page.locator('[data-cause="bank-passport-outdated"]')
    assert cause.get_by_text("Your bank still holds your old passport number").is_visible()
    assert page.locator(".step").count() >= 4
    # Show my data: applied at once with JavaScript, by its own button without.
    apply = page.locator("form.reveal button")
    assert apply.is_visible() is not javascript
    assert page.get_by_text(facts["passport"]["number"]).count() == 0
    with page.expect_navigation():
        page.get_by_label("Show my data").check()
        if not javascript:
            apply.click()
    assert page.get_by_label("Show my data").is_checked()  # the report again, data shown
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert (complaints, other_sites) == ([], [])
    page.context.close()


def test_the_issues_traveller_types_as_they_speak_and_reaches_bank_and_phone(server, browser):
    """A month for a date, a refused card, 与预留手机号不符: the bank and phone causes within 8."""
    base, app = server
    page = _phone(browser)
    page.goto(base + "/")
    typed = {
        "symptom.where": "bank_card_link",
        "symptom.error_message": "与预留手机号不符",
        "bank_cards": "1",
        "bank_cards[0].status": "cannot_be_verified",
        "passport.renewed_on": "2026-09",
        "phone.changed_on": "Oct 2026",
    }
    asked = _consult_by_touch(page, {}, typed)
    assert asked <= 14
    found = {cause for cause, _ in _causes(page)}
    assert {"bank-passport-outdated", "phone-mismatch"} <= found
    assert _causes(page) == _expected_causes(app, page)
    page.context.close()


PATH = re.compile(r"\b[a-z_]+(\[\d+\])?\.[a-z_]+")
"""A fact's path (`bank_cards[0].status`): help-desk words, never a traveller's."""


def test_a_phone_in_chinese_reads_a_plain_chinese_report(server, browser):
    """Dates known to the month, in Chinese: the questions, the report and its checks in
    Chinese, no fact path, no cause id and no English left where a traveller reads."""
    base, app = server
    facts = load_example(STORY)
    for section, field in (("passport", "renewed_on"), ("phone", "changed_on")):
        facts[section][field] = facts[section][field][:7]  # "2026-09", as a traveller knows it
    page = _phone(browser, language="zh-CN")
    page.goto(base + "/")
    assert page.locator("html").get_attribute("lang") == "zh"
    assert _consult_by_touch(page, facts) > 5
    assert page.get_by_role("heading", name="诊断结果").is_visible()
    assert _causes(page) == _expected_causes(app, page)
    shown = page.locator("main").inner_text()  # what is rendered: folded details left out
    assert PATH.search(shown) is None, PATH.search(shown)
    assert not [cause for cause, _ in _causes(page) if cause in shown]
    assert set(re.findall(r"[A-Za-z]{3,}", shown)) <= {"paydoctor", "App"}
    assert "先核实：第 1 张卡：银行为这张卡登记的护照号码是哪个？" in shown
    desk = page.locator('[data-cause="bank-passport-outdated"] details.desk')
    desk.locator("summary").click()  # the help desk's lines: the id and the raw evidence
    assert "bank-passport-outdated" in desk.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()


LATIN_NAMES = {"paydoctor", "WeChat", "Pay", "Visa", "Mastercard", "JCB", "SIM", "SMS", "VPN"}
"""Latin words a Japanese or Korean report keeps: names as the apps and cards write them."""


@pytest.mark.parametrize(
    ("language", "heading", "question", "meaning"),
    [
        (
            "ja-JP",
            "あなたの診断",
            "まず確認：カード 1：このカードについて、銀行が保持しているパスポート番号は何ですか？",
            "こんにちは。新しいパスポートを取得しました。",
        ),
        (
            "ko-KR",
            "진단 결과",
            "먼저 확인: 카드 1: 이 카드에 대해 은행이 보관한 여권 번호는 무엇입니까?",
            "안녕하세요. 새 여권을 받았습니다.",
        ),
    ],
    ids=["ja", "ko"],
)
def test_a_phone_in_japanese_or_korean_reads_its_own_language(
    server, browser, language, heading, question, meaning
):
    """The consultation and the report in the phone's language, the staff's sentence in
    Chinese with its meaning in the reader's, no English left where a traveller reads."""
    base, app = server
    facts = load_example(STORY)
    page = _phone(browser, language=language)
    page.goto(base + "/")
    code = language[:2]
    assert page.locator("html").get_attribute("lang") == code
    assert _consult_by_touch(page, facts) > 5
    assert page.get_by_role("heading", name=heading).is_visible()
    assert _causes(page) == _expected_causes(app, page)
    shown = page.locator("main").inner_text()
    assert question in shown
    assert SAY in shown and meaning in shown
    assert PATH.search(shown) is None, PATH.search(shown)
    assert set(re.findall(r"[A-Za-z]{3,}", shown)) <= LATIN_NAMES
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()


def test_every_choice_s_button_is_the_same_size_whatever_its_label(server, browser):
    """A label that wraps to two lines on a phone does not squeeze its radio button."""
    base, _ = server
    page = _phone(browser, language="ja-JP")
    page.goto(base + "/")
    with page.expect_navigation():
        page.locator("main > form[action^='/consult'] button").click()
    sizes = page.evaluate(
        "[...document.querySelectorAll('form[data-fact] .choice')].map(choice => {"
        " const box = choice.querySelector('input').getBoundingClientRect();"
        " return [choice.getBoundingClientRect().height, box.width, box.height]; })"
    )
    assert any(height > 60 for height, _, _ in sizes)  # some labels wrap at 390 px
    assert len({(width, height) for _, width, height in sizes}) == 1, sizes
    page.context.close()


def _report_of(page, base: str, example: str) -> None:
    """Open the report of an example's facts, as continuing from a facts file does."""
    page.goto(base + "/")
    page.locator("details.upload summary").click()
    page.set_input_files("#facts-file", str(Path(__file__).parent.parent / "examples" / example))
    with page.expect_navigation():
        page.locator("form[enctype] button").click()  # Continue from the file
    with page.expect_navigation():
        page.locator("button[formaction^='/report']").first.click()  # See the report now


def test_the_staff_view_shows_the_sentence_in_large_chinese(server, browser):
    base, _ = server
    page = _phone(browser)
    _report_of(page, base, STORY)
    step = page.locator('.step[data-step="1"]')
    assert step.locator(".zh").inner_text() == SAY
    with page.expect_navigation():
        step.get_by_role("button", name="Show this to staff").click()
    sentence = page.locator("#say")
    assert sentence.inner_text() == SAY
    size = float(sentence.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
    assert size >= 40
    box = sentence.bounding_box()
    assert box["width"] <= PHONE["width"] and box["height"] > PHONE["height"] / 4
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.get_by_role("button", name="Full screen").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Back to my report").click()
    assert page.get_by_role("heading", name="Your diagnosis").is_visible()
    page.context.close()


def _focused(page) -> str:
    """The focused control: its tag, name and text ("BODY" when nothing is focused)."""
    return page.evaluate(
        "(() => { const e = document.activeElement;"
        " if (!e || e === document.body) return 'BODY';"
        " return `${e.tagName} ${e.name || ''} ${e.textContent.trim()}`; })()"
    )


def _autofocused(page) -> str:
    """The focused control once the page's `autofocus` has taken effect (a loaded machine
    may answer `activeElement` before the browser moves the focus)."""
    page.wait_for_function("document.activeElement && document.activeElement !== document.body")
    return _focused(page)


def _tab_to(page, wanted: str, limit: int = 80) -> None:
    for _ in range(limit):
        if wanted in _focused(page):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{wanted!r} cannot be reached with Tab")


def test_the_whole_flow_by_keyboard_alone(server, browser):
    base, app = server
    facts = load_example(STORY)
    page = _phone(browser)
    page.goto(base + "/")
    assert "Start" in _autofocused(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    while (form := page.locator("form[data-fact]")).count():
        answer = known_answer(facts, form.get_attribute("data-fact"))
        radios = form.locator("input[type=radio]")
        boxes = [box.get_attribute("value") for box in form.locator("input[type=checkbox]").all()]
        if boxes and KB.ask(form.get_attribute("data-fact")).tick is not None:
            answer = known_ticks(facts, boxes, KB)  # a list to tick: Space ticks a box
        if answer is None:
            _tab_to(page, "BUTTON dont_know")
        elif boxes and isinstance(answer, list):
            assert "INPUT answer" in _autofocused(page)  # the first box has the focus
            for number, box in enumerate(boxes):
                if number:
                    page.keyboard.press("Tab")
                assert page.evaluate("document.activeElement.value") == box
                if box in answer:
                    page.keyboard.press("Space")
            _tab_to(page, "BUTTON  Next")
        elif radios.count():
            values = [radio.get_attribute("value") for radio in radios.all()]
            assert "INPUT answer" in _autofocused(page)  # the first choice has the focus
            page.keyboard.press("Space")
            for _ in range(values.index(answer)):
                page.keyboard.press("ArrowDown")
            _tab_to(page, "BUTTON  Next")
        else:
            assert "INPUT answer" in _autofocused(page)
            page.keyboard.type(answer)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert _causes(page) == _expected_causes(app, page)
    _tab_to(page, "Show this to staff")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#say").inner_text() == SAY
    assert "Back to my report" in _autofocused(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Your diagnosis").is_visible()
    page.context.close()


def _first_screen_holds(page, locator) -> bool:
    """Whether `locator` is wholly on the first screen, the page not scrolled."""
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_the_report_on_a_phone_opens_with_what_to_do_first(server, browser):
    """The plan's first step, with the sentence to show at the counter and its button, fills
    the first screen; the causes follow (the issue: the plan began 2.5 screens down)."""
    base, _ = server
    page = _phone(browser)
    _report_of(page, base, STORY)
    first = page.locator('.step[data-step="1"]')
    assert _first_screen_holds(page, first.locator(".where"))
    assert _first_screen_holds(page, first.locator(".zh"))
    assert _first_screen_holds(page, first.get_by_role("button", name="Show this to staff"))
    causes = page.locator("#causes-title").bounding_box()
    assert causes["y"] > first.bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()


def test_a_suspected_first_step_shows_its_check_on_the_first_screen(server, browser):
    base, _ = server
    page = _phone(browser)
    _report_of(page, base, "story-expired-passport-unknowns.json")
    first = page.locator('.step[data-step="1"]')
    assert first.locator(".if").inner_text().startswith("First check:")
    assert _first_screen_holds(page, first.locator(".if"))
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_teller_switches_the_language_and_the_answers_stay(server, browser, javascript):
    """A phone set to English: on a question, switch to Chinese and back, then the report
    and the staff view; what was answered, and what is typed in the field, stay."""
    base, _ = server
    page = _phone(browser, javascript)
    page.goto(base + "/")
    with page.expect_navigation():
        page.locator('[data-lang="zh"]').click()
    assert page.locator("html").get_attribute("lang") == "zh"
    with page.expect_navigation():
        page.locator("main > form button").click()  # 开始
    assert page.locator("html").get_attribute("lang") == "zh"
    page.locator('input[type=radio][value="bank_card_link"]').check()
    with page.expect_navigation():
        page.locator("form[data-fact] button[type=submit]:not([name])").click()
    asked = page.locator("form[data-fact]").get_attribute("data-fact")
    state = page.locator("input[name=state]").first.get_attribute("value")
    with page.expect_navigation():
        page.locator('[data-lang="en"]').click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("form[data-fact]").get_attribute("data-fact") == asked
    assert page.locator("input[name=state]").first.get_attribute("value") == state
    with page.expect_navigation():
        page.get_by_role("button", name="See the report now").click()
    assert page.get_by_role("heading", name="Your diagnosis").is_visible()
    with page.expect_navigation():
        page.locator('[data-lang="zh"]').click()
    assert page.get_by_role("heading", name="诊断结果").is_visible()
    report_state = page.locator("input[name=state]").first.get_attribute("value")
    assert _answered(report_state) == _answered(state)  # the report page asks no question
    page.context.close()


def _answered(state: str) -> dict:
    """The answers a page's hidden field carries, without the question the page asks."""
    data = json.loads(state)
    data.pop("asking", None)
    return data


def test_a_refused_file_is_a_page_in_the_pages_language_with_the_way_back(
    server, browser, tmp_path
):
    """A file that is no JSON, and one of 2 MiB: the start page in Chinese again, the message
    beside the file field (no JSON, no Python words), and another file can be chosen."""
    base, _ = server
    page = _phone(browser, language="zh-CN")
    for name, body in (("bad.json", b"{bad"), ("big.json", b"{" + b" " * (2 << 20) + b"}")):
        (tmp_path / name).write_bytes(body)
        page.goto(base + "/")
        page.locator("details.upload summary").click()
        page.set_input_files("#facts-file", str(tmp_path / name))
        with page.expect_navigation():
            page.locator("form[enctype] button").click()
        error = page.locator("#file-error")
        assert error.is_visible() and page.locator("html").get_attribute("lang") == "zh"
        assert name in error.inner_text() or "1 MiB" in error.inner_text()
        assert "Expecting" not in page.content() and '{"error"' not in page.content()
        assert page.locator("#facts-file").is_visible()  # choose another file here
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()


AXE = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe is not installed")


def _axe_violations(page) -> list[str]:
    results = AXE.Axe().run(page)
    return [
        f"{v['id']}: {[node['target'] for node in v['nodes']]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["en", "zh-CN", "ja-JP", "ko-KR"])
def test_axe_finds_no_violation_on_any_page(server, browser, tmp_path, language):
    """axe-core (the copy in axe-playwright-python) on every page a traveller meets: the
    start page, a question, a refused answer, a refused file, the report with its diagram
    open, the staff view and a missing page."""
    base, _ = server
    page = _phone(browser, language=language)
    seen = {}
    page.goto(base + "/")
    seen["start"] = _axe_violations(page)
    with page.expect_navigation():
        page.locator("main > form button").click()
    seen["question"] = _axe_violations(page)
    page.locator('input[type=radio][value="bank_card_link"]').check()
    with page.expect_navigation():
        page.locator("form[data-fact] button[type=submit]:not([name])").click()
    while page.locator("form[data-fact]").get_attribute("data-fact") != "bank_cards":
        with page.expect_navigation():
            page.locator("button[name=dont_know]").click()
    page.locator("input[name=answer]").fill("many")
    with page.expect_navigation():
        page.locator("form[data-fact] button[type=submit]:not([name])").click()
    assert page.locator("#answer-error").is_visible()
    seen["refused answer"] = _axe_violations(page)
    (tmp_path / "bad.json").write_bytes(b"{bad")
    page.goto(base + "/")
    page.locator("details.upload summary").click()
    page.set_input_files("#facts-file", str(tmp_path / "bad.json"))
    with page.expect_navigation():
        page.locator("form[enctype] button").click()
    seen["refused file"] = _axe_violations(page)
    _report_of(page, base, STORY)
    page.locator("details.reasoning summary").click()
    seen["report"] = _axe_violations(page)
    with page.expect_navigation():
        page.locator('.step[data-step="1"] button').click()
    seen["staff"] = _axe_violations(page)
    page.goto(base + "/nowhere")
    seen["missing"] = _axe_violations(page)
    assert {name: found for name, found in seen.items() if found} == {}
    page.context.close()


def _question_for(page, base: str, facts: dict, fact: str) -> None:
    """Open the page asking `fact`, "I don't know" said to every question before it."""
    from engine.consultation.interview import Interviewer
    from engine.reasoning.diagnosis import Doctor
    from web.answers import Answers

    interviewer = Interviewer(Doctor(builtin_knowledge()))
    while (step := interviewer.step(facts)).question.fact != fact:
        facts = interviewer.not_known(facts, step.question.fact)
    page.goto(base + "/")
    with page.expect_navigation():
        page.evaluate(
            "(state) => { const form = document.createElement('form'); form.method = 'post';"
            " form.action = '/consult'; const field = document.createElement('input');"
            " field.type = 'hidden'; field.name = 'state'; field.value = state;"
            " form.appendChild(field); document.body.appendChild(form); form.submit(); }",
            Answers(facts).encode(),
        )


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_tick_boxes_and_a_never_button_pass_axe_and_fit_a_phone(server, browser, language):
    base, _ = server
    page = _phone(browser, language=language)
    wallet = {"as_of": "2026-11-27", "symptom": {"where": "alipay", "error_message": "x"}}
    wallet["alipay"] = {"document_expiry_notice": True, "restricted": False}
    _question_for(page, base, wallet, "alipay.verification_requested")
    assert page.locator("input[type=checkbox]").count() == 6
    ticks = _axe_violations(page)
    page.locator('input[type=checkbox][value="selfie"]').check()
    with page.expect_navigation():
        page.locator("form[data-fact] button[type=submit]:not([name])").click()
    state = json.loads(page.locator("input[name=state]").first.get_attribute("value"))
    assert state["facts"]["alipay"]["verification_requested"] == ["selfie"]
    card = {"as_of": "2026-11-27", "symptom": {"where": "bank_card_link"}}
    card["bank_cards"] = [{"status": "cannot_be_verified"}]
    _question_for(page, base, card, "phone.changed_on")
    never = _axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_navigation():
        page.locator("button[name=choice]").click()
    state = json.loads(page.locator("input[name=state]").first.get_attribute("value"))
    assert state["facts"]["phone"] == {"changed": False}
    assert {"ticks": ticks, "never": never} == {"ticks": [], "never": []}
    page.context.close()


def test_a_crawler_in_the_page_reads_robots_txt(server, browser):
    """Lighthouse's SEO audit fetches /robots.txt from within the page: the page's security
    policy lets it read its own origin (connect-src 'self') and nothing else."""
    base, _ = server
    page = _phone(browser)
    page.goto(base + "/")
    robots = page.evaluate("fetch('/robots.txt').then(r => r.text())")
    assert robots.startswith("User-agent: *")
    refused = page.evaluate(
        "fetch('https://example.invalid/').then(() => 'fetched', () => 'refused')"
    )
    assert refused == "refused"
    page.context.close()


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", VISITOR_STORIES)
def test_a_visitor_on_a_phone_reaches_their_causes(server, browser, name, language):
    """causes-v3's visitors, by touch at a phone's size in English and Chinese: the report
    names each visitor's cause the story must find, as the CLI would for the same answers."""
    base, app = server
    facts = load_example(name)
    page = _phone(browser, language=language)
    page.goto(base + "/")
    _consult_by_touch(page, facts)
    assert page.locator("html").get_attribute("lang") == language
    found = set(_causes(page))
    assert found == set(_expected_causes(app, page))
    must = {
        (key.split("@")[0], status)
        for key, status in expected_findings()[name]
        if key.split("@")[0] in VISITOR_CAUSES
    }
    assert must <= found
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()
