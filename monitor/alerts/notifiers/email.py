"""Email: one multipart/alternative message (text and HTML) sent with smtplib.

Transport security, from ``smtp_url``:

- ``smtps://host[:465]`` - TLS from the first byte.
- ``smtp://host[:25]`` - plain, upgraded with STARTTLS whenever the server offers it. When the
  URL holds credentials STARTTLS is required, on every host including loopback: the password
  never travels in clear, and a relay on the same machine that needs no TLS needs no password
  either (leave ``user:pass@`` out).

Certificates are always verified against the system's trust store (``tls_context`` replaces
it, for tests and private CAs). Delivery is all or nothing: if any recipient is refused, the
transaction is reset before DATA, so a retry cannot send a second copy to the others.

Errors (DeliveryError.kind): "smtp_connect" the server could not be reached or greeted us
with a refusal; "tls" TLS failed or STARTTLS is missing where credentials need it; "smtp_auth"
the login failed; "smtp_rejected" the sender, a recipient or the message was refused;
"timeout" and "network" the session broke off later. 5xx replies, failed logins, untrusted
certificates and a missing STARTTLS are permanent; everything else may be retried.
"""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8
from email.utils import format_datetime, parseaddr
from urllib.parse import unquote, urlsplit

from monitor.alerts.model import DeliveryError, Rendered
from monitor.alerts.notifiers import option, register
from monitor.alerts.notifiers.redact import Redactor, clip, url_secrets
from monitor.config.settings import NotifierSettings
from monitor.secrets import Secret

IDEMPOTENCY_HEADER = "X-Figure-Monitor-Idempotency-Key"
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
# The kind of a refusing SMTP reply, by the step that drew it; later steps are "smtp_rejected".
_RESPONSE_KINDS = {"connect": "smtp_connect", "tls": "tls", "auth": "smtp_auth"}


@dataclass(frozen=True, slots=True)
class SmtpTarget:
    """The parts of an ``smtp_url``; ``username`` and ``password`` are percent-decoded."""

    implicit_tls: bool
    host: str
    port: int
    username: str | None
    password: str | None

    @property
    def where(self) -> str:
        """Host and port, fit for messages (the credentials are not part of it)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpTarget:
    """Return the target of an ``smtp://`` or ``smtps://`` URL; ValueError names no secret."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        raise ValueError("the SMTP URL has an invalid port") from None
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError("expected an smtp:// or smtps:// URL with a host")
    return SmtpTarget(
        implicit_tls=scheme == "smtps",
        host=parts.hostname,
        port=port or DEFAULT_PORTS[scheme],
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
    )


def compose(
    message: Rendered,
    *,
    sender: str,
    recipients: Sequence[str],
    subject_prefix: str,
    idempotency_key: str,
    message_id: str,
    now: datetime | None = None,
) -> EmailMessage:
    """Return the email for ``message``: text, then HTML (readers show the last they can)."""
    mail = EmailMessage()
    mail["Subject"] = _one_line(f"{subject_prefix} {message.subject}")
    mail["From"] = sender
    mail["To"] = ", ".join(recipients)
    mail["Date"] = format_datetime(now or datetime.now(UTC))
    mail["Message-ID"] = message_id
    mail[IDEMPOTENCY_HEADER] = _one_line(idempotency_key)
    # RFC 3834: machine-made mail, so vacation responders and the like do not answer it.
    mail["Auto-Submitted"] = "auto-generated"
    mail.set_content(message.text)
    mail.add_alternative(message.html, subtype="html")
    return mail


def message_id(sender: str, notifier: str, idempotency_key: str) -> str:
    """Return a Message-ID that is the same on every retry of one delivery.

    email.utils.make_msgid would give each attempt a new one; a stable one lets mail readers
    fold the second copy that a retry sends when the first answer to DATA was lost.
    """
    domain = parseaddr(sender)[1].rpartition("@")[2]
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        domain = ""
    seed = f"{notifier}\0{idempotency_key}".encode()
    return f"<{hashlib.sha256(seed).hexdigest()[:32]}@{domain or 'figure-monitor.invalid'}>"


