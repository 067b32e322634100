"""The terminal report: styled on a terminal, plain when piped or with NO_COLOR."""

from __future__ import annotations

import io
import json

from engine.facts.loading import read_facts_file, validate_facts
from tests.conftest import EXAMPLES
from visualise.text import text_report

ESCAPE = "\x1b["


def report(doctor, monkeypatch, **environment) -> str:
    for name in ("FORCE_COLOR", "NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    diagnosis = doctor.diagnose(read_facts_file(EXAMPLES / "renewed-passport.json"))
    return text_report(diagnosis, io.StringIO())


def test_a_terminal_gets_styles(doctor, monkeypatch):
    assert ESCAPE in report(doctor, monkeypatch, FORCE_COLOR="1", TERM="xterm-256color")


def test_no_color_gives_plain_text_even_on_a_terminal(doctor, monkeypatch):
    text = report(doctor, monkeypatch, FORCE_COLOR="1", NO_COLOR="1", TERM="xterm-256color")
    assert ESCAPE not in text
    assert "CONFIRMED" in text


def test_piped_output_is_plain_without_trailing_spaces(doctor, monkeypatch):
    text = report(doctor, monkeypatch)
    assert ESCAPE not in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_each_cause_and_the_plan_name_their_layers(doctor, monkeypatch):
    """The bank's cause is named with its layer, and the plan's order says that layer."""
    text = report(doctor, monkeypatch)
    assert "bank-passport-outdated · bank\n" in text
    assert "Fix plan (in this order: bank)" in text


def test_a_persons_data_is_shown_as_typed_never_as_emoji_or_markup(doctor):
    """A name is the person's own text: ":smile:" stays those characters, "[b]" too."""
    typed = "Brown :smile: [b]David"
    facts = validate_facts(
        {
            "person": {"surname": "BROWN", "given_names": "DAVID"},
            "bank_cards": [
                {
                    "name_entered": typed,
                    "name_on_file": "BROWN DAVID",
                    "status": "cannot_be_verified",
                }
            ],
        }
    )
    text = text_report(doctor.diagnose(facts), io.StringIO(), reveal=True)
    assert f"“{typed}”" in text


def test_checks_say_in_words_what_they_decide_and_a_plan_on_suspicions_is_not_all_clear(
    capsys,
):
    import cli

    assert cli.main([str(EXAMPLES / "bank-passport-outdated.json"), "--no-diagram"]) == 0
    out = capsys.readouterr().out
    assert "it decides: Your bank still holds your old passport number" in out
    assert "decides bank-passport-outdated" not in out
    assert "if the suspected causes it fixes are\n    the ones: the checks tell." in out
    assert "✔ No known cause remains" not in out


def test_a_check_names_the_wallet_whose_cause_it_decides(capsys):
    """A WeChat Pay visitor's check decides WeChat Pay's cause, in WeChat Pay's words, not the
    Alipay twin's that shares its id (which the JSON keeps for scripts)."""
    import cli

    story = str(EXAMPLES / "story-visitor-card-network-refused.json")
    assert cli.main([story, "--no-diagram"]) == 0
    out = capsys.readouterr().out
    assert "verified?\n    it decides: WeChat Pay has not verified your identity yet\n" in out
    assert "Alipay has not verified" not in out
    assert cli.main([story, "--no-diagram", "--format", "json"]) == 0
    checks = json.loads(capsys.readouterr().out)["checks"]
    assert [(c["fact"], c["decides"]) for c in checks] == [
        ("wechat_pay.identity.verified", ["identity-not-verified"])
    ]
