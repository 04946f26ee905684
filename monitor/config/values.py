"""Value kinds of configuration keys: each turns a raw TOML value into a checked Python value.

A kind's ``parse`` raises ValueError whose message is the whole problem ("expected a duration
like "20s", got "fast""), so the loader only adds the file and the key in front of it; an
EntryError also names the entry of a table-valued key, which the loader appends to the key.
Values that may hold credentials (secrets, database URLs) are never repeated in a message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from monitor.durations import parse_duration
from monitor.secrets import Secret
from monitor.watch import QueryError, parse_query

Environ = Mapping[str, str]
NAME_MAX_LENGTH = 200  # the width of the name columns in the database
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Kind:
    """How one kind of value is read from TOML and from an environment variable.

    ``from_env`` None means the value is set in the file only: a table does not fit in one
    environment variable.
    """

    parse: Callable[[object, Environ], object]
    from_env: Callable[[str], object] | None = str


class EntryError(ValueError):
    """The problem lies in one entry of a table-valued key: the user is pointed at the entry."""

    def __init__(self, entry: str, problem: str) -> None:
        super().__init__(problem)
        self.entry = entry


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_key(name: str) -> str:
    """Return ``name`` as it is written in a dotted TOML key, quoted when it is not bare."""
    return name if _BARE_KEY.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def shown(raw: object) -> str:
    """Return a raw config value as the user wrote it, for an error message."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str | list | dict):
        return json.dumps(raw, ensure_ascii=False, default=str)
    return str(raw)


def _expected(what: str, raw: object) -> ValueError:
    return ValueError(f"expected {what}, got {shown(raw)}")


def _string(raw: object, env: Environ) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _expected("a non-empty string", raw)
    return raw


def _name(raw: object, env: Environ) -> str:
    what = f"a name of 1 to {NAME_MAX_LENGTH} printable characters"
    if not isinstance(raw, str) or _UNPRINTABLE.search(raw):
        raise _expected(what, raw)
    name = raw.strip()
    if not 0 < len(name) <= NAME_MAX_LENGTH:
        raise _expected(what, raw)
    return name


def _names(raw: object, env: Environ) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise _expected('a list of names like ["desk", "ops"]', raw)
    names = tuple(_name(item, env) for item in raw)
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f'"{repeated[0]}" is listed twice')
    return names


def _bool(raw: object, env: Environ) -> bool:
    if not isinstance(raw, bool):
        raise _expected("true or false", raw)
    return raw


def _bool_from_env(text: str) -> object:
    words = {"true": True, "1": True, "yes": True, "on": True}
    words |= {"false": False, "0": False, "no": False, "off": False}
    return words.get(text.strip().lower(), text)


def _int_from_env(text: str) -> object:
    try:
        return int(text.strip().replace("_", ""))
    except ValueError:
        return text


def _list_from_env(text: str) -> object:
    return [part.strip() for part in text.split(",") if part.strip()]


def whole_number(minimum: int) -> Kind:
    """Return the kind of an integer that must be at least ``minimum``."""
    what = f"a whole number of at least {minimum:_}"

    def parse(raw: object, env: Environ) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < minimum:
            raise _expected(what, raw)
        return raw

    return Kind(parse, _int_from_env)


def one_of(*choices: str) -> Kind:
    """Return the kind of a string that must be one of ``choices`` (in any letter case)."""
    what = "one of " + ", ".join(f'"{c}"' for c in choices)
    by_folded = {choice.casefold(): choice for choice in choices}

    def parse(raw: object, env: Environ) -> str:
        if not isinstance(raw, str) or raw.strip().casefold() not in by_folded:
            raise _expected(what, raw)
        return by_folded[raw.strip().casefold()]

    return Kind(parse)


def duration(minimum: str) -> Kind:
    """Return the kind of a duration like "10m" that must be at least ``minimum``."""
    least = parse_duration(minimum)

    def parse(raw: object, env: Environ) -> float:
        if not isinstance(raw, str):
            raise _expected('a duration like "20s"', raw)
        try:
            seconds = parse_duration(raw)
        except ValueError:
            raise _expected('a duration like "20s", "10m" or "1h"', raw) from None
        if seconds < least:
            raise _expected(f"a duration of at least {minimum}", raw)
        return seconds

    return Kind(parse)


def _url_parts(text: str, schemes: tuple[str, ...]) -> SplitResult | None:
    """Return the parts of ``text`` if it is a URL with one of ``schemes`` and a host."""
    if _UNPRINTABLE.search(text) or any(char.isspace() for char in text):
        return None
    try:
        parts = urlsplit(text)
        if parts.scheme in schemes and parts.hostname:
            parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
            return parts
    except ValueError:
        pass
    return None


def _http_url(raw: object, env: Environ) -> str:
    if isinstance(raw, str) and _url_parts(raw.strip(), ("http", "https")):
        return raw.strip()
    raise _expected("an http:// or https:// URL", raw)


def _email(raw: object, env: Environ) -> str:
    # A comma would add recipients and a line break would add headers: one plain address only.
    if isinstance(raw, str) and not _UNPRINTABLE.search(raw) and "," not in raw:
        _, address = parseaddr(raw)
        if "@" in address and "." in address.rpartition("@")[2]:
            return raw.strip()
    raise _expected('an email address like "desk@example.org"', raw)


