"""What a drafting request needs around the model call (split from ``drafting``): the
request checked, the kit's retrieved snippets, the images per platform, the voice scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant import briefing
from assistant.brand.kit import BrandKit
from assistant.compliance.urls import is_web_link
from assistant.errors import InputError
from assistant.hashtags import compose_text
from assistant.models import Draft, MediaInfo
from assistant.platforms import get_platform


def default_retriever(
    kit: BrandKit, query: str, platforms: Sequence[str], language: str
) -> list[briefing.Snippet]:
    """The brief's closest examples per platform in ``platforms`` (empty unless the "adapt"
    option wants them) and guideline chunks found by a query made from the kit alone, so
    that they, like everything in the system text, are the same for every brief of the kit
    (the prefix cache)."""
    from assistant.brand.store import retrieve

    snippets: list[briefing.Snippet] = []
    seen: set[str] = set()
    for pid in platforms:
        for hit in retrieve(kit, query, platform=pid, language=language, k=2, guideline_k=0):
            if hit.kind == "example" and hit.text not in seen and hit.platform == pid:
                seen.add(hit.text)
                snippets.append(briefing.Snippet("example", hit.text, hit.platform, hit.score))
    guides = retrieve(kit, guideline_query(kit), language=language, k=1, guideline_k=3)
    snippets += [briefing.Snippet("guideline", h.text, None, h.score)
                 for h in guides if h.kind != "example"]
    return snippets


def guideline_query(kit: BrandKit) -> str:
    return f"{kit.name}: {', '.join(kit.tone) or 'voice'}; {kit.audience or ''}".strip()


def media_by_platform(
    media: Sequence[MediaInfo] | Mapping[str, Sequence[MediaInfo]], platforms: Sequence[str]
) -> dict[str, list[MediaInfo]]:
    """The same images for every platform, or each platform its own (from the Images page)."""
    if isinstance(media, Mapping):
        return {pid: list(media.get(pid, ())) for pid in platforms}
    return {pid: list(media) for pid in platforms}


def validate_request(
    kit: BrandKit, platforms: Sequence[str], language: str, variants: int, link: str | None
) -> list[str]:
    ids = list(dict.fromkeys(p.strip().lower() for p in platforms))
    if not ids:
        raise InputError("pick at least one platform (e.g. instagram, linkedin)")
    for pid in ids:
        get_platform(pid)  # raises UnknownPlatformError with the list of ids
    if language not in briefing.LANGUAGE_NAMES:
        raise InputError(f"language {language!r} is not supported; use de or en")
    if not 1 <= variants <= 5:
        raise InputError(f"variants must be between 1 and 5 (got {variants})")
    if link is not None and not is_web_link(link):
        raise InputError(
            f"link {link[:80]!r} is not a web address; give an http(s) URL like "
            "https://example.de/page"
        )
    return ids


def rescore_voice(kit: BrandKit, draft: Draft) -> Draft:
    """The draft with the voice score and note of its current text (after an edit)."""
    out = draft.model_copy()
    out.voice_score = out.voice_note = None
    score_voice(kit, [out])
    return out


def score_voice(kit: BrandKit, drafts: list[Draft]) -> None:
    """Voice scores when the kit has examples to compare with; otherwise none (not an error)."""
    from assistant.brand.voice import voice_results
    from assistant.errors import BrandKitError

    scored = [d for d in drafts if d.text]
    if not scored:
        return
    try:
        # as posted, tags included: the kit's examples carry theirs, and a draft scored
        # without them read "no hashtags (kit: ~3)" whatever its tags (the embedded
        # model's Compose screenshot, 2026-12-02)
        results = voice_results(kit, [compose_text(d.text, d.hashtags) for d in scored],
                                platforms=[d.platform for d in scored])
    except BrandKitError:
        return
    for draft, result in zip(scored, results, strict=True):
        draft.voice_score, draft.voice_note = result.score, result.note
