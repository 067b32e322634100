"""How facts-v1 compares values: document numbers, phone numbers and names."""

from __future__ import annotations

import functools
import re

_SEPARATORS = re.compile(r"[\s\-]+")
_DOCUMENT_NUMBER = re.compile(r"[A-Za-z0-9]+")
"""Letters and digits of the Latin alphabet (checked before upper-casing: "ß" is not "SS")."""


def document_number(raw: str) -> str:
    """Passport and permit numbers compare case-insensitively, ignoring spaces and hyphens."""
    number = _SEPARATORS.sub("", raw)
    if not _DOCUMENT_NUMBER.fullmatch(number):
        raise ValueError("expected letters and digits (spaces and hyphens are ignored)")
    return number.upper()


@functools.lru_cache(maxsize=1024)
def phone_number(raw: str) -> str:
    """Any common written form, read as a mainland China number without a country code.

    Cached: one case often gives the same number two or three times (the phone,
    Alipay's, the bank's), and parsing one costs about 40 us.
    """
    import phonenumbers  # imported on first use: ~50 ms a run that holds no phone number

    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    elif re.match(r"^86[\s\-]", text):
        text = "+" + text
    try:
        parsed = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException as error:
        raise ValueError("expected a phone number such as +86 138 0013 8000") from error
    # Mainland numbers are checked against the numbering plan (catches a digit too
    # many or too few); numbers of other countries only for a possible length.
    plausible = (
        phonenumbers.is_valid_number(parsed)
        if parsed.country_code == 86
        else phonenumbers.is_possible_number(parsed)
    )
    if not plausible:
        raise ValueError("expected a phone number such as +86 138 0013 8000")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def name_words(raw: str) -> tuple[str, ...]:
    """Names compare as upper-case words: case and runs of spaces never make two differ."""
    return tuple(raw.upper().split())


def leaves_out_middle_names(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when `shorter` is `longer` with one or more middle names removed.

    Names are written SURNAME GIVEN [MIDDLE...]: the first two words stay, any
    later word may be left out, and the order of the rest is kept.
    """
    if len(shorter) >= len(longer) or len(shorter) < 2 or longer[:2] != shorter[:2]:
        return False
    remaining = iter(longer[2:])
    return all(word in remaining for word in shorter[2:])
