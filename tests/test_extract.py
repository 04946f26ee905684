from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trafilatura

from monitor.errors import ExtractError
from monitor.extraction import (
    Extractor,
    clean_plain_text,
    document_from_feed,
    document_from_text,
    extract_html,
    parse_published,
)
from monitor.model import Entry

DATA = Path(__file__).parent / "data" / "extract"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HARBOUR_URL = "https://ledger.example.org/news/2024/04/grain-convoy-lindqvist"
BAKERY_URL = "https://tageblatt.example.de/lokales/baeckerei-schliesst"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def texts(html: str, xpath: str) -> list[str]:
    """Return the whitespace-normalized text of each element the XPath selects in a fixture."""
    tree = trafilatura.load_html(html)
    assert tree is not None
    return [" ".join(element.text_content().split()) for element in tree.xpath(xpath)]


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


# --- HTML pages ---------------------------------------------------------------------------


def test_article_paragraphs_are_kept_in_order() -> None:
    html = read("harbour_article.html")
    paragraphs = texts(html, "//div[@class='story-body']/p")
    assert len(paragraphs) >= 4
    document = extract_html(html, url=HARBOUR_URL)
    got = lines(document.text)
    assert [p for p in got if p in paragraphs] == paragraphs


@pytest.mark.parametrize(
    "xpath",
    [
        "//div[@id='cookie-banner']//p",  # cookie banner
        "//div[@id='cookie-banner']//button",
        "//aside[contains(@class, 'related')]//li",  # related articles list
        "//aside[contains(@class, 'related')]//h2",
        "//section[@id='comments']//li/p",  # readers' comments and their authors
        "//footer//p",
        "//div[@class='share-tools']/a",
    ],
)
def test_page_furniture_is_left_out(xpath: str) -> None:
    html = read("harbour_article.html")
    unwanted = texts(html, xpath)
    assert unwanted
    text = extract_html(html, url=HARBOUR_URL).text
    for snippet in unwanted:
        assert snippet not in text


def test_navigation_is_left_out() -> None:
    text = extract_html(read("harbour_article.html"), url=HARBOUR_URL).text
    assert not {"News", "Business", "Weather", "Opinion", "Subscribe", "Home"} & set(lines(text))


def test_metadata_of_an_article_page() -> None:
    document = extract_html(read("harbour_article.html"), url=HARBOUR_URL)
    assert document.url == HARBOUR_URL
    assert document.title == "Grain convoy reaches Port Lindqvist after two-week delay"
    assert document.author == "Marta Oksanen"
    assert document.site == "The Coastal Ledger"
    assert document.language == "en"
    assert document.origin == "page"
    # article:published_time is 09:30 at +02:00; the modification time is later and ignored.
    assert document.published_at == datetime(2024, 4, 14, 7, 30, tzinfo=UTC)
    assert document.published_at is not None
    assert document.published_at.tzinfo is UTC


def test_date_only_page_is_midnight_utc() -> None:
    html = read("bakery_dateonly.html")
    document = extract_html(html, url=BAKERY_URL)
    assert document.published_at == datetime(2024, 3, 2, tzinfo=UTC)
    assert document.published_at is not None
    assert document.published_at.tzinfo is UTC
    assert document.language == "de"
    assert document.title == "Bäckerei am Marktplatz schließt nach 112 Jahren"
    assert document.author == "Jonas Reuter"
    assert document.site == "Tageblatt Nordheim"
    paragraphs = texts(html, "//div[@class='article-text']/p")
    assert all(p in document.text for p in paragraphs)
    for snippet in texts(
        html, "//div[@class='mehr-zum-thema']//li | //div[@class='consent-layer']"
    ):
        assert snippet not in document.text


@pytest.mark.parametrize(
    ("html_tag", "language"),
    [
        ('<html xml:lang="fr-FR">', "fr"),
        ('<html lang="PT_br">', "pt"),
        ("<html>", None),
        ('<html lang="not a language tag">', None),
    ],
)
def test_language_comes_from_the_markup(html_tag: str, language: str | None) -> None:
    html = read("harbour_article.html").replace('<html lang="en-GB">', html_tag)
    assert extract_html(html, url=HARBOUR_URL).language == language


