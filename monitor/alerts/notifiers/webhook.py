"""Webhook: the alert JSON POSTed to any URL, signed when a secret is configured.

A receiver checks ``X-Figure-Monitor-Signature: sha256=HEX`` by computing HMAC-SHA256 of the
raw request body with the shared secret, and drops repeats by ``Idempotency-Key``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field

from monitor.alerts.model import Rendered
from monitor.alerts.notifiers import option, register
from monitor.alerts.notifiers.http import post
from monitor.config.settings import NotifierSettings
from monitor.secrets import Secret

SIGNATURE_HEADER = "X-Figure-Monitor-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def signature(secret: str, body: bytes) -> str:
    """Return the signature header value of ``body``: ``sha256=`` and the hex HMAC."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


# Not frozen: the Notifier protocol declares ``name`` a plain (writable) attribute.
@dataclass(slots=True, kw_only=True)
class WebhookNotifier:
    """Posts ``Rendered.payload`` as JSON to ``url``."""

    name: str
    url: Secret = field(repr=False)
    secret: Secret | None = field(default=None, repr=False)
    timeout: float = 20.0

    def send(self, message: Rendered, *, idempotency_key: str) -> str:
        """Post the payload; return the receiver's status and first words ("200 OK")."""
        # The signature covers these exact bytes, so they are made once and sent as they are.
        body = json.dumps(message.payload, ensure_ascii=False, allow_nan=False).encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            IDEMPOTENCY_HEADER: idempotency_key,
        }
        if self.secret is not None:
            headers[SIGNATURE_HEADER] = signature(self.secret.reveal(), body)
        return post(
            f"webhook notifier {self.name!r}",
            self.url.reveal(),
            body,
            headers,
            timeout=self.timeout,
        )


@register("webhook")
def build_webhook(settings: NotifierSettings, *, timeout: float) -> WebhookNotifier:
    """Build the notifier of a ``type = "webhook"`` table."""
    secret = settings.options.get("secret")
    return WebhookNotifier(
        name=settings.name,
        url=option(settings, "url", Secret),
        secret=option(settings, "secret", Secret) if secret is not None else None,
        timeout=timeout,
    )
