"""Fetch an imported image URL through the link checker's SSRF guard (httpx).

The guard runs before the request and before every redirect hop, with the link checker's
own client (no proxies from the environment); the body is read up to a size cap and must be
declared as an image. Whether the bytes really are an image is the media store's check.
"""

from __future__ import annotations

import time
from urllib.parse import urljoin, urlsplit

import httpx

from assistant.compliance.links import make_client
from assistant.compliance.netguard import AddressRefused, HostNotFound, make_guard
from assistant.errors import InputError
from assistant.queue.media_store import MAX_MEDIA_BYTES

MAX_REDIRECTS = 3
FETCH_TIMEOUT = 10.0


class MediaFetchError(InputError):
    """An image URL that was refused or could not be fetched."""


def is_url(ref: str) -> bool:
    return urlsplit(ref).scheme.lower() in ("http", "https")


def fetch_image(url: str, *, allow_private: bool = False, timeout: float = FETCH_TIMEOUT,
                max_bytes: int = MAX_MEDIA_BYTES) -> bytes:
    """The body of ``url`` (an image, at most ``max_bytes``) or one MediaFetchError."""
    guard = make_guard(allow_private)
    current = url
    # httpx's timeout is per read; a server dripping one byte at a time needs a total bound
    deadline = time.monotonic() + 3 * timeout
    try:
        with make_client(timeout, allow_private=allow_private) as client:
            for _ in range(MAX_REDIRECTS + 1):
                if not is_url(current):
                    raise MediaFetchError(f"{url}: only http(s) image URLs can be fetched")
                reason = guard(current)
                if reason:
                    raise MediaFetchError(reason)
                with client.stream("GET", current) as response:
                    location = response.headers.get("location")
                    if response.is_redirect and location:
                        current = urljoin(current, location)
                        continue
                    return _body(url, response, max_bytes, deadline)
    except HostNotFound as exc:
        raise MediaFetchError(f"{url}: {exc}; check the address") from None
    except AddressRefused as exc:  # the name resolved to a refused address when connecting
        raise MediaFetchError(str(exc)) from None
    except httpx.TimeoutException:
        raise MediaFetchError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise MediaFetchError(f"{url}: cannot fetch ({type(exc).__name__})") from None
    raise MediaFetchError(f"{url}: more than {MAX_REDIRECTS} redirects; link the image itself")


def _body(url: str, response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    if response.status_code != 200:
        raise MediaFetchError(f"{url}: the server answered {response.status_code}")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not kind.startswith("image/"):
        raise MediaFetchError(f"{url}: is {kind or 'of no declared type'}, not an image")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise MediaFetchError(f"{url}: {_size(int(declared))} is over the {_size(max_bytes)} "
                              "a queue image may have")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise MediaFetchError(f"{url}: over the {_size(max_bytes)} a queue image may have")
        if time.monotonic() > deadline:
            raise MediaFetchError(f"{url}: the download takes too long; host the image "
                                  "somewhere faster or put it in a ZIP")
        chunks.append(chunk)
    return b"".join(chunks)


def _size(count: int) -> str:
    return f"{count / 2**20:.1f} MB" if count >= 2**20 else f"{count / 1024:.1f} KB"
