from __future__ import annotations

import dataclasses

import pytest

from monitor.watch import MatchText, extended_forms, matches, parse_query, prefilter

WATCH = '"North Korea" AND (Russia OR Moscow OR Kremlin OR Putin)'

# Two paragraphs in the style of a wire report; {country} and {capital} are swapped per case.
REPORT = """\
Officials in Seoul said on Tuesday that a cargo ship had left the {country} port of Rajin
with several hundred containers aboard, the third such voyage since the start of the month.
Analysts who track the route believe the containers hold artillery shells and rocket parts.

Satellite pictures reviewed by a private research group show the same vessel docking four
days later at a terminal near Vladivostok. A spokesman for the {capital} declined to comment
on the shipments, saying only that trade between the two neighbours was lawful.
"""


def check(query: str, expected: bool, *, title: str = "", text: str = "") -> None:
    assert matches(parse_query(query), MatchText.of(title=title, text=text)) is expected


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        # Phrases: the words one right after the other, punctuation in between is no gap.
        ('"missile launch"', "Seoul reported a missile launch at dawn.", True),
        ('"missile launch"', "The launch of a missile was reported.", False),
        ('"missile launch"', "A missile, launch crews said, was ready.", True),
        ('"cargo ship sailed"', "The cargo ship finally sailed.", False),
        ('"cargo ship sailed"', "A cargo ship sailed north.", True),
        ("Hwasong-19", "Tests of the Hwasong 19 went on.", True),
        ("Hwasong-19", "Tests of the Hwasong 18 went on.", False),
        # AND, OR, NOT and the implicit AND.
        ("korea AND missile", "Korea tested a missile.", True),
        ("korea AND missile", "Korea tested a drone.", False),
        ("korea missile", "Korea tested a missile.", True),
        ("korea missile", "Korea tested a drone.", False),
        ("korea OR japan", "Japan protested.", True),
        ("korea OR japan", "Vietnam protested.", False),
        ("korea NOT japan", "Korea protested.", True),
        ("korea NOT japan", "Korea and Japan protested.", False),
        ("korea -japan", "Korea and Japan protested.", False),
        ("korea AND (drone OR missile) -test", "Korea showed a drone.", True),
        ("korea AND (drone OR missile) -test", "Korea showed a drone in a test.", False),
        ("(korea OR japan) (drone OR missile)", "Japan bought a drone.", True),
        ("(korea OR japan) (drone OR missile)", "Japan bought a tank.", False),
        # Prefix searches.
        ("sanction*", "The firms were sanctioned last year.", True),
        ("sanction*", "New sanctions arrived.", True),
        ("sanction*", "The sale was unsanctioned.", False),
        ("ukraine*", "Ukrainian officials spoke.", False),
        ("korea*", "Koreans voted.", True),
        # Case and accents.
        ("Pyŏngyang", "Talks opened in PYONGYANG today.", True),
        ("pyongyang", "Talks opened in Pyŏngyang today.", True),
        ('"Pyŏngyang talks"', "the pyongyang talks resumed", True),
        ("pyŏng*", "Pyongyang's envoy arrived.", True),
        ("MISSILE", "a Missile", True),
    ],
)
def test_matches(query: str, text: str, expected: bool) -> None:
    check(query, expected, text=text)


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        # Distance 3 allows at most three words between the two, in either order.
        ("korea NEAR/3 missile", "Korea missile", True),
        ("korea NEAR/3 missile", "Korea fired one more missile today.", True),
        ("korea NEAR/3 missile", "Korea fired one more new missile today.", False),
        ("korea NEAR/3 missile", "The missile was fired by Korea.", True),
        ("korea NEAR/3 missile", "The missile that was fired by Korea.", False),
        # A phrase operand counts its own words as one block.
        ('"north korea" NEAR/2 moscow', "Moscow and North Korea signed.", True),
        ('"north korea" NEAR/2 moscow', "Moscow, Beijing and North Korea signed.", True),
        ('"north korea" NEAR/2 moscow', "Moscow, Beijing, Hanoi and North Korea signed.", False),
        ('"north korea" NEAR/2 moscow', "North Korea, Russia and Moscow signed.", True),
        ('"north korea" NEAR/2 moscow', "North Korea, Russia, Belarus and Moscow signed.", False),
        ('"north korea" NEAR/1 "cargo ship"', "a North Korean cargo ship", True),
        ("korea NEAR/5 missile*", "Korea displayed missiles", True),
        # The two operands must be different words of the text.
        ("korea NEAR/5 korea", "Korea", False),
        ("korea NEAR/5 korea", "Korea and South Korea", True),
        ('korea NEAR/5 "north korea"', "North Korea", False),
        ('korea NEAR/5 "north korea"', "Korea and North Korea", True),
    ],
)
def test_near(query: str, text: str, expected: bool) -> None:
    check(query, expected, text=text)


