"""paydoctor's commands, one module each; cli.py reads which one a command line names and runs it.

Each module's `run(argv, language)` parses its own options (built on
commands/parser.py) and returns the exit status. A command's module is imported
only when it runs, so a diagnosis imports nothing of the others.
"""

from __future__ import annotations

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2

COMMANDS = {
    "schema": "schema",
    "interview": "interview",
    "graph": "graph",
    "rules": "rules",
    "check-kb": "check_kb",
    "batch": "batch",
    "serve": "serve",
}
"""Each command's name and its module in this package; a command line that names none is a
diagnosis (commands/diagnose.py)."""
