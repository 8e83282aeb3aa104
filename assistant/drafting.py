"""Brief -> per-platform drafts: retrieve, prompt, one structured call, validate, repair.

A draft is ``ok`` only when no error-severity problem remains: the platform would take
it (``check_post``), the brand would sign it (``rules``) and the law is met (ad label,
AI label). Problems go back to the model at most ``MAX_REPAIRS`` times; then only the
safe deterministic fixes of ``fix_post`` are applied, and what is still wrong stays on
the draft as problems.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

from assistant import briefing
from assistant.brand.kit import BrandKit
from assistant.checks import with_same_text
from assistant.config import Settings, get_settings
from assistant.drafting_call import (
    MAX_REPAIRS,
    DraftReply,
    Job,
    PostReply,
    ask,
    build_messages,
    empty_draft,
    fitting_form,
    pick,
    repair_messages,
    repair_prompt,
    reply_budget,
    to_draft,
)
from assistant.drafting_distinct import Alike, codes, distinct_texts, same_text_by_variant
from assistant.drafting_form import Form, form_rule, parting_form, short_rank
from assistant.drafting_hinges import hinge_runs, hinge_words
from assistant.drafting_passes import Passes, better, to_fix
from assistant.drafting_pick import kept_candidates
from assistant.drafting_post import post_problems
from assistant.drafting_request import (
    default_retriever,
    media_by_platform,
    score_voice,
    validate_request,
)
from assistant.errors import InputError, LLMError
from assistant.lanes import Lanes
from assistant.llm import ChatMessage, LLMClient, get_client
from assistant.llm.client import Avoid
from assistant.models import Brief, Draft, MediaInfo, TokenUsage
from assistant.proofreading import proofread
from assistant.quality.compose import aload_word_lists
from assistant.syncrun import run_sync

__all__ = ["MAX_REPAIRS", "DraftOptions", "DraftReply", "Job", "PostReply", "Retriever",
           "adraft_many", "adraft_posts", "build_messages", "default_retriever", "draft_posts",
           "run_sync"]

log = logging.getLogger(__name__)

# the parting round: a rewrite's sampling temperature, and a fresh first draft's (at 0.7
# first drafts gave the same text on two platforms in 1 of 12 briefs, at 0.3 in 6 of 12:
# bench/README.md, 2026-11-30)
REWRITE_TEMPERATURE = 0.7
PARTING_FRESH_TEMPERATURE = 0.7
FIRST_PROMPT = 2  # a conversation's first messages: the first call's system and user text

Retriever = Callable[[BrandKit, str, Sequence[str], str], list[briefing.Snippet]]


async def _first_drafts(client: LLMClient, job: Job, snippets: list[briefing.Snippet],
                        words: Awaitable[None]) -> dict[str, Draft]:
    temperature = job.passes.first_temperature(job.variant, job.order)
    reply = await ask(client, job, build_messages(job, snippets), temperature)
    await words  # the checks read the word lists, which loaded while the model wrote
    return _cross_checked({pid: to_draft(job, pid, pick(reply, pid, job.platforms))
                           for pid in job.platforms})


def _no_drafts(job: Job, exc: LLMError) -> dict[str, Draft]:
    """A one-platform call that failed (a reply cut off twice, a timeout) while the brief's
    other platforms may have their drafts: its platform gets an empty draft whose error
    says what happened and what to do, and no repair (there is no conversation to go on
    with). The 1.5B model's Instagram reply was cut off twice and took the other two
    platforms' finished drafts with it (bench, 2026-11-30)."""
    log.warning("no draft for %s: %s", ", ".join(job.platforms), exc)
    job.failure = exc
    job.repairs = MAX_REPAIRS
    return {pid: empty_draft(job, pid, f"no {pid} post: {exc}") for pid in job.platforms}


async def _draft_job(client: LLMClient, job: Job, drafts: dict[str, Draft]) -> list[Draft]:
    """A call's first drafts (the kept candidate's) through the repairs to the end."""
    drafts = await _repair_rounds(client, job, drafts, job.first_repairs)
    if job.passes.proofread:
        await _proofread(client, job, drafts)
    return with_same_text([_finalise(job, d, client) for d in drafts.values()])


