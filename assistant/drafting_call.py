"""One model call of a drafting job (split from ``drafting``): the prompt, the structured
call with its one retry for a reply in the wrong form, and reading the reply's posts into
checked drafts; the repair prompt that goes back into the same conversation."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pydantic import BaseModel

from assistant import briefing
from assistant.brand.kit import BrandKit
from assistant.drafting_form import (
    SHORT,
    Form,
    form_for,
    form_line,
    form_rule,
    free_cap,
    platform_form,
)
from assistant.drafting_passes import Passes, to_fix
from assistant.drafting_post import PostReply, finish_post, tagged_link
from assistant.drafting_reply import flat_reply, free_reply, free_texts, reply_model
from assistant.errors import LLMBadReplyError, LLMError, LLMTruncatedError
from assistant.llm import ChatMessage, LLMClient
from assistant.llm.client import Avoid
from assistant.models import Brief, Draft, MediaInfo, Problem, Severity, TokenUsage
from assistant.prompts import render

log = logging.getLogger(__name__)

MAX_REPAIRS = 2
MAX_FORMAT_RETRIES = 1
REPLY_BASE_TOKENS = 300
REPLY_TOKENS_PER_POST = 450
ReadReply = Callable[[BaseModel], dict[str, Any]]  # a structured reply -> DraftReply's dict


class DraftReply(BaseModel):
    posts: list[PostReply]


@dataclass
class Job:
    """One brief (one variant) for some platforms, and what happened to it."""

    kit: BrandKit
    brief: Brief
    platforms: list[str]
    language: str
    media: dict[str, list[MediaInfo]]  # per platform: each gets the images cut for it
    variant: int = 0
    passes: Passes = field(default_factory=Passes)
    usage: TokenUsage = field(default_factory=TokenUsage)
    messages: list[ChatMessage] = field(default_factory=list)
    repairs: int = 0  # repair calls made so far (at most MAX_REPAIRS)
    first_repairs: int = MAX_REPAIRS  # repairs right after the first call
    failure: LLMError | None = None  # the first call failed: its platforms have no draft
    order: int = 0  # one call per platform: its platform's place among the brief's
    short_rank: int = 0  # one call per platform: short platforms before it in the brief


def build_messages(job: Job, snippets: Sequence[briefing.Snippet]) -> list[ChatMessage]:
    """System text from the kit and language only (byte-identical for all briefs of the
    kit); the brief, the pattern and the platforms' rules follow in the user text."""
    kit, brief, lang, passes = job.kit, job.brief, job.language, job.passes
    examples = briefing.kit_examples(kit, lang)
    template = briefing.closest_example(snippets) if passes.adapt_example else None
    prompt = render(
        "draft",
        brand_name=kit.name,
        language_name=briefing.LANGUAGE_NAMES.get(lang, lang),
        voice_rules=briefing.voice_rules(kit, lang),
        examples=briefing.kit_examples_block(examples),
        guidelines=briefing.guidelines_block(snippets),
        brief=brief.text.strip(),
        facts=briefing.facts_block(brief.text, kit, lang) if passes.fact_list else "",
        template=briefing.template_block(template, lang),
        platform_rules=briefing.platform_rules(
            job.platforms, kit, brief.sponsored, lang, passes.platform_style,
            {pid: tagged_link(brief, kit, pid) for pid in job.platforms},
        ) + form_line(job.platforms, job_form(job)),
        link_rule=briefing.link_rule(brief.link, job.platforms, lang),
        sponsored_rule=briefing.sponsored_rule(brief.sponsored, lang),
        media_rule=briefing.media_rule(max((len(m) for m in job.media.values()), default=0)),
        platform_ids=", ".join(job.platforms),
        call_rule=briefing.call_rule(brief.text, lang),
    )
    return [
        ChatMessage(role="system", content=prompt["system"]),
        ChatMessage(role="user", content=prompt["user"]),
    ]


def job_form(job: Job) -> Form | None:
    """The platform form of the job's reply (``platform_form``), if it has one."""
    return platform_form(job.passes, job.platforms, job.kit, job.brief.sponsored,
                         _one_link(job), job.short_rank, job.order)


def _one_link(job: Job) -> str | None:
    """The tagged link of a one-platform job's post (what its form's budget leaves room for)."""
    return tagged_link(job.brief, job.kit, job.platforms[0]) if len(job.platforms) == 1 else None


def reply_budget(client: LLMClient, platforms: int) -> int:
    """Tokens a reply may take: enough for every post, not enough for a model that rambles
    (a small model can loop until the limit; better to cut it early and ask again)."""
    return min(client.max_tokens, REPLY_BASE_TOKENS + REPLY_TOKENS_PER_POST * platforms)


