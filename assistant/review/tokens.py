"""Review tokens (pure): ``v1.<claims>.<signature>``, both parts base64url.

The claims name the link (a random public id), the kit, the first and last day and the expiry
as a Unix time; the signature is HMAC-SHA256 over ``v1.<claims>`` with the signing key. The
token carries nothing secret: it is a signed statement, and revocation is checked against the
link records by the service (a signature alone cannot be taken back).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from assistant.errors import ReviewLinkError

VERSION = "v1"
TAMPERED = "this review link is not valid (it was changed or cut off); ask for a new link"


@dataclass(frozen=True)
class ReviewClaims:
    link_id: str
    kit_id: str
    first_day: date
    last_day: date
    expires_at: datetime  # aware, UTC


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(message: str, key: bytes) -> str:
    return _b64(hmac.new(key, message.encode("ascii"), hashlib.sha256).digest())


def encode(claims: ReviewClaims, key: bytes) -> str:
    body = {"l": claims.link_id, "k": claims.kit_id, "f": claims.first_day.isoformat(),
            "t": claims.last_day.isoformat(), "e": int(claims.expires_at.timestamp())}
    message = f"{VERSION}.{_b64(json.dumps(body, separators=(',', ':')).encode())}"
    return f"{message}.{_signature(message, key)}"


def decode(token: str, key: bytes, now: datetime) -> ReviewClaims:
    """The claims of a genuine, unexpired token; ReviewLinkError with one line otherwise."""
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != VERSION:
        raise ReviewLinkError(TAMPERED)
    message = f"{parts[0]}.{parts[1]}"
    # compare first, parse after: nothing of an unsigned token is ever read
    if not hmac.compare_digest(_signature(message, key), parts[2]):
        raise ReviewLinkError(TAMPERED)
    claims = _claims(parts[1])
    if now >= claims.expires_at:
        raise ReviewLinkError(
            f"this review link expired on {claims.expires_at:%Y-%m-%d %H:%M} UTC; "
            "ask for a new link")
    return claims


def _claims(part: str) -> ReviewClaims:
    try:
        body = json.loads(_unb64(part))
        return ReviewClaims(
            link_id=str(body["l"]), kit_id=str(body["k"]),
            first_day=date.fromisoformat(body["f"]), last_day=date.fromisoformat(body["t"]),
            expires_at=datetime.fromtimestamp(int(body["e"]), UTC))
    except (ValueError, KeyError, TypeError, binascii.Error, OverflowError):
        raise ReviewLinkError(TAMPERED) from None
