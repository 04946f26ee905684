"""Notifiers against real servers on loopback: aiosmtpd for email, tests/servers.py for HTTP."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from monitor.alerts.model import DeliveryError, Notifier, Rendered
from monitor.alerts.notifiers import build_notifier, registered_types
from monitor.alerts.notifiers.console import SEPARATOR, ConsoleNotifier
from monitor.alerts.notifiers.email import EmailNotifier, build_email
from monitor.alerts.notifiers.slack import SlackNotifier
from monitor.alerts.notifiers.webhook import WebhookNotifier
from monitor.config.keys import NOTIFY_TYPE_KEYS
from monitor.config.settings import NotifierSettings
from monitor.secrets import Secret
from tests.servers import FeedServer

KEY = "alert-42:desk"
USER = "alerts"
PASSWORD = "pa:ss/w@rd 9f3kq"  # characters that must be percent-encoded in a URL
SLACK_PATH = "/services/T0001/B0002/sEcReTtOkEn123"
HOOK_PATH = "/hooks/alerts-7c1e9d"
HOOK_SECRET = "whsec-4f0b3a"

RENDERED = Rendered(
    subject="Artillery shells: 5 million (was 3 million)",
    text="Artillery shells: 5 million\nPreviously: 3 million (Yonhap)\n",
    html="<p>Artillery shells: <b>5 million</b></p>",
    slack={"text": "Artillery shells: 5 million", "blocks": [{"type": "section"}]},
    payload={
        "id": 42,
        "kind": "changed_figure",
        "watch": "dprk-russia-arms",
        "value": 5_000_000,
        "thing": "artillery shells",
        "sentence": "Pyongyang has shipped 5 million rounds \u2013 officials say.",
    },
)


def free_port() -> int:
    """Return a loopback port that nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# ---------------------------------------------------------------- SMTP server


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    """An aiosmtpd handler: keeps what arrives, refuses what a test asks it to."""

    received: list[Received] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # recipient -> SMTP reply
    data_reply: str = "250 2.0.0 Ok: queued as 4F1A2"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.data_reply.startswith("250"):
            content = envelope.original_content or b""
            mail = message_from_bytes(content, policy=policy.default)
            assert isinstance(mail, EmailMessage)
            self.received.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos), mail))
        return self.data_reply


class LoopbackController(Controller):
    """aiosmtpd's Controller on 127.0.0.1 and a port the system picks (no port races)."""

    def _create_server(self) -> Any:
        return self._bind()

    async def _bind(self) -> asyncio.AbstractServer:
        server = await self.loop.create_server(
            self._factory_invoker, host="127.0.0.1", port=0, ssl=self.ssl_context
        )
        self.port = server.sockets[0].getsockname()[1]
        return server


