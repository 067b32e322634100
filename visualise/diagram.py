"""The reasoning diagram as Graphviz DOT source: pure functions, no rendering.

`diagnosis_dot` draws one person's chain, facts → rule → cause → fix step, with
the layers as clusters in fix order and the workarounds apart; `knowledge_dot`
draws the whole knowledge base. Nodes and edges follow the diagnosis' own
order, so the same facts give the same bytes. Personal data is always masked:
a picture travels further than a terminal, so `--show-personal-data` stops at
the report.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable

import graphviz

from engine.authoring.rules import (
    FINDING,
    CardSubject,
    FactValue,
    FoundOn,
    Reported,
    Test,
)
from engine.kb.base import CONFIRMED, SUSPECTED, CompiledRule, KnowledgeBase
from engine.kb.order import cause_graph, fix_order
from engine.reasoning.diagnosis import Diagnosis, Finding, Step
from engine.reasoning.observe import Observed
from engine.reasoning.session import Firing
from engine.text.translatable import N_
from visualise.language import ENGLISH, Language
from visualise.render import FONT, has_wide_characters
from visualise.text import wrap_between_words

WRAP = 42
"""Columns per label line (a Chinese character takes two): keeps nodes narrow enough to
read side by side."""

KNOWN_FACT = {"shape": "note", "style": "filled", "fillcolor": "#eef3fb", "color": "#5b7bb0"}
UNKNOWN_FACT = {"shape": "note", "style": "dotted", "color": "#666666", "fontcolor": "#444444"}
RULE = {
    "shape": "ellipse",
    "style": "filled",
    "fillcolor": "#eeeeee",
    "color": "#888888",
    "fontsize": "9",
}
CAUSE = {
    CONFIRMED: {"shape": "box", "style": "filled,bold", "fillcolor": "#fde2e1", "color": "#b3261e"},
    SUSPECTED: {
        "shape": "box",
        "style": "filled,dashed",
        "fillcolor": "#fff4d6",
        "color": "#a66b00",
    },
}
STEP = {"shape": "box", "style": "rounded,filled", "fillcolor": "#e4f4e4", "color": "#2e7d32"}
WORKAROUND = {"shape": "box", "style": "rounded,filled", "fillcolor": "#e8eaf6", "color": "#3949ab"}
CONCLUSION = {"shape": "note", "style": "filled,bold", "fillcolor": "#dde7f7", "color": "#5b7bb0"}
"""A fact a rule concluded from others (the card fails, Alipay is in use)."""
READ = {"color": "#5b7bb0"}
"""A fact read by a rule, or by the conclusion drawn from it."""
CONCLUDES = {"color": "#333333"}
"""A rule's conclusion: a cause, or a workaround offered."""
OUTWEIGHED = {"style": "dashed", "color": "#999999"}
"""A rule whose conclusion a stronger one overrode (suspected, where another rule confirmed)."""
FIXED_BY = {"color": "#2e7d32", "penwidth": "2"}
"""A cause and the numbered step that fixes it."""
LEADS_TO_WORKAROUND = {"style": "dotted", "color": "#3949ab", "penwidth": "1.5"}
"""A cause found, read by a workaround's rule (a workaround for a layer's failure)."""

AFTER = {"penwidth": "2.5", "color": "#444444", "constraint": "false"}
"""`after` edges join causes stacked in one column; they must not push causes apart."""
CAUSE_UNIT = {
    "shape": "box",
    "style": "filled",
    "color": "#444444",
    "fillcolor": CAUSE[CONFIRMED]["fillcolor"],
}
WORKAROUND_UNIT = {**CAUSE_UNIT, "fillcolor": WORKAROUND["fillcolor"]}
READS = {"color": "#9aa5b1", "arrowsize": "0.5"}
FINDING_READ = {**READS, "style": "dashed", "constraint": "false"}