def test_og_locale_gives_the_language_when_html_has_none() -> None:
    html = read("harbour_article.html").replace('<html lang="en-GB">', "<html>")
    html = html.replace("<head>", '<head><meta property="og:locale" content="en_GB">')
    assert extract_html(html, url=HARBOUR_URL).language == "en"


def test_near_empty_page_is_an_extract_error() -> None:
    with pytest.raises(ExtractError, match="fewer than 200") as caught:
        extract_html(read("near_empty.html"), url="https://ledger.example.org/moved")
    assert caught.value.kind == "extract"


@pytest.mark.parametrize("html", ["", "   ", "no markup at all"])
def test_empty_input_is_an_extract_error(html: str) -> None:
    with pytest.raises(ExtractError):
        extract_html(html, url="https://ledger.example.org/empty")


def test_min_chars_is_the_threshold() -> None:
    html = read("harbour_article.html")
    length = len(extract_html(html, url=HARBOUR_URL).text)
    assert extract_html(html, url=HARBOUR_URL, min_chars=length).text
    with pytest.raises(ExtractError):
        extract_html(html, url=HARBOUR_URL, min_chars=length + 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-04-14T09:30:00+0200", datetime(2024, 4, 14, 7, 30, tzinfo=UTC)),
        ("2024-04-14T09:30:00-05:00", datetime(2024, 4, 14, 14, 30, tzinfo=UTC)),
        ("2024-04-14T09:30:00", datetime(2024, 4, 14, 9, 30, tzinfo=UTC)),
        ("2024-03-02", datetime(2024, 3, 2, tzinfo=UTC)),
        ("14 April 2024", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value: str | None, expected: datetime | None) -> None:
    parsed = parse_published(value)
    assert parsed == expected
    if parsed is not None:
        assert parsed.tzinfo is UTC


# --- the process pool ----------------------------------------------------------------------


@pytest.mark.parametrize("processes", [0, 2])
async def test_extractor_matches_extract_html(processes: int) -> None:
    html = read("harbour_article.html")
    with Extractor(processes=processes) as extractor:
        got = await extractor.extract(html, url=HARBOUR_URL)
    assert got == extract_html(html, url=HARBOUR_URL)


async def test_extractor_pool_and_in_process_agree_and_raise_alike() -> None:
    pages = [
        (read("harbour_article.html"), HARBOUR_URL),
        (read("bakery_dateonly.html"), BAKERY_URL),
    ]
    with Extractor(processes=0) as local, Extractor(processes=2) as pool:
        for html, url in pages:
            assert await pool.extract(html, url=url) == await local.extract(html, url=url)
        for extractor in (local, pool):
            with pytest.raises(ExtractError, match="fewer than 200"):
                await extractor.extract(read("near_empty.html"), url="https://ledger.example.org/m")


async def test_a_page_whose_worker_died_is_extracted_by_a_fresh_worker() -> None:
    html = read("harbour_article.html")
    with Extractor(processes=1) as extractor:
        expected = await extractor.extract(html, url=HARBOUR_URL)
        # Private attributes of the executor: the only way to reach its worker processes.
        workers = list(extractor._pool._processes.values())  # type: ignore[union-attr]
        for worker in workers:
            worker.kill()
            worker.join()
        # The next page meets the broken pool: it is tried again on a new one, not lost.
        assert await extractor.extract(html, url=HARBOUR_URL) == expected
        fresh = list(extractor._pool._processes.values())  # type: ignore[union-attr]
        assert fresh and not {w.pid for w in fresh} & {w.pid for w in workers}
        assert await extractor.extract(html, url=HARBOUR_URL) == expected


def test_extractor_sizes() -> None:
    with Extractor() as extractor:
        assert extractor.processes >= 1
    with pytest.raises(ValueError, match="processes"):
        Extractor(processes=-1)


async def test_closed_extractor_refuses_work() -> None:
    extractor = Extractor(processes=1)
    extractor.close()
    extractor.close()  # closing twice is harmless
    with pytest.raises(RuntimeError, match="closed"):
        await extractor.extract(read("harbour_article.html"), url=HARBOUR_URL)


# --- plain text: a synthetic scrape with every kind of boilerplate -------------------------

FERRY_TITLE = "Ferry operator cuts winter timetable as fuel costs climb"


def test_clean_plain_text_on_a_synthetic_scrape() -> None:
    original = lines(read("ferry_scrape.txt"))
    paragraphs = [line for line in original if len(line.split()) >= 20]
    assert len(paragraphs) == 5  # the last is a reader's comment below "Leave a Reply"
    assert (
        lines(clean_plain_text(read("ferry_scrape.txt")))
        == [
            FERRY_TITLE,  # once: the masthead above it, its repeats and the byline are gone
            *paragraphs[:3],  # "Related Articles" and its list of headlines between them are gone
            paragraphs[3],  # after the cookie, subscribe, advertisement and "Read more" lines
            "The new timetable takes effect on 1 November.",  # short, but a sentence: kept
            # The sign-off, hashtags, comment count, comment form and comment are gone.
        ]
    )


def test_document_from_text_finds_headline_and_byline() -> None:
    document = document_from_text(read("ferry_scrape.txt"), url="file:///imports/ferry.txt")
    assert document.title == FERRY_TITLE
    assert document.author == "Lena Virtanen"
    assert document.origin == "import"
    assert document.url == "file:///imports/ferry.txt"
    assert document.published_at is None
    assert document.text == clean_plain_text(read("ferry_scrape.txt"))


def test_document_from_text_uses_the_given_title() -> None:
    document = document_from_text(
        read("ferry_scrape.txt"), url="file:///imports/ferry.txt", title="Winter ferry cuts"
    )
    assert document.title == "Winter ferry cuts"


def test_document_from_text_refuses_too_little_text() -> None:
    with pytest.raises(ExtractError, match="fewer than 200"):
        document_from_text("Leave a Reply\n\nSource link\n", url="file:///empty.txt")


PARA_1 = (
    "The council approved a budget of 84 million euros for the new bridge on Tuesday, "
    "ending a dispute that had delayed the project for more than three years."
)
PARA_2 = (
    "Construction is due to start in the spring and the bridge should open to traffic in "
    "2027, the transport department said in a statement."
)


@pytest.mark.parametrize(
    "junk",
    [
        "-",
        "* * *",
        "#bridges #council",
        "Share this",
        "Share this article:",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Click here to read our live coverage",
        "We use cookies to improve your experience on our site.",
        "Accept all cookies",
        "Cookie settings",
        "Subscribe",
        "Subscribe to our newsletter",
        "Sign up for our morning briefing",
        "Already a subscriber? Log in",
        "Advertisement",
        "Back to top button",
        "Like this:",
        "Read more: Bridge costs rise again",
        "See also: How the city pays for roads",
    ],
)
@pytest.mark.parametrize("where", ["lead", "body"])
def test_boilerplate_line_is_dropped(junk: str, where: str) -> None:
    text = f"{junk}\n{PARA_1}\n{PARA_2}" if where == "lead" else f"{PARA_1}\n{junk}\n{PARA_2}"
    assert lines(clean_plain_text(text)) == [PARA_1, PARA_2]


@pytest.mark.parametrize("marker", ["Comments", "Related Articles", "Source link"])
def test_end_marker_above_the_first_paragraph_drops_only_itself(marker: str) -> None:
    assert lines(clean_plain_text(f"{marker}\n{PARA_1}\n{PARA_2}")) == [PARA_1, PARA_2]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices of the construction firm rose by 4 per cent after the vote.",
        "Comments from residents were mostly positive, the mayor said at the meeting.",
        "Register of contractors shows that 12 firms bid for the bridge contract.",
        "Related costs, such as new access roads, are not part of the budget.",
        "Sign here, the mayor told the contractors, and the bridge will be built by 2027.",
    ],
)
def test_article_lines_resembling_boilerplate_are_kept(line: str) -> None:
    assert lines(clean_plain_text(f"{PARA_1}\n{line}\n{PARA_2}")) == [PARA_1, line, PARA_2]


