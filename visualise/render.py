"""Rendering DOT source to a picture: Graphviz's `dot` when installed, else graphviz-pure.

Graphviz's own `dot` draws every format. Without it, SVG and PNG are drawn by
graphviz-pure, a port of Graphviz's `dot` installed from PyPI with paydoctor (a
program of its own, for every platform and Python version); PDF needs a real
Graphviz, and asking for it says how to install one. A missing `dot` is never a
crash.

Chinese (any East Asian wide character) renders everywhere: diagrams name the
font Helvetica, whose metrics both programs know, and every SVG then names a
font list with CJK fonts after it (`SVG_FONTS`), so a browser finds one. `dot`
draws PNGs through fontconfig, which finds any CJK font installed (Debian:
fonts-wqy-microhei). graphviz-pure knows no CJK font: it measures a CJK
character at about 0.83 of its width (Helvetica's metrics of its UTF-8 bytes),
so such diagrams are laid out with fonts 1.2 times larger and drawn at their
own size, and their PNG is drawn from that SVG by resvg with Noto Sans CJK
(both installed from PyPI with paydoctor).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
import threading
import unicodedata
from pathlib import Path

from engine.errors import InputError
from engine.text.translatable import Message
from visualise.errors import DiagramError
from visualise.files import write_atomically

FORMATS = ("svg", "png", "pdf", "dot")
WITHOUT_GRAPHVIZ = ("svg", "png", "dot")
"""What graphviz-pure (or the DOT source itself) provides when `dot` is not installed."""
INSTALL_GRAPHVIZ = Message(
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install"
    " graphviz; Fedora: sudo dnf install graphviz; Windows: winget install graphviz;"
    " or see https://graphviz.org/download/)"
)
FONT = "Helvetica"
"""The font diagrams name: Graphviz and graphviz-pure both measure text with its metrics."""
SVG_FONTS = (
    "Helvetica, Arial, Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, PingFang SC,"
    " Microsoft YaHei, sans-serif"
)
"""What an SVG asks a browser for: Latin text as before, Chinese from the first CJK font found."""
_SVG_FONT = 'font-family="Helvetica,sans-Serif"'
"""How both programs write FONT into an SVG."""
LAYOUT_SCALE = 1.2
"""How much larger graphviz-pure lays out text with wide characters (see the docstring)."""
_FONT_SIZE = re.compile(r'\b(font-?size)="?([0-9.]+)"?')
"""A font size in DOT (`fontsize=10`) or SVG (`font-size="10.00"`)."""


def diagram_format(path: Path) -> str:
    """The format a diagram file name asks for, from its extension."""
    extension = path.suffix.lower().removeprefix(".")
    if extension not in FORMATS:
        raise InputError(
            "{path}: a diagram's extension chooses its format, and {extension} is not one of"
            " {formats}",
            path=path,
            extension=repr(path.suffix) if path.suffix else Message("no extension"),
            formats=", ".join("." + f for f in FORMATS),
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
            "drawing a diagram needs graphviz-pure (pip install graphviz-pure) or Graphviz's"
            " 'dot': {install}; or --no-diagram",
            install=INSTALL_GRAPHVIZ,
        )
    raise InputError(
        "a {format} diagram needs Graphviz's 'dot' program: {install};"
        " or ask for a .svg or .png diagram, which work without it",
        format=fmt.upper(),
        install=INSTALL_GRAPHVIZ,
    )


def render(source: str, fmt: str) -> bytes:
    """The picture of `source` in `fmt` (one of FORMATS); `dot` is the source itself."""
    check_renderable(fmt)
    if fmt == "dot":
        return source.encode()
    program = dot_executable()
    if program:
        picture = _draw(program, "Graphviz", source, fmt)
        return _with_svg_fonts(picture) if fmt == "svg" else picture
    program = graphviz_pure_executable()
    if not has_wide_characters(source):
        picture = _draw(program, "graphviz-pure", source, fmt)
        return _with_svg_fonts(picture) if fmt == "svg" else picture
    larger = _FONT_SIZE.sub(lambda m: _scaled(m, LAYOUT_SCALE), source)
    svg = _FONT_SIZE.sub(
        lambda m: _scaled(m, 1 / LAYOUT_SCALE),
        _draw(program, "graphviz-pure", larger, "svg").decode(),
    )
    svg = _with_svg_fonts(svg.encode())
    return svg if fmt == "svg" else _svg_to_png(svg)


def has_wide_characters(text: str) -> bool:
    """True when `text` holds a character East Asian scripts write two columns wide."""
    return any(unicodedata.east_asian_width(c) in "WF" for c in text if ord(c) > 0x2E7F)


def _scaled(match: re.Match[str], factor: float) -> str:
    return f'{match.group(1)}="{float(match.group(2)) * factor:.2f}"'


def _with_svg_fonts(svg: bytes) -> bytes:
    return svg.replace(_SVG_FONT.encode(), f'font-family="{SVG_FONTS}"'.encode())


def _svg_to_png(svg: bytes) -> bytes:
    """A PNG of `svg` at 96 dpi (Graphviz's own PNG size), with Noto Sans CJK for its text."""
    import noto_cjk_sans_otc
    import resvg_py

    fonts = [str(noto_cjk_sans_otc.FONT_PATH)]
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg.decode(), font_files=fonts, dpi=96.0))
    except ValueError as error:
        raise DiagramError(f"resvg could not draw the diagram: {error}") from None


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
