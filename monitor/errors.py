"""The error tree of figure-monitor.

    MonitorError
    ├── ConfigError      a configuration file or environment override is invalid
    ├── DatabaseError    the database cannot be reached or opened
    └── SchemaError      the database schema is missing or not at the code's revision

Each error has a stable ``kind``: a short string stored on database rows and shown by
``monitor status``, so operators and tests can rely on it while messages stay free to improve.
"""

from __future__ import annotations


class MonitorError(Exception):
    """figure-monitor failed."""

    kind = "error"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())


class ConfigError(MonitorError):
    """The configuration is invalid."""

    kind = "config"

    def __init__(self, origin: str, key: str | None, problem: str) -> None:
        self.origin = origin
        self.key = key
        self.problem = problem
        where = f"{origin}: {key}" if key else origin
        super().__init__(f"{where}: {problem}")


class DatabaseError(MonitorError):
    """The database cannot be reached or opened."""

    kind = "database"


class SchemaError(MonitorError):
    """The database schema is not at the revision this version of figure-monitor expects."""

    kind = "schema"