@pytest.mark.parametrize(
    "marker",
    ["Leave a Reply", "Leave a comment", "12 Comments", "Source link", "Newspapers in English"],
)
def test_end_marker_ends_the_article(marker: str) -> None:
    comment = "I drive over the old bridge every day and it is falling apart, build it now please."
    text = f"{PARA_1}\n{marker}\n{comment}\nNewspapers from Finland\n"
    assert lines(clean_plain_text(text)) == [PARA_1]


def test_related_list_between_paragraphs_is_dropped() -> None:
    text = f"{PARA_1}\nRelated posts\nBridge tolls to rise\nCity hall repairs begin\n{PARA_2}"
    assert lines(clean_plain_text(text)) == [PARA_1, PARA_2]


def test_sign_off_above_the_end_is_dropped_but_a_last_short_sentence_is_not() -> None:
    text = f"{PARA_1}\nIt opens in 2027.\nCity Gazette\nRelated Articles\nBridge tolls to rise\n"
    assert lines(clean_plain_text(text)) == [PARA_1, "It opens in 2027."]
    # Without a marker below them, short last lines stay: nothing says they are furniture.
    assert lines(clean_plain_text(f"{PARA_1}\nCity Gazette")) == [PARA_1, "City Gazette"]


def test_lead_masthead_breadcrumbs_and_title_repeats() -> None:
    title = "Council approves bridge budget after three-year dispute"
    text = "\n".join(
        [
            "City Gazette",
            "News > Local > Transport",
            f"Local Transport {title}",
            title,
            "Updated",
            "By Jan de Vries | 3 June 2024",
            PARA_1,
            title,
            PARA_2,
        ]
    )
    assert lines(clean_plain_text(text)) == [title, PARA_1, PARA_2]
    document = document_from_text(text, url="file:///bridge.txt")
    assert document.title == title
    assert document.author == "Jan de Vries"


