"""The counted thing of a figure: the noun phrase its number counts, and its rate and scope.

English without a part-of-speech tagger: a noun phrase is read word by word after the number
("40 ballistic missiles used in Ukraine" -> "ballistic missiles") and ends at punctuation, at a
function word or verb from a short list, or at the first word after a plural noun (plural
nouns end English noun phrases far more often than they modify another noun). One ``of``
complement is kept, since it names what packaging words count ("rounds of 152mm artillery
shells"). When nothing follows the number ("the toll rose to 500."), the phrase before it is
the thing ("toll").
"""

from __future__ import annotations

import re

from monitor.figures.lexicon import (
    ADJECTIVES,
    CHANGE_NOUNS,
    EVENTS,
    MEASURE_UNITS,
    NOUNS,
    PERSONS,
    VERBS,
    phrase_at,
)
from monitor.figures.number_words import ADD_VERBS, TEENS, TENS, UNITS
from monitor.figures.words import words_of

_NUMERAL = re.compile(r"[\d.,]+")
_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w\u00c0-\u024f'\u2019.-]*|[^\w\s]")
MAX_THING_WORDS = 6

# Words that end a noun phrase: function words and common reporting verbs.
_STOP = frozenset(
    """a an the and or but nor so yet to from in into on onto off at by for with without within
    came come comes went goes remain remains remained
    as than that which who whom whose where when while if because since until after before
    during over under between among against about around per via across through toward
    towards near is are was were be been being am has have had having do does did will would
    shall should can could may might must said says say told according reported reports
    used sent shipped delivered supplied provided fired launched killed wounded injured
    included including includes held made making each every this these those such its their
    his her our your my it they we he she there here not no also only just already still
    alone now then ago last next this year years month months week weeks day days them
    us him me you early late overnight today yesterday tonight later earlier recently again
    soon remain remains remained counted recorded registered announced given estimated
    published released cited yes nationally nationwide overall countrywide altogether
    once rather instead""".split()
) | frozenset(words[0] for words in ADJECTIVES if len(words) == 1)
_INNER_PREPOSITIONS = frozenset(("of", "in", "for"))
# Prepositions whose phrase follows the head it describes: "layoffs at Voskel", "the toll
# from the wildfire".
_PP_HEADS = frozenset("from by at on along across near after during among with since".split())
_SCALES = frozenset(
    "thousand thousands million millions billion billions trillion bn mn m k".split()
)
_DETERMINERS = frozenset(("the", "a", "an", "its", "their"))
# Participles that tie a head to its cause: "the death toll linked to the blackout".
_CAUSE_LINK = re.compile(
    r"\b(?:linked|related|attributed|attributable|tied|connected|blamed|due)\s+(?:to|on)"
    r"(?:\s+(?:the|a|an|its|their))?$"
)
# Words after which a number's "thing" continues past a plural noun.
_COMPLEMENT = "of"
RATES = {
    "daily": "daily",
    "weekly": "weekly",
    "monthly": "monthly",
    "annual": "annual",
    "annually": "annual",
    "yearly": "annual",
    "quarterly": "quarterly",
}
_PERIOD_RATE = {"day": "daily", "week": "weekly", "month": "monthly", "year": "annual"}
# "50,000 rounds a month", "per day", "each year", "every week"
_RATE_AFTER = re.compile(
    r"\s*(?:a|an|per|each|every)\s+(day|week|month|year)\b"
    r"(?!\s+(?:earlier|ago|before|later|after|previously))",
    re.IGNORECASE,
)
_RATE_BEFORE = re.compile(
    rf"\b({'|'.join(RATES)})\s+(?:[\w'\u2019-]+\s+){{0,3}}(?:of|at|to|reached|was|is)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?$",
    re.IGNORECASE,
)
# Frames that make a figure a different measure from the plain count: "2022's record of 48".
# An estimate or a pledge of a count is that count, said with a qualifier or an event.
SCOPE_WORDS = frozenset(
    "record target goal quota cap ceiling limit forecast projection "
    "shortfall deficit surplus peak".split()
)
# Verbs and prepositions between a thing named before its number and the number.
_LINK_BEFORE = frozenset(
    """of at to by is was are were rose fell reached hit stood totalled totaled totals
    reach reaches grew jumped climbed dropped declined increased decreased worth valued
    cost costs possibly probably about around roughly nearly almost some estimated an
    be been being now alone had has have from risen rise rises soared soars surged surges
    tops topped hits passes passed nears neared exceeds exceeded climbs rises jumps stands
    stood amounts amounted amount came comes put puts up down stand averaging averaged out
    averages totalling totaling reaching nearing topping exceeding eased eases slipped slips
    rebounded rebounds plunged plunges plummeted slumped slumps tumbled
    edged dipped dips fallen recorded registered reported counted logged confirmed went gone
    accounts account accounted rising climbing growing falling dropping still could may
    might would will expected likely set feared forecast projected predicted poised doubled
    halved tripled trebled quadrupled shrunk shrank beyond above below grown revised
    lowered corrected updated upgraded downgraded adjusted mean means meant reduced
    number numbers numbered numbering""".split()
)