async def _repair_rounds(client: LLMClient, job: Job, drafts: dict[str, Draft],
                         limit: int, others: Sequence[Draft] = ()) -> dict[str, Draft]:
    """The problems go back to the model until none is left to fix or the job has made
    ``limit`` repairs; a repair that comes back worse is dropped. ``others``: the brief's
    drafts of other calls, against which ``same_text_as`` is read too."""
    while job.repairs < limit:
        shape = fitting_form(job, drafts)
        messages = repair_messages(job, drafts, shape)
        if messages is None:
            break
        job.repairs += 1
        previous = job.messages
        try:
            reply = await ask(client, job, messages, 0.4, shape)
        except LLMError as exc:  # the drafts so far are kept, with their problems
            log.warning("repair call failed, keeping the drafts as they are: %s", exc)
            break
        candidates = dict(drafts)
        for pid in drafts:
            post = pick(reply, pid, job.platforms)
            if post is not None and to_fix(drafts[pid], job.passes.repair_warnings):
                candidates[pid] = to_draft(job, pid, post)
        candidates = _cross_checked(candidates, others)
        kept = {pid: better(candidates[pid], drafts[pid]) for pid in drafts}
        for pid in (pid for pid in drafts if candidates[pid] is not drafts[pid]):
            # what each rewrite cleared, per finding (bench: grep "repair [0-9] of")
            log.info("repair %d of %s: %s -> %s (%s)", job.repairs, pid, codes(drafts[pid]),
                     codes(candidates[pid]), "kept" if kept[pid] is not drafts[pid]
                     else "dropped")
        if all(kept[pid] is drafts[pid] for pid in drafts):
            # every rewrite was worse: the next repair goes on from the drafts kept, whose
            # findings it names, not from the reply that was dropped
            job.messages = previous
        drafts = _cross_checked(kept, others)
    return drafts


async def _last_repair(client: LLMClient, job: Job, draft: Draft,
                       others: Sequence[Draft]) -> Draft:
    """The repair a one-platform job kept back for after the platforms were parted, if
    its draft still needs one. Its rewrite is weighed with the brief's other drafts
    (``others``): alone, a text the other platform still has lost its ``same_text_as``, and
    a rewrite that said the same again with a new finding beat the draft it replaced
    (bench, 2026-12-07: "repair 1 of bluesky: same_text_as -> none (kept)", then the same
    text at the end)."""
    if (job.repairs >= MAX_REPAIRS or not job.messages
            or not to_fix(draft, job.passes.repair_warnings)):
        return draft
    fixed = await _repair_rounds(client, job, {draft.platform: draft}, MAX_REPAIRS, others)
    return _finalise(job, fixed[draft.platform], client)


async def _part_platforms(client: LLMClient, jobs: Mapping[tuple[int, str], Job],
                          drafts: list[Draft], semaphore: Lanes) -> list[Draft]:
    """One call per platform: near-same texts are rewritten apart, then each job gets the
    repair it kept back (``first_repairs``), so a post still gets at most MAX_REPAIRS.
    Without ``repair_warnings`` the kept-back repair of a text still alike is a second
    parting round."""
    def job_of(draft: Draft) -> Job:
        return jobs[(draft.variant, draft.platform)]

    # (variant, platform) -> text -> the conversation that ends in it: the last repair goes
    # on from the text the parting round kept, not from whichever reply came last
    talks: dict[tuple[int, str], dict[str, list[ChatMessage]]] = {}

    async def rewrite(draft: Draft, alike: Alike) -> list[Draft]:
        job = job_of(draft)
        talk = talks.setdefault((draft.variant, draft.platform), {draft.text: job.messages})
        job.messages = talk.get(draft.text, job.messages)  # a second round's kept sample
        samples = await _rewrite_alike(client, job, draft, alike, semaphore)
        for found, messages in samples:
            talk.setdefault(found.text, messages)
        return [found for found, _ in samples]

    async def last(draft: Draft, parted: list[Draft]) -> Draft:
        job = job_of(draft)
        job.messages = talks.get((draft.variant, draft.platform), {}).get(draft.text,
                                                                          job.messages)
        others = [other for other in parted
                  if other.variant == draft.variant and other is not draft]
        async with semaphore.urgent():
            return await _last_repair(client, job, draft, others)

    keep_short = any(job.passes.parting_keep_short for job in jobs.values())
    parted = await distinct_texts(drafts, rewrite, keep_short)
    if not any(job.passes.repair_warnings for job in jobs.values()):
        # texts still alike get the repair kept back as a second parting round, not as a
        # repair that names the same text (which the embedded model cleared 0 of 12 times)
        parted = await distinct_texts(parted, rewrite, keep_short)
    return same_text_by_variant(list(await asyncio.gather(*(last(d, parted)
                                                            for d in parted))))


