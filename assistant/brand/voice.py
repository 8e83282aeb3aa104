"""Voice score: how much a text sounds like the kit's own example posts, 0..100.

Formula (all vectors are passage-mode embeddings, L2-normalised, so dot = cosine)::

    near(v, M)  = mean of the 3 highest cosines between v and the rows of M
    s(t)        = near(t, examples)                          the text's closeness
    brand_ref   = mean over examples e of near(e, examples without e)
    generic_ref = mean over baseline posts b of near(b, examples)
    score(t)    = 100 * (s(t) - generic_ref) / (brand_ref - generic_ref), clipped to 0..100

So 0 means "as close to the kit as a generic, brand-less post" and 100 means "as close as
the kit's own examples are to each other". The baseline is a small built-in set of generic
social posts (below) in the kit's languages, embedded the same way as everything else. This
calibration is needed because e5 cosines sit in a narrow band (unrelated texts score about
0.8), so a raw cosine says little on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.brand.embeddings import Embedder, get_embedder
from assistant.brand.kit import BrandKit
from assistant.brand.store import example_vectors
from assistant.config import Settings, get_settings
from assistant.errors import BrandKitError

TOP = 3
MIN_SPREAD = 0.005  # guards the division when a kit's examples are barely distinct

BASELINE: dict[str, list[str]] = {
    "de": [
        "Wir wünschen euch allen ein schönes Wochenende! Was habt ihr vor?",
        "Neue Woche, neue Chancen. Starte motiviert in den Montag!",
        "Heute ist unser Büro wegen des Feiertags geschlossen. Ab morgen sind wir wieder da.",
        "Vielen Dank an alle, die gestern dabei waren. Es war ein toller Abend!",
        "Jetzt neu bei uns: Schau gleich vorbei und entdecke unser Angebot.",
        "Wir suchen Verstärkung für unser Team. Bewirb dich jetzt!",
        "Frohe Ostern an alle unsere Kunden und Partner!",
        "Die Sonne scheint, der Sommer ist da. Genießt den Tag!",
        "Hast du schon unseren Newsletter abonniert? Link in der Bio.",
        "Danke für 1.000 Follower! Ihr seid großartig.",
        "Tipp des Tages: Plane deine Woche am Sonntagabend.",
        "Unsere Öffnungszeiten haben sich geändert. Alle Infos auf der Website.",
    ],
    "en": [
        "Wishing everyone a wonderful weekend! What are your plans?",
        "New week, new opportunities. Let's make this Monday count!",
        "Our office is closed today for the public holiday. See you tomorrow.",
        "Thank you to everyone who joined us yesterday. What a great evening!",
        "Now available: check out what's new and find something you love.",
        "We're growing! Join our team and apply today.",
        "Happy holidays to all our customers and partners!",
        "The sun is out and summer is here. Enjoy your day!",
        "Have you subscribed to our newsletter yet? Link in bio.",
        "Thank you for 1,000 followers! You're amazing.",
        "Tip of the day: plan your week on Sunday evening.",
        "Our opening hours have changed. Find all details on our website.",
    ],
}

_BASELINE_CACHE: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}


def _near(vectors: np.ndarray, examples: np.ndarray, exclude_self: bool = False) -> np.ndarray:
    """Per row of ``vectors``: the mean of its TOP highest cosines to ``examples``."""
    sims = vectors @ examples.T
    if exclude_self:
        np.fill_diagonal(sims, -np.inf)
    top = min(TOP, examples.shape[0] - (1 if exclude_self else 0))
    best = -np.sort(-sims, axis=1)[:, :top]
    return np.asarray(best.mean(axis=1))


def _baseline(kit: BrandKit, embedder: Embedder) -> np.ndarray:
    langs = tuple(lang for lang in kit.languages if lang in BASELINE) or tuple(BASELINE)
    key = (embedder.name, langs)
    if key not in _BASELINE_CACHE:
        texts = [t for lang in langs for t in BASELINE[lang]]
        _BASELINE_CACHE[key] = embedder.embed_passages(texts)
    return _BASELINE_CACHE[key]


def voice_scores(kit: BrandKit, texts: Sequence[str], *, settings: Settings | None = None,
                 embedder: Embedder | None = None) -> list[float]:
    """One score in 0..100 per text (see the module docstring); blank texts score 0."""
    if not texts:
        return []
    embedder = embedder or get_embedder(settings or get_settings())
    examples = example_vectors(kit, settings=settings, embedder=embedder)
    if examples.shape[0] < 2:
        raise BrandKitError(
            f"kit {kit.id!r} has {examples.shape[0]} example posts; voice scores need at least "
            "2 (better 10+): add examples on the Brand kits page"
        )
    brand_ref = float(_near(examples, examples, exclude_self=True).mean())
    generic_ref = float(_near(_baseline(kit, embedder), examples).mean())
    spread = max(brand_ref - generic_ref, MIN_SPREAD)
    filled = [t for t in texts if t.strip()]
    near = iter(_near(embedder.embed_passages(filled), examples) if filled else [])
    out: list[float] = []
    for text in texts:
        if not text.strip():
            out.append(0.0)
            continue
        raw = 100.0 * (float(next(near)) - generic_ref) / spread
        out.append(round(min(100.0, max(0.0, raw)), 1))
    return out
