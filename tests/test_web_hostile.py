"""Every page, posted whatever a browser (or an attacker) can send: never a 5xx, never markup
of theirs in a page.

A property test (hypothesis) posts generated states and form fields to every page; another
puts script and attribute injections in every string of a case and reads every page back.
"""

from __future__ import annotations

import json

from conftest import load_example
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.facts.model import standard_model
from web.answers import Answers

FACT_PATHS = standard_model().paths

PAGES = ["/consult", "/report", "/staff", "/facts.json", "/consult/file"]
STORY = "story-renewed-passport-new-phone-new-taobao.json"

HOSTILE = [
    float("inf"),
    float("-inf"),
    float("nan"),
    10**309,
    -(10**309),
    1e308,
    "\ud800",
    "²",
    "9" * 5000,
    "<b>",
    5,
    -1,
    "2026-01-01",
    "2026-13",
    "alipay",
    "ok",
    "E98765432",
]
"""Values that broke a page once (issue 25), or that a fact takes."""
_scalars = st.one_of(
    st.sampled_from(HOSTILE),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
)
_json = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["x", "bank", "number", "a"]), inner, max_size=3)
    ),
    max_leaves=8,
)
_paths = st.sampled_from([p.replace("[]", "[0]") for p in FACT_PATHS]) | st.text(max_size=20)
_sections = st.dictionaries(
    st.sampled_from(sorted({path.split(".")[0].removesuffix("[]") for path in FACT_PATHS})),
    _json,
    max_size=3,
) | st.builds(
    lambda cards, paths: {"bank_cards": cards, "dont_know": paths},
    _json,
    st.lists(_paths, max_size=2),
)
_asked = st.lists(st.fixed_dictionaries({"fact": _paths | _json, "progress": _scalars}), max_size=3)


def _state_text(facts, asked) -> str:
    """The state as a page would carry it; a lone surrogate as JSON writes it (`\\ud800`)."""
    return json.dumps({"facts": facts, "asked": asked}, allow_nan=True)


_states = st.one_of(
    st.builds(_state_text, _sections, _asked),
    st.builds(_state_text, _sections, _asked),
    st.builds(_state_text, _json, _json),
    st.text(max_size=40),
    st.just(Answers(load_example(STORY)).encode()),
)
_fields = st.fixed_dictionaries(
    {"state": _states},
    optional={
        "fact": _paths,
        "answer": st.text(max_size=30) | st.sampled_from(["yes", "2", "2026-01", "alipay"]),
        "progress": st.text(max_size=6),
        "step": st.text(max_size=4),
        "back": st.just("1"),
        "dont_know": st.just("1"),
        "reveal": st.just("1"),
    },
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(page=st.sampled_from(PAGES), fields=_fields)
def test_no_post_to_any_page_is_a_fault(web_client, page, fields):
    if page == "/consult/file":
        upload = fields["state"].encode("utf-8", "surrogatepass")
        response = web_client.post(page, files={"facts": ("case.json", upload)})
    else:
        response = web_client.post(page, data=fields)
    assert response.status_code < 500, (page, fields, response.text[-400:])


SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(1)'


def _injected(node, text: str):
    """`node` with every string (a value, not a date or a choice) replaced by `text`."""
    if isinstance(node, dict):
        return {key: _injected(value, text) for key, value in node.items()}
    if isinstance(node, list):
        return [_injected(value, text) for value in node]
    return text if isinstance(node, str) and not node[:1].isdigit() else node


def _free_text(facts: dict, text: str) -> dict:
    """The facts with `text` in each field that holds any text (others refuse it)."""
    cards = [{**card, "bank": text, "name_on_file": text} for card in facts.get("bank_cards", [])]
    return {
        **facts,
        "person": {"surname": text, "given_names": text},
        "symptom": {**facts.get("symptom", {}), "error_message": "Your ID has expired " + text},
        **({"bank_cards": cards} if cards else {}),
    }


def test_injections_in_every_string_come_back_escaped(web_client):
    for text in (SCRIPT, ATTRIBUTE):
        facts = _free_text(load_example(STORY), text)
        state = Answers(facts).encode()
        responses = [
            web_client.post("/report", data={"state": state, "reveal": "1"}),
            web_client.post("/report", data={"state": state}),
            web_client.post("/consult", data={"state": state}),
            web_client.post("/staff", data={"state": state, "step": "1", "reveal": "1"}),
            web_client.post(
                "/consult/file", files={"facts": ("x.json", json.dumps(facts).encode())}
            ),
            web_client.post("/consult/file", files={"facts": (text, b"{bad")}),
            web_client.post("/report", data={"state": Answers(_injected(facts, text)).encode()}),
            web_client.get("/?lang=" + text),
            web_client.get("/" + text),
            web_client.post(
                "/consult",
                data={"state": Answers({}).encode(), "fact": "symptom.where", "answer": text},
            ),
            web_client.post(
                "/consult",
                data={"state": Answers({}).encode(), "fact": text, "answer": text},
            ),
        ]
        for response in responses:
            assert response.status_code < 500
            assert text not in response.text, response.request.url
            assert "<script>" not in response.text


def test_a_text_answer_shown_back_is_escaped(web_client):
    """The answer a person typed is shown back to them in its field, as an attribute value."""
    for text in (SCRIPT, ATTRIBUTE):
        state = Answers({"symptom": {"where": "alipay"}}).encode()
        page = web_client.post("/consult", data={"state": state})
        fact = page.text.split('data-fact="', 1)[1].split('"', 1)[0]
        response = web_client.post(
            "/consult", data={"state": state, "fact": fact, "answer": text + " 2026-99"}
        )
        assert response.status_code < 500
        assert text not in response.text
