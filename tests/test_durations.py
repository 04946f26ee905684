from __future__ import annotations

import pytest

from monitor.durations import parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("10m", 600),
        ("1h", 3600),
        ("1h30m", 5400),
        ("1h 30m", 5400),
        ("2d", 172800),
        ("500ms", 0.5),
        ("1.5h", 5400),
        ("1d2h3m4s", 93784),
    ],
)
def test_parse_duration_reads_operator_spellings(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "20",
        "fast",
        "10 minutes",
        "m10",
        "0s",
        "10m5",
        "-5s",
        "5s1h",
        "10m10m",
        "1h 3 0m",
        "\uff11\uff10s",  # full-width digits
    ],
)
def test_parse_duration_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)
