"""The words the figures stage knows by meaning: events, people, places, hedges, units.

A measure is named from the counted noun, what happened to it and where (``meaning.py``);
these tables say which words name an event and how it is said in a measure name. They are
data, kept apart from the rules that read them, so adding a word is a one-line change.

Every event has a key (what is compared), a label (how a measure name says it) and two
properties that decide how figures group:

- ``presence``: a figure that names no event at all ("the 12,000 troops in Russia", "13,000
  containers") most likely counts this event, so it joins the measure the story already has
  for it (``decide.py``);
- ``placed``: where it happened is part of the measure ("people killed in Norland" is not the
  national toll). Transfers are not placed: "troops sent" and "troops sent to Russia" are one
  count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Event:
    key: str
    label: str  # "killed": "people killed"
    person_label: str | None = None  # when people are counted, if it differs: "sent"
    military_label: str | None = None  # when soldiers are counted: "wounded", not "injured"
    presence: bool = False
    placed: bool = True
    person: bool = False  # happens to people: a count that leaves out its noun counts people
    before: bool = False  # said before the counted thing: "suspected cases"

    def said_of(self, *, person: bool, military: bool) -> str:
        """Return the label for a measure of people, soldiers or things."""
        if military and self.military_label:
            return self.military_label
        if person and self.person_label:
            return self.person_label
        return self.label


EVENTS: Mapping[str, Event] = {
    event.key: event
    for event in (
        Event("sent", "supplied", person_label="sent", presence=True, placed=False),
        Event("deployed", "deployed", presence=True, placed=False),
        # Handed out where people are: placed, unlike goods sent from one country to another.
        Event("distributed", "distributed", presence=True),
        Event("pledged", "pledged", placed=False),
        Event("demanded", "demanded", placed=False),
        Event("cost", "cost", placed=False),
        Event("paid", "paid", placed=False),
        Event("withdrawn", "withdrawn", placed=False),
        Event("fired", "fired", placed=False),
        Event("shot_down", "shot down"),
        Event("produced", "produced", placed=False),
        Event("bought", "bought", placed=False),
        Event("imported", "imported", placed=False),
        Event("seized", "seized"),
        Event("spent", "spent", placed=False),
        Event("killed", "killed", person=True),
        Event("injured", "injured", military_label="wounded", person=True),
        Event("casualties", "killed or injured", military_label="killed or wounded", person=True),
        Event("missing", "missing", person=True),
        Event("captured", "captured", person=True),
        Event("arrested", "arrested", person=True),
        Event("held", "held", presence=True, placed=False, person=True),
        Event("aboard", "on board", presence=True, placed=False),
        Event("released", "released", person=True, placed=False),
        Event("rescued", "rescued", person=True),
        Event("trapped", "trapped", person=True),
        Event("stranded", "stranded", person=True),
        Event("crossed", "crossed", presence=True, placed=False, person=True),
        Event("evacuated", "evacuated", person=True),
        Event("evacuation_ordered", "ordered to evacuate", person=True),
        Event("displaced", "displaced", person=True),
        Event("destroyed", "destroyed"),
        Event("damaged", "damaged"),
        Event("destroyed_or_damaged", "destroyed or damaged"),
        Event("returned", "returned home", person=True),
        Event("burned", "burned", presence=True),
        Event("threatened", "threatened"),
        Event("flooded", "flooded"),
        Event("affected", "affected", person=True),
        Event("infected", "infected", person=True),
        Event("suspected", "suspected", person=True, before=True),
        Event("hospitalised", "hospitalised", person=True),
        # Who is in hospital now, against "hospitalised", everyone admitted so far.
        Event("in_hospital", "in hospital", person=True, presence=True),
        Event("recovered", "recovered", person=True),
        Event("vaccinated", "vaccinated", person=True),
        Event("administered", "administered", placed=False),
        Event("tested", "tested", person=True),
        Event("strike", "on strike", presence=True, person=True),
        # Refusing food is a protest of its own, by prisoners and detainees as much as workers.
        Event("hunger_strike", "on hunger strike", presence=True, person=True),
        Event("laid_off", "laid off", person=True),
        Event("rehired", "rehired", person=True),
        Event("cut", "cut", placed=False),
        Event("contained", "contained"),
        Event("closed", "closed"),
        Event("reopened", "reopened"),
        Event("drilled", "drilled", placed=False),
        Event("spilled", "spilled", placed=False),
        Event("polluted", "polluted"),
        Event("escaped", "escaped", person=True),
        Event("recaptured", "recaptured", person=True),
        Event("suspended", "suspended", placed=False),
        Event("in_need", "in need", person=True, presence=True),
        Event("treated", "treated", person=True),
        Event("opened", "open", presence=True),
        Event("capacity", "capacity"),  # "a centre built for 1,200": room, not who is there
        Event("blocked", "blocked"),
        Event("frozen", "frozen"),
        Event("critical", "in critical condition", person=True, presence=True),
        Event("intensive_care", "in intensive care", person=True, presence=True),
        Event("quarantined", "quarantined", person=True),
        Event("sheltering", "in shelters", person=True, presence=True),
        Event("recalled", "recalled", placed=False),
        Event("raised", "raised", placed=False),  # money collected: "the appeal has raised"
        Event("inspected", "inspected", person_label="examined"),
        Event("without_power", "without power"),
        Event("without_water", "without water"),
        Event("without_heating", "without heating"),
        Event("without_fuel", "without fuel"),
        Event("condemned", "condemned"),
        Event("cancelled", "cancelled"),
        Event("sunk", "sunk"),
        Event("deported", "deported", person=True),
        Event("postponed", "postponed"),
        Event("rejected", "rejected"),
        Event("removed", "removed", placed=False),
        Event("sighted", "sighted"),
        Event("restored", "restored"),
        Event("charged", "charged", person=True),
        # Found guilty: a later step of a case than charged, and its own count.
        Event("convicted", "convicted", person=True),
        # Fined: drivers, firms or boats punished with a fine, a count of its own.
        Event("fined", "fined"),
        Event("infested", "infested"),
        Event("buried", "buried"),
        Event("blinded", "blinded", person=True),
        # People arriving somewhere ("4,300 migrants reached Velmark"); goods and soldiers
        # that arrive were sent (``meaning.py``).
        Event("arrived", "arrived", person=True),
        # Confirmed is what a count of cases is unless the text says suspected: no event.
        Event("confirmed", "confirmed", person=True),
    )
}


def _forms(table: Mapping[str, str]) -> dict[tuple[str, ...], str]:
    """Return ``{words: event key}`` from ``{event key: "form, form, ..."}``."""
    forms: dict[tuple[str, ...], str] = {}
    for key, listed in table.items():
        for form in listed.split(","):
            words = tuple(form.split())
            if words:
                forms[words] = key
    return forms


# Verbs that govern a number, before it ("the quake killed 300 people") or after its noun in
# a clause of their own ("300 people were killed"). Multi-word forms are matched first.
VERBS: Mapping[tuple[str, ...], str] = _forms(
    {
        "sent": "send, sends, sending, sent, ship, ships, shipped, shipping, deliver, delivers,"
        " delivered, delivering, supply, supplies, supplied, supplying, provide, provides,"
        " provided, providing, transfer, transfers, transferred, transferring, export,"
        " exports, exported, exporting, transport, transported, load, loaded, receive,"
        " receives, received, arrived, handed over, hand over",
        "distributed": "distribute, distributes, distributed, distributing, hand out, hands out,"
        " handed out, handing out, give out, gives out, gave out, given out, giving out",
        "deployed": "deploy, deploys, deployed, deploying, dispatch, dispatched, station,"
        " stationed, mobilise, mobilised, mobilize, mobilized",
        "cost": "cost, costs, costing, lose, loses, losing",
        "pledged": "pledge, pledges, pledged, pledging, promise, promises, promised, offer,"
        " offers, offered, commit, commits, committed, earmark, earmarked, allocate,"
        " allocated, allot, allotted, vow, vowed, approve, approves, approved, approving,"
        " propose, proposes, proposed, proposing, set aside, sets aside, setting aside",
        "paid": "pay, pays, paid, paying, disburse, disbursed, paid out, pay out",
        "withdrawn": "withdraw, withdraws, withdrew, withdrawn, withdrawing",
        "removed": "remove, removes, removed, removing, hauled away, carted away",
        "fired": "fired, firing, launch, launches, launched, launching, expend, expended",
        "demanded": "demand, demands, demanded, demanding, want, wants, wanted, seek, seeks,"
        " sought, seeking, ask, asks, asked, asking, call for, calls for, called for, ask for,"
        " asks for, asked for, asking for, holding out for, hold out for, holds out for,"
        " held out for, pressing for, press for, presses for, pressed for",
        "shot_down": "shot down, shoot down, shooting down, intercept, intercepted,"
        " intercepting, downed",
        "produced": "produce, produces, produced, producing, manufacture, manufactured, build,"
        " built",
        "bought": "buy, buys, bought, buying, purchase, purchased, acquire, acquired",
        "imported": "import, imports, imported, importing, shipped in",
        "seized": "seize, seized, seizing, confiscate, confiscated",
        "spent": "spend, spends, spent, spending",
        "killed": "kill, kills, killed, killing, die, dies, died, dying, perish, perished,"
        " froze to death, frozen to death, freezing to death,"
        " drown, drowned, slay, slain, murder, murdered, execute, executed, lost their lives,"
        " claimed the lives of, confirmed dead, declared dead, pronounced dead, found dead,"
        " shot dead, shoot dead, shot and killed, gunned down, stabbed to death, beaten to death,"
        " burned to death, burnt to death, crushed to death, trampled to death",
        "injured": "wound, wounds, wounded, wounding, injure, injures, injured, injuring, hurt,"
        " treated for injuries, treated for wounds, treated for burns, treated for smoke"
        " inhalation",
        "casualties": "killed or wounded, killed and wounded, killed or injured,"
        " killed and injured, dead or wounded, dead and wounded, dead or injured,"
        " dead and injured, wounded or killed, injured or killed, killed or hurt",
        "missing": "disappeared, vanished, unaccounted for, remain missing, remained missing,"
        " went missing",
        "captured": "capture, captures, captured, capturing, taken prisoner, taken captive",
        "arrested": "arrest, arrests, arrested, arresting, detain, detains, detained, detaining",
        "aboard": "carry, carries, carrying, carried",
        "held": "hold, holds, holding, held, abduct, abducted, abducting, kidnap, kidnapped,"
        " kidnapping, taken hostage, held hostage, held captive",
        "released": "release, releases, released, releasing, freed, freeing, set free,"
        " walked out of, walked free, went free, go free, goes free",
        "rescued": "rescue, rescues, rescued, rescuing, pulled alive, saved, pull, pulls, pulled,"
        " pulling, dug out, dig out, digging out, found alive, found safe, found safe and well",
        "crossed": "cross, crossed, crossing, crossed into, fled across, crossed over",
        "trapped": "trap, traps, trapped, trapping, entomb, entombed, entombing",
        "stranded": "strand, strands, stranded, stranding",
        "evacuated": "evacuate, evacuates, evacuated, evacuating",
        "evacuation_ordered": "ordered to evacuate, ordered to leave, told to evacuate,"
        " told to leave, ordered out, to evacuate, to leave",
        "displaced": "displace, displaced, flee, fled, fleeing, uproot, uprooted,"
        " left homeless, forced from their homes, forced to flee, abandon their homes,"
        " abandoned their homes, fled their homes, leave their homes, left their homes,"
        " lost their homes",
        "destroyed": "destroy, destroys, destroyed, destroying, raze, razed, levelled, lost,"
        " leveled, flatten, flattened, gut, gutted, collapsed, burned down, burnt down,"
        " swept away, washed away, eat, eats, ate, eaten, devour, devoured, have to be rebuilt,"
        " must be rebuilt, need to be rebuilt, needs to be rebuilt, rebuilt from scratch",
        "damaged": "damage, damages, damaged, damaging, with damage",
        "destroyed_or_damaged": "destroyed or damaged, damaged or destroyed, destroyed and damaged,"
        " damaged and destroyed",
        "returned": "allowed to return home, allowed to return, allowed home, returned home,"
        " return home, went home, gone home, back home, allowed back, discharge, discharged,"
        " discharged from hospital",
        "burned": "burn, burns, burned, burnt, burning, scorch, scorched, char, charred,"
        " blacken, blackened, consume, consumed",
        "threatened": "threaten, threatens, threatened, threatening, at risk",
        "flooded": "flooded, inundate, inundated, submerge, submerged",
        "affected": "affect, affects, affected, affecting",
        "infected": "infect, infected, tested positive, fell ill, fallen ill",
        "hospitalised": "hospitalise, hospitalised, hospitalize, hospitalized, admit,"
        " admitted, treated in hospital, admitted to hospital,"
        " treated in hospitals, being treated in, treated in, taken to hospital, taken to"
        " hospitals",
        "in_hospital": "in hospital, in hospitals, remain in hospital, remains in hospital,"
        " remained in hospital, remaining in hospital, still in hospital, stay in hospital,"
        " stayed in hospital, kept in hospital, remain hospitalised, remained hospitalised,"
        " remain hospitalized, remained hospitalized, still hospitalised, still hospitalized",
        "treated": "treat, treats, treated, treating, spray, sprays, sprayed, spraying",
        "recovered": "recover, recovered, recovering",
        "vaccinated": "vaccinate, vaccinated, vaccinating, inoculate, inoculated, immunise,"
        " immunised, immunize, immunized",
        "administered": "administer, administered, administering, given, gave",
        "tested": "test, tested, testing",
        "strike": "on strike, walked out, walk out, downed tools, stopped work, joined the strike,"
        " walked off the job, walk off the job, walked off, stayed away, joined the walkout,"
        " went on strike, gone on strike",
        "hunger_strike": "on hunger strike, refuse food, refuses food, refused food, refusing"
        " food, refuse meals, refused meals, refusing meals, refuse to eat, refused to eat,"
        " refusing to eat, stopped eating, joined the hunger strike, went on hunger strike,"
        " gone on hunger strike, still on hunger strike",
        "laid_off": "laid off, lay off, lays off, laying off, let go, made redundant,"
        " lost their jobs, lose their jobs, loses their jobs, losing their jobs, lose their"
        " job, being let go, dismissed, sacked",
        "rehired": "rehire, rehired, rehiring, reinstate, reinstated, recalled, recalling,"
        " took back, taken back",
        "cut": "cut, cuts, cutting, axe, axed, eliminate, eliminated, shed, slash, slashed",
        "contained": "contained",
        "opened": "open, opens, opened, opening, set up, established",
        "closed": "close, closes, closed, closing, shut, shuts, shutting, shut down, shuts down,"
        " shutting down, closed down, seal, seals, sealed, sealing, sealed off",
        "reopened": "reopen, reopens, reopened, reopening",
        "without_power": "cut power to, cut off power to, cut electricity to, knocked out power"
        " to, left without power, without power, lost power, lose power, loses power, losing"
        " power, lost electricity, lost their power, lost their electricity, have no power,"
        " has no power, had no power, have no electricity, has no electricity, had no"
        " electricity",
        # not "ran dry": wells and taps run dry too
        "without_fuel": "ran out of fuel, run out of fuel, running out of fuel, left without fuel",
        "drilled": "drill, drills, drilled, drilling, bore, bored, boring",
        "confirmed": "confirmed, confirmed by laboratory tests, laboratory-confirmed",
        "spilled": "spill, spills, spilled, spilt, spilling, leak, leaks, leaked, leaking",
        "polluted": "pollute, pollutes, polluted, polluting, contaminate, contaminated,"
        " oiled, fouled",
        "escaped": "escape, escapes, escaped, escaping, broke out, broken out, at large,"
        " on the run",
        "recaptured": "recapture, recaptured, recapturing, back in custody, rearrested",
        "suspended": "suspend, suspends, suspended, suspending",
        "blocked": "block, blocks, blocked, blocking, cut off, impassable",
        "frozen": "freeze, freezes, froze, frozen",
        "quarantined": "quarantine, quarantines, quarantined",
        "raised": "raised, raising",
        "condemned": "declared unsafe, declared uninhabitable",
        "inspected": "inspect, inspects, inspected, inspecting, examine, examines, examined,"
        " examining",
        "deported": "deport, deports, deported, deporting, expel, expels, expelled, expelling,"
        " repatriate, repatriated, repatriating",
        "sunk": "sank, sunk, sink, sinks, capsized, capsize, capsizes, foundered, went down",
        "cancelled": "cancel, cancels, cancelled, canceled, cancelling, canceling, called off,"
        " scrapped, grounded",
        "postponed": "postpone, postpones, postponed, postponing, put off, delayed, delay,"
        " rescheduled",
        "sighted": "sight, sighted, sighting, spot, spotted, spotting, detect, detected",
        "charged": "charge, charges, charged, charging, charged with, charged over,"
        " charged in connection with, indicted, prosecuted, have been charged,"
        " had been charged, were charged, was charged",
        "convicted": "convict, convicts, convicted, convicting, found guilty, sentence,"
        " sentences, sentenced, sentencing, jail, jails, jailed, jailing",
        "fined": "fined, fining",
        "restored": "restore, restores, restored, restoring, reconnect, reconnects, reconnected,"
        " reconnecting, back online, brought back online,"
        " back in service, back on the grid",
        "infested": "infest, infests, infested",
        "buried": "bury, buries, buried, burying, engulf, engulfed",
        "blinded": "blind, blinded, left blind, went blind, gone blind, lost their sight,"
        " lost his sight, lost her sight",
        "arrived": "came ashore, come ashore, coming ashore, landed, disembarked",
        "capacity": "built for, designed for, meant for, intended for, space for, room for,"
        " places for, beds for, capacity for, built to hold, designed to hold,"
        " meant to hold, built to house, designed to house",
        "in_need": "in need, in need of aid, in need of help, in need of food, need aid,"
        " need help, need food aid, face hunger, faces hunger, facing hunger, face acute hunger,"
        " faces acute hunger, facing acute hunger, face severe hunger, facing severe hunger,"
        " face starvation, facing starvation, go hungry, going hungry, food insecure",
    }
)

# Verbs that say an event only in a clause after the counted phrase: "4,300 migrants reached
# Velmark", but "applications reached 4,480" says a level.
VERBS_AFTER: Mapping[tuple[str, ...], str] = _forms(
    {
        "arrived": "reached, reach, entered, enter, arrive, arriving, came ashore, come ashore",
        # "eight cases, six of them fatal", but "12 fatal accidents" are accidents
        "killed": "fatal, proved fatal",
    }
)

# Adjectives and participles that say what happened when they stand by the count ("300
# dead", "1,000 wounded soldiers", "striking workers").
ADJECTIVES: Mapping[tuple[str, ...], str] = _forms(
    {
        "killed": "dead, killed, drowned, slain",
        "injured": "wounded, injured, hurt, seriously injured, seriously wounded, badly injured,"
        " badly hurt, slightly injured, lightly injured, seriously hurt",
        "casualties": "killed or wounded, killed and wounded, killed or injured,"
        " killed and injured, dead or wounded, dead or injured, dead and injured,"
        " dead and wounded",
        "missing": "missing, unaccounted, unaccounted for",
        "captured": "captured",
        "arrested": "arrested, detained, under arrest, in custody, in police custody",
        "held": "abducted, kidnapped, in the hands of, in captivity, hostage, captive",
        "aboard": "aboard, on board, onboard",
        "released": "released, freed",
        "rescued": "rescued, out alive",
        "distributed": "distributed, handed out",
        "trapped": "trapped, entombed",
        "stranded": "stranded",
        "without_power": "without power, without electricity, without a power supply,"
        " in the dark, off the grid, without supply, with no power, with no electricity",
        "evacuated": "evacuated",
        "displaced": "displaced, homeless",
        "destroyed": "destroyed, razed, gutted, collapsed",
        "damaged": "damaged",
        "destroyed_or_damaged": "destroyed or damaged, damaged or destroyed",
        "burned": "burned, burnt, scorched",
        "threatened": "threatened",
        "flooded": "flooded, submerged, under water, underwater",
        "affected": "affected",
        "infected": "infected",
        "suspected": "suspected, probable",
        "hospitalised": "hospitalised, hospitalized",
        "in_hospital": "in hospital, still in hospital",
        "recovered": "recovered",
        "vaccinated": "vaccinated",
        "administered": "administered",
        "strike": "striking",
        "hunger_strike": "hunger-striking, hunger striking, on hunger strike",
        "laid_off": "laid-off, redundant",
        "rehired": "rehired",
        "polluted": "polluted, oiled, contaminated",
        "escaped": "escaped",
        "recaptured": "recaptured",
        "suspended": "suspended",
        "in_need": "in need, hungry, food insecure, food-insecure",
        "sent": "delivered, shipped, supplied",
        "deployed": "deployed",
        "pledged": "pledged, promised",
        "fired": "fired, launched",
        "contained": "contained",
        "closed": "closed, shut, sealed, sealed off",
        "reopened": "reopened",
        "drilled": "drilled",
        "blocked": "blocked, impassable",
        "frozen": "frozen",
        "critical": "in critical condition, in a critical condition, critically ill,"
        " in serious condition, in a serious condition, seriously ill, critically injured,"
        " critically wounded",
        "intensive_care": "in intensive care, in intensive-care units, in an intensive care unit",
        "quarantined": "quarantined, in quarantine, placed in quarantine",
        "sheltering": "sheltering, in shelters, in evacuation centres, in evacuation centers,"
        " in emergency shelters, in relief camps",
        "without_water": "without water, without tap water, without running water,"
        " without drinking water, without clean water, with no water, with no running water",
        "without_heating": "without heating, without heat, with no heating,"
        " without central heating",
        "without_fuel": "without fuel, without petrol, without diesel, with no fuel,"
        " out of fuel, out of petrol",
        "condemned": "condemned, uninhabitable",
        "cancelled": "cancelled, canceled",
        "sunk": "sunk, sunken, capsized",
        "deported": "deported, expelled, repatriated",
        "postponed": "postponed, delayed",
        "rejected": "rejected",
        "removed": "removed",
        "sighted": "sighted, spotted, detected",
        "restored": "restored, back online",
        "charged": "charged, indicted",
        "convicted": "convicted, sentenced, jailed",
        "fined": "fined",
        "infested": "infested",
        "buried": "buried, engulfed",
        "blinded": "blinded",
    }
)

# Nouns that name an event: the count is of what they happened to ("300 deaths" are people
# killed; "3,000 job cuts" are jobs cut; "shipments of 11,000 containers" are containers sent).
NOUNS: Mapping[tuple[str, ...], str] = _forms(
    {
        "killed": "death, deaths, death toll, toll, fatality, fatalities, lives lost,"
        " loss of life, dead",
        "injured": "injury, injuries",
        "withdrawn": "withdrawal, withdrawals, outflow, outflows",
        "casualties": "casualty, casualties",
        "arrested": "arrest, arrests, detention, detentions",
        "convicted": "conviction, convictions",
        "evacuated": "evacuation, evacuations, evacuee, evacuees",
        "evacuation_ordered": "evacuation order, evacuation orders",
        "rescued": "rescue, rescues",
        "hospitalised": "hospitalisation, hospitalisations, hospitalization,"
        " hospitalizations, admission, admissions",
        "recovered": "recovery, recoveries",
        "vaccinated": "vaccination, vaccinations",
        "infected": "infection, infections",
        "sent": "shipment, shipments, delivery, deliveries, transfer, transfers, provision,"
        " supply, export, exports",
        "deployed": "deployment, deployments",
        "pledged": "pledge, pledges, promise, promises, commitment, commitments, offer, offers,"
        " contribution, contributions",
        "demanded": "demand, demands, claim, claims",
        "fired": "launch, launches, salvo, salvos, barrage",
        "laid_off": "layoff, layoffs, lay-off, lay-offs, redundancy, redundancies,"
        " job loss, job losses",
        "cut": "cut, cuts",
        "strike": "striker, strikers, walkout, walkouts, stoppage",
        "hunger_strike": "hunger striker, hunger strikers, hunger-striker, hunger-strikers",
        "released": "release, releases",
        "cancelled": "cancellation, cancellations",
        "closed": "closure, closures",
        "postponed": "postponement, postponements",
        "contained": "containment",
        "deported": "deportation, deportations, deportee, deportees, expulsion, expulsions",
        "arrived": "arrival, arrivals",
        "escaped": "escapee, escapees, escape, escapes, breakout, breakouts",
    }
)

# Events that befall people and hardly anything else: "40 were killed", "15 others were
# injured"; not "held", "stranded" or "missing" (boats are too), nor "confirmed" or "tested"
# (cases and samples are).
ONLY_OF_PEOPLE = frozenset(
    "killed injured casualties evacuated displaced hospitalised arrested deported critical "
    "intensive_care".split()
)

# Counting these nouns counts people; "people" is the name for the plain ones.
PEOPLE = frozenset(
    """people persons person residents resident inhabitants inhabitant villagers villager
    individuals individual locals local""".split()
)
PERSONS = PEOPLE | frozenset(
    """civilians civilian soldiers soldier troops troop servicemen serviceman servicemembers
    fighters fighter militants militant combatants combatant mercenaries recruits conscripts
    sailors sailor marines marine pilots pilot officers officer police policemen policeman
    children child women woman men man girls boys babies infants pupils students student
    workers worker employees employee staff miners miner dockworkers dockworker labourers
    laborers migrants migrant refugees refugee asylum-seekers passengers passenger patients
    patient pilgrims tourists citizens citizen nationals inmates prisoners prisoner detainees
    hostages hostage protesters protester demonstrators journalists doctors nurses medics
    firefighters firefighter rescuers volunteers members member voters farmers teachers
    drivers crew crewmen victims survivors families adults elderly strikers personnel
    responders guards guard wardens warden warders warder escapees escapee fishermen
    fisherman divers diver engineers engineer officials official farmworkers climbers climber
    hikers hiker skiers skier travellers traveller travelers traveler commuters commuter
    shoppers spectators fans pensioners retirees tenants homeowners motorists cyclists
    pedestrians mourners worshippers holidaymakers athletes players bystanders witnesses
    suspects suspect defendants rioters looters gunmen attackers kidnappers paramedics
    carers caregivers contractors apprentices trainees veterans immigrants
    researchers scientists lawyers judges colleagues colleague comrades neighbours neighbors
    friends relatives guests guest visitors visitor customers customer clients depositors
    depositor savers consumers""".split()
)
# Animals, which die, are rescued and are killed like people but are not people.
ANIMALS = frozenset(
    """animals animal cattle cows cow livestock sheep goats goat camels camel pigs pig poultry
    chickens horses horse birds bird seabirds seabird fish dolphins seals whales dogs dog
    cats cat foxes fox deer wolves bats ducks geese turkeys hens rhinos rhino elephants
    elephant lions lion tigers tiger leopards leopard cheetahs gorillas gorilla bears bear
    buffalo bison reindeer elk moose yaks giraffes zebras antelope hippos hippo monkeys apes
    wildebeest""".split()
)
# Whose toll is said "wounded" rather than "injured".
MILITARY = frozenset(
    """soldiers soldier troops troop servicemen serviceman servicemembers fighters fighter
    militants militant combatants combatant mercenaries recruits conscripts marines marine
    sailors sailor personnel""".split()
)
# Words that are not a thing a figure could count.
HEDGES = frozenset(
    """roughly about around approximately nearly almost some estimated more less least over
    under just only up down percent per cent pc pct figure figures number numbers total
    totals amount amounts whole part majority minority
    average tally count counts further another additional extra respectively each all
    both other others many several few most lot lots plenty bit back unchanged steady stable
    flat lower higher fewer bigger smaller greater larger better worse""".split()
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec today yesterday tomorrow tonight morning evening afternoon night
    week weekend month year day hour minute decade century season first second third last
    next fortnight""".split()
)
PLACE_NOUNS = frozenset(
    """oblast region province district county state city town village country capital
    municipality prefecture governorate department territory area zone port border
    republic kingdom island valley""".split()
)
# Singular place words a capitalised place name may end with: "the Tavel district" is Tavel.
PLACE_SUFFIXES = frozenset(
    """oblast region province district county state city town village municipality
    prefecture governorate department territory area zone valley""".split()
)
# A site's full name closes with what it is ("Merrowfield Immigration Detention Centre",
# "Mbolane Game Reserve"); later reports name it by its first words ("at Merrowfield").
FACILITY_SUFFIXES = frozenset(
    """centre center prison jail camp hospital reserve park mine colliery plant refinery
    station airport port harbour harbor school academy stadium factory works barracks base
    terminal depot complex facility clinic sanctuary estate""".split()
)
# Words that say what kind of site it is, between its name and ``FACILITY_SUFFIXES``.
FACILITY_KINDS = frozenset(
    """immigration detention removal holding reception remand correctional security game
    nature wildlife national transfrontier regional general district county central
    military naval air power nuclear treatment water training refugee transit processing
    children's university teaching memorial coal gas oil chemical container ferry bus
    railway rail marine royal city state provincial municipal federal international""".split()
)
# Units a count measures something in, as written: "1,500 tonnes", "12 km", "4,000 metres".
MEASURE_UNITS = frozenset(
    """tonnes tonne tons ton litres litre liters liter barrels barrel gallons gallon kg
    kilograms kilogrammes km kilometres kilometers metres meters miles mile hectares hectare
    acres acre""".split()
)
DISTANCE_UNITS = frozenset(
    """km kilometre kilometres kilometer kilometers mile miles metre metres meter meters
    yard yards foot feet cm centimetre centimetres centimeter centimeters mm millimetre
    millimetres millimeter millimeters inch inches""".split()
)
AREA_UNITS: Mapping[str, str] = {
    "hectare": "hectares",
    "hectares": "hectares",
    "ha": "hectares",
    "acre": "acres",
    "acres": "acres",
    "square kilometre": "km2",
    "square kilometres": "km2",
    "square kilometer": "km2",
    "square kilometers": "km2",
    "sq km": "km2",
    "km2": "km2",
    "square mile": "square miles",
    "square miles": "square miles",
}
# Units of electric power: "2,900 MW of generation", "1,980 MW was back online" measure power
# as hectares measure area, whatever the text calls it.
POWER_UNITS: Mapping[str, str] = {
    "mw": "MW",
    "megawatt": "MW",
    "megawatts": "MW",
    "gw": "GW",
    "gigawatt": "GW",
    "gigawatts": "GW",
}
# Verbs and reporting words that a phrase before a number may end with ("the toll has
# risen to"): never the counted thing.
VERB_FORMS = frozenset(
    """risen rose rise rises rising fallen fell fall falls falling climbed climbs climb
    jumped jumps jump surged surges surge soared soars soar increased increases increase
    decreased decreases decrease dropped drops drop declined declines decline reached
    reaches reach hit hits topped tops top passed passes pass exceeded exceeds exceed
    neared nears near stood stands stand totalled totaled totals total grew grows grow
    doubled tripled trebled halved shrunk shrank shrinks settled eased slipped dipped
    lowered raised said says say told reported reports
    added adds estimated estimates
    put puts stands amounted amounts amount came comes come went goes go remained remains
    remain became becomes become included includes include took takes take joined joins join
    hoped hopes made makes represents represented handled handles refused refuses stuck
    running rebounded rebounds plunged plunges plummeted slumped slumps tumbled""".split()
)


# Nouns that name a change: "a 12% rise", "an increase of 5%".
CHANGE_NOUNS = frozenset(
    "increase increases rise rises jump jumps drop drops fall falls decline declines change "
    "changes growth shift shifts move cut cuts".split()
)


def phrase_at(
    words: list[str], index: int, table: Mapping[tuple[str, ...], str], *, longest: int = 5
) -> tuple[str, int] | None:
    """Return the event key of the longest phrase of ``table`` starting at ``words[index]``,
    with how many words it spans, or None."""
    for size in range(min(longest, len(words) - index), 0, -1):
        key = table.get(tuple(words[index : index + size]))
        if key is not None:
            return key, size
    return None


def phrase_ending_at(
    words: list[str], end: int, table: Mapping[tuple[str, ...], str], *, longest: int = 5
) -> tuple[str, int] | None:
    """Return the event key of the longest phrase of ``table`` ending just before
    ``words[end]``, with how many words it spans, or None."""
    for size in range(min(longest, end), 0, -1):
        key = table.get(tuple(words[end - size : end]))
        if key is not None:
            return key, size
    return None


def any_word(words: Iterable[str], table: frozenset[str]) -> bool:
    return any(word in table for word in words)
