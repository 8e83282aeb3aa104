"""Texts the voice score is judged by (tests and bench/bench_voice.py share them).

Three groups per example kit, besides the kit's own held-out examples and the other kit's
posts: GENERIC (brand-less social posts; deliberately not the built-in calibration baseline
in assistant/brand/voice.py, so the test is not scored against its own reference) and
WRONG_VOICE (the kit's own topics, written in a voice the kit would never use).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.brand.embeddings import Embedder
from assistant.brand.kit import BrandKit
from assistant.brand.voice import (
    VoiceResult,
    baseline_texts,
    build_reference,
    held_out_results,
    score_texts,
)

GENERIC: dict[str, list[str]] = {
    "de": [
        "Endlich Freitag! Wir wünschen euch einen entspannten Start ins Wochenende.",
        "Frohe Weihnachten und einen guten Rutsch ins neue Jahr wünscht euch das ganze Team!",
        "Heute ist Weltlachtag. Was hat euch zuletzt richtig zum Lachen gebracht?",
        "Unser Team wächst! Wir freuen uns auf neue Kolleginnen und Kollegen.",
        "Schon gewusst? Bei uns findest du jede Woche neue Angebote. Schau vorbei!",
    ],
    "en": [
        "Happy Monday! What are your goals for this week?",
        "Season's greetings from all of us. See you in the new year!",
        "Throwback to our summer party. Good times with great people!",
        "We love hearing from you. Tell us in the comments what you'd like to see next.",
        "Big news coming soon. Stay tuned and follow us so you don't miss it!",
    ],
}

# The coffee kit's topics (new beans, courses, opening hours, office coffee, roasting) in
# formal Sie, corporate German, English B2B marketing, and loud sales copy.
WRONG_VOICE_COFFEE: list[str] = [
    "Sehr geehrte Kundinnen und Kunden, wir freuen uns, Ihnen mitteilen zu können, dass "
    "unsere neue Kaffeesorte aus Äthiopien ab sofort in unserem Sortiment erhältlich ist. "
    "Bei Fragen steht Ihnen unser Team jederzeit gerne zur Verfügung.",
    "Die Möwenbohne Kaffeerösterei GmbH optimiert kontinuierlich ihre Röstprozesse, um eine "
    "gleichbleibend hohe Produktqualität zu gewährleisten.\n\nErfahren Sie mehr über unsere "
    "Qualitätsstandards und Zertifizierungen auf unserer Website.",
    "Wir laden Sie herzlich zu unserem Barista-Seminar ein. Im Rahmen der Veranstaltung "
    "erhalten Sie einen umfassenden Überblick über die fachgerechte Zubereitung von Espresso. "
    "Die Teilnehmerzahl ist begrenzt, wir bitten daher um Ihre verbindliche Anmeldung.",
    "Bitte beachten Sie die geänderten Öffnungszeiten unserer Filiale während der Feiertage. "
    "Für Rückfragen steht Ihnen unser Kundenservice gerne telefonisch zur Verfügung.",
    "Unlock the full potential of your workforce with our premium office coffee solutions. "
    "Our scalable program drives employee engagement and delivers measurable ROI.\n\n"
    "Contact our sales team today to schedule a tasting session for your organization.",
    "We are pleased to announce the expansion of our B2B coffee supply portfolio. Enterprise "
    "customers now benefit from streamlined procurement, dedicated account management and "
    "flexible delivery options across the greater Hamburg area.",
    # written after the weights were chosen, as a check that they carry over
    "Kaffee-Liebhaber aufgepasst!!! 🔥🔥 Unser NEUER Espresso ist DER Hammer!!! Jetzt "
    "zugreifen, solange der Vorrat reicht!!! 💥☕",
    "Gemäß unserer Nachhaltigkeitsstrategie 2030 wurde die Verpackung sämtlicher "
    "Produktlinien auf recyclingfähige Materialien umgestellt. Weitere Informationen "
    "entnehmen Sie bitte unserem Nachhaltigkeitsbericht.",
    "Dear valued customers, we would like to inform you that our roastery will be closed for "
    "maintenance. We apologize for any inconvenience this may cause. Kind regards, the "
    "management",
    "Sie suchen einen zuverlässigen Partner für Ihre Büroversorgung? Die Möwenbohne "
    "Kaffeerösterei GmbH bietet maßgeschneiderte Lösungen für Unternehmen jeder Größe. "
    "Vereinbaren Sie noch heute einen Beratungstermin.",
]

# The software kit's topics (releases, webinars, certification, hiring, lineage) in a
# chatty, emoji-heavy du / "hey fam" voice.
WRONG_VOICE_SOFTWARE: list[str] = [
    "Hey folks!! 🚀🚀 Guess what?? Schema drift alerts are HERE and they're sooo awesome 😍 "
    "No more broken dashboards, yay!!! Who's excited?? 🙌",
    "OMG you guys 😱 our webinar on pipeline testing is next week!!!\n\nGrab your coffee ☕ "
    "and join the party 🎉🎉 Don't miss it!!! 👉 Link in bio",
    "Big news, fam!! 🔥 We're ISO certified now!!! Your data is super safe with us, pinky "
    "promise 🤞💯 Love you all ❤️",
    "Lineage is like, totally magic ✨✨ Who else loves dbt?? 🙋 Drop a 🔥 in the comments if "
    "your pipelines never break lol 😂",
    "Hallo du! 👋 Kennst du das? Dein Dashboard ist kaputt und keiner weiß warum 🙈 Mit "
    "unseren Alerts passiert dir das nicht mehr! Probier's aus 😎",
    "Wir stellen ein!!! 🎉 Du liebst Python und Postgres? Dann komm in unser mega Team 💪 "
    "Bei uns gibt's Obst, Kicker und jede Menge Spaß 🥳 Bewirb dich jetzt!",
    # written after the weights were chosen, as a check that they carry over
    "Guys!!! 🤯 Our post-mortem is out and wow, what a week 😅😅 Grab some popcorn 🍿 and "
    "read all about it!!! 👇👇",
    "Happy Friday, data fam! 🥳 Who else is ready for the weekend?? Drop your fave dbt macro "
    "below 👇💙",
    "Na, auch keine Lust auf kaputte Pipelines? 😜 Dann schnapp dir unser Webinar am 12. "
    "März, wird mega! 🎉 Sei dabei!",
    "OMG 2,000 dbt projects tested!!! 🤩 Our lineage is like SO accurate now 💯💯 You're "
    "gonna love it!!!",
]

WRONG_VOICE: dict[str, list[str]] = {
    "kaffeekontor-hamburg": WRONG_VOICE_COFFEE,
    "tessaline-software": WRONG_VOICE_SOFTWARE,
}

GROUPS = ("own held-out", "other kit", "generic", "wrong voice")


def group_texts(kit: BrandKit, other: BrandKit) -> dict[str, list[str]]:
    """The texts of every group but "own held-out" (those are the kit's examples)."""
    return {
        "other kit": [e.text for e in other.examples],
        "generic": [t for lang in kit.languages for t in GENERIC.get(lang, [])],
        "wrong voice": WRONG_VOICE[kit.id],
    }


def embed_all(kits: Sequence[BrandKit], embedder: Embedder) -> dict[str, np.ndarray]:
    """Every text any group needs (examples, baselines, groups), each embedded once, in
    one call: text -> passage vector."""
    every = [e.text for k in kits for e in k.examples] + [t for k in kits
                                                          for t in baseline_texts(k)]
    for kit in kits:
        other = next(o for o in kits if o.id != kit.id)
        every += [t for texts in group_texts(kit, other).values() for t in texts]
    unique = list(dict.fromkeys(every))
    return dict(zip(unique, embedder.embed_passages(unique), strict=True))


def evaluate(kits: Sequence[BrandKit],
             rows: dict[str, np.ndarray]) -> dict[str, dict[str, list[VoiceResult]]]:
    """Per kit and group, the voice results: the kit's examples leave-one-out, everything
    else against the kit's full reference (``rows`` from ``embed_all``)."""

    def vecs(texts: Sequence[str]) -> np.ndarray:
        return np.array([rows[t] for t in texts])

    out: dict[str, dict[str, list[VoiceResult]]] = {}
    for kit in kits:
        other = next(o for o in kits if o.id != kit.id)
        examples, baseline = [e.text for e in kit.examples], baseline_texts(kit)
        ref = build_reference(kit.id, kit.examples, vecs(examples), baseline, vecs(baseline))
        out[kit.id] = {"own held-out": held_out_results(kit, vecs(examples), vecs(baseline))}
        for name, texts in group_texts(kit, other).items():
            out[kit.id][name] = score_texts(ref, texts, vecs(texts))
    return out
