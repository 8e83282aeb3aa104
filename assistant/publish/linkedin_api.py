"""LinkedIn's HTTP edge: the versioned REST headers, errors sorted into kinds, and OAuth2.

The connect flow (personal profile, self-serve "Share on LinkedIn" + "Sign In with LinkedIn
using OpenID Connect" products of the user's developer app):

1. ``authorization_url``: the user approves the scopes ``openid profile w_member_social``.
2. ``exchange_code``: the code becomes an access token (valid 60 days; LinkedIn says how long
   in ``expires_in``), and ``/v2/userinfo`` names the member (``sub`` -> ``urn:li:person:..``).
   The result is the channel's credentials: access_token, expires_at (ISO), member_urn and,
   where LinkedIn grants one, refresh_token.
3. ``refresh_credentials``: a new access token from the refresh token, when there is one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx

from assistant.config import Settings
from assistant.publish.base import ProviderError
from assistant.publish.http_errors import kind_for_status, retry_after_seconds

SCOPES = ("openid", "profile", "w_member_social")
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class LinkedInApp:
    """Where LinkedIn is and which developer app and API version Postwerk uses."""

    api_url: str = "https://api.linkedin.com"
    oauth_url: str = "https://www.linkedin.com"
    version: str = "202605"
    client_id: str | None = None
    client_secret: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> LinkedInApp:
        secret = settings.linkedin_client_secret
        return cls(api_url=settings.linkedin_api_url, oauth_url=settings.linkedin_oauth_url,
                   version=settings.linkedin_version, client_id=settings.linkedin_client_id,
                   client_secret=secret.get_secret_value() if secret else None)

    def rest_headers(self, token: str) -> dict[str, str]:
        """Every /rest/ call: the token, the API month and Rest.li protocol 2.0.0."""
        return {"Authorization": f"Bearer {token}", "LinkedIn-Version": self.version,
                "X-Restli-Protocol-Version": "2.0.0"}


def _reason(response: httpx.Response) -> str:
    """LinkedIn's ``message`` (or OAuth's ``error_description``) of an error answer."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason_phrase
    if not isinstance(body, dict):
        return str(body)[:200]
    return str(body.get("message") or body.get("error_description") or body.get("error")
               or response.reason_phrase)


def _until_utc_midnight(now: datetime) -> float:
    """LinkedIn's daily quotas (150 posts per member) start again at midnight UTC."""
    tomorrow = (now.astimezone(UTC) + timedelta(days=1)).replace(hour=0, minute=0, second=0,
                                                                 microsecond=0)
    return (tomorrow - now).total_seconds()


def error_for(response: httpx.Response, action: str, now: datetime) -> ProviderError:
    """One ProviderError for a LinkedIn error answer, with what to do next."""
    code, reason = response.status_code, _reason(response)
    kind = kind_for_status(code)
    retry_after = retry_after_seconds(response.headers, now)
    if kind == "auth":
        message = (f"LinkedIn refused the access token while {action} ({reason}); "
                   "reconnect the channel on the Channels page")
    elif kind == "rate_limit":
        message = f"LinkedIn's rate limit was reached while {action} ({reason})"
        if retry_after is None and "DAY" in reason.upper():
            retry_after = _until_utc_midnight(now)
    elif kind == "transient":
        message = f"LinkedIn answered {code} while {action}; it will be tried again"
    elif code == 426:
        message = (f"LinkedIn no longer serves API version ({reason}); set "
                   "POSTWERK_LINKEDIN_VERSION to a current month (YYYYMM)")
    else:
        message = f"LinkedIn refused this post: {reason}"
    return ProviderError(kind, message, retry_after=retry_after, status_code=code)


