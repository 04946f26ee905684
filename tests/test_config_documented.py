"""Every configuration key the code knows is shown, with a comment, in the example file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from monitor.config import keys as k
from monitor.config.settings import FetchSettings, MonitorSettings, SourceSettings, WatchSettings

EXAMPLE = Path(__file__).resolve().parents[1] / "config" / "monitor.example.toml"


def documented_tables() -> Iterator[tuple[str, tuple[k.Key, ...], list[dict[str, Any]]]]:
    example = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    yield "[monitor]", k.MONITOR_KEYS, [example["monitor"]]
    yield "[fetch]", k.FETCH_KEYS, [example["fetch"]]
    yield "[recheck]", k.RECHECK_KEYS, [example["recheck"]]
    yield "[health]", k.HEALTH_KEYS, [example["health"]]
    yield "[[source]]", k.SOURCE_COMMON_KEYS, example["source"]
    yield "[[watch]]", k.WATCH_KEYS, example["watch"]
    notifiers = list(example["notify"].values())
    yield "[notify.*]", k.NOTIFY_COMMON_KEYS, notifiers
    for kind, keys in k.SOURCE_TYPE_KEYS.items():
        yield (
            f'[[source]] type "{kind}"',
            keys,
            [s for s in example["source"] if s.get("type", "rss") == kind],
        )
    for kind, keys in k.NOTIFY_TYPE_KEYS.items():
        yield f'[notify.*] type "{kind}"', keys, [n for n in notifiers if n["type"] == kind]


@pytest.mark.parametrize(
    ("where", "keys", "tables"),
    list(documented_tables()),
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_every_key_appears_in_the_example(
    where: str, keys: tuple[k.Key, ...], tables: list[dict[str, Any]]
) -> None:
    assert tables, f"the example has no {where} table"
    missing = [key.name for key in keys if not any(key.name in table for table in tables)]
    assert not missing, f"{where} keys missing from {EXAMPLE.name}: {missing}"


def test_every_key_is_introduced_by_a_comment() -> None:
    """The first time the example sets a key, a comment line stands right above it."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    all_keys = {key.name for _, keys, _ in documented_tables() for key in keys}
    first_use: dict[str, int] = {}
    for number, line in enumerate(lines):
        match = re.match(r"([A-Za-z_]+)\s*=", line)
        if match:
            first_use.setdefault(match.group(1), number)
    undocumented = sorted(
        name for name in all_keys if not lines[first_use[name] - 1].lstrip().startswith("#")
    )
    assert undocumented == []


@pytest.mark.parametrize(
    ("settings_class", "keys"),
    [
        (MonitorSettings, k.MONITOR_KEYS),
        (FetchSettings, k.FETCH_KEYS),
        (WatchSettings, k.WATCH_KEYS),
        (
            SourceSettings,
            k.SOURCE_COMMON_KEYS + tuple(x for t in k.SOURCE_TYPE_KEYS.values() for x in t),
        ),
    ],
)
def test_settings_classes_match_the_key_table(
    settings_class: type, keys: tuple[k.Key, ...]
) -> None:
    assert {f.name for f in fields(settings_class)} == {key.name for key in keys}