@pytest.mark.parametrize(
    ("query", "title", "text", "expected"),
    [
        ("title:korea", "Korea holds talks", "Nothing more.", True),
        ("title:korea", "Talks held", "Korea was there.", False),
        ("korea", "Talks held", "Korea was there.", True),
        ('title:"north korea"', "North Korean envoy arrives", "", True),
        ('title:"north korea"', "Envoy arrives", "from North Korea", False),
        ("title:(korea OR japan) missile", "Japan reacts", "A missile flew.", True),
        ("title:(korea OR japan) missile", "Reaction", "Japan and a missile.", False),
        ("korea -title:japan", "Japan reacts", "Korea too.", False),
        ("korea -title:japan", "Reaction", "Korea and Japan.", True),
        ("title:korea NEAR/2 title:missile", "Korea missile test", "", True),
        ("title:korea NEAR/2 title:missile", "Korea", "missile", False),
        # The title and the body are separate passages.
        ('"north korea"', "Talks with the North", "Korea said nothing.", False),
        ("korea NEAR/5 missile", "Talks on Korea", "Missile tests go on.", False),
        ("korea NEAR/5 missile", "Talks on Korea", "Missile tests go on near Korea.", True),
        ("korea NEAR/5 missile", "Korea missile talks", "Unrelated body.", True),
    ],
)
def test_title_scope(query: str, title: str, text: str, expected: bool) -> None:
    check(query, expected, title=title, text=text)


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ('"North Korea"', "The North Korean delegation left.", True),
        ('"North Korea"', "Two North Koreans defected.", True),
        ("Russia", "A Russian freighter docked.", True),
        ("Russia", "Russians queued.", True),
        ("missile", "Three missiles were fired.", True),
        ("Ukraine", "Ukrainian drones struck.", True),
        ("Ukraine", "Ukrainians voted.", True),
        ("China", "Chinese exports grew.", True),
        ("Japan", "Japanese ships sailed.", True),
        ("Iran", "An Iranian diplomat spoke.", True),
        ("Iran", "Iranians marched.", True),
        ("Israel", "An Israeli minister said no.", True),
        ("Israel", "Israelis voted.", True),
        ("Pakistan", "A Pakistani court ruled.", True),
        ("Europe", "European leaders met.", True),
        ("launch", "Two launches failed.", True),
        ("torpedo", "The torpedoes missed.", True),
        ("embassy", "Both embassies closed.", True),
        ('"North Korea missile"', "North Korea missiles", True),
        # Nothing beyond the listed suffixes.
        ("Iran", "Irandom is not a word.", False),
        ("Iran", "Iraq answered.", False),
        ("Korea", "Koreatown was busy.", False),
        ("plan", "Planes landed.", False),
        # Three letters or fewer: no extension at all.
        ("US", "They use it.", False),
        ("US", "Both USA teams won.", False),
        ("war", "He went to the ward.", False),
        ("war", "They warn of it.", False),
        ("war", "Wars end.", False),
        ("arm", "The army moved.", False),
        ("arm", "Arms flowed.", False),
        ("war", "The war ended.", True),
        # Extensions lengthen only the word written, and only the last word of a phrase.
        ("Russian", "Russia answered.", False),
        ("Russians", "A Russian answered.", False),
        ("Russian", "Russians answered.", True),
        ('"Korean war"', "The Korea war ended.", False),
        ('"North Korea missile"', "North Korean missile", False),
    ],
)
def test_extensions(query: str, text: str, expected: bool) -> None:
    check(query, expected, text=text)


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("war", ("war",)),
        ("us", ("us",)),
        ("korea", ("korea", "koreas", "korean", "koreans")),
        ("ukraine", ("ukraine", "ukrainian", "ukrainians", "ukraines")),
        ("china", ("china", "chinese")),
        ("israel", ("israel", "israeli", "israelis")),
        ("launch", ("launches",)),
        ("embassy", ("embassies",)),
    ],
)
def test_extended_forms_include(word: str, forms: tuple[str, ...]) -> None:
    found = extended_forms(word)
    assert found[0] == word
    assert set(forms) <= set(found)
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("word", "form"),
    [("war", "wars"), ("plan", "planes"), ("iran", "irandom"), ("russian", "russia")],
)
def test_extended_forms_exclude(word: str, form: str) -> None:
    assert form not in extended_forms(word)


