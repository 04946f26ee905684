"""The ``monitor`` command line: argument parsing only; each command calls one function.

Commands import the parts they use inside their bodies: extraction workers are spawned
processes that import this module again, and should not pay for the daemon's imports.
"""

from __future__ import annotations

import asyncio
import json
import logging
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import click

from monitor import __version__
from monitor.config import Settings, load_settings
from monitor.errors import ConfigError, MonitorError
from monitor.textfmt import format_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from monitor.store.figures import FigureRow


class _JsonRow(Protocol):
    def to_json(self) -> dict[str, object]: ...


class _ListedRow(_JsonRow, Protocol):
    """A row of a listing read a page at a time: its id is where the next page starts."""

    @property
    def id(self) -> int: ...


Row = TypeVar("Row", bound=_JsonRow)
Listed = TypeVar("Listed", bound=_ListedRow)
Read = TypeVar("Read")

EXIT_ERROR = 1
EXIT_CONFIG = 2

# Integers the parser checks, so "--limit -1" or a 30-digit id is a one-line usage error, not
# a silent "everything" or a database overflow: a listing shows 1 to a million rows, and a row
# id fits the databases' 64-bit integer.
_ROW_ID = click.IntRange(1, 2**63 - 1)
# A table is for people, so it shows the newest 50 unless told otherwise (and says how many it
# left out); --json is for programs, which would lose rows silently to a default, so it prints
# every row unless --limit is given.
TABLE_LIMIT = 50
# --json reads a listing this many rows per query, so a large database is never held in memory.
JSON_PAGE = 500
_limit_option = click.option(
    "--limit",
    type=click.IntRange(1, 1_000_000),
    help=f"How many of the newest to show [default: {TABLE_LIMIT}; with --json, all].",
)
# A page of a listing: (session, the id the previous page ended with or None, page size) -> rows.
Page = Callable[["Session", int | None, int], list[Listed]]


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
        except Exception as error:
            # The commands that open their own engine say which database; the daemon's start
            # meets an outage here (a supervisor starts it again).
            from monitor.store.db import unavailable_reason

            reason = unavailable_reason(error)
            if reason is None:
                raise
            click.echo(f"monitor: the database is unavailable: {reason}", err=True)
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
    """Log to stderr at ``level``; the libraries below only say more than warnings at DEBUG."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # At INFO these announce every schema check, HTTP request and scheduler run.
    for chatty in ("alembic", "httpx", "apscheduler"):
        logging.getLogger(chatty).setLevel(level if level == "DEBUG" else "WARNING")


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
    from monitor.store import migrate
    from monitor.store.db import display_url, open_engine

    url = state.settings.monitor.database_url
    with open_engine(url, create=True) as engine:
        migrate.upgrade(engine, revision)
        click.echo(f"{display_url(url)}: schema at revision {migrate.current_revision(engine)}")


@db.command("downgrade")
@click.argument("revision")
@pass_state
def db_downgrade(state: _State, revision: str) -> None:
    """Migrate the database down to REVISION ("base" removes every table)."""
    from monitor.store import migrate
    from monitor.store.db import display_url, open_engine

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
    from monitor.status import status_report
    from monitor.store.db import open_engine

    with open_engine(state.settings.monitor.database_url) as engine:
        report = status_report(state.settings, engine)
    if as_json:
        click.echo(json.dumps(report.to_json()))
    else:
        click.echo(format_table(("item", "value"), list(report.to_json().items())))


@cli.command()
@click.option("--once", is_flag=True, help="Poll every source once, process, and exit.")
@pass_state
def run(state: _State, once: bool) -> None:
    """Run the daemon: poll sources on schedule, keep matching articles (SIGTERM stops it)."""
    from monitor.daemon import run_daemon, run_once
    from monitor.polling import describe_poll

    settings = state.settings
    if not once:
        asyncio.run(run_daemon(settings))
        return
    results = asyncio.run(run_once(settings))
    for result in results:
        click.echo(describe_poll(result))
    if results and all(result.error_kind or result.held_by for result in results):
        raise MonitorError("no source could be polled")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@pass_state
def serve(state: _State, host: str, port: int) -> None:
    """Serve the read-only web view, its JSON API, /healthz and /metrics (Ctrl-C stops it)."""
    import uvicorn

    from monitor.store import migrate
    from monitor.store.db import open_engine
    from monitor.web.app import create_app

    settings = state.settings
    with open_engine(settings.monitor.database_url) as engine:
        migrate.require_current_schema(engine)
        click.echo(f"Serving the web view at http://{host}:{port}/", err=True)
        uvicorn.run(
            create_app(settings, engine),
            host=host,
            port=port,
            log_level=settings.monitor.log_level.lower(),
            access_log=False,
        )


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
    help="Publication date (UTC) for files that carry none.",
)
@pass_state
def import_(state: _State, paths: tuple[Path, ...], published: datetime | None) -> None:
    """Add HTML or text files to the corpus, in the order given (no alerts for them)."""
    from monitor.store import migrate
    from monitor.store.db import open_engine
    from monitor.tick import import_tick

    settings = state.settings
    when = published.replace(tzinfo=UTC) if published else None
    with open_engine(settings.monitor.database_url) as engine:
        migrate.require_current_schema(engine)
        results, settled = import_tick(engine, settings, list(paths), published_at=when)
    for result in results:
        decision = result.decision
        if result.article_id is None:
            kind = f" ({decision.kind} duplicate)" if decision is not None else ""
            click.echo(f"{result.path}: not imported: {result.problem}{kind}", err=True)
            continue
        matched = ", ".join(result.watches) or "no watch"
        line = f"{result.path}: #{result.article_id} {result.title or ''} ({matched})"
        if decision is not None and decision.duplicate_of is not None:
            line += (
                f": {decision.kind} duplicate of #{decision.duplicate_of}"
                f" (score {decision.score:.2f})"
            )
        click.echo(line)
    counted = sum(len(result.decided) for result in settled.decided)
    news = sum(result.news for result in settled.decided)
    click.echo(f"figures: {counted} read, {news} new or changed (`monitor figures` lists them)")
    if any(r.article_id is None and not (r.problem or "").startswith("already") for r in results):
        raise MonitorError("some files could not be imported")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")
@pass_state
def sources(state: _State, as_json: bool) -> None:
    """List the configured sources: state, failures, last error kind, next poll, lease."""
    from monitor.store import listing

    names = [source.name for source in state.settings.sources]
    now = datetime.now(UTC)
    rows = _read(state, lambda session: listing.list_sources(session, names, now=now))
    headers = (
        "name",
        "type",
        "state",
        "health",
        "failures",
        "last error",
        "last poll",
        "next poll",
        "entries",
        "lease",
    )
    _print_rows(
        rows,
        as_json=as_json,
        headers=headers,
        cells=lambda r: (
            r.name,
            r.type,
            r.state,
            r.health,
            r.failure_count,
            r.last_error_kind,
            _when(r.last_polled_at),
            _when(r.next_poll_at),
            r.entries,
            _lease_cell(r.lease_owner, r.lease_expires_at, now),
        ),
    )


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")
@_limit_option
@click.option("--duplicates", is_flag=True, help="Only the copies of held articles.")
@click.option(
    "--versions",
    "versions_of",
    metavar="URL",
    help="List the versions of the article at URL (it was edited) and what changed.",
)
@pass_state
def articles(
    state: _State, as_json: bool, limit: int | None, duplicates: bool, versions_of: str | None
) -> None:
    """List the newest stored articles with the watches they matched."""
    from monitor.store import listing

    if versions_of is not None:
        _article_versions(state, versions_of, as_json=as_json)
        return

    _print_listing(
        state,
        lambda session, before, size: listing.list_articles(
            session, limit=size, duplicates=duplicates, before_id=before
        ),
        lambda session: listing.count_articles(session, duplicates=duplicates),
        as_json=as_json,
        limit=limit,
        headers=("id", "published", "source", "watches", "dedup", "title"),
        cells=lambda r: (
            r.id,
            _when(r.published_at),
            r.source or r.site,
            ", ".join(r.matched_watches),
            _dedup_cell(r.duplicate_of, r.duplicate_kind, r.duplicate_score, r.also_published_by),
            (r.title or "")[:60],
        ),
    )


def _article_versions(state: _State, url: str, *, as_json: bool) -> None:
    from monitor.dedup.explain import explain_url
    from monitor.store.versions import list_versions

    def read(session: Session) -> list[Any]:
        held = explain_url(session, url).article_id
        return list_versions(session, held) if held is not None else []

    rows = _read(state, read)
    if not rows:
        raise MonitorError(f"no stored article at {url}")
    _print_rows(
        rows,
        as_json=as_json,
        headers=("version", "fetched", "sentences", "figures changed", "title"),
        cells=lambda r: (
            f"{r.version}{' (now)' if r.current else ''}",
            _when(r.fetched_at),
            f"+{r.sentences_added} -{r.sentences_removed}",
            "; ".join(r.figures_changed) or "-",
            (r.title or "")[:50],
        ),
    )


@cli.group("figures", invoke_without_command=True)
@click.option("--watch", help="Only this watch's figures.")
@click.option("--measure", help="Only this measure's figures (as `monitor figures` names it).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")
@pass_state
@click.pass_context
def figures(
    ctx: click.Context, state: _State, watch: str | None, measure: str | None, as_json: bool
) -> None:
    """List the figures read in stored articles, with each novelty decision."""
    if ctx.invoked_subcommand is not None:
        return
    from monitor.store.figures import list_figures

    if as_json:
        # Oldest first, every figure, a page at a time (the table needs them all at once to
        # size its columns).
        with _session(state) as session:
            _echo_pages(
                session,
                lambda session, after, size: list_figures(
                    session, watch=watch, measure=measure, limit=size, after_id=after
                ),
                limit=None,
            )
        return
    rows = _read(state, lambda session: list_figures(session, watch=watch, measure=measure))
    _print_rows(
        rows,
        as_json=False,
        headers=("id", "published", "site", "watch", "measure", "figure", "status"),
        cells=lambda r: (
            r.id,
            _when(r.published_at),
            r.site,
            r.watch,
            r.measure,
            _figure_cell(r),
            r.status,
        ),
    )


@figures.command("history")
@click.argument("measure")
@click.option("--watch", help="Only this watch's values.")
@pass_state
def figures_history(state: _State, measure: str, watch: str | None) -> None:
    """Show each value MEASURE took: its first source and date, and who repeated it."""
    from monitor.figures.wording import amount
    from monitor.store.figures import measure_history

    values = _read(state, lambda session: measure_history(session, measure, watch=watch))
    if not values:
        raise MonitorError(f"no figures of the measure {measure!r} (`monitor figures` lists them)")
    for value in values:
        source = value.source
        click.echo(
            f"{amount(value.value, value.low, value.high, value.qualifier, value.unit)}"
            f"  [{value.watch}] {value.status}, first reported"
            f"{' by ' + source.site if source.site else ''}"
            f" {_when(source.published_at) or 'undated'}: {source.article_url}"
        )
        sites = ", ".join(r.site or r.article_url for r in value.corroborations)
        click.echo(
            f"    repeated by {value.independent} independent reports"
            f"{': ' + sites if sites else ''}; {value.copies} copies"
        )


@cli.command()
@click.argument("watch")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
    help="Decide again only articles published from this date (UTC); earlier ones are history.",
)
@click.option("--dry-run", is_flag=True, help="Show what it would decide; change nothing.")
@click.option("--send", is_flag=True, help="Also queue the alerts it raises for delivery.")
@click.option("--json", "as_json", is_flag=True, help="Print each alert as one JSON object.")
@pass_state
def replay(
    state: _State, watch: str, since: datetime | None, dry_run: bool, send: bool, as_json: bool
) -> None:
    """Decide WATCH's stored articles again in publication order: its query is matched anew
    and its figures re-read; shows the measures and the alerts it raises (sends none unless
    --send)."""
    from monitor.alerts.outbox import alerting_by_watch
    from monitor.figures.options import figure_options
    from monitor.figures.replay import replay_watch
    from monitor.store import migrate
    from monitor.store.db import open_engine

    settings = state.settings
    configured = {w.name: w for w in settings.watches}
    if watch not in configured:
        known = ", ".join(sorted(configured)) or "none"
        raise MonitorError(f"no watch named {watch!r} in the configuration (watches: {known})")
    if dry_run and send:
        raise click.UsageError("--dry-run sends nothing: leave out one of --dry-run and --send")
    with open_engine(settings.monitor.database_url) as engine:
        migrate.require_current_schema(engine)
        result = replay_watch(
            engine,
            watch=watch,
            query=configured[watch].query,
            options=figure_options(settings),
            policy=alerting_by_watch(settings.watches)[watch],
            since=since.replace(tzinfo=UTC) if since else None,
            apply=not dry_run,
            send=send,
        )
    if as_json:
        for alert in result.alerts:
            click.echo(json.dumps(alert.to_json()))
        return
    click.echo(
        f"{watch}: {result.articles} articles decided ({result.copies} copies skipped),"
        f" {result.figures} figures in {len(result.measures)} measures,"
        f" {len(result.alerts)} alerts"
    )
    for alert in result.alerts:
        click.echo(
            f"  {_when(alert.published_at) or 'undated':16}  {alert.kind:14}  {alert.measure}:"
            f" {alert.said} ({alert.site or alert.article_url})"
        )
    if result.measures:
        click.echo("measures:")
        for measure, count in sorted(result.measures.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"  {measure}: {count} figures")
    if dry_run:
        click.echo("dry run: nothing was changed")
    elif send:
        click.echo("stored; the alerts are queued for the next delivery")
    else:
        click.echo("stored; no alert was sent (--send queues them)")


def _figure_cell(row: FigureRow) -> str:
    from monitor.figures.wording import amount

    return f"{amount(row.value, row.low, row.high, row.qualifier, row.unit)} {row.thing}"[:70]


@cli.group("alerts", invoke_without_command=True)
@click.option("--pending", "status", flag_value="pending", help="Only alerts waiting to go out.")
@click.option("--failed", "status", flag_value="failed", help="Only dead letters.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")
@_limit_option
@pass_state
@click.pass_context
def alerts(
    ctx: click.Context, state: _State, status: str | None, as_json: bool, limit: int | None
) -> None:
    """List alerts with the state of each delivery."""
    if ctx.invoked_subcommand is not None:
        return
    from monitor.store.alerts import count_alerts, list_alerts

    _print_listing(
        state,
        lambda session, before, size: list_alerts(
            session, status=status, limit=size, before_id=before
        ),
        lambda session: count_alerts(session, status=status),
        as_json=as_json,
        limit=limit,
        headers=("id", "created", "watch", "kind", "measure", "deliveries"),
        cells=lambda r: (
            r.id,
            _when(r.created_at),
            r.watch or "-",  # a source-health alert belongs to no watch
            r.kind,
            r.measure,
            ", ".join(
                f"{d.notifier} {d.status}"
                + (f" ({d.last_error_kind}, {d.attempts} tries)" if d.last_error_kind else "")
                for d in r.deliveries
            ),
        ),
    )


@alerts.command("retry")
@click.argument("alert_id", type=_ROW_ID)
@pass_state
def alerts_retry(state: _State, alert_id: int) -> None:
    """Send an alert's failed deliveries again (at the daemon's next tick)."""
    from sqlalchemy.orm import Session

    from monitor.store import migrate
    from monitor.store.alerts import retry_alert
    from monitor.store.db import open_engine, write_engine

    with open_engine(state.settings.monitor.database_url) as engine:
        migrate.require_current_schema(engine)
        with Session(write_engine(engine)) as session, session.begin():
            revived = retry_alert(session, alert_id)
    if not revived:
        raise MonitorError(f"alert #{alert_id} has no failed delivery")
    click.echo(f"alert #{alert_id}: {revived} deliveries queued again")


@alerts.command("test")
@click.argument("notifier")
@pass_state
def alerts_test(state: _State, notifier: str) -> None:
    """Send a test message through NOTIFIER and show the server's answer."""
    from monitor.alerts.configured import test_payload
    from monitor.alerts.model import DeliveryError
    from monitor.alerts.notifiers import build_notifier
    from monitor.alerts.render import render_alert

    settings = state.settings
    if notifier not in settings.notifiers:
        known = ", ".join(sorted(settings.notifiers)) or "none"
        raise MonitorError(f"no notifier {notifier!r} in the configuration (known: {known})")
    settings.require_secrets()
    sender = build_notifier(settings.notifiers[notifier], timeout=settings.fetch.timeout)
    try:
        answer = sender.send(render_alert(test_payload()), idempotency_key="test")
    except DeliveryError as error:
        raise MonitorError(f"{notifier}: failed ({error.kind}): {error}") from None
    click.echo(f"{notifier}: sent: {answer}")


