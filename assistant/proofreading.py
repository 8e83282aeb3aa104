"""The proofreading pass (Settings.draft_proofread): one short call that may change only
spelling and grammar of a brief's finished drafts. Its result is kept for a post only when
the facts are exactly those of the text it corrects (the shared fact extraction of
``assistant.quality``, both ways) and the post's checks come out no worse.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from assistant.briefing import LANGUAGE_NAMES
from assistant.errors import LLMError
from assistant.llm import ChatMessage, LLMClient
from assistant.models import Draft, TokenUsage
from assistant.prompts import render
from assistant.quality import QualityContext, quality_problems
from assistant.quality.facts import extract_facts


class ProofPost(BaseModel):
    platform: str
    text: str


class ProofReply(BaseModel):
    posts: list[ProofPost]


def _fact_keys(text: str, language: str) -> set[tuple[str, str]]:
    return {(fact.kind, fact.key) for fact in extract_facts(text, language)}


def _adds_names(text: str, source: str, language: str, platform: str) -> bool:
    """``text`` states a fact or name that ``source`` does not (the invented_fact check
    with ``source`` as the only source)."""
    ctx = QualityContext(brief=source, link=None, language=language, platform=platform, kit=None)
    return any(p.code == "invented_fact" for p in quality_problems(text, (), ctx))


def facts_kept(before: str, after: str, language: str, platform: str = "x") -> bool:
    """True when ``after`` states exactly the facts of ``before``: the same numbers, dates,
    times, prices, links, e-mails and handles, and no name added or lost."""
    if _fact_keys(before, language) != _fact_keys(after, language):
        return False
    return not (_adds_names(after, before, language, platform)
                or _adds_names(before, after, language, platform))


def proofread_messages(drafts: Sequence[Draft], language: str) -> list[ChatMessage]:
    texts = "\n\n".join(f"--- {d.platform}\n{d.text}" for d in drafts)
    prompt = render("proofread", language_name=LANGUAGE_NAMES.get(language, language),
                    texts=texts)
    return [ChatMessage(role="user", content=prompt["user"])]


async def proofread(
    client: LLMClient, drafts: Sequence[Draft], language: str, max_tokens: int
) -> tuple[dict[str, str], TokenUsage]:
    """Corrected texts per platform, only those whose facts are unchanged; the call's usage.
    A failed call corrects nothing: the drafts were fine before it."""
    todo = [d for d in drafts if d.text]
    if not todo:
        return {}, TokenUsage()
    try:
        result = await client.astructured(proofread_messages(todo, language), ProofReply,
                                          temperature=0.0, max_tokens=max_tokens)
    except LLMError:
        return {}, TokenUsage()
    by_platform = {p.platform.strip().lower(): p.text.strip() for p in result.value.posts}
    kept = {
        d.platform: by_platform[d.platform]
        for d in todo
        if by_platform.get(d.platform) and by_platform[d.platform] != d.text
        and facts_kept(d.text, by_platform[d.platform], language, d.platform)
    }
    return kept, result.usage
