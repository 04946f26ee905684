"""Configuration: one TOML file, environment overrides, checked before anything starts."""

from __future__ import annotations

from monitor.config.load import load_settings
from monitor.config.settings import (
    FetchSettings,
    MonitorSettings,
    NotifierSettings,
    Settings,
    SourceSettings,
    WatchSettings,
)
from monitor.errors import ConfigError

__all__ = [
    "ConfigError",
    "FetchSettings",
    "MonitorSettings",
    "NotifierSettings",
    "Settings",
    "SourceSettings",
    "WatchSettings",
    "load_settings",
]