def diagnosis_dot(diagnosis: Diagnosis, language: Language = ENGLISH) -> str:
    """One person's reasoning, read left to right: the facts that mattered (and what was
    concluded from them), the rules that fired, the causes, the numbered steps in their order.

    Labels are words in the reader's language; ids and conditions are in the tooltips.
    """
    _ = language.gettext
    words = language.words
    layer_names = {layer.key: words(layer.label) for layer in diagnosis.layers}
    dot = _digraph(
        "diagnosis", _("paydoctor diagnosis for {date}").format(date=diagnosis.as_of.isoformat())
    )
    _diagnosis_legend(dot, _)
    findings = {finding.cause.key: finding for finding in diagnosis.findings}
    first_step = {}
    for step in diagnosis.plan:
        first_step.setdefault(step.cause.key, step.number)
    rules = _rule_nodes(diagnosis.trace)
    edges: dict[tuple[str, str], dict[str, str]] = {}

    # Facts in the order of the layers that read them, workarounds' last: Graphviz starts
    # from this order, so the layer clusters beside them tend to stay in fix order.
    layer_order = {layer: index for index, layer in enumerate(layer_names)}
    firings = sorted(diagnosis.trace, key=lambda f: layer_order.get(f.rule.layer, len(layer_order)))
    facts, concluding = _facts_drawn(firings, rules)
    concluded_by = {
        _fact_id(concluded): firing
        for firing, _matched in concluding.values()
        for concluded in firing.concluded
    }
    depth = _depths(facts, concluding)
    rules_column = 1 + max(depth.values(), default=0)
    """Every rule one column right of the deepest conclusion, so causes and steps each stand
    in one column across the layers' boxes, and the steps' order can be held."""
    if facts:
        with dot.subgraph(name="cluster_facts") as cluster:
            _cluster(cluster, _("The facts that mattered, and what rules concluded from them"))
            for node, observed in facts.items():
                cluster.node(node, **_fact_node(observed, language, concluded_by.get(node)))

    def plan_order(node: str) -> int:
        firing, _matched = rules[node]
        return first_step.get(firing.rule.target, len(diagnosis.plan) + 1)

    layers = list(dict.fromkeys(step.cause.layer for step in diagnosis.plan))
    for order, layer in enumerate(layers, start=1):
        steps = [step for step in diagnosis.plan if step.cause.layer == layer]
        with dot.subgraph(name=f"cluster_{layer}") as cluster:
            _cluster(
                cluster,
                _("{order} · {layer}: {steps}").format(
                    order=order,
                    layer=layer_names[layer],
                    steps=_numbers((s.number for s in steps), _),
                ),
            )
            layer_rules = [node for node, (f, _m) in rules.items() if f.rule.layer == layer]
            for node in sorted(layer_rules, key=plan_order):
                cluster.node(node, **_rule_node(rules[node][0], findings, _))
            causes = sorted(
                (f for f in diagnosis.findings if f.cause.layer == layer),
                key=lambda f: first_step.get(f.cause.key, len(diagnosis.plan) + 1),
            )
            _column(
                cluster,
                [(_cause_id(f.cause.key), _cause_node(f, diagnosis, language)) for f in causes],
            )
            for step in steps:
                edges[(_cause_id(step.cause.key), _step_port(step))] = dict(FIXED_BY)
    if diagnosis.plan:
        with dot.subgraph(name="cluster_plan") as cluster:
            _cluster(cluster, _("Fix plan, in this order"))
            cluster.node(PLAN, **_plan_node(diagnosis.plan, language))

    if diagnosis.workarounds:
        with dot.subgraph(name="cluster_workarounds") as cluster:
            _cluster(cluster, _("Workarounds: beside the plan, not instead of it"))
            for node, (firing, _matched) in rules.items():
                if firing.rule.layer is None and not firing.rule.concludes_fact:
                    cluster.node(node, **_rule_node(firing, findings, _))
            for offer in diagnosis.workarounds:
                workaround = offer.workaround
                cluster.node(
                    _workaround_id(workaround.id),
                    _label(_wrap(words(workaround.title))),
                    tooltip=_tooltip(
                        [
                            f"{words(workaround.title)} ({workaround.id})",
                            words(workaround.explanation),
                            *map(words, workaround.steps),
                        ]
                    ),
                    **WORKAROUND,
                )

    for node, (firing, matched) in rules.items():
        rule = firing.rule
        if rule.concludes_fact:
            if node in concluding:  # drawn as its conclusion, from the facts it rests on
                for concluded in firing.concluded:
                    for observed in matched:
                        if not _from_cause(observed):
                            edges[(_fact_id(observed), _fact_id(concluded))] = dict(READ)
            continue
        for observed in matched:
            if _from_cause(observed):
                edges[(_cause_id(_cause_of(observed)), node)] = dict(LEADS_TO_WORKAROUND)
            else:
                fact = _fact_id(observed)
                gap = rules_column - depth.get(fact, 0)
                edges[(fact, node)] = {**READ, **({"minlen": str(gap)} if gap > 1 else {})}
        finding = findings.get(rule.target)
        if finding is None:
            edges[(node, _workaround_id(rule.target))] = dict(CONCLUDES)
        else:
            edges[(node, _cause_id(rule.target))] = dict(
                CONCLUDES if rule.id in finding.rules else OUTWEIGHED
            )
    for (tail, head), attributes in edges.items():
        dot.edge(tail, head, **attributes)
    return dot.source


