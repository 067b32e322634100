"""The pages, driven by plain form posts as a browser without JavaScript sends them."""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXAMPLES, load_example
from web_support import Forms, answer_fields

import cli
from web.answers import Answers

STORY = "story-renewed-passport-new-phone-new-taobao.json"


def _post(client, url: str, **fields: str):
    return client.post(url, data=fields)


def _answer(client, page: Forms, answer: str | list[str] | None, **extra: str):
    question = page.question()
    fields = {**page.hidden(question), **extra}
    if answer is None:
        fields["dont_know"] = "1"
    else:
        fields["answer"] = answer
    return _post(client, "/consult", **fields)


def _consult(client, facts: dict, limit: int = 60) -> tuple[list[Forms], Forms]:
    """A traveller who knows `facts` answers every question; the pages asked and the report."""
    response = _post(client, "/consult")
    asked = []
    for _ in range(limit):
        assert response.status_code == 200, response.text
        page = Forms(response.text)
        if page.question() is None:
            return asked, page
        asked.append(page)
        fields = answer_fields(facts, page.question(), client.app.state.doctor.kb)
        response = _answer(client, page, fields.get("answer"))
    raise AssertionError("the consultation did not end")


def _lines(page: Forms) -> list[str]:
    """The values of a question's tick boxes."""
    fields = page.question()["fields"]
    return [f["value"] for f in fields if f.get("type") == "checkbox"]


def test_a_traveller_reaches_the_causes_the_cli_finds(web_client, capsys, tmp_path):
    """The report after the questions is the CLI's report of the same answers."""
    asked, report = _consult(web_client, load_example(STORY))
    answered = json.loads(report.hidden(report.forms[0])["state"])["facts"]
    path = tmp_path / "answered.json"
    path.write_text(json.dumps(answered))
    cli.main([str(path), "--format", "json", "--no-diagram"])
    expected = json.loads(capsys.readouterr().out)["causes"]
    assert report.causes == [(c["id"], c["status"]) for c in expected]
    assert {"bank-passport-outdated", "phone-mismatch", "taobao-risk-flag"} <= {
        cause for cause, _ in report.causes
    }
    assert 5 <= len(asked) <= 14


def test_every_question_is_a_form_with_the_stable_hooks(web_client):
    knowing, _ = _consult(web_client, load_example(STORY))
    not_knowing, _ = _consult(web_client, {})
    kinds = set()
    for page in knowing + not_knowing:
        question = page.question()
        fields = question["fields"]
        submits = [f for f in fields if f["tag"] == "button" and "name" not in f]
        answering = [f for f in submits if "formaction" not in f]  # not "See the report now"
        assert len(answering) == 1
        assert [f["value"] for f in fields if f.get("name") == "dont_know"] == ["1"]
        answers = [f for f in fields if f.get("name") == "answer"]
        radios = [f for f in answers if f.get("type") == "radio"]
        ticks = [f for f in answers if f.get("type") == "checkbox"]
        if radios:
            kinds.add("radio")
            assert len(radios) == len(answers)
        elif ticks:
            kinds.add("checkbox")  # several choices: tick boxes
            assert len(ticks) == len(answers) > 1
        else:
            assert len(answers) == 1
            assert answers[0]["type"] in ("text", "number", "date")
            kinds.add(answers[0]["type"])
    # A count is typed as text, so that "two" is an answer too.
    assert kinds == {"radio", "text", "number", "checkbox"}


def test_yes_no_radios_carry_true_and_false(web_client):
    state = Answers({"symptom": {"where": "taobao"}}).encode()
    page = Forms(_post(web_client, "/consult", state=state).text)
    for _ in range(30):
        values = [f["value"] for f in page.question()["fields"] if f.get("type") == "radio"]
        if values[:1] == ["true"]:
            # "nothing of these" (report-v3) is offered where the terminal offers it.
            assert values in (["true", "false"], ["true", "false", "nothing"])
            return
        page = Forms(_answer(web_client, page, None).text)
    pytest.fail("no yes/no question was asked")


def test_dont_know_is_kept_and_not_asked_again(web_client):
    first = Forms(_post(web_client, "/consult").text)
    fact = first.question()["attrs"]["data-fact"]
    second = Forms(_answer(web_client, first, None).text)
    assert second.question()["attrs"]["data-fact"] != fact
    state = json.loads(second.hidden(second.question())["state"])
    assert state["facts"] == {"dont_know": [fact]}


