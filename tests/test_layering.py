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
    """cli.py reads which command a line names; each command is a module of commands/."""
    import commands

    modules = {path.stem for path in (ROOT / "commands").glob("*.py")}
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
