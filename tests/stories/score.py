"""Scoring a run of the stories against their labels.

Stored figures are matched to labelled ones inside each article: same value (a vague
amount matches a vague one), and the stored number phrase found in the label's words. Then:

- **alerts**: an alert is right when its figure matches a labelled figure that deserves an
  alert (the first match only; a second alert for it is wrong); precision is right / sent,
  recall is labelled alerts that got one / labelled alerts;
- **figures**: recall over labelled figures of the originals, precision over stored ones;
- **roles**: of the matched figures, how many have the labelled role;
- **dedup**: a labelled copy is right when it is stored as a copy of its labelled original;
  any other article stored as a copy is a false copy;
- **measures**: each stored measure stands for the labelled measure most of its matched
  figures carry; purity is the share of matched figures whose label is that one, and
  fragments counts the labelled measures split over more than one stored measure.

Names are never compared across the two sides: what counts is which figures are grouped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from monitor.store.tables import Figure as StoredFigure
from tests.stories.corpus import GoldFigure, Story
from tests.stories.run import Outcome, page_path

# The Tally fields that list misses, one line each.
LISTS = (
    "false_alerts",
    "missed_alerts",
    "missed_figures",
    "extra_figures",
    "wrong_roles",
    "split_measures",
)


@dataclass
class Tally:
    """Counts for one story, or all of them."""

    name: str
    alerts_due: int = 0
    alerts_sent: int = 0
    alerts_right: int = 0
    gold_figures: int = 0
    stored_figures: int = 0
    matched: int = 0
    roles_right: int = 0
    measure_agree: int = 0
    fragments: int = 0
    gold_measures: int = 0
    copies_due: int = 0
    copies_right: int = 0
    copies_stored: int = 0
    false_alerts: list[str] = field(default_factory=list)
    missed_alerts: list[str] = field(default_factory=list)
    missed_figures: list[str] = field(default_factory=list)
    extra_figures: list[str] = field(default_factory=list)
    wrong_roles: list[str] = field(default_factory=list)
    split_measures: list[str] = field(default_factory=list)

    @property
    def alert_precision(self) -> float:
        return self.alerts_right / self.alerts_sent if self.alerts_sent else 1.0

    @property
    def alert_recall(self) -> float:
        return self.alerts_right / self.alerts_due if self.alerts_due else 1.0

    @property
    def alert_f1(self) -> float:
        p, r = self.alert_precision, self.alert_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def figure_recall(self) -> float:
        return self.matched / self.gold_figures if self.gold_figures else 1.0

    @property
    def figure_precision(self) -> float:
        return self.matched / self.stored_figures if self.stored_figures else 1.0

    @property
    def role_accuracy(self) -> float:
        return self.roles_right / self.matched if self.matched else 1.0

    @property
    def dedup_f1(self) -> float:
        p = self.copies_right / self.copies_stored if self.copies_stored else 1.0
        r = self.copies_right / self.copies_due if self.copies_due else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def measure_purity(self) -> float:
        return self.measure_agree / self.matched if self.matched else 1.0

    def add(self, other: Tally) -> None:
        for name in (
            "alerts_due alerts_sent alerts_right gold_figures stored_figures matched "
            "roles_right measure_agree fragments gold_measures copies_due copies_right "
            "copies_stored"
        ).split():
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in LISTS:
            getattr(self, name).extend(getattr(other, name))

    def summary(self) -> str:
        return (
            f"{self.name}: alerts P {self.alert_precision:.3f} R {self.alert_recall:.3f}"
            f" F1 {self.alert_f1:.3f} ({self.alerts_right} right of {self.alerts_sent} sent,"
            f" {self.alerts_due} due); figures R {self.figure_recall:.3f}"
            f" P {self.figure_precision:.3f} ({self.matched}/{self.gold_figures});"
            f" roles {self.role_accuracy:.3f}; measure purity {self.measure_purity:.3f},"
            f" {self.fragments} of {self.gold_measures} measures split; dedup F1"
            f" {self.dedup_f1:.3f} ({self.copies_right} of {self.copies_due} copies,"
            f" {self.copies_stored} stored as copies)"
        )


def score(stories: Sequence[Story], outcome: Outcome) -> tuple[Tally, list[Tally]]:
    """Return the total and each story's tally."""
    total = Tally("all")
    each = []
    for story in stories:
        tally = score_story(story, outcome)
        total.add(tally)
        each.append(tally)
    return total, each


def score_story(story: Story, outcome: Outcome) -> Tally:
    tally = Tally(story.name)
    matches: dict[int, tuple[str, int, GoldFigure]] = {}  # stored figure id -> its label
    pairs: list[tuple[StoredFigure, GoldFigure]] = []
    for article in story.articles:
        stored = outcome.articles.get(page_path(story, article))
        # The labels cover the body: a figure of the headline the text opens with is left out.
        figures = [
            f
            for f in outcome.figures
            if stored is not None
            and f.article_id == stored.id
            and f.watch == story.watch_name
            and f.span_start >= stored.body_start
        ]
        if article.copy_of is None:
            tally.gold_figures += len(article.figures)
            tally.alerts_due += sum(g.alert is not None for g in article.figures)
        tally.stored_figures += len(figures)
        used: set[int] = set()
        for index, gold in enumerate(article.figures):
            found = next(
                (
                    f
                    for f in figures
                    if f.id not in used and _same(f, gold, stored.text if stored else "")
                ),
                None,
            )
            if found is None:
                tally.missed_figures.append(f"{article.id}: {gold.says!r} ({gold.measure})")
                if gold.alert is not None:
                    tally.missed_alerts.append(
                        f"{article.id}: {gold.says!r} -> {gold.measure} {gold.alert}"
                        " (figure not read)"
                    )
                continue
            used.add(found.id)
            matches[found.id] = (article.id, index, gold)
            pairs.append((found, gold))
            tally.matched += 1
            if found.role == gold.role:
                tally.roles_right += 1
            else:
                tally.wrong_roles.append(
                    f"{article.id}: {gold.says!r} is {gold.role}, read as {found.role}"
                )
        tally.extra_figures += [
            f"{article.id}: {f.thing!r} {f.value:g} -> {f.measure} ({f.status})"
            for f in figures
            if f.id not in used
        ]
    _score_measures(tally, pairs)
    _score_alerts(tally, story, outcome, matches)
    _score_copies(tally, story, outcome)
    return tally


