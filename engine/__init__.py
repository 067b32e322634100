"""paydoctor's diagnosis pipeline: facts in, a diagnosis out.

facts.json -> `Facts` (facts.py, loading.py) -> observations (observe.py) ->
one durable-rules session (session.py) -> findings, plan, checks (diagnosis.py).
Only session.py knows durable-rules exists.
"""
