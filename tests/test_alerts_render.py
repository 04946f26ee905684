"""Alert rendering: subject, plain text, HTML and Slack blocks from one alert payload."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

from monitor.alerts.model import Rendered
from monitor.alerts.render import (
    SLACK_BLOCKS_MAX,
    SLACK_HEADER_MAX,
    SLACK_TEXT_MAX,
    SUBJECT_MAX,
    public_url,
    render_alert,
    render_digest,
)
from monitor.figures.wording import amount, human, human_amount

WATCH = "dprk-russia-arms"
SCMP = "https://www.scmp.com/news/asia/article/3258888/pyongyang-links-moscow"
BLINKEN = (
    "Blinken called it a \u201cmatter of deep concern\u201d over the North\u2019s provision of"
    " 5 million rounds of ammunition and scores of ballistic missiles."
)


def shells_changed() -> dict[str, Any]:
    """The seeds' story: about 3 million shells (scmp.com), then 5 million rounds."""
    return {
        "id": 42,
        "kind": "changed_figure",
        "watch": WATCH,
        "measure": "ammunition",
        "value": 5_000_000,
        "low": 5_000_000,
        "high": 5_000_000,
        "qualifier": "exact",
        "unit": "count",
        "thing": "rounds of ammunition",
        "sentence": BLINKEN,
        "article": {
            "url": "https://www.koreaherald.com/view.php?ud=20240502000612",
            "title": "N. Korea-Russia arms deal deepens",
            "site": "koreaherald.com",
            "published_at": "2024-05-02T09:30:00+09:00",
        },
        "previous": [
            {
                "value": 3_000_000,
                "low": 2_700_000,
                "high": 3_300_000,
                "qualifier": "about",
                "unit": "count",
                "article_url": SCMP,
                "site": "scmp.com",
                "published_at": "2024-04-14T08:00:00+00:00",
            }
        ],
        "created_at": "2024-05-02T01:00:05+00:00",
    }


def containers_new() -> dict[str, Any]:
    """A first figure, without the optional unit and with an undated article."""
    return {
        "id": 7,
        "kind": "new_measure",
        "watch": WATCH,
        "measure": "container",
        "value": 11_000,
        "low": 9_900,
        "high": 12_100,
        "qualifier": "about",
        "thing": "containers of munitions",
        "sentence": "North Korea had so far shipped around 11,000 containers of munitions.",
        "article": {
            "url": "https://en.yna.co.kr/view/AEN20240227003500315",
            "title": "N. Korea shipped 11,000 containers",
            "site": "yna.co.kr",
            "published_at": None,
        },
        "previous": [],
        "created_at": "2024-02-27T10:00:00Z",
    }


def containers_changed() -> dict[str, Any]:
    payload = containers_new()
    payload.update(
        id=8,
        kind="changed_figure",
        value=13_000,
        low=13_000,
        high=13_000,
        qualifier="exact",
        thing="containers",
        sentence="Russia has received 13,000 containers from North Korea.",
    )
    payload["article"] = {
        "url": "https://www.reuters.com/world/13000-containers",
        "title": "13,000 containers",
        "site": "reuters.com",
        "published_at": "2024-10-01T12:00:00Z",
    }
    payload["previous"] = [
        # Oldest first, as the store lists them; the renderings put the newest first.
        {**_earlier(1_000, "nknews.org", "2023-10-13T00:00:00Z")},
        {**_earlier(6_700, "kbs.co.kr", "2024-03-04T00:00:00Z")},
        {**_earlier(11_000, "yna.co.kr", None), "qualifier": "about"},
    ]
    return payload


def _earlier(value: float, site: str, published_at: str | None) -> dict[str, Any]:
    return {
        "value": value,
        "low": value,
        "high": value,
        "article_url": f"https://{site}/story-{int(value)}",
        "site": site,
        "published_at": published_at,
    }


def percent_changed() -> dict[str, Any]:
    payload = shells_changed()
    payload.update(
        measure="share of ammunition [%]",
        value=60,
        low=60,
        high=60,
        unit="percent",
        thing="of the shells Russia fires",
        sentence="North Korean shells make up 60% of the shells Russia fires.",
    )
    payload["previous"] = [
        {
            **_earlier(50, "ft.com", "2024-08-01T00:00:00Z"),
            "low": 40,
            "high": 50,
            "qualifier": "range",
            "unit": "percent",
        }
    ]
    return payload


