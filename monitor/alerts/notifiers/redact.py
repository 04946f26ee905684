"""Keeping secrets out of delivery errors: server text is clipped and scrubbed before use.

A DeliveryError message ends up in logs and on alert rows, and part of it comes from the
other side (an SMTP reply, an HTTP body, an exception from a library that saw the URL), so
every such piece passes through a Redactor holding the secrets of that one delivery.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

from monitor.secrets import MASK

_SPACE = re.compile(r"\s+")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")
_MIN_SEGMENT = 8


class Redactor:
    """Replaces each of a set of secret strings, wherever it appears, with ``***``."""

    def __init__(self, *secrets: str | None) -> None:
        variants: set[str] = set()
        for secret in secrets:
            if not secret:
                continue
            # A library may show a value percent-encoded or decoded; hide every spelling.
            variants.update({secret, unquote(secret), quote(secret, safe="")})
        # Longest first, so a URL goes as a whole before its path could leave the host behind.
        self._secrets = sorted((v for v in variants if v), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text


def url_secrets(url: str) -> list[str]:
    """Return the parts of a secret URL that must never be shown.

    The whole URL, its credentials, and its path and query: a Slack webhook's path is its
    token. Scheme, host and port stay showable, so an error can still say where it went.
    """
    parts = urlsplit(url)
    found = [url, parts.username, parts.password, parts.query]
    path_and_query = parts.path + (f"?{parts.query}" if parts.query else "")
    if len(parts.path) > 1:  # a bare "/" hides nothing and would mask every slash
        found += [parts.path, path_and_query]
    # A server may echo one segment alone (Slack's token is the last); short ones are words
    # like "hooks" that would only blot out harmless text.
    found += [segment for segment in parts.path.split("/") if len(segment) >= _MIN_SEGMENT]
    return [part for part in found if part]


def clip(text: str | bytes, limit: int = 200) -> str:
    """Return server text on one printable line of at most ``limit`` characters."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = _SPACE.sub(" ", _UNPRINTABLE.sub(" ", text)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
