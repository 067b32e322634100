"""The OpenAPI description of the JSON API (`GET /api/v1/openapi.json`).

The facts schema is the facts model's own (as `python cli.py schema` prints
it: its dates and phone numbers with their patterns and formats); the report
is described by its contract, report-v3, whose fields the JSON renderer
defines. Every status an operation answers is stated (tests/test_web_contract.py
holds the served API to it with schemathesis).
"""

from __future__ import annotations

from typing import Any

from engine.authoring.rules import Layer
from engine.facts.model import Facts, FactsJsonSchema
from visualise.language import SOURCE_LANGUAGE, available

ERROR = {"$ref": "#/components/schemas/Error"}
REPORT = {"$ref": "#/components/schemas/Report"}
FACTS = {"$ref": "#/components/schemas/Facts"}
EVIDENCE = {"$ref": "#/components/schemas/Evidence"}
WALLET = {
    "enum": ["alipay", "wechat_pay"],
    "description": "the wallet of a cause that exists once per wallet (report-v3)",
}


def openapi_document(version: str, model: type[Facts], layers: tuple[Layer, ...]) -> dict[str, Any]:
    """The API's OpenAPI document; its facts are those of `model` (the knowledge base's)."""
    facts = model.model_json_schema(
        by_alias=True,
        ref_template="#/components/schemas/{model}",
        schema_generator=FactsJsonSchema,
    )
    schemas = facts.pop("$defs", {})
    schemas["Facts"] = facts
    schemas["FactsWithDontKnow"] = {
        "allOf": [FACTS],
        "description": "Facts, with `dont_know`: the paths of facts the person was asked and"
        " could not answer (facts-v2); a fact is given or not known, never both.",
    }
    schemas["Evidence"] = {
        "type": "object",
        "description": "One piece of evidence: a plain sentence in the report's language, and"
        " the paths of the facts it rests on.",
        "required": ["text", "facts"],
        "properties": {
            "text": {"type": "string"},
            "facts": {"type": "array", "items": {"type": "string"}},
        },
    }
    schemas["Report"] = {
        "type": "object",
        "description": "The diagnosis report (report-v3; `report_version` says which), exactly"
        " as `python cli.py FACTS --format json` prints it.",
        "required": [
            "report_version",
            "language",
            "as_of",
            "causes",
            "plan",
            "workarounds",
            "checks",
        ],
        "properties": {
            "report_version": {"type": "integer", "const": 3},
            "language": {"type": "string"},
            "as_of": {"type": "string", "format": "date"},
            "causes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "status", "layer", "title", "evidence", "rules"],
                    "properties": {
                        "id": {"type": "string"},
                        "status": {"enum": ["confirmed", "suspected"]},
                        "layer": {"enum": [layer.key for layer in layers]},
                        "wallet": WALLET,
                        "title": {"type": "string"},
                        "evidence": {"type": "array", "items": EVIDENCE},
                        "rules": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            "plan": {
                "type": "array",
                "items": {"type": "object", "properties": {"wallet": WALLET}},
            },
            "workarounds": {"type": "array", "items": {"type": "object"}},
            "checks": {"type": "array", "items": {"type": "object"}},
            "trace": {"type": "array", "items": {"type": "object"}},
            "plan_check": {"type": "object"},
        },
    }
    schemas["Interview"] = {
        "type": "object",
        "description": "The consultation's next step (report-v2, 'The consultation, step by"
        " step'): write the answer at question.fact (or the path into dont_know) and ask again.",
        "required": ["done", "asked", "report"],
        "properties": {
            "done": {"type": "boolean"},
            "question": {
                "type": "object",
                "required": ["fact", "text", "help", "kind", "decides"],
                "properties": {
                    "fact": {"type": "string"},
                    "text": {"type": "string"},
                    "help": {"type": "string"},
                    "kind": {
                        "type": "string",
                        "enum": ["yes_no", "choice", "date", "count", "number", "text"],
                    },
                    "choices": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "value": {},
                                "label": {"type": "string"},
                                "sets": {
                                    "type": "object",
                                    "description": "the facts (path: value) choosing it also"
                                    " sets (report-v3): 'nothing of these' answers three; two"
                                    " choices of one value may set different facts (a foreign"
                                    " card's payment in Alipay, in WeChat Pay: the wallet); for a"
                                    " line of a list to tick, the facts ticking it writes",
                                },
                                "unticked": {
                                    "type": "object",
                                    "description": "a line of a list to tick (`several`): the"
                                    " facts leaving it unticked writes (it did not happen)",
                                },
                            },
                        },
                    },
                    "units": {
                        "type": "object",
                        "description": "for a number: other facts (path: the words of their"
                        " unit) an answer in that unit is written at instead ('$120' to the"
                        " amount in yuan: payment.amount_usd, and the yuan into dont_know)",
                        "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    },
                    "several": {
                        "type": "boolean",
                        "description": "several choices may be ticked: a list of values, or a"
                        " list to tick whose lines carry `sets` and `unticked` (write both, as"
                        " ticked; `fact` is its first line)",
                    },
                    "decides": {"type": "array", "items": {"type": "string"}},
                    "decides_in": {
                        "type": "array",
                        "description": "the per-wallet causes among `decides`, with their"
                        " wallet (report-v3)",
                        "items": {
                            "type": "object",
                            "required": ["id", "wallet"],
                            "properties": {"id": {"type": "string"}, "wallet": WALLET},
                        },
                    },
                },
            },
            "asked": {
                "type": "integer",
                "minimum": 0,
                "description": "questions the facts answer: facts a question asks that are"
                " known or in dont_know (a list of cards counts once)",
            },
            "report": REPORT,
        },
    }
    schemas["Error"] = {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "description": "the CLI's message"}},
    }
    reveal = {
        "name": "show_personal_data",
        "in": "query",
        "schema": {"type": "boolean", "default": False},
        "description": "show passport, permit and phone numbers and names unmasked",
    }
    lang = {
        "name": "lang",
        "in": "query",
        "schema": {"type": "string", "enum": list(available()), "default": SOURCE_LANGUAGE},
        "description": "the language of the text fields and of the error messages, as the"
        " CLI's --lang; another is refused (400)",
    }
    bad = {
        "400": _json(
            "bad facts, or a bad query value: the message the CLI prints, in the language"
            " `lang` names",
            ERROR,
        ),
        "413": _json("the body is larger than 1 MiB", ERROR),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "paydoctor",
            "version": version,
            "description": "Why a payment fails for a foreigner in China (Alipay, WeChat Pay,"
            " Taobao, a foreign card, the bank), and in which order to fix it. Facts in"
            " (facts-v3, which reads every facts-v1 and facts-v2 file the same), a report out"
            " (report-v3); the interview is report-v3's consultation step. The formats are"
            " described in the repository's docs/formats/.",
        },
        "paths": {
            "/api/v1/diagnose": {
                "post": {
                    "summary": "Diagnose facts",
                    "parameters": [reveal, lang],
                    "requestBody": _body(FACTS),
                    "responses": {"200": _json("the report", REPORT), **bad},
                }
            },
            "/api/v1/interview": {
                "post": {
                    "summary": "The consultation's next question, or done",
                    "parameters": [reveal, lang],
                    "requestBody": _body({"$ref": "#/components/schemas/FactsWithDontKnow"}),
                    "responses": {
                        "200": _json("the next step", {"$ref": "#/components/schemas/Interview"}),
                        **bad,
                    },
                }
            },
            "/api/v1/rules": {
                "get": {
                    "summary": "The knowledge base, as `python cli.py rules --format json`",
                    "parameters": [lang],
                    "responses": {
                        "200": _json("causes and workarounds", {"type": "object"}),
                        "400": _json("a language not offered", ERROR),
                    },
                }
            },
            "/api/v1/health": {
                "get": {
                    "summary": "Whether the server answers",
                    "responses": {"200": _json("ok", {"type": "object"})},
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "This description",
                    "responses": {"200": _json("OpenAPI 3.1", {"type": "object"})},
                }
            },
        },
        "components": {"schemas": schemas},
    }


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}