def test_repeated_headline_beats_a_tagline_above_it() -> None:
    title = "Council approves bridge budget after three-year dispute"
    text = f"Your trusted source for news from the islands\n{title}\n{title}\n{PARA_1}\n{PARA_2}"
    assert document_from_text(text, url="file:///b.txt").title == title
    assert lines(clean_plain_text(text)) == [title, PARA_1, PARA_2]


def test_given_title_marks_where_the_lead_starts() -> None:
    text = f"Metro Edition Daily\nBridge deal\nBridge deal\n{PARA_1}\n{PARA_2}"
    assert lines(clean_plain_text(text, title="Bridge deal")) == ["Bridge deal", PARA_1, PARA_2]


def test_headline_with_a_section_label() -> None:
    text = f"Council approves the bridge budget at last | Opinion\n{PARA_1}\n{PARA_2}"
    assert document_from_text(text, url="file:///b.txt").title == (
        "Council approves the bridge budget at last"
    )


def test_headline_starting_with_by_is_not_a_byline() -> None:
    text = f"By land and sea: how the new bridge changes the commute\n{PARA_1}\n{PARA_2}"
    document = document_from_text(text, url="file:///b.txt")
    assert document.title == "By land and sea: how the new bridge changes the commute"
    assert document.author is None


# --- feed entries --------------------------------------------------------------------------


def entry(*, content: str = "", summary: str = "") -> Entry:
    return Entry(
        source="gazette",
        key="k",
        url="https://gazette.example.org/bridge",
        guid=None,
        title="Bridge budget approved",
        summary=summary,
        content=content,
        published_at=datetime(2024, 6, 3, 8, 0, tzinfo=UTC),
    )


def test_document_from_feed_content_html() -> None:
    content = (
        f"<p>{PARA_1}</p><script>track()</script><p>{PARA_2.replace('2027', '<b>2027</b>')}"
        "<br/>Second line &amp; more.</p>"
    )
    document = document_from_feed(entry(content=content, summary="A summary."))
    assert document is not None
    assert lines(document.text) == [PARA_1, PARA_2, "Second line & more."]
    assert document.origin == "feed"
    assert document.title == "Bridge budget approved"
    assert document.published_at == datetime(2024, 6, 3, 8, 0, tzinfo=UTC)


