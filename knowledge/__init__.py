"""paydoctor's built-in knowledge: one unit per file below this folder.

Causes, workarounds and conclusions each live in one file that holds
everything about them; `observations.py` holds what several units share,
`facts.py` the facts they read (each declared once, in `_facts/`) and `layers.py`
the layers of the fix order. The engine reads this folder with the same loader as
any `--knowledge` folder (`engine.kb.loader`); nothing here lists the units.
"""

from pathlib import Path

from engine.authoring.rules import use_standard_layers
from engine.facts.declaring import facts_model
from engine.facts.model import use_standard_model
from engine.kb.base import KnowledgeBase
from knowledge.facts import FACTS
from knowledge.layers import LAYERS

FOLDER = Path(__file__).resolve().parent
use_standard_model(facts_model(FACTS))
"""Facts read without a knowledge base at hand (a test's, a page's state) are read as the
built-in knowledge declares them; a knowledge base with more facts hands its own model."""
use_standard_layers(LAYERS)
"""A knowledge base put together by hand (a test's) orders the built-in layers."""


def builtin_knowledge() -> KnowledgeBase:
    """The built-in knowledge base, read from this folder."""
    from engine.kb.loader import load_knowledge

    return load_knowledge([FOLDER], trusted=[FOLDER])
