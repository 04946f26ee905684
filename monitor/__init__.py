"""figure-monitor: watch the news for figures that are new or have changed."""

from __future__ import annotations

__version__ = "0.1.0"