async def _rewrite_alike(client: LLMClient, job: Job, draft: Draft, alike: Alike,
                         semaphore: Lanes) -> list[tuple[Draft, list[ChatMessage]]]:
    """One more repair of a one-platform job whose text another platform got too (see
    ``drafting_distinct``): ``parting_candidates`` rewrites that go on from the job's
    conversation and ``parting_fresh`` fresh first drafts (and with ``parting_example`` one
    after the platform's kit example), asked at once, each with the
    conversation that ends in it, and with ``parting_ban`` none may use the words that
    carry the other text (:func:`_banned`); none once the job has used its repairs, or
    when no sample is asked. The job's own conversation is left as it was."""
    if job.repairs >= MAX_REPAIRS or not job.messages:
        return []
    before = job.messages
    fresh = _fresh_prompts(job, before, draft.platform)
    if not fresh and not job.passes.parting_candidates:
        return []
    job.repairs += 1
    # asked in words to write differently, the 1.5B model wrote the same text again; in the
    # platform's form (hook and lines, a question to the readers, three paragraphs) it
    # cannot (drafting_form.parting_form)
    note = alike.note
    shape = parting_form(job.passes, draft.platform)
    if shape is not None:
        note = f"{note} {form_rule(draft.platform, shape)}"
    rewrite = repair_prompt(job, [f"- {draft.platform}: {note}"], [draft.platform])
    avoid = await _avoided(client, job, alike.other, draft.platform)

    async def sample(kind: str, messages: list[ChatMessage], temperature: float,
                     form: Form | None) -> tuple[Draft, list[ChatMessage]] | None:
        async with semaphore.urgent():
            try:
                reply = await ask(client, job, messages, temperature, form, avoid)
            except LLMError as exc:
                log.warning("%s of a near-same %s text failed: %s", kind, draft.platform, exc)
                return None
            talk = job.messages  # set by ask for this reply, before any other sample runs
        post = pick(reply, draft.platform, job.platforms)
        if post is None:
            return None
        found = _finalise(job, to_draft(job, draft.platform, post), client)
        # which kind of sample parts the texts, for the bench's log
        log.info("parting sample (%s) of the %s text: %s", kind, draft.platform, codes(found))
        return found, talk

    samples = await asyncio.gather(
        *(sample("rewrite", rewrite, REWRITE_TEMPERATURE, shape)
          for _ in range(job.passes.parting_candidates)),
        *(sample(kind, messages, PARTING_FRESH_TEMPERATURE, None)
          for kind, messages in fresh), return_exceptions=True)
    job.messages = before
    return [found for found in samples if _sampled(found, draft.platform)]


def _sampled(found: tuple[Draft, list[ChatMessage]] | BaseException | None,
             platform: str) -> TypeGuard[tuple[Draft, list[ChatMessage]]]:
    """Whether a parting sample came back. A sample is one more try at a text the draft
    has already: a fault of the code in it (a check of the reply raised in one, bench
    2026-12-07) goes to the log with its traceback, and the draft keeps its text."""
    if isinstance(found, Exception):
        log.error("a parting sample of the %s text broke; the draft keeps its text",
                  platform, exc_info=found)
        return False
    if isinstance(found, BaseException):  # cancelled: the draft's task goes too
        raise found
    return found is not None


async def _avoided(client: LLMClient, job: Job, other: str, platform: str) -> Avoid:
    """What a parting sample may not say: with ``parting_ban`` the words that carry
    ``other``, the text it must differ from (``drafting_hinges.hinge_words``), by token as
    the embedded model writes them whole; with ``parting_runs`` its runs of three words
    (``hinge_runs``) in the reply's grammar. Neither on an endpoint."""
    if not client.endpoint.local:
        return Avoid()
    keep = [*job.kit.spelling.words, *job.kit.hashtags.always, *job.kit.hashtags.pool,
            job.kit.name, *(example.text for example in job.kit.examples)]
    tokens: tuple[int, ...] = ()
    if job.passes.parting_ban:
        hinges = hinge_words(other, job.brief.text, job.language, keep)
        tokens = await client.aword_tokens(hinges)
        if tokens:
            log.info("parting samples of the %s text may not use: %s", platform,
                     ", ".join(hinges))
    runs: tuple[tuple[str, ...], ...] = ()
    if job.passes.parting_runs:
        runs = tuple(hinge_runs(other, job.brief.text, job.language, [*keep, job.kit.cta or ""]))
        log.info("parting samples of the %s text may not say: %s", platform,
                 "; ".join(" ".join(run) for run in runs))
    return Avoid(tokens, runs)


