"""docs/knowledge-base.md is generated from the knowledge base and kept current."""

from __future__ import annotations

import re

import pytest

import cli
from knowledge import builtin_knowledge
from tests.conftest import ROOT
from visualise.kb_docs import REGENERATE, render_kb_markdown

KB = builtin_knowledge()
DOC = ROOT / "docs" / "knowledge-base.md"


def test_the_published_document_is_current():
    assert DOC.read_text(encoding="utf-8") == render_kb_markdown(KB), (
        f"docs/knowledge-base.md is stale; regenerate it with: {REGENERATE}"
    )


def test_the_regenerate_command_prints_the_published_document(capsys):
    assert cli.main(["rules", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == DOC.read_text(encoding="utf-8")
    assert "rules --format markdown > docs/knowledge-base.md" in REGENERATE


def _cause(cause_id, layer, title, fact_path):
    from engine.authoring.rules import Cause, Example, FixStep, fact, when
    from knowledge._where import Where

    return Cause(
        id=cause_id,
        layer=layer,
        title=title,
        explanation=f"Why {cause_id} fails.",
        source="The guide, section 3.",
        fixes=(FixStep("Taobao app", "Bind Alipay.", place=Where.APP),),
        confirmed=(when(fact(fact_path, False)),),
        examples=(
            Example("not so", {}, "confirmed"),
            Example("so", {}, None),
        ),
    )


def test_a_small_knowledge_base_is_written_as_the_guide_reads():
    """Written by hand from what the document promises: the causes in fix order (documents
    before Taobao, whatever order the units were read in), each with its meaning, conditions,
    fix, place in the order, source and examples."""
    from engine.kb.base import KnowledgeBase

    causes = (
        _cause("taobao-unbound", "taobao", "Taobao is not bound", "taobao.bound_to_alipay"),
        _cause("passport-old", "documents", "The passport is old", "passport.renewed"),
    )
    text = render_kb_markdown(KnowledgeBase(causes, (), (), (), {}))
    listed = text.split("## Causes\n\n", 1)[1].split("\n## Workarounds", 1)[0]
    assert listed == (
        "- documents: [`passport-old`](#passport-old)\n"
        "- taobao: [`taobao-unbound`](#taobao-unbound)\n"
        "\n"
        '<a id="passport-old"></a>\n'
        "### `passport-old`: The passport is old\n"
        "\n"
        "**What it means.** Why passport-old fails.\n"
        "\n"
        "**Confirmed when:**\n"
        "\n"
        "- `passport.renewed` is `false`\n"
        "\n"
        "**Fix:**\n"
        "\n"
        "1. *Taobao app*: Bind Alipay.\n"
        "\n"
        "**Order.** Step 1 of 2 in the fix order (documents layer).\n"
        "\n"
        "**Source:**\n"
        "\n"
        "> The guide, section 3.\n"
        "\n"
        "**Examples** (run by `python cli.py check-kb`):\n"
        "\n"
        "- confirmed: not so\n"
        "- not reported: so\n"
        "\n"
        '<a id="taobao-unbound"></a>\n'
        "### `taobao-unbound`: Taobao is not bound\n"
        "\n"
        "**What it means.** Why taobao-unbound fails.\n"
        "\n"
        "**Confirmed when:**\n"
        "\n"
        "- `taobao.bound_to_alipay` is `false`\n"
        "\n"
        "**Fix:**\n"
        "\n"
        "1. *Taobao app*: Bind Alipay.\n"
        "\n"
        "**Order.** Step 2 of 2 in the fix order (taobao layer).\n"
        "\n"
        "**Source:**\n"
        "\n"
        "> The guide, section 3.\n"
        "\n"
        "**Examples** (run by `python cli.py check-kb`):\n"
        "\n"
        "- confirmed: not so\n"
        "- not reported: so\n"
    )


def test_each_cause_says_what_it_means_when_how_to_fix_and_why():
    text = render_kb_markdown(KB)
    for cause in KB.causes:
        section = text.split(f"### `{cause.key}`: {cause.title}\n", 1)[1].split("\n### ", 1)[0]
        assert f"**What it means.** {cause.explanation}" in section
        assert "**Confirmed when" in section
        assert f"> {cause.source}" in section
        for fix in cause.fixes:
            assert f"*{fix.where}*: {fix.action}" in section
        assert "**Order.** Step " in section


def test_causes_appear_in_fix_order_with_their_after_edges():
    text = render_kb_markdown(KB)
    assert text.index("### `passport-expired`") < text.index("### `bank-passport-outdated`")
    assert text.index("### `bank-passport-outdated`") < text.index("### `alipay-identity-outdated`")
    outdated = text.split("### `alipay-identity-outdated`", 1)[1].split("\n### ", 1)[0]
    assert "fixed after `bank-passport-outdated`" in outdated


def test_conditions_use_the_observations_meaning():
    phone = render_kb_markdown(KB).split("### `phone-mismatch`", 1)[1].split("\n### ", 1)[0]
    assert "- the bank's reserved phone number differs from Alipay's (`card.phone_differs`)" in (
        phone
    )
    assert "`bank_cards[].phone_on_file` is not known" in phone
    assert "the error message mentions “与预留手机号不符”" in phone


def test_suspected_and_examples_are_listed():
    text = render_kb_markdown(KB)
    risk = text.split("### `taobao-risk-flag`", 1)[1].split("\n## ", 1)[0]
    assert "**Suspected when any of:**" in risk
    for example in KB.cause("taobao-risk-flag").examples:
        assert f": {example.note}" in risk


@pytest.mark.parametrize("document", ["README.md", "docs/formats/README.md"])
def test_every_link_of_the_documents_leads_to_a_file_of_the_repository(document):
    """A clone has what the documents link: the formats are in docs/formats/, not beside."""
    path = ROOT / document
    links = re.findall(r"\]\(([^)#\s]+)\)", path.read_text(encoding="utf-8"))
    local = [link for link in links if "://" not in link]
    assert local, "no link found"
    missing = [link for link in local if not (path.parent / link).resolve().exists()]
    assert missing == []
