"""Canonical URLs: one string per page, however a feed or a share button spelt its address.

``canonical_url`` rewrites an absolute http(s) URL as follows:

- scheme and host in lower case, an IDN host in its ASCII (punycode) form, a trailing dot, user
  info, a default port (:80 for http, :443 for https) and the fragment dropped;
- a leftmost ``www.``, ``m.``, ``mobile.`` or ``amp.`` label dropped (repeatedly), unless what
  remains would be a public suffix;
- percent-encoding as RFC 3986 normalises it: escapes of unreserved characters decoded (``%7E``
  is ``~``), other escapes in upper case, characters a URL may not hold encoded as UTF-8;
  reserved characters stay as written, raw or escaped, since the two can mean different things;
- the path: trailing slashes dropped, the root path ``/``, AMP forms mapped to the normal page
  (``/amp/…``, ``…/amp``, ``….amp.html``, ``….amp``); a Google AMP cache URL
  (``<x>.cdn.ampproject.org/c/s/<host>/<path>``) becomes the publisher's URL;
- the query: tracking parameters and AMP markers (``amp``, ``outputType=amp``) dropped, the rest
  sorted by name then value, a blank value written as the bare name (``?a=`` is ``?a``), an
  empty query dropped;
- a Google News article link (``/rss/articles/<token>``, ``/articles/<token>``, ``/read/<token>``)
  becomes ``https://news.google.com/articles/<token>`` with no parameters.

Query parameters: a name on ``KEPT_PARAMS`` is never dropped. Otherwise a name is tracking when
it is on our list (``TRACKING_PARAMS``, ``TRACKING_PREFIXES``) or when courlan's tracker pattern
matches a whole word of it (courlan's own test also hits word prefixes: "ga" in "gallery").
Every other parameter is kept: a duplicate missed here is still caught by the text hash, while a
parameter dropped wrongly would merge two articles and lose one. ``src`` is kept, as courlan
keeps it. Names compare case-insensitively; their case is kept in the output.

Anything that is not an absolute http(s) URL (``file:`` imports, ``javascript:``, garbage) only
loses its fragment and surrounding whitespace. No function here raises for any str input.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urljoin, urlsplit

from courlan import extract_domain
from courlan.clean import TRACKERS_RE
from courlan.settings import ALLOWED_PARAMS, LANG_PARAMS
from tld import is_tld

# Bump whenever canonical_url's output can change for some input: stored URL keys are only
# comparable within one version. A courlan upgrade that changes its lists changes
# URL_NORMALIZER (below) by itself.
URL_NORMALIZER_VERSION: int = 1

KEPT_PARAMS = frozenset(
    {
        "id", "p", "page", "article", "articleid", "story", "storyid", "newsid", "nid", "aid",
        "item", "itemid", "doc", "docid", "no", "num", "idx", "v", "q", "query", "lang", "hl",
        "edition",
        # Often campaign or user ids, but some sites number their articles with them, and
        # dropping one there would merge every article of the site into one.
        "cid", "eid", "uid",
    }
    | ALLOWED_PARAMS
    | LANG_PARAMS
)  # fmt: skip
# Only what courlan's pattern misses; the tests pin the rest.
TRACKING_PARAMS = frozenset(
    {
        "ocid", "cmpid", "ito", "smid", "partner", "share", "oc", "__twitter_impression",
        "usqp",  # set by the AMP cache viewer
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "ns_", "at_", "amp_")

# courlan's pattern also hits word prefixes ("ga" in "gallery"), so only a hit that ends a
# word, or ends with "_" as its "utm_" does, counts.
_COURLAN_TRACKER = re.compile(rf"(?:{TRACKERS_RE.pattern})(?:(?<=_)|(?![^\W_]))")
_WEB_SCHEMES = {"http": 80, "https": 443}
# What the dedup parameters record: our version and a digest of the courlan lists we use.
URL_NORMALIZER = "{}:{}".format(
    URL_NORMALIZER_VERSION,
    hashlib.blake2b(
        "\n".join([TRACKERS_RE.pattern, *sorted(ALLOWED_PARAMS), *sorted(LANG_PARAMS)]).encode(),
        digest_size=4,
    ).hexdigest(),
)
_STRIPPED_HOST_LABELS = frozenset({"www", "m", "mobile", "amp"})
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# An escape, or a character that may not stand raw in a path or query (a lone "%" among them).
_ESCAPE_OR_UNSAFE = re.compile(r"%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]")
_AMP_PATH_FORMS = (
    (re.compile(r"^/amp(?=/)"), ""),
    (re.compile(r"/amp$"), ""),
    (re.compile(r"\.amp(?=\.html$)"), ""),
    (re.compile(r"\.amp$"), ""),
)
# Content ("c") and viewer ("v") paths; "s/" marks a publisher URL served over https.
_AMP_CACHE_PREFIXES = (("/c/s/", "https"), ("/v/s/", "https"), ("/c/", "http"), ("/v/", "http"))
_GOOGLE_NEWS_HOST = "news.google.com"
_GOOGLE_NEWS_PATH = re.compile(r"/(?:rss/articles|articles|read)/([A-Za-z0-9_-]+)/?")


def canonical_url(url: str) -> str:
    """Return the URL's canonical form: the identity of the page it names."""
    url = url.strip()
    # A loop, not recursion: cache URLs can nest, and no input may exhaust the stack.
    while (publisher_url := _amp_cache_target(url)) is not None:
        url = publisher_url
    token = google_news_token(url)
    if token is not None:
        return f"https://{_GOOGLE_NEWS_HOST}/articles/{token}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return _without_fragment(url)
    scheme = parts.scheme.lower()
    host = _canonical_host(parts.hostname or "")
    if scheme not in _WEB_SCHEMES or not host:
        return _without_fragment(url)
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _WEB_SCHEMES[scheme]:
        netloc = f"{netloc}:{port}"
    query = _canonical_query(parts.query)
    return f"{scheme}://{netloc}{_canonical_path(parts.path)}" + (f"?{query}" if query else "")