def test_back_takes_the_last_answer_back(web_client):
    first = Forms(_post(web_client, "/consult").text)
    second = Forms(_answer(web_client, first, "alipay").text)
    facts = json.loads(second.hidden(second.question())["state"])["facts"]
    assert facts == {"symptom": {"where": "alipay"}}
    state = second.hidden(second.question())["state"]
    back = Forms(_post(web_client, "/consult", state=state, back="1").text)
    assert back.question()["attrs"]["data-fact"] == "symptom.where"
    assert json.loads(back.hidden(back.question())["state"]) == {
        "facts": {},
        "asked": [],
        "asking": "symptom.where",
    }
    start = web_client.post(
        "/consult",
        data={"state": back.hidden(back.question())["state"], "back": "1"},
        follow_redirects=False,
    )
    assert (start.status_code, start.headers["location"]) == (303, "/")


def test_back_shows_the_answer_taken_back_to_change_it(web_client):
    page = Forms(_post(web_client, "/consult").text)
    answered = Forms(_answer(web_client, page, "taobao").text)
    back = _post(
        web_client, "/consult", state=answered.hidden(answered.question())["state"], back="1"
    ).text
    assert 'data-fact="symptom.where"' in back
    assert 'value="taobao" required checked>' in back
    assert 'value="alipay" required autofocus>' in back


def test_a_wrong_answer_is_refused_naming_the_question_and_nothing_is_lost(web_client):
    first = Forms(_post(web_client, "/consult").text)
    response = _answer(web_client, first, "lots")
    assert response.status_code == 422
    again = Forms(response.text)
    assert again.question()["attrs"]["data-fact"] == "symptom.where"
    assert again.hidden(again.question())["state"] == first.hidden(first.question())["state"]
    assert (
        "Answer to \"Where does it fail?\": 'lots' is not an answer I can read: choose one of:"
        " Paying with Alipay, Paying on Taobao"  # shown as typed to the person who typed it
    ) in response.text.replace("&#39;", "'").replace("&#34;", '"')


def test_an_answer_is_read_leniently_as_a_person_types_it(web_client):
    state = Answers({"symptom": {"where": "bank_card_link"}, "bank_cards": [{}]}).encode()
    page = Forms(_post(web_client, "/consult", state=state).text)
    for _ in range(5):
        if page.question()["attrs"]["data-fact"] == "bank_cards[0].status":
            break
        page = Forms(_answer(web_client, page, None).text)
    answered = Forms(_answer(web_client, page, "rejected").text)
    facts = json.loads(answered.hidden(answered.question())["state"])["facts"]
    assert facts["bank_cards"] == [{"status": "cannot_be_verified"}]


def test_an_answer_to_a_question_not_asked_is_refused(web_client):
    first = Forms(_post(web_client, "/consult").text)
    response = _answer(web_client, first, "yes", fact="taobao.security_error")
    assert response.status_code == 422
    assert "answer the question shown now" in response.text.replace("&#39;", "'")
    assert "taobao.security_error" not in Forms(response.text).shown()  # no path to a person
    assert Forms(response.text).question()["attrs"]["data-fact"] == "symptom.where"


def test_an_answer_with_a_state_no_page_made_is_checked_against_the_next_question(web_client):
    """A client's own state (no question recorded in it) is checked as a page's is."""
    state = Answers({}).encode()
    refused = _post(web_client, "/consult", state=state, fact="symptom.error_message", answer="x")
    assert refused.status_code == 422
    assert "answer the question shown now" in refused.text.replace("&#39;", "'")
    taken = _post(web_client, "/consult", state=state, fact="symptom.where", answer="taobao")
    assert taken.status_code == 200
    assert json.loads(Forms(taken.text).hidden(Forms(taken.text).forms[0])["state"])["facts"] == {
        "symptom": {"where": "taobao"}
    }


@pytest.mark.parametrize(
    "request_made",
    [
        lambda client, page: _answer(client, page, "taobao"),
        lambda client, page: _answer(client, page, None),
        lambda client, page: _answer(client, page, "nowhere I know"),
        lambda client, page: _post(client, "/consult", **page.hidden(page.question()), back="1"),
        lambda client, page: _post(client, "/report", state=page.hidden(page.question())["state"]),
        lambda client, page: client.post("/api/v1/interview", json={}),
    ],
    ids=["answer", "dont-know", "refused-answer", "back", "report", "api"],
)
def test_a_request_makes_the_consultation_step_once(web_client, monkeypatch, request_made):
    """Each request diagnoses the facts it shows once, plus once for the plan's check where it
    found a cause: taking an answer does not make the step of the page that asked it again."""
    from engine.consultation.interview import Interviewer
    from engine.reasoning.diagnosis import Doctor

    page = Forms(_answer(web_client, Forms(_post(web_client, "/consult").text), "alipay").text)
    calls = {"step": 0, "diagnose": 0}
    for cls, name in ((Interviewer, "step"), (Doctor, "diagnose")):
        made = getattr(cls, name)

        def counted(*args, _made=made, _name=name, **kwargs):
            calls[_name] += 1
            return _made(*args, **kwargs)

        monkeypatch.setattr(cls, name, counted)
    response = request_made(web_client, page)
    assert response.status_code in (200, 422)
    assert calls["step"] == 1 and calls["diagnose"] in (1, 2)