# Not frozen: the Notifier protocol declares ``name`` a plain (writable) attribute.
@dataclass(slots=True, kw_only=True)
class EmailNotifier:
    """Sends each message to every ``to`` address in one SMTP transaction."""

    name: str
    smtp_url: Secret = field(repr=False)
    sender: str
    recipients: tuple[str, ...]
    subject_prefix: str = "[figure-monitor]"
    timeout: float = 20.0
    # None: the system's trust store with hostname checks (ssl.create_default_context()).
    tls_context: ssl.SSLContext | None = field(default=None, repr=False)

    def send(self, message: Rendered, *, idempotency_key: str) -> str:
        """Send the message; return the server's answer to DATA ("250 2.0.0 Ok: queued")."""
        url = self.smtp_url.reveal()
        label = f"email notifier {self.name!r}"
        try:
            target = parse_smtp_url(url)
        except ValueError as error:
            raise DeliveryError("smtp_connect", f"{label}: {error}", permanent=True) from None
        session = _Session(
            label, target, self.timeout, self._context(), Redactor(*url_secrets(url))
        )
        mail = compose(
            message,
            sender=self.sender,
            recipients=self.recipients,
            subject_prefix=self.subject_prefix,
            idempotency_key=idempotency_key,
            message_id=message_id(self.sender, self.name, idempotency_key),
        )
        return session.deliver(
            mail, parseaddr(self.sender)[1], [parseaddr(to)[1] for to in self.recipients]
        )

    def _context(self) -> ssl.SSLContext:
        return self.tls_context if self.tls_context is not None else ssl.create_default_context()


