"""Find, read and check the configuration file; apply environment overrides.

The file is ``--config PATH``, else ``$MONITOR_CONFIG``, else ``./monitor.toml``, else the
built-in defaults. ``MONITOR_<KEY>`` overrides a ``[monitor]`` key, ``MONITOR_FETCH_<KEY>`` a
``[fetch]`` key and ``MONITOR_NOTIFY_<NAME>_<KEY>`` a key of ``[notify.NAME]``.
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
from monitor.config.settings import (
    FetchSettings,
    MonitorSettings,
    NotifierSettings,
    Settings,
    SourceSettings,
    WatchSettings,
)
from monitor.errors import ConfigError

DEFAULT_FILE = "monitor.toml"
CONFIG_ENV = "MONITOR_CONFIG"
BUILT_IN = "built-in defaults"
SECTIONS = ("monitor", "fetch", "source", "watch", "notify")
_NOTIFIER_NAME = re.compile(r"[A-Za-z0-9_-]+")

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
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(str(path), None, "no such configuration file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), None, f"cannot read the file: {error}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), None, f"invalid TOML: {error}") from None


def _unknown_key(name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
    if close:
        return f'unknown key (did you mean "{close[0]}"?)'
    return "unknown key (known keys: " + ", ".join(known) + ")"


class _Reader:
    """Checks one raw configuration; remembers which keys came from environment variables."""

    def __init__(self, origin: str, environ: Mapping[str, str]) -> None:
        self.origin = origin
        self.environ = environ
        self.overridden: dict[str, str] = {}

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
        self._check_unique("source", [s.name for s in sources])
        self._check_unique("watch", [w.name for w in watches])
        self._check_watch_notifiers(watches, notifiers)
        return Settings(
            origin=self.origin,
            monitor=MonitorSettings(
                **self._table(raw.get("monitor", {}), k.MONITOR_KEYS, "monitor")
            ),
            fetch=FetchSettings(**self._table(raw.get("fetch", {}), k.FETCH_KEYS, "fetch")),
            sources=sources,
            watches=watches,
            notifiers=notifiers,
        )

    def _check_shape(self, raw: RawTable) -> None:
        for name in raw:
            if name not in SECTIONS:
                raise self.error(name, "unknown section (known: " + ", ".join(SECTIONS) + ")")
        for name in ("monitor", "fetch", "notify"):
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
                raise self.error(
                    f"notify.{name}", 'a notifier name may use only letters, digits, "-" and "_"'
                )

    def _apply_environment(self, raw: RawTable) -> None:
        sections: tuple[tuple[str, Sequence[k.Key], str], ...] = (
            ("monitor", k.MONITOR_KEYS, "MONITOR_"),
            ("fetch", k.FETCH_KEYS, "MONITOR_FETCH_"),
        )
        for section, keys, prefix in sections:
            self._override(raw.setdefault(section, {}), keys, section, prefix)
        for name, table in raw.get("notify", {}).items():
            kind = table.get("type")
            keys = k.NOTIFY_TYPE_KEYS.get(kind, ()) if isinstance(kind, str) else ()
            prefix = "MONITOR_NOTIFY_" + name.upper().replace("-", "_") + "_"
            self._override(table, keys, f"notify.{name}", prefix)

    def _override(self, table: RawTable, keys: Sequence[k.Key], path: str, prefix: str) -> None:
        for key in keys:
            variable = prefix + key.name.upper()
            if variable in self.environ:
                table[key.name] = key.kind.from_env(self.environ[variable])
                self.overridden[f"{path}.{key.name}"] = f"${variable}"

    def _array(self, raw: RawTable, name: str) -> list[tuple[str, RawTable]]:
        return [(f"{name}[{i}]", table) for i, table in enumerate(raw.get(name, []))]

    def _table(self, raw: RawTable, keys: Sequence[k.Key], path: str) -> dict[str, Any]:
        # Any: each value's type is its key's kind; tests pin the key table to the dataclasses.
        names = [key.name for key in keys]
        for name in raw:
            if name not in names:
                raise self.error(f"{path}.{name}", _unknown_key(name, names))
        values: dict[str, Any] = {}
        for key in keys:
            key_path = f"{path}.{key.name}"
            if key.name not in raw and key.default is k.REQUIRED:
                raise self.error(key_path, "missing: this key is required")
            value = raw.get(key.name, key.default)
            try:
                values[key.name] = None if value is None else key.kind.parse(value, self.environ)
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
        type_key = next(key for key in common if key.name == "type")
        kind = str(
            self._table({"type": raw["type"]} if "type" in raw else {}, [type_key], path)["type"]
        )
        keys = [*common, *by_type[kind]]
        allowed = {key.name for key in keys}
        for name in raw:
            owners = [t for t, ks in by_type.items() if any(x.name == name for x in ks)]
            if name not in allowed and owners:
                problem = f'this key belongs to type "{owners[0]}", not "{kind}"'
                raise self.error(f"{path}.{name}", problem)
        return self._table(raw, keys, path)

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
        defined = ", ".join(sorted(notifiers)) or "none"
        for index, watch in enumerate(watches):
            for name in watch.notify:
                if name not in notifiers:
                    raise self.error(
                        f"watch[{index}].notify",
                        f"no [notify.{name}] table is defined (defined: {defined})",
                    )
