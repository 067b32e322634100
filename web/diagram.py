"""The reasoning diagram inline in the report page: visualise/'s SVG without its XML prolog.

Drawn by the same code as the CLI's diagram (visualise/diagram.py, then `dot`
or graphviz-pure), so its tooltips (the evidence of each node) show on hover
and personal data is masked in it whatever the page shows.
"""

from __future__ import annotations

from engine.reasoning.diagnosis import Diagnosis
from visualise.diagram import diagnosis_dot
from visualise.language import ENGLISH, Language
from visualise.render import render


def inline_svg(diagnosis: Diagnosis, language: Language = ENGLISH) -> str:
    """The diagram as an `<svg>` element to put in HTML (runs a program: call off the loop)."""
    svg = render(diagnosis_dot(diagnosis, language), "svg").decode()
    start = svg.index("<svg")
    return svg[start:].replace("<svg ", '<svg role="img" aria-labelledby="diagram-title" ', 1)
