"""Article text from plain-text documents: scrape boilerplate removed, headline and byline found.

A news page scraped as text keeps the page's furniture as lines of its own: the site's name,
breadcrumbs, the headline twice, share buttons, "Source link", "Related Articles", the comment
form. The text is read one line at a time (blank lines only separate, whitespace runs become one
space), and a line is *prose* when it reads like article text: at least 10 words ending in
sentence punctuation, or at least 20 words. The rules, in the order they run:

1. Lines dropped wherever they stand:
   - lone punctuation, a line with no letter or digit ("-", "***", "•");
   - hashtag lines, nothing but ``#tags``;
   - prompts of at most 40 words, known by their opening words: share and social buttons
     ("Share this", "Share on Facebook", "Facebook Twitter Email", WordPress's "Like this:"),
     "Click here to ...", subscribe, sign-up and log-in prompts ("Subscribe to our
     newsletter", "Already a subscriber?"), cookie and consent banners ("We use cookies ...",
     "Accept all cookies", "Cookie settings"), "Advertisement", "Back to top", the comment
     form ("Your email address will not be published", "Required fields are marked *"), and
     inline links ("Read more: ...", "See also: ...").
2. End markers: comment sections ("Leave a Reply", "Leave a Comment", "Comments", "12
   comments", "Join the conversation") and marks that scrapers append after the copied article
   ("Source link", "Newspapers in English"). After the first prose line, such a marker ends the
   article: it and everything below it are dropped. Before, only the marker line goes.
3. List headers ("Related Articles", "Related posts", "Read more", "More from ...", "You may
   also like", "Recommended", "Most read", "Trending"): after the first prose line, the header
   and the non-prose lines under it (the list of headlines) are dropped, up to the next prose
   line, where the article goes on. Before, only the header goes.
4. Sign-offs: when the text ends with a marker or a list, up to three short lines (at most four
   words, no sentence punctuation) just above it go too: the site's name ("The Daily Courier"), an
   agency credit.
5. The lead, the lines above the first prose line:
   - breadcrumbs: "Home > World > Asia", or a line made of a few words followed by the headline
     ("Home Global <headline>");
   - a byline ("By Jane Doe, Seoul"), whose name becomes the document's author;
   - every non-prose line above the headline: masthead, tagline, section. The headline is the
     given title, else the first lead line of 5 to 30 words not ending in a full stop that
     the text repeats, else the first such line at all, else the last of 2 to 4 words;
   - lines of at most three words, other than the headline: navigation, section labels.
6. Repeats: a line equal to an earlier one, ignoring case and punctuation (the headline printed
   again after the first time, a teaser link shown twice).

Rules 3 to 5 never touch a prose line; prose goes only by rule 1 (a line opening like a prompt),
by rule 2 (below an end marker) and by rule 6 (which keeps the first copy). So an article
paragraph survives unless the scrape puts it below a comment-section or scraper marker; the
price of rule 2 is that a stray "Comments" line inside an article would cut it short there.

The output has one kept line per line, joined by single newlines, like trafilatura's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.errors import ExtractError
from monitor.model import Document

_PROSE_MIN_WORDS = 10
_LONG_LINE_WORDS = 20
_PROMPT_MAX_WORDS = 40
_SIGN_OFF_MAX_WORDS = 4
_SHORT_LEAD_WORDS = 3

# Closing quotes (straight, curly, guillemet) and brackets may follow the full stop.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*$")
_NO_LETTER_OR_DIGIT = re.compile(r"^[\W_]+$")
_HASHTAGS = re.compile(r"^(?:#[\w-]+[\s,]*)+$")
_PROMPT = re.compile(
    r"""^(?:
        share(?:\ this(?:\ article|\ story|\ post|\ page)?|\ on\ \S+|\ via\ \S+)?\W*$
      | (?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail
           |print|copy\ link|messenger|tweet)[\s|•·,/]*)+$
      | (?:email|print)\ this(?:\ article|\ story|\ page)?\W*$
      | (?:click|tap)\ here\b
      | (?:subscribe|sign\ up|sign\ in|log\ in|register)(?:\ (?:now|here|today|for|to)\b.*)?$
      | already\ a\ (?:subscriber|member)\b | support\ (?:our|independent)\ journalism\b
      | (?:we|this\ (?:web)?site|our\ (?:web)?site|this\ page)(?:\ and\ our\ partners)?
        \ uses?\ cookies\b
      | (?:accept|allow|reject|decline|manage)(?:\ all)?\ cookies\b
      | cookie\ (?:settings|preferences|policy|consent)\b
      | by\ (?:continuing|using)\ (?:to\ (?:use|browse)\ )?(?:this|our)\ (?:web)?site\b
      | (?:advertisement|advertising|sponsored(?:\ content)?)$
      | back\ to\ top\b | like\ this:?$ | like\ loading\b
      | your\ email\ address\ will\ not\ be\ published\b | required\ fields\ are\ marked\b
      | (?:read\ more|read\ also|also\ read|see\ also|related|more)\s*[:|\u00bb\u203a>]\s*\S
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_END_MARKER = re.compile(
    r"""^(?:
        leave\ a\ (?:reply|comment|response)(?:\ cancel\ reply)?
      | post\ a\ comment | add\ a\ comment
      | (?:\d+\ )?comments?(?:\ \(\d+\))?
      | (?:show|view|load|read|see)\ (?:all\ )?(?:\d+\ )?comments
      | join\ the\ (?:conversation|discussion)
      | source\ link | newspapers\ in\ english
    )\s*[:.]?$""",
    re.IGNORECASE | re.VERBOSE,
)
_LIST_HEADER = re.compile(
    r"""^(?:
        related(?:\ articles|\ posts|\ stories|\ news|\ content|\ reading|\ coverage)?
      | read\ (?:more|next|also) | also\ read | see\ also | don'?t\ miss
      | more\ (?:stories|news|articles|from\ .{1,40})
      | you\ (?:may|might)\ also\ (?:like|be\ interested\ in)
      | recommended(?:\ for\ you|\ stories|\ articles)?
      | most\ (?:read|popular|viewed|shared) | trending(?:\ now|\ stories)? | top\ stories
    )\s*[:.]?$""",
    re.IGNORECASE | re.VERBOSE,
)
_BREADCRUMB_SEPARATOR = re.compile(r"\s*[\u203a\u00bb>/|]\s*")
_HOME_CRUMB = re.compile(
    r"^(?:home|start|startseite|accueil|inicio)\s*[\u203a\u00bb>/|:]", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|von|par|por|di|door|av)\s+"
    r"(?P<name>[^\W\d_][^|•·,;:()]{1,60}?)(?:\s*[|•·,;:(].*|\s+[\u2013\u2014-]\s.*)?\s*$"
)
_NAME_PARTICLES = frozenset(
    "and und et y e de del della van von der den da di du la le bin al el".split()
)
_KEY_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Cleaned:
    lines: list[str]
    headline: str | None  # as it stands in the text
    author: str | None


