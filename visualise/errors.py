"""The renderers' own failure, kept apart from the engine's (exit status 1 all the same)."""


class DiagramError(Exception):
    """Graphviz (or its stand-in) failed to draw: the drawing's fault, not the diagnosis'."""
