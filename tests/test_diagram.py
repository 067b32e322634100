"""The reasoning diagram: DOT built purely and deterministically, rendered once, the CLI's files."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, load_example

import cli
from engine.errors import InputError
from engine.kb.order import cause_graph
from knowledge import builtin_knowledge
from knowledge.layers import LAYERS as DECLARED_LAYERS
from visualise import render
from visualise.diagram import diagnosis_dot, knowledge_dot

LAYERS = tuple(layer.key for layer in DECLARED_LAYERS)
"""The layers' keys, in the order the knowledge declares them."""

STORY = "story-renewed-passport-new-phone-new-taobao.json"
README_EXAMPLE = EXAMPLES / STORY
README_PICTURE = ROOT / "docs" / "reasoning-diagram.svg"

RENEWED = {
    "person": {"surname": "SMITH", "given_names": "JOHN"},
    "passport": {"number": "E98765432", "previous_number": "E12345678"},
    "bank_cards": [{"passport_number_on_file": "E12345678", "status": "cannot_be_verified"}],
    "alipay": {"identity": {"passport_number": "E98765432"}},
    "symptom": {"error_message": "与预留手机号不符"},
}


def _nodes(dot: str) -> set[str]:
    found = re.findall(r'^\t+(?:"([^"]+)"|(\w+)) \[', dot, re.MULTILINE)
    return {quoted or plain for quoted, plain in found} - {"graph", "node", "edge"}


def _edges(dot: str) -> set[tuple[str, str]]:
    """Edges as (tail, head); a head at a port of a node written `node:port`."""
    found = re.findall(r'^\t+"([^"]+)" -> (?:"([^"]+)"|(\w+:\w+))', dot, re.MULTILINE)
    return {(tail, head or port) for tail, head, port in found}


def _node_line(dot: str, node: str) -> str:
    """The node's statement, its wrapped label lines joined by spaces."""
    line = next(line for line in dot.splitlines() if line.strip().startswith(f'"{node}" ['))
    return _unwrapped(line)


def _unwrapped(dot: str) -> str:
    return re.sub(r"\\l\s*", " ", dot)


@pytest.fixture(scope="module")
def renewed(diagnose) -> str:
    return diagnosis_dot(diagnose(RENEWED))


@pytest.fixture(scope="module")
def story(diagnose) -> str:
    return diagnosis_dot(diagnose(load_example(STORY)))


