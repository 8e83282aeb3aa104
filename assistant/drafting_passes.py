"""What a small model needs around the drafting call (issue 13, quality from structure):
which problems go back to it, and which of two versions of a post to keep. Pure.

Warnings a rewrite can fix (a misspelt word, a fact of the brief left out, the same text
on two platforms, "link in bio" where links work) go back with the errors, within the same
bounded number of repairs; a repair that comes back worse than what it replaces is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.config import Settings
from assistant.models import Draft, Problem
from assistant.quality.factcheck import missing

# Codes no rewrite of the text can fix (the image itself must change).
UNREPAIRABLE = frozenset({"too_many_media", "media_format", "media_too_large", "media_aspect"})
# Warnings that a rewrite fixes and that a person would otherwise have to fix by hand;
# "over_brand_length" is the kit's own cap (often learned from edits): no cut is safe, the
# model shortens it, told the cap and by how much.
FEEDBACK_WARNINGS = frozenset({"spelling", "grammar", "missing_fact", "same_text_as",
                               "link_in_bio", "cut_off", "lowercase_start",
                               "repeated_sentence", "repeated_fact", "wrong_language",
                               "over_brand_length", "first_person", "missing_link",
                               "unproven_claim", "unbriefed_word", "own_handle"})


@dataclass(frozen=True)
class Passes:
    """The drafting options of Settings (``draft_*``), as one value a job carries."""

    proofread: bool = False
    adapt_example: bool = False
    platform_style: bool = True
    split_platforms: bool = False
    fact_list: bool = False
    platform_form: bool = False
    candidates: int = 1
    temperature: float = 0.3  # of a first draft
    temperature_step: float = 0.0  # split mode: added per later platform of a brief
    short_list: bool = False  # platform form: a brief's second short platform as a list
    facts_first: bool = False  # platform form: the facts' part asked for before the rest
    own_words: bool = True  # platform form: a brief's second short platform in own words
    bare_hook: bool = True  # platform form: hook and question without date, time, price
    reword_later: bool = False  # platform form: platforms after the first in own words
    short_opener: bool = False  # platform form: a short platform's text after an opener
    reader_question: bool = False  # platform form: Facebook's question opens with a verb
    facebook_hook: bool = False  # platform form: Facebook opens with a hook, not a question
    linkedin_hook: bool = False  # platform form: LinkedIn opens with a hook, not its context
    linkedin_list: bool = False  # platform form: LinkedIn's facts as "label: value" lines
    parting_candidates: int = 0  # split mode: rewrites asked at once for a near-same text
    parting_fresh: int = 1  # split mode: fresh first drafts asked beside those rewrites
    parting_keep_short: bool = True  # split mode: of near-same texts the longer is rewritten
    parting_example: bool = True  # split mode: a fresh draft after the platform's kit example
    parting_ban: bool = False  # split mode: parting samples may not use the other's words
    parting_runs: bool = False  # split mode: ... nor say its runs of three words
    repair_warnings: bool = True  # FEEDBACK_WARNINGS go back to the model, not errors alone

    @classmethod
    def from_settings(cls, settings: Settings) -> Passes:
        return cls(
            proofread=settings.draft_proofread,
            adapt_example=settings.draft_adapt_example,
            platform_style=settings.draft_platform_style,
            split_platforms=settings.draft_split_platforms,
            fact_list=settings.draft_fact_list,
            platform_form=settings.draft_platform_form,
            candidates=settings.draft_candidates,
            temperature=settings.draft_temperature,
            temperature_step=settings.draft_temperature_step,
            short_list=settings.draft_short_list,
            facts_first=settings.draft_facts_first,
            own_words=settings.draft_own_words,
            bare_hook=settings.draft_bare_hook,
            reword_later=settings.draft_reword_later,
            short_opener=settings.draft_short_opener,
            reader_question=settings.draft_reader_question,
            facebook_hook=settings.draft_facebook_hook,
            linkedin_hook=settings.draft_linkedin_hook,
            linkedin_list=settings.draft_linkedin_list,
            parting_candidates=settings.draft_parting_candidates,
            parting_fresh=settings.draft_parting_fresh,
            parting_keep_short=settings.draft_parting_keep_short,
            parting_example=settings.draft_parting_example,
            parting_ban=settings.draft_parting_ban,
            parting_runs=settings.draft_parting_runs,
            repair_warnings=settings.repair_warnings,
        )

    def first_temperature(self, variant: int, order: int) -> float:
        """The sampling temperature of a first draft: a second variant 0.1 warmer, and in
        split mode the ``order``-th platform of the brief (from 0) ``order`` steps warmer."""
        step = self.temperature_step * order if self.split_platforms else 0.0
        return min(1.0, self.temperature + 0.1 * variant + step)


def to_fix(draft: Draft, warnings: bool = True) -> list[Problem]:
    """The problems of ``draft`` that go back to the model: errors a rewrite can fix and,
    with ``warnings`` (``Passes.repair_warnings``), the warnings of FEEDBACK_WARNINGS."""
    return [
        p
        for p in draft.problems
        if (p.is_error and p.code not in UNREPAIRABLE)
        or (warnings and not p.is_error and p.code in FEEDBACK_WARNINGS)
    ]


def rank(draft: Draft) -> tuple[int, int, int]:
    """Smaller is better: no text at all, then errors, then warnings, a ``missing_fact``
    counted once for each fact of the brief the text leaves out. Counted as one, a reply
    that kept nothing but "Hey Kaffeetrinker! 🍋 Link in Bio" (five facts gone) beat the
    whole brief with a ``same_text_as`` and one more warning (bench, 2026-11-30)."""
    errors = sum(1 for p in draft.problems if p.is_error)
    warnings = len(draft.problems) - errors
    if draft.brief and any(p.code == "missing_fact" for p in draft.problems):
        # the brief's facts as factcheck reads them, without the kit's context: the same
        # reading for both versions a choice compares
        warnings += max(0, len(missing(draft.text, draft.brief, draft.language)) - 1)
    return (0 if draft.text else 1, errors, warnings)


def better(new: Draft, old: Draft) -> Draft:
    """The repaired version unless it has more errors (or as many errors and more
    warnings) than the one it would replace."""
    return new if rank(new) <= rank(old) else old
