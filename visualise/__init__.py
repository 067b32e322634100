"""Renderers of a diagnosis: terminal text, JSON (report-v3), the reasoning diagram, the docs.

Everything is said in the reader's language (visualise/locale/: Babel catalogs).
"""