@pytest.fixture(scope="module")
def story_svg(story) -> str:
    """The example story drawn once, the way a machine without Graphviz draws it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "dot_executable", lambda: None)
        return render.render(story, "svg").decode()


def test_the_chain_runs_from_fact_to_rule_to_cause_to_step(renewed):
    fact = "fact card.passport_differs bank_cards[0]"
    rule = "rule bank-passport-outdated/confirmed/1 bank_cards[0]"
    assert {
        (fact, rule),
        (rule, "cause bank-passport-outdated"),
        ("cause bank-passport-outdated", "plan:step1"),
        ("fact message phone-mismatch", "rule phone-mismatch/message/1 bank_cards[0]"),
        ("cause phone-mismatch", "plan:step2"),
    } <= _edges(renewed)


def test_confirmed_is_solid_and_suspected_dashed_with_what_to_check(renewed):
    confirmed = _node_line(renewed, "cause bank-passport-outdated")
    suspected = _node_line(renewed, "cause phone-mismatch")
    assert 'style="filled,bold"' in confirmed and "CONFIRMED" in confirmed
    assert 'style="filled,dashed"' in suspected and "SUSPECTED" in suspected
    assert "check: Card 1: Which mobile number does your bank hold" in suspected
    attributes, tooltip = suspected.split(" tooltip=")
    label = attributes.split(" [label=")[1]
    assert "phone-mismatch" not in label and "bank_cards" not in label  # ids: tooltips only
    assert "(phone-mismatch)" in tooltip and "check: bank_cards[0].phone_on_file" in tooltip


def test_only_the_facts_that_mattered_are_drawn(renewed):
    """Each fact drawn has an arrow into a rule drawn: those a cause's or workaround's rule read,
    and those of the conclusions they chained on; no fact is left without an arrow."""
    facts = {node for node in _nodes(renewed) if node.startswith("fact ")}
    assert facts == {
        "fact card.passport_differs bank_cards[0]",
        "fact card.phone_differs bank_cards[0]",
        "fact message phone-mismatch",
        "fact bank_cards[].status bank_cards[0]",
        "fact known bank_cards[].wallet bank_cards[0]",  # the balance workaround: Alipay's card
        "fact symptom.where",  # ...a card whose wallet is not said, unless failing at the bank
    }
    assert facts <= {tail for tail, _head in _edges(renewed)}
    # alipay.in_scope was concluded from symptom.where being unknown, but no rule that
    # fired read it: neither it nor what it rests on is drawn.
    assert "fact known symptom.where" not in facts


def test_personal_data_is_masked_in_labels_and_tooltips(renewed):
    assert "E12345678" not in renewed and "E98765432" not in renewed
    assert "E12****78" in renewed


def test_layers_are_numbered_clusters_in_fix_order_with_workarounds_apart(story):
    labels = re.findall(r'subgraph (cluster_\w+) \{\n\t+[^\n]*? label="([^"]+)"', story)
    layers = [(name, label) for name, label in labels if name.removeprefix("cluster_") in LAYERS]
    assert layers == [
        ("cluster_bank", "1 · bank: steps 1–2"),
        ("cluster_alipay", "2 · Alipay: step 3"),
        ("cluster_taobao", "3 · Taobao: step 4"),
    ]
    assert "subgraph cluster_workarounds" in story
    workarounds = story.split("subgraph cluster_workarounds")[1].split("\n\t}")[0]
    assert '"workaround alipay-balance"' in workarounds and '"step ' not in workarounds


def test_a_rule_that_chains_on_a_finding_starts_from_the_cause(story):
    assert ("cause taobao-risk-flag", "rule international-card/offered/2") in _edges(story)


def test_the_legend_shows_every_style(story):
    legend = story.split("subgraph cluster_legend")[1]
    for style in ('style="filled,bold"', 'style="filled,dashed"', "style=dotted", "dashed"):
        assert style in legend


def test_the_same_facts_give_the_same_bytes(diagnose, story):
    again = diagnosis_dot(diagnose(load_example(STORY)))
    assert again == story
    assert knowledge_dot(builtin_knowledge()) == knowledge_dot(builtin_knowledge())


def test_the_knowledge_base_diagram_has_every_unit_its_order_and_its_reads():
    kb = builtin_knowledge()
    dot = knowledge_dot(kb)
    nodes = _nodes(dot)
    assert {f"cause {c.key}" for c in kb.causes} <= nodes
    assert {f"workaround {w.id}" for w in kb.workarounds} <= nodes
    edges = _edges(dot)
    for before, cause in cause_graph(kb.causes).edges:
        assert (f"cause {before}", f"cause {cause}") in edges
    # A per-wallet cause named by its plain id in `after`: the variant in the same wallet.
    assert ("cause card-name-syntax@wechat_pay", "cause middle-name-variant@wechat_pay") in edges
    assert ("cause card-name-syntax@alipay", "cause middle-name-variant@wechat_pay") not in edges
    assert ("fact bank_cards[].passport_number_on_file", "cause bank-passport-outdated") in edges
    assert ("fact symptom.error_message", "cause phone-mismatch") in edges
    assert "• confirmed: bank_cards[].phone_on_file, alipay.phone" in _unwrapped(dot)
    layers = {cause.layer for cause in kb.causes}
    assert all((f"subgraph cluster_{layer}" in dot) == (layer in layers) for layer in LAYERS)


def _steps_top_to_bottom(svg: str) -> list[int]:
    """The plan's step numbers as drawn, top to bottom (the first line of each step; a layer's
    box is labelled `1 · bank: steps 1–2`, with a colon)."""
    found = re.findall(r'<text[^>]*? y="(-?[\d.]+)"[^>]*>(\d+) · [^:<]*</text>', svg)
    return [int(number) for _y, number in sorted(found, key=lambda item: float(item[0]))]


def test_svg_is_drawn_without_graphviz_with_tooltips_and_steps_in_order(story_svg):
    assert story_svg.lstrip().startswith("<?xml") and "</svg>" in story_svg
    assert "xlink:title=" in story_svg  # tooltips carry the evidence
    assert "E12345678" not in story_svg
    assert _steps_top_to_bottom(story_svg) == [1, 2, 3, 4]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_dot_draws_the_steps_in_order_and_every_arrow_left_to_right(story):
    """The issue's picture: with `dot`, step 2 stood above step 1, and arrows from facts to
    rules ran right to left. Every drawn arrow now runs from a column to one on its right,
    but the dotted ones from a cause to a workaround's rule, which may run down."""
    svg = render.render(story, "svg").decode()
    assert _steps_top_to_bottom(svg) == [1, 2, 3, 4]
    plain = subprocess.run(
        ["dot", "-Tplain"], input=story.encode(), capture_output=True, check=True
    ).stdout.decode()
    x = {
        name.strip('"'): float(left)
        for name, left in re.findall(r'^node ("[^"]+"|\S+) ([\d.]+)', plain, re.MULTILINE)
    }
    for tail, head in _edges(story):
        if tail.startswith("legend"):
            continue
        assert x[tail] < x[head.split(":")[0]], f"{tail} -> {head} runs right to left"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_png_is_drawn_with_graphviz(story):
    assert render.render(story, "png").startswith(b"\x89PNG")


def test_png_is_drawn_without_graphviz(story, monkeypatch):
    monkeypatch.setattr(render, "dot_executable", lambda: None)
    assert render.render(story, "png").startswith(b"\x89PNG")


def test_pdf_without_graphviz_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(render, "dot_executable", lambda: None)
    with pytest.raises(InputError, match=r"apt-get install graphviz.*brew install graphviz"):
        render.render("digraph {}", "pdf")


