"""The developing-stories corpus: loading and checking ``tests/data/stories/*.yaml``.

The format and the labelling rules are in ``tests/data/stories/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"
BLIND_STORIES = STORIES.parent / "stories-blind"  # written blind; scored, not gated
ROLES = ("current", "previous")
ALERTS = ("new", "changed")


class CorpusError(ValueError):
    """A story file that breaks the format; the message names the file and the place."""


@dataclass(frozen=True, slots=True)
class GoldFigure:
    says: str
    value: float
    measure: str
    role: str
    vague: bool
    alert: str | None  # "new" | "changed" | None


@dataclass(frozen=True, slots=True)
class StoryArticle:
    id: str
    round: int
    source: str
    published: datetime
    title: str
    summary: str
    copy_of: str | None
    paragraphs: tuple[str, ...]
    figures: tuple[GoldFigure, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class StorySource:
    name: str
    site: str


@dataclass(frozen=True, slots=True)
class Story:
    name: str
    about: str
    watch_name: str
    watch_query: str
    sources: tuple[StorySource, ...]
    articles: tuple[StoryArticle, ...]

    @property
    def rounds(self) -> int:
        return max(article.round for article in self.articles)

    def article(self, article_id: str) -> StoryArticle:
        return next(a for a in self.articles if a.id == article_id)


def load_stories(folder: Path = STORIES) -> list[Story]:
    """Return every story of ``folder``, checked, in file-name order."""
    return [load_story(path) for path in sorted(folder.glob("*.yaml"))]


def load_story(path: Path) -> Story:
    """Return the story in ``path``; raises CorpusError naming what is wrong."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CorpusError(f"{path.name}: not YAML: {error}") from None
    where = path.name
    data = _table(raw, where)
    sources = tuple(
        StorySource(name=_text(s, "name", f"{where}: sources"), site=_text(s, "site", where))
        for s in _list(data, "sources", where)
    )
    watch = _table(data.get("watch"), f"{where}: watch")
    articles = tuple(
        _article(item, f"{where}: articles[{index}]")
        for index, item in enumerate(_list(data, "articles", where))
    )
    story = Story(
        name=_text(data, "story", where),
        about=_text(data, "about", where),
        watch_name=_text(watch, "name", f"{where}: watch"),
        watch_query=_text(watch, "query", f"{where}: watch"),
        sources=sources,
        articles=articles,
    )
    _check(story, where)
    return story


def _article(raw: Any, where: str) -> StoryArticle:
    data = _table(raw, where)
    where = f"{where} ({data.get('id', '?')})"
    published = data.get("published")
    if isinstance(published, datetime):
        when = published
    else:
        try:
            when = datetime.fromisoformat(_text(data, "published", where))
        except ValueError:
            raise CorpusError(f"{where}: published: not an ISO 8601 date") from None
    if when.tzinfo is None:
        raise CorpusError(f"{where}: published: give a time zone (+00:00)")
    round_ = data.get("round")
    if not isinstance(round_, int) or round_ < 1:
        raise CorpusError(f"{where}: round: a whole number from 1")
    copy_of = data.get("copy_of")
    if copy_of is not None and not isinstance(copy_of, str):
        raise CorpusError(f"{where}: copy_of: an article id or null")
    paragraphs = tuple(
        _text_item(p, f"{where}: paragraphs") for p in _list(data, "paragraphs", where)
    )
    figures = tuple(
        _figure(item, f"{where}: figures[{index}]")
        for index, item in enumerate(data.get("figures") or [])
    )
    return StoryArticle(
        id=_text(data, "id", where),
        round=round_,
        source=_text(data, "source", where),
        published=when,
        title=_text(data, "title", where),
        summary=_text(data, "summary", where),
        copy_of=copy_of,
        paragraphs=paragraphs,
        figures=figures,
    )


def _figure(raw: Any, where: str) -> GoldFigure:
    data = _table(raw, where)
    value = data.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CorpusError(f"{where}: value: a number")
    role = data.get("role", "current")
    if role not in ROLES:
        raise CorpusError(f"{where}: role: one of {', '.join(ROLES)}")
    alert = data.get("alert")
    if alert is not None and alert not in ALERTS:
        raise CorpusError(f"{where}: alert: one of {', '.join(ALERTS)}, or omitted")
    vague = data.get("vague", False)
    if not isinstance(vague, bool):
        raise CorpusError(f"{where}: vague: true or false")
    if alert is not None and (role == "previous" or vague):
        raise CorpusError(f"{where}: a previous value or a vague amount never alerts")
    return GoldFigure(
        says=_text(data, "says", where),
        value=float(value),
        measure=_text(data, "measure", where),
        role=role,
        vague=vague,
        alert=alert,
    )


def _check(story: Story, where: str) -> None:
    ids = [article.id for article in story.articles]
    if len(set(ids)) != len(ids):
        raise CorpusError(f"{where}: article ids repeat")
    sources = {source.name for source in story.sources}
    by_id = {article.id: article for article in story.articles}
    for article in story.articles:
        here = f"{where}: {article.id}"
        if article.source not in sources:
            raise CorpusError(f"{here}: source {article.source!r} is not listed in sources")
        if article.copy_of is not None:
            original = by_id.get(article.copy_of)
            if original is None:
                raise CorpusError(f"{here}: copy_of names no article")
            if article.figures:
                raise CorpusError(f"{here}: a copy lists no figures (its original's count)")
            if original.published >= article.published:
                raise CorpusError(f"{here}: a copy is published after its original")
        text = article.text
        measures_alerted: set[str] = set()
        position = 0
        for figure in article.figures:
            found = text.find(figure.says, position)
            if found < 0:
                found = text.find(figure.says)
                if found < 0:
                    raise CorpusError(f"{here}: says {figure.says!r} is not in the paragraphs")
            else:
                position = found
            if figure.alert is not None:
                if figure.measure in measures_alerted:
                    raise CorpusError(f"{here}: two alerts for {figure.measure!r}")
                measures_alerted.add(figure.measure)


def _table(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: expected a table")
    return raw


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise CorpusError(f"{where}: {key}: a non-empty list")
    return value


def _text(data: Any, key: str, where: str) -> str:
    value = _table(data, where).get(key)
    if not isinstance(value, str) or not value.strip():
        raise CorpusError(f"{where}: {key}: a non-empty string")
    return value


def _text_item(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CorpusError(f"{where}: each item a non-empty string")
    return value