def money_new() -> dict[str, Any]:
    payload = containers_new()
    payload.update(
        measure="value of artillery [USD]",
        value=1_200_000_000,
        low=1_200_000_000,
        high=1_200_000_000,
        qualifier="more_than",
        unit="USD",
        thing="worth of artillery",
        sentence="Pyongyang earned more than $1.2bn worth of artillery sales.",
    )
    return payload


def renderings(rendered: Rendered) -> Iterator[tuple[str, str]]:
    """Every rendering as one string, named: a test of content runs over all of them."""
    yield "subject", rendered.subject
    yield "text", rendered.text
    yield "html", rendered.html
    yield "slack", json.dumps(rendered.slack, ensure_ascii=False)


def blocks_text(slack: Any) -> str:
    """The texts of a Slack message's blocks, joined: what a reader sees."""
    parts = []
    for block in slack["blocks"]:
        if "text" in block:
            parts.append(block["text"]["text"])
        parts += [element["text"] for element in block.get("elements", [])]
    return "\n".join(parts)


# -- wording --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (5_000_000, "count", "5 million"),
        (3_000_000, "count", "3 million"),
        (11_000, "count", "11,000"),
        (2_500_000, "count", "2.5 million"),
        (1_234_567, "count", "1,234,567"),  # a scale word would round it: digits stay
        (1_255_000, "count", "1,255,000"),
        (1_200_000_000, "USD", "$1.2 billion"),
        (500_000, "USD", "$500,000"),
        (3_000_000, "EUR", "\u20ac3 million"),
        (2_000_000_000_000, "KRW", "KRW 2 trillion"),
        (12.5, "percent", "12.5%"),
        (60, "percent", "60%"),
        (0.5, "count", "0.5"),
        (-5_000_000, "USD", "-$5 million"),
    ],
)
def test_human_says_numbers_as_readers_do(value: float, unit: str, expected: str) -> None:
    assert human(value, unit) == expected


def test_human_amount_adds_qualifier_and_shares_range_units() -> None:
    assert human_amount(3e6, 2.7e6, 3.3e6, "about", "count") == "about 3 million"
    assert human_amount(2.5e6, 2e6, 3e6, "range", "count") == "2\u20133 million"
    assert human_amount(11, 10, 12, "range", "percent") == "10\u201312%"
    assert human_amount(120, 40, 200, "vague", "count") == "40\u2013200 (vague)"
    assert human_amount(1e6, 5e5, 2e6, "range", "USD") == "$500,000\u2013$2 million"
    assert human_amount(1.2e9, 1.2e9, 1.8e9, "more_than", "USD") == "more than $1.2 billion"


def test_amount_is_unchanged() -> None:
    assert amount(3e6, 2.7e6, 3.3e6, "about", "count") == "about 3,000,000"
    assert amount(120, 40, 200, "vague", "count") == "40\u2013200 (vague)"
    assert amount(1.2e9, 1.2e9, 1.2e9, "exact", "USD") == "USD 1,200,000,000"


# -- URLs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://user:pass@example.com/x", "https://example.com/x"),
        ("https://token@example.com:8443/x?id=7", "https://example.com:8443/x?id=7"),
        (
            "https://example.com/a?id=7&token=abc&utm_source=rss&page=2",
            "https://example.com/a?id=7&page=2",
        ),
        ("https://example.com/a?access_token=x&API_KEY=y&sig=z", "https://example.com/a"),
        (
            "https://s3.example.com/f?X-Amz-Signature=x&X-Amz-Credential=y&v=1",
            "https://s3.example.com/f?v=1",
        ),
        ("https://example.com/a?fbclid=x&gclid=y#section-2", "https://example.com/a#section-2"),
        ("https://example.com/cb#access_token=x&state=1", "https://example.com/cb#state=1"),
        ("https://example.com/a?q=north%20korea&x=1", "https://example.com/a?q=north%20korea&x=1"),
        ("http://u:p@[::1/x", "http://[::1/x"),  # unparseable: userinfo goes all the same
    ],
)
def test_public_url_strips_credentials_and_trackers(url: str, expected: str) -> None:
    assert public_url(url) == expected


# -- one alert ------------------------------------------------------------------------------


def test_changed_figure_subject() -> None:
    rendered = render_alert(shells_changed())
    assert rendered.subject == (
        "[dprk-russia-arms] changed: ammunition 5 million rounds of ammunition"
        " (was about 3 million)"
    )


