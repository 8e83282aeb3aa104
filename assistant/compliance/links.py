"""Link checks: does every URL of a post answer? (httpx; the only network code here).

HEAD first, GET when the server refuses HEAD; redirects followed by hand so that each hop
passes the SSRF guard and loops are seen; a timeout per request; results cached in memory
for a while (a week's posts share links, and re-checking on every rerun would be slow).

Statuses: ok (2xx), redirected (2xx after redirects), broken (4xx/5xx, redirect loop, too
many redirects), blocked (401/403/429/999: the site refuses automated checks; a person must
look), unreachable (DNS, connect, timeout), refused (private address, never requested),
invalid (not an http(s) URL).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx
from pydantic import BaseModel, Field

from assistant.compliance.netguard import (
    AddressRefused,
    Guard,
    HostNotFound,
    PinnedTransport,
    Resolver,
    make_guard,
    system_resolver,
)
from assistant.compliance.urls import (
    find_urls,
    has_utm,
    is_own_domain,
    is_shortener,
    normalise_url,
)
from assistant.config import Settings, get_settings
from assistant.models import Problem, Severity

__all__ = [
    "LinkResult", "check_links", "clear_link_cache", "find_urls", "link_problems",
    "offline_link_problems",
]

LinkStatus = Literal["ok", "redirected", "broken", "blocked", "unreachable", "refused", "invalid"]
# servers that refuse HEAD (or answer it wrongly) get a GET before we call the link broken
HEAD_REFUSED = frozenset({400, 403, 404, 405, 501})
BLOCKED = frozenset({401, 403, 429, 999})
USER_AGENT = "Mozilla/5.0 (compatible; Postwerk link check)"
CACHE_TTL = 15 * 60.0
Progress = Callable[[int, int], None]


class LinkResult(BaseModel):
    url: str
    status: LinkStatus
    http_status: int | None = None
    final_url: str | None = None
    redirects: list[str] = Field(default_factory=list)
    method: str | None = None
    message: str = ""
    elapsed_ms: int = 0
    has_utm: bool = False
    shortener: bool = False
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "redirected")


_cache: dict[tuple[str, bool], tuple[float, LinkResult]] = {}
_cache_lock = threading.Lock()


def clear_link_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _cached(key: tuple[str, bool], ttl: float) -> LinkResult | None:
    with _cache_lock:
        hit = _cache.get(key)
    if hit and time.monotonic() - hit[0] < ttl:
        return hit[1].model_copy(update={"cached": True})
    return None


def _store(key: tuple[str, bool], result: LinkResult) -> None:
    with _cache_lock:
        _cache[key] = (time.monotonic(), result)


def _probe(client: httpx.Client, url: str) -> tuple[int, str | None, str]:
    """(status, Location header, method used) for one hop, without reading any body."""
    response = client.head(url)
    if response.status_code not in HEAD_REFUSED:
        return response.status_code, response.headers.get("location"), "HEAD"
    with client.stream("GET", url) as streamed:
        return streamed.status_code, streamed.headers.get("location"), "GET"


def _classify(status: int, chain: list[str]) -> tuple[LinkStatus, str]:
    if 200 <= status < 300:
        if len(chain) > 1:
            return "redirected", f"answers {status} after {len(chain) - 1} redirect(s)"
        return "ok", f"answers {status}"
    if status in BLOCKED:
        return "blocked", (
            f"the site answered {status} to an automated check; open the link by hand to be sure"
        )
    if 300 <= status < 400:
        return "broken", f"redirect {status} without a target (no Location header)"
    return "broken", f"answers {status}; fix or replace the link"


def _follow(client: httpx.Client, url: str, guard: Guard, max_redirects: int) -> LinkResult:
    chain, current = [url], url
    for _ in range(max_redirects + 1):
        reason = guard(current)
        if reason:
            hop = f" (redirect from {chain[-2]})" if len(chain) > 1 else ""
            return LinkResult(url=url, status="refused", message=reason + hop,
                              redirects=chain[1:])
        status, location, method = _probe(client, current)
        if 300 <= status < 400 and location:
            target = urljoin(current, location)
            if target in chain:
                loop = " -> ".join(chain[chain.index(target):] + [target])
                return LinkResult(url=url, status="broken", http_status=status, method=method,
                                  redirects=chain[1:], message=f"redirect loop: {loop}")
            chain.append(target)
            current = target
            continue
        kind, message = _classify(status, chain)
        return LinkResult(url=url, status=kind, http_status=status, method=method,
                          final_url=current, redirects=chain[1:], message=message)
    return LinkResult(url=url, status="broken", redirects=chain[1:],
                      message=f"more than {max_redirects} redirects; link to the final address")


def _invalid(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        return f"{url!r} is not a valid URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http(s) URL; write it like https://example.de/"
    return None


def check_one(client: httpx.Client, url: str, *, guard: Guard, max_redirects: int = 5,
              timeout: float = 5.0) -> LinkResult:
    """Check one URL with an open client; never raises for network trouble.

    ``guard(url)`` returns a refusal message for addresses that must not be requested;
    it runs before the first request and before every redirect hop.
    """
    target = normalise_url(url)
    started = time.monotonic()
    bad = _invalid(target)
    try:
        result = (LinkResult(url=url, status="invalid", message=bad) if bad
                  else _follow(client, target, guard, max_redirects))
    except HostNotFound as exc:
        result = LinkResult(url=url, status="unreachable", message=f"{exc}; check the spelling")
    except AddressRefused as exc:  # the name resolved differently when connecting
        result = LinkResult(url=url, status="refused", message=str(exc))
    except httpx.TimeoutException:
        result = LinkResult(url=url, status="unreachable",
                            message=f"no answer within {timeout:g} s")
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        result = LinkResult(url=url, status="invalid", message=f"{url!r} is not valid: {exc}")
    except httpx.HTTPError as exc:
        result = LinkResult(url=url, status="unreachable",
                            message=f"cannot connect: {type(exc).__name__}: {exc}".rstrip(": "))
    return result.model_copy(update={
        "url": url, "has_utm": has_utm(target), "shortener": is_shortener(target),
        "elapsed_ms": int((time.monotonic() - started) * 1000),
    })


def make_client(timeout: float, *, allow_private: bool = False, exempt: Collection[str] = (),
                resolver: Resolver = system_resolver) -> httpx.Client:
    # redirects by hand (guard + loop detection); no proxy from the environment; the
    # transport connects to the very address it checked (see netguard.PinnedTransport)
    transport = PinnedTransport(allow_private=allow_private, exempt=exempt, resolver=resolver)
    return httpx.Client(
        timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept": "*/*"}, transport=transport,
    )


def check_links(
    urls: Iterable[str],
    *,
    settings: Settings | None = None,
    timeout: float = 5.0,
    max_redirects: int = 5,
    use_cache: bool = True,
    cache_ttl: float = CACHE_TTL,
    progress: Progress | None = None,
    workers: int = 8,
    resolver: Resolver = system_resolver,
) -> list[LinkResult]:
    """One result per URL, in the given order; each distinct URL is requested once.

    ``resolver`` answers DNS questions (the system's; tests inject their own).
    """
    wanted = list(urls)
    allow_private = (settings or get_settings()).links_allow_private
    unique = list(dict.fromkeys(wanted))
    results: dict[str, LinkResult] = {}
    todo = []
    for url in unique:
        hit = _cached((url, allow_private), cache_ttl) if use_cache else None
        if hit:
            results[url] = hit
        else:
            todo.append(url)
    done = len(results)
    if progress:
        progress(done, len(unique))
    if todo:
        guard = make_guard(allow_private, resolver=resolver)
        client = make_client(timeout, allow_private=allow_private, resolver=resolver)
        with client, ThreadPoolExecutor(min(workers, len(todo))) as pool:
            futures = {pool.submit(check_one, client, url, guard=guard,
                                   max_redirects=max_redirects, timeout=timeout): url
                       for url in todo}
            for future, url in futures.items():
                results[url] = future.result()
                _store((url, allow_private), results[url])
                done += 1
                if progress:
                    progress(done, len(unique))
    return [results[url] for url in wanted]


def _p(code: str, severity: Severity, message: str) -> Problem:
    return Problem(code=code, severity=severity, message=message, source="compliance")


_STATUS_PROBLEMS: dict[str, tuple[str, Severity]] = {
    "broken": ("link_broken", Severity.ERROR),
    "invalid": ("link_invalid", Severity.ERROR),
    "refused": ("link_refused", Severity.ERROR),
    "unreachable": ("link_unreachable", Severity.WARNING),
    "blocked": ("link_blocked", Severity.WARNING),
}


def url_flag_problems(
    url: str, *, utm: bool, shortener: bool, own_domains: list[str] | None = None
) -> list[Problem]:
    """Shortener and UTM warnings for one URL (no network needed)."""
    out: list[Problem] = []
    if shortener:
        out.append(_p("link_shortener", Severity.WARNING,
                      f"{url} is a shortened link; readers cannot see where it goes, "
                      "link the full address (with UTM parameters) instead"))
    own = own_domains is None or is_own_domain(url, own_domains)
    if own and not utm and not shortener:
        out.append(_p("utm_missing", Severity.WARNING,
                      f"{url} has no UTM parameters; add them to see the post's "
                      "visits in your analytics"))
    return out


def link_problems(
    results: Iterable[LinkResult], *, own_domains: list[str] | None = None
) -> list[Problem]:
    """Problems of checked links. ``utm_missing`` only for ``own_domains`` when given."""
    out: list[Problem] = []
    for r in results:
        if r.status in _STATUS_PROBLEMS:
            code, severity = _STATUS_PROBLEMS[r.status]
            out.append(_p(code, severity, f"{r.url}: {r.message}"))
        if r.status not in ("invalid", "refused"):  # no point tagging what cannot be visited
            out += url_flag_problems(r.url, utm=r.has_utm, shortener=r.shortener,
                                     own_domains=own_domains)
    return out


def offline_link_problems(
    urls: Iterable[str], *, own_domains: list[str] | None = None
) -> list[Problem]:
    """What can be said about links without requesting them: invalid, shortener, no UTM."""
    out: list[Problem] = []
    for url in urls:
        bad = _invalid(normalise_url(url))
        if bad:
            out.append(_p("link_invalid", Severity.ERROR, f"{url}: {bad}"))
            continue
        out += url_flag_problems(url, utm=has_utm(normalise_url(url)),
                                 shortener=is_shortener(url), own_domains=own_domains)
    return out