def test_a_date_that_is_no_date_is_refused_in_words(web_client):
    facts = {"symptom": {"where": "alipay"}, "dont_know": ["symptom.error_message", "bank_cards"]}
    page = Forms(_post(web_client, "/consult", state=Answers(facts).encode()).text)
    for _ in range(5):
        if page.question()["attrs"]["data-fact"] == "passport.expiry_date":
            break
        page = Forms(_answer(web_client, page, None).text)
    assert page.question()["attrs"]["data-fact"] == "passport.expiry_date"
    response = _answer(web_client, page, "after my trip")
    assert response.status_code == 422
    assert (
        "Answer to \"When does your passport expire?\": 'after my trip' is not a date I can"
        " read: write a date like 2026-09-15, or just the month: 2026-09"
    ) in response.text.replace("&#34;", '"').replace("&#39;", "'")
    assert 'value="after my trip"' in response.text  # kept, to be corrected
    month = Forms(_answer(web_client, page, "Sept 2036").text)
    answered = json.loads(month.hidden(month.question())["state"])["facts"]
    assert answered["passport"] == {"expiry_date": "2036-09"}
    assert "dont_know" in answered, "the questions skipped before stay not known"


def test_damaged_answers_are_one_clear_message(web_client):
    response = _post(web_client, "/consult", state='{"facts": [')
    assert response.status_code == 400
    assert "the answers sent with the page are damaged (answers: not valid JSON" in response.text
    tampered = json.dumps({"facts": {}, "asked": [{"fact": "bank_cards[5].status", "progress": 9}]})
    response = _post(web_client, "/consult", state=tampered, back="1")
    assert response.status_code == 400
    assert "the answers sent with the page are damaged; start again" in response.text
    bad = _post(web_client, "/consult", state=Answers({"passport": {"number": 5}}).encode())
    assert bad.status_code == 400
    assert "passport.number: 5 is not allowed: expected a string" in bad.text


def test_progress_never_goes_back_while_answering(web_client):
    asked, _ = _consult(web_client, load_example(STORY))
    shown = [int(re.search(r'<progress max="100" value="(\d+)"', p.html).group(1)) for p in asked]
    assert shown == sorted(shown)
    assert shown[-1] > shown[0]


def test_the_report_masks_personal_data_until_the_person_asks(web_client):
    facts = load_example(STORY)
    state = Answers(facts).encode()
    masked = Forms(_post(web_client, "/report", state=state).text).shown()
    assert "E98****32" in masked
    assert facts["passport"]["number"] not in masked
    shown = Forms(_post(web_client, "/report", state=state, reveal="1").text).shown()
    assert facts["passport"]["number"] in shown
    assert 'name="reveal" value="1" checked' in shown


def test_the_report_shows_plan_cards_workarounds_checks_and_the_diagram(web_client):
    page = _post(web_client, "/report", state=Answers(load_example(STORY)).encode()).text
    assert "2 confirmed and 2 suspected causes on 2026-11-27." in page
    assert page.count('class="step"') == 4
    assert "Workarounds" in page and "Worth checking next" in page
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<title>" in svg and "xlink:title=" in svg  # the tooltips
    assert "E98****32" in svg and "<?xml" not in page


def test_download_gives_a_facts_file_the_cli_diagnoses(web_client, tmp_path, capsys):
    facts = {"passport": {"number": "E98765432"}, "dont_know": ["bank_cards"]}
    response = _post(web_client, "/facts.json", state=Answers(facts).encode())
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        'attachment; filename="paydoctor-facts.json"'
    )
    path = tmp_path / "answers.json"
    path.write_bytes(response.content)
    assert json.loads(path.read_text())["passport"] == {"number": "E98765432"}
    assert cli.main([str(path), "--no-diagram"]) == 0