def _fresh_prompts(job: Job, before: list[ChatMessage],
                   platform: str) -> list[tuple[str, list[ChatMessage]]]:
    """The parting round's fresh first drafts: the first call's own prompt (system and user
    text; asked warmer) ``parting_fresh`` times, and with ``parting_example`` once more
    with the platform's kit example as the pattern to follow, or, where no example of the
    platform fits the brief, as a fresh draft of its own: of the samples of 69 parting
    rounds a fresh draft parted the texts in 30, the example's in 20 of 48, a rewrite of
    the text in 5 (bench/README.md, 2026-12-07, eleventh session)."""
    fresh = ("fresh draft", before[:FIRST_PROMPT])
    prompts = [fresh] * job.passes.parting_fresh
    if job.passes.parting_example:
        pattern = briefing.platform_pattern(job.kit, platform, job.language, job.brief.text)
        prompts.append(fresh if pattern is None else
                       ("example", _with_pattern(before[:FIRST_PROMPT], pattern, job.language)))
    return prompts


def _with_pattern(messages: list[ChatMessage], pattern: briefing.Snippet,
                  language: str) -> list[ChatMessage]:
    """``messages`` (a first prompt) with the pattern block after its user text."""
    *head, user = messages
    block = briefing.template_block(pattern, language)
    return [*head, user.model_copy(update={"content": f"{user.content}\n\n{block}"})]


def _cross_checked(drafts: dict[str, Draft], others: Sequence[Draft] = ()) -> dict[str, Draft]:
    """``same_text_as`` found afresh, before the repair loop reads the problems (so the
    model hears that two platforms got one text) and after every repair; ``others`` are
    read with ``drafts`` and not returned."""
    checked = with_same_text([*drafts.values(), *others])
    return {d.platform: d for d in checked[:len(drafts)]}


async def _proofread(client: LLMClient, job: Job, drafts: dict[str, Draft]) -> None:
    """Spelling and grammar only; a correction that changed a fact never comes back from
    ``proofread``, and one whose checks come out worse is dropped here."""
    budget = reply_budget(client, len(drafts))
    fixed, usage = await proofread(client, list(drafts.values()), job.language, budget)
    job.usage = job.usage + usage
    for pid, text in fixed.items():
        candidate = drafts[pid].model_copy(update={"text": text})
        candidate.problems = post_problems(job.kit, candidate)
        drafts[pid] = better(candidate, drafts[pid])


def _finalise(job: Job, draft: Draft, client: LLMClient) -> Draft:
    from assistant.platforms import fix_post

    if any(p.is_error for p in draft.problems) and draft.text:
        fixed = fix_post(
            draft.platform,
            draft.text,
            required_hashtags=job.kit.hashtags.always,
            link_in_bio=briefing.LINK_IN_BIO.get(job.language, "Link in bio"),
        )
        draft.text = fixed.text
        draft.problems = post_problems(job.kit, draft)
    share = max(1, len(job.platforms))
    draft.usage = TokenUsage(
        prompt_tokens=job.usage.prompt_tokens // share,
        completion_tokens=job.usage.completion_tokens // share,
        cached_tokens=job.usage.cached_tokens // share,
        calls=job.usage.calls,
    )
    draft.endpoint = client.endpoint.label
    draft.model = client.endpoint.model
    return draft


@dataclass
class DraftOptions:
    client: LLMClient | None = None
    settings: Settings | None = None
    retriever: Retriever | None = None
    semaphore: Lanes | None = None


