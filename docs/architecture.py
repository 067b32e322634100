"""Draw docs/architecture.svg, the picture of docs/architecture.md, from the code itself.

    python docs/architecture.py [OUTPUT.svg]

Each box is a package (engine/'s packages one by one), each arrow an import
found anywhere in its modules (lazy imports included), from the importer to
what it uses; an import implied by a longer way down is not drawn. Nothing
points up: tests/test_layering.py refuses such an import.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visualise.render import render  # noqa: E402

OUTPUT = ROOT / "docs" / "architecture.svg"
FACES = ("cli", "commands", "web")
"""What a person or a program talks to: the command line and the web."""
OWN = (*FACES, "visualise", "knowledge", "engine")


def box(module: str) -> str | None:
    """The box a dotted module is drawn in: engine's packages one by one (`engine.reasoning`),
    engine's own modules as `engine`, everything else by its top-level package."""
    parts = module.split(".")
    if parts[0] not in OWN:
        return None
    if parts[0] == "engine" and len(parts) > 1 and _source(f"engine.{parts[1]}").exists():
        return f"engine.{parts[1]}"
    return parts[0]


def _source(name: str) -> Path:
    """The file that says what a box is: a package's __init__.py, or the module itself."""
    path = ROOT / name.replace(".", "/")
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def modules() -> dict[str, Path]:
    """Every module of the program by its dotted name."""
    found = {"cli": ROOT / "cli.py"}
    for package in OWN[1:]:
        for path in sorted((ROOT / package).rglob("*.py")):
            dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[dotted.removesuffix(".__init__")] = path
    return found


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
    return names


def edges() -> set[tuple[str, str]]:
    """(importer's box, imported box) for every import between two boxes."""
    found = set()
    for name, path in modules().items():
        source = box(name)
        for imported in imports(path):
            target = box(imported)
            if target and source and target != source:
                found.add((source, target))
    return found


def summary(name: str) -> str:
    """A box's caption: the first sentence of its package's docstring."""
    doc = ast.get_docstring(ast.parse(_source(name).read_text(encoding="utf-8"))) or ""
    return doc.split("\n\n")[0].replace("\n", " ").split(". ")[0].rstrip(".")


def drawn_edges() -> list[tuple[str, str]]:
    """The imports to draw: each one not implied by a longer way down (networkx's transitive
    reduction), so the picture shows the layers, not every import."""
    import networkx

    graph = networkx.DiGraph(edges())
    return sorted(networkx.transitive_reduction(graph).edges)


def dot_source() -> str:
    drawn = drawn_edges()
    boxes = sorted({name for edge in drawn for name in edge})
    lines = [
        "digraph architecture {",
        '  graph [rankdir=TB, nodesep=0.3, ranksep=0.45, fontname="Helvetica"];',
        '  node [shape=box, style="rounded,filled", fillcolor="#f3f6fa", fontname="Helvetica",'
        " fontsize=11];",
        '  edge [color="#7a8699", arrowsize=0.6];',
    ]

    def node(name: str) -> str:
        caption = summary(name).replace('"', "'")
        label = f"{_source(name).relative_to(ROOT)}\\n{_wrap(caption)}".replace("/__init__.py", "/")
        fill = ', fillcolor="#e6f2e6"' if name in FACES else ""
        return f'"{name}" [label="{label}"{fill}];'

    lines += [f"  {node(name)}" for name in boxes if not name.startswith("engine.")]
    lines += ["  subgraph cluster_engine {", '    label="engine/"; style="rounded,dashed";']
    lines += [f"    {node(name)}" for name in boxes if name.startswith("engine.")]
    lines.append("  }")
    lines += [f'  "{source}" -> "{target}";' for source, target in drawn]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 34) -> str:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\\n".join([*out, line])


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.write_bytes(render(dot_source(), "svg"))
    print(output)


if __name__ == "__main__":
    main()
