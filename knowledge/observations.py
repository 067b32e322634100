"""Derived observations that several units test; an observation only one unit tests lives there."""

from engine.rules import Observation
from knowledge._observing import before_as_of

OBSERVATIONS: tuple[Observation, ...] = (
    Observation(
        "passport.expired",
        "the passport has expired",
        ("passport.expiry_date", "as_of"),
        before_as_of("passport.expiry_date"),
    ),
)
