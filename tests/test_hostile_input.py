"""The reproducers of issue 25: every entrance refuses what no renderer can print, and every
output masks what a person typed, whatever field it was typed into.

Each case is one an attacker or a clumsy user found: a 310-digit number, a pasted passport
number in an error message, a state tampered with, an upload with a duplicated key.
"""

from __future__ import annotations

import json

import pytest
from conftest import load_example
from web_support import Forms

import cli
from web.answers import Answers

HUGE = "1" + "0" * 309
"""10**309: a valid JSON integer that no float (so no `{:g}`) can hold."""
AGE = '{{"taobao": {{"account_age_days": {}}}}}'
STATE = '{{"facts": {}, "asked": []}}'
PASTED = "Your ID has expired E12345678 JOHN SMITH 13987654321 6222020200112233445"
PASTED_RAW = ["E12345678", "JOHN", "SMITH", "13987654321", "6222020200112233445"]


def _huge_age(tmp_path):
    path = tmp_path / "huge.json"
    path.write_text(AGE.format(HUGE))
    return path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_number_no_renderer_can_print_is_refused_by_the_cli(tmp_path, capsys, fmt):
    code = cli.main([str(_huge_age(tmp_path)), "--no-diagram", "--format", fmt])
    err = capsys.readouterr().err
    assert code == 2
    assert "taobao.account_age_days" in err and "within ±1e308" in err
    assert "Traceback" not in err and HUGE not in err


def test_a_number_no_renderer_can_print_is_refused_by_the_api_and_the_pages(web_client):
    body = AGE.format(HUGE)
    response = web_client.post("/api/v1/diagnose", content=body)
    assert response.status_code == 400
    assert "taobao.account_age_days" in response.json()["error"]
    state = STATE.format(AGE.format(HUGE))
    for path in ("/report", "/consult", "/facts.json", "/staff"):
        assert web_client.post(path, data={"state": state}).status_code == 400, path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_explain_masks_what_was_pasted_with_the_error_message(tmp_path, capsys, fmt):
    facts = load_example("passport-expired.json")
    facts["symptom"]["error_message"] = PASTED
    path = tmp_path / "pasted.json"
    path.write_text(json.dumps(facts))
    code = cli.main([str(path), "--explain", "passport-expired", "--format", fmt])
    out = capsys.readouterr().out
    assert code == 0
    assert [raw for raw in PASTED_RAW if raw in out] == []
    assert "ID has expired" in out  # the words read in the message stay readable


STATES = {
    "progress 1e400": '{"facts": {}, "asked": [{"fact": "as_of", "progress": 1e400}]}',
    "progress -Infinity": '{"facts": {}, "asked": [{"fact": "as_of", "progress": -Infinity}]}',
    "310-digit age": STATE.format(AGE.format(HUGE)),
    "lone surrogate": '{"facts": {"bank_cards": [{"bank": "\\ud800"}]}, "asked": []}',
    "cards a number": (
        '{"facts": {"bank_cards": 5, "dont_know": ["bank_cards[0].status"]},'
        ' "asked": [{"fact": "bank_cards[0].status", "progress": 5}]}'
    ),
    "cards an object": (
        '{"facts": {"bank_cards": {"a": 1}, "dont_know": ["bank_cards[0].status"]},'
        ' "asked": [{"fact": "bank_cards[0].status", "progress": 5}]}'
    ),
    "900 deep": '{"facts": {"x": ' + "[" * 900 + "1" + "]" * 900 + "}, " + '"asked": []}',
    "NaN": '{"facts": {"payment": {"amount_usd": NaN}}, "asked": []}',
    "unknown key": '{"facts": {"passport": {"numbr": "E1"}}, "asked": []}',
    "duplicate key": '{"facts": {}, "facts": {}, "asked": []}',
    "asked not a list": '{"facts": {}, "asked": 7}',
    "fact not a path": '{"facts": {}, "asked": [{"fact": "<b>", "progress": 5}]}',
}


@pytest.mark.parametrize("state", STATES.values(), ids=STATES.keys())
@pytest.mark.parametrize("path", ["/consult", "/report", "/staff", "/facts.json"])
@pytest.mark.parametrize("back", [False, True])
def test_a_tampered_state_is_a_clear_400_on_every_page(web_client, state, path, back):
    fields = {"state": state, "step": "1", **({"back": "1"} if back else {})}
    response = web_client.post(path, data=fields)
    assert response.status_code == 400, response.text[-500:]
    assert "the answers sent with the page are damaged" in response.text


@pytest.mark.parametrize("progress", ["²", "9" * 5000, "-1", "1e400", "٣"])
def test_a_progress_field_of_any_text_is_no_fault(web_client, progress):
    fields = {"state": Answers({}).encode(), "fact": "symptom.where", "answer": "alipay"}
    response = web_client.post("/consult", data={**fields, "progress": progress})
    assert response.status_code == 200


