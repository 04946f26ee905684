"""Who holds a lease, and whether that holder is gone.

A daemon leases the work it takes (a source's poll, a batch of deliveries) under its name,
``host:pid``. A lease normally ends when the work does, or when it expires because its holder
died. A daemon restarted on the same host need not wait for that: a holder on this host whose
process no longer runs is gone, and so is this very process when it claims again (whatever it
still holds is left from work that failed, say in a database outage, since a daemon never
claims while its own work is in flight).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable
from pathlib import Path


def daemon_owner() -> str:
    """Return the name this process leases work under."""
    return f"{socket.gethostname()}:{os.getpid()}"


def gone_owners(holders: Iterable[str], *, me: str) -> set[str]:
    """Return the lease holders among ``holders`` known to be gone (module docstring).

    A holder on another host, or named otherwise than ``host:pid``, is never known to be gone:
    its lease runs out instead."""
    host, _, _ = me.rpartition(":")
    gone = set()
    for holder in holders:
        holder_host, _, pid = holder.rpartition(":")
        if holder == me or (holder_host == host and pid.isdigit() and not _running(int(pid))):
            gone.add(holder)
    return gone


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
        return True  # no /proc (not Linux): signal 0 is all there is to know
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]
