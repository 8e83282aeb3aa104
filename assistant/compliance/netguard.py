"""Guard against using the link checker to probe a network (SSRF).

Before any request, and again for every redirect hop, the host is resolved and every
address it resolves to must be globally routable: private (10/8, 172.16/12, 192.168/16,
fc00::/7), loopback, link-local (169.254/16, including the cloud metadata address
169.254.169.254), multicast, reserved, unspecified and carrier-grade NAT are refused
unless ``links_allow_private`` is set. A refused URL is never requested.

Known limit: the address is resolved here and again by httpx when it connects, so a DNS
server that answers differently within milliseconds (DNS rebinding) could slip past.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Collection
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Guard = Callable[[str], str | None]


class HostNotFound(Exception):
    """The host name does not resolve (reported as "unreachable", not "refused")."""


def address_kind(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be checked (e.g. "loopback"), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
    )
    for kind, hit in checks:
        if hit:
            return kind
    return None if ip.is_global else "non-public"


def resolve(host: str, port: int) -> list[IPAddress]:
    """The addresses ``host`` stands for (an IP literal stands for itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise HostNotFound(f"host {host} not found") from exc
    addresses: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in addresses:
            addresses.append(ip)
    return addresses


def refusal(url: str, allow_private: bool, exempt: Collection[str] = ()) -> str | None:
    """A message saying why ``url`` must not be requested, or None when it may be.

    ``exempt`` lists addresses allowed even when private (e.g. "127.0.0.1" for a local
    test site) without opening the whole private network.
    """
    if allow_private:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for ip in resolve(host, port):
        kind = address_kind(ip)
        if kind and str(ip) not in exempt:
            where = host if host == str(ip) else f"{host} ({ip})"
            return (
                f"refused to check {url}: {where} is a {kind} address; the link checker "
                "only visits public addresses (set POSTWERK_LINKS_ALLOW_PRIVATE=true to allow "
                "internal ones)"
            )
    return None


def make_guard(allow_private: bool, exempt: Collection[str] = ()) -> Guard:
    """The guard ``check_links`` runs before every request (every redirect hop too)."""
    frozen = frozenset(exempt)
    return lambda url: refusal(url, allow_private, frozen)