class _Session:
    """One SMTP conversation; ``phase`` says which error kind a broken socket means."""

    def __init__(
        self,
        label: str,
        target: SmtpTarget,
        timeout: float,
        context: ssl.SSLContext,
        redact: Redactor,
    ) -> None:
        self.label = label
        self.target = target
        self.timeout = timeout
        self.context = context
        self.redact = redact
        self.phase = "connect"

    def deliver(self, mail: EmailMessage, sender: str, recipients: list[str]) -> str:
        client: smtplib.SMTP | None = None
        try:
            client = self._connect()
            self.phase = "tls"
            self._secure(client)
            if self.target.username is not None:
                self.phase = "auth"
                client.login(self.target.username, self.target.password or "")
            self.phase = "send"
            reply = self._transmit(client, mail, sender, recipients)
        except DeliveryError:
            _close(client, polite=True)  # the server answered; the session is still sound
            raise
        except (smtplib.SMTPException, OSError) as error:
            _close(client, polite=False)
            # The cause stays out of the chain: its text may hold what the redactor removed.
            raise self._error(error) from None
        # Accepted: a failure while saying goodbye must not turn into a retry and a duplicate.
        _close(client, polite=True)
        return reply

    def _connect(self) -> smtplib.SMTP:
        host, port, timeout = self.target.host, self.target.port, self.timeout
        if self.target.implicit_tls:
            return smtplib.SMTP_SSL(host, port, timeout=timeout, context=self.context)
        return smtplib.SMTP(host, port, timeout=timeout)

    def _secure(self, client: smtplib.SMTP) -> None:
        client.ehlo()
        if self.target.implicit_tls:
            return
        if client.has_extn("starttls"):
            client.starttls(context=self.context)
            client.ehlo()  # the extensions offered before TLS no longer count
        elif self.target.username is not None:
            raise DeliveryError(
                "tls",
                f"{self.label}: {self.target.where} does not offer STARTTLS; refusing to send "
                "the password in clear (use smtps:// or a server with STARTTLS)",
                permanent=True,
            )

    def _transmit(
        self, client: smtplib.SMTP, mail: EmailMessage, sender: str, recipients: list[str]
    ) -> str:
        international = not all(a.isascii() for a in [sender, *recipients])
        options: list[str] = []
        if international:
            if not client.has_extn("smtputf8"):
                raise DeliveryError(
                    "smtp_rejected",
                    f"{self.label}: {self.target.where} does not accept non-ASCII addresses "
                    "(no SMTPUTF8)",
                    permanent=True,
                )
            options = ["SMTPUTF8", "BODY=8BITMIME"]
        code, reply = client.mail(sender, options)
        if code != 250:
            raise self._rejection("sender refused", [(code, reply)])
        refused = []
        for recipient in recipients:
            code, reply = client.rcpt(recipient)
            if code not in (250, 251):
                refused.append((code, f"<{recipient}>: ".encode() + reply))
        if refused:
            # Nothing was sent: QUIT (in deliver) drops the transaction for every recipient.
            raise self._rejection("recipient refused", refused)
        self.phase = "data"
        data = mail.as_bytes(policy=SMTPUTF8 if international else SMTP)
        code, reply = client.data(data)
        if code != 250:
            # smtplib raises for a refused DATA command but hands back a refused message.
            raise self._rejection("message refused", [(code, reply)])
        return self._reply(code, reply)

    def _rejection(self, what: str, replies: list[tuple[int, bytes]]) -> DeliveryError:
        text = "; ".join(self._reply(code, reply) for code, reply in replies)
        # One lasting refusal (5xx) is enough: a retry would meet it again.
        permanent = any(code >= 500 for code, _ in replies)
        code = max(code for code, _ in replies)
        return DeliveryError(
            "smtp_rejected", f"{self.label}: {what}: {text}", permanent=permanent, status=code
        )

    def _reply(self, code: int, reply: bytes | str) -> str:
        return f"{code} {clip(self.redact(clip(reply, 1000)))}".strip()

    def _error(self, error: smtplib.SMTPException | OSError) -> DeliveryError:
        label, where = self.label, self.target.where
        if isinstance(error, ssl.SSLCertVerificationError):
            reason = error.verify_message or "verification failed"
            return DeliveryError(
                "tls", f"{label}: certificate of {where} not trusted: {reason}", permanent=True
            )
        if isinstance(error, ssl.SSLError):
            return DeliveryError("tls", f"{label}: TLS with {where} failed: {self._text(error)}")
        if isinstance(error, smtplib.SMTPResponseException):
            code, reply = error.smtp_code, self._reply(error.smtp_code, error.smtp_error)
            kind = _RESPONSE_KINDS.get(self.phase, "smtp_rejected")
            # A 4xx is the server's "not now" (454 temporary authentication failure, 421).
            return DeliveryError(
                kind, f"{label}: {where} answered {reply}", permanent=code >= 500, status=code
            )
        auth_setup = isinstance(error, smtplib.SMTPException) and not isinstance(
            error, smtplib.SMTPServerDisconnected
        )
        if self.phase == "auth" and auth_setup:
            # No AUTH extension or no mechanism in common: a setup problem, not a passing one.
            return DeliveryError("smtp_auth", f"{label}: {self._text(error)}", permanent=True)
        if self.phase == "connect":
            return DeliveryError(
                "smtp_connect", f"{label}: cannot reach {where}: {self._text(error)}"
            )
        if isinstance(error, TimeoutError):
            return DeliveryError("timeout", f"{label}: {where} stopped answering ({self.phase})")
        return DeliveryError("network", f"{label}: {where} ({self.phase}): {self._text(error)}")

    def _text(self, error: BaseException) -> str:
        text = clip(self.redact(str(error)))
        return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _close(client: smtplib.SMTP | None, *, polite: bool) -> None:
    if client is None:
        return
    try:
        if polite:
            client.quit()
    except (smtplib.SMTPException, OSError):
        pass  # the message is already accepted; the goodbye is a courtesy
    finally:
        client.close()


def _one_line(text: str) -> str:
    # A line break in a header value would start a new header; a rendered subject must not.
    return " ".join(text.split())


@register("email")
def build_email(
    settings: NotifierSettings, *, timeout: float, tls_context: ssl.SSLContext | None = None
) -> EmailNotifier:
    """Build the notifier of a ``type = "email"`` table; ``tls_context`` replaces the default."""
    recipients = settings.options.get("to")
    if not isinstance(recipients, tuple | list) or not recipients:
        raise TypeError(f"notify.{settings.name}.to: expected a non-empty list of addresses")
    return EmailNotifier(
        name=settings.name,
        smtp_url=option(settings, "smtp_url", Secret),
        sender=option(settings, "from", str),
        recipients=tuple(str(to) for to in recipients),
        subject_prefix=str(settings.options.get("subject_prefix", "[figure-monitor]")),
        timeout=timeout,
        tls_context=tls_context,
    )
