"""paydoctor's built-in knowledge: one unit per file below this folder.

Causes, workarounds and conclusions each live in one file that holds
everything about them; `observations.py` and `questions.py` hold what several
units share. The engine reads this folder with the same loader as any
`--knowledge` folder (`engine.knowledge_loader`); nothing here lists the units.
"""

from pathlib import Path

from engine.knowledge_base import KnowledgeBase

FOLDER = Path(__file__).resolve().parent


def builtin_knowledge() -> KnowledgeBase:
    """The built-in knowledge base, read from this folder."""
    from engine.knowledge_loader import load_knowledge

    return load_knowledge([FOLDER], trusted=[FOLDER])