def _dedup_cell(
    duplicate_of: int | None, kind: str | None, score: float | None, copies: list[str]
) -> str:
    if duplicate_of is not None:
        return f"{kind} copy of #{duplicate_of}" + (f" ({score:.2f})" if score is not None else "")
    return f"original, also on {len(copies)} sites" if copies else "original"


@cli.command()
@click.argument("url")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
def explain(state: _State, url: str, as_json: bool) -> None:
    """Show what the corpus holds for URL: the dedup decision, its match and score, and the
    figures of its text with each novelty decision and its reason."""
    from monitor.dedup.explain import Explanation, describe, explain_url
    from monitor.figures.explain import FiguresExplanation, describe_figures, explain_figures
    from monitor.figures.options import figure_options

    options = figure_options(state.settings)

    def read(session: Session) -> list[tuple[Explanation, FiguresExplanation | None]]:
        explanation = explain_url(session, url)
        held = explanation.article_id
        figures = explain_figures(session, held, options) if held is not None else None
        return [(explanation, figures)]

    ((explanation, figures),) = _read(state, read)
    if as_json:
        row = explanation.to_json()
        row["figures"] = figures.to_json() if figures is not None else None
        click.echo(json.dumps(row))
    else:
        click.echo(describe(explanation))
        if figures is not None:
            click.echo(describe_figures(figures))
    if explanation.article_id is None:
        raise click.exceptions.Exit(EXIT_ERROR)


