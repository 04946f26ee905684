"""The parts of ``monitor.fetch``: address policy, request slots, robots.txt, text decoding."""

from __future__ import annotations
