"""Alerts as messages: one payload (DESIGN.md's alert JSON) -> subject, text, HTML, Slack blocks.

    render_alert(payload) -> Rendered          one alert
    render_digest(watch, payloads) -> Rendered several alerts of one watch in one message

Every rendering is built from the same ``_View`` of the payload, so the three never disagree.
Numbers read as people say them (``wording.human_amount``: "about 3 million", "$1.2 billion");
the digits stay in the payload. Earlier values are listed newest first, and the newest is the
one a changed figure "was".

URLs are shown through ``public_url``: no userinfo, no token or tracking parameters, and only
http(s) URLs become links. The payload itself is passed on as given (a webhook receiver gets
exactly the stored alert), so keeping secrets out of it is the job of whoever builds it: build
its URLs from ``dedup.urls.canonical_url`` (which drops userinfo) or pass them through
``public_url`` first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from monitor.alerts.model import Rendered
from monitor.figures.model import COUNT
from monitor.figures.wording import human_amount

SUBJECT_MAX = 150  # mail clients cut long subjects anyway; Slack's header block allows 150
SLACK_TEXT_MAX = 3000  # Slack: a section's or a context element's text
SLACK_HEADER_MAX = 150  # Slack: a header block's plain_text
SLACK_BLOCKS_MAX = 50  # Slack: blocks in one message
ELLIPSIS = "\u2026"
DASH = "\u2014"

# Query parameters that authenticate (tokens, signed URLs) or only track the reader.
_SECRET_PARAM = re.compile(
    r"token|secret|passw|pwd|signature|credential|api_?key|^key$|^sig$|^auth|^session|^sid$|^jwt$"
)
_TRACKING_PARAM = re.compile(r"^(utm_|mc_[ce]id$|_hs|fbclid$|gclid$|dclid$|msclkid$|igshid$)")


def public_url(url: str) -> str:
    """Return ``url`` fit to show: no userinfo, no token or tracking query parameters.

    'https://user:pass@host/a?id=7&token=x&utm_source=rss' -> 'https://host/a?id=7'. Other
    parameters keep their exact spelling, since some sites need them to find the article.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(
            (parts.scheme, host, parts.path, _public_params(parts.query), _fragment(parts.fragment))
        )
    except ValueError:  # unparseable ("http://[::1"): still never show what precedes an '@'
        return re.sub(r"//[^/?#]*@", "//", url.strip())


def _public_params(query: str) -> str:
    kept = []
    for pair in query.split("&"):
        name = unquote(pair.partition("=")[0]).strip().lower()
        if pair and not (_SECRET_PARAM.search(name) or _TRACKING_PARAM.search(name)):
            kept.append(pair)
    return "&".join(kept)


def _fragment(fragment: str) -> str:
    # OAuth-style fragments ('#access_token=...') are parameters too; '#section-2' is not.
    return _public_params(fragment) if "=" in fragment else fragment


# -- the view every rendering reads ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    url: str  # public_url() of the article's URL; "" when none
    title: str
    site: str
    date: str  # YYYY-MM-DD or "undated"


@dataclass(frozen=True, slots=True)
class _Earlier:
    amount: str
    source: _Source
    published: datetime | None  # for ordering only


@dataclass(frozen=True, slots=True)
class _View:
    watch: str
    kind: str
    measure: str
    amount: str
    thing: str
    sentence: str
    article: _Source
    earlier: list[_Earlier]  # newest first
    footer: str
    note: str = ""  # what an edited article said before: "Correction: ..." / "Updated: ..."

    @property
    def is_new(self) -> bool:
        return self.kind != "changed_figure"

    @property
    def headline(self) -> str:
        """'Changed figure: ammunition' / 'New measure: container (its first figure)'."""
        if self.is_new:
            return f"New measure: {self.measure} (its first figure)"
        return f"Changed figure: {self.measure}"

    @property
    def figure(self) -> str:
        """'5 million rounds of ammunition'."""
        return f"{self.amount} {self.thing}".strip()

    @property
    def was(self) -> _Earlier | None:
        """The value a changed figure replaces: the newest earlier one."""
        return self.earlier[0] if self.earlier and not self.is_new else None


