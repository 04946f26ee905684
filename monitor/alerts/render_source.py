"""Source-health alerts as messages (``monitor.alerts.sources`` builds their payloads).

    render_source_alert(payload) -> Rendered

They are for the operator, not the analyst: which feed, what is wrong and since when, what
the daemon does about it. Every form is built from the same lines, so they never disagree.
A payload with ``sources`` (many sources changed alike at once) lists them in one message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from monitor.alerts.model import Rendered
from monitor.alerts.render import (
    _GREY,
    SUBJECT_MAX,
    _a,
    _clip,
    _datetime,
    _e,
    _fit_lines,
    _html_document,
    _line,
    _m,
    _mrkdwn,
    _slack_header,
    _slack_link,
)

_HEADLINES = {
    "source_failing": "failing",
    "source_silent": "silent",
    "source_recovered": "recovered",
}


def is_source_alert(payload: Mapping[str, Any]) -> bool:
    """Whether ``payload`` is a source-health alert rather than a figure's."""
    return str(payload.get("kind", "")) in _HEADLINES


@dataclass(frozen=True, slots=True)
class _Notice:
    name: str
    url: str
    state: str  # failing, silent, recovered
    summary: str  # the one line that says it all, for the subject
    details: list[str]
    action: str


def render_source_alert(payload: Mapping[str, Any]) -> Rendered:
    """Render one source-health alert as a subject, plain text, HTML and a Slack message."""
    notice = _notice(payload)
    subject = _clip(f"[source] {notice.name} {notice.summary}", SUBJECT_MAX)
    text = "\n".join(
        [f"{notice.name} {notice.summary}", "", *notice.details, "", notice.action]
        + ([f"Feed: {notice.url}"] if notice.url else [])
    )
    html_parts = [
        f'<p style="margin:0 0 4px;{_GREY}">source health</p>',
        f'<h2 style="margin:0 0 8px;font-size:18px">{_e(notice.name)} {_e(notice.summary)}</h2>',
        *(f'<p style="margin:0 0 6px">{_e(line)}</p>' for line in notice.details),
        f'<p style="margin:8px 0 0;{_GREY}">{_e(notice.action)}</p>',
    ]
    if notice.url:
        html_parts.append(f'<p style="margin:4px 0 0">{_a(notice.url, notice.url)}</p>')
    lead = _fit_lines(f"*{_m(notice.summary, 300)}*", [_m(line, 600) for line in notice.details])
    context = _m(notice.action, 600)
    if notice.url:
        context += f" {_slack_link(notice.url, 'feed')}"
    return Rendered(
        subject=subject,
        text=text,
        html=_html_document(subject, ["\n".join(html_parts)]),
        slack={
            "text": _m(subject),
            "blocks": [
                _slack_header(f"[source] {notice.name} {notice.state}"),
                {"type": "section", "text": _mrkdwn(lead)},
                {"type": "context", "elements": [_mrkdwn(context)]},
            ],
        },
        payload=payload,
    )


def _notice(payload: Mapping[str, Any]) -> _Notice:
    listed = payload.get("sources")
    if isinstance(listed, list):
        return _group(str(payload.get("kind", "")), [s for s in listed if isinstance(s, Mapping)])
    source = payload.get("source")
    source = source if isinstance(source, Mapping) else {}
    name = _line(source.get("name")) or "source"
    url = _line(source.get("url"))
    kind = str(payload.get("kind", ""))
    created = _datetime(payload.get("created_at"))
    failures = payload.get("failures") or 0
    error = _line(payload.get("error")) or _line(payload.get("error_kind")) or "unknown error"
    gap = payload.get("usual_gap_seconds")
    last_item = _datetime(payload.get("last_new_item_at"))
    since = _datetime(payload.get("was_since"))
    was = _line(payload.get("was"))
    if kind == "source_failing":
        return _Notice(
            name,
            url,
            "failing",
            f"is failing: {failures} polls in a row failed",
            [
                f"Last error: {error}",
                f"Last successful poll: {_when(_datetime(payload.get('last_success_at')))}",
            ],
            "The daemon keeps polling it with a growing back-off; a note follows when it "
            "answers again.",
        )
    if kind == "source_silent":
        usual = f", where it usually brings one every {_span(gap)}" if gap else ""
        quiet = _span((created - last_item).total_seconds()) if created and last_item else "long"
        return _Notice(
            name,
            url,
            "silent",
            f"is silent: no new item for {quiet}",
            [
                f"Newest item first seen {_when(last_item)}{usual}.",
                "Its polls succeed: the feed answers but lists nothing new. A moved feed, a "
                "stalled publishing system or a changed filter looks like this.",
            ],
            "A note follows when it brings a new item again.",
        )
    down = f" for {_span((created - since).total_seconds())}" if created and since else ""
    again = "brings new items" if was == "silent" else "answers"
    return _Notice(
        name,
        url,
        "recovered",
        f"recovered: it {again} again",
        [f"It was {was or 'unwell'}{down}, since {_when(since)}."],
        "Nothing to do; this closes the earlier alert.",
    )


def _group(kind: str, sources: list[Mapping[str, Any]]) -> _Notice:
    """Many sources that changed alike at one judging, in one message."""
    count = len(sources)
    lines = []
    for item in sources:
        source = item.get("source")
        name = _line(source.get("name")) if isinstance(source, Mapping) else "source"
        if kind == "source_failing":
            error = _line(item.get("error")) or _line(item.get("error_kind")) or "unknown error"
            lines.append(f"{name}: {item.get('failures') or 0} failed polls; {error}")
        elif kind == "source_silent":
            lines.append(f"{name}: newest item {_when(_datetime(item.get('last_new_item_at')))}")
        else:
            since = _when(_datetime(item.get("was_since")))
            lines.append(f"{name}: was {_line(item.get('was')) or 'unwell'} since {since}")
    if kind == "source_failing":
        return _Notice(
            f"{count} sources",
            "",
            "failing",
            "are failing",
            lines,
            "So many failing together often means the daemon's own network or name "
            "resolution is down. It keeps polling them; a note follows when they answer.",
        )
    if kind == "source_silent":
        return _Notice(
            f"{count} sources",
            "",
            "silent",
            "are silent",
            lines,
            "A note follows when they bring new items again.",
        )
    return _Notice(f"{count} sources", "", "recovered", "recovered", lines, "Nothing to do.")


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def _span(seconds: object) -> str:
    """A duration as people say it: "45 min", "7 h", "3 days"."""
    if not isinstance(seconds, int | float) or seconds < 0:
        return "an unknown time"
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} min"
    if seconds < 2 * 86400:
        return f"{round(seconds / 3600)} h"
    return f"{round(seconds / 86400)} days"
