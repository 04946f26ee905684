from __future__ import annotations

import logging

import pytest

from monitor.secrets import Secret

VALUE = "smtp://desk:hunter2-very-secret@mail.example.org:587"


def test_env_reference_resolves_from_the_environment() -> None:
    secret = Secret.from_config("env:SMTP_URL", {"SMTP_URL": VALUE})
    assert secret.is_set
    assert secret.env_name == "SMTP_URL"
    assert secret.reveal() == VALUE


def test_unset_variable_is_reported_not_guessed() -> None:
    secret = Secret.from_config("env:SMTP_URL", {})
    assert not secret.is_set
    with pytest.raises(LookupError, match="SMTP_URL is not set"):
        secret.reveal()
    assert "NOT SET" in secret.describe()


def test_every_way_of_printing_masks_the_value(caplog: pytest.LogCaptureFixture) -> None:
    secret = Secret.from_config("env:SMTP_URL", {"SMTP_URL": VALUE})
    logger = logging.getLogger("test.secrets")
    with caplog.at_level(logging.INFO):
        logger.info("using %s / %r / %s", secret, secret, {"url": secret})
        logger.info(f"formatted {secret} {secret!r} {secret:>40}")
    printed = [str(secret), repr(secret), f"{secret}", format(secret, "s"), caplog.text]
    assert all("hunter2" not in text for text in printed)
    assert str(secret) == "***"


def test_literal_secret_is_still_masked() -> None:
    secret = Secret.from_config(VALUE, {})
    assert secret.reveal() == VALUE
    assert secret.env_name is None
    assert repr(secret) == "Secret(***)"


def test_empty_variable_name_is_refused() -> None:
    with pytest.raises(ValueError, match="variable name"):
        Secret.from_config("env:", {})
