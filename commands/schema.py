"""`paydoctor schema`: the JSON Schema of facts files."""

from __future__ import annotations

import sys

from commands import EXIT_OK
from commands.knowledge_base import knowledge_for
from commands.parser import Parser
from visualise.json_text import indented
from visualise.language import Language


def run(argv: list[str], language: Language) -> int:
    args = Parser(
        prog="paydoctor schema",
        description=language.gettext("Print the JSON Schema of facts files."),
        language=language,
    ).parse_args(argv)
    from engine.facts.model import FactsJsonSchema

    model = knowledge_for(args).facts_model  # the facts its knowledge declares
    schema = model.model_json_schema(by_alias=True, schema_generator=FactsJsonSchema)
    sys.stdout.write(indented(schema))
    return EXIT_OK
