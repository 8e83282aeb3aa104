"""Channel credentials, encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256).

The key is derived with HKDF-SHA256 from ``POSTWERK_SECRET_KEY`` under its own label, so the
secret that signs client review links never serves as the encryption key itself (one secret,
two independent keys). Without ``POSTWERK_SECRET_KEY`` nothing is stored: a token written in
the clear, or under a key kept next to the database, would not be protected at all.
Decrypted credentials live only in memory, in the provider that uses them.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from assistant.config import Settings
from assistant.errors import ConfigError

_LABEL = b"postwerk channel credentials v1"
NO_KEY = ("set POSTWERK_SECRET_KEY (a long random string, e.g. from `openssl rand -hex 32`) "
          "before connecting a channel; its tokens are stored encrypted with it")


class CredentialBox:
    """Seals a credentials mapping into one opaque string and opens it again."""

    def __init__(self, secret: str) -> None:
        if len(secret) < 16:
            raise ConfigError("POSTWERK_SECRET_KEY is too short to protect channel tokens; "
                              "use at least 16 characters, e.g. `openssl rand -hex 32`")
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                       info=_LABEL).derive(secret.encode())
        self._fernet = Fernet(base64.urlsafe_b64encode(derived))

    def __repr__(self) -> str:  # never the key, not even in a traceback's locals
        return "CredentialBox(<key hidden>)"

    def seal(self, credentials: Mapping[str, str]) -> str:
        raw = json.dumps(dict(credentials), sort_keys=True, ensure_ascii=False).encode()
        return self._fernet.encrypt(raw).decode("ascii")

    def open(self, sealed: str, max_age: int | None = None) -> dict[str, str]:
        """The mapping again; ``max_age`` (seconds) refuses older seals (OAuth states)."""
        try:
            raw = self._fernet.decrypt(sealed.encode("ascii"), ttl=max_age)
        except (InvalidToken, ValueError):
            if max_age is not None:
                raise ConfigError("the sign-in link has expired or was changed; start the "
                                  "connection again on the Channels page") from None
            raise ConfigError("cannot decrypt the channel's credentials: POSTWERK_SECRET_KEY "
                              "has changed since it was connected; set the old key or "
                              "connect the channel again") from None
        data = json.loads(raw)
        return {str(k): str(v) for k, v in data.items()}


def box_from_settings(settings: Settings) -> CredentialBox:
    """The box for this installation; ConfigError saying what to set when there is no key."""
    secret = settings.secret_key.get_secret_value() if settings.secret_key else ""
    if not secret.strip():
        raise ConfigError(NO_KEY)
    return CredentialBox(secret)
