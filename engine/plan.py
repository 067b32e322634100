"""The order of fixes: a networkx graph over the causes, sorted topologically.

Documents come before the bank, the bank before Alipay, Alipay before Taobao;
within a layer the `after` edges decide, and ties go by id, so the same facts
always give the same plan whatever order the units were read in.
"""

from __future__ import annotations

import networkx as nx

from engine.errors import KnowledgeError
from engine.rules import LAYERS, Cause


def cause_graph(causes: tuple[Cause, ...]) -> nx.DiGraph:
    """Nodes are cause ids (with their layer); an edge A -> B means fix A before B."""
    graph = nx.DiGraph()
    for cause in causes:
        graph.add_node(cause.id, layer=cause.layer)
    for cause in causes:
        for before in cause.after:
            graph.add_edge(before, cause.id)
    return graph


def graph_problems(graph: nx.DiGraph) -> list[str]:
    """What makes the graph unusable as an order: unknown ids, cycles, edges against layers."""
    problems = []
    for node, data in graph.nodes(data=True):
        if "layer" not in data:
            after = ", ".join(sorted(graph.successors(node)))
            problems.append(f"{after}: 'after' names unknown cause {node!r}")
        elif data["layer"] not in LAYERS:
            problems.append(f"{node}: unknown layer {data['layer']!r} (expected one of {LAYERS})")
    for before, cause in graph.edges:
        first, then = graph.nodes[before].get("layer"), graph.nodes[cause].get("layer")
        if first in LAYERS and then in LAYERS and LAYERS.index(first) > LAYERS.index(then):
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
    """Every cause id in the order its fix belongs in a plan."""
    graph = cause_graph(causes)
    problems = graph_problems(graph)
    if problems:
        raise KnowledgeError("; ".join(problems))
    nodes = graph.nodes
    return tuple(
        nx.lexicographical_topological_sort(
            graph, key=lambda n: (LAYERS.index(nodes[n]["layer"]), n)
        )
    )