def _view(payload: Mapping[str, Any]) -> _View:
    unit = str(payload.get("unit") or COUNT)
    article = payload.get("article") or {}
    earlier = [_earlier(item, unit) for item in payload.get("previous") or ()]
    # Newest first, undated last: the top line is the value this one replaces.
    earlier.sort(key=lambda e: e.published or datetime.min.replace(tzinfo=UTC), reverse=True)
    created = _date(payload.get("created_at"))
    return _View(
        watch=_line(payload.get("watch")) or "watch",
        kind=str(payload.get("kind") or "new_measure"),
        measure=_line(payload.get("measure")) or "figure",
        amount=_amount(payload, unit),
        thing=_line(payload.get("thing")),
        sentence=_line(payload.get("sentence")),
        article=_source(
            article.get("url"),
            article.get("site"),
            article.get("published_at"),
            article.get("title"),
        ),
        earlier=earlier,
        footer=f"alert {payload.get('id', '?')}, created {created}",
        note=_revision_note(payload.get("revision"), unit),
    )


def _revision_note(revision: object, unit: str) -> str:
    """'Correction: this article now says 6; it said 7 in its version 1 (15 Nov 2025 10:40).'"""
    if not isinstance(revision, Mapping):
        return ""
    said = _amount({"value": revision.get("earlier_value"), "qualifier": "exact"}, unit)
    when = revision.get("earlier_at")
    at = f" ({_date(when)})" if when else ""
    version = revision.get("version")
    before = f" in its version {int(version) - 1}" if isinstance(version, int) else ""
    lead = "Correction" if revision.get("correction") else "Updated article"
    return f"{lead}: it said {said}{before}{at}."


def _earlier(item: Mapping[str, Any], unit: str) -> _Earlier:
    # Earlier values are of the same measure, whose name fixes the unit: default to the alert's.
    return _Earlier(
        amount=_amount(item, str(item.get("unit") or unit)),
        source=_source(item.get("article_url"), item.get("site"), item.get("published_at")),
        published=_datetime(item.get("published_at")),
    )


def _amount(item: Mapping[str, Any], unit: str) -> str:
    value = float(item.get("value") or 0)
    low, high = item.get("low"), item.get("high")
    qualifier = str(item.get("qualifier") or "exact")
    return human_amount(
        value,
        value if low is None else float(low),
        value if high is None else float(high),
        qualifier,
        unit,
    )


def _source(url: object, site: object, published: object, title: object = None) -> _Source:
    shown = public_url(str(url)) if url else ""
    host = _split(shown).hostname or ""
    return _Source(
        url=shown,
        title=_line(title) or shown or "(untitled)",
        site=_line(site) or host or "unknown site",
        date=_date(published),
    )


def _line(value: object) -> str:
    """One line of text: whitespace runs (newlines too) become a space, so no field breaks a
    subject header or a Slack quote."""
    return " ".join(str(value).split()) if value is not None else ""


def _datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _date(value: object) -> str:
    """YYYY-MM-DD of an ISO 8601 time, in its own zone (the publisher's date), or 'undated'."""
    moment = _datetime(value)
    if moment is not None:
        return moment.date().isoformat()
    return _line(value)[:40] or "undated"  # unreadable: shown as given, never dropped


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def _split(url: str) -> SplitResult:
    try:
        return urlsplit(url)
    except ValueError:  # "http://[::1": no host, no scheme, so never a link
        return SplitResult("", "", url, "", "")


def is_link(url: str) -> bool:
    return _split(url).scheme.lower() in ("http", "https")


# -- subject and plain text -----------------------------------------------------------------


def _subject(view: _View) -> str:
    if view.is_new:
        return _clip(f"[{view.watch}] new: {view.measure} {view.figure}", SUBJECT_MAX)
    was = f" (was {view.was.amount})" if view.was else ""
    return _clip(f"[{view.watch}] changed: {view.measure} {view.figure}{was}", SUBJECT_MAX)


