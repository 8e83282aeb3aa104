"""Voice score: how much a text sounds like the kit's own example posts, 0..100, and why.

Two parts, both measured against the kit's examples and a small built-in set of generic,
brand-less posts (BASELINE, in the kit's languages):

* content (0..1), from passage-mode e5 embeddings (L2-normalised, so dot = cosine)::

      near(v, M)  = mean of the 3 highest cosines between v and the rows of M
      brand_ref   = mean over examples e of near(e, examples without e)
      generic_ref = mean over baseline posts b of near(b, examples)
      content(t)  = logistic((near(t, examples) - mid) / scale)
      mid = (brand_ref + generic_ref) / 2,  scale = (brand_ref - generic_ref) / 4

  so a text as close as the examples are to each other gets ~0.88 and a generic post
  ~0.12. e5 cosines sit in a narrow band (unrelated texts score about 0.8), hence the
  calibration; the logistic (not a clip) keeps scores apart at both ends.
* style (0..1), from ``assistant.brand.stylematch``: sentence and word length, paragraphs,
  emoji, hashtags, exclamation and question marks, du/Sie, opener, closer, vocabulary.

``score = 100 * content ** CONTENT_EXP * style ** STYLE_EXP`` (0.5 and 1.5). Embeddings
mostly see the topic (any coffee text is near a coffee kit), so the style part decides
whether a text on the kit's topic also sounds like the kit; its larger exponent makes one
clear difference (Sie for a du brand, five emoji for a brand without any) cost ~25-50
points instead of ~10. The exponents were chosen with bench/bench_voice.py on both example
kits (held-out examples high; the other kit, generic posts and the kit's topics in a wrong
voice low) from 0.4-0.6 x 1-2: lower style exponents let the wrong voice score 40-60,
higher ones pull the held-out examples with one unusual feature below 60.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.brand.embeddings import Embedder, get_embedder
from assistant.brand.kit import BrandKit, ExamplePost
from assistant.brand.store import IndexReport, Progress, example_vectors, index_kit
from assistant.brand.stylematch import StyleProfile, build_profile, match_style
from assistant.brand.voicenote import explain
from assistant.config import Settings, get_settings
from assistant.errors import BrandKitError

TOP = 3
MIN_SPREAD = 0.005  # guards the division when a kit's examples are barely distinct
CONTENT_EXP = 0.5
STYLE_EXP = 1.5

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
_BASELINE_LOCK = threading.Lock()


@dataclass(frozen=True)
class VoiceResult:
    """The voice score of one text (0..100), its two parts (0..1) and one line saying why."""

    score: float
    content: float
    style: float
    note: str


@dataclass(frozen=True)
class VoiceReference:
    """Everything a text is compared with: the examples' vectors, their style profile and
    the two calibration points of the content part."""

    vectors: np.ndarray
    profile: StyleProfile
    brand_ref: float
    generic_ref: float


def near(vectors: np.ndarray, examples: np.ndarray, exclude_self: bool = False) -> np.ndarray:
    """Per row of ``vectors``: the mean of its TOP highest cosines to ``examples``."""
    sims = vectors @ examples.T
    if exclude_self:
        np.fill_diagonal(sims, -np.inf)
    top = min(TOP, examples.shape[0] - (1 if exclude_self else 0))
    best = -np.sort(-sims, axis=1)[:, :top]
    return np.asarray(best.mean(axis=1))


def baseline_texts(kit: BrandKit) -> list[str]:
    """The generic posts in the kit's languages (all of them if none is covered)."""
    langs = [lang for lang in kit.languages if lang in BASELINE] or list(BASELINE)
    return [t for lang in langs for t in BASELINE[lang]]


def reset_baseline_cache() -> None:
    """Forget the baseline vectors (tests that count embedding calls start from here)."""
    _BASELINE_CACHE.clear()


