"""Guard against using the link checker to probe a network (SSRF).

Every address a host resolves to must be globally routable: private (10/8, 172.16/12,
192.168/16, fc00::/7), loopback, link-local (169.254/16, including the cloud metadata address
169.254.169.254), multicast, reserved, unspecified, carrier-grade NAT and IPv6 site-local
(fec0::/10) are refused unless ``links_allow_private`` is set, and so are IPv6 addresses that
carry an IPv4 address inside (IPv4-mapped ``::ffff:a.b.c.d``, IPv4-compatible ``::a.b.c.d``,
6to4 ``2002::/16``, Teredo, NAT64 ``64:ff9b::/96``) when that address would be refused.

Two layers: ``refusal`` answers early with a clear message (before the first request and
every redirect hop), and ``PinnedTransport``, the transport of every link-check client,
resolves the host once per request, checks every address, and connects to exactly the
checked one (the URL's host replaced by it; the Host header and the TLS server name, SNI
and certificate check, stay the name). A DNS server that answers a public address first and
127.0.0.1 a moment later (DNS rebinding) gets nowhere: the second answer is checked too,
and nothing resolves a third time behind the check. A refused URL is never requested.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Collection
from urllib.parse import urlsplit

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Guard = Callable[[str], str | None]
Resolver = Callable[[str, int], list[IPAddress]]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class HostNotFound(Exception):
    """The host name does not resolve (reported as "unreachable", not "refused")."""


class AddressRefused(httpx.TransportError):
    """The transport refused to connect: the host resolved to an address not allowed."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it carries one."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # the client's address
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_kind(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be checked (e.g. "loopback"), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            kind = address_kind(inner)
            return f"{kind} IPv4-in-IPv6" if kind else None
        if ip.is_site_local:
            return "site-local"
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


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """The addresses the system's resolver gives for ``host``."""
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


def resolve(host: str, port: int, resolver: Resolver = system_resolver) -> list[IPAddress]:
    """The addresses ``host`` stands for (an IP literal stands for itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        return resolver(host, port)


def _why_not(host: str, ip: IPAddress, url: str) -> str:
    where = host if host == str(ip) else f"{host} ({ip})"
    return (
        f"refused to check {url}: {where} is a {address_kind(ip)} address; the link checker "
        "only visits public addresses (set POSTWERK_LINKS_ALLOW_PRIVATE=true to allow "
        "internal ones)"
    )


def refusal(url: str, allow_private: bool, exempt: Collection[str] = (),
            resolver: Resolver = system_resolver) -> str | None:
    """A message saying why ``url`` must not be requested, or None when it may be.

    ``exempt`` lists addresses allowed even when private (e.g. "127.0.0.1" for a local
    test site) without opening the whole private network.
    """
    if allow_private:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for ip in resolve(host, port, resolver):
        if address_kind(ip) and str(ip) not in exempt:
            return _why_not(host, ip, url)
    return None


def make_guard(allow_private: bool, exempt: Collection[str] = (),
               resolver: Resolver = system_resolver) -> Guard:
    """The guard ``check_links`` runs before every request (every redirect hop too)."""
    frozen = frozenset(exempt)
    return lambda url: refusal(url, allow_private, frozen, resolver)


class PinnedTransport(httpx.HTTPTransport):
    """Resolve once, check every address, connect to exactly the checked one."""

    def __init__(self, *, allow_private: bool = False, exempt: Collection[str] = (),
                 resolver: Resolver = system_resolver) -> None:
        super().__init__()
        self.allow_private = allow_private
        self.exempt = frozenset(exempt)
        self.resolver = resolver

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        addresses = resolve(host, port, self.resolver)
        if not addresses:
            raise HostNotFound(f"host {host} not found")
        if not self.allow_private:
            for ip in addresses:
                if address_kind(ip) and str(ip) not in self.exempt:
                    raise AddressRefused(_why_not(host, ip, str(request.url)), request=request)
        # the Host header was set from the URL when the request was built and stays the name
        request.url = request.url.copy_with(host=str(addresses[0]))
        if request.url.scheme == "https":
            request.extensions = {**request.extensions, "sni_hostname": host}
        return super().handle_request(request)
