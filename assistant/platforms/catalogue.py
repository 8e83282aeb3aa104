"""The platform catalogue: catalogue.yaml validated into pydantic models, loaded once.

Every figure the product measures against lives in the YAML file next to this module;
this module only gives it types and refuses a file that contradicts itself.
"""

from __future__ import annotations

import string
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import ConfigError, InputError, UnknownPlatformError

ImageFormat = Literal["JPEG", "PNG", "WEBP", "GIF"]
Unit = Literal["weighted", "graphemes", "utf16", "chars"]
LinkMode = Literal["clickable", "not_clickable", "facets", "cta_button", "pin_link"]
PresetKind = Literal["feed", "story", "link_preview", "pin"]

# The order the product lists platforms in (DESIGN.md); the YAML must hold exactly these.
PLATFORM_IDS: tuple[str, ...] = (
    "x",
    "bluesky",
    "mastodon",
    "threads",
    "instagram",
    "facebook",
    "linkedin",
    "tiktok",
    "pinterest",
    "google_business",
)

UNIT_LABELS: dict[str, str] = {
    "weighted": "weighted characters",
    "graphemes": "graphemes",
    "utf16": "UTF-16 units",
    "chars": "characters",
}


class ImagePreset(BaseModel):
    """One exact image size a platform takes, with its formats and byte budget."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    formats: tuple[ImageFormat, ...] = Field(min_length=1)  # preference order
    max_bytes: int = Field(gt=0)
    min_width: int | None = Field(default=None, gt=0)
    min_height: int | None = Field(default=None, gt=0)
    kind: PresetKind = "feed"

    @property
    def aspect(self) -> float:
        return self.width / self.height


class LinkRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mode: LinkMode
    max_links: int | None = Field(default=None, gt=0)


class Platform(BaseModel):
    """Everything Postwerk knows about one platform's rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    text_limit: int = Field(gt=0)
    unit: Unit
    byte_limit: int | None = Field(default=None, gt=0)  # UTF-8 bytes (Bluesky)
    url_weight: int | None = Field(default=None, gt=0)  # every URL counts this much
    emoji_as_bytes: bool = False  # Threads: an emoji counts its UTF-8 byte length
    fold: int | None = Field(default=None, gt=0)  # characters shown before "more"
    hashtag_cap: int | None = Field(default=None, ge=0)
    hashtag_advice: str
    hashtag_advised_max: int | None = Field(default=None, ge=0)  # above it: a warning
    links: LinkRules
    link_preview_lost_with_image: bool = False
    reserved_chars: str = ""  # LinkedIn: the API cuts the text at these unless escaped
    alt_text_limit: int | None = Field(default=None, gt=0)
    supports_alt_text: bool | None = None
    max_images: int = Field(gt=0)
    max_bytes_by_format: dict[ImageFormat, int] = Field(default_factory=dict)
    min_aspect: float | None = Field(default=None, gt=0)  # width / height, feed images
    max_aspect: float | None = Field(default=None, gt=0)
    presets: tuple[ImagePreset, ...] = Field(min_length=1)
    strips_newlines: bool = False
    title_limit: int | None = Field(default=None, gt=0)
    description_limit: int | None = Field(default=None, gt=0)
    link_limit: int | None = Field(default=None, gt=0)
    quota_per_day: int | None = Field(default=None, gt=0)
    quota_note: str | None = None
    instance_setting: str | None = None
    profile_url: str
    compose_url: str
    intent_url: str | None = None  # opens the composer with {text} (or {url}) filled in
    source: str = Field(min_length=1)
    checked: date

    @property
    def tags_useless(self) -> bool:
        """Whether hashtags have no function here (advised at most 0, Google Business
        Profile): a post carries none, not even the brand's always-tags."""
        return self.hashtag_advised_max == 0

    @field_validator("profile_url", "compose_url")
    @classmethod
    def _https(cls, value: str) -> str:
        if not value.startswith("https://"):
            raise ValueError(f"must be an https:// URL, got {value!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Platform:
        ids = [p.id for p in self.presets]
        if len(ids) != len(set(ids)):
            raise ValueError(f"preset ids repeat: {ids}")
        fields = {f for _, f, _, _ in string.Formatter().parse(self.profile_url) if f}
        if not fields or not fields <= {"handle", "user", "domain"}:
            raise ValueError("profile_url needs {handle} (or {user} and {domain})")
        if self.alt_text_limit is not None and self.supports_alt_text is None:
            object.__setattr__(self, "supports_alt_text", True)
        return self

    # --- conveniences the other parts use -------------------------------------------------

    @property
    def unit_label(self) -> str:
        label = UNIT_LABELS[self.unit]
        return f"{label} (emoji = UTF-8 bytes)" if self.emoji_as_bytes else label

    @property
    def formats(self) -> tuple[str, ...]:
        """Every image format any preset accepts, in preference order."""
        seen: dict[str, None] = {}
        for preset in self.presets:
            seen.update(dict.fromkeys(preset.formats))
        return tuple(seen)

    @property
    def max_image_bytes(self) -> int:
        return max(p.max_bytes for p in self.presets)

    def byte_budget(self, image_format: str) -> int:
        """The byte budget of one image in ``image_format`` (GIF may differ on X)."""
        return self.max_bytes_by_format.get(image_format.upper(), self.max_image_bytes)  # type: ignore[call-overload]

    def preset(self, preset_id: str) -> ImagePreset:
        for preset in self.presets:
            if preset.id == preset_id:
                return preset
        known = ", ".join(p.id for p in self.presets)
        raise UnknownPlatformError(
            f"{self.name} has no image preset '{preset_id}'; use one of {known}"
        )

    def profile_link(self, handle: str) -> str:
        """The public profile URL for ``handle`` (Mastodon: ``user@domain``)."""
        clean = handle.strip().lstrip("@")
        if "{domain}" in self.profile_url:
            user, _, domain = clean.partition("@")
            if not domain:
                raise InputError(
                    f"a {self.name} handle needs the server: write it as user@example.social"
                )
            return self.profile_url.format(user=user, domain=domain)
        return self.profile_url.format(handle=clean)


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    platforms: dict[str, Platform]

    @model_validator(mode="after")
    def _all_ten(self) -> Catalogue:
        if tuple(self.platforms) != PLATFORM_IDS:
            raise ValueError(
                f"the catalogue must list exactly {', '.join(PLATFORM_IDS)} in this order; "
                f"it lists {', '.join(self.platforms)}"
            )
        return self


def parse_catalogue(raw: Any) -> Catalogue:
    """Validate a loaded YAML mapping; errors name the platform and the field."""
    if not isinstance(raw, dict):
        raise ConfigError("catalogue.yaml must be a mapping of platform id to its rules")
    try:
        data = {pid: {"id": pid, **(body or {})} for pid, body in raw.items()}
        return Catalogue.model_validate({"platforms": data})
    except (ValidationError, TypeError) as exc:
        raise ConfigError(f"catalogue.yaml is invalid; fix it: {exc}") from exc


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The packaged catalogue, read and validated once per process."""
    text = resources.files("assistant.platforms").joinpath("catalogue.yaml").read_text("utf-8")
    return parse_catalogue(yaml.safe_load(text))


def get_platform(pid: str) -> Platform:
    """The rules of platform ``pid``; an unknown id says which ones exist."""
    platforms = load_catalogue().platforms
    try:
        return platforms[pid]
    except (KeyError, TypeError):
        key = str(pid).strip().lower().replace("-", "_")
        if key in platforms:
            return platforms[key]
        raise UnknownPlatformError(
            f"unknown platform '{pid}'; use one of {', '.join(PLATFORM_IDS)}"
        ) from None


def all_platforms() -> list[Platform]:
    """All ten platforms in catalogue order."""
    return list(load_catalogue().platforms.values())
