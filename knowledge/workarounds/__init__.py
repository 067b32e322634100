"""Workarounds, one unit a file (read by engine.knowledge_loader, not imported from here)."""
