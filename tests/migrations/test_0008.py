"""Revision 0008 gives every stored figure its measure's family, the measure without its
place, the way the figures pass derives it for new ones."""

from __future__ import annotations

from sqlalchemy import Engine, text

from monitor.figures.decide import family_of
from monitor.store import migrate
from monitor.store.db import make_engine

ARTICLE = (
    "INSERT INTO articles (id, url, canonical_url, url_hash, text, fetched_at, content_origin)"
    " VALUES (1, 'https://example.org/a', 'https://example.org/a', 'h', 'Body.',"
    " CURRENT_TIMESTAMP, 'page')"
)
FIGURE = text(
    "INSERT INTO figures (id, article_id, watch, measure, place, value, low, high, qualifier,"
    " unit, thing, sentence, span_start, span_end, status, reason, created_at) VALUES (:id, 1,"
    " 'storm', :measure, :place, 14, 14, 14, 'exact', 'count', 'barns', 'x', 0, 2,"
    " 'new_measure', '', CURRENT_TIMESTAMP)"
)
STORED = (
    (1, "barns destroyed in Holmvik", "Holmvik"),
    (2, "barns destroyed", None),
    (3, "people killed in Orsa [%]", "Orsa"),
)


def test_stored_figures_get_the_family_the_figures_pass_would_give(empty_db_url: str) -> None:
    engine: Engine = make_engine(empty_db_url)
    try:
        migrate.upgrade(engine, "0007")
        with engine.begin() as connection:
            connection.exec_driver_sql(ARTICLE)
            for id_, measure, place in STORED:
                connection.execute(FIGURE, {"id": id_, "measure": measure, "place": place})
        migrate.upgrade(engine)
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT id, family FROM figures ORDER BY id").all()
        assert rows == [(id_, family_of(measure, place)) for id_, measure, place in STORED]
        assert [family for _, family in rows] == [
            "barns destroyed",
            "barns destroyed",
            "people killed [%]",
        ]
        migrate.downgrade(engine, "0007")
    finally:
        engine.dispose()
