"""Figures as people read them: "about 3,000,000", "40\u2013200 (vague)", "USD 1,200,000,000"."""

from __future__ import annotations

import math

from monitor.figures.model import COUNT, PERCENT

DASH = "\u2013"  # en dash, between a range's endpoints

_QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "about": "about ",
    "almost": "almost ",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
}


def amount(value: float, low: float, high: float, qualifier: str, unit: str) -> str:
    """A value as the text said it: 'about 3,000,000', '40-200 (vague)', 'USD 1,500,000'."""
    if qualifier in ("range", "vague"):
        endpoints = f"{_number(low, unit)}{DASH}{_number(high, unit)}"
        return endpoints if qualifier == "range" else f"{endpoints} (vague)"
    return _QUALIFIER_WORDS.get(qualifier, "") + _number(value, unit)


def _number(value: float, unit: str = COUNT) -> str:
    if unit == PERCENT:
        return f"{_plain(value)}%"
    if unit != COUNT:
        return f"{unit} {_plain(value)}"
    return _plain(value)


def _plain(value: float) -> str:
    """Thousands separators, and at most two decimals: '3,000,000', '2.5'."""
    if not math.isfinite(value):
        return str(value)
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def compact(value: float) -> str:
    """A range's endpoint in few digits: '2.7M', '45,000'."""
    for scale, suffix in ((1e9, "B"), (1e6, "M")):
        if abs(value) >= scale:
            return f"{value / scale:.3g}{suffix}"
    return _plain(value)
