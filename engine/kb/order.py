"""The order of fixes: a networkx graph over the causes, sorted topologically.

The layers, which the knowledge declares (`Layer`: knowledge/layers.py for the
built-in ones), form a graph of their own by their `after`: documents before the
card's issuer, the issuer before each wallet, Alipay before Taobao, both wallets
before who is paid; Alipay and WeChat Pay wait for neither, and the phone's steps
come first (depth -1, `Layer.first`). Every cause of a layer comes before every cause of
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
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.authoring.rules import Cause, Layer
from engine.errors import KnowledgeError
from engine.kb import cache as kb_cache

if TYPE_CHECKING:
    import networkx as nx

CODE = (Path(__file__),)
"""The code that computes what is kept: another version of it is another cache entry."""

Layers = tuple[Layer, ...]
"""A knowledge base's layers, in the reading order its units declare them."""


def keys(layers: Layers) -> tuple[str, ...]:
    """The layers' keys, in reading order: ties between layers go by it."""
    return tuple(layer.key for layer in layers)


def pairs(layers: Layers) -> tuple[tuple[str, str], ...]:
    """(A, B) for each layer B whose fixes come after A's (`Layer.after`)."""
    return tuple((before, layer.key) for layer in layers for before in layer.after)


@cache
def layer_graph(layers: Layers) -> nx.DiGraph:
    import networkx as nx

    graph = nx.DiGraph(pairs(layers))
    graph.add_nodes_from(keys(layers))
    return graph


@cache
def comes_before(layers: Layers, first: str, then: str) -> bool:
    """Whether `first`'s fixes are done before `then`'s (never for a layer and itself)."""
    import networkx as nx

    return first != then and nx.has_path(layer_graph(layers), first, then)


def depth(layers: Layers, layer: str) -> int:
    """How many layers are fixed before this one, at the most (documents 0, bank 1, ...); a
    layer that opens every plan (the phone) is -1, before all of them."""
    return _depths(layers)[layer]


def _layers(layers: Layers) -> list[list[Any]]:
    """All the layers' order is computed from: every layer, the pairs of their `after`, the
    layers that open a plan."""
    return [
        list(keys(layers)),
        [[first, then] for first, then in pairs(layers)],
        [layer.key for layer in layers if layer.first],
    ]


@cache
def _depths(layers: Layers) -> dict[str, int]:
    """Every layer's depth in networkx's layer graph (kept on disk)."""

    def valid(value: Any) -> bool:
        return _are_depths(value, layers)

    return kb_cache.cached(
        "layer-depths", _layers(layers), CODE, lambda: _depths_in_graph(layers), valid
    )


def _depths_in_graph(layers: Layers) -> dict[str, int]:
    graph = layer_graph(layers)
    first = {layer.key for layer in layers if layer.first}

    @cache
    def depth_of(layer: str) -> int:
        if layer in first:
            return -1
        return max((depth_of(before) + 1 for before in graph.predecessors(layer)), default=0)

    return {key: depth_of(key) for key in keys(layers)}


def _are_depths(value: Any, layers: Layers) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == set(keys(layers))
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


@dataclass(frozen=True)
class OrderProblem:
    """What makes the layers or the causes' `after` entries unusable as an order, in words,
    its kind (check-kb's: `unknown-layer`, `unknown-after`, `cycle`, `order`) and what it is
    in (a layer, the causes whose `after` names it), if one thing."""

    kind: str
    text: str
    about: str | None = None

    def __str__(self) -> str:
        return self.text if self.about is None else f"{self.about}: {self.text}"


def layer_problems(layers: Layers) -> list[OrderProblem]:
    """What makes the layers unusable as an order: an `after` naming no layer, a cycle."""
    import networkx as nx

    known = keys(layers)
    problems = [
        OrderProblem(
            "unknown-layer",
            f"comes after unknown layer {before!r} (expected {', '.join(known)})",
            f"layer {layer.key}",
        )
        for layer in layers
        for before in layer.after
        if before not in known
    ]
    try:
        cycle = nx.find_cycle(layer_graph(layers))
        cycled = " -> ".join(a for a, _ in cycle)
        problems.append(OrderProblem("cycle", f"the layers form a cycle: {cycled}"))
    except nx.NetworkXNoCycle:
        pass
    return problems


def graph_problems(graph: nx.DiGraph, layers: Layers) -> list[OrderProblem]:
    """What makes the graph unusable as an order: unknown ids, cycles, edges against layers."""
    import networkx as nx

    problems = []
    for node, data in graph.nodes(data=True):
        if "layer" not in data:
            after = ", ".join(sorted(graph.successors(node)))
            problems.append(
                OrderProblem("unknown-after", f"'after' names unknown cause {node!r}", after)
            )
    for before, cause in graph.edges:
        first, then = graph.nodes[before].get("layer"), graph.nodes[cause].get("layer")
        known = keys(layers)
        if first in known and then in known and comes_before(layers, then, first):
            problems.append(
                OrderProblem(
                    "order",
                    f"comes after {before}, but the {first} layer is fixed after {then}",
                    cause,
                )
            )
    try:
        cycle = nx.find_cycle(graph)
        cycled = " -> ".join(a for a, _ in cycle)
        problems.append(OrderProblem("cycle", f"'after' edges form a cycle: {cycled}"))
    except nx.NetworkXNoCycle:
        pass
    return problems


def fix_order(causes: tuple[Cause, ...], layers: Layers) -> tuple[str, ...]:
    """Every cause key in the order its fix belongs in a plan (networkx's, kept on disk)."""
    inputs = [
        _layers(layers),
        [
            [cause.key, cause.id, str(cause.layer), cause.per_wallet, list(cause.after)]
            for cause in causes
        ],
    ]
    keys = {cause.key for cause in causes}

    def is_order(value: Any) -> bool:
        return isinstance(value, list) and len(value) == len(keys) and set(value) == keys

    order = kb_cache.cached(
        "fix-order", inputs, CODE, lambda: list(_sorted(causes, layers)), is_order
    )
    return tuple(order)


def _sorted(causes: tuple[Cause, ...], layers: Layers) -> tuple[str, ...]:
    import networkx as nx

    graph = cause_graph(causes)
    problems = layer_problems(layers) + graph_problems(graph, layers)
    if problems:
        raise KnowledgeError("; ".join(map(str, problems)))
    of = nx.get_node_attributes(graph, "layer")
    for first in causes:
        for then in causes:
            if comes_before(layers, first.layer, then.layer):
                graph.add_edge(first.key, then.key)
    position = {key: index for index, key in enumerate(keys(layers))}
    try:
        return tuple(
            nx.lexicographical_topological_sort(
                graph,
                key=lambda n: (depth(layers, of[n]), position[of[n]], n),
            )
        )
    except nx.NetworkXUnfeasible:
        # No edge against the layers, yet a round through them (Taobao waits for Alipay).
        cycle = [first for first, _then in nx.find_cycle(graph)]
        raise KnowledgeError(
            "'after' edges and the layers' order form a cycle: " + " -> ".join([*cycle, cycle[0]])
        ) from None