def _emails(raw: object, env: Environ) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise _expected('a non-empty list of email addresses like ["desk@example.org"]', raw)
    return tuple(_email(item, env) for item in raw)


def _secret(raw: object, env: Environ) -> Secret:
    if not isinstance(raw, str) or not raw.strip():
        # Never echo the value: it may be the secret itself written in the wrong shape.
        raise ValueError('expected "env:NAME" or a non-empty string (the value is hidden)')
    return Secret.from_config(raw.strip(), env)


def secret_url(*schemes: str) -> Kind:
    """Return the kind of a URL that is a secret (a webhook URL is its own password).

    Its shape is checked when its value is known, and the value is never shown.
    """
    what = " or ".join(f"{scheme}://" for scheme in schemes) + " URL"

    def parse(raw: object, env: Environ) -> Secret:
        secret = _secret(raw, env)
        if secret.is_set and not _url_parts(secret.reveal(), schemes):
            where = f" (from ${secret.env_name})" if secret.env_name else ""
            raise ValueError(f"expected an {what}{where}; the value is hidden")
        return secret

    return Kind(parse)


_DRIVERS = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}
_DATABASE_URL = 'a database URL like "sqlite:///monitor.db" or "postgresql+psycopg://user@host/db"'


def _database_url(raw: object, env: Environ) -> str:
    # The URL may carry a password, so no message below repeats it.
    if not isinstance(raw, str):
        raise ValueError(f"expected {_DATABASE_URL} (the value is hidden)")
    try:
        url = make_url(raw.strip())
        url.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except (ArgumentError, ValueError):
        raise ValueError(f"expected {_DATABASE_URL} (the value is hidden)") from None
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise ValueError(f"expected {_DATABASE_URL}; driver {url.drivername!r} is not supported")
    if driver == "sqlite":
        if not url.database or url.database == ":memory:":
            raise ValueError("an in-memory SQLite database loses everything; give a file path")
        # SQLite does not expand "~"; the user meant their home folder.
        url = url.set(database=str(Path(url.database).expanduser()))
    # A bare "postgresql://" would make SQLAlchemy look for psycopg2, which we do not ship.
    return url.set(drivername=driver).render_as_string(hide_password=False)


def _query(raw: object, env: Environ) -> str:
    text = _string(raw, env)
    try:
        parse_query(text)
    except QueryError as error:
        raise ValueError(f"invalid query: {error}") from None
    return text


def _phrase(raw: object, what: str) -> str:
    """Return a word or group name lower-cased with single spaces, the way measures match."""
    if not isinstance(raw, str) or _UNPRINTABLE.search(raw) or not raw.strip():
        raise _expected(what, raw)
    return " ".join(raw.lower().split())


_SYNONYM_WORDS = 'a list of words like ["shell", "artillery shell"]'


def _measures(raw: object, env: Environ) -> tuple[str, ...]:
    """A watch's followed measures, with single spaces; compared without regard to case."""
    what = 'a list of measure names like ["troops killed", "aid pledged [USD]"]'
    if not isinstance(raw, list):
        raise _expected(what, raw)
    names = tuple(" ".join(_phrase(item, what).split()) for item in raw)
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f'"{repeated[0]}" is listed twice')
    return names


def _synonyms(raw: object, env: Environ) -> dict[str, str]:
    """Flatten ``{group: [word, ...]}`` to ``{word: group}``; a word may have one group only."""
    if not isinstance(raw, dict):
        raise _expected('a table written [figures.synonyms] of group = ["word", ...]', raw)
    groups: dict[str, str] = {}  # word -> the group name as written, for the error message
    flat: dict[str, str] = {}
    for name, words in raw.items():
        entry = toml_key(name)
        try:
            group = _phrase(name, "a group name of printable characters")
        except ValueError as error:
            raise EntryError(entry, str(error)) from None
        if not isinstance(words, list):
            raise EntryError(entry, str(_expected(_SYNONYM_WORDS, words)))
        for item in words:
            try:
                word = _phrase(item, "a word (a non-empty string)")
            except ValueError as error:
                raise EntryError(entry, str(error)) from None
            if word in groups and groups[word] == name:
                raise EntryError(entry, f'"{word}" is listed twice')
            if word in groups:
                # Either group could be the one the user meant: name both, decide neither.
                problem = f'"{word}" is listed under both "{groups[word]}" and "{name}"'
                raise EntryError(entry, problem + "; a word belongs to one group")
            groups[word] = name
            flat[word] = group
    return flat


STRING = Kind(_string)
NAME = Kind(_name)
NAMES = Kind(_names, _list_from_env)
BOOL = Kind(_bool, _bool_from_env)
HTTP_URL = Kind(_http_url)
EMAIL = Kind(_email)
EMAILS = Kind(_emails, _list_from_env)
SECRET = Kind(_secret)
DATABASE_URL = Kind(_database_url)
QUERY = Kind(_query)
SYNONYMS = Kind(_synonyms, from_env=None)
MEASURES = Kind(_measures, from_env=None)
