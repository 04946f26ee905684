"""The ``monitor`` command line: argument parsing only; each command calls one function."""

from __future__ import annotations

import json
import logging
from typing import Any

import click

from monitor import __version__
from monitor.config import Settings, load_settings
from monitor.errors import ConfigError, MonitorError
from monitor.status import status_report
from monitor.store import migrate
from monitor.store.db import display_url, open_engine
from monitor.textfmt import format_table

EXIT_ERROR = 1
EXIT_CONFIG = 2


class _MonitorGroup(click.Group):
    """Turns our errors into one line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as error:
            click.echo(str(error), err=True)
            ctx.exit(EXIT_CONFIG)
        except MonitorError as error:
            click.echo(f"monitor: {error}", err=True)
            ctx.exit(EXIT_ERROR)


class _State:
    def __init__(self, config_path: str | None) -> None:
        self.config_path = config_path
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config_path)
            configure_logging(self._settings.monitor.log_level)
        return self._settings


pass_state = click.make_pass_decorator(_State)


def configure_logging(level: str) -> None:
    """Log to stderr at ``level``; Alembic only says more than warnings at DEBUG."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Every command checks the schema revision, and Alembic announces each check at INFO.
    logging.getLogger("alembic").setLevel(level if level == "DEBUG" else "WARNING")


@click.group(cls=_MonitorGroup)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="TOML configuration file [default: $MONITOR_CONFIG, else ./monitor.toml].",
)
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Watch the news for figures that are new or have changed."""
    ctx.obj = _State(config_path)


@cli.group()
def db() -> None:
    """Manage the database schema."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@pass_state
def db_upgrade(state: _State, revision: str) -> None:
    """Migrate the database to the newest schema."""
    url = state.settings.monitor.database_url
    with open_engine(url, create=True) as engine:
        migrate.upgrade(engine, revision)
        click.echo(f"{display_url(url)}: schema at revision {migrate.current_revision(engine)}")


@db.command("downgrade")
@click.argument("revision")
@pass_state
def db_downgrade(state: _State, revision: str) -> None:
    """Migrate the database down to REVISION ("base" removes every table)."""
    url = state.settings.monitor.database_url
    with open_engine(url) as engine:
        migrate.downgrade(engine, revision)
        current = migrate.current_revision(engine) or "base"
        click.echo(f"{display_url(url)}: schema at revision {current}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
def status(state: _State, as_json: bool) -> None:
    """Show the database, its schema revision and how much it holds."""
    with open_engine(state.settings.monitor.database_url) as engine:
        report = status_report(state.settings, engine)
    if as_json:
        click.echo(json.dumps(report.to_json()))
    else:
        click.echo(format_table(("item", "value"), list(report.to_json().items())))


@cli.group("config")
def config_group() -> None:
    """Inspect the configuration."""


@config_group.command("check")
@pass_state
def config_check(state: _State) -> None:
    """Check the configuration, including that every env:NAME secret is set."""
    settings = state.settings
    settings.require_secrets()
    counts = (
        f"{len(settings.sources)} sources, {len(settings.watches)} watches, "
        f"{len(settings.notifiers)} notifiers"
    )
    database = display_url(settings.monitor.database_url)
    click.echo(f"{settings.origin}: ok ({counts}; database {database})")


def main() -> None:
    """Run the command line (the ``monitor`` console script)."""
    cli(prog_name="monitor")
