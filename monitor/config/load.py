"""Find, read and check the configuration file; apply environment overrides.

The file is ``--config PATH``, else ``$MONITOR_CONFIG``, else ``./monitor.toml``, else the
built-in defaults. ``MONITOR_<KEY>`` overrides a ``[monitor]`` key, ``MONITOR_FETCH_<KEY>`` a
``[fetch]`` key, ``MONITOR_FIGURES_<KEY>`` a ``[figures]`` key other than the synonyms table and
``MONITOR_RECHECK_<KEY>`` a ``[recheck]`` key, ``MONITOR_HEALTH_<KEY>`` a ``[health]`` key,
``MONITOR_NOTIFY_<NAME>_<KEY>`` a key of ``[notify.NAME]`` (the name upper case, "-" as "_").
Sources, watches and synonyms are tables and come from the file only.
Every problem is a ConfigError naming the file (or variable), the key and what is wrong.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from monitor.config import keys as k
from monitor.config import values as v
from monitor.config.settings import (
    FetchSettings,
    FigureSettings,
    HealthSettings,
    MonitorSettings,
    NotifierSettings,
    RecheckSettings,
    Settings,
    SourceSettings,
    WatchSettings,
)
from monitor.errors import ConfigError

DEFAULT_FILE = "monitor.toml"
CONFIG_ENV = "MONITOR_CONFIG"
BUILT_IN = "built-in defaults"
SECTIONS = ("monitor", "fetch", "figures", "recheck", "health", "source", "watch", "notify")
# Prefixes owned entirely by the configuration, so a misspelt variable is an error, not ignored.
_STRICT_PREFIXES = (
    "MONITOR_FETCH_",
    "MONITOR_FIGURES_",
    "MONITOR_RECHECK_",
    "MONITOR_HEALTH_",
    "MONITOR_NOTIFY_",
)
_NOTIFIER_NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")

RawTable = dict[str, Any]


def config_path(explicit: str | os.PathLike[str] | None, environ: Mapping[str, str]) -> Path | None:
    """Return the configuration file to read, or None for the built-in defaults."""
    if explicit is not None:
        return Path(explicit)
    if environ.get(CONFIG_ENV):
        return Path(environ[CONFIG_ENV])
    default = Path(DEFAULT_FILE)
    return default if default.is_file() else None


def load_settings(
    path: str | os.PathLike[str] | None = None, *, environ: Mapping[str, str] | None = None
) -> Settings:
    """Return the checked settings from the configuration file and the environment."""
    environ = os.environ if environ is None else environ
    chosen = config_path(path, environ)
    origin = BUILT_IN if chosen is None else str(chosen)
    raw = {} if chosen is None else read_toml(chosen)
    return _Reader(origin, environ).settings(raw)


def read_toml(path: Path) -> RawTable:
    """Return the parsed TOML file, or raise ConfigError saying why it cannot be read."""
    try:
        # utf-8-sig: editors on Windows start files with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(str(path), None, "no such configuration file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), None, f"cannot read the file: {error}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), None, f"invalid TOML: {error}") from None


def _did_you_mean(name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
    return f' (did you mean "{close[0]}"?)' if close else ""


class _Reader:
    """Checks one raw configuration; remembers which keys came from environment variables."""

    def __init__(self, origin: str, environ: Mapping[str, str]) -> None:
        self.origin = origin
        self.environ = environ
        self.overridden: dict[str, str] = {}  # key path -> "$VARIABLE" that set it
        self.variables: dict[str, str] = {}  # every variable a key reads -> key path
        self.file_only: dict[str, str] = {}  # variable a file-only key would have -> key path

    def error(self, key: str | None, problem: str) -> ConfigError:
        return ConfigError(self.overridden.get(key or "", self.origin), key, problem)

    def settings(self, raw: RawTable) -> Settings:
        self._check_shape(raw)
        self._apply_environment(raw)
        notifiers = self._notifiers(raw.get("notify", {}))
        sources = tuple(
            SourceSettings(**self._typed_table(t, k.SOURCE_COMMON_KEYS, k.SOURCE_TYPE_KEYS, path))
            for path, t in self._array(raw, "source")
        )
        watches = tuple(
            WatchSettings(**self._table(t, k.WATCH_KEYS, path))
            for path, t in self._array(raw, "watch")
        )
        fetch = FetchSettings(**self._table(raw["fetch"], k.FETCH_KEYS, "fetch"))
        if fetch.per_host > fetch.concurrency:
            problem = f"{fetch.per_host} is more than fetch.concurrency ({fetch.concurrency})"
            raise self.error("fetch.per_host", problem)
        self._check_unique("source", [s.name for s in sources])
        self._check_unique("watch", [w.name for w in watches])
        self._check_watch_notifiers(watches, notifiers)
        health = HealthSettings(**self._table(raw["health"], k.HEALTH_KEYS, "health"))
        self._check_notifiers("health.notify", health.notify or (), notifiers)
        return Settings(
            origin=self.origin,
            monitor=MonitorSettings(**self._table(raw["monitor"], k.MONITOR_KEYS, "monitor")),
            fetch=fetch,
            sources=sources,
            watches=watches,
            notifiers=notifiers,
            figures=FigureSettings(**self._table(raw["figures"], k.FIGURES_KEYS, "figures")),
            recheck=RecheckSettings(**self._table(raw["recheck"], k.RECHECK_KEYS, "recheck")),
            health=health,
        )

    def _check_shape(self, raw: RawTable) -> None:
        for name in raw:
            if name not in SECTIONS:
                raise self.error(name, "unknown section (known: " + ", ".join(SECTIONS) + ")")
        for name in ("monitor", "fetch", "figures", "recheck", "health", "notify"):
            if not isinstance(raw.get(name, {}), dict):
                raise self.error(name, f"expected a table written [{name}]")
        for name in ("source", "watch"):
            value = raw.get(name, [])
            if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
                raise self.error(name, f"expected tables written [[{name}]]")
        for name, table in raw.get("notify", {}).items():
            if not isinstance(table, dict):
                raise self.error(f"notify.{name}", f"expected a table written [notify.{name}]")
            if not _NOTIFIER_NAME.fullmatch(name):
                problem = 'a notifier name is 1 to 100 letters, digits, "-" and "_"'
                raise self.error(f"notify.{name}", problem)

    def _apply_environment(self, raw: RawTable) -> None:
        self._override(raw.setdefault("monitor", {}), k.MONITOR_KEYS, "monitor", "MONITOR_")
        self._override(raw.setdefault("fetch", {}), k.FETCH_KEYS, "fetch", "MONITOR_FETCH_")
        figures = raw.setdefault("figures", {})
        self._override(figures, k.FIGURES_KEYS, "figures", "MONITOR_FIGURES_")
        recheck = raw.setdefault("recheck", {})
        self._override(recheck, k.RECHECK_KEYS, "recheck", "MONITOR_RECHECK_")
        health = raw.setdefault("health", {})
        self._override(health, k.HEALTH_KEYS, "health", "MONITOR_HEALTH_")
        for name, table in raw.get("notify", {}).items():
            kind = table.get("type")
            keys = k.NOTIFY_TYPE_KEYS.get(kind, ()) if isinstance(kind, str) else ()
            prefix = "MONITOR_NOTIFY_" + name.upper().replace("-", "_") + "_"
            self._override(table, keys, f"notify.{name}", prefix)
        for variable in sorted(self.environ):
            if variable in self.file_only:
                problem = f"{self.file_only[variable]} is set in the configuration file only"
                raise ConfigError(f"${variable}", None, problem)
            if variable.startswith(_STRICT_PREFIXES) and variable not in self.variables:
                problem = "no configuration key reads this variable"
                hint = _did_you_mean(variable, list(self.variables))
                raise ConfigError(f"${variable}", None, problem + hint)

    def _override(self, table: RawTable, keys: Sequence[k.Key], path: str, prefix: str) -> None:
        for key in keys:
            variable = prefix + key.name.upper()
            key_path = f"{path}.{key.name}"
            if key.kind.from_env is None:
                self.file_only[variable] = key_path
                continue
            if variable in self.variables:
                other = self.variables[variable]
                problem = f"${variable} would override both this and {other}; rename a notifier"
                raise self.error(key_path, problem)
            self.variables[variable] = key_path
            if variable in self.environ:
                table[key.name] = key.kind.from_env(self.environ[variable])
                self.overridden[key_path] = f"${variable}"

    def _array(self, raw: RawTable, name: str) -> list[tuple[str, RawTable]]:
        return [(f"{name}[{i}]", table) for i, table in enumerate(raw.get(name, []))]

    def _table(self, raw: RawTable, keys: Sequence[k.Key], path: str) -> dict[str, Any]:
        # Any: each value's type is its key's kind; tests pin the key table to the dataclasses.
        names = [key.name for key in keys]
        for name in raw:
            if name not in names:
                hint = _did_you_mean(name, names) or " (known keys: " + ", ".join(names) + ")"
                raise self.error(f"{path}.{name}", "unknown key" + hint)
        values: dict[str, Any] = {}
        for key in keys:
            key_path = f"{path}.{key.name}"
            if key.name not in raw and key.default is k.REQUIRED:
                raise self.error(key_path, "missing: this key is required")
            value = raw.get(key.name, key.default)
            try:
                values[key.name] = None if value is None else key.kind.parse(value, self.environ)
            except v.EntryError as error:
                raise self.error(f"{key_path}.{error.entry}", str(error)) from None
            except ValueError as error:
                raise self.error(key_path, str(error)) from None
        return values

    def _typed_table(
        self,
        raw: RawTable,
        common: Sequence[k.Key],
        by_type: Mapping[str, Sequence[k.Key]],
        path: str,
    ) -> dict[str, Any]:
        """Check a table whose allowed keys depend on its ``type`` key."""
        type_key = next(key for key in common if key.name == "type")
        kind = str(
            self._table({n: v for n, v in raw.items() if n == "type"}, [type_key], path)["type"]
        )
        allowed = {key.name for key in common} | {key.name for key in by_type[kind]}
        for name in raw:
            owners = [t for t, keys in by_type.items() if any(key.name == name for key in keys)]
            if name not in allowed and owners:
                problem = f'this key belongs to type "{owners[0]}", not "{kind}"'
                raise self.error(f"{path}.{name}", problem)
        return self._table(raw, [*common, *by_type[kind]], path)

    def _notifiers(self, raw: RawTable) -> dict[str, NotifierSettings]:
        notifiers = {}
        for name, table in raw.items():
            path = f"notify.{name}"
            values = self._typed_table(table, k.NOTIFY_COMMON_KEYS, k.NOTIFY_TYPE_KEYS, path)
            kind = str(values.pop("type"))
            notifiers[name] = NotifierSettings(
                name=name, type=kind, options=values, origin=self.origin
            )
        return notifiers

    def _check_unique(self, section: str, names: list[str]) -> None:
        first_index: dict[str, int] = {}
        for index, name in enumerate(names):
            if name in first_index:
                raise self.error(
                    f"{section}[{index}].name",
                    f'duplicate {section} name "{name}" (also {section}[{first_index[name]}])',
                )
            first_index[name] = index

    def _check_watch_notifiers(
        self, watches: Sequence[WatchSettings], notifiers: Mapping[str, NotifierSettings]
    ) -> None:
        for index, watch in enumerate(watches):
            self._check_notifiers(f"watch[{index}].notify", watch.notify, notifiers)

    def _check_notifiers(
        self, key: str, names: Sequence[str], notifiers: Mapping[str, NotifierSettings]
    ) -> None:
        defined = ", ".join(sorted(notifiers)) or "none"
        for name in names:
            if name not in notifiers:
                problem = f"no [notify.{name}] table is defined (defined: {defined})"
                raise self.error(key, problem)
