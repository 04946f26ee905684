"""Plain values of the alerts stage: a rendered message and what a notifier answers.

figures pass -> alert payload (DESIGN.md's alert JSON) -> render -> Rendered -> notifier.send
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from monitor.errors import MonitorError


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendered:
    """One message, in every form a notifier may send.

    ``payload`` is the JSON a webhook posts: one alert as DESIGN.md defines it, or for a
    digest ``{"digest": true, "watch": ..., "alerts": [alert, ...]}``.
    """

    subject: str
    text: str
    html: str
    slack: Mapping[str, Any]  # an incoming-webhook body: {"text": ..., "blocks": [...]}
    payload: Mapping[str, Any]


class DeliveryError(MonitorError):
    """A notifier could not deliver a message.

    ``kind`` is stable and short ("smtp_connect", "smtp_auth", "smtp_rejected",
    "http_status", "timeout", "network", "tls"); ``permanent`` says retrying cannot help (a 404,
    a rejected recipient, failed authentication); ``retry_after`` is the server's own wait in
    seconds (Slack's 429, any HTTP Retry-After). The message never holds a secret.
    """

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        permanent: bool = False,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.permanent = permanent
        self.retry_after = retry_after
        self.status = status


class Notifier(Protocol):
    """Sends rendered messages to one configured destination."""

    name: str

    def send(self, message: Rendered, *, idempotency_key: str) -> str:
        """Deliver ``message``; return the server's answer in a few words ("250 2.0.0 Ok").

        Raises DeliveryError. ``idempotency_key`` is the same on every retry of one delivery,
        so a receiver that honours it can drop a repeat.
        """
        ...
