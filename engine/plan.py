"""The order of fixes: the causes as a graph, sorted topologically.

The layers form a graph of their own (`LAYER_ORDER`): documents before the
card's issuer, the issuer before each wallet, Alipay before Taobao, both wallets
before who is paid; Alipay and WeChat Pay wait for neither, and the phone's steps
come first (depth -1). Every cause of a layer comes before every cause of
the layers after it, `after` edges order causes within and across layers, and
ties go by depth in the layer graph, then layer, then key, so the same facts
always give the same plan whatever order the units were read in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from graphlib import CycleError, TopologicalSorter
from heapq import heapify, heappop, heappush
from typing import TYPE_CHECKING, NoReturn

from engine.errors import KnowledgeError
from engine.rules import FIRST_LAYERS, LAYER_ORDER, LAYERS, Cause, Layer

if TYPE_CHECKING:
    import networkx as nx


@cache
def _layers_after(layer: Layer) -> frozenset[Layer]:
    """Every layer whose fixes come after `layer`'s, through `LAYER_ORDER`."""
    next_ones = {then for first, then in LAYER_ORDER if first == layer}
    return frozenset(next_ones.union(*map(_layers_after, next_ones)))


def comes_before(first: Layer, then: Layer) -> bool:
    """Whether `first`'s fixes are done before `then`'s (never for a layer and itself)."""
    return then in _layers_after(first)


@cache
def depth(layer: Layer) -> int:
    """How many layers are fixed before this one, at the most (documents 0, bank 1, ...); a
    layer that opens every plan (the phone) is -1, before all of them."""
    if layer in FIRST_LAYERS:
        return -1
    before = [first for first, then in LAYER_ORDER if then == layer]
    return max((depth(first) + 1 for first in before), default=0)


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
    """Every cause key in the order its fix belongs in a plan.

    Sorted by the standard library's graphlib, so a diagnosis never imports networkx
    (more than a quarter of a single run's start-up); networkx names the problems of an order
    that has some (`graph_problems`).
    """
    layers = {cause.key: cause.layer for cause in causes}
    before: dict[str, set[str]] = {key: set() for key in layers}
    for first, then in _after_edges(causes):
        if first not in layers:
            _refuse(causes)
        before[then].add(first)  # against the layers' order, it makes a cycle with them
    for then in causes:
        before[then.key].update(
            first.key for first in causes if comes_before(first.layer, then.layer)
        )
    sorter = TopologicalSorter(before)
    try:
        sorter.prepare()
    except CycleError as error:
        _refuse(causes, error.args[1])

    def rank(key: str) -> tuple[int, int, str]:
        return depth(layers[key]), LAYERS.index(layers[key]), key

    ready = [rank(key) for key in sorter.get_ready()]
    heapify(ready)
    order = []
    while ready:
        key = heappop(ready)[-1]
        order.append(key)
        sorter.done(key)
        for then in sorter.get_ready():
            heappush(ready, rank(then))
    return tuple(order)


def _refuse(causes: tuple[Cause, ...], cycle: Sequence[str] = ()) -> NoReturn:
    """Raise KnowledgeError naming what makes `causes` unusable as an order."""
    problems = graph_problems(cause_graph(causes)) or [
        "'after' edges and the layers' order form a cycle: " + " -> ".join(cycle)
    ]
    raise KnowledgeError("; ".join(problems))
