"""Conclusions: facts that rules derive once for many rules to consume."""
