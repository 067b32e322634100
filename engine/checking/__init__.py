"""Checking a knowledge base as a linter does, and running every unit's examples."""
