"""`monitor explain URL`, the figures part: what each number of a stored article became.

Every number the grammar read is listed: a figure with its measure, role and decision (and
the words that decided each), a number read as a figure that names nothing anyone follows
(and why), or the rule that says it is not a figure at all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.figures.meaning import read_meanings
from monitor.figures.options import FigureOptions
from monitor.figures.wording import amount
from monitor.store.tables import Article
from monitor.store.tables import Figure as StoredFigure

# The parts of a measure and role, in the order they are said.
_EVIDENCE = ("head", "event", "place", "scope", "role")


@dataclass(frozen=True, slots=True)
class ExplainedFigure:
    id: int
    watch: str
    measure: str
    said: str  # the value as the text qualified it: "about 3,000,000"
    thing: str
    status: str
    reason: str
    text: str  # the number phrase as written
    role: str  # "current" or "previous"
    evidence: dict[str, str]  # part -> the words that decided it


@dataclass(frozen=True, slots=True)
class SkippedNumber:
    text: str
    rule: str  # why it is not a figure, or why no measure follows it


@dataclass(frozen=True, slots=True)
class FiguresExplanation:
    decided: bool  # False while the article waits for the figures pass
    copy_of: int | None  # a copy's figures are its original's
    figures: list[ExplainedFigure]
    skipped: list[SkippedNumber]
    unnamed: list[SkippedNumber]  # figures that name nothing a measure could be

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def explain_figures(
    session: Session, article_id: int, options: FigureOptions | None = None
) -> FiguresExplanation:
    """Return the figures stored for an article, and the numbers of its text that are none."""
    options = options or FigureOptions()
    article = session.get(Article, article_id)
    assert article is not None  # the caller found it
    rows = session.scalars(
        select(StoredFigure)
        .where(StoredFigure.article_id == article_id)
        .order_by(StoredFigure.watch, StoredFigure.span_start, StoredFigure.id)
    )
    figures = [
        ExplainedFigure(
            id=row.id,
            watch=row.watch,
            measure=row.measure,
            said=amount(row.value, row.low, row.high, row.qualifier, row.unit),
            thing=row.thing,
            status=row.status,
            reason=row.reason,
            text=article.text[row.span_start : row.span_end],
            role=row.role,
            evidence=dict(row.evidence or {}),
        )
        for row in rows
    ]
    read = read_meanings(
        article.text,
        title=article.title,
        small_spelled_max=options.small_spelled_max,
        synonyms=options.synonyms,
    )
    skipped = [
        SkippedNumber(reading.sentence.text[reading.number.start : reading.number.end], rule)
        for reading in read.skipped
        if (rule := reading.skipped) is not None
    ]
    unnamed = [
        SkippedNumber(
            item.reading.sentence.text[item.reading.number.start : item.reading.number.end],
            item.reason,
        )
        for item in read.unnamed
    ]
    return FiguresExplanation(
        decided=article.figures_decided_at is not None,
        copy_of=article.duplicate_of,
        figures=figures,
        skipped=skipped,
        unnamed=unnamed,
    )


def describe_figures(explanation: FiguresExplanation) -> str:
    """Return the explanation as lines for people."""
    if explanation.copy_of is not None:
        return f"figures: none of its own (a copy of #{explanation.copy_of}: its figures count)"
    if not explanation.decided:
        return "figures: not decided yet (the next poll or import decides them)"
    lines = [f"figures: {len(explanation.figures)}"]
    for figure in explanation.figures:
        lines.append(
            f"  #{figure.id} [{figure.watch}] {figure.said} {figure.thing}"
            f" -> {figure.measure}: {figure.status} ({figure.reason})"
        )
        said = "; ".join(
            f"{part} {figure.evidence[part]!r}" for part in _EVIDENCE if part in figure.evidence
        )
        if said:
            lines.append(f"      decided by: {said}")
    if explanation.unnamed:
        lines.append(f"not followed (they name no measure): {len(explanation.unnamed)}")
        lines.extend(f"  {number.text!r}: {number.rule}" for number in explanation.unnamed)
    if explanation.skipped:
        lines.append(f"not figures: {len(explanation.skipped)}")
        lines.extend(f"  {number.text!r}: {number.rule}" for number in explanation.skipped)
    return "\n".join(lines)
