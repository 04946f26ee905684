"""What a sum of money is for: the ransom, the fine, the compensation, the aid.

A sum's counted phrase is often not what an analyst would name it by: "the gang wants $4
million", "a €2.4 million fine for the Stavrek mining group", "Claims filed with the
insurer have reached $71 million", "a €780 million severance offer". The sum is named by the
money noun of its phrase when it has one, else by the nearest money noun of its clause;
"severance budget", "compensation fund" and "ransom demand" name it by their purpose, not by
the budget, fund or demand that holds it. A sum whose clause names no money noun and whose
phrase names no thing (a verb, a company, a time read as its thing) is left without one, for
the event to name ("pledged €30 million": aid pledged) or for ``noise`` to set aside; so is
one whose phrase is a name ("pledged $180 million for Ombara": Ombara is who it is for).
"""

from __future__ import annotations

import re
from dataclasses import replace

from monitor.figures.lexicon import HEDGES, PERSONS, PLACE_NOUNS, TIME_WORDS, VERB_FORMS, VERBS
from monitor.figures.measures import Head
from monitor.figures.words import CLAUSE_MARKS, words_of

# Money nouns that say what a sum is for, and the measure each names.
PURPOSES = {
    "ransom": "ransom",
    "fine": "fines",
    "fines": "fines",
    "fined": "fines",
    "penalty": "fines",
    "penalties": "fines",
    "compensation": "compensation",
    "payout": "compensation",
    "payouts": "compensation",
    "damages": "compensation",
    "severance": "severance",
    "redundancy": "severance",
    "claim": "claims",
    "claims": "claims",
    "damage": "damage",
    "cost": "cost",
    "costs": "cost",
    "bill": "cost",
    "loss": "losses",
    "losses": "losses",
    "profit": "profit",
    "profits": "profit",
    "revenue": "revenue",
    "revenues": "revenue",
    "sales": "revenue",
    "turnover": "revenue",
    "investment": "investment",
    "investments": "investment",
    "bonus": "bonus",
    "bonuses": "bonus",
    "wage": "pay",
    "wages": "pay",
    "salary": "pay",
    "salaries": "pay",
    "refund": "refunds",
    "refunds": "refunds",
    "bail": "bail",
    "reward": "reward",
    "appeal": "appeal",
    "appeals": "appeal",
    "appealed": "appeal",  # "appealed for $410 million": what the appeal asks
    "appealing": "appeal",
    "tax": "tax",
    "taxes": "tax",
    "loan": "loans",
    "loans": "loans",
    "debt": "debt",
    "debts": "debt",
    "subsidy": "subsidies",
    "subsidies": "subsidies",
    "price": "price",
    "value": "value",
    "duty": "tax",
    "duties": "tax",
}
# Money nouns that hold a sum whatever it is for: named by a purpose beside them, else aid.
HOLDERS = {
    "aid": "aid",
    "funding": "aid",
    "fund": "aid",
    "funds": "aid",
    "relief": "aid",
    "assistance": "aid",
    "grant": "aid",
    "grants": "aid",
    "donation": "aid",
    "donations": "aid",
    "package": "aid",
    "money": "aid",
    "budget": "budget",
    "pledge": "aid",
    "pledges": "aid",
    "contribution": "aid",
    "contributions": "aid",
}
# Every name a sum may be given by what it is for.
MONEY_NOUNS = tuple(sorted({*PURPOSES.values(), *HOLDERS.values()}))
# After a sum, words that make it a part of a later one: "€45 million (coming) from the
# €200 million fund", "€21 million of the €95 million package".
_PART_OF_SUM = frozenset(("of", "from", "out"))
_CURRENCY_SIGNS = frozenset("$\u20ac\u00a3\u00a5")
_WINDOW = 8  # words each side of the sum in which its clause may name what it is for
_SCALES = frozenset(("%", "million", "billion", "bn", "m", "thousand"))