def send(client: httpx.Client, method: str, url: str, action: str, *, now: Clock = utc_now,
         **kwargs: Any) -> httpx.Response:
    """One request; a network failure or an error answer becomes a ProviderError."""
    try:
        response = client.request(method, url, **kwargs)
    except httpx.TransportError as exc:
        raise ProviderError("transient", f"LinkedIn did not answer while {action} "
                            f"({type(exc).__name__}); it will be tried again") from exc
    if response.status_code >= 400:
        raise error_for(response, action, now())
    return response


def authorization_url(app: LinkedInApp, redirect_uri: str, state: str) -> str:
    """Where the user approves Postwerk; LinkedIn sends the code to ``redirect_uri``."""
    if not app.client_id:
        raise ProviderError("auth", "No LinkedIn app is configured; set "
                            "POSTWERK_LINKEDIN_CLIENT_ID and POSTWERK_LINKEDIN_CLIENT_SECRET")
    query = urlencode({"response_type": "code", "client_id": app.client_id,
                       "redirect_uri": redirect_uri, "state": state, "scope": " ".join(SCOPES)})
    return f"{app.oauth_url}/oauth/v2/authorization?{query}"


def _token_request(client: httpx.Client, app: LinkedInApp, form: dict[str, str],
                   now: Clock) -> dict[str, Any]:
    if not app.client_id or not app.client_secret:
        raise ProviderError("auth", "No LinkedIn app is configured; set "
                            "POSTWERK_LINKEDIN_CLIENT_ID and POSTWERK_LINKEDIN_CLIENT_SECRET")
    form = {**form, "client_id": app.client_id, "client_secret": app.client_secret}
    url = f"{app.oauth_url}/oauth/v2/accessToken"
    try:
        response = client.post(url, data=form)
    except httpx.TransportError as exc:
        raise ProviderError("transient", "LinkedIn did not answer while getting an access "
                            f"token ({type(exc).__name__}); try again") from exc
    if response.status_code in (400, 401):  # invalid_grant: a used, expired or wrong code
        raise ProviderError("auth", f"LinkedIn did not accept the authorization "
                            f"({_reason(response)}); connect the channel again",
                            status_code=response.status_code)
    if response.status_code >= 400:
        raise error_for(response, "getting an access token", now())
    body: dict[str, Any] = response.json()
    return body


def _credentials(body: Mapping[str, Any], member_urn: str, now: datetime,
                 old_refresh: str | None = None) -> dict[str, str]:
    expires_at = now + timedelta(seconds=int(body.get("expires_in", 0)))
    credentials = {"access_token": str(body["access_token"]),
                   "expires_at": expires_at.isoformat(), "member_urn": member_urn}
    refresh = body.get("refresh_token") or old_refresh
    if refresh:
        credentials["refresh_token"] = str(refresh)
    return credentials


def exchange_code(app: LinkedInApp, code: str, redirect_uri: str, *,
                  client: httpx.Client | None = None, now: Clock = utc_now) -> dict[str, str]:
    """The approved code turned into the channel's credentials (see the module docstring)."""
    with httpx.Client(timeout=30.0) if client is None else _borrowed(client) as http:
        body = _token_request(http, app, {"grant_type": "authorization_code",
                                          "code": code.strip(), "redirect_uri": redirect_uri},
                              now)
        who = send(http, "GET", f"{app.api_url}/v2/userinfo", "reading the member's id",
                   now=now, headers={"Authorization": f"Bearer {body['access_token']}"}).json()
    return _credentials(body, f"urn:li:person:{who['sub']}", now())


@contextmanager
def _borrowed(client: httpx.Client) -> Iterator[httpx.Client]:
    """A caller's client, used without closing it."""
    yield client


def refresh_credentials(client: httpx.Client, app: LinkedInApp, credentials: Mapping[str, str],
                        *, now: Clock = utc_now) -> dict[str, str]:
    """New credentials from the refresh token (the member URN stays)."""
    body = _token_request(client, app, {"grant_type": "refresh_token",
                                        "refresh_token": credentials["refresh_token"]}, now)
    return _credentials(body, credentials["member_urn"], now(), credentials["refresh_token"])
