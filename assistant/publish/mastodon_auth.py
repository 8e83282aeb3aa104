"""The OAuth app flow for Mastodon, for users who prefer it to pasting an access token.

1. ``register_app``: Postwerk registers itself on the user's server (POST /api/v1/apps) and
   gets a client id and secret for that server.
2. ``authorization_url``: the user opens it, logs in on their own server and approves the
   scopes; the server shows a code (or sends it to ``redirect_uri``).
3. ``exchange_code``: the code becomes an access token (POST /oauth/token). The result is the
   channel's credentials, to be stored encrypted by the credentials store.
"""

from __future__ import annotations

import requests
from mastodon import Mastodon, MastodonError

from assistant.publish.base import ProviderError
from assistant.publish.mastodon import ASSUMED_VERSION

# The least a publisher needs: who am I, my recent statuses (find_existing), post and upload.
SCOPES = ["read:accounts", "read:statuses", "write:media", "write:statuses"]
OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob"  # the server shows the code for the user to paste


def _base(base_url: str) -> str:
    url = base_url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        url = f"https://{url}"
    return url


def register_app(base_url: str, *, redirect_uri: str = OUT_OF_BAND, app_name: str = "Postwerk",
                 session: requests.Session | None = None,
                 timeout: float = 30.0) -> tuple[str, str]:
    """Register Postwerk on the server; returns (client_id, client_secret)."""
    try:
        return Mastodon.create_app(app_name, scopes=SCOPES, redirect_uris=redirect_uri,
                                   api_base_url=_base(base_url), session=session,
                                   request_timeout=timeout)
    except (MastodonError, KeyError, ValueError) as exc:
        raise ProviderError("transient", f"Could not register Postwerk on {base_url} ({exc}); "
                            "check the server address and try again") from exc


def authorization_url(base_url: str, client_id: str, *, redirect_uri: str = OUT_OF_BAND,
                      state: str | None = None) -> str:
    """Where the user approves Postwerk on their server (no request is made here)."""
    api = Mastodon(client_id=client_id, client_secret="unused", api_base_url=_base(base_url))
    return api.auth_request_url(redirect_uris=redirect_uri, scopes=SCOPES, state=state,
                                skip_server_info=True)


def exchange_code(base_url: str, client_id: str, client_secret: str, code: str, *,
                  redirect_uri: str = OUT_OF_BAND, session: requests.Session | None = None,
                  timeout: float = 30.0) -> dict[str, str]:
    """The approved code turned into the channel's credentials (base_url, access_token, app)."""
    url = _base(base_url)
    # a known version: else log_in asks the server for it, and Mastodon.py 2.3 recurses
    # without end on a server whose /api/v1/instance fails
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=url,
                   session=session, request_timeout=timeout, mastodon_version=ASSUMED_VERSION,
                   version_check_mode="created")
    try:
        token = api.log_in(code=code.strip(), redirect_uri=redirect_uri, scopes=SCOPES,
                           allow_http=url.startswith("http://"))
    except MastodonError as exc:
        raise ProviderError("auth", f"{url} did not accept the code ({exc}); open the "
                            "authorization link again and paste the new code") from exc
    return {"base_url": url, "access_token": token, "client_id": client_id,
            "client_secret": client_secret}
