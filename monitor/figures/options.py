"""The knobs of the figures stage, built from the ``[figures]`` configuration table.

Kept apart from the stage so the command line and tests can build them without importing the
grammar, and so the configuration only ever extends the built-in defaults, never replaces them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from monitor.config.settings import Settings
from monitor.figures.exclusions import SMALL_SPELLED_MAX
from monitor.figures.measures import DEFAULT_SYNONYMS


@dataclass(frozen=True, slots=True)
class FigureOptions:
    """How figures are read and named: the small-number cut-off and the word -> group table."""

    small_spelled_max: int = SMALL_SPELLED_MAX
    synonyms: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SYNONYMS))


def figure_options(settings: Settings) -> FigureOptions:
    """Return the figure options of ``settings``: the built-in synonyms with the configured
    words laid over them, so a configured word takes its configured group."""
    figures = settings.figures
    return FigureOptions(
        small_spelled_max=figures.small_spelled_max,
        synonyms={**DEFAULT_SYNONYMS, **figures.synonyms},
    )
