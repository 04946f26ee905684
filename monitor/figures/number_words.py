"""The vocabulary of the number grammar: number words, scales, fractions, vague amounts,
qualifier phrases, percent and money units (with the rules for shared signs and words, see
"units" below), keyed by lower-cased token text unless a table says "as written".

``numbers.py`` holds the grammar that reads them; this module holds only tables, so that a word
added here needs no change to the parser.

Vague amounts (``VAGUE_PLURALS`` and ``VAGUE_FACTORS``): low and high are ours, chosen so that
novelty can tell "hundreds" from "thousands"; the central value is the geometric mean of low and
high rounded to two significant figures (a vague amount is a magnitude, so the middle on a log
scale is the fair single value):

=========================  =====================  ========
phrase                     low .. high            value
=========================  =====================  ========
dozens (of)                24 .. 99               49
scores of                  40 .. 200              89
hundreds (of)              200 .. 999             450
thousands (of)             2,000 .. 9,999         4,500
millions (of)              2e6 .. 9,999,999       4.5e6
billions / trillions       as millions, x1e3/x1e6
tens of thousands          20,000 .. 99,999       45,000
hundreds of thousands      200,000 .. 999,999     450,000
P of Q (any such pair)     P.low*Q .. (P.high+1)*Q-1
several S ("several        3*S .. 9*S             5.2*S
  million", "several
  hundred thousand")
a few S / few S            2*S .. 5*S             3.2*S
a couple (of) S            2*S .. 3*S             2.4*S
=========================  =====================  ========

S is the product of the scale words that follow (hundred, thousand, million, billion, trillion,
dozen). Bare "several", "a few", "a handful", "many" are not numbers.
"""

from __future__ import annotations

from typing import Final

from monitor.figures.model import Qualifier

UNITS: Final = {
    "zero": 0,
    "nought": 0,
    "naught": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS: Final = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# "twenty-first" is an ordinal, so a tens word followed by one of these is no number at all.
ORDINAL_UNITS: Final = frozenset(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
)
# A number from one to ninety-nine in words, as a regular-expression fragment: "seven",
# "twenty-five" (longest first, so "seventeen" is not read as "seven").
SPELLED_PATTERN: Final = (
    rf"(?:{'|'.join(sorted((*UNITS, *TEENS, *TENS), key=len, reverse=True))})(?:-[a-z]+)?"
)

HUNDRED: Final = "hundred"
# Multipliers that close a group ("two hundred thousand"); lakh and crore are cheap to carry.
BIG: Final = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
# Abbreviated scales glued to digits ("10k", "1.5bn", "$2.4m", "1MM"). Lower-cased, except that
# "MM" (millions) must not be read from "152mm". "G" is left out: "5G" is a network generation.
GLUED_SCALES: Final = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "tln": 1e12,
    "trn": 1e12,
}
# After a space only the unambiguous abbreviations count (as written): "5 m" is five metres.
SPACED_SCALES: Final = {
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "MM": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "tln": 1e12,
    "trn": 1e12,
}
DOZEN: Final = frozenset(("dozen", "dozens", "dz", "dzs", "doz", "dozs"))

# Denominators. "second" is left out (a unit of time), and so are millionth and above, which news
# uses as ordinals ("the two millionth visitor").
FRACTIONS_SINGULAR: Final = {
    "half": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
}
FRACTIONS_PLURAL: Final = {
    "halves": 2,
    "thirds": 3,
    "quarters": 4,
    "fourths": 4,
    "fifths": 5,
    "sixths": 6,
    "sevenths": 7,
    "eighths": 8,
    "ninths": 9,
    "tenths": 10,
    "twentieths": 20,
    "thirtieths": 30,
    "hundredths": 100,
    "thousandths": 1000,
}
VULGAR_FRACTIONS: Final = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}

# Vague amounts: see the module docstring for the table.
VAGUE_PLURALS: Final = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 200.0),
    "tens": (20.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9_999.0),
    "millions": (2e6, 9_999_999.0),
    "billions": (2e9, 9_999_999_999.0),
    "trillions": (2e12, 9_999_999_999_999.0),
}
# "scores" and "tens" are amounts only when "of" follows ("tens of thousands", "scores of").
VAGUE_NEED_OF: Final = frozenset(("scores", "tens"))
VAGUE_UNITS: Final = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}
VAGUE_FACTORS: Final = {"several": (3.0, 9.0), "few": (2.0, 5.0), "couple": (2.0, 3.0)}
VAGUE_SCALES: Final = {"hundred": 100.0, "dozen": 12.0, "dozens": 12.0, **BIG}
# Words before a plural amount that belong to it: "many thousands of", "some tens of thousands".
VAGUE_LEADS: Final = frozenset(("many", "some", "several"))

