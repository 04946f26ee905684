"""Slack: the rendered blocks POSTed to an incoming webhook."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from monitor.alerts.model import Rendered
from monitor.alerts.notifiers import option, register
from monitor.alerts.notifiers.http import post
from monitor.config.settings import NotifierSettings
from monitor.secrets import Secret


# Not frozen: the Notifier protocol declares ``name`` a plain (writable) attribute.
@dataclass(slots=True, kw_only=True)
class SlackNotifier:
    """Posts ``Rendered.slack`` to a Slack incoming webhook (whose URL is its only secret)."""

    name: str
    webhook_url: Secret = field(repr=False)
    timeout: float = 20.0

    def send(self, message: Rendered, *, idempotency_key: str) -> str:
        """Post the message; Slack answers "200 ok". Slack ignores idempotency keys."""
        body = json.dumps(message.slack, ensure_ascii=False, allow_nan=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8"}
        return post(
            f"slack notifier {self.name!r}",
            self.webhook_url.reveal(),
            body,
            headers,
            timeout=self.timeout,
        )


@register("slack")
def build_slack(settings: NotifierSettings, *, timeout: float) -> SlackNotifier:
    """Build the notifier of a ``type = "slack"`` table."""
    return SlackNotifier(
        name=settings.name, webhook_url=option(settings, "webhook_url", Secret), timeout=timeout
    )
