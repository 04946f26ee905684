"""A measure's values over time as an inline SVG: drawn on the server, so the page needs no
script and nothing from elsewhere, and reads the same on a phone (it scales to the width).

Each figure is a point at its article's publication time: filled for a new or changed value,
hollow for a repeat, grey for a past value an article recalled. A bound or range ("at least
300", "between 10 and 12") is drawn as its low..high band. Every point links to its article.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from markupsafe import Markup, escape

from monitor.store.figures import FigureRow

WIDTH, HEIGHT = 640, 260
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 16, 16, 40
_KIND_CLASS = {"new_measure": "new", "changed_figure": "changed", "second_value": "changed"}


def point_kind(row: FigureRow) -> str:
    """How a figure is drawn: "new", "changed", "repeat" or "previous"."""
    if row.role == "previous" or row.status == "previous":
        return "previous"
    return _KIND_CLASS.get(row.status, "repeat")


def timeline_svg(rows: Sequence[FigureRow], *, article_url: str = "/articles/{id}") -> Markup:
    """Return the SVG of ``rows`` (one measure's figures); an empty chart says so."""
    dated = [row for row in rows if row.published_at is not None]
    if not dated:
        return Markup('<p class="empty">No dated figures to draw.</p>')
    times = [_seconds(row.published_at) for row in dated]
    lows = [min(row.low, row.value) for row in dated]
    highs = [max(row.high, row.value) for row in dated]
    t0, t1 = min(times), max(times)
    v0, v1 = min(0.0, min(lows)), max(highs)
    if t1 == t0:
        t0, t1 = t0 - 3600, t1 + 3600
    if v1 == v0:
        v1 = v0 + 1

    def x(t: float) -> float:
        return _LEFT + (t - t0) / (t1 - t0) * (WIDTH - _LEFT - _RIGHT)

    def y(v: float) -> float:
        return HEIGHT - _BOTTOM - (v - v0) / (v1 - v0) * (HEIGHT - _TOP - _BOTTOM)

    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="values over time" xmlns="http://www.w3.org/2000/svg">',
        f'<line class="axis" x1="{_LEFT}" y1="{HEIGHT - _BOTTOM}" x2="{WIDTH - _RIGHT}" '
        f'y2="{HEIGHT - _BOTTOM}"/>',
        f'<line class="axis" x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{HEIGHT - _BOTTOM}"/>',
    ]
    for value in (v0, (v0 + v1) / 2, v1):
        parts.append(
            f'<text class="tick" x="{_LEFT - 6}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{escape(_short(value))}</text>'
        )
    for t, anchor in ((t0, "start"), (t1, "end")):
        label = datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d")
        parts.append(
            f'<text class="tick" x="{x(t):.1f}" y="{HEIGHT - _BOTTOM + 18}" '
            f'text-anchor="{anchor}">{label}</text>'
        )
    current = [
        (x(t), y(row.value))
        for t, row in zip(times, dated, strict=True)
        if point_kind(row) in ("new", "changed")
    ]
    if len(current) > 1:
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in current)
        parts.append(f'<polyline class="trend" points="{path}"/>')
    for t, row, low, high in zip(times, dated, lows, highs, strict=True):
        kind = point_kind(row)
        px, py = x(t), y(row.value)
        link = escape(article_url.format(id=row.article_id))
        title = escape(
            f"{_short(row.value)} ({row.qualifier}) - {kind} - {row.site or row.article_url}"
        )
        parts.append(
            f'<a href="{link}" class="point {kind}" data-figure-id="{row.id}" '
            f'data-value="{row.value}">'
        )
        if high > low:
            parts.append(
                f'<line class="band" x1="{px:.1f}" y1="{y(low):.1f}" x2="{px:.1f}" '
                f'y2="{y(high):.1f}"/>'
            )
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6"><title>{title}</title></circle>')
        parts.append("</a>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _seconds(moment: datetime | None) -> float:
    assert moment is not None
    return moment.timestamp()


def _short(value: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"
