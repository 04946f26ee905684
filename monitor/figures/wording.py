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


# Scale words for human(): only used when they lose no digit (see _scaled).
_SCALES: tuple[tuple[float, str], ...] = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Currencies English news writes with a symbol; every other code stays a prefix, as amount() has it.
_SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}


def human(value: float, unit: str = COUNT) -> str:
    """A value as a reader says it: '5 million', '11,000', '$1.2 billion', '12.5%'.

    A scale word replaces the digits only when it keeps every digit amount() would show (at most
    two decimals of the scale), so 1,234,567 stays '1,234,567': readable, never rounded.
    """
    prefix, number, suffix = _human_parts(value, unit)
    return f"{prefix}{number}{suffix}"


def human_amount(value: float, low: float, high: float, qualifier: str, unit: str) -> str:
    """amount() in human() numbers: 'about 3 million', '2\u20133 million', '$1.2 billion'."""
    if qualifier not in ("range", "vague"):
        return _QUALIFIER_WORDS.get(qualifier, "") + human(value, unit)
    low_parts, high_parts = _human_parts(low, unit), _human_parts(high, unit)
    if (low_parts[0], low_parts[2]) == (high_parts[0], high_parts[2]):
        # Same symbol and scale on both ends: say them once, '$2\u20133 million', '10\u201312%'.
        endpoints = f"{low_parts[0]}{low_parts[1]}{DASH}{high_parts[1]}{high_parts[2]}"
    else:
        endpoints = f"{''.join(low_parts)}{DASH}{''.join(high_parts)}"
    return endpoints if qualifier == "range" else f"{endpoints} (vague)"


def _human_parts(value: float, unit: str) -> tuple[str, str, str]:
    """(prefix, number, suffix) of human(): ('$', '1.2', ' billion'), ('', '12.5', '%')."""
    sign = "-" if value < 0 else ""
    if unit == PERCENT:
        return sign, _plain(abs(value)), "%"  # '12 million%' would help no one
    number, scale = _scaled(abs(value))
    if unit == COUNT:
        return sign, number, scale
    symbol = _SYMBOLS.get(unit.upper())
    return (f"{sign}{symbol}" if symbol else f"{sign}{unit} "), number, scale


def _scaled(value: float) -> tuple[str, str]:
    """('5', ' million') when the scale word loses no digit, else ('1,234,567', '')."""
    if math.isfinite(value):
        for scale, word in _SCALES:
            if value >= scale:
                mantissa = value / scale
                # Two decimals, as _plain shows; the tolerance absorbs float noise (1.2e9 / 1e9).
                if abs(round(mantissa, 2) - mantissa) <= 1e-9 * mantissa:
                    return _plain(mantissa), f" {word}"
                break
    return _plain(value), ""
