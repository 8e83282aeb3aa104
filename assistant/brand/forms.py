"""Editing helpers behind the Brand kits page: form values in, validated BrandKit out.

The page's form shows lists as text (one pillar or banned word per line, tags separated
by spaces or commas); these functions turn such text into kit fields and back, and merge
the form into an existing kit so that fields the form does not show are kept.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from assistant.brand.examplefiles import load_examples
from assistant.brand.kit import (
    BrandKit,
    Channel,
    ExamplePost,
    LegalEntity,
    kit_dir,
    kit_from_yaml,
    save_kit,
)
from assistant.brand.validation import describe_errors
from assistant.errors import BrandKitError, InputError
from assistant.rules import find_emoji

LEGAL_FORM_FIELDS = (
    "name", "legal_form", "representatives", "representative_title", "street", "postal_code",
    "city", "email", "phone", "register_court", "register_number", "vat_id",
)
LINK_FIELDS = ("website", "shop", "impressum_url", "link_in_bio_url")


def split_list(text: str) -> list[str]:
    """'a, b\\nc' -> ['a', 'b', 'c']."""
    return [part.strip() for part in re.split(r"[,\n]", text or "") if part.strip()]


def split_tags(text: str) -> list[str]:
    """'#kaffee hamburg, #Röstung' -> ['kaffee', 'hamburg', 'Röstung']."""
    return [t.lstrip("#") for t in re.split(r"[\s,]+", text or "") if t.strip("# ")]


def split_words(text: str) -> list[str]:
    """'Möwenbohne, Schietwetter\nYirgacheffe' -> one entry per word."""
    return [w for w in re.split(r"[\s,;]+", text or "") if w]


def split_emoji(text: str) -> list[str]:
    """'☕ 🧊,🍋' or '☕🧊🍋' -> ['☕', '🧊', '🍋']; anything else is kept for the validator
    to name."""
    out: list[str] = []
    for chunk in re.split(r"[\s,;]+", text or ""):
        glued = find_emoji(chunk)
        out += glued if chunk and "".join(glued) == chunk else [chunk] if chunk else []
    return out


def parse_pillars(text: str) -> list[dict[str, Any]]:
    """One pillar per line: ``Name | description | weight`` (description and weight optional)."""
    out: list[dict[str, Any]] = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        pillar: dict[str, Any] = {"name": parts[0],
                                  "description": parts[1] if len(parts) > 1 else ""}
        if len(parts) > 2 and parts[2]:
            try:
                pillar["weight"] = float(parts[2].replace(",", "."))
            except ValueError:
                raise InputError(
                    f"pillars, line {number}: weight {parts[2]!r} is not a number; "
                    "write 'Name | description | 2'"
                ) from None
        out.append(pillar)
    return out


def pillars_text(kit: BrandKit) -> str:
    return "\n".join(f"{p.name} | {p.description} | {p.weight:g}" for p in kit.pillars)


def parse_banned(text: str) -> list[dict[str, Any]]:
    """One per line: ``word`` or ``word -> replacement``."""
    out: list[dict[str, Any]] = []
    for line in (text or "").splitlines():
        if line.strip():
            word, _, repl = line.partition("->")
            out.append({"word": word.strip(), "replacement": repl.strip() or None})
    return out


def banned_text(kit: BrandKit) -> str:
    return "\n".join(
        f"{b.word} -> {b.replacement}" if b.replacement else b.word for b in kit.banned_words
    )


def _validated(data: dict[str, Any], where: str) -> BrandKit:
    try:
        return BrandKit.model_validate(data)
    except ValidationError as exc:
        raise BrandKitError(f"{where}: {describe_errors(exc, BrandKit)}") from None


def kit_from_form(values: dict[str, Any], base: BrandKit | None = None) -> BrandKit:
    """Merge the form's ``values`` into ``base`` (or a new kit) and validate.

    ``values`` keys: id, name, languages, default_language, formality, tone (text),
    audience, pillars (text), banned_words (text), emoji_policy, emoji_max, emoji_allowed
    (text), spelling_words (text), brief_only_words (text), tags_always,
    tags_pool, tags_never (text), cta, client_approval_required, learn_from, late_posts,
    late_after_minutes, link_<field>,
    legal_<field> (representatives as text).
    """
    data = base.model_dump() if base else {"legal": {}, "links": {}}
    data.update(
        id=values["id"].strip(), name=values["name"], languages=list(values["languages"]),
        default_language=values["default_language"], formality=values["formality"],
        tone=split_list(values["tone"]), audience=values["audience"],
        pillars=parse_pillars(values["pillars"]), banned_words=parse_banned(values["banned_words"]),
        # the emoji the kit bans (learned rules) are not on the form: keep them
        emoji={**data.get("emoji", {}), "policy": values["emoji_policy"],
               "max_per_post": int(values["emoji_max"]),
               "allowed": split_emoji(values.get("emoji_allowed", ""))},
        spelling={"words": split_words(values.get("spelling_words", ""))},
        brief_only_words=split_words(values.get("brief_only_words", "")),
        hashtags={"always": split_tags(values["tags_always"]),
                  "pool": split_tags(values["tags_pool"]),
                  "never": split_tags(values["tags_never"])},
        cta=values["cta"] or None,
        client_approval_required=bool(values.get("client_approval_required",
                                                 data.get("client_approval_required", False))),
    )
    for key in ("late_posts", "late_after_minutes"):  # the worker's late policy
        if key in values:
            data[key] = values[key]
    if "learn_from" in values:
        data["learning"] = {**data.get("learning", {}), "learn_from": values["learn_from"]}
    data["links"].update({f: values[f"link_{f}"] or None for f in LINK_FIELDS})
    legal = {f: values[f"legal_{f}"] or None for f in LEGAL_FORM_FIELDS}
    legal["representatives"] = split_list(values["legal_representatives"])
    data["legal"].update(legal)
    return _validated(data, "form")


def form_values(kit: BrandKit | None) -> dict[str, Any]:
    """The form's starting values: those of ``kit``, or sensible ones for a new kit."""
    if kit is None:  # an empty kit for the "new kit" form: no validation, fields blank
        kit = BrandKit.model_construct(
            id="", name="", legal=LegalEntity.model_construct(name="", legal_form="GmbH")
        )
    values: dict[str, Any] = {
        "id": kit.id, "name": kit.name, "languages": kit.languages,
        "default_language": kit.default_language, "formality": kit.formality,
        "tone": ", ".join(kit.tone), "audience": kit.audience, "pillars": pillars_text(kit),
        "banned_words": banned_text(kit), "emoji_policy": kit.emoji.policy,
        "emoji_max": kit.emoji.max_per_post, "emoji_allowed": " ".join(kit.emoji.allowed),
        "spelling_words": ", ".join(kit.spelling.words),
        "brief_only_words": ", ".join(kit.brief_only_words),
        "tags_always": " ".join(kit.hashtags.always),
        "tags_pool": " ".join(kit.hashtags.pool), "tags_never": " ".join(kit.hashtags.never),
        "cta": kit.cta or "",
        "client_approval_required": kit.client_approval_required,
        "learn_from": kit.learning.learn_from,
        "late_posts": kit.late_posts, "late_after_minutes": kit.late_after_minutes,
    }
    values.update({f"link_{f}": getattr(kit.links, f) or "" for f in LINK_FIELDS})
    values.update({f"legal_{f}": getattr(kit.legal, f) or "" for f in LEGAL_FORM_FIELDS})
    values["legal_representatives"] = ", ".join(kit.legal.representatives)
    return values