def thing_after(sentence: str, position: int) -> tuple[str, int]:
    """Return the noun phrase starting at ``position`` of ``sentence`` and where it ends."""
    words: list[tuple[str, int, int]] = []
    plural_seen = False
    complement_used = False
    tokens = list(_TOKEN.finditer(sentence, position))
    for index, token in enumerate(tokens):
        word = token.group().rstrip(".")
        lower = word.lower()
        if words and words[-1][0].lower() in PERSONS and lower in (",", "and", "or"):
            listed = _people_listed(tokens, index)
            if listed is not None:
                # "312 passengers and crew", "40 men, women and children": one count of people
                last = tokens[listed - 1]
                words.append((last.group(), last.start(), last.end()))
                break
        if not word or not word[0].isalnum() or _NUMERAL.fullmatch(word):
            break  # punctuation, or another number ("+44 20 7946": not a thing)
        if lower in _NUMBER_WORDS and lower != "one":
            if words and words[-1][0].lower() == _COMPLEMENT:
                continue  # "two of the four closed mines": the whole's count, then its noun
            break  # "up from 85 two days ago": another number, in words
        if not words and _past_verb(lower) and not _noun_follows(tokens, index):
            break  # "three of the injured died": the verb after, no noun
        if not words and lower in _SAID_BEFORE and _participle(tokens, index + 1):
            break  # "the 3% first offered", "the 12 initially reported missing": no thing here
        if lower in _DETERMINERS and not words and not _inverted(sentence, position, tokens, index):
            break  # "not the nine the prison service reported": a clause, not the thing
        if lower in _DETERMINERS and (
            not words
            or (
                len(words) >= 2
                and words[-1][0].lower() == _COMPLEMENT
                and words[-2][0].lower() in MEASURE_UNITS
            )
        ):
            # "40% of the budget", "20,000 litres of the chemical": past the article (but
            # "60 missiles of the KN-23 type" ends before it)
            continue
        if lower == _COMPLEMENT and words and not complement_used:
            complement_used, plural_seen = True, False
            words.append((word, token.start(), token.start() + len(word)))
            continue
        after_possessive = bool(words) and words[-1][0].endswith(("'s", "\u2019s"))
        after_of = bool(words) and words[-1][0].lower() == _COMPLEMENT
        if (
            lower in _PARTICIPLES
            and (not words or after_possessive or after_of)
            and _noun_follows(tokens, index)
        ):
            # "300 recorded songs", "38 confirmed cases", "the North's estimated exports": a
            # participle before its noun
            words.append((word, token.start(), token.start() + len(word)))
            continue
        if plural_seen or lower in _STOP or len(words) >= MAX_THING_WORDS:
            break
        words.append((word, token.start(), token.start() + len(word)))
        if token.group().endswith(".") and not token.group().endswith(".."):
            break  # a word ending the sentence or an abbreviation ends the phrase
        plural_seen = (
            _looks_plural(lower)
            and not _name_before_noun(word, tokens, index)
            and not _members_follow(lower, tokens, index)
        )
    while words and words[-1][0].lower() == _COMPLEMENT:
        words.pop()  # "of" with nothing countable after it
    if not words:
        return "", position
    return sentence[words[0][1] : words[-1][2]], words[-1][2]