def test_changed_figure_in_every_rendering() -> None:
    rendered = render_alert(shells_changed())
    for name, text in renderings(rendered):
        if name == "subject":
            continue
        for expected in (
            WATCH,
            "ammunition",
            "5 million",
            "rounds of ammunition",
            "about 3 million",  # the earlier value with its qualifier
            "scmp.com",
            "2024-04-14",
            SCMP,
            "koreaherald.com",
            "2024-05-02",
            "N. Korea-Russia arms deal deepens",
            "https://www.koreaherald.com/view.php?ud=20240502000612",
            "matter of deep concern",
        ):
            assert expected in text, (name, expected)


def test_plain_text_reads_top_down() -> None:
    text = render_alert(shells_changed()).text
    assert text.splitlines()[0] == "dprk-russia-arms \u2014 Changed figure: ammunition"
    assert (
        "5 million rounds of ammunition \u2014 was about 3 million (scmp.com, 2024-04-14)" in text
    )
    assert f'  "{BLINKEN}"' in text  # the sentence, quoted
    assert "Article: N. Korea-Russia arms deal deepens\n  koreaherald.com, 2024-05-02\n" in text
    assert f"  - about 3 million (scmp.com, 2024-04-14) {SCMP}" in text
    assert "alert 42, created 2024-05-02" in text


def test_new_measure_says_it_is_the_first_figure() -> None:
    rendered = render_alert(containers_new())
    assert rendered.subject == (
        "[dprk-russia-arms] new: container about 11,000 containers of munitions"
    )
    assert "was" not in rendered.subject
    for name, text in renderings(rendered):
        if name != "subject":
            assert "first figure" in text, name
            assert "about 11,000" in text and "containers of munitions" in text, name
            assert "undated" in text, name  # published_at null
    assert rendered.slack["blocks"][0]["text"]["text"] == "[dprk-russia-arms] new measure"


def test_earlier_values_newest_first_and_was_is_the_newest_dated() -> None:
    rendered = render_alert(containers_changed())
    assert rendered.subject.endswith("13,000 containers (was 6,700)")
    text = rendered.text
    lines = [line for line in text.splitlines() if line.startswith("  - ")]
    assert lines == [
        "  - 6,700 (kbs.co.kr, 2024-03-04) https://kbs.co.kr/story-6700",
        "  - 1,000 (nknews.org, 2023-10-13) https://nknews.org/story-1000",
        "  - about 11,000 (yna.co.kr, undated) https://yna.co.kr/story-11000",
    ]
    html = rendered.html
    assert html.index("6,700") < html.index("1,000") < html.index("about 11,000")
    assert blocks_text(rendered.slack).count("\u2022 ") == 3


def test_percent_and_money() -> None:
    percent = render_alert(percent_changed())
    assert percent.subject == (
        "[dprk-russia-arms] changed: share of ammunition [%] 60% of the shells Russia fires"
        " (was 40\u201350%)"
    )
    assert "40\u201350% (ft.com, 2024-08-01)" in percent.text
    money = render_alert(money_new())
    assert money.subject == (
        "[dprk-russia-arms] new: value of artillery [USD] more than $1.2 billion worth of artillery"
    )
    assert "<strong>more than $1.2 billion</strong> worth of artillery" in money.html
    assert "*more than $1.2 billion* worth of artillery" in blocks_text(money.slack)


def test_payload_is_passed_on_unchanged() -> None:
    payload = shells_changed()
    payload["article"]["url"] = "https://u:p@example.com/x?token=t"
    before = copy.deepcopy(payload)
    rendered = render_alert(payload)
    assert rendered.payload == before
    assert payload == before  # rendering never edits its input


def test_dates_are_the_publishers_own_day() -> None:
    payload = shells_changed()
    payload["article"]["published_at"] = "2024-05-02T00:30:00+09:00"  # 2024-05-01 in UTC
    payload["previous"][0]["published_at"] = "2024-04-14T23:00:00Z"
    text = render_alert(payload).text
    assert "koreaherald.com, 2024-05-02" in text
    assert "(scmp.com, 2024-04-14)" in text


# -- safety ---------------------------------------------------------------------------------


