"""A short hand-written story and the shapes its copies take, for the dedup tests."""

from __future__ import annotations

PARAGRAPHS = [
    "Rail cars loaded with crates left the port of Rajin on Monday night, according to satellite "
    "images reviewed by analysts at a research group in Seoul, who said the shipment was the "
    "largest they had tracked since the start of the year.",
    "The analysts counted around 11,000 containers moved across the border since August, and "
    "estimated that they could hold about 3 million rounds of artillery ammunition, a figure the "
    "defence ministry in Seoul declined to confirm during a briefing on Tuesday.",
    "Officials in Moscow did not respond to requests for comment, while a spokesman in Pyongyang "
    "dismissed the reports as fabrications spread by hostile powers seeking to isolate the "
    "country and justify new sanctions against its trading partners.",
    "Diplomats at the United Nations said a panel of experts had been asked to examine the "
    "images, but its mandate expired last spring after a veto, leaving no formal body to "
    "verify the transfers or report on them to the Security Council.",
    "The research group said it would publish a fuller account of the rail traffic next month, "
    "including the loading schedules it inferred from repeated passes over the port, and would "
    "share its raw imagery with journalists who asked for it.",
]
TEXT = "\n\n".join(PARAGRAPHS)

INDEPENDENT = "\n\n".join(
    [
        "South Korea's defence ministry on Tuesday would neither confirm nor deny a think tank's "
        "estimate of North Korean munitions shipped north by train, saying only that it watched "
        "the border closely and shared what it learned with allies.",
        "The estimate, published by a Seoul research group, put the number of containers at "
        "around 11,000 and the shells inside at about 3 million, numbers that would make the "
        "North one of the largest suppliers of ammunition to Russian forces.",
        "Independent experts cautioned that counting containers from orbit says little about "
        "what is inside them, and that some of the cargo could be fuel, food or spare parts "
        "rather than shells, which would shrink the total considerably.",
        "A former United Nations investigator said the absence of a monitoring panel made such "
        "private estimates the only public evidence, and urged governments to release their own "
        "intelligence so the claims could be tested in the open.",
    ]
)


def syndicated() -> str:
    """The story on another site: its own credit lines, one paragraph dropped, rewrapped."""
    body = [p.replace(", ", ",\n", 1) for p in PARAGRAPHS[:3] + PARAGRAPHS[4:]]
    return "\n\n".join(
        [
            "This article first appeared on Harbour Watch.",
            *body,
            "Sign up for our "
            "daily briefing to get stories like this one in your inbox every morning.",
        ]
    )


def rewrite() -> str:
    """A light rewrite: a few words changed in every paragraph, the figures kept."""
    swaps = [
        ("loaded with", "carrying"),
        ("reviewed by", "examined by"),
        ("largest", "biggest"),
        ("counted", "tallied"),
        ("declined to confirm", "would not confirm"),
        ("did not respond to", "ignored"),
        ("dismissed", "rejected"),
        ("had been asked", "was asked"),
        ("expired last spring", "lapsed last spring"),
        ("fuller account", "longer account"),
        ("would share", "would also share"),
    ]
    text = TEXT
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def updated() -> str:
    """The same story with its figure changed: news, never a duplicate."""
    return TEXT.replace("about 3 million rounds", "about 5 million rounds")