def _depths(
    facts: dict[str, Observed], concluding: dict[str, tuple[Firing, list[Observed]]]
) -> dict[str, int]:
    """Each fact drawn and its column: 0 for a fact given, one more than the deepest fact it
    rests on for a conclusion."""
    rests_on = {
        _fact_id(concluded): [_fact_id(o) for o in matched if not _from_cause(o)]
        for firing, matched in concluding.values()
        for concluded in firing.concluded
    }
    depths: dict[str, int] = {}

    def depth(node: str, seen: frozenset[str] = frozenset()) -> int:
        if node not in depths:
            sources = [n for n in rests_on.get(node, ()) if n not in seen]
            depths[node] = 1 + max((depth(n, seen | {node}) for n in sources), default=-1)
        return depths[node]

    for node in facts:
        depth(node)
    return depths


def _from_cause(observed: Observed) -> bool:
    """Whether a cause's rule asserted this fact (a reported cause, a layer's finding)."""
    return observed.name == FINDING or isinstance(observed.name, Reported)


def _cause_of(observed: Observed) -> str:
    if isinstance(observed.subject, FoundOn):
        return observed.subject.cause
    assert isinstance(observed.name, Reported)
    return observed.name.cause


def knowledge_dot(kb: KnowledgeBase, language: Language = ENGLISH) -> str:
    """The whole knowledge base: causes by layer, `after` edges, the facts each rule reads."""
    _ = language.gettext
    words = language.words
    layer_names = {layer.key: words(layer.label) for layer in kb.layers}
    dot = _digraph("knowledge", _("paydoctor knowledge base: every cause and workaround"))
    dot.attr(compound="true")
    _knowledge_legend(dot, _)
    rules = kb.compile()
    reads = {rule.id: _reads(rule, kb) for rule in rules}
    position = {path: index for index, path in enumerate(kb.facts_model.paths)}
    facts = sorted({path for paths in reads.values() for path in paths}, key=position.__getitem__)
    drawn: set[tuple[str, str]] = set()

    with dot.subgraph(name="cluster_facts") as cluster:
        _cluster(cluster, _("Facts the rules read (facts-v1)"))
        for path in facts:
            cluster.node(f"fact {path}", path, **KNOWN_FACT)
    columns: dict[str | None, list[tuple[str, dict[str, str]]]] = {
        layer: [] for layer in (*layer_names, None)
    }
    for cause in map(kb.cause, fix_order(kb.causes, kb.layers)):
        own = [(rule, reads[rule.id]) for rule in rules if rule.target == cause.key]
        node = _unit_node(words(cause.title), cause.id, words(cause.explanation), own, _)
        columns[cause.layer].append((_cause_id(cause.key), {**node, **CAUSE_UNIT}))
    for workaround in kb.workarounds:
        own = [(rule, reads[rule.id]) for rule in rules if rule.target == workaround.id]
        node = _unit_node(
            words(workaround.title), workaround.id, words(workaround.explanation), own, _
        )
        columns[None].append((_workaround_id(workaround.id), {**node, **WORKAROUND_UNIT}))
    for number, layer in enumerate((layer for layer in columns if columns[layer]), start=1):
        with dot.subgraph(name=f"cluster_{layer or 'workarounds'}") as cluster:
            _cluster(
                cluster,
                f"{number} · {layer_names[layer]}"
                if layer
                else _("Workarounds: beside the plan, not instead of it"),
            )
            _column(cluster, columns[layer])
    for rule in rules:
        for path in reads[rule.id]:
            reading = (f"fact {path}", _target_id(rule))
            if reading not in drawn:
                drawn.add(reading)
                dot.edge(*reading, **READS)

    for before, cause in cause_graph(kb.causes).edges:
        dot.edge(
            _cause_id(before),
            _cause_id(cause),
            tooltip=_("fix {before} before {cause}").format(before=before, cause=cause),
            **AFTER,
        )
    for rule in rules:
        for test in rule.when.tests:
            if test.name != FINDING:
                continue
            for layer in sorted(test.values, key=list(layer_names).index):
                first = next(c for c in kb.causes if c.layer == layer)
                dot.edge(
                    _cause_id(first.key),
                    _workaround_id(rule.target),
                    ltail=f"cluster_{layer}",
                    tooltip=_("{rule} reads: a cause in the {layer} layer is reported").format(
                        rule=rule.id, layer=layer_names[layer]
                    ),
                    **FINDING_READ,
                )
    return dot.source


