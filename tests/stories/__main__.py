"""``python -m tests.stories``: run the stories end to end and print the scores.

``python -m tests.stories validate FILE...`` checks story files against the format instead;
``--details`` lists every wrong alert, missed alert and missed figure after the scores;
``--blind`` scores the stories of tests/data/stories-blind (see its README) instead;
``--alone`` runs each story in a database of its own and sums the scores (``make
stories-blind`` does: the blind stories' writers reused invented names, so some watches
match other stories' articles, as their queries ask).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from monitor.store.db import make_engine
from monitor.store.migrate import upgrade
from tests.servers import FeedServer
from tests.stories.corpus import (
    BLIND_STORIES,
    STORIES,
    CorpusError,
    Story,
    load_stories,
    load_story,
)
from tests.stories.run import Outcome, run_stories
from tests.stories.score import LISTS, Tally, score, timeline


def validate(paths: list[str]) -> int:
    failed = 0
    for name in paths:
        try:
            story = load_story(Path(name))
        except CorpusError as error:
            print(error)
            failed += 1
            continue
        figures = sum(len(a.figures) for a in story.articles)
        alerts = sum(f.alert is not None for a in story.articles for f in a.figures)
        copies = sum(a.copy_of is not None for a in story.articles)
        print(
            f"{name}: ok: {len(story.articles)} articles ({copies} copies) in"
            f" {story.rounds} rounds, {figures} figures, {alerts} alerts due"
        )
    return 1 if failed else 0


def evaluate(
    details: bool,
    only: str | None = None,
    folder: Path = STORIES,
    shuffle: int | None = None,
    *,
    alone: bool = False,
) -> int:
    """Run the stories together (one database, a watch per story, as one daemon would), or
    with ``alone`` each in a database of its own, their tallies summed: a story's score then
    cannot depend on another story's articles matching its watch."""
    stories = [story for story in load_stories(folder) if only in (None, story.name)]
    if not stories:
        print(f"no story {only!r} in {folder}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if alone:
        total, each = Tally("all"), []
        for story in stories:
            _, (tally,) = score([story], _run([story], shuffle))
            for name in LISTS:
                setattr(tally, name, [f"{story.name}: {line}" for line in getattr(tally, name)])
            total.add(tally)
            each.append(tally)
    else:
        outcome = _run(stories, shuffle)
        total, each = score(stories, outcome)
        if only is not None:
            print(timeline(stories[0], outcome))
    articles = sum(len(story.articles) for story in stories)
    print(f"{len(stories)} stories, {articles} articles, {time.perf_counter() - started:.1f} s")
    for tally in [*each, total]:
        print(tally.summary())
    if details:
        for title, lines in (
            ("wrong alerts", total.false_alerts),
            ("missed alerts", total.missed_alerts),
            ("missed figures", total.missed_figures),
            ("wrong roles", total.wrong_roles),
            ("figures not labelled", total.extra_figures),
            ("labelled measures split over stored ones", total.split_measures),
        ):
            print(f"\n{title} ({len(lines)}):")
            for line in lines:
                print(f"  {line}")
    return 0


def _run(stories: list[Story], shuffle: int | None) -> Outcome:
    server = FeedServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            url = f"sqlite:///{Path(scratch) / 'stories.db'}"
            engine = make_engine(url, create=True)
            upgrade(engine)
            engine.dispose()
            return run_stories(stories, server, url, Path(scratch), shuffle=shuffle)
    finally:
        server.stop()


def main(argv: list[str]) -> int:
    if argv and argv[0] == "validate":
        return validate(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m tests.stories")
    parser.add_argument("--details", action="store_true", help="list every miss after the scores")
    parser.add_argument("--story", help="one story, with its timeline (implies --details)")
    parser.add_argument("--blind", action="store_true", help="the stories of stories-blind")
    parser.add_argument(
        "--folder", type=Path, help="the stories of another folder (a new blind story)"
    )
    parser.add_argument(
        "--shuffle", type=int, metavar="SEED", help="shuffle each feed and delay each page"
    )
    parser.add_argument(
        "--alone", action="store_true", help="each story in a database of its own, then summed"
    )
    args = parser.parse_args(argv)
    folder = args.folder or (BLIND_STORIES if args.blind else STORIES)
    details = args.details or args.story is not None
    return evaluate(details, only=args.story, folder=folder, shuffle=args.shuffle, alone=args.alone)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