@cli.group("dedup")
def dedup_group() -> None:
    """Maintain the dedup indexes."""


@dedup_group.command("reindex")
@pass_state
def dedup_reindex(state: _State) -> None:
    """Rebuild the dedup indexes under this version's parameters (decisions are kept).

    Stop the daemons first: they refuse to start until the index matches this version.
    """
    from monitor.dedup.reindex import reindex
    from monitor.store import migrate
    from monitor.store.db import open_engine

    with open_engine(state.settings.monitor.database_url) as engine:
        migrate.require_current_schema(engine)
        result = reindex(engine)
    click.echo(
        f"reindexed {result.articles} articles ({result.originals} originals) "
        f"in {result.seconds:.1f} s"
    )


def _read(state: _State, query: Callable[[Session], list[Read]]) -> list[Read]:
    """Return what ``query`` reads from the configured database, once its schema is checked."""
    with _session(state) as session:
        return query(session)


@contextmanager
def _session(state: _State) -> Iterator[Session]:
    """Yield a session on the configured database, once its schema is checked."""
    from sqlalchemy.orm import Session

    from monitor.store import migrate
    from monitor.store.db import open_engine

    with open_engine(state.settings.monitor.database_url) as engine:
        migrate.require_current_schema(engine)
        with Session(engine) as session:
            yield session


