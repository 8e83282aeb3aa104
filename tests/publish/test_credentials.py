"""Credentials: sealed with a key derived from POSTWERK_SECRET_KEY, refused without one."""

from __future__ import annotations

import pytest

from assistant.config import load_settings
from assistant.errors import ConfigError
from assistant.publish.credentials import CredentialBox, box_from_settings

CREDS = {"base_url": "https://social.example", "access_token": "tok-123-secret-value"}


def test_sealed_credentials_open_again_and_hide_the_token() -> None:
    box = CredentialBox("a-long-enough-secret-key")
    sealed = box.seal(CREDS)
    assert "tok-123" not in sealed and "social.example" not in sealed
    assert box.open(sealed) == CREDS
    assert "a-long" not in repr(box)


def test_the_encryption_key_is_not_the_review_link_key() -> None:
    """HKDF under its own label: the raw secret does not decrypt the sealed credentials."""
    import base64

    from cryptography.fernet import Fernet, InvalidToken

    secret = "0123456789abcdef0123456789abcdef"
    sealed = CredentialBox(secret).seal(CREDS)
    raw_key = Fernet(base64.urlsafe_b64encode(secret.encode()[:32]))
    with pytest.raises(InvalidToken):
        raw_key.decrypt(sealed.encode())


def test_another_key_cannot_open_them_and_says_what_to_do() -> None:
    sealed = CredentialBox("first-secret-key-1234").seal(CREDS)
    with pytest.raises(ConfigError, match="POSTWERK_SECRET_KEY has changed") as info:
        CredentialBox("second-secret-key-5678").open(sealed)
    assert "\n" not in str(info.value)


def test_no_key_no_storing() -> None:
    with pytest.raises(ConfigError, match="set POSTWERK_SECRET_KEY"):
        box_from_settings(load_settings())
    with pytest.raises(ConfigError, match="too short"):
        box_from_settings(load_settings(secret_key="short"))
