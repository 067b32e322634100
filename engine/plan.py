"""The order of fixes: a networkx graph over the causes, sorted topologically.

The layers form a graph of their own (`LAYER_ORDER`): documents before the
card's issuer, the issuer before each wallet, Alipay before Taobao, both wallets
before who is paid; Alipay and WeChat Pay wait for neither, and the phone's steps
come first (depth -1). Every cause of a layer comes before every cause of
the layers after it, `after` edges order causes within and across layers, and
ties go by depth in the layer graph, then layer, then key, so the same facts
always give the same plan whatever order the units were read in.
"""

from __future__ import annotations

from functools import cache

import networkx as nx

from engine.errors import KnowledgeError
from engine.rules import FIRST_LAYERS, LAYER_ORDER, LAYERS, Cause, Layer


@cache
def layer_graph() -> nx.DiGraph:
    graph = nx.DiGraph(LAYER_ORDER)
    graph.add_nodes_from(LAYERS)
    return graph


@cache
def comes_before(first: Layer, then: Layer) -> bool:
    """Whether `first`'s fixes are done before `then`'s (never for a layer and itself)."""
    return first != then and nx.has_path(layer_graph(), first, then)


@cache
def depth(layer: Layer) -> int:
    """How many layers are fixed before this one, at the most (documents 0, bank 1, ...); a
    layer that opens every plan (the phone) is -1, before all of them."""
    if layer in FIRST_LAYERS:
        return -1
    return max((depth(before) + 1 for before in layer_graph().predecessors(layer)), default=0)


def cause_graph(causes: tuple[Cause, ...]) -> nx.DiGraph:
    """Nodes are cause keys (with their layer); an edge A -> B means fix A before B."""
    graph = nx.DiGraph()
    variants: dict[str, list[Cause]] = {}
    for cause in causes:
        graph.add_node(cause.key, layer=cause.layer)
        if cause.per_wallet:
            variants.setdefault(cause.id, []).append(cause)
    for cause in causes:
        for before in cause.after:
            for key in _keys_named(before, cause, variants):
                graph.add_edge(key, cause.key)
    return graph


def _keys_named(before: str, cause: Cause, variants: dict[str, list[Cause]]) -> list[str]:
    """The keys an `after` entry names: a key itself; a per-wallet cause's plain id, its variant
    in `cause`'s own wallet where there is one (a name typed in WeChat Pay is fixed before a
    WeChat Pay link), else every variant."""
    named = variants.get(before)
    if not named:
        return [before]
    same = [c.key for c in named if c.layer == cause.layer]
    return same or [c.key for c in named]


def graph_problems(graph: nx.DiGraph) -> list[str]:
    """What makes the graph unusable as an order: unknown ids, cycles, edges against layers."""
    problems = []
    for node, data in graph.nodes(data=True):
        if "layer" not in data:
            after = ", ".join(sorted(graph.successors(node)))
            problems.append(f"{after}: 'after' names unknown cause {node!r}")
    for before, cause in graph.edges:
        first, then = graph.nodes[before].get("layer"), graph.nodes[cause].get("layer")
        if first in LAYERS and then in LAYERS and comes_before(then, first):
            problems.append(
                f"{cause}: comes after {before}, but the {first} layer is fixed after {then}"
            )
    try:
        cycle = nx.find_cycle(graph)
        problems.append("'after' edges form a cycle: " + " -> ".join(a for a, _ in cycle))
    except nx.NetworkXNoCycle:
        pass
    return problems


def fix_order(causes: tuple[Cause, ...]) -> tuple[str, ...]:
    """Every cause key in the order its fix belongs in a plan."""
    graph = cause_graph(causes)
    problems = graph_problems(graph)
    if problems:
        raise KnowledgeError("; ".join(problems))
    layers = nx.get_node_attributes(graph, "layer")
    for first in causes:
        for then in causes:
            if comes_before(first.layer, then.layer):
                graph.add_edge(first.key, then.key)
    return tuple(
        nx.lexicographical_topological_sort(
            graph, key=lambda n: (depth(layers[n]), LAYERS.index(layers[n]), n)
        )
    )