def money_head(head: Head, sentence: str, phrase_start: int, phrase_end: int) -> Head:
    """Return ``head`` named by what the sum at ``phrase_start:phrase_end`` is for."""
    if head.name.endswith(" price"):
        return head  # "the price of petrol rose to €2": the petrol price, already named
    own = _named(head.words.lower().replace("-", " ").split())
    if own is not None:
        return replace(head, name=own, person=False, military=False)
    near = _nearest(sentence, phrase_start, phrase_end) or _by_verb(sentence, phrase_start)
    if near is not None:
        return replace(head, name=near, person=False, military=False)
    last = head.name.split()[-1] if head.name else ""
    written = head.words.split()[-1] if head.words else ""
    if not head.name or (_is_thing(last, head) and not written[:1].isupper()):
        return head
    return replace(head, name="", words="")  # "the gang wants $4m": no thing named


# A sum as written, sign first: "$58 million", "€2.1 billion", "£410,000".
WRITTEN_SUM = r"[$\u20ac\u00a3][\d.,]+(?:\s*(?:million|billion|bn|m)\b)?"
# "€1.96 a litre", "€310 per tonne": so much for each unit of goods sold, a price.
_PER_UNIT_OF_GOODS = re.compile(
    r"\s+(?:a|an|per|each)\s+(?:litre|liter|gallon|barrel|tonne|ton|kilo|kilogram|kg|pound|"
    r"ounce|loaf|bag|sack|bottle|pack|packet|dose|kilowatt-hour|kwh|megawatt-hour|mwh|"
    r"cubic\s+metre)\b",
    re.IGNORECASE,
)
# Words beside "price" that say which price, not of what goods: "the average pump price".
_PRICE_WORDS = frozenset(
    "price prices average mean retail wholesale pump market current new record the its their "
    "a an of cap ceiling limit discount".split()
)


def unit_price(head: Head, sentence: str, phrase_start: int, phrase_end: int) -> Head | None:
    """Return ``head`` named as the price of its goods when the sum at ``phrase_end`` is paid
    per unit of them ("petrol was selling for €1.96 a litre": a petrol price), else None."""
    if not _PER_UNIT_OF_GOODS.match(sentence, phrase_end):
        return None
    words = head.words.lower().replace("-", " ").split()
    purpose = _named(words) or _nearest(sentence, phrase_start, phrase_end)
    if purpose not in (None, "price", "cost", "value"):
        return None  # "a subsidy of €0.20 a litre", "a tax of €30 per tonne": so much each
    goods = [word for word in words if word not in _PRICE_WORDS and word not in PURPOSES]
    if "of" in words and words.index("of") + 1 < len(words):
        goods = [w for w in words[words.index("of") + 1 :] if w not in _PRICE_WORDS]
    thing = goods[-1] if goods and _is_thing(goods[-1], head) else ""
    name = f"{thing} price" if thing else "price"
    return replace(head, name=name, person=False, military=False, event=None, event_words="")


def _named(words: list[str]) -> str | None:
    """The purpose the words name, else the holder they name, else None."""
    purposes = [PURPOSES[word] for word in words if word in PURPOSES]
    if purposes:
        return purposes[-1]
    holders = [HOLDERS[word] for word in words if word in HOLDERS]
    return holders[-1] if holders else None


def _nearest(sentence: str, phrase_start: int, phrase_end: int) -> str | None:
    """The money noun nearest the sum in its clause: a purpose before a holder."""
    before = words_of(sentence, 0, phrase_start)
    after = words_of(sentence, phrase_end)
    lowered = [word.lower for word in before]
    # "Claims have reached 2,870, worth €27 million": the sum is the value of what the
    # clause before counted, so its money noun is further back, past that count.
    value_of = lowered[-1:] == ["worth"] or lowered[-2:] == ["valued", "at"]
    clause_before: list[str] = []
    limit = _WINDOW * (2 if value_of else 1)
    for position in range(len(before) - 1, -1, -1):
        word = before[position]
        if word.text in CLAUSE_MARKS or len(clause_before) >= limit:
            break
        if word.is_number:
            # "Revenue fell 11% to €6.2 billion", "raised its claim from €12 million to €19
            # million": the change, or the value it started from, says nothing of what the
            # sum is; its noun is further back.
            after_number = lowered[position + 1 : position + 3]
            change = after_number[:1] == ["to"] or (
                after_number[:1] != [] and after_number[0] in _SCALES and after_number[1:] == ["to"]
            )
            if not (value_of or change):
                break
            limit += 4
        clause_before.append(word.lower)
    clause_after: list[str] = []
    limit = _WINDOW
    for word in after:
        if word.text in CLAUSE_MARKS or len(clause_after) >= limit:
            break
        if word.is_number or word.text[:1] in _CURRENCY_SIGNS:
            if not _PART_OF_SUM.intersection(clause_after[:4]):
                break
            limit = _WINDOW + 4  # "€21 million of the state's €95 million aid package": aid
        clause_after.append(word.lower)
    for table in (PURPOSES, HOLDERS):
        distances = [
            (index, table[word])
            for words in (clause_before, clause_after)
            for index, word in enumerate(words)
            if word in table
        ]
        if distances:
            return min(distances)[1]
    return None