def _text(view: _View) -> str:
    was = f" {DASH} was {view.was.amount} ({_cite(view.was.source)})" if view.was else ""
    lines = [f"{view.watch} {DASH} {view.headline}", "", view.figure + was]
    if view.note:
        lines.append(view.note)
    if view.sentence:
        lines.append(f'  "{view.sentence}"')
    art = view.article
    lines += ["", f"Article: {art.title}", f"  {_cite(art)}"]
    lines += [f"  {art.url}"] if art.url else []
    lines.append("")
    if view.earlier:
        lines.append("Earlier values (newest first):")
        for item in view.earlier:
            url = f" {item.source.url}" if item.source.url else ""
            lines.append(f"  - {item.amount} ({_cite(item.source)}){url}")
    else:
        lines.append("This is the first figure of this measure.")
    lines += ["", view.footer]
    return "\n".join(lines)


def _cite(source: _Source) -> str:
    return f"{source.site}, {source.date}"


# -- HTML -----------------------------------------------------------------------------------

_GREY = "color:#5f6368;font-size:12px"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _a(url: str, label: str) -> str:
    if not is_link(url):  # javascript: and friends stay text
        return _e(label)
    return f'<a href="{_e(url)}" style="color:#1a5fb4">{_e(label)}</a>'


def _html_section(view: _View) -> str:
    art = view.article
    was = f' <span style="color:#5f6368">(was {_e(view.was.amount)})</span>' if view.was else ""
    parts = [
        f'<p style="margin:0 0 4px;{_GREY}">{_e(view.watch)}</p>',
        f'<h2 style="margin:0 0 8px;font-size:18px">{_e(view.headline)}</h2>',
        f'<p style="margin:0 0 8px;font-size:16px"><strong>{_e(view.amount)}</strong> '
        f"{_e(view.thing)}{was}</p>",
    ]
    if view.note:
        parts.append(f'<p style="margin:0 0 8px"><em>{_e(view.note)}</em></p>')
    if view.sentence:
        parts.append(
            '<blockquote style="margin:0 0 8px;padding:4px 12px;border-left:3px solid #c0c4c8;'
            f'color:#303336">&ldquo;{_e(view.sentence)}&rdquo;</blockquote>'
        )
    parts.append(
        f'<p style="margin:0 0 12px">{_a(art.url, art.title)}<br>'
        f'<span style="{_GREY}">{_e(art.site)} &middot; {_e(art.date)}</span></p>'
    )
    if view.earlier:
        rows = "".join(
            f'<tr><td style="padding:2px 12px 2px 0">{_e(e.amount)}</td>'
            f'<td style="padding:2px 12px 2px 0">{_a(e.source.url, e.source.site)}</td>'
            f'<td style="padding:2px 0;{_GREY}">{_e(e.source.date)}</td></tr>'
            for e in view.earlier
        )
        parts.append(
            f'<p style="margin:0 0 4px;{_GREY}">Earlier values, newest first</p>'
            f'<table style="border-collapse:collapse;font-size:14px">{rows}</table>'
        )
    else:
        parts.append(f'<p style="margin:0;{_GREY}">The first figure of this measure.</p>')
    parts.append(f'<p style="margin:8px 0 0;{_GREY}">{_e(view.footer)}</p>')
    return "\n".join(parts)


def _html_document(subject: str, sections: Iterable[str]) -> str:
    rule = '\n<hr style="border:0;border-top:1px solid #dadce0;margin:16px 0">\n'
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{_e(subject)}</title></head>\n"
        '<body style="margin:0;padding:16px;background:#ffffff;color:#202124;'
        'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4">\n'
        f'<div style="max-width:640px">\n{rule.join(sections)}\n</div>\n</body></html>\n'
    )


# -- Slack Block Kit ------------------------------------------------------------------------


# Slack has no escape for its formatting marks; a zero-width space on each side of one keeps
# it from opening or closing bold, italics, strike-through or code ("*bold*" in a headline is
# shown as written, not as bold).
_ZWSP = "\u200b"
_SLACK_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    **{mark: f"{_ZWSP}{mark}{_ZWSP}" for mark in "*_~`"},
}


def _m(text: str, limit: int = SLACK_TEXT_MAX) -> str:
    """Slack mrkdwn of ``text``: '&', '<', '>' escaped and formatting marks disarmed, clipped
    whole entities to ``limit``."""
    out: list[str] = []
    size = 0
    for char in text:
        piece = _SLACK_ESCAPES.get(char, char)
        if size + len(piece) > limit - 1:
            out.append(ELLIPSIS)
            break
        out.append(piece)
        size += len(piece)
    return "".join(out)


