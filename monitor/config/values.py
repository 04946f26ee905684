"""Value kinds of configuration keys: each turns a raw TOML value into a checked Python value.

A kind's ``parse`` raises ValueError whose message is the whole problem ("expected a duration
like "20s", got "fast""), so the loader only adds the file and the key in front of it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import urlsplit

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from monitor.durations import parse_duration
from monitor.secrets import Secret
from monitor.watch import QueryError, parse_query

Environ = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Kind:
    """How one kind of value is read from TOML and from an environment variable."""

    expected: str
    parse: Callable[[object, Environ], object]
    from_env: Callable[[str], object] = str
    secret: bool = False


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


def _strings(raw: object, env: Environ) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(i, str) and i.strip() for i in raw):
        raise _expected('a list of strings like ["a", "b"]', raw)
    return tuple(raw)


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
    what = f"a whole number of at least {minimum:,}".replace(",", "_")

    def parse(raw: object, env: Environ) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < minimum:
            raise _expected(what, raw)
        return raw

    return Kind(what, parse, _int_from_env)


def one_of(*choices: str) -> Kind:
    """Return the kind of a string that must be one of ``choices``."""
    what = "one of " + ", ".join(f'"{c}"' for c in choices)

    def parse(raw: object, env: Environ) -> str:
        if raw not in choices:
            raise _expected(what, raw)
        return str(raw)

    return Kind(what, parse)


def _duration(raw: object, env: Environ) -> float:
    if not isinstance(raw, str):
        raise _expected('a duration like "20s"', raw)
    try:
        return parse_duration(raw)
    except ValueError:
        raise _expected('a duration like "20s", "10m" or "1h"', raw) from None


def _http_url(raw: object, env: Environ) -> str:
    if isinstance(raw, str):
        parts = urlsplit(raw.strip())
        if parts.scheme in ("http", "https") and parts.hostname:
            return raw.strip()
    raise _expected("an http:// or https:// URL", raw)


def _email(raw: object, env: Environ) -> str:
    if isinstance(raw, str):
        _, address = parseaddr(raw)
        if "@" in address and "." in address.rpartition("@")[2]:
            return raw
    raise _expected('an email address like "desk@example.org"', raw)


def _emails(raw: object, env: Environ) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise _expected('a non-empty list of email addresses like ["desk@example.org"]', raw)
    return tuple(_email(item, env) for item in raw)


def _secret(raw: object, env: Environ) -> Secret:
    if not isinstance(raw, str) or not raw.strip():
        # Never echo the value: it may be the secret itself written in the wrong shape.
        raise ValueError('expected "env:NAME" naming an environment variable (value hidden)')
    return Secret.from_config(raw.strip(), env)


def secret_url(*schemes: str) -> Kind:
    """Return the kind of a URL that is a secret (a webhook URL is its own password).

    Its shape is checked when its value is known, and the value is never shown.
    """
    what = " or ".join(f"{scheme}://" for scheme in schemes) + " URL"

    def parse(raw: object, env: Environ) -> Secret:
        secret = _secret(raw, env)
        if secret.is_set:
            parts = urlsplit(secret.reveal())
            if parts.scheme not in schemes or not parts.hostname:
                where = f" (from ${secret.env_name})" if secret.env_name else ""
                raise ValueError(f"expected an {what}{where}; the value is hidden")
        return secret

    return Kind(f'"env:NAME" naming an {what}', parse, secret=True)


_DRIVERS = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}


def _database_url(raw: object, env: Environ) -> str:
    what = 'a database URL like "sqlite:///monitor.db" or "postgresql+psycopg://user@host/db"'
    if not isinstance(raw, str):
        raise _expected(what, raw)
    try:
        url = make_url(raw.strip())
    except ArgumentError:
        raise ValueError(f"expected {what}") from None
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise ValueError(f"expected {what}; driver {url.drivername!r} is not supported")
    # A bare "postgresql://" would make SQLAlchemy look for psycopg2, which we do not ship.
    return url.set(drivername=driver).render_as_string(hide_password=False)


def _query(raw: object, env: Environ) -> str:
    text = _string(raw, env)
    try:
        parse_query(text)
    except QueryError as error:
        raise ValueError(f"invalid query: {error}") from None
    return text


STRING = Kind("a non-empty string", _string)
STRINGS = Kind("a list of strings", _strings, _list_from_env)
BOOL = Kind("true or false", _bool, _bool_from_env)
DURATION = Kind('a duration like "20s"', _duration)
HTTP_URL = Kind("an http:// or https:// URL", _http_url)
EMAIL = Kind("an email address", _email)
EMAILS = Kind("a list of email addresses", _emails, _list_from_env)
SECRET = Kind('"env:NAME"', _secret, secret=True)
DATABASE_URL = Kind("a database URL", _database_url)
QUERY = Kind("a watch query", _query)
