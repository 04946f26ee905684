"""The number grammar: ``find_numbers(text)`` reads every number a text writes, as ``Number``s.

One regex pass cuts the text into tokens (numerals, words, symbols); a small parser then reads,
at each token that can begin a number, the phrase
``[qualifier] [sign] [currency] [sign] numeral [scale] [percent | currency] [range end]
[trailing]``. Numbers never overlap and come in text order. The words it knows, and the
ambiguity rules of the units (which currency "$", "¥", "pesos" are), are in ``number_words``.

Numerals:
- Digits: "10,000" (comma thousands), "10 000" (space, no-break or narrow no-break space between
  groups of exactly three; "2019 100" stays two numbers), "10.000" (a dot followed by exactly
  three digits and no more groups is a thousands separator, as in European text, unless a scale
  word follows: "2.500 million" is 2.5 million), "1.234,5"; "2.5"; "2,7" (a comma followed by
  one or two digits and not by another ",digit" is a European decimal comma, so "2,7 million" is
  2.7 million but "22,24,26" is a list); "3/4" (a fraction when the numerator is below
  the denominator and the denominator is a usual one; other digit/digit pairs and chains such as
  dates "5/17/2018" or phone numbers "1-222-2222" give no number); with the fraction slash
  (U+2044) instead of "/", "1/128" is always a fraction.
- Scientific notation: "1e6", "10^6", "1.99 x 10^-30", and with the multiplication sign
  (U+00D7) for "x", superscript digits and minus ("10" followed by superscript "6"), or a
  minus sign (U+2212) right after "x10" (a flattened superscript): one number each.
- Words: "three million", "two hundred and fifty", "twenty-five", "a dozen", "half a million",
  "one and a half million", "a quarter of a million", "three quarters", "two point five".
- Scales: hundred/thousand/million/billion/trillion (and lakh/crore), "10k", "1.5bn", "$2.4m",
  "10M", "1MM", "2mil", "bln", "mln", "mn", "tn".
- Not numbers: ordinals ("21st", "twenty-first"), digits glued after letters or after a
  letter and a hyphen or dot ("G7", "KN-23", "COVID-19", "ID.3"), dotted chains ("192.168.1.2",
  "1.2.3"), URLs, "one" after a determiner ("the one"), bare "half", "several", "a few", "many".
  Letters that are a currency are the exception: "USD10m", "RM5.2 billion", "$US113", "PS6m".
  Digits glued before letters ("152mm", "90-minute") are numbers whose span ends at the digits.

Signs: "-5", "-3%" (also with the minus sign U+2212), "minus 5", "minus-5", "negative 5" and
"-$5bn" are negative; "+0.2%" is positive, its span starting at the "+". A sign counts only
where it joins no word or number to what follows ("Su-57", "3-2" have none), and a "+" before a
bare integer that more digits or "(" follow is no sign ("+44 20 7946 0000"): such a number
starts at its digits, so the figure layer sees the "+" before it and drops it as a phone number.

Units: percent ("%", "per cent", "pct", "pc", "percentage points"); money, as an ISO 4217 code,
from a sign or word before the number ("$", "US$", "$US", "A$", "HK$", "R$", "Y=", "USD 5",
"USD5", "RM5", "Rs 500", "NIS 5") or a word after it ("5 euros", "5 shekels", "5 ringgit").
Subunits are converted: "68p" and "68 pence" are GBP 0.68, "50 cents" USD 0.5, "30 sen" MYR 0.3.

Qualifiers and bounds (low/high): exact [v, v]; about [0.9v, 1.1v]; almost [0.9v, v];
at_least and more_than [v, 1.5v]; up_to [0.5v, v]; range [a, b] with value (a + b) / 2;
vague amounts from the table in ``number_words``. The widened bounds of the open-ended
qualifiers are ours, not the text's: they only let novelty compare "more than 10,000" with
"12,000". Ranges: "10 to 12", "10-12 million" (the scale, currency and percent of the second
end apply to the first, "$10-12bn", "5 to 10%"), "between 10 and 12" (also written "between
12 and 10"), "from 3 to 5". Two numbers, not a range, where the words say a change:
- the low end is not below the high end ("from 5 to 3" is a fall);
- the ends have different units ("fell 0.4 per cent to 13,176", "rose 18 sen to RM23.50");
- "by X to Y" with X written with its own unit or scale ("rose by $2 billion to $12 billion":
  the change, then the level; "dropped by 1 to 1.5 degrees" stays a range);
- "from X to Y" after a verb of change up to fifteen words back in its clause ("rose from 3% to
  5%", "raised its estimate of deaths from 1,480 to 1,720"; the verbs are
  ``number_words.CHANGE_VERBS``), while "prices range from $5 to $9" stays a range;
- a year before an amount with a scale ("in 2018 to 3.9 million").
"more than 10 and fewer than 20" is one range.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final, Literal

from monitor.figures import number_words as w
from monitor.figures.model import COUNT, PERCENT, Number, Qualifier

_SUPERSCRIPT_POWER = "[\u207a\u207b]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]++"  # "⁻³⁰"
# Letters glued before digits that make them money: ISO codes ("USD10m"), "RM5.2", "Rs.500",
# "$US113", "$A3bn", and "PS" for "£" ("PS6m", "PS21,700"; not the console "PS5").
_GLUED_CURRENCY = "|".join(
    (
        *sorted(w.CURRENCY_CODES),
        *(re.escape(word) for word in w.GLUED_CURRENCY_WORDS if word != "PS"),
        r"PS(?=\d++(?:[.,]\d++)*(?:m|bn|k)\b|\d{2}|\d[.,]\d)",
        r"\$(?:" + "|".join(sorted(w.DOLLAR_SUFFIXES, key=len, reverse=True)) + ")",
    )
)
_TOKENS = rf"""
    (?P<url>(?:https?://|www\.)\S+)
    |(?P<vf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])
    |(?<=\d)(?P<suffix>[^\W\d_]++)
    CURRENCY
    |(?P<word>[^\W\d_]++)(?P<ident>(?<![Mm]inus)(?<![Nn]egative)[-.]?\d\w*)?
    |(?=[\d.])(?:
     (?P<sci>\d++(?:\.\d++)?
       (?:[ \u00a0]?[x\u00d7][ \u00a0]?10(?:\^[+\-\u2212]?\d++|{_SUPERSCRIPT_POWER}|\u2212\d++)
       |(?<=(?<![\d.])10){_SUPERSCRIPT_POWER}))
    |(?P<sp>[1-9]\d{{0,2}}(?:[ \u00a0\u202f\u2009]\d{{3}}(?!\d))++(?:\.\d++)?)
    |(?P<en>[1-9]\d{{0,2}}(?:,\d{{3}})++(?:\.\d++)?)(?!\d|,\d)
    |(?P<ind>[1-9]\d?(?:,\d\d)+,\d{{3}}(?:\.\d++)?)(?!\d|,\d)
    |(?P<eu>[1-9]\d{{0,2}}(?:\.\d{{3}})++(?:,\d++)?)(?!\d|[.,]\d)
    |(?P<dotted>\d++(?:\.\d++){{2,}})
    |(?<!\d,)(?P<dc>\d++,\d\d?)(?!\d|,\d)
    |(?P<dec>\d++(?:\.\d++(?!\.\d))?|(?<!\d)\.\d++)
     (?P<exp>[eE][+-]?\d++|\^[+-]*\d++)?)
    |(?P<sym>\S)
    """
# Two scanners: the plain one, and for the rare text where letters that may be a currency are
# glued before digits ("USD10m", "$US113"), one that reads them as a currency ("cur") token.
_TOKEN_RE: Final = re.compile(_TOKENS.replace("CURRENCY", ""), re.VERBOSE)
_TOKEN_CURRENCY_RE: Final = re.compile(
    _TOKENS.replace("CURRENCY", rf"|(?P<cur>(?:{_GLUED_CURRENCY})(?=\d))"), re.VERBOSE
)
_GLUED_CURRENCY_LETTERS: Final = frozenset(
    (*w.CURRENCY_CODES, *w.GLUED_CURRENCY_WORDS, *w.DOLLAR_SUFFIXES)
)
_SCI_RE: Final = re.compile(r"(?:(\d+(?:\.\d+)?)\s?[x\u00d7]\s?)?10\^?(.+)")
_SUPERSCRIPTS: Final = str.maketrans(
    "\u207a\u207b\u2212\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
    "+--0123456789",
)
_SPACES: Final = str.maketrans("", "", " \u00a0\u202f\u2009")

# Token kinds.
_NUM, _WORD, _SYM, _VF, _OTHER = range(5)
_KINDS: Final = {
    "sp": _NUM,
    "en": _NUM,
    "ind": _NUM,
    "eu": _NUM,
    "dc": _NUM,
    "dec": _NUM,
    "exp": _NUM,
    "sci": _NUM,
    "word": _WORD,
    "cur": _OTHER,  # a currency glued before digits, its code in _Parser.currency_of
    "suffix": _WORD,  # letters glued after digits: "k" of "5k-20k" is no identifier
    "sym": _SYM,
    "vf": _VF,
    "url": _OTHER,
    "ident": _OTHER,
    "dotted": _OTHER,
}
_ORDINAL_SUFFIXES: Final = frozenset(("st", "nd", "rd", "th"))
_FRACTION_DENOMINATORS: Final = frozenset((2, 3, 4, 5, 6, 8, 10, 16, 100))
_DASHES: Final = frozenset(("-", "\u2013", "\u2014"))  # hyphen, en dash, em dash
_MINUS: Final = frozenset(("-", "\u2212"))  # hyphen, minus sign
_SIGNS: Final = frozenset((*_MINUS, "+"))
_FRACTION_SLASH: Final = "\u2044"  # "1\u204432" is 1/32
_RANGE_WORDS: Final = frozenset(("to", "through", "~"))
# Words that make "from X to Y" a span of values, whatever verb came before.
_RANGE_SAID: Final = frozenset(
    "range ranges ranged ranging vary varies varied varying anywhere".split()
)
# Words that may follow "a third", "one fifth" when they are fractions, not ordinals ("a third
# of", "a quarter million"; not "a third term").
_AFTER_SINGULAR_FRACTION: Final = frozenset(("of", "and", "or", "to", "is", "was", *w.BIG))
_START_WORDS: Final = frozenset(
    (
        *w.UNITS,
        *w.TEENS,
        *w.TENS,
        *w.VAGUE_PLURALS,
        "a",
        "an",
        "half",
        "quarter",
        "minus",
        "negative",
        "hundred",
        "thousand",
        "several",
        "few",
    )
)
_AFTER_A: Final = frozenset((w.HUNDRED, *w.BIG, *w.DOZEN, *w.FRACTIONS_SINGULAR, "few", "couple"))
_FRACTION_WORDS: Final = frozenset((*w.FRACTIONS_SINGULAR, *w.FRACTIONS_PLURAL))
_MERGE_GAP_RE: Final = re.compile(r"\s*,?\s*(and|but)?\s*", re.IGNORECASE)


def _bounds(qualifier: Qualifier, v: float) -> tuple[float, float]:
    # Multiply before dividing: 11000 * 1.1 is 12100.000000000002, 11000 * 11 / 10 is 12100.
    if qualifier == "about":
        lo, hi = v * 9 / 10, v * 11 / 10
    elif qualifier == "almost":
        lo, hi = v * 9 / 10, v
    elif qualifier in ("at_least", "more_than"):
        lo, hi = v, v * 3 / 2
    elif qualifier == "up_to":
        lo, hi = v / 2, v
    else:
        lo = hi = v
    return (lo, hi) if lo <= hi else (hi, lo)


def _two_figures(v: float) -> float:
    if v <= 0:
        return v
    digits = 1 - math.floor(math.log10(v))
    return round(v, digits)


@dataclass(slots=True)
class _Core:
    """A numeral read from tokens ``first`` to ``end`` (exclusive)."""

    value: float
    first: int
    end: int
    big: float = 0.0  # the scale written with it ("million"), 0 when none
    digits: int = 0  # for a lone integer literal, its digit count (year ranges "1950-53")
    low: float = 0.0  # a vague amount's bounds; vague when high > 0
    high: float = 0.0


@dataclass(slots=True)
class _Phrase:
    core: _Core
    unit: str | None
    end: int
    subunit: bool = False  # the unit is a hundredth ("50 cents"): the value is divided by 100


class _Parser:
    __slots__ = (
        "currency_of",
        "ends",
        "eu_decimal",
        "kind",
        "low",
        "n",
        "raw",
        "starts",
        "text",
        "values",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.kind: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.raw: list[str] = []
        self.values: dict[int, float] = {}
        # "2.500" before a scale word is 2.5 ("2.500 million"), elsewhere 2500.
        self.eu_decimal: dict[int, float] = {}
        # Currency words glued before digits ("USD10m", "RM5.2"): token index -> ISO code.
        self.currency_of: dict[int, str] = {}
        if not self.scan(_TOKEN_RE):
            for tokens in (self.kind, self.starts, self.ends, self.raw):
                tokens.clear()
            self.values.clear()
            self.eu_decimal.clear()
            self.scan(_TOKEN_CURRENCY_RE)
        self.low = [s.lower() for s in self.raw]
        self.n = len(self.kind)

    def scan(self, token_re: re.Pattern[str]) -> bool:
        """Cut the text into tokens; False when the plain scanner met letters glued before
        digits that may be a currency ("USD10m"), for which the text is scanned again."""
        kinds = _KINDS
        kind, starts, ends, raw = self.kind, self.starts, self.ends, self.raw
        for m in token_re.finditer(self.text):
            group = m.lastgroup or "sym"
            k = kinds[group]
            token = m.group()
            if k == _NUM:
                index = len(kind)
                self.values[index] = _literal_value(m)
                if group == "eu" and token.count(".") == 1 and "," not in token:
                    self.eu_decimal[index] = float(token)
            elif k == _OTHER:
                if group == "cur":
                    self.currency_of[len(kind)] = _glued_currency(token)
                elif (
                    group == "ident"
                    and token_re is _TOKEN_RE
                    and m.group("word") in _GLUED_CURRENCY_LETTERS
                ):
                    return False
            start, end = m.span()
            kind.append(k)
            starts.append(start)
            ends.append(end)
            raw.append(token)
        return True

    # -- small helpers -------------------------------------------------------------------------

    def glued(self, i: int) -> bool:
        """Whether token ``i`` follows token ``i - 1`` with no space between."""
        return 0 < i < self.n and self.starts[i] == self.ends[i - 1]

    def lw(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def is_num(self, i: int) -> bool:
        return i < self.n and self.kind[i] == _NUM

    def is_int_literal(self, i: int) -> bool:
        return self.kind[i] == _NUM and self.raw[i].isdigit()

    def startable(self, i: int) -> bool:
        k = self.kind[i]
        if k == _NUM or k == _VF:
            return True
        if k != _WORD:
            return False
        word = self.low[i]
        if word in ("a", "an"):
            return self.lw(i + 1) in _AFTER_A
        return word in _START_WORDS

    # -- numerals ------------------------------------------------------------------------------

    def small(self, j: int) -> tuple[float, int] | None:
        """A number below 100 in words ("seven", "nineteen", "forty-two")."""
        if j >= self.n or self.kind[j] != _WORD:
            return None
        word = self.low[j]
        if word in w.UNITS:
            return w.UNITS[word], j + 1
        if word in w.TEENS:
            return w.TEENS[word], j + 1
        if word in w.TENS:
            k = j + 1
            if self.lw(k) in _DASHES:
                k += 1
            nxt = self.lw(k)
            if nxt in w.ORDINAL_UNITS:
                return None
            if nxt in w.UNITS and w.UNITS[nxt] > 0:
                return w.TENS[word] + w.UNITS[nxt], k + 1
            return w.TENS[word], j + 1
        return None

    def small_or_digits(self, j: int) -> tuple[float, int] | None:
        if j < self.n and self.is_int_literal(j):
            v = self.values[j]
            return (v, j + 1) if v < 100 else None
        return self.small(j)

    def chunk(self, j: int) -> tuple[float, int, float, bool] | None:
        """A group below a thousand: value, end, its last part below 100 (for "dozen") and
        whether "and" joined that part ("a hundred and three quarters")."""
        if j >= self.n:
            return None
        word = self.low[j]
        if self.kind[j] == _NUM:
            v = self.values[j]
            k = j + 1
            if self.lw(k) != w.HUNDRED or not 0 < v < 1000:
                return v, k, v, False
            v *= 100
            k += 1
        elif word in ("a", "an"):
            if self.lw(j + 1) != w.HUNDRED:
                return 1.0, j + 1, 1.0, False
            v, k = 100.0, j + 2
        elif word == w.HUNDRED:
            if self.lw(j + 1) not in w.BIG:
                return None
            v, k = 100.0, j + 1
        elif word == "thousand":
            return (1.0, j, 1.0, False) if self.lw(j + 1) in w.BIG else None
        else:
            got = self.small(j)
            if got is None:
                return None
            v, k = got
            if self.lw(k) != w.HUNDRED:
                return v, k, v, False
            v *= 100
            k += 1
        # After "hundred": "three hundred (and) two", but not "3 hundred and 2 hundred".
        k2 = k + 1 if self.lw(k) == "and" else k
        tail = self.small_or_digits(k2)
        if tail is not None and tail[0] > 0 and self.lw(tail[1]) != w.HUNDRED:
            return v + tail[0], tail[1], tail[0], k2 > k
        return v, k, 0.0, False

    def scale_at(self, j: int, after_literal: bool) -> float:
        """The scale word or abbreviation at ``j``, 0 when there is none."""
        if j >= self.n or self.kind[j] != _WORD:
            return 0.0
        word = self.low[j]
        if word in w.BIG:
            return w.BIG[word]
        if after_literal:
            if self.glued(j):
                if word == "mm":
                    return 1e6 if self.raw[j] == "MM" else 0.0
                return w.GLUED_SCALES.get(word, 0.0)
            return w.SPACED_SCALES.get(self.raw[j], 0.0)
        return 0.0

    def fraction_word(
        self, j: int, numerator: float, loose: bool = False
    ) -> tuple[int, int] | None:
        """A denominator word at ``j`` ("fifths", "a third of"): denominator and end."""
        if self.lw(j) in _DASHES and self.lw(j + 1) in _FRACTION_WORDS:
            j += 1
        word = self.lw(j)
        if word in w.FRACTIONS_PLURAL:
            return (w.FRACTIONS_PLURAL[word], j + 1) if numerator != 1 else None
        if word in w.FRACTIONS_SINGULAR and numerator == 1:
            nxt = j + 1
            if not loose and nxt < self.n:
                if self.kind[nxt] == _WORD and self.low[nxt] not in _AFTER_SINGULAR_FRACTION:
                    return None
                if self.low[nxt] in _DASHES and self.glued(nxt):  # "a half-hour"
                    return None
            return w.FRACTIONS_SINGULAR[word], j + 1
        return None

    def of_a_scale(self, j: int) -> tuple[float, int]:
        """ "of a million" or "million" after a fraction: the multiplier and the end."""
        if self.lw(j) == "of" and self.lw(j + 1) in ("a", "an"):
            m = self.lw(j + 2)
            if m in w.BIG:
                return w.BIG[m], j + 3
            if m == w.HUNDRED:
                return 100.0, j + 3
            if m in w.DOZEN:
                return 12.0, j + 3
        m = self.lw(j)
        if m in w.BIG:
            return w.BIG[m], j + 1
        return 1.0, j

    def literal(self, i: int) -> _Core | int | None:
        """A numeral written in digits that is no part of a larger one; an int to skip to."""
        v = self.values[i]
        j = i + 1
        nxt = self.lw(j)
        if j < self.n and self.glued(j):
            if nxt in _ORDINAL_SUFFIXES and self.raw[i].isdigit():
                return j + 1
            if nxt in ("/", "-") and self.is_num(j + 1) and self.glued(j + 1):
                # Chains of three or more ("5/17/2018", "1-222-2222") are dates and phones.
                if self.lw(j + 2) in ("/", "-") and self.is_num(j + 3) and self.glued(j + 2):
                    k = j + 2
                    while self.lw(k) in ("/", "-") and self.is_num(k + 1) and self.glued(k):
                        k += 2
                    return k
                if nxt == "/":
                    frac = self.slash_fraction(i)
                    return frac if frac is not None else j + 2
            if self.kind[j] == _VF:
                return _Core(v + w.VULGAR_FRACTIONS[self.raw[j]], i, j + 1)
            if nxt == _FRACTION_SLASH and self.is_num(j + 1) and self.glued(j + 1):
                frac = self.slash_fraction(i, any_denominator=True)
                return frac if frac is not None else j + 2
        if (
            self.is_int_literal(i)
            and v < 100  # "2 1/4", not "in 2019 3/4 of"
            and self.is_num(j)
            and not self.glued(j)
            and self.lw(j + 1) in ("/", _FRACTION_SLASH)
            and self.glued(j + 1)
        ):
            frac = self.slash_fraction(j, any_denominator=self.low[j + 1] == _FRACTION_SLASH)
            if isinstance(frac, _Core):
                frac.value += v
                frac.first = i
                return frac
        return None

    def slash_fraction(self, i: int, any_denominator: bool = False) -> _Core | None:
        """ "3/4"; with the fraction slash (U+2044) any numerator and denominator."""
        if not (self.is_int_literal(i) and i + 2 < self.n and self.is_int_literal(i + 2)):
            return None
        a, b = self.values[i], self.values[i + 2]
        if any_denominator:
            return _Core(a / b, i, i + 3) if b > 0 else None
        if b in _FRACTION_DENOMINATORS and 0 < a < b:
            return _Core(a / b, i, i + 3)
        return None

    def vague(self, i: int) -> _Core | None:
        word = self.low[i]
        if word in w.VAGUE_PLURALS:
            lo, hi = w.VAGUE_PLURALS[word]
            j = i + 1
            compound = False
            while self.lw(j) == "of" and self.lw(j + 1) in w.VAGUE_UNITS:
                unit = w.VAGUE_UNITS[self.low[j + 1]]
                lo, hi = lo * unit, (hi + 1) * unit - 1
                j += 2
                compound = True
            if word in w.VAGUE_NEED_OF and not (
                compound or (word == "scores" and self.lw(j) == "of")
            ):
                return None
            first = i - 1 if i > 0 and self.low[i - 1] in w.VAGUE_LEADS else i
            return _Core(_two_figures(math.sqrt(lo * hi)), first, j, low=lo, high=hi)
        j = i
        if word in ("a", "an"):
            j += 1
        factor = w.VAGUE_FACTORS.get(self.lw(j))
        if factor is None or (j == i and self.lw(j) == "couple"):
            return None
        j += 1
        if self.lw(j) == "of":
            j += 1
        product = 1.0
        while self.lw(j) in w.VAGUE_SCALES:
            product *= w.VAGUE_SCALES[self.low[j]]
            j += 1
        if product == 1.0:
            return None
        lo, hi = factor[0] * product, factor[1] * product
        return _Core(_two_figures(math.sqrt(lo * hi)), i, j, low=lo, high=hi)

    def core(self, i: int) -> _Core | int | None:
        """The numeral beginning at token ``i``."""
        kind = self.kind[i]
        word = self.low[i]
        if kind == _WORD:
            if word in w.VAGUE_PLURALS or word in ("several", "few", "a", "an"):
                got = self.vague(i)
                if got is not None:
                    return got
            if word in ("minus", "negative"):
                k = i + 1
                if self.lw(k) in _MINUS and self.glued(k) and self.is_num(k + 1):
                    k += 1  # "minus-5 yards"
                if k >= self.n or not self.startable(k):
                    return None
                inner = self.core(k)
                if not isinstance(inner, _Core) or inner.high:
                    return None
                inner.value = -inner.value
                inner.first = i
                return inner
            if word in ("half", "quarter"):
                nxt = self.lw(i + 1)
                j = i + 2 if nxt in ("a", "an") or nxt in _DASHES else i + 1
                m = self.lw(j)
                scale = w.BIG.get(m) or (100.0 if m == w.HUNDRED else 12.0 if m in w.DOZEN else 0)
                if not scale or (nxt not in ("a", "an") and m not in w.BIG):
                    return None
                part = 0.5 if word == "half" else 0.25
                return _Core(part * scale, i, j + 1, big=scale)
            if word in ("a", "an") and self.lw(i - 1) == "and":
                # "a year and a half": the half of a noun, not a number.
                if self.lw(i + 1) in w.FRACTIONS_SINGULAR:
                    return None
        elif kind == _VF:
            return _Core(w.VULGAR_FRACTIONS[self.raw[i]], i, i + 1)
        elif kind == _NUM:
            lit = self.literal(i)
            if lit is not None:
                return lit
        return self.cardinal(i)

    def cardinal(self, i: int) -> _Core | None:
        first = self.chunk(i)
        if first is None:
            return None
        v, j, last_small, last_and = first
        literal = self.kind[i] == _NUM
        if literal and i in self.eu_decimal and self.scale_at(j, True):
            v = last_small = self.eu_decimal[i]
        if self.lw(j) in w.DOZEN:
            v = v - last_small + last_small * 12 if last_small else v * 12
            j += 1
        total = 0.0
        last_big = math.inf
        ended_on_big = False
        while True:
            scale = self.scale_at(j, literal and j == i + 1)
            if not scale or scale >= last_big:
                break
            abbreviated = self.low[j] not in w.BIG
            total += v * scale
            v = 0.0
            last_big = scale
            ended_on_big = True
            j += 1
            while (more := self.scale_at(j, False)) > last_big:
                # "three lakh crore", "a thousand million"
                total *= more
                last_big = more
                j += 1
            if abbreviated:
                break
            k = j + 1 if self.lw(j) == "and" else j
            nxt = self.chunk(k) if k < self.n and self.startable(k) else None
            if nxt is None or not 0 < nxt[0] < last_big or nxt[0] != int(nxt[0]):
                break
            # "3 million and a half", "two million and three fifths" end in a fraction tail.
            if k > j and (self.low[k] in ("a", "an") or self.lw(nxt[1]) in _FRACTION_WORDS):
                break
            if literal and self.kind[k] != _NUM:
                break  # "€210 million two weeks ago": digits are not continued in words
            if self.kind[k] == _NUM:
                follows = self.scale_at(nxt[1], False) or self.lw(k + 1) == w.HUNDRED
                if not follows and not (k > j and nxt[0] < 100):
                    break
            if self.scale_at(nxt[1], False) >= last_big:
                break
            v, j, last_small, last_and = nxt
            ended_on_big = False
        value = total + v
        big = last_big if last_big != math.inf else 0.0

        # "two point five", but not the idiom "at one point two soldiers fled".
        if self.lw(j) == "point" and not (self.lw(i) == "one" and self.lw(i - 1) == "at"):
            digits = self.point_digits(j + 1)
            if digits is not None:
                value += float("0." + digits[0])
                j = digits[1]
        frac = self.fraction_word(j, value)
        if frac is not None and not ended_on_big:
            d, j = frac
            if last_and and d in (2, 4, 100, 1000):
                value = value - last_small + last_small / d
            else:
                value /= d
            mult, j = self.of_a_scale(j)
            value *= mult
            if mult != 1.0:
                big = mult
        elif self.lw(j) == "and":
            tail = self.fraction_tail(j + 1, ended_on_big)
            if tail is not None:
                f, k = tail
                scale = self.scale_at(k, False)
                if scale and (last_big == math.inf or scale < last_big):
                    value = (value + f) * scale if last_big == math.inf else value + f * scale
                    big = big or scale
                    k += 1
                elif ended_on_big:
                    value += f * last_big
                else:
                    value += f
                j = k
        if j == i + 1 and (self.low[i] in ("a", "an") or word_is_pronoun_one(self, i)):
            return None
        core = _Core(value, i, j, big=big)
        if literal and j == i + 1 and self.is_int_literal(i):
            core.digits = len(self.raw[i])
        return core

    def point_digits(self, j: int) -> tuple[str, int] | None:
        digits = ""
        while j < self.n and self.low[j] in w.UNITS:
            digits += str(w.UNITS[self.low[j]])
            j += 1
        if digits:
            return digits, j
        got = self.small(j)
        if got is None:
            return None
        return str(int(got[0])), got[1]

    def fraction_tail(self, j: int, loose: bool) -> tuple[float, int] | None:
        """ "a half", "three quarters" after "and"."""
        word = self.lw(j)
        if word in ("a", "an", "one"):
            num, k = 1.0, j + 1
        else:
            got = self.small(j)
            if got is None:
                return None
            num, k = got
        frac = self.fraction_word(k, num, loose)
        if frac is None:
            return None
        return num / frac[0], frac[1]

    # -- phrases -------------------------------------------------------------------------------

    def unit_after(self, j: int, core: _Core) -> tuple[str | None, int, bool]:
        """The percent or currency written after a numeral: unit, end, and whether it is a
        subunit (a hundredth: "cents", "pence", "p", "sen")."""
        word = self.lw(j)
        if word == "%":
            return PERCENT, j + 1, False
        if word in w.PERCENT_WORDS or (word in w.PERCENT_LOWER_ONLY and self.raw[j] == word):
            j += 1
            if word == "percentage" and self.lw(j) in ("point", "points"):
                j += 1
            return PERCENT, j, False
        if word == "per" and self.lw(j + 1) in ("cent", "cents"):
            return PERCENT, j + 2, False
        if word in w.SUBUNITS and self.is_subunit(j, core):
            return w.SUBUNITS[word], j + 1, True
        if core.high > 0 and word == "of":
            code, k = self.currency_words(j + 1)
            return (code, k, False) if code else (None, j, False)
        code, k = self.currency_words(j)
        return code, k, False

    def is_subunit(self, j: int, core: _Core) -> bool:
        word = self.low[j]
        if word in w.SUBUNITS_LOWER_ONLY and self.raw[j] != word:
            return False  # "Sen." is a senator
        if word == "p":
            if self.lw(j + 1) == "." and self.glued(j + 1) and self.glued(j + 2):
                return False  # "5 p.m.", "3% p.a."
            if self.glued(j) and core.value in w.VIDEO_RESOLUTIONS:
                return False  # "1080p"
        return True

    def currency_words(self, j: int) -> tuple[str | None, int]:
        if j >= self.n:
            return None, j
        if self.raw[j] in w.CURRENCY_CODES:
            return self.raw[j], j + 1
        if self.raw[j] in w.CURRENCY_SIGNS_AFTER:
            # "10 €", "100元"; but in "10 $5" the sign is the next number's.
            if not (self.is_num(j + 1) and self.glued(j + 1)):
                return w.CURRENCY_SIGNS_AFTER[self.raw[j]], j + 1
        for size in range(min(w.CURRENCY_WORDS_MAX_LEN, self.n - j), 0, -1):
            code = w.CURRENCY_WORDS.get(tuple(self.low[j : j + size]))
            if code is not None:
                return code, j + size
        return None, j

    def currency_before(self, j: int, floor: int) -> tuple[str | None, int]:
        """A currency written just before token ``j``: its code and first token."""
        k = j - 1
        if k < floor:
            return None, j
        if k in self.currency_of:  # "USD10m", "RM5.2", "$US113"
            return self.currency_of[k], k
        raw = self.raw[k]
        if self.kind[k] == _SYM:
            if raw in w.CURRENCY_SIGNS:
                code = w.CURRENCY_SIGNS[raw]
                if raw == "$" and k - 1 >= floor and self.kind[k - 1] == _WORD:
                    prefix = self.low[k - 1]
                    spaced = self.raw[k - 1] in w.DOLLAR_PREFIXES_SPACED and not self.glued(k - 1)
                    if prefix in w.DOLLAR_PREFIXES and (self.glued(k) or spaced):
                        return w.DOLLAR_PREFIXES[prefix], k - 1
                return code, k
            if raw == "=" and k - 1 >= floor and self.raw[k - 1] == "Y" and self.glued(k):
                return "JPY", k - 1  # "Y=150 billion": the newswire yen sign
            if raw == "." and k - 1 >= floor and self.glued(k):
                k -= 1  # "Rs. 500"
        if self.kind[k] == _WORD:
            if self.raw[k] in w.CURRENCY_CODES:
                return self.raw[k], k
            if self.raw[k] in w.CURRENCY_WORDS_BEFORE:
                return w.CURRENCY_WORDS_BEFORE[self.raw[k]], k
        return None, j

    def currency_ahead(self, k: int) -> tuple[str | None, int]:
        """A currency written before a range's second end, from token ``k``: code and the
        token after it ("to $5", "to RM300,000", "to US$5")."""
        if k >= self.n:
            return None, k
        if k in self.currency_of:
            return self.currency_of[k], k + 1
        raw = self.raw[k]
        if self.kind[k] == _SYM and raw in w.CURRENCY_SIGNS:
            return w.CURRENCY_SIGNS[raw], k + 1
        if raw in w.CURRENCY_CODES:
            return raw, k + 1
        if self.lw(k + 1) == "$" and self.glued(k + 1) and self.low[k] in w.DOLLAR_PREFIXES:
            return w.DOLLAR_PREFIXES[self.low[k]], k + 2
        return None, k

    def sign_before(self, t: int, floor: int, core: _Core, unit: str | None) -> str | None:
        """The "-", minus sign (U+2212) or "+" glued before token ``t`` that signs the number.

        Not when it joins a word or number to the digits ("Su-57", "3-2"), and a "+" not before
        a bare integer that more digits follow ("+44 20 7946 0000" is a phone number)."""
        s = t - 1
        if s < floor or self.raw[s] not in _SIGNS or not self.glued(t):
            return None
        b = s - 1
        if not (b < 0 or not self.glued(s) or (self.kind[b] == _SYM and self.raw[b] not in _SIGNS)):
            return None
        if self.raw[s] == "+" and unit is None and core.end == core.first + 1:
            nxt = core.end
            if self.is_int_literal(core.first) and (self.is_num(nxt) or self.lw(nxt) == "("):
                return None
        return self.raw[s]

    def qualifier_before(self, j: int, floor: int) -> tuple[Qualifier | None, int]:
        low = self.low
        for size in range(min(w.QUALIFIER_MAX_LEN, j - floor), 0, -1):
            q = w.QUALIFIERS.get(tuple(low[j - size : j]))
            if q == "up_to" and j - size > 0 and low[j - size - 1] in w.ADD_VERBS:
                return None, j  # "the fines now add up to €890,000": a total, no bound
            if q is not None:
                return q, j - size
        return None, j

    def phrase(self, i: int) -> _Phrase | int | None:
        """Numeral, scale and unit from token ``i``."""
        core = self.core(i)
        if not isinstance(core, _Core):
            return core
        unit, end, subunit = self.unit_after(core.end, core)
        if unit == "KRW" and self.low[end - 1] == "won" and not core.big and core.end == i + 1:
            # "in 2016 won the vote": only "5 billion won", "10,000 won" are money.
            if self.kind[i] != _NUM or self.raw[i].isdigit():
                unit, end = None, core.end
        elif unit in w.CODES_NEED_AMOUNT and self.raw[end - 1] == unit and not _amount(core):
            unit, end = None, core.end  # "PHP 8", "RON95": no money
        if unit == PERCENT and core.end == i + 1 and i in self.eu_decimal:
            core.value = self.eu_decimal[i]  # a yield of "4.275%" is no thousands
        if subunit:
            core.value /= 100
            core.low /= 100
            core.high /= 100
        return _Phrase(core, unit, end, subunit)

    def number_at(self, i: int, floor: int) -> tuple[Number, int] | int | None:
        first = self.phrase(i)
        if not isinstance(first, _Phrase):
            return first
        core = first.core
        start = core.first
        if start < floor:
            start = core.first = i
        sign = None
        if start == i and self.kind[i] == _NUM and self.raw[i - 1] in _SIGNS:
            sign = self.sign_before(i, floor, core, first.unit)
            if sign is not None:
                start = i - 1
        number_start = start
        currency, start = self.currency_before(start, floor)
        if currency in w.CODES_NEED_AMOUNT and self.raw[start] == currency and not _amount(core):
            if start in self.currency_of:
                return first.end  # "RON95": an identifier, no number
            currency, start = None, number_start
        if currency is not None and sign is None and start < number_start:
            sign = self.sign_before(start, floor, core, currency)  # "-$5bn", "+£3m"
            if sign is not None:
                start -= 1
        if sign is not None and sign != "+":
            core.value = -core.value
        unit = first.unit or currency
        end = first.end
        if core.high > 0:
            return self.build(
                start, number_start, end, core.value, core.low, core.high, "vague", unit, True
            ), end
        qualifier, qstart = self.qualifier_before(start, floor)

        ranged = self.range_after(first, currency, qstart if qualifier is not None else start)
        if ranged is not None:
            lo_core, hi_core, range_unit, end = ranged
            rstart = start
            prev = self.lw(start - 1) if start - 1 >= floor else ""
            if prev in ("between", "from"):
                rstart = start - 1
            return self.build(
                rstart,
                number_start,
                end,
                (lo_core + hi_core) / 2,
                lo_core,
                hi_core,
                "range",
                range_unit,
                False,
            ), end
        if qualifier is not None:
            start = qstart
        trailing, end = self.trailing(end)
        if trailing == "or_equal":
            if qualifier == "more_than":
                qualifier = "at_least"
        elif trailing is not None:
            qualifier = trailing
        q: Qualifier = qualifier or "exact"
        lo, hi = _bounds(q, core.value)
        return self.build(start, number_start, end, core.value, lo, hi, q, unit, False), end

    def build(
        self,
        start: int,
        number_start: int,
        end: int,
        value: float,
        lo: float,
        hi: float,
        qualifier: Qualifier,
        unit: str | None,
        vague: bool,
    ) -> Number:
        kind = self.kind
        spelled = not any(kind[t] == _NUM or kind[t] == _VF for t in range(number_start, end))
        return Number(
            start=self.starts[start],
            end=self.ends[end - 1],
            number_start=self.starts[number_start],
            value=value,
            low=lo,
            high=hi,
            qualifier=qualifier,
            unit=unit or COUNT,
            spelled=spelled,
            vague=vague,
        )

    def trailing(self, j: int) -> tuple[Qualifier | Literal["or_equal"] | None, int]:
        for size in (3, 2, 1):
            phrase = tuple(self.low[j : j + size])
            if len(phrase) < size:
                continue
            if size > 1 and phrase in w.OR_EQUAL:
                if self.is_followed_by_number(j + size):
                    return None, j
                return "or_equal", j + size
            q = w.TRAILING.get(phrase)
            if q is None:
                continue
            if phrase[0] in ("+", "-") and not self.glued(j):
                continue
            if self.lw(j + size) == "than" and self.is_followed_by_number(j + size + 1):
                return None, j
            end = j + size + (1 if self.lw(j + size) == "than" else 0)
            return q, end
        return None, j

    def changed_before(self, j: int) -> bool:
        """Whether a change verb governs the "from" before ``j + 1``: up to fifteen words back
        in the same clause ("raised its pledge from", "revised its estimate of deaths from",
        "raise the number of border guards on its frontier with Ketharia from")."""
        for k in range(j, max(j - 15, -1), -1):
            word = self.lw(k)
            if word in w.CHANGE_VERBS:
                return True
            if word in ("'", "\u2019"):
                continue  # "the bloc's aid": a possessive, still the same clause
            if word in _RANGE_SAID or not word[:1].isalpha():
                return False
        return False

    def is_followed_by_number(self, j: int) -> bool:
        return j < self.n and self.startable(j)

    def range_after(
        self, first: _Phrase, currency: str | None, start: int
    ) -> tuple[float, float, str | None, int] | None:
        j = first.end
        conn = self.lw(j)
        dash = conn in _DASHES
        prefix = self.lw(start - 1) if start > 0 else ""
        between = conn == "and" and prefix == "between"
        if not (dash or conn in _RANGE_WORDS or between):
            return None
        a = first.core
        if dash and self.kind[a.first] != _NUM:
            return None
        if self.lw(start - 1) in w.MONTHS and self.raw[start - 1][:1].isupper() and not dash:
            return None  # "since May 19 to 12,020": a date, then the level it brought
        if prefix == "from" and not dash and self.changed_before(start - 2):
            return None  # "rose from 3% to 5%", "raised the number covered from": a change
        if prefix == "by" and (currency or first.unit or a.big):
            return None  # "rose by $2 billion to $12 billion": the change, then the level
        currency2, k2 = self.currency_ahead(j + 1)
        if k2 >= self.n or not self.startable(k2):
            return None
        if dash and self.kind[k2] != _NUM:
            return None
        second = self.phrase(k2)
        if not isinstance(second, _Phrase) or second.core.high > 0:
            return None
        b = second.core
        if dash and self.lw(second.end) in _DASHES and self.is_num(second.end + 1):
            return None
        unit_a = first.unit or currency
        unit_b = second.unit or currency2
        if first.subunit and not second.subunit:
            return None  # "rose 18 sen to RM23.50": a change in sen, then the price
        if unit_a != unit_b:
            # "5 to 10%" shares the percent, "$5-10 million" the currency; but "fell 0.4 per
            # cent to 13,176" and "3% to 5 million" are two figures.
            if (unit_a and unit_b) or first.unit:
                return None
            if PERCENT in (unit_a, unit_b) and (a.big if unit_b == PERCENT else b.big):
                return None
        lo, hi = a.value, b.value
        # A subunit written only at the second end applies to the first: "50 to 60 cents".
        factor = 0.01 if second.subunit and not first.subunit else 1.0
        if dash and a.digits == 4 and b.digits == 2 and 1000 <= lo < 3000:
            hi = lo - lo % 100 + hi
        if b.big and not a.big and not first.unit:
            if lo * b.big * factor <= hi:
                lo *= b.big
            elif a.digits == 4 and 1800 <= lo <= 2100:
                return None  # "in 2018 to 3.9 million": a year, then an amount
        lo *= factor
        if between and lo > hi:
            lo, hi = hi, lo  # "between 20 and 10": the bounds written the other way round
        if not lo < hi:
            return None
        return lo, hi, unit_a or unit_b, second.end


def word_is_pronoun_one(parser: _Parser, i: int) -> bool:
    if parser.low[i] != "one":
        return False
    before = parser.low[i - 1] if i > 0 else ""
    return before in w.PRONOUN_ONE_BEFORE or parser.lw(i + 1) == "another"


def _amount(core: _Core) -> bool:
    """Whether a numeral is written as an amount of money: with a scale or at least 1,000."""
    return bool(core.big) or core.value >= 1000


def _glued_currency(token: str) -> str:
    if token in w.CURRENCY_CODES:
        return token
    if token[0] == "$":
        return w.DOLLAR_SUFFIXES[token[1:]]
    return w.GLUED_CURRENCY_WORDS[token]


def _literal_value(m: re.Match[str]) -> float:
    kind = m.lastgroup
    s = m.group()
    if kind == "sp":
        return float(s.translate(_SPACES))
    if kind == "en" or kind == "ind":
        return float(s.replace(",", ""))
    if kind == "eu":
        return float(s.replace(".", "").replace(",", "."))
    if kind == "dc":
        return float(s.replace(",", "."))
    if kind == "sci":
        sci = _SCI_RE.fullmatch(s)
        assert sci is not None
        power = int(sci.group(2).translate(_SUPERSCRIPTS))
        return float(f"{sci.group(1) or 1}e{power}")
    base = m.group("dec")
    exp = m.group("exp")
    v = float(base)
    if exp:
        if exp[0] == "^":
            sign = -1 if exp.count("-") % 2 else 1
            power = sign * int(exp.lstrip("^+-"))
            v = v**power if v else 0.0
        else:
            v = float(f"{base}e{int(exp[1:])}")
    return v


def _merge_open_ends(numbers: list[Number], text: str) -> list[Number]:
    """ "more than 10 and fewer than 20" is the range 10 to 20."""
    out: list[Number] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        if i + 1 < len(numbers):
            b = numbers[i + 1]
            pair = {a.qualifier, b.qualifier}
            if (
                "up_to" in pair
                and pair & {"more_than", "at_least"}
                and a.unit == b.unit
                and (gap := _MERGE_GAP_RE.fullmatch(text, a.end, b.start))
                # A comma alone joins only "more than 10, less than 20", not a list.
                and (gap.group(1) or (gap.group().strip() and a.qualifier != "up_to"))
            ):
                lo, hi = (a.value, b.value) if a.qualifier != "up_to" else (b.value, a.value)
                if lo < hi:
                    out.append(
                        Number(
                            start=a.start,
                            end=b.end,
                            number_start=a.number_start,
                            value=(lo + hi) / 2,
                            low=lo,
                            high=hi,
                            qualifier="range",
                            unit=a.unit,
                            spelled=a.spelled and b.spelled,
                            vague=False,
                        )
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def find_numbers(text: str) -> list[Number]:
    """Every number ``text`` writes, in text order, none overlapping another."""
    parser = _Parser(text)
    numbers: list[Number] = []
    floor = 0
    i = 0
    n = parser.n
    while i < n:
        if parser.startable(i):
            got = parser.number_at(i, floor)
            if isinstance(got, tuple):
                numbers.append(got[0])
                i = floor = got[1]
                continue
            if isinstance(got, int):
                i = floor = got
                continue
        i += 1
    if len(numbers) > 1:
        numbers = _merge_open_ends(numbers, text)
    return numbers
