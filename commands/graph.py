"""`paydoctor graph`: the whole knowledge base drawn."""

from __future__ import annotations

from pathlib import Path

from commands import EXIT_OK
from commands.knowledge_base import knowledge_for
from commands.parser import Parser, diagram_file
from visualise.language import Language

KNOWLEDGE_DIAGRAM = Path("knowledge-base.svg")
"""Where `graph` draws by default: in the current folder, as the README says."""


def run(argv: list[str], language: Language) -> int:
    _ = language.gettext
    parser = Parser(
        prog="paydoctor graph",
        description=_(
            "Draw the whole knowledge base: every cause and workaround by layer, the"
            " order of fixes, and the facts each rule reads."
        ),
        language=language,
    )
    parser.add_argument(
        "--diagram",
        type=diagram_file,
        metavar="PATH",
        help=_(
            "where to write it; the extension picks the format (.svg, .png, .pdf, .dot;"
            " default: {path} in the current folder, or {stem}-2{suffix} and so on if that"
            " exists)"
        ).format(
            path=KNOWLEDGE_DIAGRAM,
            stem=KNOWLEDGE_DIAGRAM.stem,
            suffix=KNOWLEDGE_DIAGRAM.suffix,
        ),
    )
    args = parser.parse_args(argv)
    from visualise.diagram import knowledge_dot
    from visualise.files import free_name
    from visualise.render import write_diagram

    path = args.diagram or free_name(KNOWLEDGE_DIAGRAM)
    write_diagram(path, knowledge_dot(knowledge_for(args), language))
    if args.diagram is None and path != KNOWLEDGE_DIAGRAM:
        kept = _("diagram: {path} ({taken} exists, left as it was)")
        print(kept.format(path=path, taken=KNOWLEDGE_DIAGRAM))
    else:
        print(_("diagram: {path}").format(path=path))
    return EXIT_OK
