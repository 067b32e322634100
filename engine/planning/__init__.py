"""After the diagnosis: the plan checked, and what could still reveal a cause."""
