"""`paydoctor rules`: the knowledge base as a table, JSON or the Markdown of the docs."""

from __future__ import annotations

import sys

from commands import EXIT_OK
from commands.knowledge_base import knowledge_for
from commands.parser import Parser
from visualise.language import Language


def run(argv: list[str], language: Language) -> int:
    parser = Parser(
        prog="paydoctor rules",
        description=language.gettext(
            "Show the knowledge base: each cause and workaround, its conditions,"
            " order and examples. '--format markdown' prints docs/knowledge-base.md."
        ),
        language=language,
    )
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    args = parser.parse_args(argv)
    kb = knowledge_for(args)
    if args.format == "json":
        from visualise.rules_table import render_rules_json

        sys.stdout.write(render_rules_json(kb, language))
    elif args.format == "markdown":
        from visualise.kb_docs import render_kb_markdown

        sys.stdout.write(render_kb_markdown(kb, language))
    else:
        from visualise.rules_table import render_rules_text

        render_rules_text(kb, sys.stdout, language)
    return EXIT_OK
