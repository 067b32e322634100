"""The architecture's direction: engine/ runs, knowledge/ declares, visualise/ draws, cli wires.

Nothing in engine/ imports visualise/ or knowledge/, anywhere in a module
(lazy imports inside functions included); knowledge/ imports only engine/.
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT


def _imported(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("engine", {"visualise", "knowledge", "cli"}), ("knowledge", {"visualise", "cli"})],
)
def test_a_layer_imports_nothing_above_it(package, forbidden):
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported(path) & forbidden)
        for path in sorted((ROOT / package).rglob("*.py"))
        if _imported(path) & forbidden
    }
    assert offenders == {}
