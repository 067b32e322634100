"""A knowledge base: loaded from folders of units (their code fenced), and its fix order."""
