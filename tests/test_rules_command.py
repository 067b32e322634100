"""The `rules` command: the knowledge base as a table and as JSON."""

from __future__ import annotations

import io
import json

import cli
from knowledge import builtin_knowledge
from visualise.conditions import brief_alternatives
from visualise.language import language
from visualise.rules_table import render_rules_text, rules_data

CHINESE = language("zh")

KB = builtin_knowledge()


FIX_ORDER_OF_LAYERS = ("device", "documents", "bank", "alipay", "wechat_pay", "taobao", "payee")
"""The order the contracts (causes-v2, v3) give the layers' fixes: the phone's tap first; the
wallets side by side after the bank, read Alipay first; Taobao and who is paid last."""


def test_json_lists_every_cause_in_fix_order_and_every_workaround(capsys):
    assert cli.main(["rules", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    listed = [(c["id"], c["layer"]) for c in data["causes"]]
    assert sorted(listed) == sorted((c.id, c.layer) for c in KB.causes)
    layers = [layer for _, layer in listed]
    assert layers == sorted(layers, key=FIX_ORDER_OF_LAYERS.index)
    for place, (cause_id, layer) in enumerate(listed):
        cause = next(c for c in KB.causes if (c.id, c.layer) == (cause_id, layer))
        for before in cause.after:  # as its unit declares: an id, or id@wallet
            named, _, wallet = before.partition("@")
            earlier = [i for i, at in listed[:place] if i == named and wallet in ("", at)]
            assert earlier, f"{cause_id} ({layer}) is listed before {before}"
    assert [w["id"] for w in data["workarounds"]] == [w.id for w in KB.workarounds]


def test_a_cause_row_has_its_metadata_conditions_order_and_example_count():
    row = next(c for c in rules_data(KB)["causes"] if c["id"] == "alipay-identity-outdated")
    cause = KB.cause("alipay-identity-outdated")
    assert row["layer"] == "alipay"
    assert row["title"] == cause.title.en
    zh = rules_data(KB, CHINESE)["causes"]
    assert next(c for c in zh if c["id"] == cause.id)["title"] == cause.title.in_("zh")
    assert row["after"] == ["bank-passport-outdated"]
    assert row["examples"] == len(cause.examples)
    assert row["confirmed"] == (
        "(1) alipay.passport_differs;"
        " (2) passport.number unknown and card.passport_differs_from_alipay"
    )
    assert "alipay-identity-outdated/message/1" in row["rules"]


def test_conditions_are_one_line_each():
    for cause in KB.causes:
        for alternatives in (cause.confirmed, cause.suspected):
            assert "\n" not in brief_alternatives(alternatives)


def test_brief_conditions_name_values_and_negations():
    suspected = KB.cause("alipay-identity-outdated").suspected
    assert brief_alternatives(suspected[1:2]) == (
        "alipay.document_expiry_notice = true and not passport.expired"
        " and alipay.identity.passport_number unknown"
    )
    phone = KB.cause("phone-mismatch").suspected
    assert "card.fails and bank_cards[].phone_on_file unknown" in brief_alternatives(phone)


def test_text_table_shows_every_unit_with_its_example_count():
    out = io.StringIO()
    render_rules_text(KB, out)
    text = out.getvalue()
    assert text.startswith(f"Causes ({len(KB.causes)}), in fix order")
    for unit in (*KB.causes, *KB.workarounds):
        assert unit.id in text
    passport = next(line for line in text.splitlines() if "passport-expired " in line)
    assert passport.split()[1] == str(len(KB.cause("passport-expired").examples))
    assert all(line == line.rstrip() for line in text.splitlines())


def test_the_text_command_exits_0(capsys):
    assert cli.main(["rules"]) == 0
    assert f"Workarounds ({len(KB.workarounds)})" in capsys.readouterr().out
