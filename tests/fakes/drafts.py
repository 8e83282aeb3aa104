"""Scripted draft replies for the fake LLM server: read which platforms a request asks
for (first call or repair) and answer with texts a test chooses per platform and call."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.fakes.llm_server import Reply

ASK = re.compile(r"(?:for each of these platforms|Rewrite only these platforms): ([a-z_, ]+)\.")

GOOD_DE = {
    "instagram": "Frisch geröstet: Unser neuer Äthiopien-Filterkaffee duftet nach Blüten und "
    "Pfirsich. Probier ihn diese Woche im Kontor in Altona – wir brühen dir gern eine Tasse auf.",
    "linkedin": "Wie schmeckt eine faire Lieferkette? Unser neuer Äthiopien-Kaffee kommt direkt "
    "von einer Kooperative, mit der wir eng zusammenarbeiten. Frag uns gern nach "
    "Büro-Lieferungen für dein Team.",
    "x": "Neu im Kontor: Äthiopien-Filterkaffee mit Blüten und Pfirsich. Komm vorbei und probier!",
    "mastodon": "Neu im Kontor: ein Äthiopien-Filterkaffee, der nach Blüten und Pfirsich duftet. "
    "Komm vorbei und probier ihn!",
    "facebook": "Neu bei uns: Äthiopien-Filterkaffee mit Noten von Blüten und Pfirsich. Komm "
    "diese Woche ins Kontor und probier ihn!",
    "bluesky": "Neu im Kontor: Äthiopien-Filterkaffee, Blüten und Pfirsich. Komm probieren!",
    "threads": "Neu im Kontor: Äthiopien-Filterkaffee mit Blüten und Pfirsich. Komm probieren!",
    "tiktok": "Neu im Kontor: Äthiopien-Filterkaffee mit Blüten und Pfirsich. Komm probieren!",
    "pinterest": "Äthiopien-Filterkaffee: so brühst du ihn mit Blüten- und Pfirsichnoten.",
    "google_business": "Neu im Kontor: Äthiopien-Filterkaffee. Komm vorbei und probier ihn!",
}


def requested_platforms(body: dict[str, Any]) -> list[str]:
    last_user = [m["content"] for m in body["messages"] if m["role"] == "user"][-1]
    match = ASK.search(last_user)
    return [p.strip() for p in match.group(1).split(",")] if match else []


def is_repair(body: dict[str, Any]) -> bool:
    return "Rewrite only these platforms" in body["messages"][-1]["content"]


def post(
    platform: str, text: str, hashtags: list[str] | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "platform": platform,
        "text": text,
        "hashtags": hashtags if hashtags is not None else ["Kaffee", "Hamburg"],
        "alt_text": extra.get("alt_text"),
        "first_comment": extra.get("first_comment"),
    }


TextFor = Callable[[str, int], dict[str, Any]]  # (platform, call number) -> post dict


class DraftScript:
    """A responder: ``text_for(platform, call_index)`` gives each platform's post."""

    def __init__(self, text_for: TextFor | None = None, latency: float = 0.0) -> None:
        self.text_for = text_for or (lambda platform, call: post(platform, GOOD_DE[platform]))
        self.calls: list[dict[str, Any]] = []
        self.latency = latency

    def __call__(self, body: dict[str, Any]) -> Reply:
        call = len(self.calls)
        self.calls.append(body)
        posts = [self.text_for(p, call) for p in requested_platforms(body)]
        return Reply.json({"posts": posts}, delay=self.latency, usage=(900, 150, 0))



NOTES = ("Blüten", "Pfirsich", "Beeren", "Zitrone", "Karamell", "Schokolade", "Nougat",
         "Mandeln", "Kirschen", "Aprikose")


def varied(platform: str, call: int) -> dict[str, Any]:
    """GOOD_DE with other tasting notes per call: 90 different texts per platform, so
    that no two drafts of a week share a text (and an embedding)."""
    call %= 90  # then the pairs come round again; never one note twice
    notes = f"{NOTES[call % 10]} und {NOTES[(call + 1 + call // 10) % 10]}"
    text = GOOD_DE[platform].replace("Blüten und Pfirsich", notes)
    text = text.replace("Blüten- und Pfirsichnoten", notes.replace(" und", "- und") + "noten")
    text = text.replace("Äthiopien-Kaffee kommt", f"Äthiopien-Kaffee mit {notes} kommt")
    return post(platform, text)
