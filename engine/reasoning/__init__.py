"""Reasoning over one case: observations, the durable-rules session, findings, why (not)."""
