"""paydoctor's reasoning: facts in, a diagnosis, its plan and the next question out.

Packages from the bottom up (each imports only those below it; docs/architecture.md):
text, errors, facts, authoring, kb, reasoning, planning, consultation, checking, and
outcome.py, the one pipeline every face calls. Only reasoning/session.py knows
durable-rules exists; only kb/order.py networkx.
"""
