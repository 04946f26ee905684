"""Is a figure news? Its value against the earlier values of its measure (within one watch).

- ``new_measure``: the measure has no earlier value.
- ``repeat``: the value agrees with an earlier one, which it corroborates (``repeat_of``: the
  most recent agreeing one). Two values agree when their [low, high] ranges overlap, or else
  when their central values are within 10% of the larger one. The number grammar has already
  widened each range by its qualifier (about ±10%, almost [0.9v, v], at least / more than
  [v, 1.5v], up to [0.5v, v], a range or a vague amount its own endpoints), so "scores of
  missiles" (40-200) agrees with 40, and "60 bombs" with "at least 50" ([50, 75]).
- ``changed_figure``: the value agrees with no earlier value.

Earlier values are the distinct values of the measure: the new and changed figures, oldest
first, as ``monitor.store.figures.earlier_values`` returns them; repeats add no value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit

from monitor.figures.model import Figure, Qualifier
from monitor.figures.wording import DASH, amount, compact

Status = Literal["new_measure", "changed_figure", "repeat"]

CLOSE = 0.10  # central values this close, relative to the larger, agree
_NAMED = 3  # a changed figure's reason names this many earlier values, the nearest first


@dataclass(frozen=True, slots=True, kw_only=True)
class EarlierValue:
    """A distinct earlier value of a measure and where it was first reported."""

    figure_id: int
    value: float
    low: float
    high: float
    qualifier: Qualifier
    article_url: str
    site: str | None
    published_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """What a figure is to its measure, and why, in a sentence a reader can check."""

    status: Status
    reason: str
    repeat_of: int | None = None  # the earlier figure a repeat corroborates


def decide(figure: Figure, earlier: Sequence[EarlierValue]) -> Decision:
    """Decide whether ``figure`` is a new measure, a changed figure or a repeat of ``earlier``.

    ``earlier`` lists the measure's distinct values oldest first.
    """
    if not earlier:
        return Decision(status="new_measure", reason="first figure of this measure")
    agreeing = [value for value in earlier if agrees(figure, value)]
    if agreeing:
        repeated = agreeing[-1]
        return Decision(
            status="repeat",
            reason=f"repeats {_describe(repeated, figure.unit)}",
            repeat_of=repeated.figure_id,
        )
    nearest = sorted(earlier, key=lambda value: abs(value.value - figure.value))
    named = "; ".join(_describe(value, figure.unit) for value in nearest[:_NAMED])
    more = f"; and {len(nearest) - _NAMED} more" if len(nearest) > _NAMED else ""
    return Decision(
        status="changed_figure",
        reason=(
            f"{amount(figure.value, figure.low, figure.high, figure.qualifier, figure.unit)}"
            f" is outside every earlier value: {named}{more}"
        ),
    )


def agrees(figure: Figure, earlier: EarlierValue) -> bool:
    """Return whether ``figure`` is within the tolerance of ``earlier``."""
    if figure.low <= earlier.high and earlier.low <= figure.high:
        return True
    return abs(figure.value - earlier.value) <= CLOSE * max(abs(figure.value), abs(earlier.value))


def _describe(earlier: EarlierValue, unit: str) -> str:
    """'about 3,000,000 (2.7M-3.3M, #12, scmp.com 2024-04-14)', with an en dash."""
    details = []
    if earlier.low != earlier.high and earlier.qualifier not in ("range", "vague"):
        details.append(f"{compact(earlier.low)}{DASH}{compact(earlier.high)}")
    site = earlier.site or urlsplit(earlier.article_url).hostname or earlier.article_url
    if site.startswith("www."):
        site = site[4:]
    date = earlier.published_at.date().isoformat() if earlier.published_at else "undated"
    details += [f"#{earlier.figure_id}", f"{site} {date}"]
    said = amount(earlier.value, earlier.low, earlier.high, earlier.qualifier, unit)
    return f"{said} ({', '.join(details)})"