async def ask(client: LLMClient, job: Job, messages: list[ChatMessage], temp: float,
               shape_of: Form | None = None, avoid: Avoid = Avoid()) -> DraftReply:
    """One structured call; a reply in the wrong form (or cut off) is retried once with
    the reason. With a platform form (option, or ``shape_of`` for this call) the reply's
    shape is the platform's, and its parts are joined into the one text. ``avoid``: tokens
    and runs of words the reply may not use."""
    attempt_messages = list(messages)
    budget = reply_budget(client, len(job.platforms))
    form = shape_of or job_form(job)
    shape, read = _reply_shape(job, form)
    for attempt in range(MAX_FORMAT_RETRIES + 1):
        started = time.perf_counter()
        try:
            result = await client.astructured(attempt_messages, shape, temperature=temp,
                                              max_tokens=budget, avoid=avoid)
        except (LLMBadReplyError, LLMTruncatedError) as exc:
            if attempt == MAX_FORMAT_RETRIES:
                raise LLMBadReplyError(
                    f"the model did not return usable drafts twice ({exc}); try again, "
                    "shorten the brief, or configure a stronger model"
                ) from exc
            # The reason goes into the same request, so the model still sees the whole task.
            last = messages[-1]
            note = f"\n\nYour previous reply was rejected: {exc}. Reply with valid JSON only."
            attempt_messages = [
                *messages[:-1],
                last.model_copy(update={"content": last.content + note}),
            ]
            continue
        job.usage = job.usage + result.usage
        # what a slow draft spent its time on, for a user's bug report (a busy machine or
        # more calls): one line per call, no text
        log.info("call for %s (repair %d): %.1f s, %d prompt + %d completion tokens",
                 ", ".join(job.platforms), job.repairs, time.perf_counter() - started,
                 result.usage.prompt_tokens, result.usage.completion_tokens)
        job.messages = [*messages, ChatMessage(role="assistant", content=result.raw)]
        return DraftReply.model_validate(read(result.value))
    raise AssertionError("unreachable")


def _reply_shape(job: Job, form: Form | None) -> tuple[type[BaseModel], ReadReply]:
    """The response model a call sends and how its reply becomes ``DraftReply``'s dict: a
    free text capped (``free_cap``, the longest tagged link included) and cut back to a
    sentence, or a form's parts joined."""
    images = any(job.media.get(pid) for pid in job.platforms)
    if form is not None:
        return reply_model(job.platforms[0], form, images), partial(flat_reply, form)
    written = max(len(tagged_link(job.brief, job.kit, pid) or "") for pid in job.platforms)
    cap = free_cap(job.platforms, job.kit, job.brief.sponsored, _one_link(job), written)
    return free_reply(job.platforms, cap, images), partial(free_texts, cap=cap)


def pick(reply: DraftReply, platform: str, asked: Sequence[str]) -> PostReply | None:
    """The reply's post for ``platform``. When one platform was asked for, the first post
    with a text is it, whatever its label ("twitter" for x, or a post for each of several
    platforms nobody asked for, as the embedded model wrote when asked for x alone)."""
    found = next((p for p in reply.posts if p.platform.strip().lower() == platform), None)
    if found is None and len(asked) == 1:
        return next((p for p in reply.posts if p.text.strip()), None)
    return found


def empty_draft(job: Job, platform: str, message: str) -> Draft:
    """A platform the model gave no post for: no text, and an error that says why and what
    to do."""
    missing = Problem(code="missing_post", severity=Severity.ERROR, source="llm",
                      message=message)
    return Draft(kit_id=job.kit.id, platform=platform, text="", problems=[missing],
                 language=job.language, brief=job.brief.text, variant=job.variant)


def to_draft(job: Job, platform: str, post: PostReply | None) -> Draft:
    if post is None:
        return empty_draft(job, platform,
                           f"the model wrote no post for {platform}; regenerate this platform")
    media = job.media.get(platform, [])
    draft = finish_post(job.kit, job.brief, platform, post, job.language, media)
    draft.variant = job.variant
    return draft


def repair_messages(job: Job, drafts: dict[str, Draft],
                    shape: Form | None = None) -> list[ChatMessage] | None:
    """The request to fix what ``to_fix`` finds; with ``shape`` (see :func:`fitting_form`)
    the line that names its part too."""
    failing = {pid: found for pid, d in drafts.items()
               if (found := to_fix(d, job.passes.repair_warnings))}
    if not failing:
        return None
    lines = [f"- {pid}: {p.message}" for pid, probs in failing.items() for p in probs]
    if shape is not None:
        lines += [f"- {pid}: {form_rule(pid, shape)}" for pid in failing]
    return repair_prompt(job, lines, list(failing))


def fitting_form(job: Job, drafts: dict[str, Draft]) -> Form | None:
    """The form a repair asks in when a one-platform job's post on a short platform (X,
    Bluesky, Threads, Mastodon) is too long and its call had no form: one text the
    server's grammar holds to the platform's budget. Told in words to shorten an X or
    Bluesky post by 44-136 characters, the 1.5B model kept every sentence through both
    repairs (bench, 2026-11-30); a grammar cap it cannot overrun, and a text cut there
    ends at its last whole sentence (``free_texts`` / ``whole``)."""
    platform = job.platforms[0]
    draft = drafts.get(platform)
    if (len(job.platforms) != 1 or platform not in SHORT or draft is None
            or not any(p.code == "too_long" for p in draft.problems)
            or job_form(job) is not None):
        return None
    return form_for(platform, job.kit, job.brief.sponsored, _one_link(job))


def repair_prompt(job: Job, lines: list[str], platforms: list[str]) -> list[ChatMessage]:
    """The job's conversation and the request to rewrite ``platforms`` for ``lines``."""
    prompt = render("repair", problems="\n".join(lines), platform_ids=", ".join(platforms))
    return [*job.messages, ChatMessage(role="user", content=prompt["user"])]