def test_a_facts_file_can_be_continued(web_client):
    body = (EXAMPLES / "renewed-passport.json").read_bytes()
    response = web_client.post("/consult/file", files={"facts": ("mine.json", body)})
    assert response.status_code == 200
    state = json.loads(Forms(response.text).hidden(Forms(response.text).question())["state"])
    assert state["facts"] == json.loads(body)
    bad = web_client.post("/consult/file", files={"facts": ("mine.json", b"{bad")})
    assert bad.status_code == 400
    assert "mine.json: not valid JSON at line 1, column 2" in bad.text


def test_a_refused_file_is_the_start_page_again_in_its_language_with_the_upload_open(web_client):
    """A bad facts file, or one over 2 MiB, on "Continue from the file": the start page in the
    page's language with the message beside the file field, never JSON nor Python's words."""
    bad = web_client.post(
        "/consult/file?lang=zh", files={"facts": ("mine.json", b"{bad")}, headers=CHINESE_PHONE
    )
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("text/html")
    assert '<details class="upload" id="upload" open>' in bad.text
    assert 'id="file-error" role="alert">mine.json：第 1 行第 2 列不是有效的 JSON：' in bad.text
    assert "Expecting" not in bad.text
    big = b"{" + b" " * (2 * 1024 * 1024) + b"}"
    for headers in ({}, CHINESE_PHONE):
        large = web_client.post(
            "/consult/file", files={"facts": ("big.json", big)}, headers=headers
        )
        assert large.status_code == 413
        assert large.headers["content-type"].startswith("text/html")
        assert '<details class="upload" id="upload" open>' in large.text
    assert "超过 1 MiB" in large.text
    none = web_client.post("/consult/file", files={"facts": ("", b"")})
    assert none.status_code == 400 and "choose a facts file (.json)" in none.text


def test_every_page_offers_the_language_switch_keeping_the_answers(web_client):
    """A teller with a phone set to English switches to Chinese (and back) on any page; the
    switch carries the answers (buttons of the page's form), and the chosen language stays
    in every form's address."""
    start = web_client.get("/", headers=CHINESE_PHONE).text
    assert 'href="/?lang=en" hreflang="en" lang="en" data-lang="en">English</a>' in start
    assert web_client.get("/?lang=en", headers=CHINESE_PHONE).text.startswith(
        '<!doctype html>\n<html lang="en">'
    )
    question = Forms(_post(web_client, "/consult?lang=zh").text)
    assert question.html.count('data-lang="en"') == 1
    buttons = [f for f in question.question()["fields"] if f["tag"] == "button"]
    assert "name" not in buttons[0], "Enter must press Next, not the switch"
    assert '<html lang="zh">' in question.html
    fields = {**question.hidden(question.question()), "answer": "alipay"}
    switched = web_client.post("/consult?lang=en", data={**fields, "switch_language": "1"})
    page = Forms(switched.text)
    fact = page.question()["attrs"]["data-fact"]
    assert '<html lang="en">' in page.html and fact == question.question()["attrs"]["data-fact"]
    assert page.hidden(page.question())["state"] == fields["state"]  # nothing answered
    assert 'formaction="/consult?lang=en"' in page.html
    state = Answers(load_example(STORY)).encode()
    report = web_client.post("/report?lang=zh", data={"state": state, "reveal": "1"}).text
    assert '<html lang="zh">' in report and 'data-lang="en"' in report
    assert 'formaction="/report?lang=en"' in report and "checked" in report
    staff = web_client.post("/staff?lang=en", data={"state": state, "step": "1"}).text
    assert 'formaction="/staff?lang=zh"' in staff and 'name="step" value="1"' in staff
    missing = web_client.get("/nowhere?lang=zh").text
    assert 'href="/?lang=en"' in missing and "没有这个页面" in missing


def test_the_report_opens_with_the_plans_first_step_then_the_causes(web_client):
    state = Answers(load_example(STORY)).encode()
    report = _post(web_client, "/report", state=state).text
    first_step = report.index('data-step="1"')
    assert first_step < report.index('id="causes-title"') < report.index("data-cause=")
    assert report.index("Show this to staff") > first_step
    assert '<details class="more">' in report  # evidence beyond the first sentence, folded


def test_the_count_question_takes_words(web_client):
    """The docs say counts accept "two" or 两张: the field is text, and the answer is read."""
    state = Answers({"symptom": {"where": "bank_card_link"}}).encode()
    page = Forms(web_client.post("/consult", data={"state": state}).text)
    for _ in range(10):  # "I don't know" until the count is asked
        if page.question()["attrs"]["data-fact"] == "bank_cards":
            break
        page = Forms(_answer(web_client, page, None).text)
    assert page.question()["attrs"]["data-fact"] == "bank_cards"
    field = next(f for f in page.question()["fields"] if f.get("name") == "answer")
    assert field["type"] == "text"
    answered = _answer(web_client, page, "两张")
    assert answered.status_code == 200
    assert (
        len(
            json.loads(Forms(answered.text).hidden(Forms(answered.text).forms[0])["state"])[
                "facts"
            ]["bank_cards"]
        )
        == 2
    )


