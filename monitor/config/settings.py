"""The checked configuration: plain frozen values handed to each part of the daemon.

There is no global settings object: the command line builds one ``Settings`` and passes it on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from monitor.errors import ConfigError
from monitor.figures.exclusions import SMALL_SPELLED_MAX
from monitor.secrets import Secret
from monitor.sources.health import HealthRule


@dataclass(frozen=True, slots=True, kw_only=True)
class MonitorSettings:
    database_url: str
    log_level: str
    metrics_port: int = 0  # 0: the daemon serves no metrics of its own
    metrics_host: str = "127.0.0.1"


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchSettings:
    timeout: float
    max_bytes: int
    max_redirects: int
    concurrency: int
    per_host: int
    host_interval: float
    respect_robots: bool
    allow_private_addresses: bool
    user_agent: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureSettings:
    """The ``[figures]`` table; ``synonyms`` holds only the configured words (word -> group).

    ``monitor.figures.options.figure_options`` lays them over the built-in table.
    """

    small_spelled_max: int = SMALL_SPELLED_MAX
    synonyms: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class RecheckSettings:
    """When stored articles are fetched again to see whether they were edited."""

    on_feed_change: bool = True
    window: float = 48 * 3600.0  # seconds after publication
    every: float = 6 * 3600.0
    per_tick: int = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class HealthSettings:
    """When a source's failures or silence raise an operator alert, and to whom."""

    notify: tuple[str, ...] | None = None  # None: every configured notifier
    failing_after: int = 3
    silent_factor: int = 4
    silent_min: float = 6 * 3600.0  # seconds

    def rule(self) -> HealthRule:
        return HealthRule(
            failing_after=self.failing_after,
            silent_factor=self.silent_factor,
            min_silence=timedelta(seconds=self.silent_min),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceSettings:
    name: str
    type: str
    every: float
    fetch_all: bool
    url: str | None = None
    query: str | None = None
    language: str | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchSettings:
    name: str
    query: str
    notify: tuple[str, ...]
    mode: str
    digest_every: float
    max_per_hour: int = 20
    measures: tuple[str, ...] = ()  # lower case; empty: every measure alerts


@dataclass(frozen=True, slots=True, kw_only=True)
class NotifierSettings:
    """One ``[notify.NAME]`` table; ``options`` holds the keys of its type, already checked."""

    name: str
    type: str
    options: Mapping[str, object]
    origin: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    origin: str
    monitor: MonitorSettings
    fetch: FetchSettings
    sources: tuple[SourceSettings, ...] = ()
    watches: tuple[WatchSettings, ...] = ()
    notifiers: Mapping[str, NotifierSettings] = field(default_factory=dict)
    figures: FigureSettings = field(default_factory=FigureSettings)
    recheck: RecheckSettings = field(default_factory=RecheckSettings)
    health: HealthSettings = field(default_factory=HealthSettings)

    def health_notifiers(self) -> tuple[str, ...]:
        """The notifiers that get source-health alerts."""
        if self.health.notify is None:
            return tuple(sorted(self.notifiers))
        return self.health.notify

    def missing_secrets(self) -> list[ConfigError]:
        """Return one error for each ``env:NAME`` secret whose variable is not set."""
        errors = []
        for notifier in self.notifiers.values():
            for key, value in notifier.options.items():
                if isinstance(value, Secret) and not value.is_set:
                    errors.append(
                        ConfigError(
                            notifier.origin or self.origin,
                            f"notify.{notifier.name}.{key}",
                            f"environment variable {value.env_name} is not set",
                        )
                    )
        return errors

    def require_secrets(self) -> None:
        """Raise the first missing-secret error: the daemon must not start half-configured."""
        missing = self.missing_secrets()
        if missing:
            raise missing[0]
