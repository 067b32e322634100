from engine.authoring.rules import Conclusion, Example, fact, known, when
from engine.text.wording import Wording

CONCLUSION = Conclusion(
    name="passport.renewed",
    meaning=Wording("the passport replaced an earlier one"),
    holds=(
        when(fact("passport.renewed", True)),
        when(known("passport.previous_number")),
        when(known("passport.renewed_on")),
    ),
    examples=(
        Example("the old number is known", {"passport": {"previous_number": "E12345678"}}, "true"),
        Example(
            "the day it was issued is known", {"passport": {"renewed_on": "2026-09-01"}}, "true"
        ),
        Example("the person says it was renewed", {"passport": {"renewed": True}}, "true"),
        Example("only the current passport is known", {"passport": {"number": "E98765432"}}, None),
    ),
)
