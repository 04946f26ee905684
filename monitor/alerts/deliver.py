"""The delivery tick: claim due deliveries, render and send them, record each outcome.

A delivery is claimed under a lease (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite's write
transactions take turns), sent outside any transaction, and its outcome committed after:

- sent: done, with the time;
- a passing failure: tried again after an exponential backoff with jitter, or after the
  server's own ``Retry-After`` when it is longer;
- a permanent failure, or ``MAX_ATTEMPTS`` passing ones: failed for good with its kind (the
  dead letters of ``monitor alerts --failed``; ``monitor alerts retry ID`` revives one).

A crash between sending and committing leaves the lease to expire; the next claim sends that
one message again, under the same idempotency key (docs/alerts.md: what each channel makes of
it). Nothing is lost: a delivery is only marked sent after its server accepted it.
"""

from __future__ import annotations

import hashlib
import logging
import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.orm import Session

from monitor.alerts.model import DeliveryError, Notifier, Rendered
from monitor.alerts.render import render_alert, render_digest
from monitor.alerts.render_source import is_source_alert, render_source_alert
from monitor.owners import gone_owners
from monitor.store.db import write_engine
from monitor.store.tables import Alert, Delivery
from monitor.store.types import utc_now

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
FIRST_RETRY = 30.0  # seconds; doubles with each attempt
LONGEST_RETRY = 6 * 3600.0
# A claim is renewed before each message it holds is sent, so its lease need only outlast one
# message (a slow SMTP server's few steps); one older than this died with its daemon. Claims are
# small, so a crash holds back a few messages, not the outbox.
LEASE = timedelta(minutes=2)
CLAIM_BATCH = 10


@dataclass(frozen=True, slots=True)
class Claimed:
    """A delivery taken for sending, with what its message is made of."""

    id: int
    notifier: str
    idempotency_key: str
    attempts: int
    digest: bool
    watch: str
    payload: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one message (a digest's message covers several deliveries)."""

    notifier: str
    delivery_ids: tuple[int, ...]
    status: str  # "sent", "retry", "failed"
    answer: str  # the server's reply, or the error
    error_kind: str | None = None
    retry_after: float | None = None  # the server's own wait, for a passing failure


def deliver_due(
    engine: Engine,
    notifiers: Mapping[str, Notifier],
    *,
    owner: str,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> list[Outcome]:
    """Send every delivery that is due, batch after batch; return what happened to each
    message. A batch is leased as a whole, so a crash holds back one small batch."""
    now = now or utc_now()
    rng = rng or random.Random()
    outcomes = []
    tried: set[int] = set()
    # Batch after batch until no due delivery is left, however many a poll queued; one tried
    # in this pass waits for the next (a retry whose wait ends before ``now`` included).
    while claimed := claim_due(engine, owner=owner, now=now, skip=tried):
        tried.update(delivery.id for delivery in claimed)
        unsent = {delivery.id for delivery in claimed}
        for notifier_name, deliveries, rendered, key in _messages(claimed):
            _renew(engine, unsent, owner=owner)
            unsent.difference_update(delivery.id for delivery in deliveries)
            outcome = _send(notifiers.get(notifier_name), notifier_name, deliveries, rendered, key)
            _record(engine, outcome, deliveries, now=utc_now(), rng=rng)
            outcomes.append(outcome)
    return outcomes


def claim_due(
    engine: Engine, *, owner: str, now: datetime, skip: Collection[int] = ()
) -> list[Claimed]:
    """Lease the due deliveries to ``owner``, but those in ``skip``, and return them.

    A delivery whose lease has expired is claimed again, and so is one leased by a daemon known
    to be gone (``monitor.owners``): a restarted daemon resends at once what it was sending."""
    with Session(write_engine(engine)) as session, session.begin():
        holders = session.scalars(
            select(Delivery.lease_owner)
            .where(Delivery.status == "pending", Delivery.lease_expires_at >= now)
            .distinct()
        )
        gone = gone_owners([holder for holder in holders if holder is not None], me=owner)
        query = (
            select(Delivery, Alert.watch, Alert.payload)
            .join(Alert, Alert.id == Delivery.alert_id)
            .where(
                Delivery.status == "pending",
                Delivery.next_attempt_at <= now,
                or_(
                    Delivery.lease_expires_at.is_(None),
                    Delivery.lease_expires_at < now,
                    Delivery.lease_owner.in_(gone),
                ),
                Delivery.id.not_in(skip),
            )
            .order_by(Delivery.next_attempt_at, Delivery.id)
            .limit(CLAIM_BATCH)
            .with_for_update(of=Delivery, skip_locked=True)
        )
        rows = session.execute(query).all()
        claimed = []
        for delivery, watch, payload in rows:
            delivery.lease_owner, delivery.lease_expires_at = owner, now + LEASE
            claimed.append(
                Claimed(
                    id=delivery.id,
                    notifier=delivery.notifier,
                    idempotency_key=delivery.idempotency_key,
                    attempts=delivery.attempts,
                    digest=delivery.digest,
                    watch=watch,
                    payload=payload,
                )
            )
    return claimed


def _renew(engine: Engine, delivery_ids: Collection[int], *, owner: str) -> None:
    """Extend ``owner``'s lease on the deliveries of a batch not yet sent."""
    if not delivery_ids:
        return
    with Session(write_engine(engine)) as session, session.begin():
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(delivery_ids), Delivery.lease_owner == owner)
            .values(lease_expires_at=utc_now() + LEASE)
        )


