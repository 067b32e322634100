"""Renderers of a diagnosis: terminal text, JSON (report-v1) and the reasoning diagram."""