def embed_with_baseline(kit: BrandKit, embedder: Embedder,
                        texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(baseline vectors, vectors of ``texts``) in at most one embedding call: the baseline
    is embedded once per embedder and language set per process, together with the first
    texts that need it."""
    baseline = baseline_texts(kit)
    key = (embedder.name, tuple(baseline))
    # concurrent drafts of a week score at once: without the lock each embedded it anew
    with _BASELINE_LOCK:
        cached = _BASELINE_CACHE.get(key)
        if cached is None:
            rows = embedder.embed_passages([*baseline, *texts])
            _BASELINE_CACHE[key] = rows[:len(baseline)]
            return rows[:len(baseline)], rows[len(baseline):]
    return cached, embedder.embed_passages(texts) if texts else np.zeros((0, 0))


def build_reference(kit_id: str, examples: Sequence[ExamplePost], vectors: np.ndarray,
                    baseline: Sequence[str], baseline_vecs: np.ndarray) -> VoiceReference:
    """The reference for scoring; ``vectors`` are the examples' rows (any order)."""
    if vectors.shape[0] < 2 or len(examples) < 2:
        raise BrandKitError(
            f"kit {kit_id!r} has {min(vectors.shape[0], len(examples))} example posts; voice "
            "scores need at least 2 (better 10+): add examples on the Brand kits page"
        )
    brand_ref = float(near(vectors, vectors, exclude_self=True).mean())
    generic_ref = float(near(baseline_vecs, vectors).mean())
    profile = build_profile([e.text for e in examples], baseline,
                            [e.platform for e in examples])
    return VoiceReference(vectors, profile, brand_ref, generic_ref)


def _content(reference: VoiceReference, closeness: float) -> float:
    spread = max(reference.brand_ref - reference.generic_ref, MIN_SPREAD)
    mid = (reference.brand_ref + reference.generic_ref) / 2
    return 1.0 / (1.0 + math.exp(-4.0 * (closeness - mid) / spread))


def _result(reference: VoiceReference, text: str, closeness: float,
            platform: str | None) -> VoiceResult:
    if not text.strip():
        return VoiceResult(0.0, 0.0, 0.0, "no text to score")
    content = _content(reference, closeness)
    match = match_style(reference.profile, text, platform)
    score = 100.0 * content ** CONTENT_EXP * match.score ** STYLE_EXP
    return VoiceResult(round(score, 1), content, match.score,
                       explain(reference.profile, match, content))


def score_texts(reference: VoiceReference, texts: Sequence[str], vectors: np.ndarray,
                platforms: Sequence[str | None] | None = None) -> list[VoiceResult]:
    """Score ``texts`` (their passage vectors in ``vectors``, one row each, blank texts
    included; the platform of each if known) against ``reference``. Blank texts score 0."""
    if not texts:
        return []
    closeness = near(vectors, reference.vectors)
    where = platforms or [None] * len(texts)
    return [_result(reference, text, float(c), p)
            for text, c, p in zip(texts, closeness, where, strict=True)]


def held_out_results(kit: BrandKit, vectors: np.ndarray,
                     baseline_vecs: np.ndarray) -> list[VoiceResult]:
    """Each example scored against all the others (leave-one-out): how the kit's own
    voice scores when the text is not part of the reference. ``vectors`` are the rows of
    ``kit.examples`` in the same order."""
    examples, baseline = kit.examples, baseline_texts(kit)
    out: list[VoiceResult] = []
    for i, example in enumerate(examples):
        keep = [j for j in range(len(examples)) if j != i]
        ref = build_reference(kit.id, [examples[j] for j in keep], vectors[keep], baseline,
                              baseline_vecs)
        out.extend(score_texts(ref, [example.text], vectors[i:i + 1], [example.platform]))
    return out


def voice_results(kit: BrandKit, texts: Sequence[str], *,
                  platforms: Sequence[str | None] | None = None,
                  settings: Settings | None = None,
                  embedder: Embedder | None = None) -> list[VoiceResult]:
    """Score and explanation per text (a post for ``platforms[i]``, if given) against the
    kit's indexed examples: one embedding call for all ``texts``; the examples' vectors
    come from the voice store."""
    if not texts:
        return []
    embedder = embedder or get_embedder(settings or get_settings())
    examples = example_vectors(kit, settings=settings, embedder=embedder)
    filled = [i for i, t in enumerate(texts) if t.strip()]
    baseline, rows = embed_with_baseline(kit, embedder, [texts[i] for i in filled])
    reference = build_reference(kit.id, kit.examples, examples, baseline_texts(kit), baseline)
    vectors = np.zeros((len(texts), examples.shape[1]), dtype=np.float32)
    if filled:
        vectors[filled] = rows
    return score_texts(reference, texts, vectors, platforms)


def voice_scores(kit: BrandKit, texts: Sequence[str], *, settings: Settings | None = None,
                 embedder: Embedder | None = None) -> list[float]:
    """One score in 0..100 per text (see the module docstring); blank texts score 0."""
    return [r.score for r in voice_results(kit, texts, settings=settings, embedder=embedder)]


def prepare_kit(kit: BrandKit, *, settings: Settings | None = None,
                progress: Progress | None = None) -> IndexReport:
    """What a kit's first draft would otherwise embed, done now (after an import or a
    save): its index (only what is new) and the generic posts its voice is compared with
    (once per process; the vector cache keeps them for the next one)."""
    settings = settings or get_settings()
    report = index_kit(kit, progress=progress, settings=settings)
    embed_with_baseline(kit, get_embedder(settings), [])
    return report
