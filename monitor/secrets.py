"""Secrets (SMTP passwords, webhook URLs) that cannot reach a log line by accident."""

from __future__ import annotations

import os
from collections.abc import Mapping

ENV_PREFIX = "env:"
MASK = "***"


class Secret:
    """A secret value from the configuration; printing it in any way shows ``***``.

    Written in the config as ``env:NAME`` (read from the environment) or, less wisely, as the
    value itself. ``reveal()`` is the one way to get the value, so every use is easy to find.
    """

    __slots__ = ("_value", "reference")

    def __init__(self, value: str | None, *, reference: str | None = None) -> None:
        self._value = value
        self.reference = reference

    @classmethod
    def from_config(cls, raw: str, environ: Mapping[str, str] | None = None) -> Secret:
        """Return the secret that a config value names, resolving ``env:NAME`` from environ."""
        environ = os.environ if environ is None else environ
        if raw.startswith(ENV_PREFIX):
            name = raw[len(ENV_PREFIX) :].strip()
            if not name:
                raise ValueError('expected "env:NAME" with a variable name after "env:"')
            return cls(environ.get(name) or None, reference=f"{ENV_PREFIX}{name}")
        return cls(raw)

    @property
    def is_set(self) -> bool:
        """Return whether the secret has a value (an ``env:NAME`` whose variable is set)."""
        return self._value is not None

    @property
    def env_name(self) -> str | None:
        """Return the environment variable the secret comes from, if any."""
        if self.reference is None:
            return None
        return self.reference[len(ENV_PREFIX) :]

    def reveal(self) -> str:
        """Return the secret value; raises LookupError when its variable is not set."""
        if self._value is None:
            raise LookupError(f"environment variable {self.env_name} is not set")
        return self._value

    def describe(self) -> str:
        """Return a printable description: where it comes from, never the value."""
        if self.reference is None:
            return MASK
        state = "set" if self.is_set else "NOT SET"
        return f"{MASK} ({self.reference}, {state})"

    def __repr__(self) -> str:
        return f"Secret({self.describe()})"

    def __str__(self) -> str:
        return MASK

    def __format__(self, spec: str) -> str:
        return MASK

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return (self._value, self.reference) == (other._value, other.reference)

    def __hash__(self) -> int:
        return hash((self._value, self.reference))
