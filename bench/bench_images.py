"""Benchmark: one 24 MP JPEG into every preset of every platform, ours vs the plain way.

    .venv/bin/python bench/bench_images.py [--runs 3]

Ours:  assistant.images.render_images (draft decode once, reuse across presets, budgeted
       progressive JPEG).
Plain: Image.open at full size, ImageOps.fit(..., LANCZOS) per preset, save at quality 90.

Each side runs in its own subprocess, so peak memory is that side's own (the kernel's
peak-RSS mark, reset after imports); the sides alternate, and the median of the runs is
reported with the ratio, the budget misses of each side and the peak memory.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 6000, 4000


# Octaves (cells across, amplitude): a typical photo, and a busy one (foliage, gravel) whose
# fine detail survives downscaling, so that a 1080x1350 JPEG at quality 90 passes 1 MB.
OCTAVES = {
    "typical": ((12, 70.0), (48, 35.0), (192, 18.0), (768, 10.0)),
    "detailed": ((12, 60.0), (48, 30.0), (192, 18.0), (768, 20.0), (1500, 60.0)),
}


def make_photo(path: Path, kind: str = "typical", seed: int = 7) -> None:
    """A 24 MP JPEG that compresses like a photo: detail at every scale, plus sensor grain."""
    rng = np.random.default_rng(seed)
    canvas = np.zeros((HEIGHT, WIDTH, 3), dtype=np.float32)
    # 1/f-like texture: octaves from coarse shapes to fine detail, each upsampled smoothly
    for cells, amplitude in OCTAVES[kind]:
        small = rng.normal(0.0, amplitude, (cells * HEIGHT // WIDTH, cells, 3)).astype(np.float32)
        layer = [
            np.asarray(
                Image.fromarray(small[..., c]).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
            )
            for c in range(3)
        ]
        canvas += np.stack(layer, axis=-1)
    canvas += 128.0
    canvas += rng.normal(0.0, 6.0, (HEIGHT, WIDTH, 1)).astype(np.float32)  # luma grain
    pixels = np.clip(canvas, 0, 255).astype(np.uint8)
    Image.fromarray(pixels, "RGB").save(path, "JPEG", quality=92)


def presets() -> list[tuple[str, object]]:
    from assistant.platforms import all_platforms

    return [(p.id, preset) for p in all_platforms() for preset in p.presets]


def run_ours(path: Path) -> dict[str, object]:
    from assistant.images import render_images
    from assistant.platforms import PLATFORM_IDS

    start = time.perf_counter()
    renditions = render_images(path, PLATFORM_IDS)
    seconds = time.perf_counter() - start
    misses = [f"{r.platform}/{r.preset}" for r in renditions if r.bytes > r.max_bytes]
    fullest = max(r.bytes / r.max_bytes for r in renditions)
    sizes_ok = all(
        (r.width, r.height) == (p.width, p.height)  # type: ignore[attr-defined]
        for r, (_, p) in zip(renditions, presets(), strict=True)
    )
    return {
        "seconds": seconds,
        "files": len(renditions),
        "misses": misses,
        "sizes_ok": sizes_ok,
        "fullest": fullest,
    }


def run_plain(path: Path) -> dict[str, object]:
    start = time.perf_counter()
    image = Image.open(path)
    misses, count, sizes_ok, fullest = [], 0, True, 0.0
    for pid, preset in presets():
        size = (preset.width, preset.height)  # type: ignore[attr-defined]
        fitted = ImageOps.fit(image, size, Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        fitted.save(buffer, "JPEG", quality=90)
        count += 1
        sizes_ok &= fitted.size == size
        fullest = max(fullest, buffer.tell() / preset.max_bytes)  # type: ignore[attr-defined]
        if buffer.tell() > preset.max_bytes:  # type: ignore[attr-defined]
            misses.append(f"{pid}/{preset.id}")  # type: ignore[attr-defined]
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "files": count,
        "misses": misses,
        "sizes_ok": sizes_ok,
        "fullest": fullest,
    }


def child(side: str, path: Path) -> None:
    import assistant.images  # noqa: F401  (import cost is not part of the measurement)
    import assistant.platforms

    assistant.platforms.all_platforms()
    baseline = _reset_peak()
    result = run_ours(path) if side == "ours" else run_plain(path)
    peak = _peak_kb()
    result.update(peak_mb=peak / 1024, work_mb=(peak - baseline) / 1024)
    print(json.dumps(result))


def _reset_peak() -> int:
    """Reset the kernel's peak-RSS mark (a forked child inherits its parent's) and return
    the current RSS in kB, the baseline after imports."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        status = Path("/proc/self/status").read_text()
        return int(next(ln for ln in status.splitlines() if ln.startswith("VmRSS")).split()[1])
    except (OSError, StopIteration, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _peak_kb() -> int:
    try:
        status = Path("/proc/self/status").read_text()
        return int(next(ln for ln in status.splitlines() if ln.startswith("VmHWM")).split()[1])
    except (OSError, StopIteration, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(side: str, path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", side, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(name: str, runs: list[dict[str, Any]]) -> float:
    seconds = statistics.median(float(r["seconds"]) for r in runs)
    last = runs[-1]
    misses = list(last["misses"])
    print(
        f"{name:6s} median {seconds:6.3f} s   runs: "
        + ", ".join(f"{float(r['seconds']):.3f}" for r in runs)
    )
    print(
        f"       files {last['files']}, exact sizes {last['sizes_ok']}, budget misses "
        f"{len(misses)}{' ' + ', '.join(misses) if misses else ''}, fullest file at "
        f"{float(last['fullest']):.0%} of its budget"
    )
    print(
        f"       peak RSS {float(last['peak_mb']):.0f} MB "
        f"(+{float(last['work_mb']):.0f} MB over the process after imports)"
    )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("SIDE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--make", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_photo(Path(args.make[1]), args.make[0])
        return
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    ratios = [bench_one(kind, args.runs) for kind in OCTAVES]
    print(f"\nratios: {', '.join(f'{k} {r:.2f}x' for k, r in zip(OCTAVES, ratios, strict=True))}")


def bench_one(kind: str, runs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{kind}-24mp.jpg"
        # made in a child too, so that no process we measure was forked from a big one
        subprocess.run([sys.executable, __file__, "--make", kind, str(path)], check=True, cwd=ROOT)
        print(
            f"\n{kind} photo: {WIDTH}x{HEIGHT} JPEG, {path.stat().st_size / 1e6:.1f} MB; "
            f"{len(presets())} presets on {len({p for p, _ in presets()})} platforms"
        )
        ours, plain = [], []
        for _ in range(runs):  # alternate, so load on the shared machine hits both
            ours.append(measure("ours", path))
            plain.append(measure("plain", path))
    ours_s = report("ours", ours)
    plain_s = report("plain", plain)
    ratio = plain_s / ours_s
    print(f"ratio  plain/ours = {ratio:.2f}x (target >= 2x): {'OK' if ratio >= 2 else 'MISSED'}")
    return ratio


if __name__ == "__main__":
    main()
