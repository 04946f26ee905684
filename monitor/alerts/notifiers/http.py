"""One HTTP POST for the Slack and webhook notifiers, and how its outcome maps to errors.

2xx delivers. 408, 425, 429 and 5xx are worth retrying, with the server's Retry-After when it
gives one; every other status (3xx included: redirects are not followed, the configured URL
is wrong) is permanent. Network failures and timeouts are retriable; a certificate the system
does not trust is permanent, other TLS failures are not.

The request goes through an httpx transport rather than an ``httpx.Client``: the client logs
every request's full URL at INFO (shown at log_level DEBUG), and a webhook URL is a secret.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping

import httpx

from monitor import __version__
from monitor.alerts.model import DeliveryError
from monitor.alerts.notifiers.redact import Redactor, clip, url_secrets
from monitor.fetch import parse_retry_after

USER_AGENT = f"figure-monitor/{__version__} (alert notifier)"
# An answer's body is only read for its first words (Slack says why in it); cap the read.
_BODY_LIMIT = 16_384
_RETRIABLE_4XX = frozenset({408, 425, 429})


def post(
    label: str,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    timeout: float,
) -> str:
    """POST ``body`` to ``url``; return "STATUS words" on 2xx, else raise DeliveryError.

    ``label`` names the notifier in error messages ("slack notifier 'ops'"); ``url`` never
    appears in them, nor any part of it but scheme, host and port.
    """
    redact = Redactor(*url_secrets(url))
    request_headers = {"User-Agent": USER_AGENT, **headers}
    try:
        request = httpx.Request("POST", url, content=body, headers=request_headers)
        # Timeouts travel with the request; the transport applies them to each phase.
        request.extensions["timeout"] = httpx.Timeout(timeout).as_dict()
        with httpx.HTTPTransport(retries=0) as transport:
            response = transport.handle_request(request)
            try:
                status = response.status_code
                head = _read_head(response)
            finally:
                response.close()
    except httpx.TimeoutException as error:
        raise DeliveryError("timeout", f"{label}: {_describe(error, redact)}") from None
    except (httpx.TransportError, httpx.InvalidURL) as error:
        raise _transport_error(label, error, redact) from None
    words = clip(redact(head.decode("utf-8", errors="replace")), 80) or response.reason_phrase
    if 200 <= status < 300:
        return f"{status} {words}".strip()
    raise status_error(label, status, words, response.headers.get("retry-after"))


def status_error(
    label: str, status: int, words: str, retry_after_header: str | None
) -> DeliveryError:
    """Return the error for a non-2xx answer; ``words`` is the (already redacted) body gist."""
    retriable = status in _RETRIABLE_4XX or status >= 500
    detail = f" {words}" if words else ""
    hint = " (redirects are not followed: check the URL)" if 300 <= status < 400 else ""
    return DeliveryError(
        "http_status",
        f"{label}: HTTP {status}{detail}{hint}",
        permanent=not retriable,
        # Any status may carry Retry-After (429 and 503 usually do); honour it when retrying.
        retry_after=parse_retry_after(retry_after_header) if retriable else None,
        status=status,
    )


def _read_head(response: httpx.Response) -> bytes:
    """Return at most _BODY_LIMIT bytes of the body, decoded from any Content-Encoding."""
    head = b""
    for piece in response.iter_bytes():
        head += piece
        if len(head) >= _BODY_LIMIT:
            break
    return head[:_BODY_LIMIT]


def _transport_error(
    label: str, error: httpx.TransportError | httpx.InvalidURL, redact: Redactor
) -> DeliveryError:
    tls = _tls_cause(error)
    if isinstance(tls, ssl.SSLCertVerificationError):
        # The system does not trust the server's certificate: waiting will not change that.
        reason = clip(redact(tls.verify_message or str(tls)))
        return DeliveryError("tls", f"{label}: certificate not trusted: {reason}", permanent=True)
    if tls is not None:
        return DeliveryError("tls", f"{label}: TLS failed: {_describe(tls, redact)}")
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return DeliveryError("network", f"{label}: unusable URL", permanent=True)
    return DeliveryError("network", f"{label}: {_describe(error, redact)}")


def _tls_cause(error: BaseException) -> ssl.SSLError | None:
    """Return the ssl error beneath a transport error, if there is one."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _describe(error: BaseException, redact: Redactor) -> str:
    text = clip(redact(str(error)))
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
