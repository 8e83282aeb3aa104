"""Credentials out of every URL that is shown or stored (one rule, used everywhere).

A URL may carry a secret in its userinfo (``http://user:sk-...@host/v1``,
``postgresql://bob:pa/ss@db/x``) or in its query (``?api_key=...``, ``?token=...``). Such
URLs end up in messages, in a failed item's ``error``, in ``draft --json`` and in
``model status``; ``mask_url`` is what every one of those paths shows instead.
"""

from __future__ import annotations

import re

MASK = "***"
# a scheme other than these is a database URL (sqlite, postgresql+psycopg, mysql, ...)
_WEB_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
# userinfo as SQLAlchemy reads it: a user without ":" or "/", then anything up to the last
# "@" before the host (a password may hold "/", which a URL parser would take for a path)
_USERINFO_RE = re.compile(r"^([a-z][a-z0-9+.-]*://)([^:/@\s]*)(?::([^@\s]*))?@", re.IGNORECASE)
# no scheme at all (a mistyped setting like "postgresql//user:pw@host"): user:password@
_LOOSE_USERINFO_RE = re.compile(r"([^:/@\s]+):([^@\s]*)@")
# name=value where the name says it is a secret: in a URL's query and in free text alike
_SECRET_PARAM_RE = re.compile(
    r"(?<![\w.\-])((?:[\w.\-]*[_.\-])?(?:api[_-]?key|key|token|secret|password|passwd|pwd|"
    r"sig|signature|auth|authorization|credentials?))=([^&#;\s\"']*)",
    re.IGNORECASE,
)
# a URL inside free text (an error message, a note): up to whitespace or a quote
_URL_IN_TEXT_RE = re.compile(r"[a-z][a-z0-9+.-]*://[^\s'\"<>`]+", re.IGNORECASE)


def _database_url(url: str) -> str | None:
    """SQLAlchemy's own rendering with the password hidden, or None if it is not one."""
    # SQLAlchemy's parser is the one that reads POSTWERK_DATABASE_URL, so it is the one
    # that knows where that password ends; imported here only (a parser, no database)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    return parsed.render_as_string(hide_password=True)


def _mask_userinfo(url: str) -> str:
    def shown(m: re.Match[str]) -> str:
        # user:password -> user:***; a bare user part may itself be a token -> ***
        user = f"{m.group(2)}:{MASK}" if m.group(3) is not None else MASK
        return f"{m.group(1)}{user}@"

    return _USERINFO_RE.sub(shown, url, count=1)


def mask_url(url: str) -> str:
    """``url`` with the password (or a bare token) of its userinfo and the values of
    secret-looking query parameters (key, token, api_key, secret, ...) replaced by ***."""
    if not url:
        return url
    scheme = _SCHEME_RE.match(url)
    masked = url
    if scheme and scheme.group(1).lower() not in _WEB_SCHEMES:
        masked = _database_url(url) or _mask_userinfo(url)
    elif scheme:
        masked = _mask_userinfo(url)
    else:
        masked = _LOOSE_USERINFO_RE.sub(lambda m: f"{m.group(1)}:{MASK}@", url, count=1)
    return _mask_named(masked)


def _mask_named(text: str) -> str:
    return _SECRET_PARAM_RE.sub(lambda m: f"{m.group(1)}={MASK}" if m.group(2) else m.group(), text)


def mask_text(text: str | None) -> str | None:
    """``text`` with every URL in it passed through ``mask_url`` and every other
    ``token=...``-style value masked (messages, notes, errors, log records)."""
    if not text:
        return text
    if "://" in text:
        text = _URL_IN_TEXT_RE.sub(lambda m: mask_url(m.group()), text)
    return _mask_named(text) if "=" in text else text
