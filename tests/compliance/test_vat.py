"""USt-IdNr. check digit (ISO 7064 MOD 11,10)."""

from __future__ import annotations

import pytest

from assistant.compliance.vat import (
    business_id_format_ok,
    is_valid_vat_id,
    make_vat_id,
    mod11_10_check_digit,
)


@pytest.mark.parametrize(("first_eight", "check"), [
    # computed with the MOD 11,10 recursion; the worked example is in the next test
    ("13669597", 6),   # DE136695976, the number python-stdnum's docs use as valid
    ("27418053", 4),   # DE274180534 (the coffee kit)
    ("00000000", 3),
    ("11111111", 7),
])
def test_check_digit(first_eight: str, check: int) -> None:
    assert mod11_10_check_digit(first_eight) == check


def test_check_digit_by_hand() -> None:
    # 1: (1+10)%10=1 -> 2*1%11=2;  2: (2+2)=4 -> 8;  3: (3+8)%10=1 -> 2;  4: 6 -> 12%11=1;
    # 5: 6 -> 1;  6: 7 -> 14%11=3;  7: 10%10=0->10 -> 20%11=9;  8: 17%10=7 -> 14%11=3
    # check = 11 - 3 = 8
    assert mod11_10_check_digit("12345678") == 8
    assert make_vat_id("12345678") == "DE123456788"


def test_check_digit_ten_becomes_zero() -> None:
    # find an eight-digit prefix whose product ends at 1 (11 - 1 = 10 -> 0)
    prefix = next(f"{n:08d}" for n in range(1000) if mod11_10_check_digit(f"{n:08d}") == 0)
    assert is_valid_vat_id(f"DE{prefix}0")


@pytest.mark.parametrize("vat", ["DE136695976", "de 136 695 976", "DE136.695.976",
                                 "DE274180534", "DE305619729"])
def test_valid(vat: str) -> None:
    assert is_valid_vat_id(vat)


@pytest.mark.parametrize("vat", ["DE136695977", "DE13669597", "AT136695976", "DE1366959761",
                                 "136695976", "DEABCDEFGHI", ""])
def test_invalid(vat: str) -> None:
    assert not is_valid_vat_id(vat)


def test_every_single_digit_typo_is_caught() -> None:
    vat = "DE274180534"
    for pos in range(2, 11):
        for digit in "0123456789":
            if digit != vat[pos]:
                assert not is_valid_vat_id(vat[:pos] + digit + vat[pos + 1:])


def test_non_digits_rejected() -> None:
    with pytest.raises(ValueError):
        mod11_10_check_digit("1234567x")


@pytest.mark.parametrize(("wid", "ok"), [("DE123456789", True), ("DE123456789-00001", True),
                                         ("DE 123456789-00001", True), ("DE1234", False),
                                         ("DE123456789-1", False)])
def test_business_id(wid: str, ok: bool) -> None:
    assert business_id_format_ok(wid) is ok
