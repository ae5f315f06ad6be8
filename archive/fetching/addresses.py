"""Which addresses the fetcher may reach: web addresses on the public internet.

Cited URLs come from ingested documents, which anyone with an upload may write;
a server that fetched them blindly could be made to read its own network (a
metadata service, an admin page on localhost). So each host is resolved first
and every address it resolves to is checked, at the start and after every
redirect; the address actually connected to is checked again once the response
starts, before its body is read. ``allow_private`` lifts the check (a test
server on 127.0.0.1, an intranet archive).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

SCHEMES = ("http", "https")


class Refused(Exception):
    """The fetcher will not request this address; the message says why."""


def check_url(url: str, allow_private: bool) -> None:
    """Raise ``Refused`` unless ``url`` is http(s) and its host may be reached
    (``LookupError`` if its host cannot be resolved)."""
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise Refused(f"{url!r} is not a web address")
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise Refused(f"only http and https addresses are fetched, not {url!r}")
    if not parts.hostname:
        raise Refused(f"{url!r} names no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise Refused(f"{url!r} has a bad port") from error
    for address in resolve(parts.hostname, port):
        check_address(address, parts.hostname, allow_private)


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to; ``LookupError`` if it resolves to none."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise LookupError(f"DNS: {host} could not be resolved") from error
    return sorted({info[4][0] for info in found})


def check_address(address: str, host: str, allow_private: bool = False) -> None:
    """Raise ``Refused`` if ``address`` (of ``host``) is not a public one."""
    if allow_private:
        return
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    kind = _private_kind(ip)
    if kind:
        raise Refused(
            f"{host} resolves to {kind} address {ip}; such addresses are fetched "
            "only with --allow-private"
        )


def _private_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if ip.is_loopback:
        return "the loopback"
    if ip.is_link_local:
        return "a link-local"
    if ip.is_multicast:
        return "a multicast"
    if ip.is_unspecified or ip.is_reserved:
        return "a reserved"
    if ip.is_private or not ip.is_global:
        return "a private"
    return None