def _members_follow(word: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether a collective noun is the first word of its members: "three staff members",
    "40 crew members"."""
    following = tokens[index + 1].group().lower() if index + 1 < len(tokens) else ""
    return word in _COLLECTIVES and following in ("members", "member")


_COLLECTIVES = frozenset("staff crew personnel police family union team".split())


def _name_before_noun(word: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether a capitalised plural is a name's last word before the counted noun: "2,700
    Skarvel Airways passengers", "400 Halden Industries workers"."""
    if not word[:1].isupper() or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1].group().rstrip(".")
    return following[:1].islower() and following not in _STOP and _looks_plural(following)


# "brings to 3,000 the number of dead", "puts at 40 the toll": the thing comes after.
_INVERTED_BEFORE = re.compile(r"\b(?:to|at)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_INVERTED_NOUNS = frozenset("number total toll count tally figure death".split())


def _inverted(sentence: str, position: int, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether a determiner right after a number opens the thing it counts ("brings to three
    the number of people detained") rather than a clause of its own."""
    following = tokens[index + 1].group().lower() if index + 1 < len(tokens) else ""
    before = sentence[:position]
    return (
        following in _INVERTED_NOUNS
        or bool(_INVERTED_BEFORE.search(before[-40:]))
        or before.rstrip().lower().endswith(" of")  # "38 percent of the promised aid"
    )


def _people_listed(tokens: list[re.Match[str]], index: int) -> int | None:
    """Return the end (a token index) of a list of people nouns going on at ``index`` (", women
    and children", "and crew"), or None: it must close with "and" or "or" and a people noun."""
    closed = False
    while index + 1 < len(tokens):
        mark = tokens[index].group().lower()
        if mark == "," and tokens[index + 1].group().lower() in ("and", "or"):
            index += 1
            mark = tokens[index].group().lower()
        if mark not in (",", "and", "or") or index + 1 >= len(tokens):
            break
        noun = tokens[index + 1].group().rstrip(".").lower()
        if noun not in PERSONS:
            break
        closed = mark in ("and", "or")
        index += 2
        if closed:
            return index
    return None


# Participles that end a phrase after a number ("the 30 counted on Thursday") unless a noun
# follows them ("38 confirmed cases").
_PARTICIPLES = frozenset(
    "counted recorded registered announced given estimated published released cited reported "
    "confirmed".split()
) | frozenset(words[0] for words in ADJECTIVES if len(words) == 1)


# Adverbs that date a participle back to the first report: "the €250 million first announced".
FIRST_SAID = frozenset("first initially originally".split())
# ... and "the figure of 41,500 previously given": no thing after the number either.
_SAID_BEFORE = FIRST_SAID | {"previously"}
# What holds or moves goods, measured in their unit but a measure of its own: "state stocks
# have recovered to 600,000 tonnes" after "imported 580,000 tonnes of wheat".
STOCK_NOUNS = frozenset(
    """stocks reserves stockpile stockpiles inventories inventory imports exports harvest
    production output supplies supply storage deliveries shipments""".split()
)


def _participle(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the token at ``index`` is a participle that ends the phrase ("the 3% first
    offered by", "the €250 million first announced."), not one before its noun ("the 40
    initially trapped miners")."""
    if index >= len(tokens):
        return False
    word = tokens[index].group().lower().rstrip(".")
    if not (word.endswith("ed") or word in ("given", "shown", "put", "set", "thought")):
        return False
    if index + 1 >= len(tokens) or tokens[index].group().endswith("."):
        return True
    after = tokens[index + 1].group().lower()
    return not after[0].isalnum() or after in _STOP or (after,) in ADJECTIVES


def _noun_follows(tokens: list[re.Match[str]], index: int) -> bool:
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1].group().rstrip(".").lower()
    # "three of the injured died": a verb in the past is no noun ("38 confirmed cases" is)
    return following[:1].isalpha() and following not in _STOP and not _past_verb(following)


# Past forms the "-ed" test misses.
_PAST_VERBS = frozenset("died fled froze wept".split())


def _past_verb(word: str) -> bool:
    return (word.endswith("ed") and (word,) in VERBS) or word in _PAST_VERBS


# "the number of people killed ... rose to 18": the people are what the number counts.
_NUMBER_OF = re.compile(
    r"\b(?:the\s+)?(?:number|total|count|tally)\s+of\s+(?P<thing>(?:[A-Za-z][\w'-]*\s+){0,4}?"
    r"[A-Za-z][\w'-]*)(?=\s+(?:killed|dead|who|that|which|in|at|on|by|from|with|to|has|have|had|"
    r"was|were|is|are|rose|risen|reached|stood|stands|climbed|fell|fallen|now|[a-z]+ed|"
    r"hit|left|held|kept|taken|struck|shut|cut|lost|caught|sent|given|put|brought|made|"
    r"up|down|upward|downward|sharply|further|laid|paid|sold|built|found|it|they|he|she|we|"
    r"went|gone)\b)",
    re.IGNORECASE,
)


_SINCE = re.compile(r"\bsince\b")


def thing_before(sentence: str, position: int) -> str:
    """Return the noun phrase that names what a number at ``position`` measures, or ""."""
    clauses = re.split(
        r"[,;:()\u2013\u2014]",
        _MORE_THAN.sub("", _SPAN.sub("", _MANNER.sub("", sentence[:position]))),
    )
    clause = clauses[-1]
    changed = _CHANGED_BY_THEN_TO.search(clause)
    if changed is not None:
        # "confirmed cases rose 28% in the week to 2,950": what rose is what reached it
        clause = f"{clause[: changed.start()]} {changed.group('verb')} to "
    counted = _NUMBER_OF.search(clause)
    if counted is not None:
        return counted.group("thing")
    part_of = _OF_THE.match(sentence[:position])
    if part_of is not None and len(clauses) == 2:
        # "Of the suspected cases, 167 are in Tavelko"; "Of the 65 rescuers who went, 12 ..."
        whole = _LEADING_NUMERAL.sub("", part_of.group("thing"))
        relative = _RELATIVE.search(whole)
        verb = whole[relative.end() :].split()[:1] if relative else []
        if relative is not None and not (verb and names_an_event(verb[0].lower())):
            whole = whole[: relative.start()]  # "who went to Dornach" says nothing befell them
        return whole
    phrase = _phrase_before(clause)
    if not phrase and len(clauses) >= 2 and _only_links(clause) and _continues(clause):
        # "New cases are still rising, from 60 to 140 a day": the subject is a clause back.
        # "risen to $5.5 million since the cable was cut, from $3 million": not the cable
        earlier = _SINCE.split(clauses[-2])[0]
        phrase = _phrase_before(earlier) if not _apposition(clauses[-2], clause) else ""
    if not phrase and len(clauses) >= 3 and _apposition(clauses[-2], clause):
        # "Suspected cases in Kesmar, a rural region, have risen to 486": past the apposition.
        return _phrase_before(clauses[-3])
    return phrase


# "the price recovered slightly to", "arrivals rose steadily to": how it moved, not what.
_MANNER = re.compile(r"\s+[a-z]{3,}ly(?=\s+(?:to|by|from|at)\s)")
# "cases have nearly tripled in three days to": how long it took, not what.
_SPAN = re.compile(
    r"\s+(?:in|over|within)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?(?:[a-z0-9]+\s+)?"
    r"(?:days?|weeks?|months?|hours?|years?|fortnight)(?=\s+(?:to|by)\s+$)",
    re.IGNORECASE,
)
# "cases have more than doubled to": by how much, not what.
_MORE_THAN = re.compile(
    r"\s+(?:more|less)\s+than(?=\s+(?:doubled|tripled|trebled|quadrupled|halved)\b)",
    re.IGNORECASE,
)
_LEADING_NUMERAL = re.compile(r"^\d[\d,.]*\s+")
_RELATIVE = re.compile(r"\s+(?:who|whom|which|that)\b")
_SO_FAR = re.compile(r"\bso\s+far\b", re.IGNORECASE)
_CHANGED_BY_THEN_TO = re.compile(
    r"\s(?P<verb>rose|risen|fell|fallen|jumped|climbed|increased|grew|grown|dropped|declined|"
    r"surged|soared|slipped|dipped|edged\s+up|edged\s+down)\s+(?:by\s+)?[\d.,]+\s*"
    r"(?:%|per\s*cent|percent)(?:\s+(?:in|over|on)\s+(?:the|a)\s+(?:day|week|month|year|"
    r"fortnight))?\s+to\s+(?:(?:about|around|nearly|almost|some|just\s+over|over)\s+)?$",
    re.IGNORECASE,
)


def thing_in_apposition(sentence: str, start: int, end: int) -> str:
    """Return the noun phrase a count set off by commas stands beside ("The remaining
    passengers, about 1,100, stayed aboard"), or ""."""
    if not re.match(r"\s*,", sentence[end:]) or not re.search(r",\s*$", sentence[:start]):
        return ""
    before = sentence[:start].rstrip()[:-1]
    clause = re.split(r"[,;:()\u2013\u2014]", before)[-1]
    words = _TOKEN.findall(clause)
    if not words or not _looks_plural(words[-1].lower()) or words[-1].lower() in _STOP:
        return ""
    return _phrase_before(clause)


# Numbers in words end a phrase read backwards: "eight feeding centres, up from five".
_NUMBER_WORDS = frozenset((*UNITS, *TEENS, *TENS))
_VERB_FIRST = frozenset(
    "have has had is are was were rose risen reached stood stands climbed fell fallen now".split()
)


_CONTINUING = frozenset("from up down rising falling climbing compared against to".split())


def _continues(clause: str) -> bool:
    """Whether a clause goes on with the subject of the one before: ", from 60 to 140"."""
    first = clause.split()[:1]
    return bool(first) and first[0].lower() in _CONTINUING


def _apposition(middle: str, last: str) -> bool:
    """Whether ``middle`` is an apposition ("a largely rural region") between a subject and
    the verb that opens ``last`` ("have risen to")."""
    first = middle.split()[:1]
    verb = last.split()[:1]
    return (
        bool(first)
        and first[0].lower() in ("a", "an", "the")
        and bool(verb)
        and verb[0].lower() in _VERB_FIRST
        and _only_links(last)
    )


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CHANGE_NOUNS = CHANGE_NOUNS
_OF_THE = re.compile(r"^\s*Of\s+(?:the|these|those|its|their)\s+(?P<thing>[^,]{1,60}),", re.I)


def _only_links(clause: str) -> bool:
    words = [w for w in _TOKEN.findall(clause) if w[0].isalnum()]
    return bool(words) and all(w.lower() in _LINK_BEFORE or w.lower() in _STOP for w in words)


def _phrase_before(clause: str) -> str:
    # "Assets recovered so far total", "prices have so far gone up by": "so far" says when
    clause = _SO_FAR.sub(" ", clause)
    words: list[str] = [w.rstrip(".") for w in _TOKEN.findall(clause) if w[0].isalnum()]
    popped: list[str] = []
    phrase: list[str] = []
    while words and (words[-1].lower() in _LINK_BEFORE or words[-1].lower() in ("there", "here")):
        if popped == ["of"] and words[-1].lower() in _CHANGE_NOUNS:
            phrase = [words.pop()]  # "a pay rise of 12%": the rise is the thing
            break
        popped.append(words.pop().lower())
    if popped[:2] == ["to", "up"] and words and words[-1].lower() in ADD_VERBS:
        words.pop()  # "the fines now add up to": what adds up is the thing
        while words and words[-1].lower() in _LINK_BEFORE:
            words.pop()
    if "from" in popped and words and words[-1].lower() in _CHANGE_NOUNS:
        return ""  # "an increase from 24.2 to 33 billion": the change, not a thing
    index = len(words) - 1
    while index >= 0:
        lower = words[index].lower()
        if len(phrase) >= 6:
            # "the death toll from Monday's fire in a Velmora metro tunnel": a long phrase
            # after the head, which a preposition a few words back opens
            opening = _pp_head_before(words, index)
            if opening is None:
                break
            phrase = []
            index = opening - 1
            continue
        before = words[index - 1].lower() if index > 0 else ""
        if _YEAR.fullmatch(lower) and before in ("in", "since", "for"):
            index -= 2  # "the flash count in 2018 at 2483805": the year says when
            continue
        if lower in _NUMBER_WORDS and phrase and before in ("the", "these", "those"):
            phrase.insert(0, words[index])  # "the toll in the two countries": known ones
            index -= 1
            continue
        if _NUMERAL.fullmatch(lower) or lower in _SCALES or lower in _NUMBER_WORDS:
            break  # another number: "rose from 2,900 to 3,000" counts nothing named "900"
        recipients = None if phrase else _recipients_start(words, index)
        if recipients is not None:
            # "aid to Tolmirra to $1.1 billion", "aid for Velmark and Drusna from €150
            # million": whom, not what
            index = recipients - 1
            continue
        if phrase and (lower in _PP_HEADS or (lower == "against" and phrase[0][:1].isupper())):
            # "the death toll from the Dravesk wildfire rose to": the head is before "from";
            # "claims against Pelmar have reached": before "against" a name (not "against a
            # target of").
            phrase = []
            index -= 1
            continue
        cause = _cause_link(words, index) if phrase else 0
        if cause:
            # "the death toll linked to the blackout rose to 4": the head is the toll.
            phrase = []
            index -= cause
            continue
        if lower in _DETERMINERS and before in _PP_HEADS and phrase:
            phrase = []
            index -= 2
            continue
        if lower in _INNER_PREPOSITIONS and phrase:
            phrase.insert(0, words[index])  # "value of the artillery": the head is before "of"
        elif lower in _DETERMINERS and before in _INNER_PREPOSITIONS and phrase:
            phrase.insert(0, words[index])
        elif phrase and lower in _PARTICIPLES and lower not in _LINK_BEFORE:
            phrase.insert(0, words[index])  # "suspected cholera cases": a modifier
        elif lower in _STOP or lower in _LINK_BEFORE:
            break
        else:
            phrase.insert(0, words[index])
        index -= 1
    while phrase and phrase[0].lower() in _INNER_PREPOSITIONS | _DETERMINERS:
        phrase.pop(0)
    if not phrase and words and names_an_event(words[-1].lower()):
        return words[-1]  # "killed at least 87": the verb says what befell those counted
    return " ".join(phrase)


def _pp_head_before(words: list[str], index: int) -> int | None:
    """Return where a preposition that opens a phrase after its head stands, in the few
    words up to ``index``, with a word that may be the head before it; else None."""
    for at in range(index, max(index - 4, 0), -1):
        if words[at].lower() in _PP_HEADS and words[at - 1].lower() not in _STOP:
            return at
    return None


def _cause_link(words: list[str], index: int) -> int:
    """Return how many words "linked to (the)" ends with at ``index``, or 0."""
    found = _CAUSE_LINK.search(" ".join(words[max(index - 2, 0) : index + 1]).lower())
    return len(found.group().split()) if found else 0


def _recipients_start(words: list[str], index: int) -> int | None:
    """Return where "to Tolmirra" or "for Velmark and Drusna" starts, when the names end at
    ``index``, or None."""
    while index >= 1 and words[index][:1].isupper():
        before = words[index - 1].lower()
        if before in ("to", "for"):
            return index - 1
        if before != "and" or index < 2:
            return None
        index -= 2
    return None


def _adjectives() -> dict[str, str]:
    """Return each event's adjective, its label when that is one: "treated for injuries" is
    said "injured", "were admitted" "hospitalised"."""
    first = {key: " ".join(words) for words, key in reversed(list(ADJECTIVES.items()))}
    labels = {key: event.label for key, event in EVENTS.items()}
    return {
        key: labels[key] if tuple(labels[key].split()) in ADJECTIVES else said
        for key, said in first.items()
    }


_ADJECTIVE_OF = _adjectives()


def event_word_after(
    sentence: str, position: int, *, verbs: bool = False
) -> tuple[str, int] | None:
    """Return the event words standing for a left-out noun right after a number, and their
    end: "nearly 1,000 wounded", "at least 40 killed", "83 killed or injured"; with ``verbs``
    (after an auxiliary) a verb's forms too: "44 were treated for injuries"."""
    words = []
    for word in words_of(sentence, position)[:4]:
        if word.is_mark or word.is_number:
            break
        words.append(word)
    lower = [word.lower for word in words]
    found = phrase_at(lower, 0, ADJECTIVES, longest=4)
    if found is None and verbs:
        verb = phrase_at(lower, 0, VERBS, longest=4)
        said = _ADJECTIVE_OF.get(verb[0]) if verb is not None else None
        if verb is not None and said is not None:
            # The verb's event said as its adjective, which stands for the people counted.
            return said, words[verb[1] - 1].end
    if found is None:
        return None
    start, end = words[0].start, words[found[1] - 1].end
    # "nearly 200 wounded soldiers": the event word before the noun it befell.
    noun, noun_end = thing_after(sentence, end)
    if noun:
        return f"{sentence[start:end]} {noun}", noun_end
    return sentence[start:end], end


def names_an_event(phrase: str) -> bool:
    """Whether a word or phrase says what happened: "killed", "the dead", "deaths"."""
    return any(
        (word,) in VERBS or (word,) in ADJECTIVES or (word,) in NOUNS
        for word in phrase.lower().split()
    )


def names_people(phrase: str) -> bool:
    """Whether a phrase's last word counts people: "the number of people", "guards"."""
    words = phrase.lower().split()
    return bool(words) and words[-1] in PERSONS


def rate_of(sentence: str, number_start: int, thing_end: int) -> str | None:
    """Return the period a figure is counted per, if the words around it name one.

    "50,000 rounds a month" and "a monthly shortfall of 50,000 rounds" are rates; a "monthly
    report" further back in the sentence is not.
    """
    per_unit = _per_unit(sentence, thing_end)
    if per_unit is not None:
        # "120 litres per person a day" and "100 litres per person": the same ration, so
        # much for each, however often the text says it is given.
        return per_unit
    after = _RATE_AFTER.match(sentence, thing_end)
    if after:
        return _PERIOD_RATE[after.group(1).lower()]
    before = _RATE_BEFORE.search(sentence[:number_start])
    return RATES[before.group(1).lower()] if before else None


# "€30,000 to each bereaved family", "30 litres per car", "€1,000 each": so much for each of
# many, a measure of its own beside the total.
_HOLDER_ENDS = (
    r"(?=\s*(?:[,.;:)\"\u201d]|$|"
    r"(?:a|an|per|each|every|in|on|at|for|from|to|and|or|by|with|the|until|since)\b))"
)
_EACH_AFTER = re.compile(rf"\s*each{_HOLDER_ENDS}", re.IGNORECASE)
_PER_HOLDER_AFTER = re.compile(
    r"\s*(?:per|(?:to|for)\s+(?:each|every))\s+(?P<first>[a-z]+)(?:\s+(?P<second>[a-z]+))?",
    re.IGNORECASE,
)
# "a" is an article as often as it is "per": "detained 40 people a local farmer said were
# protesters". Only a holder that ends its phrase is one.
_A_HOLDER_AFTER = re.compile(
    rf"\s*an?\s+(?:(?P<first>[a-z]+){_HOLDER_ENDS}|[a-z]+\s+(?P<second>[a-z]+){_HOLDER_ENDS})",
    re.IGNORECASE,
)


def _per_unit(sentence: str, position: int) -> str | None:
    """The holder a figure at ``position`` is counted for each of: "per car", "each"."""
    if _EACH_AFTER.match(sentence, position):
        return "each"
    found = _PER_HOLDER_AFTER.match(sentence, position) or _A_HOLDER_AFTER.match(sentence, position)
    if found is None:
        return None
    for group in ("first", "second"):
        word = (found.group(group) or "").lower()
        if word in PER_UNITS:
            return f"per {PER_UNITS[word]}"
    return None


# Holders a figure may be counted for each of, and the one each names ("a head": a person).
PER_UNITS = {
    word: word
    for word in """person family household car vehicle driver motorist depositor customer
    account worker employee patient child pupil student passenger resident farmer victim
    member nurse dockworker miner home house farm""".split()
} | {"head": "person", "capita": "person"}


def scope_of(sentence: str, number_start: int) -> str | None:
    """Return the frame of a figure written as "<frame> of <number>", e.g. "2022's record"."""
    match = re.search(
        r"((?:\b\d{4}['\u2019]s\s+|\bthe\s+|\ba\s+|\bits\s+|\btheir\s+)?(?:[\w-]+\s+)?"
        r"(?P<word>[A-Za-z]+))\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?$",
        sentence[:number_start],
    )
    if match is None or match.group("word").lower() not in SCOPE_WORDS:
        return None
    words = match.group(1).split()
    while words and words[0].lower() in ("the", "a", "an", "its", "their"):
        words.pop(0)
    # Keep the year's possessive and the frame word; drop other modifiers ("monthly").
    kept = [w for w in words if re.match(r"\d{4}['\u2019]s$", w) or w is words[-1]]
    return " ".join(kept).replace("\u2019", "'").lower()


_IRREGULAR_PLURALS = frozenset(
    "people children men women police personnel staff cattle aircraft sheep fish deer "
    "livestock data media feet teeth mice geese".split()
)


def _looks_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "\u2019s"))
    )