# --- the parts of a diagnosis diagram


def _facts_drawn(
    firings: list[Firing], rules: dict[str, tuple[Firing, list[Observed]]]
) -> tuple[dict[str, Observed], dict[str, tuple[Firing, list[Observed]]]]:
    """The facts drawn, and the conclusions' rules drawn among them.

    A fact is drawn when a cause's or workaround's rule read it, or a drawn
    conclusion's rule did; a conclusion's rule is drawn when what it concluded
    is drawn. A rule that concluded what another had already concluded draws
    nothing, so its facts are not left without an arrow.
    """
    facts = {
        _fact_id(o): o
        for f in firings
        if not f.rule.concludes_fact
        for o in f.matched
        if not _from_cause(o)
    }
    concluding: dict[str, tuple[Firing, list[Observed]]] = {}
    grew = True
    while grew:
        grew = False
        for node, (firing, matched) in rules.items():
            if node in concluding or not firing.rule.concludes_fact:
                continue
            if any(_fact_id(c) in facts for c in firing.concluded):
                concluding[node] = (firing, matched)
                facts.update((_fact_id(o), o) for o in matched if not _from_cause(o))
                grew = True
    order: dict[str, int] = {}
    for index, firing in enumerate(firings):
        for observed in firing.matched:
            order.setdefault(_fact_id(observed), index)
    return dict(sorted(facts.items(), key=lambda item: order[item[0]])), concluding


def _rule_nodes(trace: tuple[Firing, ...]) -> dict[str, tuple[Firing, list[Observed]]]:
    """One node per rule and subject, with every observation its firings matched.

    A rule that chains on findings fires once per finding; it is drawn once.
    """
    nodes: dict[str, tuple[Firing, list[Observed]]] = {}
    for firing in trace:
        node = f"rule {firing.rule.id}" + (f" {firing.subject}" if firing.subject else "")
        _, matched = nodes.setdefault(node, (firing, []))
        matched.extend(o for o in firing.matched if o not in matched)
    return nodes


_RULE_WORDS = {
    CONFIRMED: N_("rule: confirms"),
    SUSPECTED: N_("rule: suspects"),
}