def _by_verb(sentence: str, phrase_start: int) -> str | None:
    """The purpose the verb before a sum gives it when its clause names no money noun:
    "the strike is costing it $4.1 million a day" (cost), "donors have given $7.9 million"
    (aid), "the ship is insured for $41 million" (insured value)."""
    before = words_of(sentence, 0, phrase_start)
    skipped = 0
    linking = True  # only words like "it", "so far" stand between the verb and the sum
    for word in reversed(before):
        purpose = _VERB_PURPOSES.get(word.lower)
        if purpose is not None and (linking or word.lower in _COST_VERBS):
            return purpose
        linking = linking and word.lower in _BETWEEN_VERB_AND_SUM and skipped < 2
        # "cost Meskaria's tourism industry €26 million": whom it cost, a short noun phrase
        if not linking and (skipped == 4 or not word.text[:1].isalpha()):
            return None
        skipped += 1
    return None


# Verbs that say what a sum is when nothing else in its clause does, and the name each gives.
_VERB_PURPOSES = {
    **dict.fromkeys(("cost", "costs", "costing"), "cost"),
    **dict.fromkeys(("lost", "lose", "loses", "losing"), "losses"),
    **dict.fromkeys(("need", "needs", "needed", "needing", "require", "requires"), "needs"),
    **dict.fromkeys(("required", "requested", "requesting", "sought", "seeking"), "needs"),
    **dict.fromkeys(("give", "gives", "gave", "given", "giving", "donated"), "aid"),
    **dict.fromkeys(("contributed", "donating", "granted"), "aid"),
    **dict.fromkeys(("stole", "stolen", "steal", "embezzled", "siphoned", "taken"), "money stolen"),
    **dict.fromkeys(("insured", "insures"), "insured value"),
    **dict.fromkeys(("fetched", "fetches", "fetch"), "price"),
    **dict.fromkeys(("earned", "earns", "earn", "earning"), "revenue"),
    **dict.fromkeys(("invested", "invests", "investing"), "investment"),
    **dict.fromkeys(("owed", "owes", "owe", "owing"), "debt"),
}
_COST_VERBS = frozenset(("cost", "costs", "costing"))
# Words that may stand between such a verb and its sum: "costing it", "given so far",
# "insured for".
_BETWEEN_VERB_AND_SUM = frozenset("it them us him her so far now already for at in".split())


def _is_thing(last: str, head: Head) -> bool:
    """Whether a sum's phrase named a thing bought, paid or lost ("$4 million in equipment"),
    not how it is paid ("in bitcoin"), who or when (a company, the families, the third
    quarter) nor a verb or particle read as its thing ("wants", "set aside", "capped")."""
    return not (
        head.person
        or last in PERSONS
        or last in PLACE_NOUNS
        or last in TIME_WORDS
        or last in HEDGES
        or last in VERB_FORMS
        or (last,) in VERBS
        or last.endswith(("'s", "\u2019s", "ed", "ing"))
        or last in _NOT_THINGS
    )


# Words read as a sum's thing that name who holds it, or a particle of its verb.
_NOT_THINGS = frozenset(
    """group company firm firms government state ministry council agency operator owner
    insurer bank union board off aside out away back bitcoin bitcoins cash cryptocurrency
    crypto gold""".split()
)
