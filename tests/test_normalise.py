"""facts-v1's comparison rules for document numbers, phone numbers and names."""

from __future__ import annotations

import pytest

from engine.facts.normalise import (
    document_number,
    leaves_out_middle_names,
    name_words,
    phone_number,
)


@pytest.mark.parametrize(
    "written", ["+86 138 0013 8000", "86-138-0013-8000", "13800138000", "0086 138 0013 8000"]
)
def test_phone_forms_normalise_to_one_number(written):
    assert phone_number(written) == "+8613800138000"


def test_foreign_phone_keeps_its_country():
    assert phone_number("+44 7911 123456") == "+447911123456"


@pytest.mark.parametrize("written", ["12345", "abc", "1380013800", ""])
def test_not_a_phone_number(written):
    with pytest.raises(ValueError, match="phone number"):
        phone_number(written)


def test_document_numbers_ignore_case_spaces_and_hyphens():
    assert document_number(" e98-765 432 ") == "E98765432"
    with pytest.raises(ValueError):
        document_number("E98/765")


def test_names_are_upper_case_words():
    assert name_words("  smith   John ") == ("SMITH", "JOHN")


@pytest.mark.parametrize(
    ("longer", "shorter", "expected"),
    [
        ("SMITH JOHN MICHAEL", "SMITH JOHN", True),
        ("SMITH JOHN A B", "SMITH JOHN B", True),
        ("SMITH JOHN MICHAEL", "SMITH MICHAEL", False),
        ("SMITH JOHN", "SMITH JOHN", False),
        ("SMITH JOHN MICHAEL", "JOHN SMITH", False),
        ("SMITH JOHN A B", "SMITH JOHN B A", False),
    ],
)
def test_leaving_out_middle_names(longer, shorter, expected):
    assert leaves_out_middle_names(tuple(longer.split()), tuple(shorter.split())) is expected
