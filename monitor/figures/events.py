"""What happened to what a figure counts: the event the words around its number report.

"The quake killed 300 people", "300 people were killed", "300 dead", "1,000 wounded
soldiers", "the death toll rose to 300", "shipments of 11,000 containers": the event is read
from the words that govern the number, in this order of trust:

1. a verb right before the number ("killed 300", "has sent about 12,000", "supplied Russia
   with 5 million"), with any intent before it ("will send", "plans to cut");
2. an event word inside the counted phrase ("wounded soldiers", "deaths", "job cuts");
3. a clause of its own after the counted phrase ("300 people were killed", "who died");
4. the verb of an earlier figure the number is coordinated with ("shipped 11,000 containers
   ... as well as 40 missiles"), given by the caller;
5. a participle right after the counted phrase ("3,000 soldiers killed in Kursk");
6. the subject of a linking verb ("the death toll rose to 300", "the shipments amount to").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.figures.lexicon import (
    ADJECTIVES,
    NOUNS,
    TIME_WORDS,
    VERBS,
    VERBS_AFTER,
    phrase_at,
    phrase_ending_at,
)
from monitor.figures.number_words import TEENS, TENS, UNITS
from monitor.figures.things import FIRST_SAID
from monitor.figures.words import CLAUSE_MARKS, Word, lowers, words_of


@dataclass(frozen=True, slots=True)
class EventReading:
    key: str | None  # a key of lexicon.EVENTS, or None when the words name no event
    words: str = ""  # the words that said it, as written
    how: str = ""  # which rule found it (module docstring), for `monitor explain`
    intent: bool = False  # promised or planned, not done: "will send", "plans to cut"

    @property
    def governs(self) -> bool:
        """Whether a number coordinated with this one shares its event (rule 4)."""
        return self.how in ("verb before", "subject", AS_THE_WHOLE)


NO_EVENT = EventReading(None)
AS_THE_WHOLE = "as the whole it is part of"  # "Of those, 230,000 are in Ardassa"

# Words between a governing verb and its number: "killed an estimated 300", "sent a further".
_BEFORE_NUMBER = frozenset(
    "a an the some another further additional extra its their his her our these those this "
    "total of only just them us him".split()
)
# Words between a counted phrase and the verb of its clause: "300 people have been killed".
# "will" too: "2,600 people will lose their jobs" is what was announced ("could", "may" are
# forecasts, left to roles.py).
_AUX = frozenset("have has had been were was are is be being will".split())
# "1,200 of the factory's 5,300 workers are to lose their jobs": the clause is the part's
# (but "560 of the 640 drones launched": a participle is still the whole's).
_WHOLE_OF_PART = re.compile(
    r"\d[\d,.]*\s+of\s+(?:(?:the|its|their)\s+)?(?:[\w-]+['\u2019]s\s+)?$", re.IGNORECASE
)
# A clause about the place, not the count ("near the plant where workers were killed"); a
# "who" clause is the count's own ("the 300 workers at the plant who were laid off").
_RELATIVES = frozenset("where whose when".split())
# "will stay on board", "will remain closed": a state that goes on, not a plan.
_STAYS = frozenset("remain remains stay stays".split())
# What may follow the place of a count before its event: "19,000 households in the
# highlands and the north-east remained without electricity".
_STAYS_ANY = _STAYS | frozenset(("remained", "stayed"))
_AUX_OR_STAYED = _AUX | _STAYS_ANY
# "may have died" estimates what happened; "may lose their jobs" is yet to happen.
_MAY = frozenset(("may", "might", "could"))
_FILLERS = (
    _AUX
    | _MAY
    | frozenset(
        "who that which reportedly already now also all so far since then later of them whom "
        "officially allegedly still yet currently believed presumed feared thought known to "
        "reported confirmed remain remains remained stay stays stayed found listed registered "
        "classified recorded as actually".split()
    )
    | FIRST_SAID
)
# Linking words before a number whose subject names the event: "the death toll rose to".
_LINKS = frozenset(
    """to at of reached reach reaches hit hits topped tops passed passes exceeded exceeds
    neared nears totalled totaled totals is was are were be been stood stands stand rose
    risen rise rises climbed climbs jumped jumps surged surges soared soars increased
    increases grew grows amount amounts amounted came comes now likely probably possibly
    already has have had put puts by cover covers covered include includes included from""".split()
)
# Subjects of a clause whose object is the counted thing: "the 6 aircraft it pledged".
_PRONOUNS = frozenset("it they he she we".split())
# ... and such a clause is the whole's, not the part's: "4 of the 6 aircraft it pledged".
# "19 of the 27 inmates who escaped": a relative clause says what befell the whole.
# "2,100 of the 3,500 residents": a part, then its whole's number.
_PART_OF_NUMBER = re.compile(r"[^;]*?\s+of\s+(?:the|its|their)\s+[\d][\d,.]*\s", re.IGNORECASE)
# "three of the injured": a part of a whole named by what befell it.
_PART_OF_WHOLE_NAMED = re.compile(r"\S+\s+of\s+(?:the|those)\s+$", re.IGNORECASE)
# The auxiliary of a clause's own verb, within its first words: "... were allowed home".
_FINITE_AFTER = re.compile(
    r"(?<=\s)(?:were|was|are|is|have|has|had)\b(?=[^,;.]{0,40})", re.IGNORECASE
)
_RELATIVE_CLAUSE = re.compile(r",?\s+(?:who|that|which)\s+(?!it\b|they\b|he\b|she\b|we\b)", re.I)
_OBJECT_CLAUSE = re.compile(r"\s+(?:(?:that|which)\s+)?(?:it|they|he|she|we)\s+[a-z]", re.I)
_WHERE = frozenset("at in from across throughout inside near on".split())
_INTENT_TO = frozenset(
    """plans plan planned planning agreed agrees promised promises pledged pledges vowed
    vows intends intend intended aims aim wants want decided decides offered offers prepared
    ready set going is are was were threatened threatens expects expected hopes hope""".split()
)
_APPOSITION = re.compile(
    r",\s+(?:most|many|all|some|several|half|both|none|mostly|among them|including|"
    r"among|mainly|chiefly|notably)\b[^,;:.]{0,60},"
)
# Events a noun names as who the people are ("strikers"), not what the sentence says befell them.
_WHO_THEY_ARE = frozenset(("strike", "hunger_strike"))
_MODALS = frozenset("will would shall 'll".split())
_COORDINATION = (("and",), ("as", "well", "as"), ("plus",), ("along", "with"), ("together", "with"))


def read_event(
    sentence: str,
    *,
    phrase_start: int,
    thing_start: int,
    thing_end: int,
    in_thing: EventReading | None = None,
    inherited: EventReading | None = None,
) -> EventReading:
    """Return the event the words around a number report (module docstring for the order).

    ``phrase_start`` is where the number phrase starts in ``sentence`` (qualifiers
    included); the counted phrase spans ``thing_start:thing_end`` (before the number when
    the thing was read before it); ``in_thing`` is the event its words name, as
    ``measures.head_of`` read it ("wounded soldiers", "deaths").
    """
    before = _clause_before(sentence, phrase_start)
    verb = _verb_before(before)
    if verb is not None:
        return verb
    after, finite = _after(sentence, max(thing_end, phrase_start), _opens_clause(before))
    if (
        after is not None
        and not finite
        and _PART_OF_NUMBER.match(sentence[phrase_start:thing_start])
    ):
        # "2,100 of the 3,500 residents evacuated on Monday were allowed home": the whole's
        # participle says what befell the whole; the clause's verb, what befell the part.
        auxiliary = _FINITE_AFTER.search(sentence, max(thing_end, phrase_start))
        later, later_finite = _after(sentence, auxiliary.start()) if auxiliary else (None, False)
        if later is not None and later_finite:
            after, finite = later, later_finite
    if (
        finite
        and _IN_A_PHRASE_OF_ANOTHER.search(sentence, 0, phrase_start)
        and _AUXILIARY_NEXT.match(sentence, max(thing_end, phrase_start))
    ):
        # "A memorial service for the 14 victims will be held": the clause is the service's.
        after, finite = None, False
    if (
        finite
        and _WHOLE_OF_PART.search(sentence, 0, phrase_start)
        and not _OBJECT_CLAUSE.match(sentence, max(thing_end, phrase_start))
        and not _RELATIVE_CLAUSE.match(sentence, max(thing_end, phrase_start))
    ):
        after, finite = None, False
    if in_thing is not None and in_thing.key is not None:
        if in_thing.key in _WHO_THEY_ARE and after is not None and finite:
            return after  # "40 strikers were arrested": what befell them, not who they are
        if after is not None and _PART_OF_WHOLE_NAMED.match(sentence[phrase_start:thing_start]):
            return after  # "three of the injured died in hospital": what befell the part
        return in_thing
    if re.match(r"\s+on\s+the\s+table\b", sentence[max(thing_end, phrase_start) :]):
        return EventReading("pledged", "on the table", "clause after")  # "put 4% on the table"
    if verb is None and _let_go(before, sentence, max(thing_end, phrase_start)):
        return EventReading("laid_off", "let ... go", "verb before")
    if after is not None and (finite or (after.key in VERB_KEYS and _verb_form(after.words))):
        # "in which two guards and seven inmates died": its own verb, not the coordination's
        return after
    if inherited is not None and inherited.key is not None and _coordinated(before):
        return EventReading(inherited.key, inherited.words, "coordination", inherited.intent)
    if after is not None:
        return after
    if thing_start < phrase_start:
        # "is demanding a pay rise of 12%": the verb governs the thing the number is of.
        governing = _verb_before(_clause_before(sentence, thing_start))
        if governing is not None:
            return governing
    return _subject(before) or NO_EVENT


VERB_KEYS = frozenset(VERBS.values())


def _verb_form(words: str) -> bool:
    """Whether ``words`` are a verb's form and no adjective's ("died", not "dead")."""
    said = tuple(words.lower().split())
    return said in VERBS and said not in ADJECTIVES


def _clause_before(sentence: str, position: int) -> list[Word]:
    words = words_of(sentence, 0, position)
    for index in range(len(words) - 1, -1, -1):
        if words[index].text in CLAUSE_MARKS:
            return words[index + 1 :]
    return words


def _verb_before(words: list[Word]) -> EventReading | None:
    lower = lowers(words)
    end = len(lower)
    while end > 0 and lower[end - 1] in _BEFORE_NUMBER:
        end -= 1
    found = phrase_ending_at(lower, end, VERBS)
    if found is None and end > 1 and lower[end - 1] in ("with", "for"):
        # "supplied Russia with 5 million shells", "asked the state for €4 million": the verb
        # is before its first object.
        for stop in range(end - 2, max(end - 6, 0), -1):
            if words[stop].is_mark or words[stop].is_number:
                break  # "..., with nearly 300 hospitalised": another clause
            found = phrase_ending_at(lower, stop, VERBS)
            if found is not None and lower[end - 1] == "for" and found[0] not in _ASKED_FOR:
                found = None  # "burned homes for 300 families": the families were not burned
            if found is not None:
                end = stop
                break
    if found is None:
        return None
    key, size = found
    start = end - size
    written = " ".join(word.text for word in words[start:end])
    return EventReading(key, written, "verb before", _intended(lower[:start]))


def _intended(before: list[str]) -> bool:
    """Whether the words before a verb make it a promise or a plan ("will send")."""
    trimmed = [w for w in before[-4:] if w not in ("also", "now", "soon", "still", "not")]
    if not trimmed:
        return False
    if trimmed[-1] in _MODALS:
        return True
    return trimmed[-1] == "to" and len(trimmed) > 1 and trimmed[-2] in _INTENT_TO


def _after(sentence: str, position: int, subject: bool = False) -> tuple[EventReading | None, bool]:
    """Return the event said right after the counted phrase, and whether in a clause;
    ``subject`` when the count opens its clause, so may share a verb with the next count."""
    words = words_of(sentence, position)
    lower = lowers(words)
    finite = False
    planned = False  # "will lose their jobs", "are to be let go"
    index = 0
    reach = 6  # words read past the count, not counting where it is
    while index < len(lower) and index < reach:
        if index == 0 and _APPOSITION.match(sentence, words[0].start):
            # "Fourteen hostages, most of them elderly patients, walked out": past the aside.
            aside = _APPOSITION.match(sentence, words[0].start)
            assert aside is not None
            words = words_of(sentence, aside.end())
            lower = lowers(words)
            continue
        if (
            subject
            and lower[index] == "and"
            and index + 1 < len(words)
            and _a_number(words[index + 1])
            and (verb_at := _coordinated_verb(words, lower, index + 2)) is not None
        ):
            # "two spraying aircraft and 25 ground teams had been sent": one verb for both.
            words, lower, index = words[verb_at:], lower[verb_at:], 0
            continue
        if words[index].is_mark or words[index].is_number:
            return None, False
        verb = phrase_at(lower, index, VERBS)
        found = verb or phrase_at(lower, index, ADJECTIVES) or phrase_at(lower, index, VERBS_AFTER)
        if found is not None:
            key, size = found
            if (verb is not None and _does_it_to_a_count(words, lower, index, size)) or (
                _time_spent(lower, index, key)
            ):
                return None, False  # "the two fires have killed 33 workers": the count acted
            written = " ".join(w.text for w in words[index : index + size])
            how = "clause after" if finite else "participle after"
            return EventReading(key, written, how, intent=planned and finite), finite
        if lower[index] in _WHERE and index + 1 < len(words):
            # "3,400 members at Voskel have been on strike", "15,000 residents across the
            # province have been allowed home": skip where they are.
            skip = 1
            while (
                index + skip < len(words)
                and skip <= 6
                and not words[index + skip].is_mark
                and not words[index + skip].is_number
                and lower[index + skip] not in _RELATIVES  # "near the plant where workers"
                and lower[index + skip] not in _AUX_OR_STAYED
            ):
                skip += 1
            if skip > 1 and index + skip < len(words) and lower[index + skip] in _AUX_OR_STAYED:
                index += skip
                reach += skip
                continue
        if lower[index] in _PRONOUNS and (index == 0 or lower[index - 1] in ("that", "which")):
            # "the 6 aircraft it pledged": the thing is what the verb of the clause did.
            finite = True
            index += 1
            continue
        if tuple(lower[index : index + 2]) == _OF_IT and index == 0:
            index += 2
            continue
        if (
            lower[index] == "previously"
            and lower[index + 1 : index + 2]
            and lower[index + 1] in _REPORTED
        ):
            index += 2  # "the figure of 41,500 previously given": a report, not a dose given
            continue
        if lower[index] not in _FILLERS or (
            lower[index] in _STAYS_ANY and lower[index + 1 : index + 2] == ["to"]
        ):
            return None, False  # "40 doctors stayed to treat the wounded": why they stayed
        if (
            lower[index] in FIRST_SAID
            and lower[index + 1 : index + 2]
            and (lower[index + 1] in _REPORTED)
        ):
            index += 2  # "the 30 initially given by police": a report, not what befell them
            continue
        finite = (
            finite
            or lower[index] in _AUX
            or lower[index] in _MAY
            or lower[index] in ("who", "that", "which")
        )
        planned = lower[index] not in _STAYS and (
            planned
            or lower[index] == "will"
            or (lower[index] in _MAY and lower[index + 1 : index + 2] not in _MAY_NOW)
            or (lower[index] == "to" and index > 0 and lower[index - 1] in ("are", "is"))
        )
        index += 1
    return None, False


_MAY_NOW = (["have"], ["be"], ["remain"], ["still"], ["already"])  # "may still be trapped"
# A count inside another noun's phrase: "a memorial for the 14 victims", "a fund for its 300
# workers"; the verb after is that noun's.
_IN_A_PHRASE_OF_ANOTHER = re.compile(
    r"\b[a-z]+\s+(?:for|with|about|to|on|into|against)\s+(?:the|its|their|his|her)\s+$",
    re.IGNORECASE,
)
# "... for the 14 victims will be held": the count's phrase ends and another's verb follows.
_AUXILIARY_NEXT = re.compile(
    r"\s+(?:will|would|was|were|is|are|has|have|had|could|should|may|might|must)\b", re.I
)
_PASSIVE = frozenset("been were was are is be being".split())
_HEDGES_BEFORE_OBJECT = frozenset("at least more than about some nearly almost over".split())
# Units after a number that make it a distance or a time, not an object: "died 20 km away".
_NOT_OBJECTS = frozenset(
    "km kilometres kilometers miles metres meters m feet foot ft yards yard nautical hours days"
    " minutes weeks months years"
    " per percent %".split()
)


def _time_spent(lower: list[str], index: int, key: str) -> bool:
    """Whether "spent" is spent time: "2,700 passengers spent Tuesday night at the airport"."""
    if key != "spent":
        return False
    following = [word for word in lower[index + 1 : index + 4] if word not in ("a", "the")]
    return bool(following) and (
        following[0] in TIME_WORDS
        or following[0].rstrip("s") in TIME_WORDS
        or (len(following) > 1 and following[1].rstrip("s") in TIME_WORDS)
    )


def _does_it_to_a_count(words: list[Word], lower: list[str], index: int, size: int) -> bool:
    """Whether the verb at ``index`` is active with a counted object ("have killed 33
    workers"): then the count before it did the deed, and nothing befell it."""
    if any(word in _PASSIVE for word in lower[:index]):
        return False
    at = index + size
    while at < len(words) and lower[at] in _HEDGES_BEFORE_OBJECT:
        at += 1
    if at >= len(words) or not _a_number(words[at]):
        return False
    unit = lower[at + 1] if at + 1 < len(words) else ""
    return unit not in _NOT_OBJECTS


# "€750 million of it has been paid": the sum's own clause, past "of it".
_OF_IT = ("of", "it")
_REPORTED = frozenset(
    "given reported announced estimated put published cited stated quoted counted".split()
)
# Verbs whose object is asked or given "for" a sum: "asked the state for €4 million".
_ASKED_FOR = frozenset(("demanded", "pledged", "paid", "spent", "bought"))
_CLAUSE_OPENERS = frozenset("that and but while whereas where when said says".split())


def _opens_clause(before: list[Word]) -> bool:
    """Whether a count after ``before`` (its clause so far) is the clause's subject."""
    return not before or before[-1].is_mark or before[-1].lower in _CLAUSE_OPENERS


def _a_number(word: Word) -> bool:
    return word.is_number or word.lower in UNITS or word.lower in TEENS or word.lower in TENS


def _coordinated_verb(words: list[Word], lower: list[str], start: int) -> int | None:
    """Return where the verb is after the second count's noun of "A and B were sent"."""
    for index in range(start, min(start + 4, len(words))):
        if words[index].is_mark or words[index].is_number:
            return None
        if (
            lower[index] in _AUX
            or lower[index] in _STAYS_ANY  # "57 pupils and three staff remain in captivity"
            or phrase_at(lower, index, VERBS) is not None
        ):
            return index
    return None


def _let_go(before: list[Word], sentence: str, position: int) -> bool:
    """ "has let 1,900 workers go": the verb is on both sides of the count."""
    lower = lowers(before)
    return (
        bool(lower) and lower[-1] == "let" and re.match(r"\s+go\b", sentence[position:]) is not None
    )


def _coordinated(before: list[Word]) -> bool:
    """Whether the number is the second of "shipped A and B", "A as well as B"."""
    lower = lowers(before)
    while lower and lower[-1] in ("the", "some", "another", "a", "an", ","):
        lower.pop()
    return any(tuple(lower[-len(words) :]) == words for words in _COORDINATION)


def _subject(before: list[Word]) -> EventReading | None:
    lower = lowers(before)
    end = len(lower)
    while end > 0 and lower[end - 1] in _LINKS:
        end -= 1
    if end == len(lower):
        return None  # no linking verb: the words before are not the number's subject
    if end > 0 and before[end - 1].text == ",":
        end -= 1  # "raised their pledges, to 600,000 doses"
    start = max(end - 12, 0)  # "the number of people killed by the derailment in Kellin rose to"
    marks = [index for index in range(start, end) if before[index].is_mark]
    start = max([start, *(index + 1 for index in marks)])  # the subject, not an earlier clause
    # "the number of miners laid off since the closures": when, not what befell them.
    when = [index for index in range(start + 1, end) if lower[index] in _WHEN_WORDS]
    if when:
        end = when[0]
    for stop in range(end, start, -1):
        for table in (NOUNS, ADJECTIVES, VERBS):
            found = phrase_ending_at(lower, stop, table)
            if found is not None and not _in_name(before, stop - found[1]):
                key, size = found
                if key == "cut" and lower[stop : stop + 1] in _OWN and "to" in lower[end:]:
                    return None  # "cut its harvest to 11.4 million tonnes": its new level
                if key == "recovered" and lower[stop : stop + 1] == ["to"]:
                    return None  # "stocks have recovered to 600,000 tonnes": a level
                written = " ".join(w.text for w in before[stop - size : stop])
                return EventReading(key, written, "subject")
    return None


_WHEN_WORDS = frozenset("since after following during before amid".split())
# Words after "cut" that make what follows its object, cut to a new level.
_OWN = (["its"], ["their"], ["his"], ["her"], ["the"], ["our"])


def _in_name(words: list[Word], index: int) -> bool:
    """Whether the word at ``index`` continues a name ("Norvane Shipping", "Halden Relief"),
    in a sentence not written in title case."""
    if index == 0 or not words[index].text[:1].isupper() or not words[index - 1].text[:1].isupper():
        return False
    capitalised = sum(word.text[:1].isupper() for word in words if word.text[:1].isalpha())
    return capitalised < 0.6 * sum(word.text[:1].isalpha() for word in words)


def has_own_verb(sentence: str, position: int) -> bool:
    """Whether the words after ``position`` start a clause of their own ("were being treated
    for injuries"), so a count there does not share the event of the count before it."""
    words = lowers(words_of(sentence, position))[:2]
    return bool(words) and words[0] in _AUX