def test_robots_and_a_description_for_search_engines(web_client):
    robots = web_client.get("/robots.txt")
    assert robots.status_code == 200 and robots.text.startswith("User-agent: *")
    assert '<meta name="description" content="Why a payment fails' in web_client.get("/").text


def test_a_step_with_a_sentence_shows_it_and_opens_the_staff_view(web_client):
    """The bank's steps are done at a counter: each shows its sentence and opens the
    full-screen view; the Alipay step is done in the app and has none."""
    state = Answers(load_example(STORY)).encode()
    report = _post(web_client, "/report", state=state).text
    assert report.count("Show this to staff") == 2
    sentence = "您好，我换了新护照。请帮我把账户上的护照号码更新为我的新护照号码，改好后请告诉我。"
    assert f'<p lang="zh-Hans" class="zh">{sentence}</p>' in report
    staff = _post(web_client, "/staff", state=state, step="1")
    assert staff.status_code == 200
    assert f'class="zh" id="say">{sentence}</p>' in staff.text
    assert _post(web_client, "/staff", state=state, step="3").status_code == 400


@pytest.mark.parametrize("path", ["/", "/static/style.css", "/static/app.js", "/nothing"])
def test_every_response_carries_the_security_headers(web_client, path):
    headers = web_client.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    static = path.startswith("/static/")
    assert headers["cache-control"] == ("public, max-age=600" if static else "no-store")


def test_pages_load_nothing_from_another_site(web_client):
    pages = [
        web_client.get("/").text,
        _post(web_client, "/consult").text,
        _post(web_client, "/report", state=Answers(load_example(STORY)).encode()).text,
        web_client.get("/static/style.css").text,
    ]
    for page in pages:
        for link in re.findall(r'(?:src|href|action)="([^"]*)"|url\(([^)]*)\)', page):
            target = "".join(link)
            assert target.startswith(("/", "#", "data:")), target


@pytest.mark.parametrize("path", ["/consult", "/consult/file", "/report", "/staff", "/facts.json"])
@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"state": "null"},
        {"state": '{"facts": {}, "asked": [{"fact": 3}]}'},
        {"state": '{"facts": {"dont_know": "x"}, "asked": []}'},
        {"state": '{"facts": {}, "asked": []}', "fact": "bank_cards", "answer": "99"},
        {"state": '{"facts": {}, "asked": []}', "step": "x", "progress": "-1"},
    ],
)
def test_any_form_gets_a_page_never_a_fault(web_client, path, fields):
    response = web_client.post(path, data=fields)
    assert response.status_code < 500
    assert "<!doctype html>" in response.text or response.headers["content-type"].startswith(
        "application/json"
    )


def test_a_report_with_no_cause_says_what_could_reveal_one_and_whom_to_ask(web_client):
    state = Answers({"as_of": "2026-12-01", "symptom": {"where": "alipay"}}).encode()
    page = _post(web_client, "/report", state=state)
    assert page.status_code == 200
    assert "What could still reveal a cause" in page.text
    assert 'data-next-step="ask-a-person"' in page.text and "95188" in page.text


def test_a_suspected_cause_starts_with_its_check(web_client):
    facts = {
        "as_of": "2026-12-01",
        "alipay": {"document_expiry_notice": True},
        "symptom": {"where": "alipay", "error_message": "Your ID has expired"},
    }
    page = _post(web_client, "/report", state=Answers(facts).encode())
    text = page.text.replace("&#39;", "'")
    assert "First check: When does your passport expire" in text
    assert text.index("First check") < text.index("If that confirms it: Renew your passport")


CHINESE_PHONE = {"accept-language": "zh-CN,zh;q=0.9,en;q=0.8"}