def backoff(attempts: int, rng: random.Random, retry_after: float | None = None) -> float:
    """Seconds to wait before attempt ``attempts + 1``: doubling, jittered, at least the
    server's ``Retry-After``."""
    delay: float = min(LONGEST_RETRY, FIRST_RETRY * 2.0 ** max(attempts - 1, 0))
    # Jitter spreads daemons that failed together, so they do not retry together.
    delay *= rng.uniform(0.5, 1.0)
    return max(delay, retry_after or 0.0)


def _messages(
    claimed: Sequence[Claimed],
) -> list[tuple[str, list[Claimed], Rendered, str]]:
    """Group the claimed deliveries into messages: one each, or one per digest."""
    messages: list[tuple[str, list[Claimed], Rendered, str]] = []
    digests: dict[tuple[str, str], list[Claimed]] = {}
    for delivery in claimed:
        if delivery.digest:
            digests.setdefault((delivery.watch, delivery.notifier), []).append(delivery)
        else:
            render = render_source_alert if is_source_alert(delivery.payload) else render_alert
            rendered = render(delivery.payload)
            messages.append((delivery.notifier, [delivery], rendered, delivery.idempotency_key))
    for (watch, notifier), group in digests.items():
        rendered = render_digest(watch, [delivery.payload for delivery in group])
        key = _digest_key(group)
        messages.append((notifier, group, rendered, key))
    return messages


def _digest_key(group: Sequence[Claimed]) -> str:
    keys = "\n".join(sorted(delivery.idempotency_key for delivery in group))
    return hashlib.sha256(keys.encode()).hexdigest()


def _send(
    notifier: Notifier | None,
    name: str,
    deliveries: Sequence[Claimed],
    rendered: Rendered,
    key: str,
) -> Outcome:
    ids = tuple(delivery.id for delivery in deliveries)
    if notifier is None:
        message = f"no notifier {name!r} is configured any more"
        return Outcome(name, ids, "failed", message, "unknown_notifier")
    try:
        answer = notifier.send(rendered, idempotency_key=key)
    except DeliveryError as error:
        status = "failed" if error.permanent else "retry"
        log.warning("alerts: %s: %s", name, error, extra={"kind": error.kind})
        return Outcome(name, ids, status, str(error), error.kind, error.retry_after)
    except Exception as error:  # a defect in a notifier: logged, retried, never fatal
        log.exception("alerts: %s failed unexpectedly", name)
        return Outcome(name, ids, "retry", type(error).__name__, "unexpected")
    return Outcome(name, ids, "sent", answer)


def _record(
    engine: Engine,
    outcome: Outcome,
    deliveries: Sequence[Claimed],
    *,
    now: datetime,
    rng: random.Random,
) -> None:
    with Session(write_engine(engine)) as session, session.begin():
        for claimed in deliveries:
            row = session.get(Delivery, claimed.id)
            if row is None:
                continue  # its alert was deleted meanwhile
            row.attempts = claimed.attempts + 1
            row.lease_owner, row.lease_expires_at = None, None
            if outcome.status == "sent":
                row.status, row.sent_at = "sent", now
                row.last_error_kind, row.last_error = None, None
                continue
            row.last_error_kind, row.last_error = outcome.error_kind, outcome.answer[:1000]
            if outcome.status == "failed" or row.attempts >= MAX_ATTEMPTS:
                row.status = "failed"
            else:
                delay = backoff(row.attempts, rng, outcome.retry_after)
                row.next_attempt_at = now + timedelta(seconds=delay)