def test_no_renderer_at_all_is_one_clear_message(monkeypatch):
    monkeypatch.setattr(render, "dot_executable", lambda: None)
    monkeypatch.setattr(render, "graphviz_pure_executable", lambda: None)
    with pytest.raises(InputError, match=r"pip install graphviz-pure.*--no-diagram"):
        render.render("digraph {}", "svg")


def test_a_diagram_format_comes_from_the_extension():
    assert render.diagram_format(Path("a/b.PNG")) == "png"
    with pytest.raises(InputError, match=re.escape("'.gif' is not one of .svg, .png, .pdf, .dot")):
        render.diagram_format(Path("b.gif"))


# --- the command line


@pytest.fixture
def facts_file(tmp_path) -> Path:
    path = tmp_path / "story.json"
    path.write_text(README_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_the_diagnosis_writes_the_diagram_next_to_the_facts(facts_file, capsys):
    assert cli.main([str(facts_file)]) == 0
    written = facts_file.with_name("story.diagnosis.svg")
    assert "</svg>" in written.read_text(encoding="utf-8")
    assert capsys.readouterr().out.rstrip().endswith(f"diagram: {written}")


def test_with_json_the_path_goes_to_stderr_and_stdout_stays_json(facts_file, capsys):
    target = facts_file.with_name("chosen.dot")
    assert cli.main([str(facts_file), "--format", "json", "--diagram", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("{") and out.rstrip().endswith("}")
    assert err.strip() == f"diagram: {target}"
    assert target.read_text(encoding="utf-8").startswith("digraph diagnosis {")


def test_no_diagram_writes_none(facts_file, capsys):
    assert cli.main([str(facts_file), "--no-diagram"]) == 0
    assert sorted(p.name for p in facts_file.parent.iterdir()) == ["story.json"]
    assert "diagram:" not in capsys.readouterr().out


def test_the_facts_file_is_never_overwritten(tmp_path, capsys):
    facts = tmp_path / "case.dot"
    facts.write_text('{"taobao": {"bound_to_alipay": false}}', encoding="utf-8")
    assert cli.main([str(facts), "--diagram", str(facts)]) == 2
    assert "is the input file; refusing to overwrite it" in capsys.readouterr().err
    assert facts.read_text(encoding="utf-8") == '{"taobao": {"bound_to_alipay": false}}'


@pytest.mark.parametrize(
    ("diagram", "message"),
    [
        ("missing-folder/x.svg", "cannot write: folder .* does not exist"),
        ("x.gif", "'.gif' is not one of"),
    ],
)
def test_a_diagram_that_cannot_be_written_is_one_clear_message(
    facts_file, capsys, diagram, message
):
    assert cli.main([str(facts_file), "--diagram", str(facts_file.parent / diagram)]) == 2
    out, err = capsys.readouterr()
    assert re.search(message, err) and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""  # the report is held back until its diagram is written


def test_a_diagram_drawn_meanwhile_is_written_before_the_run_ends(facts_file, capsys):
    """The diagram is drawn on a thread while the report is laid out; the run waits for it."""
    assert cli.main([str(facts_file), "--format", "json"]) == 0
    drawn = facts_file.with_name("story.diagnosis.svg")
    assert drawn.read_text(encoding="utf-8").rstrip().endswith("</svg>")
    assert capsys.readouterr().err.strip() == f"diagram: {drawn}"


def test_graph_draws_the_knowledge_base(tmp_path, capsys):
    target = tmp_path / "kb.dot"
    assert cli.main(["graph", "--diagram", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == knowledge_dot(builtin_knowledge())
    assert capsys.readouterr().out.strip() == f"diagram: {target}"


def test_graph_draws_in_the_current_folder_and_never_over_a_file_there(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["graph"]) == 0
    assert capsys.readouterr().out == "diagram: knowledge-base.svg\n"
    first = (tmp_path / "knowledge-base.svg").read_bytes()
    assert first.rstrip().endswith(b"</svg>")
    assert cli.main(["graph"]) == 0
    assert capsys.readouterr().out == (
        "diagram: knowledge-base-2.svg (knowledge-base.svg exists, left as it was)\n"
    )
    assert (tmp_path / "knowledge-base.svg").read_bytes() == first
    assert (tmp_path / "knowledge-base-2.svg").read_bytes().rstrip().endswith(b"</svg>")


def test_the_readme_picture_is_the_current_diagram_of_its_example(story):
    """The command that regenerates it is in README.md, "The reasoning diagram"."""
    titles = {
        html.unescape(title)
        for title in re.findall(r"<title>([^<]+)</title>", README_PICTURE.read_text("utf-8"))
    }
    drawn = {t for t in titles if "->" not in t and not t.startswith("cluster_")} - {"diagnosis"}
    assert drawn == _nodes(story), (
        "docs/reasoning-diagram.svg is stale: python cli.py"
        f" examples/{STORY} --diagram docs/reasoning-diagram.svg"
    )
