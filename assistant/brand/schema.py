"""Pydantic models of a brand kit (the contract in notes/CONTRACTS.md, "Brand kits").

Every model forbids unknown fields so that a typo in ``kit.yaml`` is an error, not a
silently ignored setting. Only shape and obvious format are checked here; whether a legal
entity is *complete* for an Impressum is the compliance module's job, not a load error.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal, get_args

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Mirrors DESIGN.md's platform ids; kept here so that kit.py stays free of other modules.
PLATFORM_IDS: tuple[str, ...] = (
    "x", "bluesky", "mastodon", "threads", "instagram", "facebook",
    "linkedin", "tiktok", "pinterest", "google_business",
)
BUNDESLAENDER: tuple[str, ...] = (
    "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
)
LegalForm = Literal[
    "GmbH", "UG (haftungsbeschränkt)", "AG", "e.K.", "OHG", "KG", "GmbH & Co. KG", "GbR",
    "Einzelunternehmen", "Freiberufler", "eG", "e.V.",
]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Visibility = Literal["public", "unlisted", "private"]  # Mastodon's, for a brand's posts
VISIBILITIES: tuple[str, ...] = get_args(Visibility)
Formality = Literal["du", "Sie", "neutral"]

# Kit ids double as folder names and chroma collection names (3+ chars, alnum at both ends).
KIT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
LANG_RE = re.compile(r"^[a-z]{2}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
TAG_RE = re.compile(r"^\w+$")
# one word: letters and digits, inner hyphens and apostrophes ("Barista-Kurs", "gibt's")
WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")
# what makes a grapheme cluster an emoji: a pictograph or a flag (assistant.rules counts
# emoji with the same pattern)
EMOJI_PATTERN = r"\p{Extended_Pictographic}|\p{Regional_Indicator}{2}"
# the code points of a run of emoji, inside a character class: the pictographs, the
# variation selector that shows one as a picture and the joiner of a sequence; what the
# drafting's tidy strikes with a sentence (quality.fit), the cut-off check reads past
# (quality.cutoff) and the style of a kit's example ignores at its end (brand.style)
EMOJI_CHARS = r"\p{Extended_Pictographic}\ufe0f\u200d"
_EMOJI_RE = regex.compile(EMOJI_PATTERN)


# Limits on every string and list: a kit is a page of settings, not a data set. They keep a
# hostile or broken kit (a 1,000,000-entry tone list) from costing minutes and gigabytes.
MAX_STR = 2_000  # any single field; longer texts below say so
MAX_POST = 70_000  # an example post (Facebook allows 63,206 characters)
MAX_ITEMS = 50  # tone words, pillars, hashtags of one set, channels, representatives
MAX_WORDS = 500  # banned words
MAX_EXAMPLES = 1_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, str_max_length=MAX_STR)


def _http_url(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    assert value is not None
    if not value.startswith(("http://", "https://")) or " " in value:
        raise ValueError(f"{value!r} is not an http(s) URL; write it like https://example.de/")
    return value


def _default_days() -> list[Weekday]:
    return ["mon", "wed", "fri"]


def _platform_id(value: str) -> str:
    if value not in PLATFORM_IDS:
        raise ValueError(f"unknown platform {value!r}; use one of {', '.join(PLATFORM_IDS)}")
    return value


def _language(value: str) -> str:
    if not LANG_RE.match(value):
        raise ValueError(f"{value!r} is not a language code; use two letters like de or en")
    return value


class Pillar(_Strict):
    name: str = Field(min_length=1)
    description: str = ""
    weight: float = Field(default=1.0, gt=0, le=100)


class BannedWord(_Strict):
    word: str = Field(min_length=1)
    replacement: str | None = None


class EmojiPolicy(_Strict):
    policy: Literal["none", "few", "many"] = "few"
    max_per_post: int = Field(default=2, ge=0, le=30)
    # the brand's own emoji; when listed, any other emoji in a post is a warning
    allowed: list[str] = Field(default_factory=list)
    # emoji the brand never uses (e.g. learned: every 🎉 the model wrote was removed)
    banned: list[str] = Field(default_factory=list)

    @field_validator("allowed", "banned")
    @classmethod
    def _emoji(cls, values: list[str]) -> list[str]:
        out: list[str] = []
        for raw in values:
            item = str(raw).strip()
            if len(regex.findall(r"\X", item)) != 1 or not _EMOJI_RE.search(item):
                raise ValueError(f"{raw!r} is not one emoji; list each emoji on its own, e.g. ☕")
            if item not in out:
                out.append(item)
        return out

    @model_validator(mode="after")
    def _none_lists_nothing(self) -> EmojiPolicy:
        if self.policy == "none" and self.allowed:
            raise ValueError("policy 'none' allows no emoji; empty 'allowed' or pick few or many")
        both = sorted(set(self.allowed) & set(self.banned))
        if both:
            raise ValueError(f"{' '.join(both)} is both allowed and banned; keep it in one list")
        return self

    @property
    def limit(self) -> int:
        """The effective cap: policy "none" means zero whatever max_per_post says."""
        return 0 if self.policy == "none" else self.max_per_post


class SpellingWords(_Strict):
    """Words the spelling check accepts for this brand (names, products, dialect)."""

    words: list[str] = Field(default_factory=list)

    @field_validator("words")
    @classmethod
    def _words(cls, values: list[str]) -> list[str]:
        return single_words(values, "Franzbrötchen")


def single_words(values: list[str], like: str) -> list[str]:
    """``values`` stripped and without repeats; each must be one word (``like`` is the
    example the error names)."""
    out: list[str] = []
    for raw in values:
        word = str(raw).strip()
        if not WORD_RE.fullmatch(word):
            raise ValueError(f"{raw!r} is not one word; list single words like {like}")
        if word not in out:
            out.append(word)
    return out


class HashtagSets(_Strict):
    """Tags are stored without the leading '#'."""

    always: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)
    pool: list[str] = Field(default_factory=list, max_length=4 * MAX_ITEMS)
    never: list[str] = Field(default_factory=list, max_length=4 * MAX_ITEMS)

    @field_validator("always", "pool", "never")
    @classmethod
    def _tags(cls, tags: list[str]) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for raw in tags:
            tag = str(raw).strip().lstrip("#")
            if not TAG_RE.match(tag):
                raise ValueError(f"{raw!r} is not a hashtag; use letters, digits and _ only")
            if tag.casefold() not in seen:
                seen.add(tag.casefold())
                out.append(tag)
        return out

    @model_validator(mode="after")
    def _no_contradiction(self) -> HashtagSets:
        never = {t.casefold() for t in self.never}
        clash = [t for t in self.always + self.pool if t.casefold() in never]
        if clash:
            raise ValueError(f"#{clash[0]} is both wanted and in 'never'; remove it from one list")
        return self


class KitLinks(_Strict):
    website: str | None = None
    shop: str | None = None
    impressum_url: str | None = None
    link_in_bio_url: str | None = None
    utm_campaign: str | None = None
    utm_defaults: dict[str, str] = Field(default_factory=dict, max_length=20)

    @field_validator("website", "shop", "impressum_url", "link_in_bio_url")
    @classmethod
    def _urls(cls, value: str | None) -> str | None:
        return _http_url(value)


class RegulatedProfession(_Strict):
    chamber: str | None = None
    professional_title: str | None = None
    title_state: str | None = None
    professional_rules: str | None = None


class LegalEntity(_Strict):
    """Every field § 5 DDG may ask for; only name and legal form are required to load."""

    name: str = Field(min_length=1)
    legal_form: LegalForm
    representatives: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)
    representative_title: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str = "Deutschland"
    email: str | None = None
    phone: str | None = None
    contact_form_url: str | None = None
    register_court: str | None = None
    register_number: str | None = None
    vat_id: str | None = None
    business_id: str | None = None
    supervisory_authority: str | None = None
    profession: RegulatedProfession | None = None
    share_capital: str | None = None
    share_capital_paid: str | None = None
    editorial_responsible: str | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
            raise ValueError(f"{value!r} is not an e-mail address; write it like info@example.de")
        return value or None

    @field_validator("vat_id", "business_id")
    @classmethod
    def _compact(cls, value: str | None) -> str | None:
        # "DE 123 456 789" and "DE123456789" are the same ID; store the compact form.
        return re.sub(r"\s+", "", value).upper() if value else None

    @field_validator("contact_form_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return _http_url(value)


class Channel(_Strict):
    platform: str
    handle: str = Field(min_length=1)
    profile_url: str | None = None
    links_impressum: bool = False
    impressum_label: str | None = None
    posts_per_week: int = Field(default=3, ge=0, le=70)
    weekdays: list[Weekday] = Field(default_factory=lambda: _default_days(), max_length=7)
    times: list[str] = Field(default_factory=lambda: ["09:00"], max_length=24)
    bundesland: str = "HH"
    max_silence_days: int = Field(default=7, ge=1, le=365)
    # how the publisher posts on Mastodon: who sees it, and a content warning shown before
    # every post (many instances ask brands to put promotion behind one, e.g. "Werbung")
    visibility: Visibility = "public"
    content_warning: str | None = Field(default=None, max_length=100)

    @field_validator("platform")
    @classmethod
    def _platform(cls, value: str) -> str:
        return _platform_id(value)

    @field_validator("times", mode="before")
    @classmethod
    def _sexagesimal(cls, values: object) -> object:
        # YAML 1.1 reads an unquoted 10:30 as the base-60 integer 630; turn it back.
        if isinstance(values, list):
            return [f"{v // 60:02d}:{v % 60:02d}" if isinstance(v, int) else v for v in values]
        return values

    @field_validator("times")
    @classmethod
    def _times(cls, values: list[str]) -> list[str]:
        for t in values:
            if not TIME_RE.match(t):
                raise ValueError(f"{t!r} is not a time; write HH:MM, e.g. 09:30")
        return values

    @field_validator("bundesland")
    @classmethod
    def _land(cls, value: str) -> str:
        if value.upper() not in BUNDESLAENDER:
            raise ValueError(f"unknown Bundesland {value!r}; use one of {', '.join(BUNDESLAENDER)}")
        return value.upper()

    @field_validator("profile_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return _http_url(value)

    @field_validator("content_warning")
    @classmethod
    def _warning(cls, value: str | None) -> str | None:
        return value.strip() or None if value else None


class ExamplePost(_Strict):
    platform: str
    language: str
    text: str = Field(min_length=1, max_length=MAX_POST)
    # the file under examples/ it was read from; set by the loader, reused when saving
    source: str | None = None

    @field_validator("platform")
    @classmethod
    def _platform(cls, value: str) -> str:
        return _platform_id(value)

    @field_validator("language")
    @classmethod
    def _lang(cls, value: str) -> str:
        return _language(value)


class LearningSettings(_Strict):
    """How the kit learns from use: which posts become examples, and how many are kept."""

    # "posted": a post marked posted becomes an example; "approved": already on approval
    learn_from: Literal["posted", "approved", "off"] = "posted"
    max_examples: int = Field(default=30, ge=0, le=MAX_EXAMPLES)


class LearnedPost(ExamplePost):
    """An example post that came from use: a queue item that was posted (or approved)."""

    learned_at: datetime
    item: str = Field(min_length=1, max_length=64)  # the queue item's uid
    # how typical of the kit it was when learned (0..100: closeness to the centroid of the
    # kit's examples); the cap keeps the newest and most typical
    typical: float | None = Field(default=None, ge=0, le=100)


class BrandKit(_Strict):
    id: str
    name: str = Field(min_length=1)
    languages: list[str] = Field(default_factory=lambda: ["de"], min_length=1, max_length=10)
    default_language: str = "de"
    formality: Formality = "neutral"
    tone: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)
    audience: str = ""
    pillars: list[Pillar] = Field(default_factory=list, max_length=MAX_ITEMS)
    banned_words: list[BannedWord] = Field(default_factory=list, max_length=MAX_WORDS)
    emoji: EmojiPolicy = Field(default_factory=lambda: EmojiPolicy())
    hashtags: HashtagSets = Field(default_factory=HashtagSets)
    spelling: SpellingWords = Field(default_factory=SpellingWords)
    # words a post may use only when its brief does: the brand's trade verb, which a small
    # model puts into every post ("rösten"); quality/briefonly.py
    brief_only_words: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)
    cta: str | None = None
    links: KitLinks = Field(default_factory=KitLinks)
    legal: LegalEntity
    channels: list[Channel] = Field(default_factory=list, max_length=MAX_ITEMS)
    examples: list[ExamplePost] = Field(default_factory=list, max_length=MAX_EXAMPLES)
    ai_disclosure: Literal["never", "ai_images", "always"] = "ai_images"
    ai_label: str = "KI-generiert"
    # a client's OK (through a review link) is needed before a post is approved or leaves
    client_approval_required: bool = False
    # a post whose time passed while no worker ran: go out late (marked "late") or wait for
    # a person; "late" means more than late_after_minutes after its time
    late_posts: Literal["send_late", "wait"] = "send_late"
    late_after_minutes: int = Field(default=60, ge=0, le=10080)
    # the word every post opens with (e.g. "Moin"); a post that does not is a warning
    opener: str | None = Field(default=None, max_length=40)
    # the brand's own cap on the text's characters per platform (below the platform's)
    max_chars: dict[str, int] = Field(default_factory=dict, max_length=len(PLATFORM_IDS))
    learning: LearningSettings = Field(default_factory=LearningSettings)

    @field_validator("brief_only_words")
    @classmethod
    def _brief_only(cls, values: list[str]) -> list[str]:
        return single_words(values, "rösten")

    @field_validator("max_chars")
    @classmethod
    def _max_chars(cls, values: dict[str, int]) -> dict[str, int]:
        for platform, chars in values.items():
            _platform_id(platform)
            if not 20 <= chars <= MAX_POST:
                raise ValueError(f"max_chars for {platform} is {chars}; use 20 to {MAX_POST}")
        return values

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not KIT_ID_RE.match(value):
            raise ValueError(
                f"{value!r} is not a kit id; use 3-63 lowercase letters, digits and '-', "
                "e.g. kaffeekontor-hamburg"
            )
        return value

    @field_validator("languages")
    @classmethod
    def _langs(cls, values: list[str]) -> list[str]:
        for v in values:
            _language(v)
        if len(set(values)) != len(values):
            raise ValueError("a language is listed twice; list each once")
        return values

    @model_validator(mode="after")
    def _consistent(self) -> BrandKit:
        if self.default_language not in self.languages:
            raise ValueError(
                f"default_language {self.default_language!r} is not in languages "
                f"{self.languages}; add it there or pick one of them"
            )
        _no_duplicates([p.name.casefold() for p in self.pillars], "pillar name")
        _no_duplicates([(c.platform, c.handle.casefold()) for c in self.channels], "channel")
        _no_duplicates([(e.platform, e.language, e.text) for e in self.examples], "example post")
        _no_duplicates([e.source for e in self.examples if e.source], "example file name")
        return self

    def channel(self, platform: str) -> Channel | None:
        """The first channel on ``platform`` (kits usually have one per platform)."""
        return next((c for c in self.channels if c.platform == platform), None)


def _no_duplicates(keys: list[object], what: str) -> None:
    seen: set[object] = set()
    for key in keys:
        if key in seen:
            shown = key if not isinstance(key, tuple) else key[-1]
            raise ValueError(f"duplicate {what} {str(shown)[:60]!r}; each must be unique")
        seen.add(key)
