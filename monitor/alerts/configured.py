"""The notifiers a configuration names, built once per daemon run."""

from __future__ import annotations

from typing import Any

from monitor.alerts.model import Notifier
from monitor.alerts.notifiers import build_notifier
from monitor.config import Settings
from monitor.store.types import utc_now


def build_notifiers(settings: Settings) -> dict[str, Notifier]:
    """Return a notifier for each ``[notify.NAME]`` table, by name."""
    return {
        name: build_notifier(notifier, timeout=settings.fetch.timeout)
        for name, notifier in settings.notifiers.items()
    }


def test_payload() -> dict[str, Any]:
    """An alert that says it is a test, for `monitor alerts test NOTIFIER`."""
    now = utc_now().isoformat()
    return {
        "id": 0,
        "kind": "new_measure",
        "watch": "test",
        "measure": "test message",
        "value": 1.0,
        "low": 1.0,
        "high": 1.0,
        "qualifier": "exact",
        "unit": "count",
        "thing": "test message from figure-monitor",
        "sentence": "This is a test message: the notifier works.",
        "article": {
            "url": "https://example.org/figure-monitor-test",
            "title": "figure-monitor test message",
            "site": "example.org",
            "published_at": now,
        },
        "previous": [],
        "created_at": now,
    }
