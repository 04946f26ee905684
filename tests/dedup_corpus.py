"""A generated, labelled corpus of news articles for measuring deduplication.

``build_corpus`` writes invented stories (people, places, outlets and figures are all made up)
and, for each story, the documents a news monitor really meets: the original, syndicated copies
with other titles and boilerplate, truncated feed copies, light rewrites, updates that change
one figure, other outlets' own articles on the same event, and unrelated articles, including
daily reports that share one sentence skeleton. Every document carries its expected answer, and
``score`` measures a dedup run against it.

Everything comes from ``random.Random(seed)`` in a fixed order (no set iteration, no ``hash()``),
so a seed gives the same corpus on every run and platform.

Run ``python -m tests.dedup_corpus`` to feed the corpus through ``monitor.dedup.add_document`` on
a temporary SQLite database and print the score and every misjudged document.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from monitor.model import Document

ROLES = ("original", "syndicated", "truncated", "rewrite", "update", "independent", "unrelated")
COPY_ROLES = ("syndicated", "truncated", "rewrite")  # expected: a duplicate of the original
TARGET_ROLES = ("original", *COPY_ROLES)  # what a copy may be linked to


@dataclass(frozen=True)
class CorpusDoc:
    index: int  # position in arrival order (0..n-1)
    url: str
    site: str  # outlet name
    title: str
    text: str  # paragraphs joined with "\n\n"
    published_at: datetime  # aware UTC, non-decreasing in arrival order
    group: int  # story group id: an original and everything written about its event share it
    role: str  # one of ROLES
    original_index: int | None  # for syndicated/truncated/rewrite: the original's index

    @property
    def expected_duplicate(self) -> bool:
        return self.role in COPY_ROLES


# --------------------------------------------------------------------------------------------
# Word lists. Multi-word entries are written with "_"; an irregular form follows a "/".


def _lex(block: str) -> tuple[str, ...]:
    return tuple(item.replace("_", " ") for item in block.split())


def _lines(block: str) -> tuple[str, ...]:
    """One entry per line, its white space collapsed (a "\\" at a line's end continues it)."""
    return tuple(" ".join(line.split()) for line in block.strip().splitlines() if line.strip())


def _noun_forms(entry: str) -> tuple[str, str]:
    if "/" in entry:
        singular, plural = entry.split("/")
        return singular, plural
    head, _, last = entry.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return entry, f"{head} {last}" if head else last


def _verb_forms(entry: str) -> tuple[str, str]:
    if "/" in entry:
        base, past = entry.split("/")
        return base, past
    if entry.endswith("e"):
        return entry, entry + "d"
    if entry.endswith("y") and entry[-2:-1] not in ("a", "e", "o", "u"):
        return entry, entry[:-1] + "ied"
    return entry, entry + "ed"


FIRST_NAMES = _lex(
    """Marta Tobias Ilse Rafael Noor Kenji Amara Lucan Petra Dario Solveig Anouk Emeka Hana Ruben
    Talia Matteo Ingrid Yusuf Lena Oskar Farah Milan Greta Idris Selma Bastian Leila Teodor Ayla
    Cyrus Wren Elif Marek Zora Hugo Nadia Anselm Priya Jonas Odile Kasim Vera Stellan Mireille
    Ravi Tamsin Aurel Keziah Luka Signe Omar Beatrix Henrik Dalia Ferran Clio Mateus Rosalind
    Tiberius Esme Casimir Yara Lorcan Ottilie"""
)
_SURNAME_HEADS = _lex(
    """Var Ost Kell Brem Dan Hal Mor Tess Quin Lind Ruth Sav Vell Orm Pask Fen Drav Cor Lem Bask
    Hart Ivan Joss Kem Larr Mend Nor Pell Rask Sten Tor Ull Wend Yar Zell Ald Barr Cald Dorn Eck"""
)
_SURNAME_TAILS = _lex("ek ari ström by ova ani ley ton ich ard mann oli essa well ing ado ues ov")
_PLACE_HEADS = _lex(
    """Vel Dren Kest Mar Hol Bray Tarn Ost Lun Sel Cor Ash Rav Wyn Brin Elm Fal Gral Hest Iver
    Jord Kal Lor Mell Nar Orr Pren Quar Rist Sorn Thal Ulm Varr Wend Yor Zan"""
)
_MIDDLES = ("", "", "", "ar", "en", "il", "or", "is")  # between a head and a tail, sometimes
_PLACE_TAILS = _lex(
    "holm ava ford mont ingen stad wick ora dale burg enza haven ovo mere vik lund ridge"
)
COUNTRIES = _lex(
    """Valdoria Ostrelia Marrenland Kestavia Brennor Thalassa Corvenia Lunmark Sarvia Eldoran
    Pellucia Drevania Norvask Quellmoor Istrana Varkhan Solmira Tavonia Gallentia Rhovenia
    Ardesca Miravel Zelthar Orvania Calderra Hestmark Ulvania Serravel"""
)
REGION_WORDS = _lex("Northern Southern Eastern Western Upper Lower Central Coastal")
REGION_KINDS = _lex("province region district highlands lowlands valley")

GENERAL_NOUNS = tuple(
    _noun_forms(n)
    for n in _lex(
        """government ministry parliament committee agency council report statement plan
        decision budget meeting question concern warning proposal agreement deal vote review
        policy strategy programme measure investigation inquiry hearing debate deadline delay
        shortage cost price rate level estimate survey forecast neighbourhood community village
        town district province border capital coast island valley highway bridge railway station
        port airport hospital school university company firm bank market sector industry union
        household charity authority regulator court mayor governor minister lawmaker diplomat
        summit conference campaign candidate party coalition opposition majority crisis/crises
        recovery decline increase loss gain surplus deficit debt loan grant subsidy tax tariff
        fund reserve supply demand shipment route network system project contract tender licence
        permit rule law regulation reform amendment ban restriction limit threshold target goal
        milestone record tradition risk threat challenge opportunity benefit impact consequence
        outcome response reaction protest strike rally audit timetable framework roadmap
        compromise dispute standoff backlog queue waiting_list pilot_scheme consultation ruling
        appeal petition memorandum briefing dossier forecast_model census poll turnout mandate
        veto/vetoes quota levy rebate voucher allowance pension wage salary contractor supplier
        warehouse depot terminal corridor checkpoint ferry tunnel reservoir pipeline substation
        grid clinic ward laboratory archive library stadium square market_hall"""
    )
)
GENERAL_VERBS = tuple(
    _verb_forms(v)
    for v in _lex(
        """announce confirm approve reject delay postpone expand reduce increase cut/cut raise
        lower extend suspend resume launch introduce propose review examine criticise welcome
        defend challenge question warn urge promise pledge commit/committed agree negotiate
        sign finalise publish release disclose deny acknowledge estimate calculate forecast/forecast
        predict expect plan/planned prepare consider weigh discuss debate address tackle ease
        worsen improve strengthen weaken boost limit restrict allow block support oppose fund
        finance cover replace restore rebuild/rebuilt repair protect monitor track record
        overhaul scrap/scrapped revise streamline shelve endorse unveil outline trim/trimmed
        double triple halve freeze/froze reopen relaunch audit"""
    )
)
GENERAL_ADJECTIVES = _lex(
    """new major significant sharp modest steady rapid slow gradual sudden unexpected recent
    previous current long short local regional national international foreign domestic public
    private official independent senior former leading key main central critical serious severe
    mild growing falling rising stable fragile uncertain cautious optimistic ambitious
    controversial popular unpopular costly cheap expensive affordable complex simple detailed
    broad narrow temporary permanent annual monthly weekly early late final initial additional
    further separate similar limited widespread lengthy brief heated quiet bitter overdue
    long-awaited piecemeal sweeping tentative provisional binding voluntary"""
)
ADVERBS = _lex(
    """sharply quietly repeatedly largely briefly openly gradually abruptly cautiously formally
    narrowly heavily publicly privately steadily swiftly reluctantly firmly"""
)
PEOPLE_GROUPS = _lex(
    """officials residents analysts diplomats lawmakers economists investors campaigners
    engineers volunteers observers critics union_leaders business_owners local_officials
    opposition_politicians aid_workers industry_executives local_councillors security_experts"""
)
SEASONS = _lex("winter spring summer autumn")
MONTHS = _lex(
    "January February March April May June July August September October November December"
)
WEEKDAYS = _lex("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

FRAMES = _lines(
    """
    {P} said {c}
    {c}, {P} said
    {c}, {P} told reporters in {city}
    according to {org}, {c}
    {P} told a news conference {day} that {c}
    in a statement, {org} said {c}
    {c}, according to a spokesperson for {org}
    {P} wrote in a post on social media that {c}
    {who} said privately that {c}
    {c}, {who} said
    {P} acknowledged that {c}
    {P} insisted that {c}
    {c}, {P} added
    {P} warned that {c}
    speaking in {city}, {P} said {c}
    {org} confirmed that {c}
    {c}, two people familiar with the matter said
    {P} argued in an interview that {c}
    """
)
OPENERS = _lines(
    """
    earlier this month, {c}
    by late afternoon, {c}
    for now, {c}
    in {city}, {c}
    at the same time, {c}
    still, {c}
    meanwhile, {c}
    in recent weeks, {c}
    behind the scenes, {c}
    on paper, {c}
    in practice, {c}
    across {region}, {c}
    elsewhere, {c}
    by some estimates, {c}
    so far, {c}
    as of {dayname}, {c}
    in the weeks before the announcement, {c}
    for many in {region}, {c}
    """
)
TAILS = _lines(
    """
     amid {ga} {gns}
     after weeks of {ga} {gns}
     despite {ga} {gns} from {who}
     as {who} {gv} the {gn}
     even as {who} called for {ga} {gns}
     while {org} {gv} its {gn}
     ahead of a {ga} {gn} next week
     for the first time since {year}
    , a move {who} had long expected
    , according to people familiar with the matter
    , though no date has been set
    , a step {who} described as {ga}
     in a sign of {ga} {gns}
    , which {who} {gv} as {ga}
    """
)
GENERAL_CLAUSES = _lines(
    """
    the {gn} has drawn {ga} {gns} from {who} in {region}
    {who} have long argued that the {gn} needs a {ga} {gn}
    the {ga} {gn} was {gv} after months of {ga} {gns}
    {org} {gv} a {ga} {gn} earlier in the year
    a {ga} {gn} is due to be published before the {season}
    the last {gn} of its kind, in {year}, ended in a {ga} {gn}
    {who} in {city} expect the {gn} to be {gv} within weeks
    the decision could {gvb} the {gn} for {ga} {gns} across {region}
    few {who} expected the {gn} to move so quickly
    {P} has faced {ga} {gns} over the handling of the {gn}
    the {gn} was first proposed in {year} but stalled for years
    the {ga} {gn} leaves {who} with little room to {gvb} the {gn}
    it was not immediately clear how the {gn} would be paid for
    {who} said they had not been consulted about the {gn}
    a spokesperson for {org} declined to comment on the {gn}
    the {gn} is likely to come up again when {who} meet in {city} next month
    the {ga} {gn} has left many {who} frustrated
    {org} has promised a {ga} {gn} of the {gn} by the end of the year
    the move follows a {ga} {gn} in {region} last {season}
    previous attempts to {gvb} the {gn} ran into {ga} {gns}
    {who} warned that a {ga} {gn} could {gvb} the {gn}
    the {gn} remains a sensitive subject in {country}
    neither side has published the full text of the {gn}
    {P} did not respond to a request for comment
    the details of the {gn} are expected to be {gv} in the coming days
    some {who} questioned whether the {gn} went far enough
    the timing of the {gn} surprised many {who}
    {org} said it would {gvb} the {gn} if conditions allowed
    a {ga} {gn} would need the approval of {org}
    the {gn} is the {ga} step in a process that began in {year}
    public support for the {gn} has slipped in recent polls
    officials in {region} have asked for a {ga} {gn} before the {gn} takes effect
    the {gn} is being watched closely in neighbouring {ally}
    {who} had been pressing for a {ga} {gn} since the {season}
    there was no immediate reaction from {org}
    the question of who will pay for the {gn} remains open
    a {ga} {gn} is still possible, {who} cautioned
    the {gn} could take years to complete
    {P} described the {gn} as {ga} but necessary
    the {ga} {gns} in {region} have added to the pressure on {org}
    a similar {gn} in {ally} was {gv} last year
    critics say the {gn} favours {who} over {who}
    many {who} learned about the {gn} from the evening news
    the {gn} has divided {who} in {city}
    {org} {adv} {gv} the {gn} on {dayname}
    the {gn} was discussed at length at a closed meeting in {city}
    {who} in {region} have started a petition against the {gn}
    an independent review of the {gn} is expected before the end of the {season}
    the {ga} {gn} is the first of its kind in {country}
    opponents of the {gn} plan to hold a rally in {city} at the weekend
    the {gn} has been on hold since the {season} of {year}
    several {who} resigned over the {gn} last year
    the {ga} {gn} was drafted with help from advisers in {ally}
    records of the {gn} were released under a freedom of information request
    {who} in {city} said they would watch the {gn} closely
    a poll published last week found that most voters backed the {gn}
    {org} is expected to publish its own {gn} within a fortnight
    the {gn} is set to cost more than first thought, {who} said
    it is the second {gn} in {region} this year
    the {ga} {gn} came as a surprise to {who} in {ally}
    """
)
FIGURE_CLAUSES = _lines(
    """
    {org} put the total at {fig}
    the plan covers {fig}, according to documents seen by reporters
    officials had counted {fig} by the end of {dayname}
    {P} said the figure stood at {fig}
    the latest estimate puts the number at {fig}
    that brings the total to {fig}
    {org} recorded {fig} over the period
    by its own count, {org} has handled {fig}
    internal figures seen by reporters show {fig}
    a separate tally lists {fig}
    {who} estimated the total at {fig}
    the figure of {fig} was confirmed by {org}
    records kept by {org} show {fig}
    the tally, which {who} dispute, stands at {fig}
    an earlier count had reported {fig}
    """
)
QUOTE_FRAMES = _lines(
    """
    "{q}," {P0} said.
    "{q}," {P0} told reporters {day}.
    {P0} said: "{q}."
    "{q}," said {P0}.
    In remarks to lawmakers, {P0} said: "{q}."
    "{q}," {P0} said in a televised address.
    """
)


# --------------------------------------------------------------------------------------------
# Topics: their own words, sentence patterns, headlines and quotes.


@dataclass(frozen=True)
class Thing:
    """Something a topic counts: its words in text and in a headline, and its scale."""

    full: str
    short: str
    scale: str  # "small" | "thousands" | "millions" | "money" | "percent"


def _things(block: str) -> tuple[Thing, ...]:
    rows = []
    for line in _lines(block):
        full, short, scale = (part.strip() for part in line.split("|"))
        rows.append(Thing(full, short, scale))
    return tuple(rows)


@dataclass(frozen=True)
class Topic:
    key: str
    section: str
    nouns: tuple[tuple[str, str], ...]
    verbs: tuple[tuple[str, str], ...]
    adjectives: tuple[str, ...]
    things: tuple[Thing, ...]
    titles: tuple[str, ...]  # of the main official
    orgs: tuple[str, ...]
    specs: tuple[str, ...]  # a named thing the story is about
    leads: tuple[str, ...]  # opening clauses, with the main figure
    clauses: tuple[str, ...]
    headlines: tuple[str, ...]
    quotes: tuple[str, ...]


def _topic(key: str, section: str, **parts: str) -> Topic:
    return Topic(
        key=key,
        section=section,
        nouns=tuple(_noun_forms(n) for n in _lex(parts["nouns"])),
        verbs=tuple(_verb_forms(v) for v in _lex(parts["verbs"])),
        adjectives=_lex(parts["adjectives"]),
        things=_things(parts["things"]),
        titles=_lines(parts["titles"]),
        orgs=_lines(parts["orgs"]),
        specs=_lines(parts["specs"]),
        leads=_lines(parts["leads"]),
        clauses=_lines(parts["clauses"]),
        headlines=_lines(parts["headlines"]),
        quotes=_lines(parts["quotes"]),
    )


TOPICS = (
    _topic(
        "military",
        "world",
        nouns="""package shipment convoy brigade battalion howitzer front_line depot stockpile
        air_base barracks/barracks frigate corvette radar_station missile_battery interceptor drone
        ceasefire offensive border_crossing supply_line logistics_hub procurement_office
        export_licence shell_plant production_line rifle helmet field_hospital minefield trench
        observation_post command_post patrol airspace/airspace garrison arsenal deterrent alliance
        pledge delivery_schedule spare_part maintenance_crew training_ground launcher gun_crew
        ammunition_train staging_area fuel_truck bunker""",
        verbs="""deliver pledge approve dispatch ship/shipped intercept deploy reinforce
        replenish assemble train equip/equipped withdraw/withdrew mobilise authorise
        transfer/transferred supply repair repel/repelled escort upgrade ration relocate accelerate
        stockpile""",
        adjectives="""armoured tactical strategic long-range short-range defensive
        heavy mobile forward frontline naval aerial rear ageing refurbished surplus joint bilateral
        multinational coordinated sustained dwindling mechanised fortified contested""",
        things="""
        rounds of artillery ammunition | shells | millions
        armoured personnel carriers | armoured vehicles | small
        air defence interceptors | interceptors | small
        reconnaissance drones | drones | thousands
        assault rifles for new brigades | rifles | thousands
        anti-tank missiles | missiles | thousands
        soldiers trained at bases abroad | troops trained | thousands
        in military assistance | in military aid | money
        of the army's artillery barrels | of barrels | percent
        """,
        titles="""Defence Minister
        Deputy Defence Minister
        Foreign Minister
        Armed Forces Chief
        General
        Procurement Director""",
        orgs="""the {country} Defence Procurement Agency
        the Joint Logistics Command
        the {city} Arsenal Works
        {surname} Dynamics
        the Northern Defence Compact""",
        specs="""the {code} air defence system
        the {code} howitzer
        the {code} patrol drone
        the {code} armoured carrier""",
        leads="""{country} will send {fig} to {ally}, the government said {day}
        the government of {country} said {day} it would send {fig} to {ally} over the coming months
        {ally} has received {fig} from its partners this week, officials in {city} said {day}
        defence officials from {country} and {ally} agreed {day} on a package that includes {fig}
        a new package of {fig} for {ally} was approved by the cabinet in {country} {day}""",
        clauses="""the first {ns} are expected to reach {ally} before the end of the month
        crews from the {a} {n} spent weeks training on {a} {ns} near {city}
        {spec} has become a central part of the plan to protect {city} from {a} {ns}
        {org0} has struggled to keep its {ns} supplied as demand for {ns} grew
        commanders on the {n} have asked for more {ns} and fewer promises
        the {n} at {city} was {v} twice in the past week, according to local officials
        several {ns} were {v} by {a} units before they could reach the {n}
        engineers {v} a damaged {n} in less than a week, a pace officials called unusual
        output at the {n} in {region} has tripled since the spring
        a second {n} is planned for the autumn if parliament agrees to the cost
        the {a} {n} near {region} has changed hands several times since {year}
        {P} said the {ns} would be {v} in stages to avoid exposing them to attack
        the package does not include {a} {ns}, which {ally} has requested for months
        lawmakers in {country} have questioned whether the {a} {ns} can be replaced quickly
        {org0} signed a contract for {a} {ns} with a supplier in {ally} last {season}
        soldiers at the {n} near {city} say the {ns} arrive in smaller batches than promised
        the cost of each {n} has roughly doubled since {year}, according to budget papers
        neighbouring governments have offered to store {ns} at their own bases
        a convoy carrying {ns} was held at the border for two days
        {P} visited a {n} outside {city} and spoke with {a} crews""",
        headlines="""{country} to send {short0} to {ally} in new aid package
        {ally} gets {short0} as {country} steps up military support
        {country} approves {short0} for {ally} amid pressure on the front
        new {country} package brings {short0} to {ally}
        {spec} deliveries to start as {country} pledges {short1}""",
        quotes="""every {n} we deliver today is one less {n} our partners in {ally} have to wait for
        we promised {ally} we would not look away, and this package shows that we meant it
        the {ns} are on their way, and more will follow as soon as our factories can build them
        nobody should mistake this for the last word, because we will do more if the situation \
        demands it
        our soldiers need {ns} more than they need speeches, and that is exactly what we are \
        sending""",
    ),
    _topic(
        "trade",
        "business",
        nouns="""tariff quota port container_ship freight_rate customs_office border_post
        shipping_lane cargo_terminal export_permit import_ban trade_surplus trade_deficit
        exchange_rate supply_chain warehouse bulk_carrier grain_silo steel_mill assembly_plant
        distributor wholesaler retailer consignment invoice letter_of_credit/letters_of_credit
        free_trade_zone customs_union anti-dumping_duty subsidy_scheme trade_envoy negotiating_round
        dispute_panel shipping_company freight_forwarder berth crane dock_worker lorry_driver
        inspection queue backlog manifest commodity""",
        verbs="""export import impose lift/lifted waive negotiate inspect clear reroute
        unload load stall/stalled retaliate ease tighten divert/diverted suspend resume
        renegotiate ratify undercut/undercut redirect levy""",
        adjectives="""bilateral multilateral protectionist duty-free tariff-free seaborne
        landlocked congested containerised outbound inbound seasonal wholesale retail
        punitive reciprocal preferential overdue stranded backlogged competitive bonded""",
        things="""
        shipping containers | containers | thousands
        tonnes of wheat | tonnes of wheat | thousands
        lorries waiting at the border | lorries | small
        in lost exports | in exports | money
        of its steel output | of steel output | percent
        tonnes of frozen fish | tonnes of fish | thousands
        cars shipped abroad | cars | thousands
        in new tariffs | in tariffs | money
        """,
        titles="""Trade Minister
        Economy Minister
        Chief Trade Negotiator
        Customs Director
        Port Authority Chair""",
        orgs="""the {country} Chamber of Commerce
        the {city} Port Authority
        the {country} Customs Service
        {surname} Shipping Lines
        the Association of {country} Exporters""",
        specs="""the {city} free trade zone
        the {word} Corridor rail link
        the {word} Agreement on customs
        the container terminal at {city}""",
        leads="""{country} said {day} it would impose new duties after imports reached {fig}
        exporters in {country} shipped {fig} last month, the customs service said {day}
        the port of {city} handled {fig} in the first quarter, officials said {day}
        {country} and {ally} agreed {day} to lift restrictions that had held up {fig}
        trade between {country} and {ally} fell to {fig}, according to figures published {day}""",
        clauses="""{ns} at {city} have been {v} for days while inspectors check paperwork
        the {a} {n} between {country} and {ally} has been in force since {year}
        shipping agents said {ns} were being {v} to other ports along the coast
        {org0} blamed the {n} on a shortage of inspectors and a new software system
        the {a} {n} applies to goods from {ally} but not to raw materials
        farmers who depend on the {n} say they cannot wait another season
        {P} said the {n} would be reviewed once the talks with {ally} resumed
        several {ns} in {region} have cut shifts because of the {a} {n}
        the dispute over {spec} has dragged on for more than a year
        a {a} {n} could add weeks to delivery times, {who} warned
        insurers have raised premiums for {ns} crossing the strait
        the last {n} was {v} after a similar row in {year}
        buyers in {ally} have started looking for {a} suppliers elsewhere
        the government plans to {vb} the {n} once stocks return to normal
        customs brokers in {city} are working weekend shifts to clear the {n}
        the average wait at the {n} has grown from a few hours to almost three days
        exporters of {ns} say the rules were changed without warning
        {org0} wants the {n} settled before the next harvest is shipped
        a {a} {n} signed in {year} set the current rules for {ns}
        traders in {ally} have begun stockpiling {ns} ahead of the deadline""",
        headlines="""{country} imposes duties as imports hit {short0}
        {city} port backlog grows as {short0} wait for clearance
        {country} and {ally} strike deal on {short0}
        exports slump to {short0} as trade row with {ally} deepens
        new tariffs threaten {short1}, exporters warn""",
        quotes="""we cannot let our {ns} sit idle while the paperwork moves at this speed
        our exporters have waited long enough, and this agreement finally gives them a fair chance
        if {ally} keeps these duties in place we will have no choice but to respond
        the ships are here, the goods are here, what we are missing is a decision
        nobody wins a trade war, but our farmers are the first to lose one""",
    ),
    _topic(
        "election",
        "politics",
        nouns="""ballot polling_station candidate running_mate constituency electoral_roll
        turnout recount exit_poll manifesto rally debate runoff primary
        election_commission observer_mission campaign_fund party_list seat majority mandate
        incumbent challenger volunteer canvasser leaflet postal_vote ballot_box tally_sheet
        electoral_district swing_voter stronghold platform pledge referendum by-election
        caretaker_government inauguration""",
        verbs="""campaign canvass nominate endorse concede contest/contested tally certify
        annul/annulled boycott rally/rallied unseat outpoll reelect/reelected court
        disqualify/disqualified recount mobilise poll/polled""",
        adjectives="""electoral incumbent opposition centrist nationalist liberal conservative
        reformist populist fringe undecided rural urban marginal safe contested razor-thin
        landslide provisional official preliminary bitter lacklustre""",
        things="""
        registered voters | voters | millions
        ballots cast by post | postal ballots | thousands
        seats in the 300-member assembly | seats | small
        polling stations | polling stations | thousands
        of the vote | of the vote | percent
        in campaign spending | in spending | money
        election observers | observers | small
        """,
        titles="""Prime Minister
        Opposition Leader
        Election Commission Chair
        Interior Minister
        Party Chair""",
        orgs="""the {country} Election Commission
        the {word} Party
        the {word} Alliance
        the {word} Movement
        the Civic Monitoring Network""",
        specs="""the {word} Party
        the {word} Union
        the {word} Front
        the coalition led by the {word} Party""",
        leads="""voters in {country} went to the polls {day}, with {fig} eligible to take part
        {spec} won {fig}, according to preliminary results released {day}
        the election commission in {country} said {day} that it had counted {fig}
        turnout in the {country} election reached {fig}, officials said {day}
        opposition parties in {country} said {day} they would challenge results covering {fig}""",
        clauses="""queues formed outside {ns} in {city} well before they opened
        the {a} {n} in {region} is expected to decide the outcome
        {spec} campaigned on a promise to cut living costs and reform the courts
        {org0} reported minor irregularities at several {ns} in {region}
        the {a} {n} has not held a majority since {year}
        {P} conceded that the {n} had been closer than expected
        observers said the {n} was orderly but marred by long waits in {city}
        the {a} vote split between three parties in the {n} around {city}
        coalition talks could take weeks if no party wins an outright {n}
        a {n} was ordered in two districts after ballot papers ran out
        young voters in {city} turned out in larger numbers than at the last {n}
        the {a} {n} promised to raise pensions and freeze rents for a year
        {P} accused rivals of spreading false claims about the {n}
        the final {n} is due within ten days, the commission said
        polling in {region} was extended by two hours after a power cut
        {spec} has promised to hold a referendum on the {n} within a year
        election posters in {city} were torn down overnight in several districts
        {P} cast a ballot at a school in {city} shortly after polls opened
        campaign spending has become a {a} issue since the last {n}
        the youngest candidate on the {n} is barely old enough to vote""",
        headlines="""{spec} claims win as count reaches {short0}
        {country} votes with {short0} on the rolls
        turnout hits {short0} in closely fought {country} election
        opposition contests result as {spec} takes {short1}
        {country} election heads for coalition talks after {short0}""",
        quotes="""the people of {country} have spoken, and we will respect every single vote \
        that was cast
        this was never about one party, it was about whether our institutions still work for \
        everyone
        we will not accept a result that was decided before the ballots were counted
        tonight belongs to the volunteers who knocked on every door in {region}
        the count is not finished, and nobody should declare victory before it is""",
    ),
    _topic(
        "disaster",
        "world",
        nouns="""flood landslide earthquake aftershock storm surge levee embankment dam
        evacuation_centre shelter rescue_team search_dog helicopter rubble/rubble debris/debris
        riverbank floodwater/floodwater mudslide power_outage water_main relief_convoy tent_camp
        field_kitchen emergency_line sandbag pumping_station coastguard firefighter paramedic
        triage_tent road_closure collapsed_bridge hillside rainfall_gauge warning_siren""",
        verbs="""evacuate inundate submerge/submerged collapse rescue airlift/airlifted shelter
        reinforce breach/breached sweep/swept strand/stranded flatten uproot cordon relocate
        restore dredge/dredged overflow/overflowed""",
        adjectives="""torrential low-lying flooded displaced stranded makeshift damaged
        waterlogged cut-off submerged unstable deadly devastating powerful heavy relentless
        coastal mountainous fragile temporary emergency""",
        things="""
        people killed | dead | small
        residents evacuated from their homes | evacuated | thousands
        homes destroyed or damaged | homes damaged | thousands
        people still missing | missing | small
        in reconstruction costs | in damage | money
        of the harvest in the affected areas | of the harvest | percent
        millimetres of rain in a single day | mm of rain | small
        """,
        titles="""Emergency Services Minister
        Civil Protection Chief
        Interior Minister
        Regional Governor
        Fire Brigade Commander""",
        orgs="""the {country} Civil Protection Agency
        the {city} Fire Brigade
        the {word} Red Crescent Society
        the {country} Meteorological Office
        the {region} Emergency Committee""",
        specs="""the {word} River
        the {word} Dam
        Storm {first}
        the {word} fault line""",
        leads="""floods in {region} have left {fig}, officials said {day}
        rescuers in {city} were still searching {day} after a landslide that left {fig}
        the storm that hit {country} {day} has left {fig}, the civil protection agency said
        heavy rain along {spec} caused damage that authorities estimated {day} at {fig}
        authorities in {country} said {day} the earthquake near {city} had left {fig}""",
        clauses="""the water along {spec} rose more than two metres overnight
        {ns} in {region} remained closed as crews cleared {n} from the roads
        {org0} sent {a} teams with boats and {ns} to the worst-hit villages
        residents of {city} spent the night in {a} {ns} set up in schools
        the {a} {n} above {city} gave way shortly before dawn
        {P} said the priority was reaching villages cut off by the {n}
        forecasters warned that more rain could fall on {a} ground in {region}
        a {n} was {v} by the current and several cars were swept away
        volunteers filled {ns} through the night to protect the old town
        power was {v} to most of {city} by the evening, the utility said
        schools in {region} will stay shut for at least a week
        the {a} {n} near {city} had been flagged as unsafe in {year}
        aid agencies appealed for clean water and {ns} for families
        insurers expect the damage to exceed that of the {n} in {year}
        the army sent trucks and {ns} to help clear the main road into {city}
        farmers in {region} lost livestock and much of the {a} {n}
        {P} toured the damaged {n} by helicopter and promised emergency funds
        the bridge linking {city} to the coast was closed after engineers spotted cracks
        many families had ignored an evacuation order issued the evening before
        rescuers used thermal cameras to search the {n} through the night""",
        headlines="""floods in {region} leave {short0}
        {country} storm leaves {short0} as rescuers search {city}
        landslide near {city}: {short0}, officials say
        {spec} bursts its banks, leaving {short0}
        {country} counts cost of disaster as {short1}""",
        quotes="""we are doing everything we can to reach the families who are still waiting on \
        their roofs
        the water came so fast that people had no time to take anything with them
        nobody in {city} has seen the river this high in living memory
        our teams have not slept for two days, and they will not stop until everyone is found
        the rebuilding will take years, but tonight our only concern is keeping people safe""",
    ),
    _topic(
        "court",
        "national",
        nouns="""trial verdict sentence appeal indictment defendant plaintiff prosecutor
        defence_lawyer judge jury testimony witness_stand courtroom hearing motion injunction
        settlement damages/damages fine class_action subpoena affidavit plea_deal bail/bail
        custody/custody conviction acquittal retrial ruling precedent statute legal_team court_clerk
        cross-examination closing_argument evidence_file wiretap bank_record""",
        verbs="""convict acquit/acquitted sentence indict/indicted testify/testified overturn
        uphold/upheld dismiss adjourn appeal/appealed subpoena settle rule fine/fined summon detain
        prosecute plead/pleaded order""",
        adjectives="""criminal civil judicial appellate landmark unanimous split lengthy
        closed-door sealed confidential fraudulent alleged disputed contested sworn
        procedural lenient harsh suspended""",
        things="""
        in fines | in fines | money
        documents submitted as evidence | documents | thousands
        former employees who joined the lawsuit | plaintiffs | small
        years in prison | years | small
        in damages | in damages | money
        of the company's shares | of shares | percent
        witnesses called by the prosecution | witnesses | small
        """,
        titles="""Judge
        Chief Prosecutor
        Justice Minister
        Attorney General
        Defence Counsel""",
        orgs="""the {city} District Court
        the {country} Supreme Court
        the Office of the Public Prosecutor
        {surname} Holdings
        the {country} Bar Association""",
        specs="""{surname} Holdings
        the {word} Group
        {surname} Construction
        the {word} Fund""",
        leads="""a court in {city} ordered {spec} {day} to pay {fig}
        prosecutors in {country} said {day} they had gathered {fig} in the case against {spec}
        {spec} was told {day} to pay {fig} after a {city} court found it liable
        the trial of executives at {spec} opened in {city} {day}, with {fig} expected
        judges in {city} ruled {day} that {spec} must pay {fig}""",
        clauses="""the {n} lasted eleven weeks and heard from former managers at {spec}
        lawyers for {spec} said they would {vb} the {n} at the appellate court
        {P} told the court that the {n} had been signed without proper checks
        the {a} {n} was the largest of its kind in {country} since {year}
        prosecutors argued that the {ns} had been altered to hide losses
        the judge rejected a {n} to move the case to {region}
        several {ns} were read aloud in the courtroom on {dayname}
        the {a} {n} could set a precedent for similar cases in {ally}
        defence lawyers said their client had been {v} without a fair hearing
        the {n} is expected to take months before a {a} ruling
        {org0} said it was studying the {n} and had not decided on next steps
        former staff who gave {n} described a culture of fear at the firm
        the court ordered a {a} review of the {ns} seized in {year}
        the case has drawn attention to gaps in the rules on {ns}
        the jury deliberated for three days before reaching a {a} verdict
        {P} declined to comment on leaving the courthouse
        a {a} {n} filed by shareholders is still pending in {city}
        the company has set aside money to cover a possible {n}
        the case began after a whistleblower sent documents to regulators in {year}
        legal experts said the {n} would be hard to overturn on appeal""",
        headlines="""court orders {spec} to pay {short0}
        {spec} found liable, faces {short0}
        trial of {spec} executives opens with {short0}
        {city} judges rule against {spec} in case worth {short0}
        {spec} to appeal after {short1} ruling""",
        quotes="""this ruling sends a clear message that nobody is above the law, however large \
        their company
        we respect the court but we believe the judgment is wrong and we will appeal it
        my clients waited years for someone to listen to them, and today someone finally did
        the evidence was overwhelming and the court has recognised it in every detail
        a fine is not justice for the families who lost their savings""",
    ),
    _topic(
        "markets",
        "markets",
        nouns="""share_price stock_index bond_yield quarterly_result profit_warning dividend
        buyback earnings_call trading_session investor_day credit_rating debt_issue
        rights_offering hedge_fund pension_fund market_value bid takeover_offer merger
        board shareholder chief_executive finance_chief revenue_forecast margin order_book
        balance_sheet cash_pile listing flotation regulator_filing analyst_note""",
        verbs="""rally/rallied slump tumble soar plunge rebound outperform downgrade upgrade
        acquire divest delist/delisted float trim/trimmed lift/lifted beat/beat miss/missed
        guide""",
        adjectives="""bullish bearish volatile listed blue-chip mid-cap speculative defensive
        cyclical lacklustre robust disappointing upbeat downbeat quarterly annual hostile
        friendly all-share cash-rich indebted""",
        things="""
        in quarterly revenue | in revenue | money
        in net profit | in profit | money
        jobs to be cut | jobs | thousands
        of its market value | of market value | percent
        new shares | new shares | millions
        stores to close | stores | small
        """,
        titles="""Chief Executive
        Finance Chief
        Chair
        Chief Strategist
        Managing Director""",
        orgs="""{surname} Capital
        the {word} Stock Exchange
        {surname} Retail Group
        {surname} and {surname2} Partners
        the {country} Financial Conduct Board""",
        specs="""{surname} Industries
        {word} Telecom
        {surname} Foods
        the {word} Bank""",
        leads="""shares in {spec} moved sharply {day} after the company reported {fig}
        {spec} said {day} it expected {fig}, sending its stock lower in early trading
        investors in {spec} were told {day} that the company would seek {fig}
        {spec} unveiled a plan {day} that includes {fig}
        the board of {spec} said {day} it had agreed to a deal worth {fig}""",
        clauses="""the {a} results were weighed down by higher costs in {region}
        {P} told analysts on the {n} that demand had held up better than feared
        the company's {n} has fallen by a third since {year}
        {who} had expected a smaller {n} and a firmer outlook
        {spec} has been under pressure from a {a} investor to sell its {n}
        the {n} will be funded partly from the {n} built up during the boom
        trading in the stock was briefly halted after the {n} was published
        {org0} said in a note that the {n} looked {a} at current prices
        the firm also {v} its {n} for the rest of the year
        rivals in {ally} reported {a} results last week
        the {a} {n} is the company's first since it listed in {year}
        a {n} from the regulator showed that two funds had built stakes in {spec}
        management said the {n} would be completed by the end of the {season}
        the shares remain well below the price at the time of the {n}
        the company employs staff in {region} and {ally}
        {spec} shares have lagged behind the wider market for most of the year
        a {a} {n} would be the company's largest since {year}
        credit rating agencies said they were reviewing the {n}
        {P} said the board had considered and rejected a {a} {n}
        trading volumes were roughly twice the daily average""",
        headlines="""{spec} shares move after {short0}
        {spec} plans {short0} in overhaul
        {spec} warns of {short0} as costs bite
        investors weigh {spec} deal worth {short0}
        {spec} to cut {short1} as outlook dims""",
        quotes="""we are not going to chase growth at any price, and our shareholders understand why
        this has been a difficult quarter, but the underlying business is stronger than the \
        numbers suggest
        the market wanted a clear plan and today we have given it one
        we will come out of this with a leaner company and a healthier balance sheet
        none of these decisions were easy, and they affect people who have worked here for \
        decades""",
    ),
    _topic(
        "health",
        "health",
        nouns="""outbreak vaccine clinic hospital_ward intensive_care_unit waiting_list
        health_worker nurse surgeon epidemiologist infection case_count booster vaccination_drive
        screening_programme trial_result drug_shortage prescription pharmacy ambulance
        emergency_room quarantine isolation_ward contact_tracer laboratory test_kit
        health_inspector mosquito_net water_supply sanitation_team medical_supply""",
        verbs="""vaccinate screen diagnose treat/treated hospitalise discharge quarantine
        isolate ration prescribe trace test inoculate immunise admit/admitted monitor
        disinfect""",
        adjectives="""infectious contagious chronic acute seasonal preventive clinical
        experimental overcrowded understaffed rural paediatric elderly vulnerable mild severe
        suspected confirmed routine emergency public""",
        things="""
        confirmed cases | cases | thousands
        doses of vaccine | doses | millions
        patients on waiting lists | patients waiting | thousands
        deaths linked to the outbreak | deaths | small
        nurses hired this year | nurses | thousands
        in extra health funding | in health funding | money
        of hospital beds | of beds | percent
        """,
        titles="""Health Minister
        Chief Medical Officer
        Hospital Director
        Public Health Commissioner
        Chief Epidemiologist""",
        orgs="""the {country} Public Health Institute
        {city} General Hospital
        the {word} Medical Association
        the {country} Nurses Union
        the {region} Health Authority""",
        specs="""{word} fever
        the {word} strain
        {word} virus
        the {city} outbreak""",
        leads="""health officials in {country} said {day} they had recorded {fig}
        an outbreak of {spec} in {region} has led to {fig}, officials said {day}
        the health ministry in {country} announced {day} it would provide {fig}
        hospitals in {city} reported {fig} as {spec} spread through the region
        {country} began a campaign {day} aimed at delivering {fig}""",
        clauses="""{ns} in {city} are running at full capacity, staff said
        the {a} {n} has been slower than planned in {region}
        {P} urged residents to get tested if they develop a fever
        {org0} opened {a} {ns} in schools and sports halls
        the first {ns} were reported in villages along the river in late {month}
        doctors say {spec} is more dangerous for {a} patients
        a shortage of {ns} has forced some clinics to turn people away
        {who} called for a {a} {n} to be set up at the border
        the ministry has hired retired {ns} to help with the workload
        the {a} {n} will be reviewed at the end of the month
        laboratories in {city} are processing samples around the clock
        the last major {n} in {country}, in {year}, lasted nearly a year
        {spec} spreads mainly through contaminated water, experts said
        families in {region} have been told to boil water before drinking it
        {P} said hospitals had postponed routine operations to free up beds
        mobile clinics have been sent to villages in {region} that lack a doctor
        the ministry has asked retired {ns} to return for the next three months
        several schools in {city} have closed after pupils fell ill
        a hotline for worried parents received thousands of calls in its first day
        experts from {ally} are expected to arrive in {city} to help with testing""",
        headlines="""{spec} outbreak: {country} records {short0}
        {country} orders {short0} as {spec} spreads
        {city} hospitals strain under {short0}
        health ministry plans {short0} in {spec} campaign
        {spec} cases climb to {short1} in {region}""",
        quotes="""we know how to stop this outbreak, but only if people come forward early and \
        get tested
        our nurses are exhausted, and we owe it to them to get these numbers down quickly
        every dose we give today protects a family tomorrow
        the situation is serious but it is not out of control, and we intend to keep it that way
        we have learned hard lessons from the last outbreak and we will not repeat those \
        mistakes""",
    ),
    _topic(
        "energy",
        "business",
        nouns="""power_plant wind_farm solar_park gas_field pipeline refinery reactor turbine
        substation transmission_line grid_operator energy_tariff fuel_subsidy coal_mine
        oil_rig drilling_licence storage_tank battery_plant heat_pump electricity_bill
        blackout load_shedding/load_shedding spot_price futures_contract gas_reserve offshore_block
        interconnector hydro_dam""",
        verbs="""generate/generated drill/drilled refine pump/pumped decommission connect
        ramp curtail/curtailed subsidise hedge ration import export commission/commissioned
        shut/shut store/stored tap/tapped""",
        adjectives="""renewable offshore onshore nuclear fossil low-carbon peak off-peak
        wholesale regulated deregulated intermittent baseload strategic depleted
        subsidised volatile grid-scale coal-fired gas-fired""",
        things="""
        megawatts of new capacity | megawatts | thousands
        households without power | households | thousands
        barrels of oil a day | barrels a day | thousands
        in grid investment | in grid investment | money
        of electricity from wind and sun | of power from renewables | percent
        cubic metres of gas | cubic metres of gas | millions
        """,
        titles="""Energy Minister
        Grid Operator Chief
        Climate Minister
        Utility Chief Executive
        Regulator Chair""",
        orgs="""the {country} Grid Company
        {surname} Energy
        the {word} Power Cooperative
        the {country} Energy Regulator
        {surname} Petroleum""",
        specs="""the {word} offshore wind farm
        the {word} gas field
        the {word} pipeline
        the {city} nuclear plant""",
        leads="""{country} approved {spec} {day}, a project expected to add {fig}
        a fault at {spec} left {fig} across {region}, the grid operator said {day}
        {spec} will produce {fig} once it reaches full output, officials said {day}
        the government of {country} said {day} it would spend {fig} on its power network
        output from {spec} fell to {fig}, the operator said {day}""",
        clauses="""the {a} {n} has been delayed twice because of a shortage of cables
        households in {region} have seen their {ns} rise steadily since {year}
        {org0} said repairs to the {n} would take at least ten days
        {P} said the {n} would cut reliance on imports from {ally}
        the {a} {n} near {city} is due to close by the end of the decade
        engineers found a crack in a {n} during routine checks
        environmental groups have challenged the {n} in court
        the {n} connecting {country} and {ally} was switched back on overnight
        industrial users in {region} were asked to cut demand during peak hours
        the {a} {n} will be partly funded by a levy on bills
        prices on the {a} market jumped after the outage was announced
        {spec} was first proposed in {year} but stalled over financing
        a {a} {n} is planned for the same site
        the operator has asked the regulator to approve a higher {n}
        {P} said the {n} would be ready before the winter peak
        shops in {city} ran on generators during the outage
        the {n} was built by a consortium that includes companies from {ally}
        fishing groups have raised concerns about the {a} {n} off the coast
        the regulator will publish its review of the {n} in the {season}
        {org0} plans to sell part of its stake in the {n}""",
        headlines="""{country} approves {spec} with {short0}
        outage leaves {short0} in {region}
        {spec} to deliver {short0}, operator says
        {country} plans {short0} to shore up grid
        {spec} output falls to {short1}""",
        quotes="""this project will keep the lights on in {region} for a generation
        we cannot keep asking families to pay more while the network keeps failing them
        the outage was unacceptable and we will find out exactly what went wrong
        our goal is simple, cheaper power that we produce here at home
        every turbine we build is one less tanker we have to wait for""",
    ),
    _topic(
        "transport",
        "national",
        nouns="""railway_line tram_network bus_route motorway ring_road bridge tunnel
        level_crossing signal_box rolling_stock/rolling_stock locomotive carriage commuter timetable
        fare ticket_office depot runway terminal_building ferry_route toll_road cycle_lane
        traffic_jam speed_camera road_surface maintenance_crew track_bed viaduct
        station_concourse platform_extension""",
        verbs="""electrify/electrified reroute resurface widen close/closed reopen
        upgrade commute/commuted derail/derailed delay timetable repave toll divert/diverted
        renovate excavate""",
        adjectives="""high-speed suburban intercity overcrowded delayed electrified single-track
        double-track congested pedestrian underground elevated regional rush-hour cross-border
        long-distance toll-free ageing""",
        things="""
        passengers a day | passengers a day | thousands
        kilometres of new track | km of track | small
        in construction costs | in construction costs | money
        trains cancelled | trains cancelled | small
        of services running late | of services late | percent
        commuters affected | commuters | thousands
        """,
        titles="""Transport Minister
        Rail Operator Chief
        City Transport Commissioner
        Highways Director
        Mayor""",
        orgs="""the {country} Railways
        the {city} Transit Authority
        {surname} Civil Engineering
        the {country} Highways Agency
        the {word} Commuters Association""",
        specs="""the {word} Line
        the {word} tunnel
        the {city} ring road
        the {word} bridge""",
        leads="""{spec} reopened {day} after repairs that cost {fig}
        work on {spec} will begin next year, with {fig} planned, officials said {day}
        a signal failure on {spec} {day} left {fig}
        the {city} Transit Authority said {day} that {spec} now carries {fig}
        the government of {country} approved {fig} for {spec} {day}""",
        clauses="""commuters in {city} faced long queues for replacement buses
        the {a} {n} has been closed for safety checks since {month}
        {org0} blamed the delays on a shortage of drivers and ageing {ns}
        {P} said the {n} would be finished two years later than planned
        residents along the route have complained about noise from the {n}
        the {a} {n} between {city} and the airport is often full at peak times
        engineers found cracks in a {n} during an inspection last {season}
        fares on the {n} will rise by less than inflation next year
        the operator has ordered {a} {ns} from a manufacturer in {ally}
        the {n} was first built in {year} and has rarely been renovated
        a {a} {n} is planned to ease congestion in the old town
        unions warned that cuts to the {n} would hurt night workers
        the new {ns} are expected to enter service in the {season}
        cyclists have asked for a separate {n} on the widened road
        a {a} {n} was found to need urgent repairs during the survey
        taxi drivers in {city} reported their busiest day in months
        the project has been dogged by disputes with contractors since {year}
        {P} rode the first {n} from {city} and praised the work of the crews
        ticket machines at several stations in {city} were out of order
        the operator has promised refunds to passengers whose trips were disrupted""",
        headlines="""{spec} reopens after {short0} repair
        {spec} plan gets {short0}
        signal failure on {spec} hits {short0}
        {spec} now carries {short0}, authority says
        {country} backs {spec} with {short1}""",
        quotes="""people in {city} have waited far too long for a railway they can rely on
        we know the disruption has been painful and we are grateful for everyone's patience
        this line will change how people live and work across the whole of {region}
        a city that cannot move cannot grow, and that is why this project matters
        we will not reopen the route until every inspection has been completed""",
    ),
    _topic(
        "farming",
        "business",
        nouns="""harvest crop wheat_field maize_crop rice_paddy vineyard orchard dairy_farm
        cattle_herd irrigation_canal fertiliser pesticide grain_store silo tractor
        combine_harvester seed_bank drought frost locust_swarm livestock_market milk_price
        farm_subsidy crop_insurance/crop_insurance cooperative agronomist farmhand greenhouse
        sheep_flock poultry_farm feed_mill""",
        verbs="""harvest plant irrigate fertilise graze/grazed cull/culled spray sow thresh
        ration store/stored subsidise replant export rotate dry/dried""",
        adjectives="""arable parched fertile drought-hit frost-damaged organic irrigated
        seasonal smallholder industrial bumper meagre early late rain-fed pastoral
        disease-free heat-stressed""",
        things="""
        tonnes of wheat | tonnes of wheat | thousands
        hectares of farmland | hectares | thousands
        head of cattle | cattle | thousands
        in drought relief | in drought relief | money
        of the expected harvest | of the harvest | percent
        farms affected | farms | small
        litres of milk a day | litres of milk | thousands
        """,
        titles="""Agriculture Minister
        Farmers Union President
        Chief Agronomist
        Rural Affairs Minister
        Cooperative Chair""",
        orgs="""the {country} Farmers Union
        the {word} Grain Cooperative
        the {country} Ministry of Agriculture
        {surname} Seeds
        the {region} Irrigation Board""",
        specs="""the {word} valley
        the {word} plain
        the {word} irrigation scheme
        the {city} grain exchange""",
        leads="""drought across {spec} has destroyed {fig}, the farmers union said {day}
        farmers in {region} expect {fig} this season, the agriculture ministry said {day}
        the government of {country} announced {day} it would pay {fig} to farmers hit by frost
        an outbreak of disease in {spec} has forced the cull of {fig}, officials said {day}
        growers around {city} reported {fig} as the harvest began {day}""",
        clauses="""the {a} {n} in {spec} has not seen proper rain since {month}
        farmers in {region} have started selling {ns} to pay for feed
        {org0} said prices for {ns} had risen by a third since the spring
        {P} said the {n} would be paid out before the winter sowing
        many {a} farms lack the money to install {ns}
        the {n} was the worst in {region} since {year}
        {who} warned that the {a} {n} could push up bread prices
        a {a} {n} has left orchards around {city} with little fruit
        the ministry plans to release grain from the state {n}
        buyers from {ally} have cancelled several {ns}
        young farmers are leaving {region} for jobs in {city}
        the {a} {n} that feeds the valley dates from {year}
        agronomists recommend switching to {a} varieties that need less water
        the cooperative has asked for a delay in repaying {ns}
        {P} said many farmers in {region} had already sold their {ns}
        rainfall in {region} this year is less than half the usual amount
        the cooperative has set up a fund to help members buy {ns}
        local markets in {city} have seen the price of vegetables climb week after week
        the {n} has forced some villages to truck in drinking water
        seed companies in {ally} have offered {a} varieties at a discount""",
        headlines="""drought wipes out {short0} in {spec}
        {country} farmers brace for {short0}
        frost relief of {short0} for {region} growers
        {spec} disease forces cull of {short0}
        harvest forecast cut to {short1} as {spec} dries out""",
        quotes="""we have farmed this land for four generations and I have never seen the soil \
        this dry
        the support is welcome, but it will not bring back a harvest we have already lost
        if the rain does not come in the next two weeks, many of us will not plant again
        our animals have nothing left to eat, and we cannot afford to buy feed at these prices
        farmers are not asking for charity, we are asking for a fair price for our work""",
    ),
)

CODE_WORDS = _lex(
    """Harrow Falcon Kestrel Bastion Vigil Lance Talon Sentinel Aegis Corsair Rampart Halberd
    Meridian Aurora Cobalt Zenith Sable Onyx Tempest Beacon Arbor Summit Verity Lodestar"""
)
NAME_WORDS = _lex(
    """Amber Silver Granite Cedar Harbour Northern Liberty Unity Progress Heritage Meridian
    Crescent Summit Riverside Highland Lakeside Horizon Evergreen Bluewater Ironwood Saltmarsh
    Copperhill Stonebridge Willowmere Ashgrove Larkspur Thornfield Goldcrest Fernhollow"""
)

# --------------------------------------------------------------------------------------------
# Outlets and boilerplate.


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    title_case: bool  # headlines in Title Case (else Sentence case)
    dateline: bool  # the first paragraph starts "CITY -"


OUTLETS = (
    Outlet("The Harbour Ledger", "harbourledger.example.com", True, True),
    Outlet("Northfield Courier", "northfieldcourier.example.net", False, False),
    Outlet("Daily Meridian", "dailymeridian.example.org", True, False),
    Outlet("The Quayside Post", "quaysidepost.example.com", False, True),
    Outlet("Lantern Wire", "lanternwire.example.net", False, True),
    Outlet("The Ashgrove Observer", "ashgroveobserver.example.org", True, False),
    Outlet("Compass Newsroom", "compassnews.example.com", False, False),
    Outlet("Tidewater Times", "tidewatertimes.example.net", True, True),
    Outlet("The Evening Signal", "eveningsignal.example.com", True, False),
    Outlet("Keystone Report", "keystonereport.example.org", False, False),
    Outlet("Ridgeline Gazette", "ridgelinegazette.example.net", True, False),
    Outlet("The Open Ledger", "openledger.example.com", False, True),
    Outlet("Pinecrest Herald", "pinecrestherald.example.org", True, True),
    Outlet("Weekday Dispatch", "weekdaydispatch.example.net", False, False),
    Outlet("The Lowland Examiner", "lowlandexaminer.example.com", True, False),
    Outlet("Beacon Street Journal", "beaconstreetjournal.example.org", False, False),
    Outlet("Coastline Chronicle", "coastlinechronicle.example.com", True, True),
    Outlet("The Morning Almanac", "morningalmanac.example.net", False, False),
    Outlet("Aggregate Today", "aggregatetoday.example.com", False, False),
    Outlet("Newsfold", "newsfold.example.net", True, False),
)
# Outlets that only publish the daily templated reports (see SERIES).
SERIES_OUTLETS = (
    Outlet("Exchange Floor Daily", "exchangefloor.example.com", True, False),
    Outlet("Skyline Weather Desk", "skylineweather.example.net", False, False),
    Outlet("Harbourmaster Bulletin", "harbourmasterbulletin.example.org", False, False),
    Outlet("Riverwatch Service", "riverwatch.example.com", True, False),
)
TEMPLATED_SITES = tuple(outlet.name for outlet in SERIES_OUTLETS)

HEAD_LINES = _lines(
    """
    This article first appeared on {outlet}.
    Originally published by {outlet}.
    Shared from {outlet} under a syndication agreement.
    From our partners at {outlet}
    {outlet} | {section}
    """
)
HEAD_LINES_WITH_DIGITS = _lines(
    """
    Updated {hh}:{mm} GMT
    Published {weekday}, {hh}:{mm}
    {minutes} min read
    """
)
TAIL_LINES = _lines(
    """
    Reporting by {name1} in {city}; additional reporting by {name2}; editing by {name3}.
    Reporting by {name1}; editing by {name2}.
    Read more: {headline}
    Related: {headline}
    Sign up for our newsletter to get the day's top stories in your inbox every morning.
    This story was republished under a content-sharing agreement with {outlet}.
    All rights reserved. Copying this article without permission is prohibited.
    Follow {outlet} on social media for the latest updates.
    Have a news tip? Write to our newsroom; we read every message.
    """
)
CONTINUE_LINES = _lines(
    """
    Continue reading on {outlet}
    Read the full story at {outlet}.
    The full article is available to subscribers of {outlet}.
    Continue reading...
    """
)
UTM_SOURCES = _lex("newsletter twitter facebook rss partner homepage push")
UTM_MEDIUMS = _lex("email social feed referral syndication app")

# Own table of interchangeable words, one group a line. A writer varies the fixed words of its
# patterns with it (so two stories on one topic do not share long runs of words), and a light
# rewrite swaps words within a group. No number and no qualifier of a figure ("about",
# "nearly", ...) is in it, so neither changes a figure.
VARIANT_GROUPS = tuple(
    _lex(line)
    for line in _lines(
        """
        said stated noted
        told informed
        expected anticipated
        officials authorities
        residents locals inhabitants
        quickly rapidly swiftly
        began started
        begin start
        warned cautioned
        plan proposal scheme
        large big sizeable
        new fresh
        major significant substantial
        several a_number_of a_handful_of
        previous earlier prior
        serious grave
        government administration
        company firm
        firms companies
        shortage lack scarcity
        pressure strain
        talks negotiations
        agreement accord
        increase rise
        dispute row quarrel
        region area
        help assist
        remained stayed
        remains stays
        could might
        reporters journalists
        lawmakers legislators
        critics detractors
        analysts commentators
        announced unveiled revealed
        approved endorsed backed
        struggled battled
        promised pledged vowed
        delayed postponed
        closed shut
        unusual uncommon rare
        difficult hard tough
        largely mostly mainly
        closely carefully
        publicly openly
        roads streets
        homes houses
        families households
        workers employees
        staff personnel
        rose climbed
        fell dropped
        jumped surged
        worst most_severe
        end close
        spokesperson spokesman spokeswoman
        statement written_statement
        decision move
        concern worry
        problem issue
        villages hamlets
        village hamlet
        town municipality
        prices costs
        overnight during_the_night
        dawn daybreak first_light
        urged pressed
        argued contended
        insisted maintained
        acknowledged conceded admitted
        described characterised
        questioned challenged doubted
        welcomed applauded praised
        planned scheduled
        repairs fixes
        cancelled called_off
        halted paused
        built constructed
        build construct
        show indicate
        shows indicates
        showed indicated
        say argue
        central key crucial vital
        main principal
        frustrated exasperated
        necessary needed
        immediate instant
        despite in_spite_of
        amid amidst
        although though
        also additionally
        sharply steeply
        steadily consistently
        crews teams
        engineers technicians
        doctors physicians
        farmers growers
        buyers purchasers
        shares stocks
        warning alert
        warnings alerts
        across throughout
        near close_to
        figures numbers
        figure number
        total tally
        estimate projection
        documents papers
        court tribunal
        attempts efforts
        ended finished concluded
        called labelled
        plans intends aims
        allowed permitted
        raise lift boost
        cut reduce
        protect safeguard shield
        reach get_to
        reached hit
        """
    )
)
VARIANTS = {word: group for group in VARIANT_GROUPS for word in group}
_PATTERN_WORD = re.compile(r"\{[^}]*\}|\b[a-z]+\b")

# --------------------------------------------------------------------------------------------
# Events: what a story is about, shared by every article written on it.


@dataclass(frozen=True)
class Person:
    title: str
    first: str
    last: str

    @property
    def full(self) -> str:
        return (
            f"{self.title} {self.first} {self.last}" if self.title else f"{self.first} {self.last}"
        )


@dataclass(frozen=True)
class Figure:
    qualifier: str
    amount: str  # "3 million", "11,000", "$2.3 billion", "12 percent"
    thing: Thing
    lead: str  # the amount's first digit run: what an update changes

    @property
    def surface(self) -> str:
        return " ".join(part for part in (self.qualifier, self.amount, self.thing.full) if part)

    @property
    def short(self) -> str:
        return f"{self.amount} {self.thing.short}"


@dataclass(frozen=True)
class Event:
    topic: Topic
    country: str
    ally: str
    city: str
    region: str
    people: tuple[Person, ...]
    orgs: tuple[str, ...]
    spec: str
    figures: tuple[Figure, ...]
    quote: str
    day: date


_QUALIFIERS = ("about", "around", "nearly", "more than", "at least", "some", "almost", "")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+")


def _digit_runs(text: str) -> list[str]:
    return _DIGITS.findall(text)


class _Names:
    """Invented names, never the same one twice in a corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make: Callable[[], str]) -> str:
        for _ in range(200):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("ran out of invented names")

    def surname(self) -> str:
        rng = self.rng
        return self._fresh(
            lambda: rng.choice(_SURNAME_HEADS) + rng.choice(_MIDDLES) + rng.choice(_SURNAME_TAILS)
        )

    def place(self) -> str:
        rng = self.rng
        return self._fresh(
            lambda: rng.choice(_PLACE_HEADS) + rng.choice(_MIDDLES) + rng.choice(_PLACE_TAILS)
        )

    def person(self, title: str) -> Person:
        return Person(title, self.rng.choice(FIRST_NAMES), self.surname())

    def code(self) -> str:
        rng = self.rng
        return self._fresh(lambda: f"{rng.choice(CODE_WORDS)}-{rng.randint(2, 99)}")


def _amount(rng: random.Random, scale: str) -> str:
    if scale == "small":
        return str(rng.randint(12, 950))
    if scale == "thousands":
        if rng.random() < 0.5:
            return f"{rng.randint(11, 95) * 1000:,}"
        return f"{rng.randint(12, 99) * 100:,}"
    if scale == "millions":
        value = rng.choice((str(rng.randint(2, 9)), f"{rng.randint(1, 9)}.{rng.randint(1, 9)}"))
        return f"{value} million"
    if scale == "percent":
        value = rng.choice((str(rng.randint(3, 68)), f"{rng.randint(2, 40)}.{rng.randint(1, 9)}"))
        return f"{value} {rng.choice(('percent', 'per cent'))}"
    # money
    value = rng.choice((str(rng.randint(12, 880)), f"{rng.randint(1, 9)}.{rng.randint(1, 9)}"))
    unit = "million" if "." not in value and int(value) > 9 else "billion"
    return rng.choice(
        (
            f"{value} {unit} dollars",
            f"${value} {unit}",
            f"{value} {unit} euros",
            f"\u20ac{value} {unit}",
        )
    )


def _figure(rng: random.Random, thing: Thing, taken: set[str]) -> Figure:
    for _ in range(100):
        amount = _amount(rng, thing.scale)
        runs = [run for run in _digit_runs(amount) if run != "000"]
        if len(set(runs)) == len(runs) and not any(run in taken for run in runs):
            taken.update(runs)
            qualifier = "" if thing.scale == "percent" else rng.choice(_QUALIFIERS)
            return Figure(qualifier, amount, thing, runs[0])
    raise RuntimeError("no free figure")


def _fill_pattern(pattern: str, values: Mapping[str, str]) -> str:
    return pattern.format_map(values)


def make_event(rng: random.Random, names: _Names, topic: Topic, day: date) -> Event:
    country, ally = rng.sample(COUNTRIES, 2)
    city = names.place()
    region = f"{rng.choice(REGION_WORDS)} {names.place()}"
    if rng.random() < 0.5:
        region = f"the {names.place()} {rng.choice(REGION_KINDS)}"
    people = (
        names.person(rng.choice(topic.titles)),
        names.person(""),
        names.person(""),
        names.person(rng.choice(("Senator", "Mayor", "Councillor", "Professor"))),
    )
    patterns = [*rng.sample(topic.orgs, 2), rng.choice(topic.specs)]
    makers: dict[str, Callable[[], str]] = {
        "surname": names.surname,
        "surname2": names.surname,
        "word": names.place,
        "code": names.code,
        "first": lambda: rng.choice(FIRST_NAMES),
    }
    values = {"country": country, "city": city, "region": region}
    for key, make in makers.items():  # only the names the patterns need
        if any(f"{{{key}}}" in pattern for pattern in patterns):
            values[key] = make()
    org0, org1, spec = (_fill_pattern(pattern, values) for pattern in patterns)
    orgs = (org0, org1)
    taken = set(_digit_runs(spec))
    things = rng.sample(topic.things, min(4, len(topic.things)))
    figures = tuple(_figure(rng, thing, taken) for thing in things)
    event = Event(
        topic=topic,
        country=country,
        ally=ally,
        city=city,
        region=region,
        people=people,
        orgs=orgs,
        spec=spec,
        figures=figures,
        quote="",
        day=day,
    )
    # The quote: filled from the topic's patterns, 10 to 25 words.
    writer = _Writer(rng, event)
    for _ in range(50):
        quote = writer.fill(rng.choice(topic.quotes))
        if 10 <= len(quote.split()) <= 25:
            break
    return replace(event, quote=quote[0].upper() + quote[1:])


# --------------------------------------------------------------------------------------------
# Writing an article about an event.

_A_AN = re.compile(r"\b([Aa]) (?=[aeiouAEIOU])(?!uni|Uni|eu|Eu|one|use|usu)")


def _finish(sentence: str) -> str:
    sentence = _A_AN.sub(r"\1n ", sentence.strip())
    sentence = sentence[0].upper() + sentence[1:]
    return sentence if sentence.endswith((".", "?", "!", '"')) else sentence + "."


def title_case(title: str) -> str:
    small = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
    words = title.split(" ")
    return " ".join(
        word if (i and word in small) or not word[:1].islower() else word[0].upper() + word[1:]
        for i, word in enumerate(words)
    )


def sentence_case(title: str) -> str:
    return title[0].upper() + title[1:]


class _Slots(dict[str, str]):
    """Template values: fixed ones stored, the rest drawn afresh on every use."""

    def __init__(self, writer: _Writer, fixed: Mapping[str, str]) -> None:
        super().__init__(fixed)
        self.writer = writer

    def __missing__(self, key: str) -> str:
        return self.writer.draw(key)


class _Writer:
    """Renders sentences, paragraphs and headlines about one event with its own choices.

    ``avoid`` holds patterns another article on the event used: an independent article takes
    other ones, so the two share names and numbers but not wording.
    """

    def __init__(
        self, rng: random.Random, event: Event, avoid: frozenset[str] = frozenset()
    ) -> None:
        self.rng = rng
        self.event = event
        self.avoid = avoid
        self.used: list[str] = []
        self.mentioned: set[int] = set()
        self.seen: set[str] = set()  # sentences written, never repeated
        day = event.day
        self.fixed = {
            "country": event.country,
            "ally": event.ally,
            "city": event.city,
            "region": event.region,
            "spec": event.spec,
            "org0": event.orgs[0],
            "org1": event.orgs[1],
            "dayname": WEEKDAYS[day.weekday()],
        }
        self.day_forms = (
            f"on {WEEKDAYS[day.weekday()]}",
            f"on {MONTHS[day.month - 1]} {day.day}",
        )

    def pick(self, pool: Sequence[str]) -> str:
        """Choose a pattern: one neither used here nor avoided, else one not avoided."""
        fresh = [p for p in pool if p not in self.avoid and p not in self.used]
        allowed = fresh or [p for p in pool if p not in self.avoid] or list(pool)
        choice = self.rng.choice(allowed)
        self.used.append(choice)
        return choice

    def _mark(self) -> tuple[int, frozenset[int]]:
        return len(self.used), frozenset(self.mentioned)

    def _undo(self, mark: tuple[int, frozenset[int]]) -> None:
        """Forget the patterns and mentions of sentences that were thrown away."""
        del self.used[mark[0] :]
        self.mentioned = set(mark[1])

    def person(self, i: int) -> str:
        person = self.event.people[i]
        if i in self.mentioned:
            return person.last
        self.mentioned.add(i)
        return person.full

    def draw(self, key: str) -> str:
        rng, topic = self.rng, self.event.topic
        if key == "n":
            return rng.choice(topic.nouns)[0]
        if key == "ns":
            return rng.choice(topic.nouns)[1]
        if key == "v":
            return rng.choice(topic.verbs)[1]
        if key == "vb":
            return rng.choice(topic.verbs)[0]
        if key == "a":
            return rng.choice(topic.adjectives)
        if key == "gn":
            return rng.choice(GENERAL_NOUNS)[0]
        if key == "gns":
            return rng.choice(GENERAL_NOUNS)[1]
        if key == "gv":
            return rng.choice(GENERAL_VERBS)[1]
        if key == "gvb":
            return rng.choice(GENERAL_VERBS)[0]
        if key == "ga":
            return rng.choice(GENERAL_ADJECTIVES)
        if key == "adv":
            return rng.choice(ADVERBS)
        if key == "who":
            return rng.choice(PEOPLE_GROUPS)
        if key == "P":
            return self.person(rng.randrange(len(self.event.people)))
        if key in ("P0", "P1", "P2", "P3"):
            return self.person(int(key[1]))
        if key == "org":
            return rng.choice(self.event.orgs)
        if key == "day":
            return rng.choice(self.day_forms)
        if key == "year":
            return str(rng.randint(1994, 2021))
        if key == "season":
            return rng.choice(SEASONS)
        if key == "month":
            return rng.choice(MONTHS)
        if key.startswith("short"):
            return self.event.figures[int(key[5:])].short
        raise KeyError(key)

    def vary(self, pattern: str) -> str:
        """Return the pattern with some of its fixed words swapped for interchangeable ones."""

        def swap(match: re.Match[str]) -> str:
            group = VARIANTS.get(match[0])
            if group is None or self.rng.random() >= 0.6:
                return match[0]
            return self.rng.choice(group)

        return _PATTERN_WORD.sub(swap, pattern)

    def fill(self, pattern: str, **extra: str) -> str:
        return self.vary(pattern).format_map(_Slots(self, {**self.fixed, **extra}))

    def clause(self, pool: Sequence[str], **extra: str) -> str:
        return self.fill(self.pick(pool), **extra)

    def sentence(self, clause: str) -> str:
        roll = self.rng.random()
        if roll < 0.32:
            text = self.fill(self.pick(FRAMES), c=clause)
        elif roll < 0.5:
            text = self.fill(self.pick(OPENERS), c=clause)
        else:
            text = clause
        if self.rng.random() < 0.2:
            tail = self.fill(self.pick(TAILS))
            text += tail if tail.startswith(",") else f" {tail}"
        return _finish(text)

    def filler(self) -> str:
        topic = self.event.topic
        pool = topic.clauses if self.rng.random() < 0.55 else GENERAL_CLAUSES
        return self.sentence(self.clause(pool))

    def quote_sentence(self) -> str:
        return self.fill(self.pick(QUOTE_FRAMES), q=self.event.quote)

    def headline(self) -> str:
        return sentence_case(self.clause(self.event.topic.headlines))

    def paragraph(self, required: list[str], *, lead: bool = False) -> str:
        """Return the required sentences with others around them: 40 to 90 words."""
        low, high = 40, 90
        first = 1 if lead else 0
        for _ in range(40):
            start = self._mark()
            target = self.rng.randint(low + 5, high - 10)
            sentences = list(required)
            count = sum(len(s.split()) for s in sentences)
            for _ in range(20):
                if count >= target:
                    break
                mark = self._mark()
                extra = self.filler()
                if count + len(extra.split()) > high or extra in self.seen:
                    self._undo(mark)
                    continue
                self.seen.add(extra)
                at = self.rng.randint(min(first, len(sentences)), len(sentences))
                sentences.insert(at, extra)
                count += len(extra.split())
            if low <= count <= high:
                return " ".join(sentences)
            self.seen.difference_update(sentences)
            self._undo(start)
        raise RuntimeError("cannot fill a paragraph")  # pragma: no cover - never seen

    def article(self, paragraphs: int, outlet: Outlet) -> tuple[str, list[str]]:
        """Return a headline and paragraphs: every figure of the event and its quote included."""
        rng, event = self.rng, self.event
        title = self.headline()
        required: list[list[str]] = [[] for _ in range(paragraphs)]
        lead = self.sentence(self.clause(event.topic.leads, fig=event.figures[0].surface))
        required[0].append(f"{event.city.upper()} - {lead}" if outlet.dateline else lead)
        # The other figures and the quote each in a paragraph of their own, mostly early on.
        early = range(1, max(len(event.figures) + 1, paragraphs * 2 // 3))
        places = rng.sample(early, len(event.figures))
        for figure, at in zip(event.figures[1:], places, strict=False):
            required[at].append(self.sentence(self.clause(FIGURE_CLAUSES, fig=figure.surface)))
        required[places[-1]].append(self.quote_sentence())
        body = [self.paragraph(sentences, lead=not i) for i, sentences in enumerate(required)]
        return title, body


# --------------------------------------------------------------------------------------------
# Copies of an original.


def _sentences(paragraph: str) -> list[str]:
    return re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", paragraph)


def light_rewrite(rng: random.Random, paragraphs: list[str], *, reorder: bool = True) -> list[str]:
    """Swap one to three words per paragraph for synonyms; sometimes reorder or drop a sentence.

    A dropped sentence is one without digits, so every figure survives the rewrite.
    """
    result = []
    for paragraph in paragraphs:
        tokens = paragraph.split(" ")
        candidates = [i for i, token in enumerate(tokens) if token in VARIANTS]
        for i in rng.sample(candidates, min(len(candidates), rng.randint(1, 3))):
            tokens[i] = rng.choice([w for w in VARIANTS[tokens[i]] if w != tokens[i]])
        result.append(" ".join(tokens))
    if reorder and rng.random() < 0.5:
        at = rng.randrange(len(result))
        sentences = _sentences(result[at])
        if len(sentences) >= 3:
            if rng.random() < 0.5:
                i = rng.randrange(1, len(sentences) - 1)
                sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
            else:
                droppable = [i for i, s in enumerate(sentences) if i and not _DIGITS.search(s)]
                if droppable:
                    del sentences[rng.choice(droppable)]
            result[at] = " ".join(sentences)
    return result


def _rewrap(rng: random.Random, paragraphs: list[str]) -> str:
    """The same text with other white space: hard-wrapped lines, doubled spaces, blank lines."""
    width = rng.randint(60, 78)
    out = []
    for paragraph in paragraphs:
        lines, line = [], ""
        for word in paragraph.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        out.append("\n".join(lines))
    spaced = rng.choice(("\n\n", "\n\n\n", "\n \n")).join(out)
    return spaced.replace(". ", ".  ") if rng.random() < 0.3 else spaced


def _fmt_date(moment: datetime) -> str:
    return f"{WEEKDAYS[moment.weekday()]}, {MONTHS[moment.month - 1]} {moment.day}"


def _cased(title: str, outlet: Outlet) -> str:
    return title_case(title) if outlet.title_case else title


# --------------------------------------------------------------------------------------------
# Daily reports of one outlet: one skeleton, other names and numbers every day.

Report = tuple[str, list[str]]


def _decimal(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high)}.{rng.randint(1, 9)}"


def _market_report(rng: random.Random, names: _Names, when: datetime) -> Report:
    kinds = _lex("Group Holdings Mining Bank Foods Telecom Motors Steel")
    companies = [f"{names.surname()} {rng.choice(kinds)}" for _ in range(5)]
    sectors = rng.sample(_lex("banking mining retail telecoms energy property shipping media"), 2)
    factors = rng.sample(
        _lex(
            """inflation_data a_central_bank_speech weaker_factory_orders bond_auction_results
            a_rise_in_oil_prices cautious_retail_sales jobless_claims currency_swings
            a_slowdown_in_exports talk_of_rate_cuts"""
        ),
        3,
    )
    up = rng.random() < 0.5
    v = {
        "index": f"{rng.choice(COUNTRIES)} {rng.choice(_lex('All-Share Composite Blue-Chip'))}",
        "weekday": WEEKDAYS[when.weekday()],
        "moved": "rose" if up else "fell",
        "dir": "up" if up else "down",
        "pct": _decimal(rng, 0, 2),
        "level": f"{rng.randint(3, 19)},{rng.randint(100, 999)}.{rng.randint(10, 99)}",
        "f1": factors[0],
        "f2": factors[1],
        "f3": factors[2],
        "vol": str(rng.randint(120, 980)),
        "vol2": str(rng.randint(120, 980)),
        "adv": str(rng.randint(40, 260)),
        "dec": str(rng.randint(40, 260)),
        **{f"co{i + 1}": company for i, company in enumerate(companies)},
        "g1": _decimal(rng, 3, 14),
        "g2": _decimal(rng, 1, 5),
        "g3": _decimal(rng, 1, 4),
        "l1": _decimal(rng, 2, 9),
        "l2": _decimal(rng, 1, 4),
        "rev": str(rng.randint(150, 990)),
        "s1name": sectors[0],
        "s2name": sectors[1],
        "s1": _decimal(rng, 0, 3),
        "s2": _decimal(rng, 0, 3),
        "fx": f"{rng.randint(80, 130)}.{rng.randint(10, 99)}",
        "fx2": f"{rng.randint(80, 130)}.{rng.randint(10, 99)}",
        "yld": f"{rng.randint(2, 6)}.{rng.randint(10, 99)}",
        "bp": str(rng.randint(2, 19)),
        "oil": f"{rng.randint(62, 94)}.{rng.randint(10, 99)}",
        "analyst": f"{rng.choice(FIRST_NAMES)} {names.surname()}",
        "firm": f"{names.surname()} Securities",
        "mood": rng.choice(_lex("nervous relaxed divided hopeful unconvinced restless")),
        "next": WEEKDAYS[(when.weekday() + 1) % 7],
    }
    title = "{index} {dir} {pct} percent as {s1name} shares lead".format_map(v)
    body = [
        "The {index} index {moved} {pct} percent on {weekday}, closing at {level} points, as "
        "traders weighed {f1} against {f2}. Volume on the exchange reached {vol} million "
        "shares, compared with a 30-day average of {vol2} million, and {adv} stocks advanced "
        "while {dec} declined.",
        "{co1} led the session, moving {g1} percent after the company reported quarterly "
        "revenue of {rev} million dollars. {co2} added {g2} percent and {co3} gained {g3} "
        "percent. At the other end of the board, {co4} lost {l1} percent and {co5} slipped "
        "{l2} percent.",
        "Among sectors, {s1name} shares moved {s1} percent and {s2name} stocks moved {s2} "
        "percent. The currency traded at {fx} per dollar, compared with {fx2} at the previous "
        "close. The yield on the ten-year government bond stood at {yld} percent, a change of "
        "{bp} basis points from a day earlier, and Brent crude was at {oil} dollars a barrel.",
        "{analyst}, a strategist at {firm}, said the session showed investors were {mood} "
        "about {f3}. The exchange will publish its weekly flow report on {next}, and the "
        "closing auction figures are available on its website.",
    ]
    return title, [_finish(p.format_map(v)) for p in body]


def _weather_report(rng: random.Random, names: _Names, when: datetime) -> Report:
    towns = [names.place() for _ in range(4)]
    conditions = _lex(
        """sunny_spells scattered_showers persistent_rain thick_cloud light_drizzle
        clear_skies afternoon_thunderstorms patchy_fog"""
    )
    v = {
        "region": f"the {names.place()} coast",
        "weekday": WEEKDAYS[when.weekday()],
        "cond": rng.choice(conditions),
        "cond2": rng.choice(conditions),
        "hi": str(rng.randint(4, 31)),
        "hi2": str(rng.randint(4, 31)),
        "lo": str(rng.randint(-6, 15)),
        **{f"t{i + 1}": town for i, town in enumerate(towns)},
        "dir": rng.choice(_lex("north north-east east south-east south south-west west")),
        "wind": str(rng.randint(5, 45)),
        "gust": str(rng.randint(46, 95)),
        "rain": str(rng.randint(5, 95)),
        "rain2": str(rng.randint(5, 95)),
        "mm": f"{rng.randint(0, 38)}.{rng.randint(0, 9)}",
        "pollen": rng.choice(_lex("low moderate high very_high")),
        "uv": str(rng.randint(1, 9)),
        "sr": f"0{rng.randint(5, 7)}:{rng.randint(10, 59)}",
        "ss": f"{rng.randint(17, 21)}:{rng.randint(10, 59)}",
        "outlook": rng.choice(
            _lines(
                """the weekend looks drier, with temperatures climbing a few degrees
                a band of rain is expected to move in from the sea on Sunday
                forecasters expect a colder spell to settle over the hills next week
                the unsettled pattern should ease by the middle of next week"""
            )
        ),
    }
    title = "Weather for {region}: {cond} with highs near {hi} degrees".format_map(v)
    body = [
        "{region} can expect {cond} on {weekday}, with afternoon temperatures reaching {hi} "
        "degrees in {t1} and {hi2} degrees in {t2}. Overnight the temperature will fall to {lo} "
        "degrees, and {cond2} are likely before dawn.",
        "Winds will blow from the {dir} at {wind} kilometres per hour, with gusts of up to "
        "{gust} kilometres per hour along the shore near {t3}. The chance of rain stands at "
        "{rain} percent in the morning and {rain2} percent after sunset.",
        "The weather service said {mm} millimetres of rain fell at its {t4} station over the "
        "past day. Pollen levels are {pollen} and the UV index will peak at {uv} around midday.",
        "Looking ahead, {outlook}. Sunrise is at {sr} and sunset at {ss}.",
    ]
    return sentence_case(title), [_finish(p.format_map(v)) for p in body]


def _port_report(rng: random.Random, names: _Names, when: datetime) -> Report:
    v = {
        "port": names.place(),
        "weekday": WEEKDAYS[when.weekday()],
        "arr": str(rng.randint(11, 64)),
        "dep": str(rng.randint(11, 64)),
        "ship1": f"{rng.choice(NAME_WORDS)} {rng.choice(CODE_WORDS)}",
        "ship2": f"{rng.choice(CODE_WORDS)} {rng.choice(FIRST_NAMES)}",
        "teu": f"{rng.randint(2, 19) * 1000 + rng.randint(1, 9) * 100:,}",
        "origin": rng.choice(COUNTRIES),
        "tonnes": f"{rng.randint(20, 140) * 1000:,}",
        "cargo": rng.choice(_lex("diesel crude_oil liquefied_gas jet_fuel vegetable_oil")),
        "wait": _decimal(rng, 3, 40),
        "wait2": _decimal(rng, 3, 40),
        "berths": str(rng.randint(8, 24)),
        "total": str(rng.randint(25, 40)),
        "terminal": names.place(),
        "moves": f"{rng.randint(2, 9)},{rng.randint(100, 999)}",
        "vis": rng.choice(_lex("good moderate poor")),
        "time": f"{rng.randint(6, 9)}:00",
        "next": WEEKDAYS[(when.weekday() + 1) % 7],
    }
    title = "{port} port: {arr} arrivals and {dep} departures on {weekday}".format_map(v)
    body = [
        "{arr} vessels arrived at the port of {port} on {weekday} and {dep} departed, the "
        "harbour master's office said in its daily bulletin. Among the arrivals were the "
        "{ship1}, a container ship carrying {teu} containers from {origin}, and the tanker "
        "{ship2} with {tonnes} tonnes of {cargo}.",
        "Waiting times at the outer anchorage averaged {wait} hours, against {wait2} hours the "
        "previous day. {berths} of the port's {total} berths were in use at noon, and the "
        "{terminal} terminal handled {moves} container moves during the day shift.",
        "Pilots reported {vis} visibility in the approach channel. The next bulletin will be "
        "published at {time} on {next}.",
    ]
    return title, [_finish(p.format_map(v)) for p in body]


def _river_report(rng: random.Random, names: _Names, when: datetime) -> Report:
    v = {
        "river": f"{names.place()} River",
        "weekday": WEEKDAYS[when.weekday()],
        "level": f"{rng.randint(1, 7)}.{rng.randint(10, 99)}",
        "level2": f"{rng.randint(1, 7)}.{rng.randint(10, 99)}",
        "change": str(rng.randint(2, 60)),
        "dir": rng.choice(("higher", "lower")),
        "t1": names.place(),
        "t2": names.place(),
        "dam": names.place(),
        "flow": str(rng.randint(40, 900)),
        "trend": rng.choice(("rising slowly", "steady", "falling", "rising quickly")),
        "interval": rng.choice(("15", "30", "60")),
        "warning": rng.choice(
            _lines(
                """No flood warnings are in force along the river.
                A flood alert remains in place for low-lying roads near the weir.
                Boat owners have been asked to check their moorings.
                The towpath between the two bridges is closed until further notice."""
            )
        ),
    }
    title = "River levels: {river} at {level} metres in {t1}".format_map(v)
    body = [
        "The {river} stood at {level} metres at the {t1} gauge on {weekday} morning, {change} "
        "centimetres {dir} than a day earlier, the river service said. Downstream at {t2}, the "
        "level was {level2} metres and {trend}. Flow at the {dam} dam was {flow} cubic metres "
        "per second.",
        "{warning} Readings are taken every {interval} minutes and published on the service's "
        "website, along with the levels of the past week.",
    ]
    return title, [_finish(p.format_map(v)) for p in body]


SERIES: tuple[Callable[[random.Random, _Names, datetime], Report], ...] = (
    _market_report,
    _weather_report,
    _port_report,
    _river_report,
)
SERIES_DAYS = 3  # reports per series, on different days

# --------------------------------------------------------------------------------------------
# The corpus.

_START = datetime(2024, 3, 4, 5, 0, tzinfo=UTC)


@dataclass(eq=False)
class _Draft:
    """A document before its place in arrival order is known; rendered in arrival order."""

    key: float  # arrival order: smaller first
    role: str
    group: int
    outlet: Outlet
    section: str
    event: Event | None = None
    series: Callable[[random.Random, _Names, datetime], Report] | None = None
    source: _Draft | None = None  # the original of a copy, update or independent article
    utm: bool = False
    verbatim: bool = False  # a syndicated copy without boilerplate
    number: int = 0
    # Set once rendered:
    index: int = -1
    title: str = ""  # before the outlet's casing
    body: list[str] = field(default_factory=list)
    used: frozenset[str] = frozenset()  # the patterns its writer used


def _slug(title: str) -> str:
    return "-".join(_WORD.findall(title.lower())[:8])


def role_counts(stories: int) -> dict[str, int]:
    """How many documents of each role ``build_corpus`` makes for ``stories`` stories."""
    return {
        "original": stories,
        "syndicated": round(stories * 0.75),
        "truncated": round(stories * 0.58),
        "rewrite": round(stories * 0.58),
        "update": max(1, round(stories / 10)),
        "independent": round(stories * 0.67),
        "unrelated": round(stories * 0.47) + len(SERIES) * SERIES_DAYS,
    }


def _spread(rng: random.Random, stories: int, total: int, most: int) -> list[int]:
    """Return story numbers, each at most ``most`` times, ``total`` in all, in story order."""
    pool = [story for story in range(stories) for _ in range(most)]
    return sorted(rng.sample(pool, min(total, len(pool))))


def _plan(rng: random.Random, names: _Names, stories: int) -> list[_Draft]:
    counts = role_counts(stories)
    drafts: list[_Draft] = []
    originals = []
    for story in range(stories):
        topic = TOPICS[(story * 7 + rng.randrange(3)) % len(TOPICS)]
        event = make_event(rng, names, topic, _START.date())
        draft = _Draft(story + rng.random() * 0.5, "original", story, rng.choice(OUTLETS),
                       topic.section, event=event)  # fmt: skip
        originals.append(draft)
    drafts.extend(originals)
    for role, most in (
        ("syndicated", 2),
        ("truncated", 1),
        ("rewrite", 1),
        ("update", 1),
        ("independent", 2),
    ):
        for story in _spread(rng, stories, counts[role], most):
            source = originals[story]
            outlets = [o for o in OUTLETS if o.name != source.outlet.name]
            if role == "syndicated":  # another house style, so another title case
                outlets = [o for o in outlets if o.title_case != source.outlet.title_case]
            delay = rng.uniform(2.0, 15.0) if role == "update" else rng.uniform(0.2, 12.0)
            draft = _Draft(source.key + delay, role, story, rng.choice(outlets), source.section,
                           source=source, utm=rng.random() < 0.3)  # fmt: skip
            drafts.append(draft)
    syndicated = [draft for draft in drafts if draft.role == "syndicated"]
    for draft in rng.sample(syndicated, round(len(syndicated) * 0.2)):
        draft.verbatim = True
    group = stories
    for _ in range(counts["unrelated"] - len(SERIES) * SERIES_DAYS):
        topic = TOPICS[rng.randrange(len(TOPICS))]
        event = make_event(rng, names, topic, _START.date())
        drafts.append(_Draft(rng.uniform(0, stories + 4), "unrelated", group,
                             rng.choice(OUTLETS), topic.section, event=event))  # fmt: skip
        group += 1
    for series, outlet in zip(SERIES, SERIES_OUTLETS, strict=True):
        for day in range(SERIES_DAYS):
            # Spread over the whole run: a day or more apart in a corpus of default size.
            key = (day + 0.4 + 0.2 * rng.random()) / SERIES_DAYS * (stories + 4)
            drafts.append(_Draft(key, "unrelated", group, outlet, "reports", series=series))
            group += 1
    for number, draft in enumerate(drafts):
        draft.number = number
    drafts.sort(key=lambda d: (d.key, d.number))
    return drafts


def build_corpus(*, seed: int = 4, stories: int = 60) -> list[CorpusDoc]:
    """Return the labelled corpus in arrival order."""
    rng = random.Random(seed)
    names = _Names(rng)
    drafts = _plan(rng, names, stories)
    headlines: list[str] = []  # of earlier articles, for "Read more:" lines
    moment = _START
    docs = []
    article_numbers: set[int] = set()
    for index, draft in enumerate(drafts):
        moment += timedelta(minutes=rng.randint(15, 65), seconds=rng.randint(0, 59))
        local = random.Random(rng.getrandbits(64))
        draft.index = index
        title, text = _render(local, names, draft, moment, headlines)
        if draft.role in ("original", "unrelated"):
            headlines.append(title)
        number = local.randint(100_000, 9_999_999)
        while number in article_numbers:
            number += 1
        article_numbers.add(number)
        url = f"https://{draft.outlet.domain}/{draft.section}/{_slug(title)}-{number}"
        if draft.utm:
            source = local.choice(UTM_SOURCES)
            url += f"?utm_source={source}&utm_medium={local.choice(UTM_MEDIUMS)}"
            if local.random() < 0.5:
                url += f"&utm_campaign={source}-{moment.month:02}{moment.day:02}"
        original = draft.source.index if draft.source and draft.role in COPY_ROLES else None
        docs.append(
            CorpusDoc(
                index=index,
                url=url,
                site=draft.outlet.name,
                title=title,
                text=text,
                published_at=moment,
                group=draft.group,
                role=draft.role,
                original_index=original,
            )
        )
    return docs


def _render(
    rng: random.Random, names: _Names, draft: _Draft, moment: datetime, headlines: list[str]
) -> tuple[str, str]:
    """Return the title (in the outlet's case) and the text of a draft."""
    if draft.series is not None:
        title, body = draft.series(rng, names, moment)
        draft.title, draft.body = title, body
        return _cased(title, draft.outlet), "\n\n".join(body)
    if draft.source is None:  # an original or an unrelated article
        assert draft.event is not None
        draft.event = replace(draft.event, day=moment.date())
        writer = _Writer(rng, draft.event)
        draft.title, draft.body = writer.article(rng.randint(6, 14), draft.outlet)
        draft.used = frozenset(writer.used)
        return _cased(draft.title, draft.outlet), "\n\n".join(draft.body)
    source = draft.source
    if draft.role == "syndicated":
        return _cased(source.title, draft.outlet), _syndicated(rng, draft, headlines)
    if draft.role == "truncated":
        count = len(source.body)  # keep 35 to 70 percent of the paragraphs, at least 3
        low, high = max(3, math.ceil(count * 0.35)), math.floor(count * 0.7)
        keep = min(high, max(low, round(count * rng.uniform(0.35, 0.7))))
        body = source.body[:keep]
        if rng.random() < 0.7:
            body = [*body, rng.choice(CONTINUE_LINES).format(outlet=source.outlet.name)]
        return _cased(source.title, draft.outlet), "\n\n".join(body)
    assert source.event is not None
    if draft.role == "rewrite":
        writer = _Writer(rng, source.event, avoid=source.used)
        return _cased(writer.headline(), draft.outlet), "\n\n".join(light_rewrite(rng, source.body))
    if draft.role == "update":
        title, body = _update(rng, source)
        return _cased(title, draft.outlet), "\n\n".join(body)
    # independent: the same event in other words, sometimes with the same quote
    event = source.event
    if rng.random() < 0.4:
        writer = _Writer(rng, event)
        for _ in range(50):
            quote = writer.fill(rng.choice(event.topic.quotes))
            if quote[:1].upper() + quote[1:] != event.quote and 10 <= len(quote.split()) <= 25:
                event = replace(event, quote=quote[:1].upper() + quote[1:])
                break
    writer = _Writer(rng, event, avoid=source.used)
    title, body = writer.article(rng.randint(6, 14), draft.outlet)
    return _cased(title, draft.outlet), "\n\n".join(body)


def _syndicated(rng: random.Random, draft: _Draft, headlines: list[str]) -> str:
    """The original's text on another outlet: boilerplate, maybe a paragraph less, re-wrapped."""
    assert draft.source is not None and draft.source.event is not None
    source, event = draft.source, draft.source.event
    body = list(source.body)
    if draft.verbatim:  # only the white space, or the dateline's case, differs
        dateline = f"{event.city.upper()} - "
        if body[0].startswith(dateline) and rng.random() < 0.5:
            body[0] = f"{event.city} - {body[0][len(dateline) :]}"
            return _rewrap(rng, body) if rng.random() < 0.5 else "\n\n".join(body)
        return _rewrap(rng, body)
    dropped = rng.random() < 0.3
    if dropped:
        del body[rng.randrange(1, len(body))]
    values = {
        "outlet": source.outlet.name,
        "section": source.section.title(),
        "city": event.city,
        "headline": rng.choice(headlines[-40:]) if headlines else source.title,
        "name1": f"{rng.choice(FIRST_NAMES)} {rng.choice(_SURNAME_HEADS)}",
        "name2": f"{rng.choice(FIRST_NAMES)} {rng.choice(_SURNAME_HEADS)}",
        "name3": f"{rng.choice(FIRST_NAMES)} {rng.choice(_SURNAME_HEADS)}",
        "weekday": WEEKDAYS[event.day.weekday()],
        "hh": f"{rng.randint(6, 22):02}",
        "mm": f"{rng.randint(0, 59):02}",
        "minutes": str(rng.randint(3, 9)),
    }
    placement = rng.choice(("head", "tail", "tail", "both"))
    if placement in ("head", "both"):
        pool = HEAD_LINES
        if not dropped and rng.random() < 0.3:  # a time stamp: digits the original lacks
            pool = HEAD_LINES_WITH_DIGITS
        body.insert(0, rng.choice(pool).format_map(values))
    if placement in ("tail", "both"):
        for line in rng.sample(TAIL_LINES, rng.randint(1, 2)):
            body.append(line.format_map(values))
    return _rewrap(rng, body) if rng.random() < 0.35 else "\n\n".join(body)


def _update(rng: random.Random, source: _Draft) -> tuple[str, list[str]]:
    """The original with one figure changed, and otherwise identical or lightly rewritten.

    The changed figure's first digit run is gone from the text and a new one is in it, so the
    update reports a number its original does not.
    """
    assert source.event is not None
    event = source.event
    text = "\n\n".join(source.body)
    taken = set(_digit_runs(f"{source.title} {text}"))
    for old in rng.sample(event.figures, len(event.figures)):
        if old.surface not in text:
            continue
        value = int(old.lead)
        steps = [step for step in range(1, max(9, value // 2)) if str(value + step) not in taken]
        steps += [-step for step in range(1, value) if str(value - step) not in taken]
        if not steps:  # pragma: no cover - needs eight taken numbers in a row
            continue
        new_lead = str(value + rng.choice(steps))
        new = replace(old, amount=old.amount.replace(old.lead, new_lead, 1), lead=new_lead)
        body = [paragraph.replace(old.surface, new.surface) for paragraph in source.body]
        if old.lead not in _digit_runs("\n\n".join(body)):
            break
    else:  # pragma: no cover - every event has a figure only it reports
        raise RuntimeError("no figure to update")
    if rng.random() < 0.5:
        body = light_rewrite(rng, body, reorder=False)
    figures = tuple(new if f is old else f for f in event.figures)
    writer = _Writer(rng, replace(event, figures=figures))
    return writer.headline(), body


# --------------------------------------------------------------------------------------------
# Scoring a dedup run.


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    recall_by_role: dict[str, float]  # syndicated, truncated, rewrite
    false_merges_by_role: dict[str, int]  # every role: wrong duplicate judgements
    true_positives: int
    false_positives: int
    false_negatives: int


def verdict(corpus: Sequence[CorpusDoc], doc: CorpusDoc, found: int | None) -> str:
    """Return "tp", "fp", "fn" or "tn" for one judgement (None: judged an original)."""
    if found is None:
        return "fn" if doc.expected_duplicate else "tn"
    target = corpus[found]
    right = (
        doc.expected_duplicate
        and found != doc.index
        and target.group == doc.group
        and target.role in TARGET_ROLES
    )
    return "tp" if right else "fp"


def score(corpus: list[CorpusDoc], found: dict[int, int | None]) -> Score:
    """found maps doc index -> index of the doc it was judged a duplicate of (None = original).

    A copy linked to any original, syndicated, truncated or rewritten doc of its own group is
    right (the system links to the earliest it knows); a link to another group, or to an
    update or independent article, or any link from a doc that is no copy, is a false merge; a
    copy judged an original is a false negative. A doc missing from ``found`` counts as judged
    an original.
    """
    tp = fp = fn = 0
    copies = dict.fromkeys(COPY_ROLES, 0)
    hits = dict.fromkeys(COPY_ROLES, 0)
    false_merges = dict.fromkeys(ROLES, 0)
    for doc in corpus:
        outcome = verdict(corpus, doc, found.get(doc.index))
        if doc.expected_duplicate:
            copies[doc.role] += 1
        if outcome == "tp":
            tp += 1
            hits[doc.role] += 1
        elif outcome == "fp":
            fp += 1
            false_merges[doc.role] += 1
        elif outcome == "fn":
            fn += 1
    total = sum(copies.values())
    return Score(
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / total if total else 1.0,
        recall_by_role={r: hits[r] / copies[r] if copies[r] else 1.0 for r in COPY_ROLES},
        false_merges_by_role=false_merges,
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
    )


# --------------------------------------------------------------------------------------------
# Running a corpus through the dedup stage (shared by the accuracy test and __main__).


def to_document(doc: CorpusDoc) -> Document:
    return Document(
        url=doc.url,
        title=doc.title,
        text=doc.text,
        author=None,
        site=doc.site,
        language="en",
        published_at=doc.published_at,
        origin="import",
    )


def feed(engine: Any, corpus: Sequence[CorpusDoc], add_document: Callable[..., Any]) -> list[Any]:
    """Add every document in arrival order, one write transaction each; return the decisions.

    ``add_document`` is passed in, so that importing this module never needs the dedup stage.
    """
    from sqlalchemy.orm import Session

    from monitor.store.db import write_engine

    writer = write_engine(engine)
    decisions = []
    for doc in corpus:
        with Session(writer) as session, session.begin():
            decisions.append(add_document(session, to_document(doc)))
    return decisions


def found_map(corpus: Sequence[CorpusDoc], decisions: Sequence[Any]) -> dict[int, int | None]:
    """Map each doc's index to the index of the doc its decision names as its original."""
    index_of = {
        decision.article_id: doc.index for doc, decision in zip(corpus, decisions, strict=True)
    }
    return {
        doc.index: None if d.duplicate_of is None else index_of.get(d.duplicate_of, -1)
        for doc, d in zip(corpus, decisions, strict=True)
    }


def misjudged(
    corpus: Sequence[CorpusDoc],
    found: Mapping[int, int | None],
    decisions: Sequence[Any] | None = None,
) -> list[str]:
    """Return one line per wrongly judged doc: what it is, what it was taken for and, given the
    decisions, how (kind and score)."""
    lines = []
    for doc in corpus:
        target = found.get(doc.index)
        if verdict(corpus, doc, target) in ("tp", "tn"):
            continue
        taken = "an original"
        if target is not None:
            other = corpus[target] if 0 <= target < len(corpus) else None
            taken = (
                f"a copy of #{target} ({other.role}, group {other.group})"
                if other
                else "a copy of an article not in the corpus"
            )
        if decisions is not None and target is not None:
            decision = decisions[doc.index]
            taken += f" [{decision.kind}, score {decision.score}]"
        expected = f"a copy of #{doc.original_index}" if doc.expected_duplicate else "an original"
        lines.append(
            f"#{doc.index} {doc.role} group {doc.group}: judged {taken}, expected {expected}"
            f" | {doc.title[:70]}"
        )
    return lines


def describe(score: Score) -> str:
    recall = ", ".join(f"{role} {value:.3f}" for role, value in score.recall_by_role.items())
    merges = ", ".join(f"{r} {n}" for r, n in score.false_merges_by_role.items() if n)
    return (
        f"precision {score.precision:.4f}, recall {score.recall:.4f} (tp {score.true_positives},"
        f" fp {score.false_positives}, fn {score.false_negatives}); recall by role: {recall};"
        f" false merges: {merges or 'none'}"
    )


def shingles(text: str, size: int = 5) -> set[str]:
    """The word ``size``-grams of a text, lower-cased, punctuation dropped."""
    tokens = _WORD.findall(text.lower())
    return {" ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))}


def overlap_table(corpus: Sequence[CorpusDoc]) -> str:
    """Word 5-gram Jaccard and containment of each role against its group's original."""
    originals = {doc.group: doc for doc in corpus if doc.role == "original"}
    lines = []
    for role in ("syndicated", "truncated", "rewrite", "update", "independent"):
        jaccards, containments = [], []
        for doc in corpus:
            if doc.role != role:
                continue
            a, b = shingles(doc.text), shingles(originals[doc.group].text)
            jaccards.append(len(a & b) / len(a | b))
            containments.append(len(a & b) / len(a))
        lines.append(f"{role:12} n={len(jaccards):3} jaccard {_spread_of(jaccards)}"
                     f"  containment {_spread_of(containments)}")  # fmt: skip
    return "\n".join(lines)


def _spread_of(values: list[float]) -> str:
    ordered = sorted(values)
    if not ordered:
        return "-"
    middle = ordered[len(ordered) // 2]
    return f"min {ordered[0]:.3f} median {middle:.3f} max {ordered[-1]:.3f}"


def _main() -> None:
    import argparse
    import tempfile
    import time
    from collections import Counter
    from pathlib import Path

    from monitor.dedup import add_document
    from monitor.store.db import make_engine
    from monitor.store.migrate import upgrade

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--stories", type=int, default=60)
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = build_corpus(seed=args.seed, stories=args.stories)
    built = time.perf_counter() - started
    print(f"{len(corpus)} docs built in {built:.2f} s:", dict(Counter(d.role for d in corpus)))
    print(overlap_table(corpus))
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'dedup.db'}", create=True)
        try:
            upgrade(engine)
            started = time.perf_counter()
            decisions = feed(engine, corpus, add_document)
            elapsed = time.perf_counter() - started
        finally:
            engine.dispose()
    found = found_map(corpus, decisions)
    print(f"fed in {elapsed:.2f} s")
    print(describe(score(corpus, found)))
    kinds = Counter((doc.role, d.kind) for doc, d in zip(corpus, decisions, strict=True))
    print("kinds:", {f"{role}/{kind}": n for (role, kind), n in sorted(kinds.items(), key=str)})
    for line in misjudged(corpus, found, decisions):
        print(line)


if __name__ == "__main__":
    _main()