def test_a_phone_set_to_chinese_gets_the_report_and_the_staff_view_in_chinese(web_client):
    state = Answers(load_example(STORY)).encode()
    page = web_client.post("/report", data={"state": state}, headers=CHINESE_PHONE).text
    assert '<html lang="zh">' in page and "<h1>诊断结果</h1>" in page
    assert "<h3>银行登记的仍是你的旧护照号码</h3>" in page
    assert "给工作人员看" in page and 'class="en"' not in page  # the sentence is the meaning
    assert "1 · 银行网点" in page  # the diagram too
    staff = web_client.post("/staff", data={"state": state, "step": "1"}, headers=CHINESE_PHONE)
    assert '<h1 class="where">第 1 步 · 银行网点</h1>' in staff.text
    question = web_client.post("/consult", data={}, headers=CHINESE_PHONE).text
    assert "第 1 题" in question and ">我不知道</button>" in question
    english = _post(web_client, "/report", state=state).text
    assert '<html lang="en">' in english and "Your bank still holds your old passport" in english


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("en-GB,zh;q=0.5", "en"),
        ("fr, zh-TW;q=0.8", "zh"),
        ("ja", "ja"),
        ("ko-KR,ko;q=0.9,en;q=0.5", "ko"),
        ("eo", "en"),
        ("zh;q=bad", "en"),
    ],
)
def test_the_page_language_is_the_first_offered_one_the_browser_asks_for(web_client, header, code):
    page = web_client.get("/", headers={"accept-language": header}).text
    assert f'<html lang="{code}">' in page


def test_a_phone_set_to_chinese_is_told_what_is_wrong_in_chinese(web_client):
    """A refused answer, damaged answers and a page that does not exist: Chinese words."""
    facts = {"symptom": {"where": "alipay"}, "dont_know": ["symptom.error_message", "bank_cards"]}
    state = Answers(facts).encode()
    page = Forms(web_client.post("/consult", data={"state": state}, headers=CHINESE_PHONE).text)
    fields = {**page.hidden(page.question()), "answer": "下周二"}
    refused = web_client.post("/consult", data=fields, headers=CHINESE_PHONE)
    assert refused.status_code == 422
    text = refused.text.replace("&#39;", "'")
    assert (
        "：无法读懂回答 '下周二'：请回答“是”或“否”" in text
    )  # as typed, to its typist, in Chinese
    damaged = web_client.post("/report", data={"state": "{"}, headers=CHINESE_PHONE)
    assert damaged.status_code == 400 and "随页面发送的回答已损坏（" in damaged.text
    missing = web_client.get("/nowhere", headers=CHINESE_PHONE)
    assert missing.status_code == 404 and "/nowhere：没有这个页面" in missing.text


def test_the_report_shows_evidence_as_sentences_and_keeps_its_facts_for_a_help_desk():
    from web.reading import for_reader

    said = {"text": "Whether your passport was renewed: yes", "facts": ["passport.renewed"]}
    cause = {
        "id": "bank-passport-outdated",
        "title": "Your bank still holds your old passport number",
        "evidence": [
            {"text": "The passport replaced an earlier one", "facts": ["passport.renewed"]},
            said,
            said,
            {"text": "The mobile number your bank holds", "facts": ["bank_cards[0].phone_on_file"]},
        ],
    }
    remaining = [
        {"id": "wallet-reverification", "title": "Alipay asks again", "status": "suspected"}
    ]
    report = {"causes": [cause], "plan": [], "plan_check": {"remaining": remaining}}
    page = for_reader(report)
    [shown] = page["causes"]
    assert shown["plain"] == [
        "The passport replaced an earlier one",
        "Whether your passport was renewed: yes",
        "The mobile number your bank holds",
    ]  # each sentence once
    assert shown["desk"] == ["passport.renewed", "bank_cards[0].phone_on_file"]
    # A cause found only after the plan is named by its own title, not by an id.
    assert page["plan_check"]["suspected"] == ["Alipay asks again"]
    assert page["plan_check"]["confirmed"] == []


def test_the_language_switch_offers_every_catalog_in_its_own_name(web_client):
    """The switch lists the languages whose catalogs exist, each named in itself: a new
    catalog is a new link, with no page edited."""
    start = web_client.get("/?lang=en").text
    for code, name in (("ja", "日本語"), ("ko", "한국어"), ("zh", "中文")):
        assert f'hreflang="{code}" lang="{code}" data-lang="{code}">{name}</a>' in start
    japanese = web_client.get("/?lang=ja").text
    assert '<html lang="ja">' in japanese and "なぜ支払いが通らないのでしょうか？" in japanese
    korean = web_client.get("/?lang=ko").text
    assert '<html lang="ko">' in korean and "왜 결제가 되지 않을까요?" in korean


def _up_to(client, facts: dict, fact: str, headers=None) -> Forms:
    """The page asking `fact`, "I don't know" answered to every question before it."""
    page = Forms(
        client.post("/consult", data={"state": Answers(facts).encode()}, headers=headers).text
    )
    for _ in range(20):
        if page.question()["attrs"]["data-fact"] == fact:
            return page
        fields = {**page.hidden(page.question()), "dont_know": "1"}
        page = Forms(client.post("/consult", data=fields, headers=headers).text)
    raise AssertionError(f"{fact} was never asked")


