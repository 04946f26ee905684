"""Who holds a lease, and whether that holder is gone.

A daemon leases the work it takes (a source's poll, a batch of deliveries) under its name,
``host:pid:scope:token``. A lease normally ends when the work does, or when it expires because
its holder died. A daemon restarted where its predecessor ran need not wait for that: a holder
whose process it can see has ended is gone, and so is this very process when it claims again
(whatever it still holds is left from work that failed, say in a database outage, since a
daemon never claims while its own work is running).

Seeing a process takes more than a host name: two containers on one host network share it,
and both may run as pid 1. The ``scope`` says where a pid means something (the kernel's boot
and the pid namespace); only a holder of the same scope is checked, and the random ``token``
tells this process from an earlier one that had its pid. Any other holder's lease runs out.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

_UNKNOWN_SCOPE = "-"


class _Owner(NamedTuple):
    host: str
    pid: int
    scope: str
    token: str


_this_process: tuple[int, str] | None = None


def daemon_owner() -> str:
    """Return the name this process leases work under (the same for the process's life)."""
    global _this_process
    if _this_process is None or _this_process[0] != os.getpid():
        _this_process = (os.getpid(), owner_name(os.getpid(), secrets.token_hex(4)))
    return _this_process[1]


def owner_name(pid: int, token: str) -> str:
    """Return the lease holder's name of process ``pid`` of this host and scope."""
    # The lease columns hold 200 characters; a host name may be longer.
    return f"{socket.gethostname()[:100]}:{pid}:{_scope()}:{token}"


def gone_owners(holders: Iterable[str], *, me: str) -> set[str]:
    """Return the lease holders among ``holders`` known to be gone (module docstring)."""
    mine = _parse(me)
    gone = set()
    for holder in holders:
        other = _parse(holder)
        if holder == me:
            gone.add(holder)
        elif mine is None or other is None or other.scope == _UNKNOWN_SCOPE:
            continue
        elif (other.host, other.scope) != (mine.host, mine.scope):
            continue
        elif other.pid == mine.pid or not _running(other.pid):
            gone.add(holder)  # our pid is no longer its process's, or that process ended
    return gone


def _parse(name: str) -> _Owner | None:
    parts = name.split(":")
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    return _Owner(parts[0], int(parts[1]), parts[2], parts[3])


def _scope() -> str:
    """A short name for this kernel boot and pid namespace, or "-" where there is no /proc."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        return _UNKNOWN_SCOPE
    return hashlib.sha256(f"{boot} {namespace}".encode()).hexdigest()[:8]


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: running
    # A killed daemon whose parent has not reaped it yet is a zombie: it runs no more.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]