def clean_plain_text(text: str, *, title: str | None = None) -> str:
    """Return the article text of a plain-text scrape: one kept line per line, boilerplate gone.

    ``title``, when known, is the headline: lines above it are masthead and repeats of it go.
    The rules are listed in this module's docstring.
    """
    return "\n".join(_clean(text, title).lines)


def document_from_text(
    text: str, *, url: str, title: str | None = None, min_chars: int = 200
) -> Document:
    """Return a plain-text document (an imported file) as a Document, boilerplate removed.

    The title is ``title`` if given, else the headline found in the text's lead; the author
    is the lead's byline. Raises ExtractError when less than ``min_chars`` characters of text
    remain.
    """
    cleaned = _clean(text, title)
    body = "\n".join(cleaned.lines)
    if len(body) < min_chars:
        raise ExtractError(f"{url}: text has {len(body)} characters, fewer than {min_chars}")
    return Document(
        url=url,
        title=title or _title_of(cleaned.headline),
        text=body,
        author=cleaned.author,
        site=None,
        language=None,
        published_at=None,
        origin="import",
    )


def _title_of(headline: str | None) -> str | None:
    """Return a headline without a trailing " | Section" or " | Site" label."""
    if headline is None:
        return None
    head, separator, label = headline.rpartition(" | ")
    if separator and len(label.split()) <= 4 and len(head.split()) >= 3:
        return head.strip()
    return headline


def _clean(text: str, title: str | None) -> _Cleaned:
    lines = [" ".join(line.split()) for line in text.replace("\ufeff", "").splitlines()]
    lines = [line for line in lines if line and not _is_junk_line(line)]
    keep = [True] * len(lines)
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
    _drop_tail(lines, keep, first_prose)
    _drop_sign_off(lines, keep, first_prose)
    headline, author = _drop_lead(lines, keep, first_prose, title)
    seen: set[str] = set()
    kept = []
    for line, wanted in zip(lines, keep, strict=True):
        key = _key(line)
        if wanted and key not in seen:
            kept.append(line)
            seen.add(key)
    return _Cleaned(kept, headline, author)


def _is_junk_line(line: str) -> bool:
    """Whether rule 1 drops the line: lone punctuation, hashtags, or a known prompt."""
    if _NO_LETTER_OR_DIGIT.match(line) or _HASHTAGS.match(line):
        return True
    return len(line.split()) <= _PROMPT_MAX_WORDS and _PROMPT.match(line) is not None