FIRST_PASSPORT = {"passport": {"renewed": False}, "residence_permit": {"held": False}}
"""No renewal and no permit known: the number's change is the one line left of its list, asked
as its own question (a date, with "never" beside it), beside a card from a mainland branch."""
MAINLAND_CARD = {"status": "cannot_be_verified", "issued_outside_mainland": False}


@pytest.mark.parametrize(
    "headers, label",
    [(None, "Never: I have always had this number"), (CHINESE_PHONE, "从没换过：一直用这个号码")],
)
def test_never_changed_is_a_button_beside_the_date_and_is_kept(web_client, headers, label):
    facts = {"as_of": "2026-11-27", "symptom": {"where": "bank_card_link"}, **FIRST_PASSPORT}
    facts["bank_cards"] = [MAINLAND_CARD]
    page = _up_to(web_client, facts, "phone.changed_on", headers)
    assert f'name="choice" value="never" formnovalidate class="secondary">{label}</button>' in (
        page.html
    )
    fields = {**page.hidden(page.question()), "answer": "", "choice": "never"}
    after = Forms(web_client.post("/consult", data=fields, headers=headers).text)
    state = json.loads(after.hidden(after.question())["state"])["facts"]
    assert state["phone"] == {"changed": False}
    typed = {**page.hidden(page.question()), "answer": "没有" if headers else "never"}
    after = Forms(web_client.post("/consult", data=typed, headers=headers).text)
    assert json.loads(after.hidden(after.question())["state"])["facts"]["phone"] == {
        "changed": False
    }


@pytest.mark.parametrize(("headers", "typed"), [(None, "8 months ago"), (CHINESE_PHONE, "8个月前")])
def test_a_date_said_roughly_is_kept_as_the_month_it_means(web_client, headers, typed):
    facts = {"as_of": "2026-12-01", "symptom": {"where": "bank"}}
    facts["bank_cards"] = [{"status": "cannot_be_verified"}]
    page = _up_to(web_client, facts, "bank_cards[0].last_used", headers)
    fields = {**page.hidden(page.question()), "answer": typed}
    report = Forms(web_client.post("/consult", data=fields, headers=headers).text)
    answers = next(form for form in report.forms if form["attrs"].get("id") == "answers")
    state = json.loads(report.hidden(answers)["state"])["facts"]
    assert state["bank_cards"][0]["last_used"] == "2026-04"
    assert ("bank-account-frozen", "suspected") in report.causes, "unused for 8 months"


def test_several_choices_are_tick_boxes(web_client):
    facts = {"as_of": "2026-11-27", "symptom": {"where": "alipay", "error_message": "x"}}
    facts["alipay"] = {"document_expiry_notice": True, "restricted": False}
    page = _up_to(web_client, facts, "alipay.verification_requested")
    assert page.html.count('type="checkbox" name="answer"') == 6
    assert 'name="choice" value="never"' in page.html  # "Nothing: Alipay asks for nothing"
    question = page.question()
    fields = {**page.hidden(question), "answer": ["selfie", "address"]}
    response = web_client.post("/consult", data=fields)
    assert response.status_code == 200
    after = Forms(response.text)
    state = json.loads(after.hidden(after.question())["state"])["facts"]
    assert state["alipay"]["verification_requested"] == ["selfie", "address"]


@pytest.mark.parametrize(
    "fact, facts, answer",
    [
        (
            "phone.changed_on",
            {
                "symptom": {"where": "bank_card_link"},
                "bank_cards": [MAINLAND_CARD],
                **FIRST_PASSPORT,
            },
            {"choice": "never"},
        ),
        ("alipay.document_expiry_notice", {"symptom": {"where": "alipay"}}, {"answer": "nothing"}),
        ("alipay.document_expiry_notice", {"symptom": {"where": "alipay"}}, {"dont_know": "1"}),
    ],
)
def test_back_takes_back_all_that_one_answer_wrote(web_client, fact, facts, answer):
    page = _up_to(web_client, {"as_of": "2026-11-27", **facts}, fact)
    before = json.loads(page.hidden(page.question())["state"])["facts"]
    fields = {**page.hidden(page.question()), "answer": "", **answer}
    after = Forms(web_client.post("/consult", data=fields).text)
    assert json.loads(after.hidden(after.question())["state"])["facts"] != before
    back = Forms(_post(web_client, "/consult", **after.hidden(after.question()), back="1").text)
    assert back.question()["attrs"]["data-fact"] == fact
    assert json.loads(back.hidden(back.question())["state"])["facts"] == before


