"""Who gives a sum of money, when the sentence names them: "Halvenia pledged €10 million",
"with Corvania pledging €7 million", "the €20,000 promised by Velmaria".

Each donor's pledge is a measure of its own beside the total ("aid pledged by Halvenia",
"aid pledged"): a donor raising its pledge is news, and its pledge is not the total. Only a
capitalised name is a donor; "the government", "donors" or "officials" name no one in
particular and leave the sum to the measure of all pledges.
"""

from __future__ import annotations

import re

from monitor.figures.lexicon import TIME_WORDS
from monitor.figures.places import NAME_PATTERN, cleaned_name

# The verbs of giving whose subject is the donor.
_GIVING = (
    r"(?:pledged|pledges|pledging|pledge|promised|promises|promising|offered|offers|offering|"
    r"donated|donates|donating|committed|commits|gave|gives|giving|granted|grants|"
    r"contributed|contributes|pay|paid|pays|paying|sent|sends|sending|earmarked|allocated)"
)
_AUXILIARIES = r"(?:(?:has|have|had|will|would|also|now|then|already|so\s+far|alone)\s+)*"
_AMOUNT_WORDS = (
    r"(?:(?:an?|another|a\s+further|further|some|about|around|nearly|almost|more\s+than|"
    r"less\s+than|up\s+to|at\s+least|over|its\s+own|its|their)\s+)*"
)
_DONOR_BEFORE = re.compile(
    rf"(?:^|[,;]\s+|\b(?:and|while|with|but|as)\s+)(?:[Tt]he\s+)?(?P<name>{NAME_PATTERN})\s+"
    rf"{_AUXILIARIES}{_GIVING}\s+{_AMOUNT_WORDS}$"
)
_DONOR_AFTER = re.compile(
    rf"^\s*(?:[a-z-]+\s+){{0,3}}?(?:pledged|promised|offered|given|donated|committed|granted|"
    rf"contributed|paid|sent|earmarked|allocated|announced)\s+by\s+(?:the\s+)?"
    rf"(?P<name>{NAME_PATTERN})"
)
# In a list of a sum's parts, the participle is left out: "€750 million has been paid, €600
# million by Belmora and €150 million by Tirvania".
_DONOR_LISTED_AFTER = re.compile(rf"^\s+by\s+(?P<name>{NAME_PATTERN})(?=\s*(?:[,.;]|$|and\b))")
# "Estravia raised its pledge from $20 million to $55 million", "doubled its pledge to".
_DONOR_RAISING = re.compile(
    rf"(?:^|[,;]\s+|\b(?:and|while|with|but|as)\s+)(?:[Tt]he\s+)?(?P<name>{NAME_PATTERN})\s+"
    rf"{_AUXILIARIES}(?:raised|raises|increased|increases|doubled|doubles|tripled|lifted|cut|"
    r"cuts|reduced|trimmed|topped\s+up)\s+(?:its|their|his|her)\s+(?:[a-z-]+\s+)?"
    r"(?:pledge|pledges|contribution|contributions|donation|offer|aid|commitment)\s+"
    rf"(?:from|to|by)\s+(?:[^\s,;]+\s+){{0,3}}?{_AMOUNT_WORDS}$"
)
# "adding to Velmark's $5 million": the owner of a sum named by its pledge.
_DONOR_POSSESSIVE = re.compile(rf"(?:\b[Tt]he\s+)?\b(?P<name>{NAME_PATTERN})['\u2019]s\s+$")
_GIVER = re.compile(rf"(?P<name>{NAME_PATTERN})\s+{_AUXILIARIES}{_GIVING}\b")
# "Estravia has pledged $20 million and the Aurelian Union €15 million": the verb left out.
_DONOR_GAPPED = re.compile(
    rf"(?:\band|,)\s+(?:[Tt]he\s+)?(?P<name>{NAME_PATTERN})\s+{_AMOUNT_WORDS}$"
)
# Capitalised words that open a clause without naming anyone.
_NO_ONE = frozenset(
    """The A An It He She They We I You This That These Those Its Their His Her Our Officials
    Donors Governments Government Authorities Ministers Minister Abroad Overall Together In
    Of So Meanwhile Easter Christmas Eid Ramadan Thanksgiving New""".split()
)


def read_donor(
    sentence: str, phrase_start: int, phrase_end: int, *, listed: bool = False
) -> str | None:
    """Return who gives the sum at ``phrase_start:phrase_end`` of ``sentence``, if named;
    ``listed`` when the sum is a part listed after the one whose verb it shares."""
    before = _DONOR_BEFORE.search(sentence, 0, phrase_start) or _DONOR_RAISING.search(
        sentence, 0, phrase_start
    )
    gapped = _DONOR_GAPPED.search(sentence, 0, phrase_start)
    if gapped is not None and not _GIVER.search(sentence, 0, gapped.start()):
        gapped = None  # a name before a sum names a donor only after a donor's pledge
    match = (
        before
        or gapped
        or _DONOR_AFTER.match(sentence[phrase_end:])
        or (_DONOR_LISTED_AFTER.match(sentence[phrase_end:]) if listed else None)
        or _DONOR_POSSESSIVE.search(sentence, 0, phrase_start)
    )
    if match is None:
        return None
    name = match.group("name")
    first = name.split()[0]
    if first in _NO_ONE or first.lower() in TIME_WORDS:  # "by Friday", "by March"
        return None
    return cleaned_name(name)