def test_document_from_feed_falls_back_to_the_summary() -> None:
    document = document_from_feed(entry(summary="The council approved the bridge."))
    assert document is not None
    assert document.text == "The council approved the bridge."
    assert document_from_feed(entry(content="<p> </p>", summary="")) is None


# --- the seeds: real scrapes, read where they lie, never copied ----------------------------
#
# An *article paragraph* is a line, outside the boilerplate below, of at least 20 words with
# sentence punctuation in it, or of at least 8 words ending in sentence punctuation. The
# *boilerplate* lines are the lines of the original matching one of BOILERPLATE (whole line,
# any case). clean_plain_text must keep every paragraph, drop every boilerplate line, invent
# nothing, keep the original order, and print the headline once.

BOILERPLATE = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"leave a (reply|comment)",
        r"source link",
        r"related (articles|posts)",
        r"newspapers (in|from) \w+",
        r"back to top( button)?",
        r"your email address will not be published\..*",
        r"[\W_]+",  # lone punctuation
        r"(#\w+\s*)+",  # hashtags
    )
]
# A full stop, perhaps followed by closing quotes (straight or curly) or a bracket.
SENTENCE_PUNCTUATION = re.compile(r"[.!?][\"'\u201d\u2019)]*(\s|$)")


def is_boilerplate(line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern in BOILERPLATE)


def is_paragraph(line: str) -> bool:
    words = len(line.split())
    if is_boilerplate(line) or not SENTENCE_PUNCTUATION.search(line):
        return False
    return words >= 20 or (words >= 8 and SENTENCE_PUNCTUATION.search(line[-3:]) is not None)


def seed_params() -> list[object]:
    if not SEEDS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no seeds at {SEEDS}"))]
    return [pytest.param(path, id=path.name) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("path", seed_params())
def test_seed_keeps_paragraphs_and_drops_boilerplate(path: Path) -> None:
    original = lines(path.read_text(encoding="utf-8"))
    cleaned = lines(clean_plain_text(path.read_text(encoding="utf-8")))
    paragraphs = {line for line in original if is_paragraph(line)}
    boilerplate = {line for line in original if is_boilerplate(line)}
    assert len(paragraphs) >= 5
    assert boilerplate, "every seed carries some known boilerplate"
    assert paragraphs <= set(cleaned), "an article paragraph was lost"
    assert not boilerplate & set(cleaned), "a boilerplate line was kept"
    assert set(cleaned) <= set(original), "a line was invented"
    positions = [original.index(line) for line in cleaned]
    assert positions == sorted(positions), "the order changed"
    assert len(cleaned) == len(set(cleaned)), "a line is printed twice"
    # Below the last paragraph there is only furniture: sign-offs, lists, comment forms.
    last_paragraph = max(i for i, line in enumerate(original) if is_paragraph(line))
    assert cleaned[-1] == original[last_paragraph]


@pytest.mark.parametrize("path", seed_params())
def test_seed_document_has_a_sensible_title(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    original = lines(text)
    document = document_from_text(text, url=path.as_uri())
    assert document.origin == "import"
    assert document.title is not None
    # The lead ends at the first long paragraph (a headline may be a short question).
    first_paragraph = next(i for i, line in enumerate(original) if len(line.split()) >= 20)
    lead = original[:first_paragraph]
    # The headline, perhaps without a " | Section" label: a line of the lead ...
    headline = next(i for i, line in enumerate(lead) if line.startswith(document.title))
    # ... the first line of the cleaned text, what stood above it (masthead) being dropped ...
    cleaned = lines(document.text)
    assert cleaned[0] == lead[headline]
    assert not set(lead[:headline]) & set(cleaned)
    # ... that reads as a headline, not as a sentence or as furniture ...
    assert 5 <= len(document.title.split()) <= 30
    assert not document.title.endswith(".")
    assert not is_boilerplate(document.title)
    # ... and speaks of what the article speaks of.
    body_words = set(re.findall(r"\w+", document.text[len(document.title) :].lower()))
    title_words = [w for w in re.findall(r"\w+", document.title.lower()) if len(w) >= 4]
    assert sum(w in body_words for w in title_words) >= 2
    assert len(document.text) >= 200