def test_facts_json_hands_back_only_valid_facts(web_client):
    for facts in ('{"passport": {"number": 5}}', '{"nothing": 1}'):
        state = STATE.format(facts)
        assert web_client.post("/facts.json", data={"state": state}).status_code == 400


def test_an_upload_is_read_as_the_cli_reads_a_file(web_client):
    def upload(name: str, body: bytes):
        return web_client.post("/consult/file", files={"facts": (name, body)})

    twice = upload("mine.json", b'{"as_of": "2026-01-01", "as_of": "2026-01-02"}')
    assert twice.status_code == 400 and "appears twice" in twice.text
    empty = upload("mine.json", b"")
    assert empty.status_code == 400 and "mine.json: is empty" in empty.text
    named = upload("ZQ7734291.json", b"{bad")
    assert named.status_code == 400
    assert "ZQ7734291" not in named.text and "not valid JSON" in named.text


def test_a_query_value_or_a_field_is_masked_in_the_error(web_client):
    response = web_client.get("/api/v1/rules?lang=ZQ7734291")
    assert response.status_code == 400
    assert "ZQ7734291" not in response.text and "unknown language" in response.text
    flag = web_client.post("/api/v1/diagnose?show_personal_data=ZQ7734291", content=b"{}")
    assert flag.status_code == 400 and "zq7734291" not in flag.text.casefold()
    step = web_client.post("/staff", data={"state": Answers({}).encode(), "step": "E1234567"})
    assert step.status_code == 400 and "E1234567" not in step.text


def test_a_question_does_not_quote_the_bank_name_as_typed(web_client):
    facts = {"symptom": {"where": "bank_card_link"}, "bank_cards": [{"bank": "ZQ7734291"}]}
    for _ in range(12):
        step = web_client.post("/api/v1/interview", json=facts).json()
        if step["done"]:
            break
        assert "ZQ7734291" not in json.dumps(step, ensure_ascii=False)
        facts.setdefault("dont_know", []).append(step["question"]["fact"])
    page = web_client.post("/consult", data={"state": Answers(facts).encode()}).text
    assert "ZQ7734291" not in Forms(page).shown()


def test_a_phone_number_typed_as_a_list_index_is_masked(tmp_path, capsys):
    line = json.dumps({"dont_know": ["bank_cards[17799887766].phone_on_file"]})
    path = tmp_path / "cases.jsonl"
    path.write_text(line + "\n")
    assert cli.main(["batch", str(path), "--jobs", "1"]) == 2
    captured = capsys.readouterr()
    assert "17799887766" not in captured.out + captured.err
    assert "dont_know[0]" in json.loads(captured.out)["error"]


def test_a_long_answer_is_echoed_as_a_short_excerpt(web_client):
    fields = {"state": Answers({}).encode(), "fact": "symptom.where", "progress": "0"}
    response = web_client.post("/consult", data={**fields, "answer": "x" * 900_000})
    assert response.status_code == 422
    assert len(response.content) < 20_000


def test_a_large_upload_makes_a_page_of_about_its_size(web_client):
    facts = load_example("passport-expired.json")
    facts["symptom"]["error_message"] = "Your ID has expired " + "z" * 900_000
    body = json.dumps(facts).encode()
    response = web_client.post("/consult/file", files={"facts": ("mine.json", body)})
    assert response.status_code == 200
    assert len(response.content) < 1.3 * len(body)


def test_a_fault_is_a_page_with_the_security_headers_and_one_log_line(
    web_client, monkeypatch, caplog
):
    """What no validation foresaw is still a page: headers, no traceback, no value logged."""

    def broken(*args, **kwargs):
        raise OverflowError("E12345678 int too large")

    monkeypatch.setattr("web.pages.next_step", broken)
    response = web_client.post("/report", data={"state": Answers({}).encode()})
    assert response.status_code == 500
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    assert "<!doctype html>" in response.text and "Traceback" not in response.text
    logged = caplog.text
    assert "OverflowError at test_hostile_input.py:" in logged
    assert "E12345678" not in logged and "Traceback" not in logged
    assert web_client.get("/").status_code == 200


def test_no_redirect_names_the_host_sent(web_client):
    response = web_client.get("/static", headers={"host": "evil.example.com"})
    assert response.status_code == 404
    assert "location" not in response.headers


def test_every_page_carries_the_answers_once(web_client):
    state = Answers(load_example("story-renewed-passport-new-phone-new-taobao.json")).encode()
    pages = [
        web_client.post("/consult", data={"state": state}),
        web_client.post("/report", data={"state": state}),
        web_client.post("/report", data={"state": state, "reveal": "1"}),
        web_client.post("/staff", data={"state": state, "step": "1"}),
    ]
    for page in pages:
        assert page.status_code == 200
        assert page.text.count('name="state"') == 1, page.request.url
