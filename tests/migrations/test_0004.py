"""Revision 0004 copies the figures table on SQLite: what hangs off a figure survives it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from monitor.store import migrate
from monitor.store.db import make_engine

ROWS = (
    "INSERT INTO articles (id, url, canonical_url, url_hash, text, fetched_at, content_origin)"
    " VALUES (1, 'https://example.org/a', 'https://example.org/a', 'h', 'Body.',"
    " CURRENT_TIMESTAMP, 'page')",
    "INSERT INTO figures (id, article_id, watch, measure, value, low, high, qualifier, unit,"
    " thing, sentence, span_start, span_end, status, reason, created_at) VALUES (7, 1, 'arms',"
    " 'ammunition', 3e6, 2.7e6, 3.3e6, 'about', 'count', 'rounds', 'about 3 million rounds',"
    " 0, 22, 'new_measure', 'first figure of this measure', CURRENT_TIMESTAMP)",
    "INSERT INTO alerts (id, figure_id, kind, watch, measure, payload, created_at)"
    " VALUES (3, 7, 'new_measure', 'arms', 'ammunition', '{}', CURRENT_TIMESTAMP)",
    "INSERT INTO deliveries (id, alert_id, notifier, idempotency_key, status, attempts,"
    " next_attempt_at) VALUES (5, 3, 'mail', 'k', 'sent', 1, CURRENT_TIMESTAMP)",
)


@pytest.fixture
def engine_at_0003(empty_db_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine, "0003")
    with engine.begin() as connection:
        for statement in ROWS:
            connection.exec_driver_sql(statement)
    yield engine
    engine.dispose()


def held(engine: Engine) -> tuple[object, ...]:
    with engine.connect() as connection:
        return tuple(
            connection.exec_driver_sql(query).all()
            for query in (
                "SELECT id, measure, value, status FROM figures",
                "SELECT id, figure_id FROM alerts",
                "SELECT id, alert_id, status FROM deliveries",
            )
        )


BEFORE = ([(7, "ammunition", 3e6, "new_measure")], [(3, 7)], [(5, 3, "sent")])


def test_figures_alerts_and_deliveries_survive_the_upgrade_and_the_downgrade(
    engine_at_0003: Engine,
) -> None:
    assert held(engine_at_0003) == BEFORE
    migrate.upgrade(engine_at_0003)
    assert held(engine_at_0003) == BEFORE
    with engine_at_0003.connect() as connection:
        added = connection.exec_driver_sql(
            "SELECT f.repeat_of, f.rate, f.scope, a.figures_decided_at"
            " FROM figures f JOIN articles a ON a.id = f.article_id"
        ).one()
    # Articles stored before 0004 are pending: their figures were never decided.
    assert tuple(added) == (None, None, None, None)
    migrate.downgrade(engine_at_0003, "0003")
    assert held(engine_at_0003) == BEFORE


def test_a_repeat_loses_its_pointer_when_the_figure_it_repeats_goes(
    engine_at_0003: Engine,
) -> None:
    migrate.upgrade(engine_at_0003)
    with engine_at_0003.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO figures (id, article_id, watch, measure, value, low, high, qualifier,"
            " unit, thing, sentence, span_start, span_end, status, reason, created_at,"
            " repeat_of) SELECT 8, article_id, watch, measure, value, low, high, qualifier,"
            " unit, thing, sentence, span_start, span_end, 'repeat', 'repeats', created_at, 7"
            " FROM figures WHERE id = 7"
        )
        connection.exec_driver_sql("DELETE FROM figures WHERE id = 7")
    with engine_at_0003.connect() as connection:
        rows = connection.exec_driver_sql("SELECT id, repeat_of FROM figures").all()
    assert [tuple(row) for row in rows] == [(8, None)]