def authenticator(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    good = isinstance(auth_data, LoginPassword) and auth_data == (
        USER.encode(),
        PASSWORD.encode(),
    )
    # handled=False: aiosmtpd answers a failure itself ("535 5.7.8 Authentication ...").
    return AuthResult(success=good, handled=False)


@dataclass
class SmtpServer:
    mailbox: Mailbox
    port: int


@pytest.fixture
def start_smtp() -> Iterator[Any]:
    """Start aiosmtpd servers for the test (keyword arguments go to aiosmtpd's SMTP)."""
    controllers: list[Controller] = []

    def start(**kwargs: Any) -> SmtpServer:
        mailbox = Mailbox()
        controller = LoopbackController(mailbox, hostname="127.0.0.1", **kwargs)
        controller.start()
        controllers.append(controller)
        return SmtpServer(mailbox, controller.port)

    yield start
    for controller in controllers:
        controller.stop()


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts this one certificate."""
        return ssl.create_default_context(cafile=str(self.cert))


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for 127.0.0.1, made with openssl (the venv has no cryptography)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("no openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = [openssl, "req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"]
    command += ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
    command += ["-keyout", str(key), "-out", str(cert)]
    command += ["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
    subprocess.run(
        command,
        check=True,
        capture_output=True,
    )
    return Certificate(cert, key)


def email_notifier(
    port: int,
    *,
    scheme: str = "smtp",
    credentials: bool = False,
    to: tuple[str, ...] = ("desk@example.org", "Ops Team <ops@example.org>"),
    tls_context: ssl.SSLContext | None = None,
    timeout: float = 5.0,
) -> EmailNotifier:
    userinfo = f"{USER}:{quote(PASSWORD, safe='')}@" if credentials else ""
    settings = NotifierSettings(
        name="desk",
        type="email",
        options={
            "smtp_url": Secret(f"{scheme}://{userinfo}127.0.0.1:{port}"),
            "from": "Figure Monitor <monitor@example.org>",
            "to": to,
            "subject_prefix": "[fm]",
        },
    )
    return build_email(settings, timeout=timeout, tls_context=tls_context)


def assert_no_secret(error: DeliveryError) -> None:
    text = f"{error} {error!r}"
    for secret in (PASSWORD, quote(PASSWORD, safe=""), SLACK_PATH, HOOK_PATH, HOOK_SECRET):
        assert secret not in text


# ---------------------------------------------------------------- email


def test_email_headers_parts_and_recipients(start_smtp: Any) -> None:
    server = start_smtp()
    notifier = email_notifier(server.port)

    reply = notifier.send(RENDERED, idempotency_key=KEY)

    assert reply == "250 2.0.0 Ok: queued as 4F1A2"
    [got] = server.mailbox.received
    assert got.mail_from == "monitor@example.org"
    assert got.rcpt_tos == ["desk@example.org", "ops@example.org"]
    mail = got.message
    assert mail["Subject"] == "[fm] Artillery shells: 5 million (was 3 million)"
    assert mail["From"] == "Figure Monitor <monitor@example.org>"
    assert mail["To"] == "desk@example.org, Ops Team <ops@example.org>"
    assert parsedate_to_datetime(mail["Date"]).tzinfo is not None
    assert mail["Message-ID"].startswith("<") and mail["Message-ID"].endswith("@example.org>")
    assert mail["X-Figure-Monitor-Idempotency-Key"] == KEY
    assert mail.get_content_type() == "multipart/alternative"
    text = mail.get_body(("plain",))
    html = mail.get_body(("html",))
    assert text is not None and html is not None
    assert isinstance(text, EmailMessage) and isinstance(html, EmailMessage)
    # Parsed straight off the wire, the lines keep SMTP's CRLF endings.
    assert text.get_content().replace("\r\n", "\n") == RENDERED.text
    assert html.get_content().strip() == RENDERED.html


def test_email_message_id_is_stable_across_retries(start_smtp: Any) -> None:
    server = start_smtp()
    notifier = email_notifier(server.port)
    notifier.send(RENDERED, idempotency_key=KEY)
    notifier.send(RENDERED, idempotency_key=KEY)
    notifier.send(RENDERED, idempotency_key="alert-43:desk")
    first, retry, other = (r.message["Message-ID"] for r in server.mailbox.received)
    assert first == retry != other


def test_email_subject_cannot_inject_headers(start_smtp: Any) -> None:
    server = start_smtp()
    sneaky = Rendered(
        subject="shells\r\nBcc: victim@example.org",
        text=RENDERED.text,
        html=RENDERED.html,
        slack=RENDERED.slack,
        payload=RENDERED.payload,
    )
    email_notifier(server.port).send(sneaky, idempotency_key=KEY)
    [got] = server.mailbox.received
    assert got.message["Subject"] == "[fm] shells Bcc: victim@example.org"
    assert got.message["Bcc"] is None
    assert got.rcpt_tos == ["desk@example.org", "ops@example.org"]


def test_email_starttls_and_auth(start_smtp: Any, certificate: Certificate) -> None:
    server = start_smtp(
        tls_context=certificate.server_context(),
        require_starttls=True,
        auth_require_tls=True,
        authenticator=authenticator,
    )
    notifier = email_notifier(
        server.port, credentials=True, tls_context=certificate.client_context()
    )

    assert notifier.send(RENDERED, idempotency_key=KEY).startswith("250 ")
    assert len(server.mailbox.received) == 1


def test_email_wrong_password_is_permanent_smtp_auth(
    start_smtp: Any, certificate: Certificate
) -> None:
    def refuse(*args: Any) -> AuthResult:
        return AuthResult(success=False, handled=False)

    server = start_smtp(tls_context=certificate.server_context(), authenticator=refuse)
    notifier = email_notifier(
        server.port, credentials=True, tls_context=certificate.client_context()
    )

    with pytest.raises(DeliveryError) as caught:
        notifier.send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "smtp_auth"
    assert caught.value.permanent
    assert caught.value.status == 535
    assert_no_secret(caught.value)
    assert server.mailbox.received == []


def test_email_refuses_password_without_starttls(start_smtp: Any) -> None:
    server = start_smtp(authenticator=authenticator, auth_require_tls=False)
    notifier = email_notifier(server.port, credentials=True)

    with pytest.raises(DeliveryError) as caught:
        notifier.send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "tls"
    assert caught.value.permanent
    assert "STARTTLS" in str(caught.value)
    assert_no_secret(caught.value)
    assert server.mailbox.received == []


def test_email_untrusted_certificate_is_permanent_tls(
    start_smtp: Any, certificate: Certificate
) -> None:
    server = start_smtp(tls_context=certificate.server_context())
    # The default context: the system's trust store, which does not hold the test certificate.
    notifier = email_notifier(server.port)

    with pytest.raises(DeliveryError) as caught:
        notifier.send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "tls"
    assert caught.value.permanent


def test_email_implicit_tls(start_smtp: Any, certificate: Certificate) -> None:
    # aiosmtpd counts only STARTTLS as TLS for auth_require_tls, not a TLS listener.
    server = start_smtp(
        ssl_context=certificate.server_context(),
        authenticator=authenticator,
        auth_require_tls=False,
    )
    notifier = email_notifier(
        server.port, scheme="smtps", credentials=True, tls_context=certificate.client_context()
    )

    assert notifier.send(RENDERED, idempotency_key=KEY).startswith("250 ")
    assert len(server.mailbox.received) == 1


def test_email_server_down_is_retriable_smtp_connect() -> None:
    notifier = email_notifier(free_port(), credentials=True)

    with pytest.raises(DeliveryError) as caught:
        notifier.send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "smtp_connect"
    assert not caught.value.permanent
    assert "127.0.0.1" in str(caught.value)
    assert_no_secret(caught.value)


def test_email_silent_server_is_retriable_smtp_connect() -> None:
    # The kernel completes the handshake for a listening socket; nobody ever greets.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        notifier = email_notifier(silent.getsockname()[1], timeout=0.3)

        with pytest.raises(DeliveryError) as caught:
            notifier.send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "smtp_connect"
    assert not caught.value.permanent


def test_email_rejected_recipient_is_permanent_and_nothing_is_sent(start_smtp: Any) -> None:
    server = start_smtp()
    server.mailbox.refuse["ops@example.org"] = "550 5.1.1 <ops@example.org>: no such user"
    notifier = email_notifier(server.port)

    with pytest.raises(DeliveryError) as caught:
        notifier.send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "smtp_rejected"
    assert caught.value.permanent
    assert caught.value.status == 550
    assert "no such user" in str(caught.value)
    # All or nothing: desk@ got no copy, so a fixed config's retry sends exactly one.
    assert server.mailbox.received == []


def test_email_temporary_refusal_is_retriable(start_smtp: Any) -> None:
    server = start_smtp()
    server.mailbox.refuse["desk@example.org"] = "450 4.2.0 greylisted, try again later"

    with pytest.raises(DeliveryError) as caught:
        email_notifier(server.port).send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "smtp_rejected"
    assert not caught.value.permanent


@pytest.mark.parametrize(
    ("reply", "permanent"), [("554 5.6.0 spam", True), ("451 4.3.0 busy", False)]
)
def test_email_data_refusal(start_smtp: Any, reply: str, permanent: bool) -> None:
    server = start_smtp()
    server.mailbox.data_reply = reply

    with pytest.raises(DeliveryError) as caught:
        email_notifier(server.port).send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "smtp_rejected"
    assert caught.value.permanent is permanent
    assert reply.split()[-1] in str(caught.value)


# ---------------------------------------------------------------- Slack


def slack_notifier(server: FeedServer, *, timeout: float = 5.0) -> SlackNotifier:
    settings = NotifierSettings(
        name="ops", type="slack", options={"webhook_url": Secret(server.url(SLACK_PATH))}
    )
    notifier = build_notifier(settings, timeout=timeout)
    assert isinstance(notifier, SlackNotifier)
    return notifier


def test_slack_posts_the_blocks(feed_server: FeedServer) -> None:
    feed_server.route(SLACK_PATH, body=b"ok", headers={"Content-Type": "text/html"})

    assert slack_notifier(feed_server).send(RENDERED, idempotency_key=KEY) == "200 ok"

    [request] = feed_server.requests
    assert request.method == "POST"
    assert request.path == SLACK_PATH
    assert request.headers["content-type"].startswith("application/json")
    assert json.loads(request.body) == RENDERED.slack


def test_slack_rate_limit_is_retriable_with_retry_after(feed_server: FeedServer) -> None:
    feed_server.route(SLACK_PATH, status=429, headers={"Retry-After": "30"}, body=b"rate_limited")

    with pytest.raises(DeliveryError) as caught:
        slack_notifier(feed_server).send(RENDERED, idempotency_key=KEY)

    error = caught.value
    assert (error.kind, error.status, error.permanent, error.retry_after) == (
        "http_status",
        429,
        False,
        30.0,
    )
    assert "slack notifier 'ops'" in str(error)
    assert_no_secret(error)


@pytest.mark.parametrize(
    ("status", "body", "permanent"),
    [
        (500, b"internal", False),
        (503, b"", False),
        (404, b"no_service", True),
        (403, b"action_prohibited", True),
        (410, b"channel_is_archived", True),
        (301, b"", True),
    ],
)
def test_slack_status_mapping(
    feed_server: FeedServer, status: int, body: bytes, permanent: bool
) -> None:
    feed_server.route(SLACK_PATH, status=status, body=body)

    with pytest.raises(DeliveryError) as caught:
        slack_notifier(feed_server).send(RENDERED, idempotency_key=KEY)

    assert caught.value.status == status
    assert caught.value.permanent is permanent
    assert f"HTTP {status}" in str(caught.value)
    assert body.decode() in str(caught.value)
    assert_no_secret(caught.value)


def test_slack_echoed_url_is_redacted(feed_server: FeedServer) -> None:
    echo = f"bad hook {feed_server.url(SLACK_PATH)} (token {SLACK_PATH.rsplit('/', 1)[1]})"
    feed_server.route(SLACK_PATH, status=400, body=echo.encode())

    with pytest.raises(DeliveryError) as caught:
        slack_notifier(feed_server).send(RENDERED, idempotency_key=KEY)

    assert_no_secret(caught.value)
    assert "sEcReTtOkEn123" not in str(caught.value)


def test_slack_timeout_is_retriable(feed_server: FeedServer) -> None:
    feed_server.route(SLACK_PATH, body=b"ok", delay=2.0)

    with pytest.raises(DeliveryError) as caught:
        slack_notifier(feed_server, timeout=0.3).send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "timeout"
    assert not caught.value.permanent
    assert_no_secret(caught.value)


def test_slack_receiver_down_is_retriable_network() -> None:
    url = f"http://127.0.0.1:{free_port()}{SLACK_PATH}"
    notifier = SlackNotifier(name="ops", webhook_url=Secret(url), timeout=2.0)

    with pytest.raises(DeliveryError) as caught:
        notifier.send(RENDERED, idempotency_key=KEY)

    assert caught.value.kind == "network"
    assert not caught.value.permanent
    assert_no_secret(caught.value)


# ---------------------------------------------------------------- webhook


def webhook_notifier(server: FeedServer, *, secret: str | None = HOOK_SECRET) -> WebhookNotifier:
    options: dict[str, object] = {"url": Secret(server.url(HOOK_PATH))}
    if secret is not None:
        options["secret"] = Secret(secret)
    notifier = build_notifier(NotifierSettings(name="hook", type="webhook", options=options))
    assert isinstance(notifier, WebhookNotifier)
    return notifier


def test_webhook_posts_signed_json(feed_server: FeedServer) -> None:
    feed_server.route(HOOK_PATH, status=202, body=b"")

    reply = webhook_notifier(feed_server).send(RENDERED, idempotency_key=KEY)

    assert reply == "202 Accepted"
    [request] = feed_server.requests
    assert request.method == "POST"
    assert request.headers["content-type"] == "application/json; charset=utf-8"
    assert request.headers["idempotency-key"] == KEY
    assert json.loads(request.body.decode("utf-8")) == RENDERED.payload
    expected = hmac.new(HOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["x-figure-monitor-signature"], f"sha256={expected}")


def test_webhook_without_secret_is_unsigned(feed_server: FeedServer) -> None:
    feed_server.route(HOOK_PATH, body=b"thanks")

    assert webhook_notifier(feed_server, secret=None).send(RENDERED, idempotency_key=KEY) == (
        "200 thanks"
    )
    [request] = feed_server.requests
    assert "x-figure-monitor-signature" not in request.headers


@pytest.mark.parametrize(
    ("status", "headers", "permanent", "retry_after"),
    [
        (429, {"Retry-After": "12"}, False, 12.0),
        (503, {"Retry-After": "7"}, False, 7.0),
        (500, {}, False, None),
        (404, {}, True, None),
        (400, {"Retry-After": "5"}, True, None),  # a bad request stays bad
    ],
)
def test_webhook_status_mapping(
    feed_server: FeedServer,
    status: int,
    headers: dict[str, str],
    permanent: bool,
    retry_after: float | None,
) -> None:
    feed_server.route(HOOK_PATH, status=status, headers=headers, body=HOOK_PATH.encode())

    with pytest.raises(DeliveryError) as caught:
        webhook_notifier(feed_server).send(RENDERED, idempotency_key=KEY)

    error = caught.value
    assert (error.kind, error.status, error.permanent) == ("http_status", status, permanent)
    assert error.retry_after == retry_after
    assert "webhook notifier 'hook'" in str(error)
    assert_no_secret(error)


# ---------------------------------------------------------------- console and registry


def test_console_prints_text(capsys: pytest.CaptureFixture[str]) -> None:
    notifier = build_notifier(NotifierSettings(name="screen", type="console", options={}))
    assert isinstance(notifier, ConsoleNotifier)

    assert notifier.send(RENDERED, idempotency_key=KEY) == "printed"

    assert capsys.readouterr().out == f"{SEPARATOR}\n{RENDERED.text}"


def test_registry_covers_every_configurable_type() -> None:
    assert registered_types() == set(NOTIFY_TYPE_KEYS)


def test_build_notifier_of_every_type_satisfies_the_protocol() -> None:
    options: dict[str, dict[str, object]] = {
        "email": {
            "smtp_url": Secret(f"smtps://{USER}:{PASSWORD}@mail.example.org"),
            "from": "monitor@example.org",
            "to": ("desk@example.org",),
            "subject_prefix": "[fm]",
        },
        "slack": {"webhook_url": Secret("https://hooks.slack.com" + SLACK_PATH)},
        "webhook": {"url": Secret("https://example.org" + HOOK_PATH), "secret": None},
        "console": {},
    }
    for type_name, given in options.items():
        notifier: Notifier = build_notifier(
            NotifierSettings(name=f"n-{type_name}", type=type_name, options=given), timeout=3.0
        )
        assert notifier.name == f"n-{type_name}"
        for secret in (PASSWORD, SLACK_PATH, HOOK_PATH):
            assert secret not in repr(notifier)


def test_build_notifier_unknown_type() -> None:
    with pytest.raises(ValueError, match="unknown type 'pigeon'"):
        build_notifier(NotifierSettings(name="x", type="pigeon", options={}))
