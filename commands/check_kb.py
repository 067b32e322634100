"""`paydoctor check-kb`: the knowledge base checked, every unit's examples run, every language's
words checked."""

from __future__ import annotations

import sys

from commands import EXIT_FAULT, EXIT_OK
from commands.parser import Parser
from visualise import language as languages
from visualise.json_text import indented
from visualise.language import Language


def run(argv: list[str], language: Language) -> int:
    _ = language.gettext
    parser = Parser(
        prog="paydoctor check-kb",
        description=_(
            "Check the knowledge base and run every unit's examples, and that every"
            " language translates every word of the program;"
            " print one line per problem and exit 1 if there is any."
        ),
        language=language,
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    import knowledge
    from engine.checking.check import WARNINGS, check, summary
    from engine.kb.loader import assemble, read_folders
    from visualise.catalogs import translation_problems

    units = read_folders([knowledge.FOLDER, *args.knowledge], trusted=[knowledge.FOLDER])
    kb = assemble(units)
    problems = check(kb, units, languages.available()) + translation_problems()
    if args.format == "json":
        data = {"problems": [{"kind": p.kind, "message": p.message} for p in problems]}
        sys.stdout.write(indented(data))
    else:
        for problem in problems:
            print(problem)
        count = (
            language.ngettext("{count} problem", "{count} problems", len(problems)).format(
                count=len(problems)
            )
            if problems
            else _("no problems")
        )
        print(_("{count} in {knowledge_base}").format(count=count, knowledge_base=summary(kb)))
    return EXIT_FAULT if any(p.kind not in WARNINGS for p in problems) else EXIT_OK