def kit_from_edited_yaml(kit: BrandKit, text: str) -> BrandKit:
    """Validate YAML from the editor for ``kit``; its examples are kept, its id may not change."""
    edited = kit_from_yaml(text, kit.examples, shown="YAML editor")
    if edited.id != kit.id:
        raise BrandKitError(
            f"YAML editor: field 'id' changed from {kit.id!r} to {edited.id!r}; an id cannot be "
            "changed; import the kit folder under a new id instead (postwerk brand import PATH "
            "--as NEW_ID)"
        )
    return edited


def with_channel(kit: BrandKit, channel: dict[str, Any]) -> BrandKit:
    """``kit`` plus ``channel`` (validated); the same platform and handle twice is an error."""
    try:
        new = Channel.model_validate(channel)
    except ValidationError as exc:
        raise BrandKitError(f"channel: {describe_errors(exc, Channel)}") from None
    return _validated({**kit.model_dump(), "channels": [*kit.model_dump()["channels"],
                                                         new.model_dump()]}, "channels")


def without_channel(kit: BrandKit, index: int) -> BrandKit:
    channels = [c for i, c in enumerate(kit.channels) if i != index]
    return kit.model_copy(update={"channels": channels})


def with_example(kit: BrandKit, platform: str, language: str, text: str) -> BrandKit:
    """``kit`` plus one example post (validated; an identical post is an error)."""
    if not text.strip():
        raise InputError("the example post is empty; paste the text of a post you published")
    try:
        post = ExamplePost(platform=platform, language=language, text=text.strip())
    except ValidationError as exc:
        raise BrandKitError(f"example: {describe_errors(exc, ExamplePost)}") from None
    if language not in kit.languages:
        raise InputError(f"language {language!r} is not one of the kit's {kit.languages}; add it")
    examples = [*kit.model_dump()["examples"], post.model_dump()]
    return _validated({**kit.model_dump(), "examples": examples}, "examples")


def without_example(kit: BrandKit, source: str) -> BrandKit:
    return kit.model_copy(update={"examples": [e for e in kit.examples if e.source != source]})


def save_raw_kit_yaml(kit_id: str, text: str, kits_dir: Any = None) -> BrandKit:
    """Repair path for a kit whose kit.yaml does not load: validate ``text`` with the kit's
    examples and save it. Nothing is written unless the whole kit validates."""
    examples = load_examples(kit_dir(kit_id, kits_dir) / "examples", kit_id)
    kit = kit_from_yaml(text, examples, shown=f"{kit_id}/kit.yaml")
    if kit.id != kit_id:
        raise BrandKitError(
            f"{kit_id}/kit.yaml: field 'id' is {kit.id!r} but the folder is {kit_id!r}; "
            "make them the same"
        )
    return save_kit(kit, kits_dir)
