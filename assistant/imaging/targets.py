"""What to render for, and the small user inputs: targets, focus, colour, slugs.

Pure parsing with errors that say what to write instead.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PIL import ImageColor

from assistant.errors import InputError


class PresetLike(Protocol):
    """What the pipeline reads from a catalogue ``ImagePreset``."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def formats(self) -> Sequence[str]: ...
    @property
    def max_bytes(self) -> int: ...
    @property
    def min_width(self) -> int | None: ...
    @property
    def min_height(self) -> int | None: ...


@dataclass(frozen=True)
class Target:
    platform: str
    preset: PresetLike

    @property
    def size(self) -> tuple[int, int]:
        return self.preset.width, self.preset.height


def resolve_targets(items: Iterable[Any]) -> list[Target]:
    """Platform ids ("instagram"), "platform:preset" ids, Platforms, (platform, preset) pairs
    or bare presets, to a list of targets without repeats."""
    if isinstance(items, str):
        items = [items]
    targets: dict[tuple[str, str], Target] = {}
    for item in items:
        for target in _targets_of(item):
            targets.setdefault((target.platform, target.preset.id), target)
    if not targets:
        raise InputError("choose at least one platform or preset to render for")
    return list(targets.values())


def _targets_of(item: Any) -> list[Target]:
    from assistant.platforms import get_platform

    if isinstance(item, str):
        pid, _, preset_id = item.strip().partition(":")
        platform = get_platform(pid)
        presets = [platform.preset(preset_id)] if preset_id else list(platform.presets)
        return [Target(platform.id, preset) for preset in presets]
    if isinstance(item, tuple) and len(item) == 2:
        return [Target(str(item[0]), item[1])]
    if hasattr(item, "presets") and hasattr(item, "id"):
        return [Target(item.id, preset) for preset in item.presets]
    if all(hasattr(item, a) for a in ("width", "height", "formats", "max_bytes", "id")):
        return [Target("custom", item)]
    raise InputError(f"cannot render for {item!r}; give a platform id like instagram")


def parse_focus(
    value: tuple[float, float] | Sequence[float] | str | None,
) -> tuple[float, float] | None:
    """(x, y) fractions of the picture, from a pair or "0.7,0.4"; None means automatic."""
    if value is None or value == "":
        return None
    try:
        parts = value.replace(";", ",").split(",") if isinstance(value, str) else list(value)
        x, y = (float(v) for v in parts)
    except (TypeError, ValueError):
        raise InputError(
            f"focus {value!r} is not two numbers; give x,y as fractions, e.g. 0.5,0.3"
        ) from None
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0) or math.isnan(x) or math.isnan(y):
        raise InputError(f"focus {x},{y} is outside the picture; use fractions from 0 to 1")
    return x, y


def parse_colour(value: str | tuple[int, int, int] | None) -> tuple[int, int, int] | None:
    """A padding colour from "#1a2b3c", "#abc", a CSS name or an RGB triple; None = blurred."""
    if value is None or value == "":
        return None
    if isinstance(value, tuple | list):
        if len(value) == 3 and all(isinstance(v, int) and 0 <= v <= 255 for v in value):
            return int(value[0]), int(value[1]), int(value[2])
        raise InputError(f"colour {value!r} is not three numbers from 0 to 255")
    try:
        rgb = ImageColor.getrgb(str(value).strip())
    except ValueError:
        raise InputError(f"unknown colour {value!r}; use a hex value like #1a2b3c") from None
    return rgb[0], rgb[1], rgb[2]


_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-' (umlauts spelled out), safe in any file name."""
    ascii_text = (
        unicodedata.normalize("NFKD", str(text).translate(_UMLAUTS))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
