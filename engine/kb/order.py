"""The order of fixes: a networkx graph over the causes, sorted topologically.

The layers form a graph of their own (`LAYER_ORDER`): documents before the
card's issuer, the issuer before each wallet, Alipay before Taobao, both wallets
before who is paid; Alipay and WeChat Pay wait for neither, and the phone's steps
come first (depth -1). Every cause of a layer comes before every cause of
the layers after it, `after` edges order causes within and across layers, and
ties go by depth in the layer graph, then layer, then key, so the same facts
always give the same plan whatever order the units were read in.

The order and the layers' depths depend on the knowledge alone, so they are
kept on disk by a hash of what they are computed from and of this file
(engine/kb/cache.py): a run whose knowledge has not changed reads them back
and does not import networkx, a third of a single diagnosis' start-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.authoring.rules import FIRST_LAYERS, LAYER_ORDER, LAYERS, Cause, Layer
from engine.errors import KnowledgeError
from engine.kb import cache as kb_cache

if TYPE_CHECKING:
    import networkx as nx

CODE = (Path(__file__),)
"""The code that computes what is kept: another version of it is another cache entry."""


@cache
def layer_graph() -> nx.DiGraph:
    import networkx as nx

    graph = nx.DiGraph(LAYER_ORDER)
    graph.add_nodes_from(LAYERS)
    return graph


@cache
def comes_before(first: Layer, then: Layer) -> bool:
    """Whether `first`'s fixes are done before `then`'s (never for a layer and itself)."""
    import networkx as nx

    return first != then and nx.has_path(layer_graph(), first, then)


@cache
def depth(layer: Layer) -> int:
    """How many layers are fixed before this one, at the most (documents 0, bank 1, ...); a
    layer that opens every plan (the phone) is -1, before all of them."""
    return _depths()[layer]


def _layers() -> list[list[Any]]:
    """All the layers' order is computed from: every layer, the pairs of `LAYER_ORDER`, the
    layers that open a plan."""
    return [
        [str(layer) for layer in LAYERS],
        [[str(first), str(then)] for first, then in LAYER_ORDER],
        [str(layer) for layer in FIRST_LAYERS],
    ]


@cache
def _depths() -> dict[str, int]:
    """Every layer's depth in networkx's layer graph (kept on disk)."""
    return kb_cache.cached("layer-depths", _layers(), CODE, _depths_in_graph, _are_depths)


def _depths_in_graph() -> dict[str, int]:
    graph = layer_graph()

    @cache
    def depth_of(layer: Layer) -> int:
        if layer in FIRST_LAYERS:
            return -1
        return max((depth_of(before) + 1 for before in graph.predecessors(layer)), default=0)

    return {str(layer): depth_of(layer) for layer in LAYERS}


def _are_depths(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == {str(layer) for layer in LAYERS}
        and all(type(depth) is int for depth in value.values())
    )


def _after_edges(causes: tuple[Cause, ...]) -> Iterator[tuple[str, str]]:
    """(A, B) for each `after` entry of B naming A: fix A before B (A may name no cause)."""
    variants: dict[str, list[Cause]] = {}
    for cause in causes:
        if cause.per_wallet:
            variants.setdefault(cause.id, []).append(cause)
    for cause in causes:
        for before in cause.after:
            for key in _keys_named(before, cause, variants):
                yield key, cause.key


def cause_graph(causes: tuple[Cause, ...]) -> nx.DiGraph:
    """Nodes are cause keys (with their layer); an edge A -> B means fix A before B."""
    import networkx as nx

    graph = nx.DiGraph()
    for cause in causes:
        graph.add_node(cause.key, layer=cause.layer)
    graph.add_edges_from(_after_edges(causes))
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
    import networkx as nx

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
    """Every cause key in the order its fix belongs in a plan (networkx's, kept on disk)."""
    inputs = [
        _layers(),
        [
            [cause.key, cause.id, str(cause.layer), cause.per_wallet, list(cause.after)]
            for cause in causes
        ],
    ]
    keys = {cause.key for cause in causes}

    def is_order(value: Any) -> bool:
        return isinstance(value, list) and len(value) == len(keys) and set(value) == keys

    order = kb_cache.cached("fix-order", inputs, CODE, lambda: list(_sorted(causes)), is_order)
    return tuple(order)


def _sorted(causes: tuple[Cause, ...]) -> tuple[str, ...]:
    import networkx as nx

    graph = cause_graph(causes)
    problems = graph_problems(graph)
    if problems:
        raise KnowledgeError("; ".join(problems))
    layers = nx.get_node_attributes(graph, "layer")
    for first in causes:
        for then in causes:
            if comes_before(first.layer, then.layer):
                graph.add_edge(first.key, then.key)
    try:
        return tuple(
            nx.lexicographical_topological_sort(
                graph, key=lambda n: (depth(layers[n]), LAYERS.index(layers[n]), n)
            )
        )
    except nx.NetworkXUnfeasible:
        # No edge against the layers, yet a round through them (Taobao waits for Alipay).
        cycle = [first for first, _then in nx.find_cycle(graph)]
        raise KnowledgeError(
            "'after' edges and the layers' order form a cycle: " + " -> ".join([*cycle, cycle[0]])
        ) from None
