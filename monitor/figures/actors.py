"""Who gives a sum of money, when the sentence names them: "Halvenia pledged €10 million",
"with Corvania pledging €7 million", "the €20,000 promised by Velmaria".

Each donor's pledge is a measure of its own beside the total ("aid pledged by Halvenia",
"aid pledged"): a donor raising its pledge is news, and its pledge is not the total. Only a
capitalised name is a donor; "the government", "donors" or "officials" name no one in
particular and leave the sum to the measure of all pledges.
"""

from __future__ import annotations

import re

from monitor.figures.places import NAME_PATTERN, cleaned_name

# The verbs of giving whose subject is the donor.
_GIVING = (
    r"(?:pledged|pledges|pledging|pledge|promised|promises|promising|offered|offers|offering|"
    r"donated|donates|donating|committed|commits|gave|gives|giving|granted|grants|"
    r"contributed|contributes|paid|pays|paying|sent|sends|sending|earmarked|allocated)"
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
    rf"contributed|paid|sent|earmarked|allocated)\s+by\s+(?:the\s+)?(?P<name>{NAME_PATTERN})"
)
# Capitalised words that open a clause without naming anyone.
_NO_ONE = frozenset(
    """The A An It He She They We I You This That These Those Its Their His Her Our Officials
    Donors Governments Government Authorities Ministers Minister Abroad Overall Together In
    Of So Meanwhile""".split()
)


def read_donor(sentence: str, phrase_start: int, phrase_end: int) -> str | None:
    """Return who gives the sum at ``phrase_start:phrase_end`` of ``sentence``, if named."""
    before = _DONOR_BEFORE.search(sentence, 0, phrase_start)
    match = before or _DONOR_AFTER.match(sentence[phrase_end:])
    if match is None:
        return None
    name = match.group("name")
    if name.split()[0] in _NO_ONE:
        return None
    return cleaned_name(name)