def _drop_tail(lines: list[str], keep: list[bool], first_prose: int) -> None:
    """Apply rules 2 and 3: end markers and list headers."""
    i = 0
    while i < len(lines):
        if _END_MARKER.match(lines[i]):
            if i > first_prose:
                keep[i:] = [False] * (len(lines) - i)
                return
            keep[i] = False
        elif _LIST_HEADER.match(lines[i]):
            keep[i] = False
            if i > first_prose:
                i += 1
                # The list runs to the next prose line; an end marker under it still ends all.
                while i < len(lines) and not (_is_prose(lines[i]) or _END_MARKER.match(lines[i])):
                    keep[i] = False
                    i += 1
                continue
        i += 1


def _drop_sign_off(lines: list[str], keep: list[bool], first_prose: int) -> None:
    """Apply rule 4: drop short sign-off lines just above the marker or list ending the text."""
    end = len(lines)
    while end > first_prose and not keep[end - 1]:
        end -= 1
    if end == len(lines):
        return  # the text ends with a kept line: whatever stands there may be the article's
    for i in range(end - 1, max(first_prose, end - 4), -1):
        if len(lines[i].split()) > _SIGN_OFF_MAX_WORDS or _SENTENCE_END.search(lines[i]):
            return
        keep[i] = False


def _drop_lead(
    lines: list[str], keep: list[bool], first_prose: int, title: str | None
) -> tuple[str | None, str | None]:
    """Apply rule 5 to the lines above the first prose line; return (headline, author)."""
    lead = [i for i in range(first_prose) if keep[i]]
    author = None
    for i in lead:
        name = _byline_name(lines[i])
        if _is_breadcrumb(lines[i], [lines[j] for j in lead if j > i]):
            keep[i] = False
        elif name:
            keep[i] = False
            author = author or name
    lead = [i for i in lead if keep[i]]
    anchor = _headline_index(lines, lead, title)
    for i in lead:
        if i == anchor:
            continue
        if (anchor is not None and i < anchor) or (
            len(lines[i].split()) <= _SHORT_LEAD_WORDS and not _SENTENCE_END.search(lines[i])
        ):
            keep[i] = False
    return (lines[anchor] if anchor is not None else None), author


def _headline_index(lines: list[str], lead: list[int], title: str | None) -> int | None:
    """Return the index of the headline among the lead lines, or None when there is none."""
    if title:
        wanted = _key(title)
        for i in lead:
            if _key(lines[i]) == wanted:
                return i
    candidates = [
        i for i in lead if 5 <= len(lines[i].split()) <= 30 and not lines[i].endswith(".")
    ]
    # Scrapes often print the headline twice (page title and heading): a repeated candidate
    # beats a tagline above it.
    keys = [_key(line) for line in lines]
    repeated = [i for i in candidates if keys.count(keys[i]) > 1]
    if repeated or candidates:
        return (repeated or candidates)[0]
    # No long headline: a short one is the last short line above the text (a masthead, if
    # any, comes first).
    short = [i for i in lead if 2 <= len(lines[i].split()) < 5]
    return short[-1] if short else None


def _byline_name(line: str) -> str | None:
    """Return the name of a byline ("By Jane Doe, Seoul" -> "Jane Doe"), else None."""
    match = _BYLINE.match(line)
    if not match or _SENTENCE_END.search(line):
        return None
    name = match.group("name").strip()
    words = name.split()
    # Capitals tell a name from a headline that opens with "By" ("By land and sea: ...").
    if len(words) > 6 or not all(w[0].isupper() or w in _NAME_PARTICLES for w in words):
        return None
    return name


def _is_breadcrumb(line: str, later: list[str]) -> bool:
    """Whether a lead line is a navigation trail (rule 5)."""
    if _HOME_CRUMB.match(line):
        return True
    parts = _BREADCRUMB_SEPARATOR.split(line)
    if len(parts) >= 3 and all(0 < len(part.split()) <= 4 for part in parts):
        return True
    # "Home Section <headline>": the headline follows on a line of its own.
    key = _key(line)
    for other in later:
        other_key = _key(other)
        if other_key and key != other_key and key.endswith(" " + other_key):
            return len(key.split()) - len(other_key.split()) <= 5
    return False


def _is_prose(line: str) -> bool:
    words = len(line.split())
    return words >= _LONG_LINE_WORDS or (
        words >= _PROSE_MIN_WORDS and _SENTENCE_END.search(line) is not None
    )


def _key(line: str) -> str:
    """Return the line's words, lower case: what "the same line" compares."""
    return " ".join(_KEY_WORD.findall(line.casefold()))
