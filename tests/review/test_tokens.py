"""Review tokens: genuine ones open, expired, tampered, cut or re-signed ones do not."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from assistant.errors import ReviewLinkError
from assistant.review.tokens import ReviewClaims, decode, encode

KEY = b"k" * 64
NOW = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)
CLAIMS = ReviewClaims("abc123", "kaffeekontor-hamburg", date(2030, 3, 4), date(2030, 3, 10),
                      NOW + timedelta(days=7))


def test_round_trip() -> None:
    token = encode(CLAIMS, KEY)
    assert decode(token, KEY, NOW) == CLAIMS
    assert "/" not in token and "+" not in token and "=" not in token  # safe in a URL


def test_expired_token_names_the_date() -> None:
    token = encode(CLAIMS, KEY)
    with pytest.raises(ReviewLinkError, match="expired on 2030-03-08"):
        decode(token, KEY, NOW + timedelta(days=7))


def _with_body(token: str, **changes: object) -> str:
    version, body, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    data.update(changes)
    raw = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    return f"{version}.{raw}.{signature}"


@pytest.mark.parametrize("changes", [{"k": "tessaline-software"}, {"t": "2030-12-31"},
                                     {"e": 4102444800}, {"l": "other"}])
def test_a_changed_claim_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ReviewLinkError, match="not valid"):
        decode(_with_body(encode(CLAIMS, KEY), **changes), KEY, NOW)


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-3], lambda t: t + "x", lambda t: t.replace("v1.", "v2."),
    lambda t: t.rsplit(".", 1)[0], lambda t: "", lambda t: "v1..", lambda t: "a.b.c.d"])
def test_cut_or_garbled_tokens_are_refused(mangle: object) -> None:
    with pytest.raises(ReviewLinkError, match="not valid"):
        decode(mangle(encode(CLAIMS, KEY)), KEY, NOW)  # type: ignore[operator]


def test_a_token_signed_with_another_key_is_refused() -> None:
    with pytest.raises(ReviewLinkError, match="not valid"):
        decode(encode(CLAIMS, b"x" * 64), KEY, NOW)


def test_the_token_carries_no_key() -> None:
    token = encode(CLAIMS, KEY)
    assert "kkkk" not in token
    body = base64.urlsafe_b64decode(token.split(".")[1] + "==")
    assert set(json.loads(body)) == {"l", "k", "f", "t", "e"}