def _rule_node(
    firing: Firing, findings: dict[str, Finding], _: Callable[[str], str]
) -> dict[str, str]:
    """A rule, in words: what it concluded (confirms, suspects, offers), and the card it is
    about; its id and condition in the tooltip."""
    rule = firing.rule
    finding = findings.get(rule.target)
    if finding is None:
        words = _("rule: offers")
    elif rule.id not in finding.rules:
        words = _("rule: outweighed")
    else:
        words = _(_RULE_WORDS.get(rule.conclusion, N_("rule: suspects")))
    card = _card_words(firing.subject, _)
    return {
        "label": _lines(f"{words}\n{card}" if card else words),
        "tooltip": _tooltip(
            [
                _("rule {rule} fired").format(rule=rule.id)
                + (f" ({firing.subject})" if firing.subject else ""),
                _("when {condition}").format(condition=rule.when.describe()),
            ]
        ),
        **RULE,
    }


def _card_words(subject: CardSubject | None, _: Callable[[str], str]) -> str:
    """The first card as a person says it: card 1."""
    return "" if subject is None else _("card {number}").format(number=subject.index + 1)


def _fact_id(observed: Observed) -> str:
    subject = f" {observed.subject}" if observed.subject else ""
    name = observed.name
    if isinstance(name, str):
        words = name
    elif isinstance(name, FactValue):
        words = name.path
    else:
        words = f"{name.kind} {name.about}"
    return "fact " + words + subject


def _fact_node(
    observed: Observed, language: Language, concluded_by: Firing | None = None
) -> dict[str, str]:
    """A fact; one a rule concluded from others says which rule in its tooltip."""
    _ = language.gettext
    text = observed.evidence.render(False, language) if observed.evidence else observed.describe()
    tooltip = [text, _("observed: {fact}").format(fact=observed.describe())]
    if concluded_by is not None:
        tooltip.append(_("concluded by rule {rule}").format(rule=concluded_by.rule.id))
        style = CONCLUSION
    else:
        style = UNKNOWN_FACT if observed.unknown_paths else KNOWN_FACT
    return {"label": _label(_wrap(text)), "tooltip": _tooltip(tooltip), **style}


def _cause_id(cause_id: str) -> str:
    return f"cause {cause_id}"


def _workaround_id(workaround_id: str) -> str:
    return f"workaround {workaround_id}"


_STATUS = {CONFIRMED: N_("CONFIRMED"), SUSPECTED: N_("SUSPECTED")}


def _cause_node(finding: Finding, diagnosis: Diagnosis, language: Language) -> dict[str, str]:
    _, words = language.gettext, language.words
    cause = finding.cause
    checks = [check for check in diagnosis.checks if cause.id in check.decides]
    status = _(_STATUS[finding.status])
    lines = [status, *_wrap(words(cause.title))]
    for check in checks:
        lines += _wrap(_("? check: {question}").format(question=words(check.question)))
    evidence = [
        f"- {text.render(False, language)}" + (f" [{', '.join(text.facts)}]" if text.facts else "")
        for text in finding.evidence
    ]
    return {
        "label": _label(lines),
        "tooltip": _tooltip(
            [
                f"{words(cause.title)} ({cause.id})",
                words(cause.explanation),
                _("Evidence:"),
                *evidence,
                *(_("check: {fact}").format(fact=check.fact) for check in checks),
            ]
        ),
        **CAUSE[finding.status],
    }


PLAN = "plan"
"""The fix plan's node: one box of fields, the steps, so they stand in their order top to
bottom (Graphviz orders separate nodes of a column as it likes)."""


def _step_port(step: Step) -> str:
    return f"{PLAN}:step{step.number}"


