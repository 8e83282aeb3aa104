"""Link checks against a real HTTP server on 127.0.0.1, and the SSRF guard."""

from __future__ import annotations

import time

import pytest

from assistant.compliance.links import (
    check_links,
    check_one,
    clear_link_cache,
    link_problems,
    make_client,
    offline_link_problems,
)
from assistant.compliance.netguard import address_kind, make_guard, refusal
from assistant.config import Settings

from .conftest import Server


def one(server: Server, path: str, settings: Settings, **kw: object) -> object:
    return check_links([server.url(path)], settings=settings, **kw)[0]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "status", "http_status"),
    [
        ("/ok", "ok", 200),
        ("/redirect", "redirected", 200),
        ("/missing", "broken", 404),
        ("/error", "broken", 500),
        ("/nohead", "ok", 200),
        ("/blocked", "blocked", 403),
        ("/nolocation", "broken", 302),
    ],
)
def test_statuses(http_server: Server, allow_loopback: Settings, path: str, status: str,
                  http_status: int) -> None:
    result = check_links([http_server.url(path)], settings=allow_loopback, timeout=2)[0]
    assert (result.status, result.http_status) == (status, http_status), result.message


def test_redirect_records_chain_and_final_url(
    http_server: Server, allow_loopback: Settings
) -> None:
    result = check_links([http_server.url("/redirect")], settings=allow_loopback)[0]
    assert result.final_url == http_server.url("/ok")
    assert result.redirects == [http_server.url("/ok")]
    assert result.ok


def test_head_refused_falls_back_to_get(http_server: Server, allow_loopback: Settings) -> None:
    result = check_links([http_server.url("/nohead")], settings=allow_loopback)[0]
    assert result.method == "GET"
    assert http_server.hits["HEAD /nohead"] == 1 and http_server.hits["GET /nohead"] == 1


def test_head_is_enough_when_answered(http_server: Server, allow_loopback: Settings) -> None:
    check_links([http_server.url("/ok")], settings=allow_loopback)
    assert http_server.hits["HEAD /ok"] == 1 and http_server.hits["GET /ok"] == 0


def test_hang_times_out(http_server: Server, allow_loopback: Settings) -> None:
    started = time.monotonic()
    result = check_links([http_server.url("/hang")], settings=allow_loopback, timeout=0.5)[0]
    assert result.status == "unreachable"
    assert "0.5 s" in result.message
    assert time.monotonic() - started < 3


def test_redirect_loop_detected(http_server: Server, allow_loopback: Settings) -> None:
    result = check_links([http_server.url("/loop-a")], settings=allow_loopback)[0]
    assert result.status == "broken"
    assert "redirect loop" in result.message
    assert http_server.hits["HEAD /loop-a"] == 1 and http_server.hits["HEAD /loop-b"] == 1


def test_redirect_limit(http_server: Server, allow_loopback: Settings) -> None:
    ok = check_links([http_server.url("/chain/3")], settings=allow_loopback, max_redirects=3)[0]
    assert ok.status == "redirected" and len(ok.redirects) == 3
    clear_link_cache()
    too_many = check_links([http_server.url("/chain/4")], settings=allow_loopback,
                           max_redirects=3)[0]
    assert too_many.status == "broken" and "more than 3 redirects" in too_many.message


def test_connection_refused_is_unreachable(allow_loopback: Settings) -> None:
    # port 9 (discard) on loopback: nothing listens there in the test environment
    result = check_links(["http://127.0.0.1:9/"], settings=allow_loopback, timeout=1)[0]
    assert result.status == "unreachable"


def test_cache_serves_repeat_without_request(http_server: Server, allow_loopback: Settings) -> None:
    url = http_server.url("/ok")
    first = check_links([url, url], settings=allow_loopback)
    assert http_server.hits["total"] == 1  # duplicates in one call are checked once
    again = check_links([url], settings=allow_loopback)[0]
    assert http_server.hits["total"] == 1 and again.cached and not first[0].cached
    check_links([url], settings=allow_loopback, use_cache=False)
    assert http_server.hits["total"] == 2


def test_cache_expires(http_server: Server, allow_loopback: Settings) -> None:
    url = http_server.url("/ok")
    check_links([url], settings=allow_loopback)
    check_links([url], settings=allow_loopback, cache_ttl=0)
    assert http_server.hits["total"] == 2