# The qualifiers that most often stand between a phrase and its number ("bringing the toll to
# about 40", "peaked at nearly 400"), as a regex fragment for the rules that read the words
# before a number; the full set of qualifiers is QUALIFIERS below.
QUALIFIER_BEFORE: Final = (
    r"(?:(?:about|around|some|roughly|approximately|an\s+estimated|nearly|almost|just\s+over|"
    r"just|more\s+than|over|at\s+least)\s+)?"
)

# Qualifier phrases read backwards from the number, as token tuples (symbols are tokens too).
# "exact" entries are there to stop a shorter phrase from matching inside them ("=>30").
QUALIFIERS: Final[dict[tuple[str, ...], Qualifier]] = {
    ("about",): "about",
    ("around",): "about",
    ("some",): "about",
    ("roughly",): "about",
    ("approximately",): "about",
    ("approx",): "about",
    ("approx", "."): "about",
    ("circa",): "about",
    ("estimated",): "about",
    ("an", "estimated"): "about",
    ("an", "approximate"): "about",
    ("in", "the", "region", "of"): "about",
    ("on", "the", "order", "of"): "about",
    ("~",): "about",
    ("almost",): "almost",
    ("nearly",): "almost",
    ("close", "to"): "almost",
    ("just", "under"): "almost",
    ("just", "below"): "almost",
    ("just", "shy", "of"): "almost",
    ("at", "least"): "at_least",
    ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least",
    ("not", "fewer", "than"): "at_least",
    ("not", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("at", "least", "or", "equal", "to"): "at_least",
    ("equal", "to", "or", "more", "than"): "at_least",
    ("equal", "to", "or", "greater", "than"): "at_least",
    ("greater", "than", "or", "equal", "to"): "at_least",
    ("more", "than", "or", "equal", "to"): "at_least",
    ("greater", "or", "equal", "than"): "at_least",
    ("bigger", "or", "equal", "than"): "at_least",
    ("higher", "or", "equal", "than"): "at_least",
    ("larger", "or", "equal", "than"): "at_least",
    ("more", "or", "equal", "than"): "at_least",
    (">", "="): "at_least",
    ("≥",): "at_least",
    ("more", "than"): "more_than",
    ("over",): "more_than",
    ("well", "over"): "more_than",
    ("just", "over"): "more_than",
    ("upwards", "of"): "more_than",
    ("upward", "of"): "more_than",
    ("in", "excess", "of"): "more_than",
    ("above",): "more_than",
    ("greater", "than"): "more_than",
    ("larger", "than"): "more_than",
    ("higher", "than"): "more_than",
    ("bigger", "than"): "more_than",
    ("exceeding",): "more_than",
    ("exceed",): "more_than",
    ("exceeds",): "more_than",
    ("surpass",): "more_than",
    ("surpassing",): "more_than",
    (">",): "more_than",
    ("up", "to"): "up_to",
    ("as", "many", "as"): "up_to",
    ("as", "much", "as"): "up_to",
    ("at", "most"): "up_to",
    ("no", "more", "than"): "up_to",
    ("not", "more", "than"): "up_to",
    ("fewer", "than"): "up_to",
    ("less", "than"): "up_to",
    ("under",): "up_to",
    ("below",): "up_to",
    ("a", "maximum", "of"): "up_to",
    ("smaller", "than"): "up_to",
    ("lower", "than"): "up_to",
    ("less", "than", "or", "equal", "to"): "up_to",
    ("fewer", "than", "or", "equal", "to"): "up_to",
    ("equal", "to", "or", "less", "than"): "up_to",
    ("equal", "to", "or", "fewer", "than"): "up_to",
    ("less", "or", "equal", "than"): "up_to",
    ("smaller", "or", "equal", "than"): "up_to",
    ("lower", "or", "equal", "than"): "up_to",
    ("<",): "up_to",
    ("<", "="): "up_to",
    ("≤",): "up_to",
    ("<", ">"): "exact",
    ("=", ">"): "exact",
    ("=", "<"): "exact",
    ("equal", "to"): "exact",
    ("equals",): "exact",
    ("equals", "to"): "exact",
    ("equaling", "to"): "exact",
}
QUALIFIER_MAX_LEN: Final = max(len(phrase) for phrase in QUALIFIERS)

# Phrases after the number: "or more", "or so", "or less".
TRAILING: Final[dict[tuple[str, ...], Qualifier]] = {
    ("or", "more"): "at_least",
    ("or", "greater"): "at_least",
    ("or", "higher"): "at_least",
    ("or", "above"): "at_least",
    ("and", "more"): "at_least",
    ("and", "above"): "at_least",
    ("+",): "at_least",
    ("-", "plus"): "at_least",
    ("or", "so"): "about",
    ("or", "less"): "up_to",
    ("or", "fewer"): "up_to",
    ("or", "below"): "up_to",
    ("or", "under"): "up_to",
}
# "more than 5000 or equal to": the bound is then inclusive.
OR_EQUAL: Final = (("or", "equal", "to"), ("or", "equal"))

# --- units: percent and money ----------------------------------------------------------------
#
# Percent: "%", "percent", "per cent", "pct", "pc" (lower-case only, glued or spaced: "5pc",
# "5 pc"), "percentage" and "percentage points" (the unit of a change in a percentage, read as
# percent). Bare "points" (an index, a score) is a count.
#
# Money carries an ISO 4217 code. Where a sign or word is shared, we pick one and say so here:
# "$" alone is USD; "¥" is JPY (the yuan is written "yuan", "RMB" or "元" in English news);
# "Y=" is the old newswire rendering of the yen sign; "PS" glued to an amount ("PS2.7m",
# "PS21,700") is "£" transliterated to ASCII, but not "PS5" (a bare digit: a games console);
# "pesos" are MXN (the Philippine peso is written "PHP"); "krone"/"kroner" are NOK ("Danish
# crowns/kroner" are DKK); "cents" without a country are USD.
# Subunits are a hundredth of their currency and their value is converted: "68 pence" and
# "68p" are GBP 0.68, "50 cents" USD 0.5, "30 sen" MYR 0.3 (not "1080p", a video resolution).

PERCENT_WORDS: Final = frozenset(("percent", "percents", "percentage", "pct"))
PERCENT_LOWER_ONLY: Final = frozenset(("pc",))  # "5 PC" is no percent

# Currency written before the number: a sign, optionally glued to a country prefix ("US$",
# "HK$", "A$", "R$"), a sign glued to a country suffix ("$US", "$A"), an ISO code ("USD 3bn",
# "USD10m") or another word ("RM5.2 billion", "Rs 500", "NIS 5 billion").
CURRENCY_SIGNS: Final = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₽": "RUB",
    "₹": "INR",
    "₴": "UAH",
    "₪": "ILS",
}
# Signs written after the number, as European text does ("10 €").
CURRENCY_SIGNS_AFTER: Final = {**CURRENCY_SIGNS, "元": "CNY", "円": "JPY"}
# "US$" (lower-cased prefix glued to "$"); "US $5" with a space only for the prefixes in
# ``DOLLAR_PREFIXES_SPACED`` as written ("A $5" is an article and a price).
DOLLAR_PREFIXES: Final = {
    "us": "USD",
    "a": "AUD",
    "au": "AUD",
    "c": "CAD",
    "ca": "CAD",
    "hk": "HKD",
    "nz": "NZD",
    "s": "SGD",
    "r": "BRL",
}
DOLLAR_PREFIXES_SPACED: Final = frozenset(("US", "AU", "HK", "NZ", "S"))
# "$US113 trillion", "$A82,615,680": the country after the sign, glued to the digits.
DOLLAR_SUFFIXES: Final = {
    "US": "USD",
    "A": "AUD",
    "AU": "AUD",
    "C": "CAD",
    "NZ": "NZD",
    "HK": "HKD",
    "S": "SGD",
}