def url_key(url: str) -> int:
    """Return the signed 64-bit key (fits a SQL BIGINT) of canonical_url(url) with its scheme left
    out, so http:// and https:// forms of one page share a key.

    Stable across processes and Python versions (a blake2b digest, never ``hash()``). Only an
    http(s) scheme is left out: other schemes name other things.
    """
    identity = re.sub(r"^https?:", "", canonical_url(url), count=1)
    digest = hashlib.blake2b(identity.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def google_news_token(url: str) -> str | None:
    """Return the article token of a Google News article link, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or parts.hostname != _GOOGLE_NEWS_HOST:
        return None
    match = _GOOGLE_NEWS_PATH.fullmatch(parts.path)
    return match[1] if match else None


def page_canonical(page_url: str, declared: str | None) -> str | None:
    """Return canonical_url of a page's own <link rel=canonical> / og:url value (``declared``,
    possibly relative, resolved against page_url) when it is an http(s) URL on the same site as
    page_url; else None."""
    if declared is None or not declared.strip():
        return None
    try:
        absolute = urljoin(page_url.strip(), declared.strip())
    except ValueError:
        return None
    canonical = canonical_url(absolute)
    if _web_host(canonical) is None or not same_site(page_url, canonical):
        return None
    if _names_less(canonical, canonical_url(page_url)):
        return None
    return canonical


def _names_less(declared: str, page: str) -> bool:
    """Whether a declared canonical drops what tells the page apart from its site's others.

    Templates that put the home page, or the script without its ``?id=``, in every page's
    canonical link would otherwise make all of a site's articles one URL.
    """
    declared_parts, page_parts = urlsplit(declared), urlsplit(page)
    if declared_parts.path == "/" and not declared_parts.query:
        return page_parts.path != "/" or bool(page_parts.query)
    kept = {n.lower() for n, _, _ in (p.partition("=") for p in page_parts.query.split("&"))}
    declared_names = {
        n.lower() for n, _, _ in (p.partition("=") for p in declared_parts.query.split("&"))
    }
    return bool((kept & KEPT_PARAMS) - declared_names)


def same_site(first: str, second: str) -> bool:
    """Whether two URLs are on the same site (registered domain; www./m./amp. prefixes ignored).

    A host with no registered domain (an IP address, ``localhost``) is its own site; a URL that
    is not absolute http(s) is on no site.
    """
    first_site, second_site = _site(first), _site(second)
    return first_site is not None and first_site == second_site


def _site(url: str) -> str | None:
    """Return the registered domain of an http(s) URL (its host when it has none), else None."""
    canonical = canonical_url(url)
    host = _web_host(canonical)
    if host is None:
        return None
    return extract_domain(canonical) or host


def _web_host(canonical: str) -> str | None:
    """Return the host of a canonical http(s) URL, else None."""
    try:
        parts = urlsplit(canonical)
    except ValueError:
        return None
    return parts.hostname if parts.scheme in _WEB_SCHEMES and parts.hostname else None


def _without_fragment(url: str) -> str:
    """Return the URL without its fragment: the one rewrite that is safe for any scheme."""
    return url.partition("#")[0].strip()


def _canonical_host(hostname: str) -> str:
    """Return the host in lower-case ASCII without the prefixes that name the same site."""
    host = hostname.rstrip(".").lower()
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            pass  # not a valid IDN: keep it as written, still one stable form
    while True:
        label, _, rest = host.partition(".")
        if label not in _STRIPPED_HOST_LABELS or "." not in rest or is_tld(rest):
            return host
        host = rest


def _amp_cache_target(url: str) -> str | None:
    """Return the publisher URL a Google AMP cache URL serves, else None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = parts.hostname or ""
    if host != "cdn.ampproject.org" and not host.endswith(".cdn.ampproject.org"):
        return None
    for prefix, scheme in _AMP_CACHE_PREFIXES:
        publisher = parts.path.removeprefix(prefix)
        if publisher != parts.path and "." in publisher.partition("/")[0]:
            return f"{scheme}://{publisher}" + (f"?{parts.query}" if parts.query else "")
    return None


