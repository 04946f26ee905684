"""Turn a body into text: by the charset it declares when that works, else by detection."""

from __future__ import annotations

import codecs
import math
import re

import charset_normalizer

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Browsers look for <meta charset> in the first 1024 bytes; pages padded with scripts and
# comments put it later, so look a little further.
_SNIFF_BYTES = 4096
_LABEL = rb"""["']?\s*([A-Za-z0-9_.:()+-]+)"""
# Matches <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
_META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*" + _LABEL, re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\s[^>]*?encoding\s*=\s*" + _LABEL, re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
# The web's most common legacy charset, preferred when detection finds candidates equally good.
_COMMON_LEGACY = "cp1252"


def parse_content_type(value: str) -> tuple[str, str | None]:
    """Return the media type (lower case; "" when absent) and the charset parameter, if any."""
    media, _, parameters = value.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, raw = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = raw.strip().strip("\"'").strip() or None
    return media.strip().lower(), charset


def looks_like_html(body: bytes) -> bool:
    """Return whether the body starts like an HTML document (for answers without a type)."""
    head = body[:1024].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    return head.startswith(_HTML_STARTS) or b"<html" in head


def declared_in_body(body: bytes) -> str | None:
    """Return the charset a <meta> tag or an XML declaration names near the start, if any."""
    head = body[:_SNIFF_BYTES]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii") if found else None


def decode(body: bytes, header_charset: str | None) -> tuple[str, str] | None:
    """Return the text and the name of the codec used, or None when nothing decodes the body.

    A byte-order mark wins, then the Content-Type charset, then one declared in the body;
    a declared charset that is unknown or fails to decode gives way to the next, and
    detection comes last.
    """
    if not body:
        return "", _codec_name(header_charset) or "utf-8"
    for bom, name in _BOMS:
        if body.startswith(bom):
            decoded = _try(body[len(bom) :], name)
            if decoded is not None:
                return decoded
    for label in (header_charset, declared_in_body(body)):
        decoded = _try(body, label) if label else None
        if decoded is not None:
            return decoded
    return _detect(body)


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(body: bytes, label: str) -> tuple[str, str] | None:
    name = _codec_name(label)
    if name is None:
        return None
    try:
        return body.decode(name), name
    except (UnicodeDecodeError, LookupError):  # LookupError: a codec that is not for text
        return None


def _detect(body: bytes) -> tuple[str, str] | None:
    matches = charset_normalizer.from_bytes(body)
    best = matches.best()
    if best is None:
        return None
    # On short Western text several single-byte code pages often score exactly the same,
    # and the detector then returns the first in its own order (cp1250, cp1257...), which
    # turns "crème" into "crčme"; among equals the common one is the better guess.
    for match in matches:
        tied = math.isclose(match.chaos, best.chaos) and math.isclose(
            match.coherence, best.coherence
        )
        if tied and _COMMON_LEGACY in match.could_be_from_charset:
            return str(match), _COMMON_LEGACY
    return str(best), _codec_name(best.encoding) or best.encoding
