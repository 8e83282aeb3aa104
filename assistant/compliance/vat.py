"""German VAT ID (USt-IdNr.) and business ID (W-IdNr.) checks (pure).

A German USt-IdNr. is ``DE`` followed by nine digits; the ninth digit is a check
digit computed over the first eight with ISO 7064 MOD 11,10 (the "hybrid"
system the Bundeszentralamt für Steuern uses). Checking it locally catches
typos before they end up in an Impressum; it does not prove the number was
issued (only the BZSt/VIES confirmation service can say that).
"""

from __future__ import annotations

import re

_VAT_RE = re.compile(r"DE\d{9}")
# W-IdNr.: DE + nine digits, optionally "-" and a five-digit distinguishing feature.
_BUSINESS_ID_RE = re.compile(r"DE\d{9}(-\d{5})?")


def normalise_vat_id(value: str) -> str:
    """Upper-case and drop the spaces, dots and dashes people type into VAT IDs."""
    return re.sub(r"[\s.\-]", "", value).upper()


def mod11_10_check_digit(digits: str) -> int:
    """ISO 7064 MOD 11,10 check digit over a string of decimal digits."""
    if not digits.isdigit():
        raise ValueError(f"{digits!r} must contain decimal digits only")
    product = 10
    for char in digits:
        total = (int(char) + product) % 10
        if total == 0:
            total = 10
        product = (2 * total) % 11
    check = 11 - product
    return 0 if check == 10 else check


def vat_id_format_ok(value: str) -> bool:
    """True when ``value`` (after normalising) is DE followed by nine digits."""
    return _VAT_RE.fullmatch(normalise_vat_id(value)) is not None


def vat_id_check_digit_ok(value: str) -> bool:
    """True when the ninth digit matches the MOD 11,10 check digit of the first eight."""
    vat = normalise_vat_id(value)
    if _VAT_RE.fullmatch(vat) is None:
        return False
    return mod11_10_check_digit(vat[2:10]) == int(vat[10])


def is_valid_vat_id(value: str) -> bool:
    return vat_id_format_ok(value) and vat_id_check_digit_ok(value)


def make_vat_id(first_eight: str) -> str:
    """The valid USt-IdNr. for eight digits (used to build examples and tests)."""
    if len(first_eight) != 8:
        raise ValueError("give exactly eight digits")
    return f"DE{first_eight}{mod11_10_check_digit(first_eight)}"


def business_id_format_ok(value: str) -> bool:
    """W-IdNr. form: DE + nine digits, optionally -NNNNN."""
    compact = re.sub(r"[\s.]", "", value).upper()
    return _BUSINESS_ID_RE.fullmatch(compact) is not None