def _plan_node(plan: tuple[Step, ...], language: Language) -> dict[str, str]:
    """The steps as the fields of one box, in order, each with its port (`plan:stepN`); what
    each step says, and the sentence to show staff, in the tooltip."""
    _, words = language.gettext, language.words
    fields, tooltip = [], []
    for step in plan:
        where, action = words(step.where), words(step.action)
        lines = [f"{step.number} · {where}", *_wrap(action)]
        fields.append(f"<step{step.number}> " + "".join(_field(line) + "\\l" for line in lines))
        tooltip += [_("Step {number} ({where})").format(number=step.number, where=where), action]
        if step.say is not None:
            sentence = step.sentence(language.code)[1]
            shown = _("Say this on the call: {sentence}") if step.on_a_call else None
            shown = shown or _("Show this to the staff: {sentence}")
            tooltip.append(shown.format(sentence=sentence))
    return {
        "label": graphviz.nohtml("|".join(fields)),
        "tooltip": _tooltip(tooltip),
        **STEP,
        "shape": "record",
    }


_RECORD_SPECIAL = str.maketrans({"\\": "\\\\\\\\", **{c: "\\" + c for c in '{}|<>"'}})


def _field(text: str) -> str:
    """Text in a record's field: its characters literal (`{}|<>`, quotes, backslashes)."""
    return text.translate(_RECORD_SPECIAL)


def _numbers(numbers: Iterable[int], _: Callable[[str], str]) -> str:
    shown = list(numbers)
    if len(shown) == 1:
        return _("step {number}").format(number=shown[0])
    return _("steps {first}–{last}").format(first=shown[0], last=shown[-1])


def _diagnosis_legend(dot: graphviz.Digraph, _: Callable[[str], str]) -> None:
    """Sample nodes in the chain's own order, so the legend reads like the diagram: each line
    style named on a line of its own.

    Declared first, Graphviz lays it out below the diagram.
    """

    def named(text: str) -> str:
        return _lines(" " + text + " ")

    with dot.subgraph(name="cluster_legend") as legend:
        _cluster(legend, _("How to read this diagram: arrows lead from facts to the fix"))
        legend.node("legend fact", _lines(_("a fact that mattered")), **KNOWN_FACT)
        legend.node("legend unknown", _lines(_("a fact not known\n(dotted)")), **UNKNOWN_FACT)
        legend.node(
            "legend conclusion", _lines(_("what a rule concluded\nfrom facts")), **CONCLUSION
        )
        legend.node("legend rule", _lines(_("a rule that fired")), **RULE)
        legend.node("legend outweighed", _lines(_("a rule outweighed\nby a stronger one")), **RULE)
        legend.node("legend confirmed", _lines(_("confirmed cause\n(solid)")), **CAUSE[CONFIRMED])
        legend.node(
            "legend suspected",
            _lines(_("suspected cause (dashed)\nwith what to check")),
            **CAUSE[SUSPECTED],
        )
        legend.node("legend step", _lines(_("numbered fix step")), **STEP)
        legend.node("legend offers", _lines(_("a rule offering\na workaround")), **RULE)
        legend.node("legend workaround", _lines(_("workaround")), **WORKAROUND)
        legend.edge("legend fact", "legend conclusion", label=named(_("read")), **READ)
        legend.edge("legend conclusion", "legend rule", label=named(_("read")), **READ)
        legend.edge("legend unknown", "legend rule", **READ)
        legend.edge("legend rule", "legend confirmed", label=named(_("concludes")), **CONCLUDES)
        legend.edge("legend rule", "legend suspected", **CONCLUDES)
        legend.edge(
            "legend outweighed", "legend confirmed", label=named(_("outweighed")), **OUTWEIGHED
        )
        legend.edge("legend confirmed", "legend step", label=named(_("fixed by")), **FIXED_BY)
        legend.edge(
            "legend suspected",
            "legend offers",
            label=named(_("a cause found leads\nto a workaround")),
            **LEADS_TO_WORKAROUND,
        )
        legend.edge("legend offers", "legend workaround", **CONCLUDES)


# --- the parts of a knowledge-base diagram


def _reads(rule: CompiledRule, kb: KnowledgeBase) -> tuple[str, ...]:
    """The fact paths a rule's tests read (a derived observation reads several)."""
    paths: list[str] = []
    for test in rule.when.tests:
        paths += _test_reads(test, kb)
    return tuple(dict.fromkeys(paths))


