"""A database that stops answering is an expected state of a long-running daemon, not a defect.

PostgreSQL restarting, a network partition, SQLite's disk full: every tick would fail the same
way, and logging each failure with its traceback every few seconds buries the one line that
matters. ``DatabaseOutage`` keeps the state instead: one line when the database stops
answering, ticks spaced by a capped exponential backoff while it does not, one line when it is
back. Work cut short is not lost: an entry is marked processed only in the transaction that
stores it, a figure decided only in the one that stores the decision, and the daemon takes
over its own leases at its next claim (``monitor.owners``), so the first tick after recovery
polls, decides and sends what the outage interrupted.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

FIRST_WAIT = 5.0  # seconds before the first retry; doubles up to LONGEST_WAIT
LONGEST_WAIT = 120.0


@dataclass
class DatabaseOutage:
    """Whether the daemon's database answers, and when to try it again (module docstring)."""

    target: str  # the database as it may be printed: no password
    since: float | None = None
    failures: int = 0
    next_try: float = 0.0

    def may_try(self) -> bool:
        """Whether a tick may run now (always, unless the database is down and the backoff
        has not run out)."""
        return self.since is None or time.monotonic() >= self.next_try

    def failed(self, reason: str) -> None:
        """Record a tick that the database failed; the first of an outage is logged."""
        now = time.monotonic()
        if self.since is None:
            self.since = now
            log.warning(
                "database unavailable (%s): %s; retrying every %.0f s to %.0f s",
                self.target,
                reason,
                FIRST_WAIT,
                LONGEST_WAIT,
                extra={"kind": "database_unavailable"},
            )
        else:
            log.debug("database still unavailable: %s", reason)
        self.failures += 1
        self.next_try = now + min(LONGEST_WAIT, FIRST_WAIT * 2.0 ** (self.failures - 1))

    def succeeded(self) -> None:
        """Record a tick that reached the database; the end of an outage is logged."""
        if self.since is not None:
            log.warning(
                "database available again (%s) after %.0f s",
                self.target,
                time.monotonic() - self.since,
                extra={"kind": "database_available"},
            )
        self.since, self.failures, self.next_try = None, 0, 0.0
