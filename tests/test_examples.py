"""Each example facts file gives the diagnosis written here."""

from __future__ import annotations

import pytest

from engine.loading import read_facts_file
from tests.conftest import EXAMPLES, statuses

EXPECTED = {
    "renewed-passport.json": ({"bank-passport-outdated": "confirmed"}, ["alipay-balance"]),
    "passport-expired.json": (
        {"passport-expired": "confirmed", "residence-permit-expired": "suspected"},
        [],
    ),
    "residence-permit-expired.json": (
        {"residence-permit-expired": "confirmed", "residence-permit-outdated": "confirmed"},
        [],
    ),
    "bank-passport-outdated.json": ({"bank-passport-outdated": "suspected"}, ["alipay-balance"]),
    "bank-name-mismatch.json": ({"bank-name-mismatch": "confirmed"}, ["alipay-balance"]),
    "phone-mismatch.json": ({"phone-mismatch": "confirmed"}, ["alipay-balance"]),
    "alipay-identity-outdated.json": (
        {
            "bank-name-mismatch": "suspected",
            "alipay-identity-outdated": "confirmed",
            "alipay-name-format": "suspected",
        },
        ["alipay-balance"],
    ),
    "residence-permit-outdated.json": ({"residence-permit-outdated": "confirmed"}, []),
    "alipay-name-format.json": ({"alipay-name-format": "confirmed"}, []),
    "card-name-syntax.json": (
        {"phone-mismatch": "suspected", "card-name-syntax": "confirmed"},
        ["alipay-balance"],
    ),
    "middle-name-variant.json": ({"middle-name-variant": "confirmed"}, ["alipay-balance"]),
    "taobao-not-linked.json": ({"taobao-not-linked": "confirmed"}, []),
    "taobao-risk-flag.json": ({"taobao-risk-flag": "confirmed"}, []),
    "alipay-balance.json": ({}, ["alipay-balance"]),
    "international-card.json": ({}, ["international-card"]),
    "story-renewed-passport-new-phone-new-taobao.json": (
        {
            "bank-passport-outdated": "confirmed",
            "phone-mismatch": "suspected",
            "alipay-identity-outdated": "suspected",
            "taobao-risk-flag": "confirmed",
        },
        ["alipay-balance", "international-card"],
    ),
    "story-name-troubles-two-cards.json": (
        {
            "bank-name-mismatch": "confirmed",
            "alipay-name-format": "confirmed",
            "card-name-syntax": "confirmed",
            "middle-name-variant": "confirmed",
            "taobao-not-linked": "confirmed",
        },
        ["alipay-balance"],
    ),
    "story-expired-passport-unknowns.json": (
        {
            "passport-expired": "suspected",
            "residence-permit-expired": "suspected",
            "bank-passport-outdated": "suspected",
            "alipay-identity-outdated": "suspected",
        },
        ["alipay-balance"],
    ),
}


def test_every_example_file_has_an_expectation():
    assert sorted(p.name for p in EXAMPLES.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_diagnosis(doctor, name):
    causes, workarounds = EXPECTED[name]
    diagnosis = doctor.diagnose(read_facts_file(EXAMPLES / name))
    assert statuses(diagnosis) == causes
    assert [offer.workaround.id for offer in diagnosis.workarounds] == workarounds


def test_every_cause_and_workaround_has_an_example_file(doctor):
    names = {p.stem for p in EXAMPLES.glob("*.json")}
    assert {c.id for c in doctor.kb.causes} | {w.id for w in doctor.kb.workarounds} <= names