VISITOR = {
    "as_of": "2026-11-27",
    "symptom": {"where": "foreign_card"},
    "dont_know": ["symptom.error_message"],
    "foreign_cards": [{"wallet": "alipay", "status": "declined"}],
    "payment": {"amount_cny": 300, "payee": "merchant_qr"},
}
WHAT_HAPPENED = ("phone.vpn_on", "payment.fee_notice", "symptom.persists")


@pytest.mark.parametrize(
    "headers, nothing, vpn",
    [
        (None, "None of these happened", "A VPN or proxy was on"),
        (CHINESE_PHONE, "以上都没有发生", "当时开着 VPN 或代理"),
    ],
)
def test_what_happened_is_one_page_of_tick_boxes(web_client, headers, nothing, vpn):
    page = _up_to(web_client, VISITOR, "phone.vpn_on", headers)
    assert tuple(_lines(page)) == WHAT_HAPPENED
    assert f'type="checkbox" name="answer" value="phone.vpn_on" autofocus> <span>{vpn}</span>' in (
        page.html
    )
    assert f'name="choice" value="nothing" formnovalidate class="secondary">{nothing}</button>' in (
        page.html
    )

    def facts_after(**answer) -> dict:
        fields = {**page.hidden(page.question()), **answer}
        after = Forms(web_client.post("/consult", data=fields, headers=headers).text)
        return json.loads(after.hidden(after.forms[0])["state"])["facts"]

    ticked = facts_after(answer=["phone.vpn_on", "symptom.persists"])
    assert ticked["phone"] == {"vpn_on": True} and ticked["symptom"]["persists"] is True
    assert ticked["payment"]["fee_notice"] is False, "a box left unticked did not happen"
    for none in ({"answer": ""}, {"choice": "nothing"}):  # no box ticked, or the button
        said = facts_after(**none)
        assert said["phone"] == {"vpn_on": False} and said["symptom"]["persists"] is False
    unknown = facts_after(dont_know="1")
    assert set(WHAT_HAPPENED) <= set(unknown["dont_know"]) and "phone" not in unknown


def test_a_ticked_list_is_taken_without_making_its_step_again(web_client, monkeypatch):
    """The page keeps the list's lines with the question, so ticking makes one step (the next
    page's); lines no list has are refused as an old page's answer is."""
    from engine.consultation.interview import Interviewer

    page = _up_to(web_client, VISITOR, "phone.vpn_on")
    state = json.loads(page.hidden(page.question())["state"])
    assert state["lines"] == list(WHAT_HAPPENED)
    steps = []
    made = Interviewer.step
    monkeypatch.setattr(Interviewer, "step", lambda *a, **k: steps.append(1) or made(*a, **k))
    fields = {**page.hidden(page.question()), "answer": ["phone.vpn_on"]}
    after = Forms(web_client.post("/consult", data=fields).text)
    assert json.loads(after.hidden(after.forms[0])["state"])["facts"]["phone"] == {"vpn_on": True}
    assert steps == [1]
    forged = [
        (["phone.vpn_on"], 422),
        (["phone.vpn_on", "passport.number"], 422),
        (["phone.vpn_on", "phone.vpn_on"], 422),
        (["x.y", "phone.vpn_on"], 400),  # no fact of the format: a damaged state
    ]
    for lines, status in forged:
        sent = json.dumps({**state, "lines": lines}, ensure_ascii=False)
        refused = _post(web_client, "/consult", state=sent, fact="phone.vpn_on", answer="")
        assert refused.status_code == status, lines


def test_back_takes_a_whole_list_back(web_client):
    page = _up_to(web_client, VISITOR, "phone.vpn_on")
    fields = {**page.hidden(page.question()), "answer": ["payment.fee_notice"]}
    after = Forms(web_client.post("/consult", data=fields).text)
    back = Forms(_post(web_client, "/consult", **after.hidden(after.forms[0]), back="1").text)
    assert back.question()["attrs"]["data-fact"] == "phone.vpn_on"
    assert json.loads(back.hidden(back.question())["state"])["facts"] == VISITOR


def test_an_answer_a_list_cannot_read_names_the_list(web_client):
    page = _up_to(web_client, VISITOR, "phone.vpn_on")
    fields = {**page.hidden(page.question()), "answer": ["phone.vpn_on", "no such line"]}
    response = web_client.post("/consult", data=fields)
    assert response.status_code == 422
    assert (
        "Answer to &#34;Which of these happened when it failed? Tick all that did.&#34;"
        in response.text
    )
