"""THE checker: every check of a post, composed once (issue 13, item 1).

Drafting (``drafting_post.finish_post``), the Compose re-check after an edit
(``drafting_post.recheck``), the queue on add, edit, import and approve
(``queue_checker``) all call ``post_problems``, so the same text gets the same problems
on every path. A post is described by a ``PostSubject``; ``draft_subject`` and
``item_subject`` build one from a draft or a queue item. The one check that needs the
other drafts of a brief (``same_text_as``) is added by ``with_same_text`` where those
drafts exist (drafting, Compose); the queue keeps it until the text is edited.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import BrandKitError
from assistant.models import Draft, MediaInfo, Problem, Severity
from assistant.quality import (
    QualityContext,
    comment_quality_problems,
    quality_problems,
    same_text_problems,
)

if TYPE_CHECKING:
    from assistant.brand.kit import BrandKit
    from assistant.queue.checks import Checker
    from assistant.queue.models import QueueItem

SAME_TEXT = "same_text_as"
FIRST_COMMENT = "first_comment"


@dataclass(frozen=True)
class PostSubject:
    """What every path knows about a post: exactly what gets posted, plus its brief."""

    kit_id: str
    platform: str
    text: str
    hashtags: Sequence[str] = ()
    language: str | None = None
    sponsored: bool = False
    link: str | None = None
    first_comment: str | None = None
    media: Sequence[MediaInfo] = ()
    brief: str | None = None
    # problems found while reading the post's files (an image that cannot be opened)
    media_problems: Sequence[Problem] = field(default_factory=tuple)


@dataclass(frozen=True)
class CheckOptions:
    """``online`` also requests every link (approval: a person takes responsibility)."""

    online: bool = False
    settings: Settings | None = None
    timeout: float = 5.0


def kit_problem(kit_id: str, exc: BrandKitError) -> Problem:
    """An item whose kit does not load is checked without brand rules: never ready."""
    return Problem(
        code="kit_missing", severity=Severity.ERROR, source="brand",
        message=f"brand kit {kit_id!r} does not load ({exc}); fix or restore the kit, "
        "then check the post again",
    )


def post_problems(
    subject: PostSubject, kit: BrandKit | None, options: CheckOptions | None = None
) -> list[Problem]:
    """Every problem of one post: platform, brand rules, compliance and quality."""
    from assistant.brand.ingest import kit_guidelines
    from assistant.compliance.checks import compliance_problems, post_urls
    from assistant.hashtags import compose_text
    from assistant.platforms import check_post
    from assistant.rules import brand_problems

    opts = options or CheckOptions()
    full = compose_text(subject.text, subject.hashtags)
    required = kit.hashtags.always if kit is not None else ()
    check = check_post(subject.platform, full, media=subject.media, required_hashtags=required)
    language = subject_language(subject, kit)
    problems = [*check.problems, *subject.media_problems]
    if kit is not None:
        problems += brand_problems(kit, subject.text, subject.hashtags, language,
                                   subject.platform)
    urls = post_urls(full, subject.first_comment, link=subject.link)
    problems += compliance_problems(
        full, language=language, sponsored=subject.sponsored, kit=kit, urls=urls,
        online=opts.online, settings=opts.settings, timeout=opts.timeout,
    )
    context = QualityContext(brief=subject.brief, link=subject.link, language=language,
                             platform=subject.platform, kit=kit,
                             guidelines=kit_guidelines(kit) if kit is not None else "")
    problems += quality_problems(subject.text, subject.hashtags, context)
    return problems + comment_problems(subject.first_comment, kit, context)


def comment_problems(
    comment: str | None, kit: BrandKit | None, context: QualityContext
) -> list[Problem]:
    """The first comment is posted under the brand's name too: what would be wrong in the
    post is wrong there (its links are checked with the post's). Each finding keeps its
    severity and is told as the comment's (code ``first_comment``), since the post's own
    repairs do not touch the comment."""
    from assistant.platforms import check_post
    from assistant.rules import text_rule_problems

    if not comment or not comment.strip():
        return []
    found = [p for p in check_post(context.platform, comment).problems
             if p.code in ("too_long", "bytes_too_long")]
    if kit is not None:
        found += text_rule_problems(kit, comment, context.language)
    found += comment_quality_problems(comment, context)
    return [Problem(code=FIRST_COMMENT, severity=p.severity, source=p.source,
                    message=f"first comment: {p.message}") for p in found]


def subject_language(subject: PostSubject, kit: BrandKit | None) -> str:
    if subject.language:
        return subject.language
    return kit.default_language if kit is not None else "de"


def draft_subject(draft: Draft) -> PostSubject:
    return PostSubject(
        kit_id=draft.kit_id, platform=draft.platform, text=draft.text,
        hashtags=tuple(draft.hashtags), language=draft.language, sponsored=draft.sponsored,
        link=draft.link, first_comment=draft.first_comment, media=tuple(draft.media),
        brief=draft.brief or None,
    )


def item_subject(item: QueueItem) -> PostSubject:
    """A queue item as a subject; its image files are read to measure them."""
    from assistant.queue.checks import media_info

    infos = [media_info(path, item.alt_text) for path in item.media]
    return PostSubject(
        kit_id=item.kit_id, platform=item.platform, text=item.text,
        hashtags=tuple(item.hashtags), language=item.language, sponsored=item.sponsored,
        link=item.link, first_comment=item.first_comment,
        media=tuple(m for m in infos if isinstance(m, MediaInfo)),
        brief=item.brief or None,
        media_problems=tuple(m for m in infos if isinstance(m, Problem)),
    )


def checked_with_kit(
    subject: PostSubject, load: Callable[[str], BrandKit], options: CheckOptions
) -> list[Problem]:
    """``post_problems`` with the subject's kit, or an error when the kit does not load."""
    try:
        kit = load(subject.kit_id)
    except BrandKitError as exc:
        return [kit_problem(subject.kit_id, exc), *post_problems(subject, None, options)]
    return post_problems(subject, kit, options)


def queue_checker(settings: Settings | None = None, *, online: bool = False) -> Checker:
    """The queue's checker for add, edit, import (offline) and approve (``online``)."""
    from assistant.compliance.checks import caching_kit_loader

    load = caching_kit_loader(settings)
    options = CheckOptions(online=online, settings=settings)

    def checker(item: QueueItem) -> list[Problem]:
        return checked_with_kit(item_subject(item), load, options)

    return checker


def with_same_text(drafts: Sequence[Draft]) -> list[Draft]:
    """The drafts of one brief (one variant) with ``same_text_as`` found afresh: a text
    another platform got too is a finding of both, and leaves both once one is rewritten."""
    found = same_text_problems({d.platform: d.text for d in drafts if d.text})
    return [
        d.model_copy(update={"problems": [
            *(p for p in d.problems if p.code != SAME_TEXT), *found.get(d.platform, [])]})
        for d in drafts
    ]
