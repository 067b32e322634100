"""Rendering DOT source to a picture: Graphviz's `dot` when installed, else graphviz-pure.

Graphviz's own `dot` draws every format. Without it, SVG and PNG are drawn by
graphviz-pure, a port of Graphviz's `dot` installed from PyPI with paydoctor (a
program of its own, for every platform and Python version); PDF needs a real
Graphviz, and asking for it says how to install one. A missing `dot` is never a
crash.
"""

from __future__ import annotations

import shutil
import subprocess
import sysconfig
import threading
from pathlib import Path

from engine.errors import InputError
from visualise.errors import DiagramError
from visualise.files import write_atomically

FORMATS = ("svg", "png", "pdf", "dot")
WITHOUT_GRAPHVIZ = ("svg", "png", "dot")
"""What graphviz-pure (or the DOT source itself) provides when `dot` is not installed."""
INSTALL_GRAPHVIZ = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install"
    " graphviz; Fedora: sudo dnf install graphviz; Windows: winget install graphviz;"
    " or see https://graphviz.org/download/)"
)


def diagram_format(path: Path) -> str:
    """The format a diagram file name asks for, from its extension."""
    extension = path.suffix.lower().removeprefix(".")
    if extension not in FORMATS:
        shown = f"'{path.suffix}'" if path.suffix else "no extension"
        raise InputError(
            f"{path}: a diagram's extension chooses its format, and {shown} is not one of"
            f" {', '.join('.' + f for f in FORMATS)}"
        )
    return extension


def dot_executable() -> str | None:
    """Graphviz's `dot` on PATH, if installed."""
    return shutil.which("dot")


def graphviz_pure_executable() -> str | None:
    """graphviz-pure's program: beside this Python's scripts, else on PATH."""
    beside = Path(sysconfig.get_path("scripts")) / "graphviz-pure"
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    return shutil.which("graphviz-pure")


def check_renderable(fmt: str) -> None:
    """Refuse, before any work is done, a format this machine cannot draw."""
    if dot_executable() or (fmt in WITHOUT_GRAPHVIZ and graphviz_pure_executable()):
        return
    if fmt in WITHOUT_GRAPHVIZ:
        raise InputError(
            f"drawing a diagram needs graphviz-pure (pip install graphviz-pure) or Graphviz's"
            f" 'dot': {INSTALL_GRAPHVIZ}; or --no-diagram"
        )
    raise InputError(
        f"a {fmt.upper()} diagram needs Graphviz's 'dot' program: {INSTALL_GRAPHVIZ};"
        " or ask for a .svg or .png diagram, which work without it"
    )


def render(source: str, fmt: str) -> bytes:
    """The picture of `source` in `fmt` (one of FORMATS); `dot` is the source itself."""
    check_renderable(fmt)
    if fmt == "dot":
        return source.encode()
    program = dot_executable()
    if program:
        return _draw(program, "Graphviz", source, fmt)
    return _draw(graphviz_pure_executable(), "graphviz-pure", source, fmt)


def write_diagram(path: Path, source: str, protect: tuple[Path, ...] = ()) -> None:
    """Draw `source` into `path`, in the format its extension names, never over `protect`."""
    write_atomically(path, render(source, diagram_format(path)), protect=protect)


class DiagramDrawing:
    """A diagram drawn and written on a thread of its own while the caller lays out its report.

    Drawing runs a program of its own (`dot` takes about 40 ms), so on a machine
    with two cores a run spends no wall-clock time waiting for it (bench/README.md).
    """

    def __init__(self, path: Path, source: str, protect: tuple[Path, ...] = ()):
        self.path = path
        self._error: Exception | None = None
        self._thread = threading.Thread(
            target=self._write, args=(source, protect), name="diagram", daemon=False
        )
        self._thread.start()

    def _write(self, source: str, protect: tuple[Path, ...]) -> None:
        try:
            write_diagram(self.path, source, protect=protect)
        except Exception as error:  # raised again on the caller's thread by `wait`
            self._error = error

    def wait(self) -> Path:
        """The file written, once it is; what went wrong, raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.path


def _draw(program: str, name: str, source: str, fmt: str) -> bytes:
    result = subprocess.run(
        [program, f"-T{fmt}"], input=source.encode(), capture_output=True, check=False
    )
    if result.returncode != 0 or not result.stdout:
        problem = result.stderr.decode(errors="replace").strip().splitlines()
        raise DiagramError(f"{name} could not draw the diagram: {' '.join(problem[-2:])}")
    return result.stdout
