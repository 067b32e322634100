"""Partial dates (facts-v2): a month or a year is the interval of days it covers.

A comparison the interval settles is made; one it leaves open is not known,
the evidence says so, and the date is among the facts that would decide it.
Files the program writes give a partial date back as it was written.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

import cli
from engine.authoring.rules import Case
from engine.consultation.answers import kind_of, read
from engine.consultation.interview import Interviewer
from engine.errors import InputError
from engine.facts.dates import PartialDate
from engine.facts.edits import facts_data
from engine.facts.loading import validate_facts
from engine.planning.plan_check import facts_after
from knowledge.causes.phone_mismatch import PHONE_CHANGED_RECENTLY
from tests.conftest import statuses

AS_OF = "2026-12-01"


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("2026-09-14", date(2026, 9, 14), date(2026, 9, 14)),
        ("2026-06", date(2026, 6, 1), date(2026, 6, 30)),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_a_date_covers_its_days(text, first, last):
    day = PartialDate.parse(text)
    assert (day.first, day.last, str(day)) == (first, last, text)
    assert day.exact == (first == last)


_FORMS = "expected a date written YYYY-MM-DD, YYYY-MM or YYYY"
_REAL = "expected a real calendar date written YYYY-MM-DD, YYYY-MM or YYYY"


@pytest.mark.parametrize(
    "text, shown, expected",
    [
        ("2026-13", '"2026-13"', f"{_REAL} (month must be in 1..12)"),
        ("2026-00", '"2026-00"', f"{_REAL} (month must be in 1..12)"),
        ("2026-02-29", '"2026-02-29"', f"{_REAL} (day is out of range for month)"),
        ("0000", '"0***"', f"{_REAL} (year 0 is out of range)"),
        ("26-09", '"26-09"', _FORMS),
        ("2026-9", '"2026-9"', _FORMS),
        ("June 2026", '"J*** 2***"', _FORMS),
        (202606, "2*****", _FORMS),
    ],
)
def test_a_bad_partial_date_is_one_clear_error(tmp_path, capsys, text, shown, expected):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"phone": {"changed_on": text}}), encoding="utf-8")
    assert cli.main([str(facts), "--no-diagram"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("paydoctor: ")
    assert f"phone.changed_on: {shown} is not allowed: {expected}" in err


def test_as_of_is_a_whole_day():
    with pytest.raises(InputError, match=r'as_of: "2026-12" is not allowed: .*YYYY-MM-DD'):
        validate_facts({"as_of": "2026-12"})


def _observe(observation, facts: dict):
    checked = validate_facts({"as_of": AS_OF, **facts})
    return observation.evaluate(Case(checked, checked.as_of), None)


def test_a_month_straddling_the_phone_window_is_not_known_and_says_so():
    outcome = _observe(PHONE_CHANGED_RECENTLY, {"phone": {"changed_on": "2026-06"}})
    assert outcome.value is None
    assert outcome.unknown_paths == ("phone.changed_on",)
    assert outcome.evidence.render(False) == (
        "You changed your phone number in 2026-06: it could be any day from 2026-06-01"
        " to 2026-06-30, so whether it was within the last 180 days is not known."
    )


@pytest.mark.parametrize(
    "changed_on, recent, said",
    [
        ("2026-10", True, "31–61 days ago: within the 180 days"),
        ("2025", False, "335–699 days ago: more than 180 days ago."),
        ("2026-10-28", True, "34 days ago: within the 180 days"),
    ],
)
def test_a_date_wholly_inside_or_outside_the_phone_window_decides_it(changed_on, recent, said):
    outcome = _observe(PHONE_CHANGED_RECENTLY, {"phone": {"changed_on": changed_on}})
    assert outcome.value is recent
    assert outcome.evidence.render(False).startswith(
        f"You changed your phone number on {changed_on}, {said}"
    )


def test_a_month_inside_the_window_makes_the_phone_cause_suspected(diagnose):
    card = {"bank_cards": [{"status": "cannot_be_verified"}]}
    inside = diagnose({"as_of": AS_OF, "phone": {"changed_on": "2026-10"}, **card})
    assert statuses(inside)["phone-mismatch"] == "suspected"
    straddling = diagnose({"as_of": AS_OF, "phone": {"changed_on": "2026-06"}, **card})
    assert "phone-mismatch" not in statuses(straddling)


EXPIRED = {"alipay": {"document_expiry_notice": True}}
ID_EXPIRED = {"symptom": {"error_message": "Your ID has expired"}}


def test_an_expiry_month_straddling_as_of_is_suspected_not_confirmed(diagnose):
    diagnosis = diagnose({"as_of": AS_OF, "passport": {"expiry_date": "2026"}, **ID_EXPIRED})
    assert statuses(diagnosis)["passport-expired"] == "suspected"
    (finding,) = [f for f in diagnosis.findings if f.cause.id == "passport-expired"]
    said = [text.render(False) for text in finding.evidence]
    assert (
        "Your passport is valid until 2026; today is 2026-12-01. It could be any day from"
        " 2026-01-01 to 2026-12-31, so whether it has passed is not known."
    ) in said
    check = next(c for c in diagnosis.checks if c.fact == "passport.expiry_date")
    assert "passport-expired" in check.decides


@pytest.mark.parametrize(
    "expiry, status",
    [
        ("2026-11", "confirmed"),
        ("2026", "suspected"),
        ("2026-12", None),
        ("2027-01", None),
        ("2026-11-30", "confirmed"),
    ],
)
def test_an_expiry_is_confirmed_only_when_all_its_days_are_past(diagnose, expiry, status):
    diagnosis = diagnose({"as_of": AS_OF, "passport": {"expiry_date": expiry}, **ID_EXPIRED})
    assert statuses(diagnosis).get("passport-expired") == status


def test_the_permit_expiry_in_a_wallet_straddling_as_of_is_not_confirmed(diagnose):
    wallet = {"alipay": {"identity": {"residence_permit_expiry_date": "2026"}}}
    assert "residence-permit-outdated" not in statuses(diagnose({"as_of": AS_OF, **wallet}))
    wallet = {"alipay": {"identity": {"residence_permit_expiry_date": "2026-06"}}}
    assert statuses(diagnose({"as_of": AS_OF, **wallet}))["residence-permit-outdated"] == (
        "confirmed"
    )


PARTIAL = {
    "as_of": AS_OF,
    "passport": {"expiry_date": "2026-11", "renewed_on": "2016"},
    "phone": {"changed_on": "2026-06"},
    "alipay": {"identity": {"residence_permit_expiry_date": "2027-03-31"}},
}


def test_partial_dates_are_written_back_as_they_were_written(doctor):
    facts = validate_facts(PARTIAL)
    assert facts_data(facts) == PARTIAL
    assert validate_facts(facts_data(facts)) == facts
    after = facts_data(facts_after(facts, doctor.diagnose(facts)))
    assert after["phone"] == {"changed_on": "2026-06"}
    assert after["passport"]["renewed_on"] == AS_OF, "renewing the passport dates it as_of"


def test_the_consultation_saves_partial_dates_as_written(monkeypatch, capsys, tmp_path):
    facts = tmp_path / "mine.json"
    facts.write_text(json.dumps({**PARTIAL, **EXPIRED}), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("alipay\n"))
    assert cli.main(["--ask", str(facts), "--no-diagram"]) == 0
    saved = json.loads((tmp_path / "mine-answered.json").read_text(encoding="utf-8"))
    assert saved == {**PARTIAL, **EXPIRED, "symptom": {"where": "alipay"}}
    assert "mine-answered.json" in capsys.readouterr().err


def test_a_date_question_takes_a_month_or_a_year(doctor):
    assert read(kind_of("phone.changed_on"), None, "2026").value == "2026"
    interviewer = Interviewer(doctor)
    data = {"as_of": AS_OF, **EXPIRED}
    assert "passport.expiry_date" in {q.fact for q in interviewer.step(data).questions}
    with pytest.raises(InputError, match=r"'2026-13': expected a real calendar date"):
        interviewer.answer(data, "passport.expiry_date", "2026-13")
    answered = interviewer.answer(data, "passport.expiry_date", "2026-12")
    assert answered["passport"] == {"expiry_date": "2026-12"}


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("8 months ago", "2026-04"),
        ("two years ago", "2024"),
        ("last year", "2025"),
        ("last month", "2026-11"),
        ("2 weeks ago", "2026-11"),  # a week ago is its month, not a day nobody named
        ("March", "2026-03"),  # a month gone by without its year: the last one
        ("8个月前", "2026-04"),
        ("去年", "2025"),
        ("3月", "2026-03"),
        ("8ヶ月前", "2026-04"),
        ("昨年", "2025"),
        ("8개월 전", "2026-04"),
        ("작년", "2025"),
    ],
)
def test_a_date_gone_by_is_read_as_said_roughly_from_the_consultations_day(doctor, typed, written):
    interviewer = Interviewer(doctor)
    data = {"as_of": AS_OF, "bank_cards": [{}]}
    answered = interviewer.answer(data, "bank_cards[0].last_used", typed)
    assert answered["bank_cards"] == [{"last_used": written}]


def test_a_month_without_its_year_is_refused_for_a_date_that_may_be_to_come(doctor):
    interviewer = Interviewer(doctor)
    with pytest.raises(InputError) as refused:
        interviewer.answer({"as_of": AS_OF}, "passport.expiry_date", "March")
    assert str(refused.value.shown_back) == (
        "'March' could be 2026-03 or 2027-03: write it as YYYY-MM"
    )
    said = interviewer.answer({"as_of": AS_OF}, "passport.expiry_date", "in 3 months")
    assert said["passport"] == {"expiry_date": "2027-03"}, "said relative to today: one date"


@pytest.mark.parametrize("typed", ["Anna Meier", "12", "5日", "soon"])
def test_what_is_no_date_is_still_refused(doctor, typed):
    with pytest.raises(InputError, match="is not a date I can read"):
        Interviewer(doctor).answer(
            {"as_of": AS_OF, "bank_cards": [{}]}, "bank_cards[0].last_used", typed
        )
