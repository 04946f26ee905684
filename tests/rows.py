"""Rows for tests that need something in the database: minimal, valid, easy to vary."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from monitor.store.tables import Alert, Article, Figure


def sha(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def article(url: str = "https://news.example.org/a", **extra: object) -> Article:
    return Article(url=url, canonical_url=url, url_hash=sha(url), text="Body.", **extra)


def figure(article_id: int, **extra: object) -> Figure:
    values: dict[str, object] = dict(
        article_id=article_id,
        watch="arms",
        measure="arms/shells/count",
        value=3e6,
        low=3e6,
        high=3e6,
        qualifier="about",
        thing="rounds of 152mm artillery shells",
        sentence="about 3 million rounds of 152mm artillery shells",
        span_start=0,
        span_end=10,
        status="new_measure",
    )
    values.update(extra)
    return Figure(**values)


def stored_figure(session: Session, url: str = "https://news.example.org/a") -> Figure:
    """Add an article and one figure of it; return the flushed figure."""
    stored = article(url)
    session.add(stored)
    session.flush()
    found = figure(stored.id)
    session.add(found)
    session.flush()
    return found


def stored_alert(session: Session, url: str = "https://news.example.org/a") -> Alert:
    """Add an article, a figure and its alert; return the flushed alert."""
    found = stored_figure(session, url)
    alert = Alert(
        figure_id=found.id, kind="new_measure", watch=found.watch, measure=found.measure, payload={}
    )
    session.add(alert)
    session.flush()
    return alert
