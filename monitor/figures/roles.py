"""When a figure holds: what the article reports now, a past value, or a forecast.

A **previous** value is history the sentence recalls: "up from 1,000", "rising from 900 to
1,200" (900), "compared with 300 a week earlier", "the earlier estimate of 3 million",
"last week's 40", "the 1,000 containers it had reported in October", "had previously put
the figure at 300", "to 1,900 from 2,300" (2,300), "2,000 rather than 1,200", "48, not 55 as
first reported", "22 of the 37 it had closed" (37), "where 70 had taken shelter". It may
corroborate or date an earlier value but never alerts, and never counts as what the article
reports now.

A **forecast** ("the toll could rise to 20,000", "is expected to reach") is a value of its
own measure, not the count so far: it gets the scope "forecast".

Each rule looks at the words right before the number phrase (qualifiers included) or right
after its counted phrase, inside the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from monitor.figures.number_words import QUALIFIER_BEFORE, SPELLED_PATTERN

Role = Literal["current", "previous"]

_DET = r"(?:(?:the|an?|its|their|his|her|our|this|that)\s+)?"
_ANY = r"[A-Za-z\u00c0-\u024f'\u2019-]+"  # a word, never a number
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_CHANGE = (
    r"up|down|rising|rose|risen|climbing|climbed|jumping|jumped|increasing|increased|"
    r"growing|grew|grown|falling|fell|fallen|dropping|dropped|declining|declined|revised|"
    r"raised|lowered|corrected|adjusted|doubling|doubled|tripling|tripled|swelling|swelled|"
    r"surging|surged|soaring|soared|increase|rise|jump|drop|fall|decline|climb|change|shift|"
    r"swung|moving|moved|edging|edged|upgraded|downgraded|updated"
)
# "up from 900", "rose sharply from the 900 reported", "revised down from"
_FROM = re.compile(
    rf"\b(?:{_CHANGE})\s+(?:(?:sharply|slightly|steadily|significantly|markedly|only|just|"
    rf"further|again|up|down|upward|downward|upwards|downwards)\s+)*from\s+{_DET}"
    rf"(?:(?!to\s){_ANY}\s+){{0,4}}$",
    re.IGNORECASE,
)
# "up from 1,850 and 6,400": both values the change started from.
_FROM_AND = re.compile(
    rf"\b(?:{_CHANGE})\s+from\s+{_DET}[$\u20ac\u00a3]?\d(?:[\d,.]*\d)?\s*(?:%|{_ANY})?\s+and\s+"
    rf"{_DET}$",
    re.IGNORECASE,
)
# "raising the toll from the 23 announced", "cut its estimate from 80,000": the value the
# revision started from, with what was revised between.
_REVISED_FROM = re.compile(
    r"\b(?:raising|lowering|revising|cutting|bringing|pushing|taking|raised|lowered|revised|"
    r"cut|brought|pushed|took|raise|lower|revise)\s+(?:the|its|their|his|her|this|that)\s+"
    rf"(?:{_ANY}\s+){{0,2}}?(?:toll|figure|estimate|count|number|total|tally|forecast|target|"
    rf"projection)\s+(?:(?:up|down)\s+)?from\s+{_DET}(?:{_ANY}\s+){{0,2}}$",
    re.IGNORECASE,
)
_BARE_FROM = re.compile(rf"\bfrom\s+{_DET}(?:(?!to\s){_ANY}\s+){{0,3}}$", re.IGNORECASE)
_TO_NUMBER = re.compile(
    r"[^.;:\d]{0,60}?\bto\s+(?:(?:about|around|nearly|almost|over|more\s+than|at\s+least|some|"
    r"roughly|an\s+estimated|just\s+over|just\s+under)\s+)?[$\u20ac\u00a3]?\d",
    re.IGNORECASE,
)
# "compared with 300", "against 41 a year earlier", "higher than the 300 reported"
_COMPARED = re.compile(
    rf"\b(?:compare[sd]?\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?|"
    rf"than\s+(?:the|its|their|last|an?\s+earlier|a\s+previous))\s+{_DET}(?:{_ANY}\s+){{0,4}}$",
    re.IGNORECASE,
)
# "more than double the 1,500 reported last week", "three times the 40 it counted".
_TIMES_THE = re.compile(
    rf"\b(?:double|twice|triple|treble|(?:three|four|five|ten)\s+times)\s+(?:the|its|their)\s+"
    rf"(?:(?!to\s|at\s){_ANY}\s+){{0,2}}$",  # "double its pledge to €20 million" is a verb
    re.IGNORECASE,
)
# Wire style puts the new value first: "raised its aid to 95 million from 60 million".
_TO_THEN_FROM = re.compile(
    r"\bto\s+(?:(?:about|around|nearly|almost|some|roughly|just\s+over|just\s+under)\s+)?"
    rf"(?:[$\u20ac\u00a3]?\d[\d,.]*|{SPELLED_PATTERN})\s*%?,?\s*(?:{_ANY},?\s+){{0,4}}?"
    # "risen to $5.5 million since the cable was cut, from $3 million": a since-clause between
    rf"(?:since\s+(?:{_ANY}\s+){{0,7}}?{_ANY},\s+)?from\s+{_DET}"
    r"(?:(?:peak|high|record|low|level|total|figure|estimate)\s+of\s+)?$",
    re.IGNORECASE,
)
# "2,000 positions rather than 1,200", "three plants instead of two"
_INSTEAD = re.compile(rf"\b(?:rather\s+than|instead\s+of)\s+{_DET}$", re.IGNORECASE)
# "48 suppliers, not 55 as first reported"
_NOT_BEFORE = re.compile(r"\bnot\s+$", re.IGNORECASE)
_AS_REPORTED_AFTER = re.compile(
    r"^\s*,?\s*as\s+(?:first|previously|earlier|initially|originally|wrongly|mistakenly)\s+"
    r"(?:reported|stated|said|announced|published|given)\b",
    re.IGNORECASE,
)
_AGAINST = re.compile(rf"\bagainst\s+{_DET}(?:{_ANY}\s+){{0,2}}$", re.IGNORECASE)
# "six aircraft flying, against four": set off by a comma, "against" compares with the past.
_SET_AGAINST = re.compile(r",\s*against\s+(?:[$\u20ac\u00a3]\s*)?$", re.IGNORECASE)
# "At the height of the blackout 450,000 customers had no power": the worst, now past.
_AT_HEIGHT = re.compile(
    r"\bat\s+(?:the|its|their)\s+(?:height|peak|worst)\b(?:\s+of\s+[^,.;:\d]{1,40}?)?"
    r"(?:,\s*|\s+)(?:(?:(?!\b(?:but|now|still|today|currently|falling|dropping|easing|"
    r"declining|receding)\b)[^.;:]){0,80}?\s)?$",
    re.IGNORECASE,
)
# "the earlier estimate of", "a previous toll of", "its former figure of", "the earlier plan
# for" (a plan, target or offer is for its number)
_EARLIER = re.compile(
    r"\b(?:previous|earlier|prior|former|(?-i:old)|outdated|superseded|last)\s+"
    rf"(?:(?:{_ANY}\s+){{0,3}}?(?:of|at|was|were|had\s+been|stood\s+at)|"
    r"(?:plans?|proposals?|targets?|offers?|bids?|budgets?|requests?)\s+for)\s+$",
    re.IGNORECASE,
)
# "the initial estimate of": history only when the sentence says it moved on.
_INITIAL = re.compile(
    rf"\b(?:initial|original|preliminary|provisional|first)\s+(?:{_ANY}\s+){{0,3}}?"
    r"(?:of|at|was|were)\s+$",
    re.IGNORECASE,
)
_MOVED_ON = re.compile(
    r"\b(?:revised|raised|lowered|updated|corrected|rose|risen|climbed|jumped|increased|"
    r"fell|fallen|dropped|now|has\s+since|since\s+(?:risen|grown|climbed|fallen)|double|"
    r"doubled|triple|tripled|twice|higher|lower)\b",
    re.IGNORECASE,
)
# "last week's 40", "last Thursday's 612", "yesterday's figure of 300"
_PAST_POSSESSIVE = re.compile(
    r"\b(?:last\s+(?:week|month|year|night|weekend|season|winter|summer|spring|autumn|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"yesterday|the\s+previous\s+"
    rf"(?:day|week|month|year))['\u2019]s\s+(?:{_ANY}\s+){{0,3}}?(?:of\s+)?$",
    re.IGNORECASE,
)
# A time gone by: "last year", "two decades (ago)".
_LAST_SEASON = r"last\s+(?:year|month|season|winter|summer|spring|autumn)"
_YEARS_BACK = r"(?:a|one|two|three|four|five|six|\d+)\s+(?:years?|decades?)"
# "Last year, a similar riot left 9 dead", "The previous eruption, in 2011, disrupted 1,100
# flights", "since 2011, when 25 inmates died": an earlier event's figures, told as
# background.
_EARLIER_EVENT = re.compile(
    r"(?:^\W*(?:(?:[A-Z]{2,}[\w ,.()-]{0,40}?\s+[-\u2013\u2014]\s+))?"
    rf"(?:{_LAST_SEASON}|{_YEARS_BACK}\s+ago|"
    r"in\s+the\s+previous\s+(?:year|season|outbreak|crisis))\s*,"
    r"|\ba\s+similar\s+[a-z]+(?:\s+[a-z]+){0,5}(?<!\bto)\s+last\s+(?:year|month|season|winter|"
    r"summer)"
    r"|^\W*the\s+(?:previous|last)\s+(?:[a-z]+\s+){0,2}[a-z]+,\s+in\s+(?:19|20)\d\d,)"
    # ... up to the number, in the same clause: not "..., but this week's riot has killed 14"
    r"(?:(?!,\s*(?:but|and|yet|while|as|with)\b|\b(?:now|this\s+(?:week|month|year)|on\s+"
    rf"{_WEEKDAY}|Monday's|today)\b)[^;:])*$"
    # "since 2011, when 25 inmates died": the number inside the when-clause
    # ... and "more than in the whole of last year, when 20 were killed"
    r"|\b(?:(?:since|in|of|during)\s+(?:19|20)\d\d|the\s+(?:year|month|season)\s+before|"
    rf"{_LAST_SEASON}|{_YEARS_BACK}\s+(?:ago|earlier)),\s+when\b[^,;:]*$",
    re.IGNORECASE,
)
# "peaked at 250,000 and has since fallen to 80,000", "250,000 customers ... at its peak,
# falling to 80,000": the peak is what was, the value it fell to what is.
_PEAKED_BEFORE = re.compile(rf"\bpeaked\s+at\s+{QUALIFIER_BEFORE}$", re.I)
_FELL_SINCE_AFTER = re.compile(
    r"^[^.;:]{0,60}?\b(?:fallen|fell|falling|dropped|dropping|eased|easing|declined|declining|"
    r"receded|receding)\s+(?:back\s+)?(?:to|by)\b",
    re.IGNORECASE,
)
_AT_PEAK_THEN_FELL_AFTER = re.compile(
    r"^[^.;:]{0,60}?\bat\s+(?:its|the|their)\s+(?:peak|height|worst)\b,?\s*(?:before\s+)?"
    r"(?:falling|dropping|easing|declining|receding)\b",
    re.IGNORECASE,
)
# "double Tuesday's tally of 310": a weekday's count, given with a newer one, is that day's.
_WEEKDAYS_TALLY = re.compile(
    rf"\b{_WEEKDAY}['\u2019]s\s+"
    r"(?:[a-z]+\s+)?(?:tally|figure|count|total|toll|estimate|number|level)\s+of\s+$"
)
# "had previously said 300", "had put the figure at 300", "earlier reported 300"
_REPORTED_BEFORE = re.compile(
    r"\b(?:had\s+(?:previously\s+|earlier\s+|initially\s+|originally\s+|first\s+)?|"
    r"(?:previously|earlier|initially|originally|formerly)\s+)"
    r"(?:said|reported|put(?!\s+on\b)|estimated|given|announced|counted|recorded|cited|stated|"
    r"listed|tallied|stood|confirmed|registered|logged|claimed|spoken\s+of|promised|pledged|"
    r"offered|demanded|sought)\b"
    rf"(?:\s+{_ANY}){{0,5}}?\s+(?:at\s+|of\s+|as\s+)?$",
    re.IGNORECASE,
)
# After the counted phrase: "... it had reported in October", "... a week earlier"
_HAD_REPORTED_AFTER = re.compile(
    r"^\s*(?:that\s+|which\s+)?(?:it|they|he|she|we|officials|authorities|"
    r"the\s+(?:[a-z]+\s+){0,2}[a-z]+|(?:her|his|its|their|our)\s+[a-z]+|[A-Z][a-z]+)\s+had\s+"
    r"(?:previously\s+|earlier\s+|initially\s+|first\s+)?"
    r"(?:reported|said|estimated|given|announced|counted|recorded|cited|put|confirmed|"
    r"registered|claimed)\b",
    re.IGNORECASE,
)
# "the 27 men who had been trapped", "the 40 hostages who had been held": a state that has
# ended; the count is what it was.
_STATE_ENDED_AFTER = re.compile(
    r"^\s*(?:who|that|which)\s+had\s+(?:been\s+|gone\s+)(?:trapped|held|stranded|missing|"
    r"detained|held\s+hostage|taken\s+hostage|kidnapped|abducted|cut\s+off|unaccounted\s+for)\b",
    re.IGNORECASE,
)
# "22 of the 37 it had closed", "where 70 had taken shelter": what had been done before the
# sentence's now is what was, not what is (outside reported speech, ``_backshifted``).
_WHOLE_BEFORE = re.compile(r"\bof\s+(?:the|its|their)\s+$", re.IGNORECASE)
_HAD_DONE_AFTER = re.compile(
    r"^\s*(?:that\s+|which\s+)?(?:it|they|he|she|we|[A-Z][\w-]*)\s+had\s+(?!been\b)[a-z]+\b"
)
# "The toll, which stood at three on Tuesday, rose to five": the clause gives the value the
# main verb then changed.
_WHICH_STOOD_BEFORE = re.compile(
    r",\s*which\s+(?:had\s+)?(?:stood|was|were|numbered|totalled|totaled)\s+(?:at\s+)?"
    r"(?:(?:about|around|some|nearly|almost|just)\s+)?$",
    re.IGNORECASE,
)
# "Flour, which had risen 35% by mid-August, now costs 21% more": what it had come to
# then, before the clause's now.
_WHICH_HAD_CHANGED_BEFORE = re.compile(
    r",\s*which\s+had\s+(?:risen|climbed|fallen|reached|jumped|dropped|grown|soared|surged|"
    rf"doubled|increased|decreased)\s+(?:to\s+|by\s+)?{QUALIFIER_BEFORE}$",
    re.IGNORECASE,
)
_NOW_AFTER = re.compile(
    r"^[^.;:,]{0,60},\s*(?:now|(?:has|have|is|are)\s+(?:now|since))\b[^.;:]*?\d",
    re.IGNORECASE,
)
_CHANGED_SINCE_AFTER = re.compile(
    r"^[^.;:,]{0,60},\s*(?:(?:has|have|had)\s+)?(?:now\s+|since\s+)?(?:rose|risen|fell|fallen|"
    r"climbed|jumped|dropped|grown|grew|increased|decreased|doubled|shrunk|shrank)\s+"
    r"(?:to|by|from)\b",
    re.IGNORECASE,
)
# "the 36 roads closed at the height of the storm": what was done at the worst, now past
# (but "500 homes are without power at the height of the storm" is the present).
_AT_HEIGHT_AFTER = re.compile(
    r"^\s*[a-z]+ed\b[^.;:,\d]{0,30}?\bat\s+(?:the|its|their)\s+(?:height|peak|worst)\b",
    re.IGNORECASE,
)
# "the 8% tariff increase announced in May has been cut to 5.5%": the value it was.
_REPLACED_AFTER = re.compile(
    r"^[^.;:,]{0,60}?\b(?:has|have|had|was|were)\s+(?:since\s+|now\s+)?been\s+"
    r"(?:cut|raised|lowered|revised|reduced|increased|trimmed|halved|doubled|scaled\s+back)"
    r"\s+(?:(?:down|up|sharply)\s+)?to\s+(?:about\s+|around\s+)?[\d$\u20ac\u00a3]",
    re.IGNORECASE,
)
# The number opens its noun phrase: "the 8% rise ... has been cut to", not "Supplies to
# 120,000 residents have been cut to".
_OPENS_PHRASE = re.compile(r"(?:^|[,;]|\b(?:the|its|their|a|an))\s*$", re.IGNORECASE)
# "and from a peak of 1.26 million", "well below the peak of €2.31": the worst, now past.
_FROM_PEAK = re.compile(
    r"\b(?:from|below|off)\s+(?:a|the|its|their)\s+(?:[\w-]+\s+)?(?:peak|high)\s+of\s+$",
    re.IGNORECASE,
)
# "the toll of six given earlier": a value given before.
_GIVEN_EARLIER_AFTER = re.compile(
    r"^\s*(?:(?:given|reported|announced|issued|published|cited)\s+"
    r"(?:earlier|previously|initially)|(?:earlier|previously|initially)\s+(?:given|reported|"
    r"announced|issued|published|cited))\b",
    re.IGNORECASE,
)
# "the €250 million first announced", "the 12 initially reported missing": the first report's
# value, recalled after a later one.
# "the 3% first offered", "the 240 the airline first reported", "the 60 it initially gave"
_FIRST_SAID_AFTER = re.compile(
    r"^\s*(?:(?:first|initially|originally|previously)\s+(?:[a-z]+ed|given|shown|put|set)|"
    r"(?:it|they|he|she|we|(?:the\s+)?[a-z]+|[A-Z][a-z]+)\s+(?:first|initially|originally|"
    r"previously)\s+(?:reported|announced|gave|given|put|estimated|said|counted|recorded|listed|"
    r"cited|stated|published|confirmed|registered))\b",
)
_RECALLED_BEFORE = re.compile(r"\b(?:the|its|their)\s+$", re.IGNORECASE)
# "Of the 900 rescuers deployed at the peak of the crisis, 200 remain": the peak is the
# whole's, not the part's.
_OF_THE_CLAUSE = re.compile(r"^\s*Of\s+(?:the|its|their)\s[^,]*", re.IGNORECASE)
_WHERE_BEFORE = re.compile(r"\b(?:where|when)\s+$", re.IGNORECASE)
_HAD_AFTER = re.compile(r"^\s*had\s+(?!been\b)[a-z]+\b")
# After a share: a change measured against a past time, not a past value.
_CHANGE_RATE = re.compile(
    r"\s*(?:more|less|higher|lower|fewer|up|down|above|below|dearer|cheaper|costlier|pricier)\b"
    r"[^.;:\d]{0,40}?"
    r"\b(?:than|from|on|compared)\b",
    re.IGNORECASE,
)
_UP_DOWN_BEFORE = re.compile(
    r"\b(?:up|down|rose|risen|fell|fallen|dropped|climbed|increased|decreased|jumped|slumped)"
    r"\s+(?:by\s+)?(?:(?:about|some|nearly|almost|around|roughly)\s+)?$",
    re.IGNORECASE,
)
_COMPARATIVE = re.compile(r"\b(?:more|less|higher|lower|fewer)\b", re.IGNORECASE)
_SHARE = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)


def _changed_by(sentence: str, before: str, start: int, end: int) -> bool:
    """Whether a share is a change ("costs 70% more than a year ago", "down 60% from a year
    earlier"): measured against a past time, it is today's figure."""
    if not _SHARE.search(sentence, start, end):
        return False
    return bool(
        _COMPARATIVE.search(sentence, start, end)
        or _CHANGE_RATE.match(sentence, end)
        or _UP_DOWN_BEFORE.search(before)
    )


# After "against": "against 60 counted on Monday", "against the 40% estimated last week".
_DATED_AFTER = re.compile(
    r"^\s*(?:(?:it|they|(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3}))?"  # "the Belmora Ledger reported"
    r"(?:counted|reported|recorded|estimated|given|announced|registered|confirmed|found|"
    r"tallied|listed)\s+(?:on|last|earlier|in|by|at|the\s+day|a\s+week|a\s+month)\b",
    re.IGNORECASE,
)
_AGO_AFTER = re.compile(
    r"^[^.;:,\d]{0,40}?\b(?:(?:a|one|two|three|four|five|six|\d+)\s+(?:day|week|month|year|"
    r"fortnight|hour)s?\s+(?:earlier|ago|before(?!\s+(?:tax|taxes|deductions)\b)|previously)|"
    r"the\s+(?:previous|prior|day\s+before)"
    r"(?:\s+(?:day|week|month|year))?(?!\s+(?:evening|morning|night|afternoon))|"
    r"earlier\s+(?:in\s+the|this|that)\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
# "on top of 960 during the first walkout": what an earlier round of the same event did.
_DURING_AN_EARLIER_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?during\s+(?:the|its|their)\s+(?:first|previous|earlier|last)\s+"
    r"(?!(?:days?|nights?|hours?|weeks?|months?)\b)[a-z]+",
    re.IGNORECASE,
)
_ADDED_TO_BEFORE = re.compile(r"\b(?:on\s+top\s+of|in\s+addition\s+to|besides)\s+$", re.I)
# After "against": "against 2,100 in the first week", "against 85,000 in its first count"
# (on its own, "in the first four days of a campaign" is no past value).
_FIRST_AFTER = re.compile(
    r"^[^.;:\d]{0,40}?\bin\s+(?:the|its|their|[\w-]+['\u2019]s|the\s+[\w-]+['\u2019]s)\s+"
    r"(?:first|previous|earlier|initial|original|last)\s+[a-z]+",
    re.IGNORECASE,
)
# "revising the figure of 14", "correcting its earlier toll of 30": the value replaced.
_REVISING = re.compile(
    r"\b(?:revising|revised|revise|revises|correcting|corrected|correct|corrects|updating|"
    r"updated|replacing|replaced|superseding|superseded)\s+(?:the|its|their|his|her|an?)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:figure|estimate|toll|count|number|tally|total)\s+of\s+$",
    re.IGNORECASE,
)
_FORECAST = re.compile(
    r"\b(?:could|may|might|would|will|expected\s+to|likely\s+to|feared\s+to|projected\s+to|"
    r"forecast\s+to|predicted\s+to|set\s+to|poised\s+to|threatening\s+to|warned\s+it\s+could)"
    r"\s+(?:\w+\s+){0,2}?(?:rise|reach|climb|top|exceed|hit|surpass|double|triple|increase|"
    r"grow|pass|approach|soar|jump|go\s+up|be|number|total)\s+(?:to\s+|as\s+high\s+as\s+|"
    r"as\s+many\s+as\s+)?$",
    re.IGNORECASE,
)


# "which had cut its demand to 9%", "had raised their offer to 6.5%": a position since left.
_HAD_MOVED_POSITION = re.compile(
    r"\bhad\s+(?:cut|raised|lowered|reduced|increased|revised|trimmed)\s+(?:its|their|his|her|"
    r"the)\s+(?:[\w-]+\s+)?(?:demand|offer|bid|estimate|forecast|claim|target)s?\s+"
    r"(?:(?:down|up)\s+)?to\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
# "By Thursday evening the centre had given 3,050 doses", "had given 21,500 of them by
# Thursday night": what had been done by the time of the report, its newest count.
_BY_TIME = (
    r"by\s+(?:mid-?\w+|noon|midday|midnight|nightfall|dawn|(?:late\s+|early\s+)?"
    rf"(?:{_WEEKDAY}|morning|afternoon|evening|night|the\s+end\s+of\s+the\s+day|this\s+\w+|"
    r"then|now))\b"
)
_DONE_BEFORE = re.compile(
    r"had\s+(?:given|counted|recorded|registered|logged|confirmed|reported|listed)\s+", re.I
)
_BY_THEN_OPENS = re.compile(rf"^(?:[A-Z][A-Z\s]+\s[-\u2013\u2014]\s+)?{_BY_TIME}", re.IGNORECASE)
_BY_THEN_AFTER = re.compile(rf"^[^.;:]{{0,40}}?\b{_BY_TIME}", re.IGNORECASE)
# A reporting verb before "had ...": the past perfect of reported speech, not an old value.
_SAID_THAT = re.compile(
    r"\b(?:said|says|told|reported|announced|added|stated|confirmed)\b(?:\s+(?:that|it|they|"
    r"he|she|we))?",
    re.IGNORECASE,
)


def _backshifted(before: str, match: re.Match[str]) -> bool:
    """Whether "had pledged" in ``before`` reports speech ("said donors had pledged"): a
    plain "had" after a reporting verb, without "previously", "earlier" and the like."""
    said = match.group(0).lower()
    if not said.startswith("had ") or re.match(
        r"had\s+(?:(?:previously|earlier|initially|originally|first|said|put|stated|cited)\b|"
        r"given\s+\S)",
        said,
    ):
        # "the company had said 14", "had given the toll as 30": what was said then, whoever
        # reports it; "said it had given 3,900 doses" is what was done
        return False
    if re.search(r"\b(?:that|which)\s+$", before[: match.start()]):
        return False  # "raising a toll that had stood at six": a relative clause, not speech
    clause = max(before.rfind(mark, 0, match.start()) for mark in ";:\u2014")
    return _SAID_THAT.search(before, clause + 1, match.start()) is not None


@dataclass(frozen=True, slots=True)
class RoleReading:
    role: Role
    words: str = ""  # the words that made it previous, as written
    forecast: str = ""  # the words that made it a forecast, as written


CURRENT = RoleReading("current")


def read_role(sentence: str, *, phrase_start: int, phrase_end: int, thing_end: int) -> RoleReading:
    """Return whether the figure at ``phrase_start:phrase_end`` is current or previous, and
    whether it is a forecast (module docstring)."""
    before = sentence[:phrase_start]
    after = sentence[max(phrase_end, thing_end) :]
    forecast = _FORECAST.search(before)
    said = forecast.group(0).strip() if forecast else ""
    for pattern in (
        _FROM,
        _WEEKDAYS_TALLY,
        _FROM_AND,
        _REVISED_FROM,
        _TO_THEN_FROM,
        _COMPARED,
        _INSTEAD,
        _EARLIER,
        _PAST_POSSESSIVE,
        _REPORTED_BEFORE,
        _HAD_MOVED_POSITION,
        _REVISING,
        _SET_AGAINST,
        _TIMES_THE,
        _AT_HEIGHT,
        _EARLIER_EVENT,
    ):
        match = pattern.search(before)
        if (
            match is not None
            and pattern in (_REPORTED_BEFORE, _HAD_MOVED_POSITION)
            and _backshifted(before, match)
        ):
            continue  # "said it had delivered 9,800 tonnes": reported speech, said now
        if (
            match is not None
            and pattern is _REPORTED_BEFORE
            and _DONE_BEFORE.fullmatch(match.group(0))
            and (_BY_THEN_OPENS.match(before) or _BY_THEN_AFTER.match(after))
        ):
            continue  # "By Monday afternoon the ministry had counted 236": the count so far
        if (
            match is not None
            and pattern is _WEEKDAYS_TALLY
            and not re.search(r"\d", before[: match.start()])
        ):
            continue  # "Monday's count of 900 is expected to rise": the newest, said first
        of_the = _OF_THE_CLAUSE.match(before)
        if match is not None and pattern is _AT_HEIGHT and of_the and match.start() < of_the.end():
            continue  # the peak belongs to the whole the sentence opens with
        if match is not None:
            return RoleReading("previous", match.group(0).strip(), said)
    bare = _BARE_FROM.search(before)
    if bare is not None and _TO_NUMBER.match(sentence, phrase_end):
        return RoleReading("previous", bare.group(0).strip() + " ... to", said)
    initial = _INITIAL.search(before)
    if initial is not None and _MOVED_ON.search(sentence):
        return RoleReading("previous", initial.group(0).strip(), said)
    against = _AGAINST.search(before)
    ago = _AGO_AFTER.match(after)
    if against is not None and ago is None:
        ago = _FIRST_AFTER.match(after) or _DATED_AFTER.match(after)
        if ago is not None:
            return RoleReading("previous", f"{against.group(0).strip()} ... {ago.group(0).strip()}")
    if against is not None and ago is not None:
        return RoleReading("previous", f"{against.group(0).strip()} ... {ago.group(0).strip()}")
    not_before = _NOT_BEFORE.search(before)
    as_reported = _AS_REPORTED_AFTER.match(sentence[phrase_end:])
    if not_before is not None and as_reported is not None:
        return RoleReading("previous", f"not ... {as_reported.group(0).strip()}", said)
    part = re.match(r"\s+of\s", sentence[phrase_end:]) is not None  # the whole's words
    recalled = (
        None
        if part
        else (
            _AT_HEIGHT_AFTER.match(after)
            or _GIVEN_EARLIER_AFTER.match(after)
            or (_OPENS_PHRASE.search(before) and _REPLACED_AFTER.match(after))
            or _FROM_PEAK.search(before)
            or (_RECALLED_BEFORE.search(before) and _FIRST_SAID_AFTER.match(after))
        )
    )
    if recalled is not None:
        return RoleReading("previous", recalled.group(0).strip(), said)
    during = (
        _DURING_AN_EARLIER_AFTER.match(after)
        if not part and _ADDED_TO_BEFORE.search(before)
        else None
    )
    if during is not None:
        return RoleReading("previous", during.group(0).strip(), said)
    had = _HAD_REPORTED_AFTER.match(after) or (None if part else _STATE_ENDED_AFTER.match(after))
    if had is not None:
        return RoleReading("previous", had.group(0).strip(), said)
    which = _WHICH_STOOD_BEFORE.search(before)
    if which is not None and _CHANGED_SINCE_AFTER.match(after):
        return RoleReading("previous", f"{which.group(0).strip(', ')} ... then changed", said)
    peak = (
        _PEAKED_BEFORE.search(before) if _FELL_SINCE_AFTER.match(after) else None
    ) or _AT_PEAK_THEN_FELL_AFTER.match(after)
    if peak is not None:
        return RoleReading("previous", f"{peak.group(0).strip(', ')} ... then fell", said)
    had_changed = _WHICH_HAD_CHANGED_BEFORE.search(before)
    if had_changed is not None and (_NOW_AFTER.match(after) or _CHANGED_SINCE_AFTER.match(after)):
        return RoleReading("previous", f"{had_changed.group(0).strip(', ')} ... now", said)
    done = (_HAD_DONE_AFTER.match(after) if _WHOLE_BEFORE.search(before) else None) or (
        _HAD_AFTER.match(sentence[phrase_end:]) if _WHERE_BEFORE.search(before) else None
    )
    if done is not None:
        return RoleReading("previous", done.group(0).strip(), said)
    if (
        ago is not None
        and re.search(r"\bsince\b", ago.group(0), re.IGNORECASE)
        and re.search(r"\b(?:has|have)\b", before, re.IGNORECASE)
    ):
        ago = None  # "have pledged $44 million since the quake struck a week ago": to date
    if ago is not None and not _changed_by(sentence, before, phrase_start, phrase_end):
        # "costs 70% more than a year ago": the change since then is today's figure.
        return RoleReading("previous", ago.group(0).strip(), said)
    return RoleReading("current", "", said)