def test_results_in_input_order_with_progress(http_server: Server,
                                              allow_loopback: Settings) -> None:
    urls = [http_server.url(p) for p in ("/ok", "/missing", "/redirect", "/ok")]
    seen: list[tuple[int, int]] = []
    results = check_links(urls, settings=allow_loopback, progress=lambda d, t: seen.append((d, t)))
    assert [r.url for r in results] == urls
    assert [r.status for r in results] == ["ok", "broken", "redirected", "ok"]
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)


def test_invalid_urls_never_requested(allow_loopback: Settings) -> None:
    results = check_links(["ftp://example.de/x", "https://", "http://[::1"],
                          settings=allow_loopback)
    assert [r.status for r in results] == ["invalid"] * 3


# --- SSRF guard ----------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://192.168.1.1/admin",
                                 "http://169.254.169.254/latest/meta-data/",
                                 "http://[::1]:8080/", "http://[fd00::1]/",
                                 "http://[::ffff:10.0.0.1]/", "http://0.0.0.0/",
                                 "http://100.64.0.1/", "http://224.0.0.1/"])
def test_private_addresses_refused_without_request(strict: Settings, url: str) -> None:
    started = time.monotonic()
    result = check_links([url], settings=strict, timeout=5, use_cache=False)[0]
    assert result.status == "refused"
    assert "refused to check" in result.message and "POSTWERK_LINKS_ALLOW_PRIVATE" in result.message
    # a request to a non-routable address would hang until the timeout
    assert time.monotonic() - started < 1


def test_loopback_refused_when_not_allowed(http_server: Server, strict: Settings) -> None:
    result = check_links([http_server.url("/ok")], settings=strict)[0]
    assert result.status == "refused" and "loopback" in result.message
    assert http_server.hits["total"] == 0


def test_hostname_resolving_to_loopback_refused(http_server: Server, strict: Settings) -> None:
    port = http_server.base.rsplit(":", 1)[1]
    result = check_links([f"http://localhost:{port}/ok"], settings=strict)[0]
    assert result.status == "refused"
    assert http_server.hits["total"] == 0


def test_redirect_hop_to_private_address_refused(http_server: Server) -> None:
    # loopback exempt for the test site only; the hop to 10.0.0.1 must still be refused
    guard = make_guard(False, exempt={"127.0.0.1"})
    with make_client(2.0, exempt={"127.0.0.1"}) as client:
        result = check_one(client, http_server.url("/to-private"), guard=guard)
    assert result.status == "refused"
    assert "10.0.0.1" in result.message and "redirect from" in result.message
    assert http_server.hits["total"] == 1


def test_cache_key_includes_the_guard_setting(http_server: Server, strict: Settings,
                                              allow_loopback: Settings) -> None:
    url = http_server.url("/ok")
    assert check_links([url], settings=strict)[0].status == "refused"
    assert check_links([url], settings=allow_loopback)[0].status == "ok"


def test_address_kinds() -> None:
    import ipaddress

    kinds = {a: address_kind(ipaddress.ip_address(a)) for a in
             ("10.0.0.1", "127.0.0.1", "169.254.169.254", "8.8.8.8", "2001:4860::8888")}
    assert kinds == {"10.0.0.1": "private", "127.0.0.1": "loopback",
                     "169.254.169.254": "link-local", "8.8.8.8": None,
                     "2001:4860::8888": None}
    assert refusal("http://10.0.0.1/", allow_private=True) is None


# --- problems --------------------------------------------------------------------------

def test_link_problems(http_server: Server, allow_loopback: Settings) -> None:
    urls = [http_server.url("/missing"), http_server.url("/hang"),
            http_server.url("/ok?utm_source=x")]
    results = check_links(urls, settings=allow_loopback, timeout=0.5)
    codes = [(p.code, p.severity.value) for p in link_problems(results)]
    assert ("link_broken", "error") in codes
    assert ("link_unreachable", "warning") in codes
    assert codes.count(("utm_missing", "warning")) == 2  # /missing and /hang, not the UTM one


def test_utm_only_for_own_domains() -> None:
    problems = offline_link_problems(
        ["https://www.moewenbohne.example/shop", "https://zeitung.example/artikel",
         "https://bit.ly/abc", "mailto:x@y.de"],
        own_domains=["moewenbohne.example"],
    )
    codes = [(p.code, p.message.split(" ")[0]) for p in problems]
    assert codes == [
        ("utm_missing", "https://www.moewenbohne.example/shop"),
        ("link_shortener", "https://bit.ly/abc"),
        ("link_invalid", "mailto:x@y.de:"),
    ]


def test_refused_link_gets_no_utm_noise(strict: Settings) -> None:
    results = check_links(["http://192.168.1.1/admin"], settings=strict)
    assert [p.code for p in link_problems(results)] == ["link_refused"]