def _test_reads(test: Test, kb: KnowledgeBase) -> tuple[str, ...]:
    if test.path is not None:
        return (test.path,)
    if test.kind == "message":
        return (kb.message_path,) if kb.message_path else ()
    observation = kb.observation(test.name)
    return observation.reads if observation else ()


def _target_id(rule: CompiledRule) -> str:
    return _cause_id(rule.target) if rule.layer is not None else _workaround_id(rule.target)


def _unit_node(
    title: str,
    unit_id: str,
    explanation: str,
    rules: list[tuple[CompiledRule, tuple[str, ...]]],
    _: Callable[[str], str],
) -> dict[str, str]:
    """A cause or workaround: title and id, then one line per rule with the facts it reads."""
    lines = [*_wrap(title), f"({unit_id})"]
    for rule, reads in rules:
        lines += textwrap.wrap(
            f"• {rule.id.removeprefix(rule.target + '/')}: {', '.join(reads)}",
            WRAP,
            subsequent_indent="   ",
            break_long_words=False,
            break_on_hyphens=False,
        )
    conditions = [
        f"{rule.id}: " + _("when {condition}").format(condition=rule.when.describe())
        for rule, _reads in rules
    ]
    return {"label": _label(lines), "tooltip": _tooltip([explanation, *conditions])}


def _knowledge_legend(dot: graphviz.Digraph, _: Callable[[str], str]) -> None:
    with dot.subgraph(name="cluster_legend") as legend:
        _cluster(legend, _("How to read this diagram"))
        legend.node("legend fact", _lines(_("a fact")), **KNOWN_FACT)
        legend.node(
            "legend cause",
            _label(
                [_("a cause or workaround"), _("(its id)"), _("• each rule: the facts it reads")]
            ),
            **CAUSE_UNIT,
        )
        legend.node("legend later", _lines(_("a cause fixed later")), shape="box")
        legend.edge(
            "legend fact", "legend cause", label=_lines(" " + _("a rule reads it") + " "), **READS
        )
        legend.edge(
            "legend cause", "legend later", label=_lines(" " + _("fix first") + " "), **AFTER
        )


# --- shared helpers


def _digraph(name: str, title: str) -> graphviz.Digraph:
    return graphviz.Digraph(
        name,
        graph_attr={
            "rankdir": "LR",
            "label": graphviz.escape(title),
            "labelloc": "t",
            "labeljust": "l",
            "fontname": FONT,
            "fontsize": "14",
            "nodesep": "0.2",
            "ranksep": "0.5",
        },
        node_attr={"fontname": FONT, "fontsize": "10", "margin": "0.15,0.05"},
        edge_attr={"fontname": FONT, "fontsize": "9"},
    )


def _cluster(cluster: graphviz.Digraph, label: str) -> None:
    cluster.attr(
        label=graphviz.escape(label),
        fontname=f"{FONT}-Bold",
        labeljust="l",
        style="rounded,filled",
        color="#bbbbbb",
        fillcolor="#fafafa",
        fontsize="11",
    )


def _column(cluster: graphviz.Digraph, nodes: list[tuple[str, dict[str, str]]]) -> None:
    """Nodes in one rank (a column of the picture), declared in the given order."""
    with cluster.subgraph() as column:
        column.attr(rank="same")
        for node, attributes in nodes:
            column.node(node, **attributes)


def _wrap(text: str) -> list[str]:
    """Lines of at most WRAP columns; Chinese breaks between its characters, never at the
    spaces that set a number apart in it."""
    if not has_wide_characters(text):
        return textwrap.wrap(text, WRAP, break_long_words=False, break_on_hyphens=False) or [""]
    return wrap_between_words(text, WRAP)


def _lines(text: str) -> str:
    """A centred label of one or more lines (`\n` in `text`), its characters kept literal."""
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in text.split("\n")))


def _label(lines: list[str]) -> str:
    """A left-aligned plain label; backslashes in the data stay literal."""
    return graphviz.nohtml("".join(graphviz.escape(line) + "\\l" for line in lines))


def _tooltip(lines: list[str]) -> str:
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))