def _score_copies(tally: Tally, story: Story, outcome: Outcome) -> None:
    by_id = {article.id: path for path, article in outcome.articles.items()}
    for article in story.articles:
        stored = outcome.articles.get(page_path(story, article))
        original = by_id.get(stored.duplicate_of) if stored and stored.duplicate_of else None
        if article.copy_of is not None:
            tally.copies_due += 1
            tally.copies_right += original == page_path(story, story.article(article.copy_of))
        tally.copies_stored += original is not None


def _score_alerts(
    tally: Tally,
    story: Story,
    outcome: Outcome,
    matches: dict[int, tuple[str, int, GoldFigure]],
) -> None:
    alerted: set[tuple[str, int]] = set()
    for alert in outcome.alerts:
        if alert["watch"] != story.watch_name:
            continue
        tally.alerts_sent += 1
        label = matches.get(alert["figure_id"])
        said = f"{alert['measure']} {alert['value']:g} {alert['kind']}"
        if label is None:
            tally.false_alerts.append(f"{said}: no such labelled figure: {alert['sentence']!r}")
            continue
        article_id, index, gold = label
        if gold.alert is None or (article_id, index) in alerted:
            why = "already alerted" if (article_id, index) in alerted else "not due"
            tally.false_alerts.append(
                f"{article_id}: {said}: {why} ({gold.measure}, {gold.role}"
                f"{', vague' if gold.vague else ''}): {gold.says!r}"
            )
            continue
        alerted.add((article_id, index))
        tally.alerts_right += 1
    stored = {figure.id: figure for figure in outcome.figures}
    read_as = {(label[0], label[1]): stored.get(figure_id) for figure_id, label in matches.items()}
    for article in story.articles:
        for index, gold in enumerate(article.figures):
            if gold.alert is not None and (article.id, index) not in alerted:
                line = f"{article.id}: {gold.says!r} -> {gold.measure} {gold.alert}"
                if not any(line in missed for missed in tally.missed_alerts):
                    found = read_as.get((article.id, index))
                    if found is not None:
                        # what the monitor made of it: the measure and decision to look into
                        line += (
                            f" (read: {found.measure} {found.status}, {found.role}: {found.reason})"
                        )
                    tally.missed_alerts.append(line)


def _score_measures(tally: Tally, pairs: list[tuple[StoredFigure, GoldFigure]]) -> None:
    by_stored: dict[str, Counter[str]] = defaultdict(Counter)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for stored, gold in pairs:
        by_stored[stored.measure][gold.measure] += 1
        by_gold[gold.measure].add(stored.measure)
    tally.measure_agree += sum(counts.most_common(1)[0][1] for counts in by_stored.values())
    tally.gold_measures += len(by_gold)
    tally.fragments += sum(len(stored) > 1 for stored in by_gold.values())
    tally.split_measures.extend(
        f"{gold} -> {' | '.join(sorted(stored))}"
        for gold, stored in sorted(by_gold.items())
        if len(stored) > 1
    )


def _same(stored: StoredFigure, gold: GoldFigure, text: str) -> bool:
    if gold.vague:
        if stored.qualifier != "vague":
            return False
    elif abs(stored.value - gold.value) > 0.01 * max(1.0, abs(gold.value)):
        return False
    phrase = _plain(text[stored.span_start : stored.span_end])
    return bool(phrase) and phrase in _plain(gold.says)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()


def timeline(story: Story, outcome: Outcome) -> str:
    """Return the story in publication order: each article's labels beside what was stored,
    for finding where the monitor and the labels part."""
    lines = []
    alerted = {alert["figure_id"] for alert in outcome.alerts}
    for article in sorted(story.articles, key=lambda a: a.published):
        stored = outcome.articles.get(page_path(story, article))
        copy = f" copy of {article.copy_of}" if article.copy_of else ""
        held = (
            "not stored"
            if stored is None
            else f"#{stored.id}"
            + (f" dup of #{stored.duplicate_of}" if stored.duplicate_of else "")
        )
        lines.append(
            f"== {article.id} r{article.round} {article.published:%m-%d %H:%M}{copy} [{held}]"
        )
        for gold in article.figures:
            mark = f" ALERT {gold.alert}" if gold.alert else ""
            lines.append(f"   gold {gold.says!r} = {gold.measure} ({gold.role}){mark}")
        if stored is None:
            continue
        for f in outcome.figures:
            if f.article_id == stored.id and f.watch == story.watch_name:
                phrase = stored.text[f.span_start : f.span_end]
                mark = " >>ALERT" if f.id in alerted else ""
                lines.append(
                    f"   ours #{f.id} {phrase!r} -> {f.measure} [{f.status}] {f.role}{mark}"
                    f"  {f.evidence}"
                )
    return "\n".join(lines)
