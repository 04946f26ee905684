"""Notifiers: one module per ``[notify.NAME]`` type, found through a registry keyed by type.

Each module decorates its builder with ``@register("type")``; ``build_notifier`` looks the
type up, so adding a type is adding a module and one import line below, never an if-chain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from monitor.alerts.model import Notifier
from monitor.config.settings import NotifierSettings

__all__ = [
    "Builder",
    "build_notifier",
    "console",
    "email",
    "option",
    "register",
    "registered_types",
    "slack",
    "webhook",
]


class Builder(Protocol):
    """Makes a notifier from its checked settings."""

    def __call__(self, settings: NotifierSettings, *, timeout: float) -> Notifier: ...


_BUILDERS: dict[str, Builder] = {}

B = TypeVar("B", bound=Builder)
T = TypeVar("T")


def register(type_name: str) -> Callable[[B], B]:
    """Register the decorated function as the builder of notifiers of ``type_name``."""

    def decorate(builder: B) -> B:
        if type_name in _BUILDERS:
            raise ValueError(f"a notifier builder for type {type_name!r} is already registered")
        _BUILDERS[type_name] = builder
        return builder

    return decorate


def registered_types() -> frozenset[str]:
    """Return the notifier types that have a builder."""
    return frozenset(_BUILDERS)


def build_notifier(settings: NotifierSettings, *, timeout: float = 20.0) -> Notifier:
    """Return the notifier that ``settings`` describe; ``timeout`` bounds each network step."""
    builder = _BUILDERS.get(settings.type)
    if builder is None:
        # The config check admits only known types, so this is a programming error.
        known = ", ".join(sorted(_BUILDERS))
        raise ValueError(f"notify.{settings.name}: unknown type {settings.type!r} (known: {known})")
    return builder(settings, timeout=timeout)


def option(settings: NotifierSettings, key: str, kind: type[T]) -> T:
    """Return option ``key`` of ``settings``, checked to be a ``kind``.

    The config loader has checked the options already; this narrows ``object`` for the type
    checker and catches settings built by hand with the wrong shape.
    """
    value = settings.options.get(key)
    if not isinstance(value, kind):
        raise TypeError(
            f"notify.{settings.name}.{key}: expected {kind.__name__}, got {type(value).__name__}"
        )
    return value


# Imported last, for their side effect: each module registers its builder with the functions
# above, which must exist by then.
from . import console, email, slack, webhook  # noqa: E402