def test_userinfo_and_tokens_never_shown() -> None:
    payload = shells_changed()
    payload["article"]["url"] = (
        "https://reader:s3cret@www.example.com/a?id=9&token=TOK&utm_medium=x"
    )
    payload["previous"][0]["article_url"] = "https://feeduser:hunter2@www.scmp.com/b"
    rendered = render_alert(payload)
    digest = render_digest(WATCH, [payload])
    for message in (rendered, digest):
        for name, text in renderings(message):
            for secret in ("s3cret", "reader", "TOK", "hunter2", "feeduser", "utm_"):
                assert secret not in text, (name, secret)
    assert "https://www.example.com/a?id=9" in rendered.text
    assert 'href="https://www.example.com/a?id=9"' in rendered.html
    assert "<https://www.scmp.com/b|scmp.com>" in blocks_text(rendered.slack)


def test_html_escapes_every_value() -> None:
    payload = shells_changed()
    payload["article"]["title"] = 'Arms & shells <script>alert("x")</script>'
    payload["sentence"] = 'He said "5 million" <b>rounds</b> & more.'
    payload["thing"] = "rounds <i>of</i> ammunition"
    payload["article"]["url"] = 'https://example.com/a?x=1&y="2"'
    html = render_alert(payload).html
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "Arms &amp; shells &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "He said &quot;5 million&quot; &lt;b&gt;rounds&lt;/b&gt; &amp; more." in html
    assert 'href="https://example.com/a?x=1&amp;y=&quot;2&quot;"' in html
    # Self-contained: inline styles, nothing fetched from elsewhere.
    assert html.startswith("<!DOCTYPE html>")
    for external in ("<link", "<img", "<style", "<script", "src=", "url("):
        assert external not in html


def test_only_web_urls_become_links() -> None:
    payload = shells_changed()
    payload["article"]["url"] = "javascript:alert(1)"
    rendered = render_alert(payload)
    assert "href" not in rendered.html.split("<h2")[1].split("Earlier")[0]
    assert "<javascript:" not in blocks_text(rendered.slack)


def test_subject_is_one_short_line() -> None:
    payload = shells_changed()
    payload["thing"] = "rounds\nof ammunition " + "very " * 60 + "long"
    payload["watch"] = "dprk\r\nBcc: someone@example.org"
    subject = render_alert(payload).subject
    assert len(subject) <= SUBJECT_MAX
    assert "\n" not in subject and "\r" not in subject
    assert subject.endswith("\u2026")


# -- Slack ----------------------------------------------------------------------------------

BLOCK_TYPES = {"header", "section", "context", "divider"}


def assert_slack_shape(slack: Any) -> None:
    assert set(slack) == {"text", "blocks"}
    assert isinstance(slack["text"], str) and slack["text"]
    blocks = slack["blocks"]
    assert 1 <= len(blocks) <= SLACK_BLOCKS_MAX
    assert blocks[0]["type"] == "header"
    for block in blocks:
        assert block["type"] in BLOCK_TYPES
        if block["type"] == "header":
            assert block["text"]["type"] == "plain_text"
            assert 0 < len(block["text"]["text"]) <= SLACK_HEADER_MAX
        elif block["type"] == "section":
            assert block["text"]["type"] == "mrkdwn"
            assert 0 < len(block["text"]["text"]) <= SLACK_TEXT_MAX
        elif block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
            for element in block["elements"]:
                assert element["type"] == "mrkdwn"
                assert 0 < len(element["text"]) <= SLACK_TEXT_MAX
    json.dumps(slack)  # a webhook body: plain JSON values only


def test_slack_message_shape() -> None:
    rendered = render_alert(shells_changed())
    assert_slack_shape(rendered.slack)
    assert rendered.slack["text"] == rendered.subject  # the notification's one-liner
    assert rendered.slack["blocks"][0]["text"]["text"] == "[dprk-russia-arms] changed figure"
    text = blocks_text(rendered.slack)
    assert "*5 million* rounds of ammunition \u2014 was about 3 million" in text
    assert f"\n>{BLINKEN}" in text  # the sentence as a quote
    assert (
        "<https://www.koreaherald.com/view.php?ud=20240502000612|N. Korea-Russia arms deal"
        " deepens> \u2014 koreaherald.com, 2024-05-02"
    ) in text
    assert f"\u2022 about 3 million \u2014 <{SCMP}|scmp.com>, 2024-04-14" in text


