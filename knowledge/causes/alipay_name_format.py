from engine.authoring.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Observation,
    Outcome,
    copies,
    derived,
    when,
)
from engine.facts.normalise import name_words
from engine.facts.personal import Text
from engine.text.wording import Wording
from knowledge._messages import IDENTITY_MISMATCH
from knowledge._observing import name_datum, passport_name
from knowledge._wallets import ALIPAY
from knowledge._where import Where


def _alipay_name_differs(case: Case, card: int | None) -> Outcome:
    entered = case.get("alipay.identity.name")
    permit = case.get("residence_permit.name")
    reference, said = (
        (name_words(permit), _AGAINST_PERMIT)
        if permit is not None
        else (passport_name(case), _AGAINST_PASSPORT)
    )
    if entered is None or reference is None:
        missing = case.missing(None, "alipay.identity.name", "residence_permit.name")
        if entered is not None:
            missing += case.missing(None, "person.surname", "person.given_names")
        return Outcome(None, unknown_paths=missing)
    words = name_words(entered)
    return Outcome(words != reference, Text(said, (name_datum(words), name_datum(reference))))


_AGAINST_PERMIT = Wording(
    "Alipay's identity information has the name {0}; your residence permit has {1}."
)
_AGAINST_PASSPORT = Wording(
    "Alipay's identity information has the name {0}; your passport has {1}."
)


ALIPAY_NAME_DIFFERS = Observation(
    "alipay.name_differs",
    Wording("Alipay's identity name differs from the permit (or passport) name"),
    ("alipay.identity.name", "residence_permit.name", "person.surname", "person.given_names"),
    _alipay_name_differs,
)


CAUSE = Cause(
    id="alipay-name-format",
    layer="alipay",
    title=Wording("Alipay's Identity Information has your name in another format"),
    explanation=Wording(
        "Alipay expects the name exactly as on your residence permit, SURNAME FIRSTNAME;"
        " a different order or spelling fails the identity check."
    ),
    source=(
        "Always use the same name format (e.g., SURNAME FIRSTNAME) as shown on your"
        " residence permit."
    ),
    fixes=(
        FixStep(
            Wording("Alipay app"),
            Wording(
                "In Identity Information, use the same name format as on your residence"
                " permit: SURNAME FIRSTNAME."
            ),
            place=Where.APP,
            effects=(
                copies(
                    "alipay.identity.name",
                    "residence_permit.name",
                    ("person.surname", "person.given_names"),
                ),
            ),
        ),
    ),
    # The format to use is the permit's: the permit Alipay holds is brought up to date first.
    after=("bank-name-mismatch", "residence-permit-outdated"),
    scope=(ALIPAY.in_scope,),
    confirmed=(when(derived("alipay.name_differs")),),
    observations=(ALIPAY_NAME_DIFFERS,),
    messages=(IDENTITY_MISMATCH,),
    examples=(
        Example(
            "given name first in Alipay",
            {
                "residence_permit": {"name": "SMITH JOHN"},
                "alipay": {"identity": {"name": "JOHN SMITH"}},
            },
            "confirmed",
        ),
        Example(
            "no permit name: compared with the passport",
            {
                "person": {"surname": "SMITH", "given_names": "JOHN"},
                "alipay": {"identity": {"name": "JOHN SMITH"}},
            },
            "confirmed",
        ),
        Example(
            "case and spaces only",
            {
                "residence_permit": {"name": "SMITH JOHN"},
                "alipay": {"identity": {"name": "smith   john"}},
            },
            None,
        ),
        Example(
            "Alipay's name unknown",
            {"residence_permit": {"name": "SMITH JOHN"}},
            None,
        ),
        Example(
            "the message speaks of identity information, the names not known",
            {"symptom": {"error_message": "身份信息不一致"}},
            "suspected",
        ),
    ),
)