# ISO 4217 codes read as money before or after a number, as written (upper case). Left out,
# because they are English words or common acronyms before numbers: ALL, AMD ("AMD64"), ANG,
# BAM, BOB, COP ("COP26"), CRC ("CRC32"), CUP, CVE, GEL, MAD, MDL, MGA, MOP, NAD, NIO, NPR, PEN,
# SDG ("SDG 13"), SOS, TMT, TOP.
CURRENCY_CODES: Final = frozenset(
    """
    AED AFN AOA ARS AUD AWG AZN BBD BDT BGN BHD BIF BMD BND BRL BSD BTN BWP BYN BZD CAD CDF
    CHF CLP CNH CNY CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD GBP GHS GIP GMD GNF GTQ GYD HKD
    HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK
    LBP LKR LRD LSL LYD MKD MMK MNT MRU MUR MVR MWK MXN MYR MZN NGN NOK NZD OMR PAB PGK PHP
    PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SEK SGD SHP SLE SRD SSP STN SYP SZL THB TJS
    TND TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
    """.split()
)
# Codes that are also acronyms ("PHP 8.1", "RON95" petrol, "IRR", "TRY"): money only for an
# amount written with a scale or of at least 1,000.
CODES_NEED_AMOUNT: Final = frozenset(("PHP", "SAR", "TRY", "RON", "IRR", "HNL"))
# Other currency words written before the number, case as written ("Rs 500", "NIS 5 billion").
CURRENCY_WORDS_BEFORE: Final = {"RMB": "CNY", "Rs": "INR", "RM": "MYR", "NIS": "ILS"}
# Words glued before the digits that make them money ("RM5.2", "Rs.500", "PS6m"); ``numbers``
# builds its token pattern from these, the ISO codes and "$" + ``DOLLAR_SUFFIXES``.
GLUED_CURRENCY_WORDS: Final = {"RM": "MYR", "Rs": "INR", "Rs.": "INR", "PS": "GBP"}
# Currency words after the number, as token tuples ("U.S." is the tokens u . s .).
CURRENCY_WORDS: Final = {
    ("dollars",): "USD",
    ("dollar",): "USD",
    ("us", "dollars"): "USD",
    ("us", "dollar"): "USD",
    ("u", ".", "s", ".", "dollars"): "USD",
    ("american", "dollars"): "USD",
    ("australian", "dollars"): "AUD",
    ("canadian", "dollars"): "CAD",
    ("hong", "kong", "dollars"): "HKD",
    ("singapore", "dollars"): "SGD",
    ("new", "zealand", "dollars"): "NZD",
    ("euros",): "EUR",
    ("euro",): "EUR",
    ("pounds", "sterling"): "GBP",
    ("sterling",): "GBP",
    ("yen",): "JPY",
    ("yuan",): "CNY",
    ("chinese", "yuan"): "CNY",
    ("renminbi",): "CNY",
    ("rmb",): "CNY",
    ("won",): "KRW",
    ("rubles",): "RUB",
    ("roubles",): "RUB",
    ("ruble",): "RUB",
    ("rouble",): "RUB",
    ("rupees",): "INR",
    ("rupee",): "INR",
    ("indian", "rupees"): "INR",
    ("pakistani", "rupees"): "PKR",
    ("hryvnias",): "UAH",
    ("hryvnia",): "UAH",
    ("swiss", "francs"): "CHF",
    ("francs",): "CHF",
    ("shekels",): "ILS",
    ("shekel",): "ILS",
    ("new", "shekels"): "ILS",
    ("nis",): "ILS",
    ("ringgit",): "MYR",
    ("baht",): "THB",
    ("pesos",): "MXN",
    ("lira",): "TRY",
    ("liras",): "TRY",
    ("rand",): "ZAR",
    ("dirhams",): "AED",
    ("dirham",): "AED",
    ("riyals",): "SAR",
    ("riyal",): "SAR",
    ("naira",): "NGN",
    ("zloty",): "PLN",
    ("zlotys",): "PLN",
    ("zlotych",): "PLN",
    ("kronor",): "SEK",
    ("krona",): "SEK",
    ("swedish", "crowns"): "SEK",
    ("krone",): "NOK",
    ("kroner",): "NOK",
    ("norwegian", "crowns"): "NOK",
    ("danish", "crowns"): "DKK",
    ("danish", "kroner"): "DKK",
    ("forints",): "HUF",
    ("forint",): "HUF",
    ("dong",): "VND",
}
CURRENCY_WORDS_MAX_LEN: Final = max(len(phrase) for phrase in CURRENCY_WORDS)
# Subunits after the number, a hundredth of the currency: lower-cased token -> code. "sen" and
# "p" count only as written in lower case; "p" not before ".m"/".a" ("5 p.m.") and not glued to
# a video resolution ("1080p").
SUBUNITS: Final = {"cents": "USD", "pence": "GBP", "p": "GBP", "sen": "MYR"}
SUBUNITS_LOWER_ONLY: Final = frozenset(("p", "sen"))
VIDEO_RESOLUTIONS: Final = frozenset((144, 240, 360, 480, 576, 720, 1080, 1440, 2160, 4320))

# Month names, as a day's number follows them ("since May 19").
MONTHS: Final = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# A verb of change before "from" in its clause makes "from X to Y" a change, two numbers
# ("rose from 3% to 5%"), not a range ("prices range from $5 to $9").
CHANGE_VERBS: Final = frozenset(
    """
    rise rises rose risen rising increase increases increased increasing grow grows grew grown
    growing climb climbs climbed climbing jump jumps jumped jumping fall falls fell fallen
    falling drop drops dropped dropping decline declines declined declining decrease decreases
    decreased decreasing slip slips slipped slipping cut cuts cutting raise raises raised
    raising lower lowers lowered lowering up down soared surged plunged slumped tumbled edged
    shrank shrunk expanded widened narrowed improved reduced boosted revised revise revises
    revising lifted trimmed extended went gone
    """.split()
)

# "the one you mentioned": "one" after these is a pronoun, not a number.
PRONOUN_ONE_BEFORE: Final = frozenset(
    ("the", "this", "that", "which", "each", "every", "any", "no", "what", "whichever", "another")
)

# "The fines now add up to €890,000": after these, "up to" is a total, no bound.
ADD_VERBS = frozenset(("add", "adds", "added", "adding"))
