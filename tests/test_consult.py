"""The consultation: what is asked, in which order, how answers are checked and saved."""

from __future__ import annotations

import io
import json

import pytest

import cli
from engine.consult import AnswerKind, Consultation, answer_kind, parse_answer
from engine.errors import InputError


class _Keys(io.StringIO):
    """Standard input that gives some lines, then Ctrl-C."""

    def readline(self, *args) -> str:
        line = super().readline(*args)
        if not line:
            raise KeyboardInterrupt
        return line


def _ask(monkeypatch, capsys, lines: str, *argv: str, stdin_type=io.StringIO):
    monkeypatch.setattr("sys.stdin", stdin_type(lines))
    code = cli.main(["--ask", *argv, "--no-diagram"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_question_decides_a_cause_and_the_most_decisive_come_first(doctor):
    questions = Consultation(doctor, {"as_of": "2026-11-27"}).questions()
    assert [q.fact for q in questions[:2]] == ["bank_cards", "symptom.error_message"]
    assert all(q.decides for q in questions)
    asked = {q.fact for q in questions}
    assert "symptom.where" in asked  # where it fails decides which wallet's causes apply
    assert len(questions[0].decides) > len(questions[-1].decides)


def test_facts_of_a_confirmed_cause_are_not_asked_again(doctor):
    consultation = Consultation(
        doctor, {"as_of": "2026-11-27", "taobao": {"security_error": True, "account_age_days": 3}}
    )
    asked = {q.fact for q in consultation.questions()}
    assert "taobao.spending_changed" not in asked
    assert "taobao.bound_to_alipay" in asked


def test_dont_know_is_accepted_and_not_asked_again(doctor):
    consultation = Consultation(doctor, {"as_of": "2026-11-27"})
    first = consultation.questions()[0]
    consultation.answer(first, "don't know")
    assert first.fact not in {q.fact for q in consultation.questions()}
    assert consultation.answered == []


def test_an_answer_is_validated_like_a_facts_file(doctor):
    consultation = Consultation(doctor, {"as_of": "2026-11-27"})
    (expiry,) = [q for q in consultation.questions() if q.fact == "passport.expiry_date"]
    with pytest.raises(InputError, match=r"passport\.expiry_date.*real calendar date"):
        consultation.answer(expiry, "2026-13-01")
    consultation.answer(expiry, "2026-01-01")
    assert consultation.data["passport"] == {"expiry_date": "2026-01-01"}
    assert consultation.questions()[0].fact != "passport.expiry_date"


@pytest.mark.parametrize(
    ("template", "text", "value"),
    [
        ("taobao.security_error", "Yes", True),
        ("taobao.security_error", "否", False),
        ("bank_cards[].status", "cannot be verified", "cannot_be_verified"),
        ("bank_cards[].status", "4", "not_linked"),
        ("taobao.account_age_days", "12", 12),
        ("bank_cards", "2", [{}, {}]),
        ("person.surname", "Smith", "Smith"),
    ],
)
def test_answers_are_read_by_the_kind_of_fact(template, text, value):
    assert parse_answer(answer_kind(template), text) == value


def test_a_bad_answer_names_what_was_expected():
    with pytest.raises(InputError, match="expected yes or no"):
        parse_answer(AnswerKind("yes/no"), "perhaps")


def test_scripted_consultation_saves_the_answers_and_diagnoses(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out, err = _ask(monkeypatch, capsys, "1\nunusual activity\nsometimes\nunresponsive\n")
    assert code == 0
    assert "Question 1 · " in err and "Which Chinese bank cards" in err
    assert "'s********' is not allowed: expected one of: ok, cannot be verified" in err
    assert "input ended: saved the facts with your 3 answers to paydoctor-facts.json" in err
    saved = json.loads((tmp_path / "paydoctor-facts.json").read_text(encoding="utf-8"))
    assert saved == {
        "bank_cards": [{"status": "unresponsive"}],
        "symptom": {"error_message": "unusual activity"},
    }
    assert "taobao-risk-flag" in out and "Question" not in out


def test_an_existing_file_is_overwritten_only_when_the_person_says_so(
    monkeypatch, capsys, tmp_path
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paydoctor-facts.json").write_text("{}", encoding="utf-8")
    code, _, err = _ask(monkeypatch, capsys, "0\n")
    assert code == 0
    assert "paydoctor-facts.json exists. Overwrite it?" in err
    assert (tmp_path / "paydoctor-facts.json").read_text(encoding="utf-8") == "{}"
    assert json.loads((tmp_path / "paydoctor-facts-2.json").read_text()) == {"bank_cards": []}


def test_starting_from_a_facts_file_saves_beside_it_and_leaves_it_alone(
    monkeypatch, capsys, tmp_path
):
    facts = tmp_path / "mine.json"
    facts.write_text('{"as_of": "2026-11-27", "taobao": {"security_error": true}}')
    code, _, err = _ask(monkeypatch, capsys, "0\n", str(facts))
    assert code == 0
    assert json.loads(facts.read_text()) == {
        "as_of": "2026-11-27",
        "taobao": {"security_error": True},
    }
    saved = json.loads((tmp_path / "mine-answered.json").read_text())
    assert saved == {"as_of": "2026-11-27", "taobao": {"security_error": True}, "bank_cards": []}
    assert f"saved the facts with your 1 answer to {tmp_path / 'mine-answered.json'}" in err


def test_the_diagram_is_drawn_beside_the_answers_it_depicts(monkeypatch, capsys, tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    facts = cases / "mine.json"
    facts.write_text('{"as_of": "2026-11-27", "taobao": {"security_error": true}}')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("0\n"))
    assert cli.main(["--ask", str(facts)]) == 0
    drawn = cases / "mine-answered.diagnosis.svg"
    assert capsys.readouterr().out.endswith(f"diagram: {drawn}\n")
    assert "Taobao flagged your account" in drawn.read_text(encoding="utf-8")
    assert {p.name for p in cases.iterdir()} == {"mine.json", "mine-answered.json", drawn.name}
    assert [p.name for p in tmp_path.iterdir()] == ["cases"]


def test_without_a_facts_file_the_diagram_follows_the_saved_answers_or_is_not_drawn(
    monkeypatch, capsys, tmp_path
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["--ask"]) == 0
    assert "diagram:" not in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr("sys.stdin", io.StringIO("0\n"))
    assert cli.main(["--ask"]) == 0
    assert capsys.readouterr().out.endswith("diagram: paydoctor-facts.diagnosis.svg\n")
    assert {p.name for p in tmp_path.iterdir()} == {
        "paydoctor-facts.json",
        "paydoctor-facts.diagnosis.svg",
    }


def test_ctrl_c_saves_what_was_answered_and_says_where(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out, err = _ask(monkeypatch, capsys, "1\n", stdin_type=_Keys)
    assert code == 130
    assert "interrupted: saved the facts with your 1 answer to paydoctor-facts.json" in err
    assert json.loads((tmp_path / "paydoctor-facts.json").read_text()) == {"bank_cards": [{}]}
    assert out == ""


def test_without_facts_or_ask_it_is_a_usage_error(capsys):
    assert cli.main([]) == 2
    assert "--ask" in capsys.readouterr().err