def _print_listing(
    state: _State,
    page: Page[Listed],
    count: Callable[[Session], int],
    *,
    as_json: bool,
    limit: int | None,
    headers: tuple[str, ...],
    cells: Callable[[Listed], tuple[object, ...]],
) -> None:
    """Print a newest-first listing: every row (or the newest ``limit``) as JSON lines, or a
    table of the newest ``limit`` (by default TABLE_LIMIT) that says on stderr how many more
    there are."""
    with _session(state) as session:
        if as_json:
            _echo_pages(session, page, limit=limit)
            return
        shown = limit or TABLE_LIMIT
        rows = page(session, None, shown)
        left_out = count(session) - len(rows) if len(rows) == shown else 0
    _print_rows(rows, as_json=False, headers=headers, cells=cells)
    if left_out > 0:
        click.echo(f"... {left_out} more; use --limit or --json", err=True)


def _echo_pages(session: Session, page: Page[Listed], *, limit: int | None) -> None:
    """Print the rows ``page`` reads as JSON lines, JSON_PAGE at a time, all or the first
    ``limit``; each page starts after the id the one before ended with (keyset pagination,
    which stays as fast on the last page as on the first, unlike an offset)."""
    if session.get_bind().dialect.name == "postgresql":
        # Every page reads one snapshot, as SQLite's read transaction does: a row written
        # meanwhile can neither move between pages nor take away the row a page starts after.
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    after: int | None = None
    left = limit
    while left is None or left > 0:
        size = JSON_PAGE if left is None else min(JSON_PAGE, left)
        rows = page(session, after, size)
        for row in rows:
            click.echo(json.dumps(row.to_json()))
        if len(rows) < size:
            return
        after = rows[-1].id
        if left is not None:
            left -= len(rows)