def test_slack_escapes_mrkdwn() -> None:
    payload = shells_changed()
    payload["article"]["title"] = "Arms & <shells> | more"
    payload["article"]["url"] = "https://example.com/a?x=1&y=2|3"
    payload["sentence"] = "Kim <@U123> said 5 million > 3 million & <!channel>."
    rendered = render_alert(payload)
    text = blocks_text(rendered.slack)
    assert "<https://example.com/a?x=1&amp;y=2%7C3|Arms &amp; &lt;shells&gt; | more>" in text
    assert ">Kim &lt;@U123&gt; said 5 million &gt; 3 million &amp; &lt;!channel&gt;." in text
    assert "<!channel>" not in json.dumps(rendered.slack)


def test_slack_stays_within_limits_for_huge_alerts() -> None:
    payload = shells_changed()
    payload["sentence"] = "&" * 5000  # each '&' grows to '&amp;' in mrkdwn
    payload["article"]["title"] = "<" * 2000
    payload["previous"] = [
        _earlier(1_000 + n, f"site{n}.example.com", "2024-01-01T00:00:00Z") for n in range(200)
    ]
    slack = render_alert(payload).slack
    assert_slack_shape(slack)
    earlier = slack["blocks"][-1]["text"]["text"]
    assert earlier.endswith(" more")  # what did not fit is counted, not cut mid-link
    assert earlier.count("<https://") == earlier.count("|site")
    assert "&am\u2026" not in blocks_text(slack)  # never half an entity


# -- digest ---------------------------------------------------------------------------------


def test_digest_holds_every_alert() -> None:
    payloads = [shells_changed(), containers_new(), percent_changed(), money_new()]
    digest = render_digest(WATCH, payloads)
    assert digest.subject == "[dprk-russia-arms] 4 figures new or changed"
    assert digest.payload == {"digest": True, "watch": WATCH, "alerts": payloads}
    assert_slack_shape(digest.slack)
    for name, text in renderings(digest):
        if name == "subject":
            continue
        for expected in (
            "5 million",
            "about 3 million",
            "about 11,000",
            "60%",
            "more than $1.2 billion",
            "scmp.com",
            "2024-04-14",
            BLINKEN[:40],
        ):
            assert expected in text, (name, expected)
    assert digest.text.count("Changed figure:") == 2
    assert digest.text.count("New measure:") == 2
    assert digest.html.count("<h2") == 4
    assert sum(b["type"] == "divider" for b in digest.slack["blocks"]) == 4


def test_digest_of_one_and_of_many() -> None:
    assert render_digest(WATCH, [containers_new()]).subject == (
        "[dprk-russia-arms] 1 figure new or changed"
    )
    many = render_digest(WATCH, [containers_new() for _ in range(30)])
    assert_slack_shape(many.slack)
    shown = sum(b["type"] == "divider" for b in many.slack["blocks"])
    note = many.slack["blocks"][-1]["elements"][0]["text"]
    assert note.startswith(f"\u2026 and {30 - shown} more")
    assert many.text.count("New measure:") == 30  # email and text are not capped
    assert many.html.count("<h2") == 30


def test_an_edited_article_says_what_it_said_before_in_every_rendering() -> None:
    payload = shells_changed()
    payload["revision"] = {
        "version": 2,
        "earlier_value": 3_000_000,
        "earlier_at": "2024-05-01T08:00:00+00:00",
        "correction": False,
    }
    for name, text in renderings(render_alert(payload)):
        if name != "subject":
            assert "Updated article: it said 3 million in its version 1 (2024-05-01)" in text
    payload["revision"] = {**payload["revision"], "earlier_value": 6_000_000, "correction": True}
    rendered = render_alert(payload)
    assert "Correction: it said 6 million in its version 1" in rendered.text
    assert "Correction" in blocks_text(rendered.slack)


def test_slack_text_from_articles_cannot_format_itself() -> None:
    # A headline's own asterisks, underscores, tildes and backticks are shown as written.
    payload = shells_changed()
    payload["article"]["title"] = "*Breaking* _exclusive_ ~denied~ `code`"
    payload["sentence"] = "He said *five million* rounds & <more>."
    text = blocks_text(render_alert(payload).slack)
    for raw in ("*Breaking*", "_exclusive_", "~denied~", "`code`", "*five million*"):
        assert raw not in text
    zwsp = "\u200b"
    assert f"{zwsp}*{zwsp}Breaking{zwsp}*{zwsp}" in text
    assert "&amp; &lt;more&gt;" in text
    # The monitor's own formatting stays: the figure is still bold.
    assert "\n*5 million* rounds of ammunition" in text
