"""The JSON API: the CLI's reports and messages over HTTP, with the right status and headers."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES

import cli


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_the_api_report_is_the_cli_report_byte_for_byte(web_client, capsys, example):
    path = EXAMPLES / example
    code, expected, _ = _cli(capsys, str(path), "--format", "json", "--no-diagram")
    assert code == 0
    response = web_client.post("/api/v1/diagnose", content=path.read_bytes())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.text == expected


def test_show_personal_data_is_the_cli_option(web_client, capsys):
    path = EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json"
    argv = (str(path), "--format", "json", "--no-diagram")
    _, masked, _ = _cli(capsys, *argv)
    _, shown, _ = _cli(capsys, *argv, "--show-personal-data")
    assert masked != shown
    api = "/api/v1/diagnose?show_personal_data="
    assert web_client.post(api + "false", content=path.read_bytes()).text == masked
    assert web_client.post(api + "true", content=path.read_bytes()).text == shown


@pytest.mark.parametrize(
    "body",
    [
        b"{bad",
        b"[]",
        b"",
        b'{"passport": {"number": 5}}',
        b'{"pasport": {}}',
        b'{"as_of": "2026-13-01"}',
        b"\xff\xfe{\x00}\x00",
        b'{"a": "\xe9"}',
        b'{"passport": {"number": "E1", "number": "E2"}}',
        b'{"alipay": {"balance_cny": NaN}}',
    ],
)
def test_bad_facts_get_400_with_the_cli_message(web_client, capsys, tmp_path, body):
    path = tmp_path / "facts.json"
    path.write_bytes(body)
    code, _, err = _cli(capsys, str(path), "--no-diagram")
    assert code == 2
    expected = err.strip().removeprefix("paydoctor: ").replace(str(path), "request body", 1)
    response = web_client.post("/api/v1/diagnose", content=body)
    assert response.status_code == 400
    assert response.json() == {"error": expected}


def test_a_body_over_1_mib_gets_413_whether_its_length_is_declared_or_not(web_client):
    big = b'{"symptom": {"error_message": "' + b"x" * (1024 * 1024) + b'"}}'
    declared = web_client.post("/api/v1/diagnose", content=big)
    assert declared.status_code == 413
    assert "larger than 1 MiB" in declared.json()["error"]
    streamed = web_client.post("/api/v1/diagnose", content=iter([big[:1000], big[1000:]]))
    assert streamed.status_code == 413
    assert "larger than 1 MiB" in streamed.json()["error"]


def test_wrong_method_and_unknown_path_are_json_errors(web_client):
    wrong = web_client.get("/api/v1/diagnose")
    assert wrong.status_code == 405
    assert wrong.json() == {"error": "/api/v1/diagnose: GET is not allowed here"}
    missing = web_client.get("/api/v1/nothing")
    assert missing.status_code == 404
    assert missing.json() == {"error": "/api/v1/nothing: no such page"}


def test_405_names_the_methods_allowed(web_client):
    """RFC 9110: a 405 says which methods the resource has (schemathesis checks it too)."""
    assert web_client.get("/api/v1/diagnose").headers["allow"] == "POST"
    allowed = web_client.request("TRACE", "/api/v1/rules").headers["allow"]
    assert set(allowed.split(", ")) == {"GET", "HEAD"}
    assert web_client.put("/consult").headers["allow"] == "POST"


def test_errors_come_in_the_language_asked_for_and_an_unknown_one_is_refused(web_client):
    """`?lang=zh` answers its errors in Chinese; `?lang=fr` is refused, in English, whatever
    else is wrong, as `--lang fr` is (the CLI's message)."""
    chinese = web_client.post("/api/v1/diagnose?lang=zh", content=b"{bad")
    assert chinese.status_code == 400
    assert chinese.json() == {
        "error": "request body：第 1 行第 2 列不是有效的 JSON：这里应有一个用双引号括起的名称"
    }
    for path in ("/api/v1/diagnose?lang=fr", "/api/v1/interview?lang=fr"):
        refused = web_client.post(path, content=b"{bad")
        assert refused.status_code == 400
        assert refused.json() == {"error": "unknown language 'fr': choose one of en, ja, ko, zh"}
    assert web_client.get("/api/v1/rules?lang=fr").status_code == 400
    assert web_client.get("/api/v1/nothing?lang=zh").json() == {
        "error": "/api/v1/nothing：没有这个页面"
    }


def test_a_json_mistake_is_said_in_words_not_in_the_parsers(web_client):
    # Python 3.13's parser names a trailing comma where 3.10 to 3.12 expected a value.
    trailing = ("a value was expected", "a comma comes before a closing bracket")
    for body, words in [
        (b"", ("is empty",)),
        (b"[1,]", trailing),
        (b'{"a" 1}', ("a colon was expected",)),
        (b'{"a": 1} 2', ("more text follows the end of the JSON",)),
        (b'{"a": "b', ("a text is not closed by a double quote",)),
    ]:
        error = web_client.post("/api/v1/diagnose", content=body).json()["error"]
        assert any(w in error for w in words) and "Expecting" not in error, error


def test_dont_know_as_of_is_a_report_not_a_fault(web_client):
    """Found by schemathesis: the plan check set the day beside its "not known" (500)."""
    response = web_client.post("/api/v1/diagnose", content=b'{"dont_know": ["as_of"]}')
    assert response.status_code == 200


def test_the_document_states_every_status_and_the_versions_implemented(web_client):
    document = web_client.get("/api/v1/openapi.json").json()
    assert "facts-v3" in document["info"]["description"]
    assert "report-v3" in document["info"]["description"]
    paths = document["paths"]
    assert set(paths["/api/v1/rules"]["get"]["responses"]) == {"200", "400"}
    interview = paths["/api/v1/interview"]["post"]
    assert {p["name"] for p in interview["parameters"]} == {"show_personal_data", "lang"}
    assert interview["requestBody"]["required"] is True
    assert web_client.post("/api/v1/interview").status_code == 400  # the body is required
    schemas = document["components"]["schemas"]
    assert schemas["Phone"]["properties"]["number"]["format"] == "phone"
    expiry = schemas["Passport"]["properties"]["expiry_date"]["anyOf"][0]
    assert {"format": "date"} in expiry["anyOf"]


def test_bad_query_values_are_named(web_client):
    response = web_client.post("/api/v1/diagnose?show_personal_data=perhaps", content=b"{}")
    assert response.status_code == 400
    assert response.json()["error"].startswith("show_personal_data: 'perhaps' is not allowed")


def test_interview_gives_report_v2s_interview_object(web_client):
    body = b'{"as_of": "2026-11-27", "symptom": {"where": "alipay"}}'
    response = web_client.post("/api/v1/interview", content=body)
    assert response.status_code == 200
    step = response.json()
    assert set(step) == {"done", "question", "asked", "report"}
    assert step["done"] is False
    assert step["asked"] == 1, "counted from the facts"
    question = step["question"]
    assert set(question) >= {"fact", "text", "help", "kind", "decides"}
    assert question["kind"] in ("yes_no", "choice", "date", "count", "number", "text")
    assert question["decides"]
    assert step["report"]["as_of"] == "2026-11-27"


def test_interview_offers_nothing_of_these_as_one_choice_setting_three_facts(web_client):
    facts = {"as_of": "2026-11-27", "symptom": {"where": "wechat_pay", "error_message": "x"}}
    for _ in range(30):
        step = web_client.post("/api/v1/interview", content=json.dumps(facts).encode()).json()
        question = step.get("question")
        assert question is not None, "no question offered 'nothing of these'"
        nothing = [c for c in question.get("choices", ()) if "sets" in c]
        if nothing:
            break
        facts.setdefault("dont_know", []).append(question["fact"])
    assert nothing[0]["value"] == "nothing"
    assert nothing[0]["sets"] == {
        "wechat_pay.document_expiry_notice": False,
        "wechat_pay.restricted": False,
        "wechat_pay.verification_requested": [],
    }
    body = {"fact": question["fact"], "answer": "nothing"}
    assert body["answer"] == nothing[0]["value"]


def test_interview_does_not_ask_again_what_the_person_does_not_know(web_client):
    first = web_client.post("/api/v1/interview", content=b"{}").json()["question"]["fact"]
    body = json.dumps({"dont_know": [first]}).encode()
    second = web_client.post("/api/v1/interview", content=body).json()["question"]["fact"]
    assert second != first


def test_interview_yes_no_questions_offer_true_and_false(web_client):
    facts = {"as_of": "2026-11-27", "taobao": {"security_error": True}}
    seen = []
    for _ in range(40):
        step = web_client.post("/api/v1/interview", content=json.dumps(facts).encode()).json()
        if step["done"]:
            break
        question = step["question"]
        seen.append(question["kind"])
        if question["kind"] == "yes_no":
            assert question["choices"][:2] == [
                {"value": True, "label": "Yes"},
                {"value": False, "label": "No"},
            ]
            # report-v3: a "nothing of these" choice says which facts it also sets.
            assert all(set(c) == {"value", "label", "sets"} for c in question["choices"][2:])
        facts.setdefault("dont_know", []).append(question["fact"])
    assert step["done"] is True
    assert "question" not in step
    assert "yes_no" in seen and "choice" in seen


def test_interview_refuses_a_dont_know_that_names_no_fact(web_client):
    response = web_client.post("/api/v1/interview", content=b'{"dont_know": ["passport.nmber"]}')
    assert response.status_code == 400
    assert response.json()["error"] == (
        'request body: dont_know[0]: "passport.nmber" is not a fact path;'
        " did you mean 'passport.number'?"
    )


def test_rules_are_the_cli_rules(web_client, capsys):
    _, expected, _ = _cli(capsys, "rules", "--format", "json")
    response = web_client.get("/api/v1/rules")
    assert response.status_code == 200
    assert response.text == expected


def test_openapi_describes_every_api_route_and_the_facts_schema(web_client, capsys):
    document = web_client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    routes = {
        (route.path, method.lower())
        for route in web_client.app.routes
        if route.path.startswith("/api/")
        for method in route.methods - {"HEAD"}
    }
    described = {(path, method) for path, item in document["paths"].items() for method in item}
    assert described == routes
    _, schema, _ = _cli(capsys, "schema")
    facts = document["components"]["schemas"]["Facts"]
    assert set(facts["properties"]) == set(json.loads(schema)["properties"])


def test_health_is_trivial(web_client):
    assert web_client.get("/api/v1/health").json() == {"status": "ok"}


def test_lang_chooses_the_reports_language_as_the_cli_option_does(web_client, capsys):
    path = EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json"
    code, chinese, _ = _cli(capsys, str(path), "--format", "json", "--lang", "zh", "--no-diagram")
    assert code == 0
    response = web_client.post("/api/v1/diagnose?lang=zh", content=path.read_bytes())
    assert response.status_code == 200 and response.text == chinese
    rules = web_client.get("/api/v1/rules?lang=zh").json()
    assert "银行登记的仍是你的旧护照号码" in {cause["title"] for cause in rules["causes"]}
    bad = web_client.post("/api/v1/diagnose?lang=xx", content=path.read_bytes())
    assert bad.status_code == 400
    assert bad.json() == {"error": "unknown language 'xx': choose one of en, ja, ko, zh"}


def test_interview_offers_never_with_the_facts_it_sets_in_both_languages(web_client):
    facts = {"as_of": "2026-11-27", "symptom": {"where": "bank_card_link"}}
    # A card from a mainland branch: the number's change is then a question of its own.
    facts["bank_cards"] = [{"status": "cannot_be_verified", "issued_outside_mainland": False}]
    for _ in range(20):
        step = web_client.post("/api/v1/interview", content=json.dumps(facts).encode()).json()
        if step["question"]["fact"] == "phone.changed_on":
            break
        facts.setdefault("dont_know", []).append(step["question"]["fact"])
    assert step["question"]["kind"] == "date"
    assert step["question"]["choices"] == [
        {
            "value": "never",
            "label": "Never: I have always had this number",
            "sets": {"phone.changed": False},
        }
    ]
    chinese = web_client.post(
        "/api/v1/interview?lang=zh", content=json.dumps(facts).encode()
    ).json()
    assert chinese["question"]["choices"][0]["label"] == "从没换过：一直用这个号码"
    facts["phone"] = {"changed": False}
    after = web_client.post("/api/v1/interview", content=json.dumps(facts).encode()).json()
    assert after["question"]["fact"] != "phone.changed_on"
    causes = {cause["id"] for cause in after["report"]["causes"]}
    assert "phone-mismatch" not in causes


def test_the_interview_reads_a_cards_status_from_the_message_as_the_other_faces_do(web_client):
    """ "verification failed" with one foreign card: its status is not asked (Choice.in_message),
    as on the terminal and the pages, though the client wrote no status."""
    facts = {
        "as_of": "2026-11-27",
        "symptom": {"where": "foreign_card", "error_message": "Card verification failed"},
        "foreign_cards": [{"wallet": "alipay"}],
    }
    step = web_client.post("/api/v1/interview", json=facts).json()
    assert step["question"]["fact"] != "foreign_cards[0].status"
    said = web_client.post("/api/v1/interview", json={**facts, "foreign_cards": [{}]}).json()
    assert said["question"]["fact"] == "foreign_cards[0].wallet"
    causes = {cause["id"] for cause in step["report"]["causes"]}
    assert "foreign-card-issuer-block" in causes
