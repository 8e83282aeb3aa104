"""AI disclosure (EU AI Act Art. 50, from 2 August 2026) as a kit setting (pure).

The kit says ``never``, ``ai_images`` (label posts that carry an AI-generated image:
realistic AI images are the part the duty clearly covers) or ``always`` (label every
post). The label goes on its own line at the end of the body, before the hashtags, so it
does not push the advertising label off the first position.

AI text that a person reviewed and for which they hold editorial responsibility is
largely outside the duty; the queue's ``reviewed`` flag records that review.
"""

from __future__ import annotations

from typing import Literal, get_args

from assistant.errors import InputError
from assistant.models import Problem, Severity

DisclosureSetting = Literal["never", "ai_images", "always"]
SETTINGS: tuple[str, ...] = get_args(DisclosureSetting)
DEFAULT_LABELS = {
    ("ai_images", "de"): "Bild mit KI erstellt",
    ("ai_images", "en"): "Image created with AI",
    ("always", "de"): "Mit KI-Unterstützung erstellt",
    ("always", "en"): "Created with AI assistance",
}


def _setting(kit_setting: str) -> str:
    if kit_setting not in SETTINGS:
        raise InputError(
            f"unknown AI disclosure setting {kit_setting!r}; use one of {', '.join(SETTINGS)}"
        )
    return kit_setting


def disclosure_required(kit_setting: str, has_ai_image: bool) -> bool:
    setting = _setting(kit_setting)
    return setting == "always" or (setting == "ai_images" and has_ai_image)


def effective_label(kit_setting: str, label: str | None, language: str = "de") -> str:
    """The kit's label, or a default in the post's language when the kit has none."""
    if label and label.strip():
        return label.strip()
    lang = "en" if language.lower().startswith("en") else "de"
    setting = "always" if kit_setting == "always" else "ai_images"
    return DEFAULT_LABELS[(setting, lang)]


def has_label(text: str, label: str) -> bool:
    return label.casefold() in text.casefold()


def apply_ai_disclosure(
    text: str,
    kit_setting: str,
    label: str | None,
    has_ai_image: bool,
    language: str = "de",
) -> str:
    """``text`` with the AI label appended when the setting requires it (idempotent)."""
    if not disclosure_required(kit_setting, has_ai_image):
        return text
    wanted = effective_label(kit_setting, label, language)
    if has_label(text, wanted):
        return text
    body = text.rstrip()
    return f"{body}\n\n{wanted}" if body else wanted


def disclosure_problems(
    text: str,
    kit_setting: str,
    label: str | None,
    has_ai_image: bool,
    language: str = "de",
) -> list[Problem]:
    """"ai_label_missing" (error) when the setting requires the label and the text lacks it."""
    if not disclosure_required(kit_setting, has_ai_image):
        return []
    wanted = effective_label(kit_setting, label, language)
    if has_label(text, wanted):
        return []
    why = "the post carries an AI-generated image" if has_ai_image else "the kit labels every post"
    return [Problem(
        code="ai_label_missing",
        severity=Severity.ERROR,
        message=f"{why}; add the AI label '{wanted}' (kit setting '{kit_setting}')",
        source="compliance",
    )]