def _slack_link(url: str, label: str) -> str:
    if not is_link(url):
        return _m(label, 500)
    # '|' and '>' would end the link early; a URL never needs them raw.
    target = url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E").replace("&", "&amp;")
    return f"<{target}|{_m(label, 300)}>"


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def _slack_blocks(view: _View) -> list[dict[str, Any]]:
    art = view.article
    lead = f"*{_m(view.headline, 400)}*\n*{_m(view.amount, 200)}* {_m(view.thing, 600)}"
    if view.was:
        lead += f" {DASH} was {_m(view.was.amount, 200)}"
    if view.note:
        lead += f"\n_{_m(view.note, 400)}_"
    if view.sentence:
        lead += f"\n>{_m(view.sentence, 1500)}"
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": _mrkdwn(lead)},
        {
            "type": "context",
            "elements": [
                _mrkdwn(f"{_slack_link(art.url, art.title)} {DASH} {_m(art.site, 200)}, {art.date}")
            ],
        },
    ]
    if view.earlier:
        lines = [
            f"\u2022 {_m(e.amount, 200)} {DASH} {_slack_link(e.source.url, e.source.site)}, "
            f"{_m(e.source.date, 40)}"
            for e in view.earlier
        ]
        blocks.append({"type": "section", "text": _mrkdwn(_fit_lines("*Earlier values*", lines))})
    else:
        blocks.append({"type": "context", "elements": [_mrkdwn("First figure of this measure.")]})
    return blocks


def _fit_lines(title: str, lines: Sequence[str]) -> str:
    """``title`` and as many whole lines as fit a section (a cut link would break the text)."""
    text = title
    for shown, line in enumerate(lines):
        rest = f"\n\u2026 and {len(lines) - shown} more"
        if len(text) + 1 + len(line) + len(rest) > SLACK_TEXT_MAX:
            return text + rest
        text += "\n" + line
    return text


def _slack_header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": _clip(text, SLACK_HEADER_MAX)}}


# -- public ---------------------------------------------------------------------------------


def render_alert(payload: Mapping[str, Any]) -> Rendered:
    """Render one alert payload as a subject, plain text, an HTML body and a Slack message."""
    view = _view(payload)
    subject = _subject(view)
    kind = "new measure" if view.is_new else "changed figure"
    return Rendered(
        subject=subject,
        text=_text(view),
        html=_html_document(subject, [_html_section(view)]),
        slack={
            "text": _m(subject),
            # The header names the watch; the figure itself is in the section right below.
            "blocks": [_slack_header(f"[{view.watch}] {kind}"), *_slack_blocks(view)],
        },
        payload=payload,
    )


def render_digest(watch: str, payloads: Sequence[Mapping[str, Any]]) -> Rendered:
    """Render several alerts of ``watch`` as one message, each alert a section of it."""
    views = [_view(p) for p in payloads]
    count = len(views)
    subject = _clip(
        f"[{_line(watch)}] {count} figure{'' if count == 1 else 's'} new or changed", SUBJECT_MAX
    )
    rule = "\n\n" + "-" * 60 + "\n\n"
    text = subject + rule + rule.join(f"{n}. {_text(v)}" for n, v in enumerate(views, 1))
    return Rendered(
        subject=subject,
        text=text,
        html=_html_document(subject, [_html_section(v) for v in views]),
        slack={"text": _m(subject), "blocks": _digest_blocks(subject, views)},
        payload={"digest": True, "watch": watch, "alerts": list(payloads)},
    )


def _digest_blocks(subject: str, views: Sequence[_View]) -> list[dict[str, Any]]:
    """A header, then each alert after a divider, while they fit Slack's 50 blocks."""
    blocks: list[dict[str, Any]] = [_slack_header(subject)]
    for shown, view in enumerate(views):
        section = [{"type": "divider"}, *_slack_blocks(view)]
        # Keep one block free for the note that says how many did not fit.
        if len(blocks) + len(section) > SLACK_BLOCKS_MAX - 1:
            note = (
                f"\u2026 and {len(views) - shown} more; the email and the webhook carry them all."
            )
            blocks.append({"type": "context", "elements": [_mrkdwn(note)]})
            break
        blocks.extend(section)
    return blocks