def _canonical_path(path: str) -> str:
    """Return the path with escapes normalised, AMP forms and trailing slashes gone, or "/"."""
    path = _normalise_escapes(path)
    previous = None
    # Forms can nest ("/amp/x/amp/"), and each pass may expose another.
    while path != previous:
        previous = path
        path = path.rstrip("/")
        for form, replacement in _AMP_PATH_FORMS:
            path = form.sub(replacement, path)
    return path or "/"


def _canonical_query(query: str) -> str:
    """Return the query without dropped parameters, sorted, blank values as bare names."""
    params = []
    for field in query.split("&"):
        name, _, value = field.partition("=")
        name, value = _normalise_escapes(name), _normalise_escapes(value)
        if (name or value) and not _is_dropped_param(name, value):
            params.append((name, value))
    return "&".join(f"{name}={value}" if value else name for name, value in sorted(params))


def _is_dropped_param(name: str, value: str) -> bool:
    """Whether a query parameter is tracking or an AMP marker rather than part of the page's
    identity."""
    key = unquote(name).lower()
    if key in KEPT_PARAMS:
        return False
    if key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES) or key == "amp":
        return True
    if key == "outputtype" and unquote(value).lower() == "amp":
        return True
    return _COURLAN_TRACKER.search(key) is not None


def _normalise_escapes(part: str) -> str:
    """Return a path or query part with its percent-encoding in RFC 3986 normal form."""
    return _ESCAPE_OR_UNSAFE.sub(_normalise_escape, part)


def _normalise_escape(match: re.Match[str]) -> str:
    text = match[0]
    if len(text) == 3:
        char = chr(int(text[1:], 16))
        return char if char in _UNRESERVED else text.upper()
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8", "surrogatepass"))
