"""Which addresses the fetcher may connect to: public ones, and networks an operator allows."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable, Sequence

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _plain(address: IPAddress) -> IPAddress:
    """Return the IPv4 address inside an IPv4-mapped IPv6 one (``::ffff:127.0.0.1``), else it."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_special(address: IPAddress) -> bool:
    """Return whether an address is anything but public unicast (loopback, private...)."""
    address = _plain(address)
    return (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
        # Also catches shared address space (100.64.0.0/10, carrier-grade NAT), which is
        # neither private nor global.
        or not address.is_global
    )


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Return the addresses a host resolves to: itself for an IP literal, else by DNS.

    Raises OSError (``socket.gaierror``) when the name does not resolve.
    """
    try:
        return [_plain(ipaddress.ip_address(host))]
    except ValueError:
        pass
    # getaddrinfo, not a DNS library: it reads the host names the connection will use too
    # (/etc/hosts, odd spellings such as "127.1" or "2130706433").
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    families = (socket.AF_INET, socket.AF_INET6)
    return [
        _plain(ipaddress.ip_address(str(info[4][0]).partition("%")[0]))
        for info in infos
        if info[0] in families
    ]


class AddressPolicy:
    """Refuses special addresses unless private ones are allowed or the network is listed."""

    def __init__(self, *, allow_private: bool, allowed: Sequence[Network] = ()) -> None:
        self.checks = not allow_private
        self._allowed = tuple(allowed)

    def refused(self, addresses: Iterable[IPAddress]) -> IPAddress | None:
        """Return the first address the fetcher must not connect to, or None."""
        if not self.checks:
            return None
        for address in addresses:
            if is_special(address) and not any(address in net for net in self._allowed):
                return address
        return None