@pytest.mark.parametrize(
    ("query", "title", "summary", "expected"),
    [
        (WATCH, "Kremlin hosts trade talks", "Delegates met for a second day.", True),
        (WATCH, "Port news", "A North Korean ship unloaded.", True),
        (WATCH, "Weather", "Sunny skies are forecast all week.", False),
        # NOTs are ignored: the positive term alone is enough to fetch.
        ("(korea OR japan) AND NOT tokyo", "Tokyo markets open", "Japan's index rose.", True),
        ("(korea OR japan) AND NOT tokyo", "Tokyo markets open", "Stocks rose.", False),
        ("korea -japan", "Japan reacts", "", False),
        # The only positive terms sit in an OR branch without a NOT.
        ("economy NOT (korea OR japan) OR (rocket OR drone)", "Drone show", "", True),
        ("economy NOT (korea OR japan)", "Korea and Japan", "", False),
        ("korea OR (missile AND NOT test)", "Missile test scheduled", "", True),
        # The extension rule and prefixes, as in matches.
        ("Ukraine", "", "Ukrainian drones struck overnight.", True),
        ("sanction*", "Sanctioned firms named", "", True),
        ("war", "Ward closed", "Warnings issued", False),
        # Fields are ignored and NEAR operands count one by one.
        ("title:korea", "Talks", "Korea attended.", True),
        ("korea NEAR/1 missile", "Missile fired", "", True),
        # A phrase still needs its words together.
        ('"north korea"', "North and South", "Korea", False),
        ('"north korea"', "", "north of south korea", False),
    ],
)
def test_prefilter(query: str, title: str, summary: str, expected: bool) -> None:
    assert prefilter(parse_query(query), title=title, summary=summary) is expected


@pytest.mark.parametrize(
    ("country", "capital", "expected"),
    [
        ("North Korean", "Kremlin", True),
        ("North Korea's", "Russian government", True),
        ("North Korean", "government", False),
        ("South Korean", "Kremlin", False),
    ],
)
def test_example_watch(country: str, capital: str, expected: bool) -> None:
    text = REPORT.format(country=country, capital=capital)
    check(WATCH, expected, title="Cargo ship leaves Rajin", text=text)


def test_match_text_layout() -> None:
    text = MatchText.of(title="North Korea", text="Korea, again: KOREA.")
    assert text.title == ("north", "korea")
    assert text.tokens == ("north", "korea", "korea", "again", "korea")
    assert dict(text.index) == {"north": (0,), "korea": (1, 2, 4), "again": (3,)}
    assert text.vocabulary == ("again", "korea", "north")
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.title = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        text.index["north"] = ()  # type: ignore[index]


def test_long_text_is_indexed_once_and_queries_use_the_index() -> None:
    filler = " ".join(f"filler{n % 1000} word{n % 37}." for n in range(12_000))
    body = (
        filler
        + " Near Pyongyang an envoy spoke of a cargo ship loaded with missiles for launches."
        + " North Korea and the Kremlin confirmed it. "
        + filler
    )
    assert len(body) > 200_000
    text = MatchText.of(title="Shipment", text=body)
    query = parse_query(
        "korea AND missile AND (russia OR moscow OR kremlin OR putin) AND launch*"
        ' AND "cargo ship" AND pyongyang NEAR/3 envoy AND NOT tokyo'
    )
    assert matches(query, text)
    assert not matches(parse_query("korea AND tokyo"), text)
    assert not matches(parse_query("filler500 NEAR/50 korea"), text)
    assert matches(parse_query("filler3 NEAR/5 word3"), text)
    # The index covers every token once: lookups need no rescan of the text.
    assert sum(len(positions) for positions in text.index.values()) == len(text.tokens)