async def adraft_posts(
    kit: BrandKit,
    brief: Brief | str,
    platforms: Sequence[str],
    *,
    language: str | None = None,
    variants: int = 1,
    sponsored: bool = False,
    link: str | None = None,
    media: Sequence[MediaInfo] | Mapping[str, Sequence[MediaInfo]] = (),
    options: DraftOptions | None = None,
) -> list[Draft]:
    """Drafts for every platform (and variant) of one brief; variants run concurrently."""
    opts = options or DraftOptions()
    settings = opts.settings or get_settings()
    if isinstance(brief, str) and not brief.strip():
        raise InputError("the brief is empty; say what the post should be about")
    # validated before the Brief is built, so bad input is one InputError, not pydantic's
    lang = language or (None if isinstance(brief, str) else brief.language)
    lang = lang or kit.default_language
    given_link = link or (None if isinstance(brief, str) else brief.link)
    ids = validate_request(kit, platforms, lang, variants, given_link)
    if isinstance(brief, str):
        brief = Brief(text=brief, sponsored=sponsored, link=link, language=language)  # type: ignore[arg-type]
    elif sponsored or link:
        brief = brief.model_copy(
            update={"sponsored": brief.sponsored or sponsored, "link": link or brief.link}
        )
    client = opts.client
    if client is None:
        client = await asyncio.to_thread(get_client, settings)
    retriever = opts.retriever or default_retriever
    passes = Passes.from_settings(settings)
    # The brief's closest examples are used only as the "adapt" pattern: without that
    # option no platform asks for them (3 query embeddings and searches less per brief).
    example_platforms = ids if passes.adapt_example else []
    snippets = await asyncio.to_thread(retriever, kit, brief.text, example_platforms, lang)
    # the checks' word lists (1-2 s, once a process) load while the request is out: beside
    # the kit search they delayed the first request (both need the GIL)
    words = asyncio.ensure_future(aload_word_lists(lang))
    semaphore = opts.semaphore or Lanes(settings.concurrency)
    # One call for all platforms of a brief, or (option) one call per platform.
    groups = [[pid] for pid in ids] if passes.split_platforms else [ids]

    jobs: dict[tuple[int, str], Job] = {}
    # one call per platform: each keeps one repair back for after the platforms of the
    # brief were compared (a brief for one platform, as every slot of a week, has none to
    # compare and repairs at once)
    parting = passes.split_platforms and len(ids) > 1
    first_repairs = MAX_REPAIRS - 1 if parting else MAX_REPAIRS

    async def first(variant: int, group: list[str]) -> tuple[Job, dict[str, Draft]]:
        job = Job(kit, brief, group, lang, media_by_platform(media, group), variant, passes,
                  first_repairs=first_repairs, order=ids.index(group[0]),
                  short_rank=short_rank(group[0], ids))
        async with semaphore:
            try:
                return job, await _first_drafts(client, job, snippets, words)
            except LLMError as exc:
                if not parting:  # the brief's only call: its error is the brief's
                    raise
                return job, _no_drafts(job, exc)

    async def rest(job: Job, first_drafts: dict[str, Draft]) -> list[Draft]:
        jobs[(job.variant, job.platforms[0])] = job
        async with semaphore.urgent():  # a brief begun goes before first calls waiting
            return await _draft_job(client, job, first_drafts)

    tries = [(v, g) for v in range(variants) for g in groups for _ in range(passes.candidates)]
    outcomes = await asyncio.gather(*(first(v, g) for v, g in tries),
                                    return_exceptions=passes.candidates > 1)
    kept = kept_candidates(tries, outcomes)
    failed = [job.failure for job, _ in kept if job.failure is not None]
    if failed and len(failed) == len(kept):
        raise failed[0]  # no platform got a draft: one clear error, not empty drafts
    batches = await asyncio.gather(*(rest(job, found) for job, found in kept))
    drafts = [d for batch in batches for d in batch]
    if parting:  # each call saw one platform: compare and part them here
        drafts = await _part_platforms(client, jobs, drafts, semaphore)
    await asyncio.to_thread(score_voice, kit, drafts)
    return drafts


def draft_posts(
    kit: BrandKit, brief: Brief | str, platforms: Sequence[str], **kwargs: Any
) -> list[Draft]:
    """Sync form of :func:`adraft_posts` (same arguments)."""
    return run_sync(lambda: adraft_posts(kit, brief, platforms, **kwargs))


async def adraft_many(
    kit: BrandKit,
    briefs: Sequence[Brief],
    platforms: Sequence[str],
    *,
    options: DraftOptions | None = None,
    concurrency: int | None = None,
) -> list[list[Draft] | BaseException]:
    """Several briefs concurrently (bounded); a failed brief returns its exception."""
    opts = options or DraftOptions()
    settings = opts.settings or get_settings()
    opts.semaphore = opts.semaphore or Lanes(concurrency or settings.concurrency)
    tasks = [adraft_posts(kit, b, platforms, language=b.language, options=opts) for b in briefs]
    return list(await asyncio.gather(*tasks, return_exceptions=True))
