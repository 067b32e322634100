"""The architecture's direction: engine/ runs, knowledge/ declares, visualise/ draws, web/ serves,
commands/ are the command line's commands, cli.py wires.

Anywhere in a module (lazy imports inside functions included): engine/ imports none of the
others; knowledge/ only engine/; visualise/ only engine/ (it draws whatever knowledge it is
given); web/ engine/ and visualise/, and knowledge/ only where the application is built
(web/app.py loads the built-in knowledge, as commands/ do); commands/ any of those, never
cli.py; nothing imports cli.py, and only cli.py imports commands/.
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


def _offenders(package: str, forbidden: set[str], root=ROOT) -> dict[str, list[str]]:
    return {
        str(path.relative_to(root)): sorted(_imported(path) & forbidden)
        for path in sorted((root / package).rglob("*.py"))
        if _imported(path) & forbidden
    }


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("engine", {"visualise", "knowledge", "web", "commands", "cli"}),
        ("knowledge", {"visualise", "web", "commands", "cli"}),
        ("visualise", {"knowledge", "web", "commands", "cli"}),
        ("web", {"commands", "cli"}),
        ("commands", {"cli"}),
    ],
)
def test_a_layer_imports_nothing_above_it(package, forbidden):
    assert _offenders(package, forbidden) == {}


def test_web_reads_the_built_in_knowledge_only_where_the_application_is_built():
    assert _offenders("web", {"knowledge"}) == {"web/app.py": ["knowledge"]}


def test_the_command_line_is_one_module_per_command_beside_cli_py():
    """cli.py reads which command a line names; each command is a module of commands/ (or a
    package, as batch is: an application of its own)."""
    import commands

    modules = {path.stem for path in (ROOT / "commands").glob("*.py")}
    modules |= {path.parent.name for path in (ROOT / "commands").glob("*/__init__.py")}
    assert set(commands.COMMANDS.values()) | {"diagnose"} <= modules
    assert _imported(ROOT / "cli.py") & {"knowledge", "web"} == set()


def test_an_import_above_the_layer_is_caught(tmp_path):
    """The check reads lazy imports too: a renderer that loads the knowledge is named."""
    (tmp_path / "visualise").mkdir()
    (tmp_path / "visualise" / "late.py").write_text(
        "def draw():\n    from knowledge import builtin_knowledge\n", encoding="utf-8"
    )
    found = _offenders("visualise", {"knowledge"}, tmp_path)
    assert found == {"visualise/late.py": ["knowledge"]}


def _calls(path, names: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in names:
                called.add(name)
    return called


def test_one_pipeline_checks_the_plan_and_finds_next_steps():
    """Every face (CLI, API, pages, consultation, batch) gets them from engine/outcome.py."""
    sources = [ROOT / "cli.py"] + [
        path
        for package in ("commands", "engine", "visualise", "web", "knowledge")
        for path in sorted((ROOT / package).rglob("*.py"))
    ]
    callers = {
        str(path.relative_to(ROOT)): sorted(found)
        for path in sources
        if (found := _calls(path, {"check_plan", "next_steps"}))
    }
    assert callers == {"engine/outcome.py": ["check_plan", "next_steps"]}


ENGINE_LAYERS = (
    "text",
    "errors",
    "facts",
    "authoring",
    "kb",
    "reasoning",
    "planning",
    "consultation",
    "checking",
    "outcome",
)
"""engine/'s packages (and its two modules, errors and outcome) from the bottom up: each may
import only those below it. docs/architecture.md draws them."""


def _engine_imports(path) -> set[str]:
    """The engine part (`reasoning`, `errors`) of every `engine.` module `path` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found |= {name.split(".")[1] for name in names if name.startswith("engine.")}
    return found & set(ENGINE_LAYERS)


def _upward(root=ROOT) -> dict[str, list[str]]:
    """Each module of engine/ that imports a part above its own, with those parts."""
    upward = {}
    for path in sorted((root / "engine").rglob("*.py")):
        part = path.relative_to(root / "engine").parts[0].removesuffix(".py")
        if part == "__init__":
            continue
        level = ENGINE_LAYERS.index(part)
        above = {p for p in _engine_imports(path) if ENGINE_LAYERS.index(p) > level}
        if above:
            upward[str(path.relative_to(root))] = sorted(above)
    return upward


def test_engine_is_its_layers_and_each_imports_only_those_below_it():
    parts = {
        path.relative_to(ROOT / "engine").parts[0].removesuffix(".py")
        for path in (ROOT / "engine").rglob("*.py")
    } - {"__init__"}
    assert parts == set(ENGINE_LAYERS)
    assert _upward() == {}


def test_an_engine_import_against_the_layers_is_caught(tmp_path):
    """Evidence wording that asked the consultation would point up: it is named."""
    (tmp_path / "engine" / "text").mkdir(parents=True)
    (tmp_path / "engine" / "text" / "late.py").write_text(
        "def say():\n    from engine.consultation.interview import Interviewer\n",
        encoding="utf-8",
    )
    assert _upward(tmp_path) == {"engine/text/late.py": ["consultation"]}


def test_the_architecture_page_and_its_picture_are_current():
    """docs/architecture.md names every part of engine/, and its picture (drawn from the code
    by docs/architecture.py) holds the imports the code has now: the picture's edge titles."""
    import html
    import importlib.util
    import re

    spec = importlib.util.spec_from_file_location("architecture", ROOT / "docs" / "architecture.py")
    architecture = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(architecture)
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for part in ENGINE_LAYERS:
        assert f"`engine/{part}" in page, part
    picture = (ROOT / "docs" / "architecture.svg").read_text(encoding="utf-8")
    drawn = {
        tuple(html.unescape(title).split("->"))
        for title in re.findall(r"<title>([^<]*&#45;&gt;[^<]*)</title>", picture)
    }
    assert drawn == set(architecture.drawn_edges()), "python docs/architecture.py"
