"""The API keeps its own contract: schemathesis, run against the OpenAPI document the app serves.

Every check schemathesis has, on data valid by the document (each body must be
accepted) and data invalid by it (each must be refused), and on methods and
statuses the document does not state. In-process (ASGI), derandomized and a
bounded number of examples per operation, so the suite stays fast on two cores
and a failure found once is found on every run.
"""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from pydantic import ValidationError

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from engine.facts.model import GIVEN_AND_NOT_KNOWN, standard_model  # noqa: E402
from web.app import Settings, create_app  # noqa: E402

EXAMPLES = 40
"""Examples per operation and mode: the whole run takes about a minute on one core."""


def _written(number: phonenumbers.PhoneNumber, style: int) -> str:
    return phonenumbers.format_number(number, style)


_REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
PHONE_NUMBERS = st.builds(
    lambda region, kind, style: _written(
        phonenumbers.example_number_for_type(region, kind)
        or phonenumbers.example_number_for_type("CN", kind),
        style,
    ),
    st.sampled_from(["CN", "CN", *_REGIONS]),
    st.sampled_from([phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]),
    st.sampled_from(
        [phonenumbers.PhoneNumberFormat.E164, phonenumbers.PhoneNumberFormat.INTERNATIONAL]
    ),
)
"""The document's `format: phone`: numbers as people write them, of China and elsewhere."""
schemathesis.openapi.format("phone", PHONE_NUMBERS)

schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(Settings()))


@schema.hook
def filter_body(context, body) -> bool:
    """Leave out the one rule of the facts that JSON Schema cannot state and the document
    states in words (FactsWithDontKnow): a fact is given or not known, never both. Bodies
    breaking it are refused (tests/test_facts_v2.py); here they are no valid example."""
    try:
        standard_model().model_validate(body)
    except ValidationError as error:
        return all(problem["type"] != GIVEN_AND_NOT_KNOWN for problem in error.errors())
    except Exception:  # not facts at all: a negative example
        return True
    return True


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_openapi_document(case):
    case.call_and_validate()
