"""Workarounds, one unit a file (read by engine.kb.loader, not imported from here)."""