def _print_rows(
    rows: list[Row],
    *,
    as_json: bool,
    headers: tuple[str, ...],
    cells: Callable[[Row], tuple[object, ...]],
) -> None:
    """Print rows as JSON lines for programs, or as a table for people."""
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.to_json()))
    else:
        click.echo(format_table(headers, [cells(row) for row in rows]))


@cli.command()
@click.option(
    "--database",
    help="Database URL that keeps the demo's results [default: a temporary folder].",
)
def demo(database: str | None) -> None:
    """Run the whole pipeline on bundled sample news served on loopback (no network)."""
    from sqlalchemy.orm import Session

    from monitor.daemon import run_once
    from monitor.demo import serve_demo_news, write_demo_config
    from monitor.polling import describe_poll
    from monitor.store import listing, migrate
    from monitor.store.alerts import list_alerts
    from monitor.store.db import open_engine
    from monitor.store.figures import list_figures

    with tempfile.TemporaryDirectory() as folder, serve_demo_news() as feed_url:
        url = database or f"sqlite:///{Path(folder) / 'demo.db'}"
        # The demo ignores MONITOR_* variables so it behaves the same on every machine.
        settings = load_settings(write_demo_config(Path(folder), feed_url, url), environ={})
        configure_logging(settings.monitor.log_level)
        with open_engine(settings.monitor.database_url, create=True) as engine:
            migrate.upgrade(engine)
        click.echo(f"Serving sample news at {feed_url}; watching: {settings.watches[0].query}\n")
        for result in asyncio.run(run_once(settings, processes=0)):
            click.echo(describe_poll(result))
        with open_engine(settings.monitor.database_url) as engine, Session(engine) as session:
            rows = listing.list_articles(session)
        click.echo(f"\nStored {len(rows)} matching articles:")
        table = [
            (r.id, _when(r.published_at), r.site, ", ".join(r.matched_watches), r.title)
            for r in rows
        ]
        click.echo(format_table(("id", "published", "site", "watches", "title"), table))
        with open_engine(settings.monitor.database_url) as engine, Session(engine) as session:
            found = list_figures(session)
        click.echo(f"\nFigures read ({len(found)}):")
        click.echo(
            format_table(
                ("id", "site", "measure", "figure", "status"),
                [(f.id, f.site, f.measure, _figure_cell(f), f.status) for f in found],
            )
        )
        with open_engine(settings.monitor.database_url) as engine, Session(engine) as session:
            raised = list_alerts(session)
        sent = sum(d.status == "sent" for alert in raised for d in alert.deliveries)
        click.echo(
            f"\n{len(raised)} alerts raised, {sent} delivered through the console notifier"
            " (printed above; `monitor alerts` lists them)."
        )


def _lease_cell(owner: str | None, expires_at: datetime | None, now: datetime) -> str | None:
    if owner is None or expires_at is None:
        return None
    word = "until" if expires_at >= now else "expired"
    return f"{owner} {word} {_when(expires_at)}"


def _when(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else None


@cli.group("config")
def config_group() -> None:
    """Inspect the configuration."""


@config_group.command("check")
@pass_state
def config_check(state: _State) -> None:
    """Check the configuration, including that every env:NAME secret is set."""
    from monitor.store.db import display_url

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
