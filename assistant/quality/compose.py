"""``quality_problems``: every quality check of one post, composed once.

The only module of the package that loads word lists (through ``dictionary``); the
checks themselves are pure functions of the text, the context and those lists.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache, partial
from types import MappingProxyType

from assistant.models import Problem
from assistant.quality.briefonly import brief_only_problems
from assistant.quality.carryover import CarryLexicon, carried_over
from assistant.quality.claims import claim_problems
from assistant.quality.context import QualityContext
from assistant.quality.cutoff import cut_off_problems
from assistant.quality.dayparts import daypart_problems
from assistant.quality.dictionary import (
    dictionaries,
    english_verbs,
    german_plain_names,
    given_names,
    place_names,
)
from assistant.quality.emoji import emoji_not_in_kit_problems
from assistant.quality.factcheck import (
    Known,
    invented,
    invented_days,
    invented_fact_problems,
    missing,
    missing_fact_problems,
)
from assistant.quality.factrepeats import repeated_fact_problems, repeated_facts
from assistant.quality.fold import topic_below_fold_problems
from assistant.quality.fragments_en import VerbLexicon, fragment_problems
from assistant.quality.grammar_de import grammar_problems
from assistant.quality.grammar_names import learned_names
from assistant.quality.grammar_words import GrammarLexicon, compound_head
from assistant.quality.language import sentence_language_problems
from assistant.quality.linestart import lowercase_start_problems
from assistant.quality.linkbio import link_below_problems, link_in_bio_problems
from assistant.quality.names import NameLists, find_names
from assistant.quality.notes import invented_notes
from assistant.quality.nouns import noun_index
from assistant.quality.ownhandle import own_accounts, own_handle_problems
from assistant.quality.placeholders import placeholder_problems
from assistant.quality.priceframes import invented_frames
from assistant.quality.promises import invented_events, invented_offers
from assistant.quality.repeats import repeated_problems
from assistant.quality.reversal import reversal_problems
from assistant.quality.similarity import copies_example_problems
from assistant.quality.sources import (
    brand_words,
    brief_sources,
    capitalized_words,
    foreign_guideline_words,
    kit_vocabulary,
    offer_texts,
    own_names,
    preferred_terms,
    required_brief,
    source_texts,
    stated_texts,
    word_set,
)
from assistant.quality.speaker import first_person_problems
from assistant.quality.spelling import (
    ENGLISH_FUNCTION_WORDS,
    SHOWN_WORDS,
    Lexicon,
    near_words,
    spelling_problems,
    tag_known,
    unknown_words,
)
from assistant.quality.subject import brief_small_words, brief_things, unnamed_things
from assistant.quality.syllabus import invented_syllabus


def lexicon(ctx: QualityContext) -> Lexicon | None:
    """The post language's dictionaries plus the brief's and the kit's words."""
    found = dictionaries(ctx.language)
    if found is None:
        return None
    main, others = found
    german = ctx.language == "de"
    nouns = capitalized_words(source_texts(ctx)) if german else frozenset()
    # a brand named "The Barn", or a brief that says "Kaffee to go", keeps its words
    foreign = ENGLISH_FUNCTION_WORDS - (kit_vocabulary(ctx) | own_names(ctx) | word_set(
        (ctx.brief or "",))) if german else foreign_guideline_words(ctx)
    return Lexicon(main, others, brand_words(ctx), compounds=german, nouns=nouns,
                   foreign=foreign)


_LOADING = threading.Lock()
# One thread for loading: concurrent drafts queue their calls here (only the first loads)
# instead of each blocking a worker of the event loop's executor that a kit search needs.
_LOADER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="postwerk-word-lists")
log = logging.getLogger(__name__)


def load_word_lists(language: str) -> None:
    """Load what the checks of ``language`` read (its dictionaries, the names and, for
    German, the noun index and the place names: ~1-2 s on a fresh process) now and once:
    drafting loads them (:func:`aload_word_lists`) while its first request is out, so that
    the first reply's checks do not hold up the others (concurrent callers wait for the one
    load instead of doing it again)."""
    with _LOADING:
        found = dictionaries(language)
        given_names()
        german_plain_names()
        if found is not None and language == "de":
            noun_index()
            place_names()


async def aload_word_lists(language: str) -> None:
    """:func:`load_word_lists` off the event loop, for drafting to start before a request.
    It never raises: a list that cannot load raises again, with its own message, in the
    checks that read it, and fails only the drafts that needed it."""
    try:
        await asyncio.get_running_loop().run_in_executor(_LOADER, load_word_lists, language)
    except Exception as exc:  # noqa: BLE001 - reported by the checks themselves
        log.info("word lists for %s not loaded ahead: %s", language, exc)


def _spelling(text: str, ctx: QualityContext, lex: Lexicon) -> list[Problem]:
    # a first name is not a misspelling (whether it may stand there is invented_fact's job)
    given = given_names()
    words = [w for w in unknown_words(text, lex) if w not in given]
    hints = {w: near_words(w, lex, ctx.language) for w in words[:SHOWN_WORDS]}
    return spelling_problems(words, hints)


def _written_small(lex: Lexicon, word: str) -> bool:
    """A word the brand writes small ("dbt"): one of its own words that the post
    language's dictionary does not know (it knows "für", which begins no line small)."""
    folded = word.casefold()
    return folded in lex.own and not lex.main.spell(word)


def brief_places(language: str) -> frozenset[str]:
    """The place names ``missing`` looks for anywhere in a brief: the German noun index's
    toponyms ("Äthiopien", "Kolumbien") for a German post; none for another language."""
    return place_names() if language == "de" else frozenset()


def misspelled_tags(tags: Sequence[str], ctx: QualityContext) -> list[str]:
    """The tags of ``tags`` with a word that neither the post language's dictionaries nor
    the brief and the kit know ("#Kolombien", "#Weihnachtsfeiheit": 10 of 161 tags the 1.5B
    model proposed in the bench). The spelling check reads no tags; drafting leaves the
    model's misspelled ones out."""
    lex = lexicon(ctx)
    return [] if lex is None else [tag for tag in tags if not tag_known(tag, lex)]


def grammar_lexicon(lex: Lexicon, names: Mapping[str, int] = MappingProxyType({})
                    ) -> GrammarLexicon:
    """What the German grammar rules know: the noun index, the dictionary, the names
    (people's and places': "Lieber Mark", "Typisch Hamburg" are no agreement errors), and
    ``names`` of several words with their learned genus."""
    given, plain, places = given_names(), german_plain_names(), place_names()
    return GrammarLexicon(nouns=noun_index(), is_word=lex.main.spell,
                          is_name=lambda word: word in given or word in plain or word in places,
                          names=names, places=places)


def kit_voice_texts(ctx: QualityContext) -> tuple[str, ...]:
    """The kit's guidelines and example posts in the post's language, those not empty:
    how the brand speaks."""
    examples = [e.text for e in ctx.kit.examples if e.language == ctx.language] \
        if ctx.kit is not None else []
    return tuple(text for text in (ctx.guidelines, *examples) if text)


def person_texts(ctx: QualityContext) -> tuple[str, ...]:
    """What a person wrote in the post's language: the brief, the kit's guidelines and
    example posts (the German grammar rules learn names' genus from them)."""
    return (ctx.brief or "", *kit_voice_texts(ctx))


@lru_cache(maxsize=64)
def _names_of(texts: tuple[str, ...]) -> Mapping[str, int]:
    return MappingProxyType(learned_names(texts))


def grammar_lexicon_for(language: str) -> GrammarLexicon | None:
    """The grammar rules' lexicon for a post in ``language`` (tidy's preferred terms read
    it); None for a language other than German."""
    found = dictionaries(language) if language == "de" else None
    if found is None:
        return None
    return grammar_lexicon(Lexicon(found[0], found[1], frozenset(), compounds=True))


def _grammar(text: str, ctx: QualityContext, lex: Lexicon) -> list[Problem]:
    if ctx.language == "en":
        return fragment_problems(text, english_verb_lexicon())
    if ctx.language != "de":
        return []
    return grammar_problems(text, grammar_lexicon(lex, _names_of(person_texts(ctx))))


@lru_cache(maxsize=1)
def english_verb_lexicon() -> VerbLexicon:
    verbs, nouns = english_verbs()
    return VerbLexicon(is_verb=verbs.__contains__, is_noun=nouns.__contains__)


def carry_lexicon(ctx: QualityContext, lex: Lexicon) -> CarryLexicon:
    """German nouns from the noun index (not words the dictionary knows written small),
    compounds listed in neither, and the index's places; an English post needs none of
    them (its names are capitalised)."""
    if ctx.language != "de":
        return CarryLexicon(is_noun=_never, is_coined=_never, is_place=_never)
    nouns, places = noun_index(), place_names()

    def small(word: str) -> bool:  # "Als" is an island and "als" a word: a word first
        return bool(lex.main.spell(word.lower()))

    return CarryLexicon(
        is_noun=lambda word: word.lower() in nouns and not small(word),
        is_coined=lambda word: word.lower() not in nouns and not small(word),
        is_place=lambda word: word in places and not small(word), given=given_names())


def _never(word: str) -> bool:
    return False


def invented_pieces(text: str, ctx: QualityContext, lex: Lexicon | None,
                    examples: tuple[str, ...]) -> list[str]:
    """What the post states that no source does, as written: facts, names, tasting notes,
    what a course teaches, and what it carries over from the kit's examples."""
    names = []
    carried: list[str] = []
    if lex is not None:
        lists = NameLists(given_names(), german_plain_names(), kit_vocabulary(ctx))
        names = find_names(text, lex, lists, ctx.language)
        carried = carried_over(text, ctx.language, examples, stated_texts(ctx),
                               carry_lexicon(ctx, lex))
    texts, briefed, stated = source_texts(ctx), brief_sources(ctx), offer_texts(ctx)
    found = invented(text, ctx.language, Known.of(texts, ctx.language), names,
                     word_set(briefed))
    found += invented_days(text, ctx.brief or "", texts, ctx.language)
    found += invented_notes(text, ctx.brief or "", texts)
    found += invented_offers(text, stated)
    found += invented_frames(text, stated, ctx.language)
    found += invented_events(text, briefed)
    found += invented_syllabus(text, briefed, ctx.language) if ctx.brief else []
    return list(dict.fromkeys(found + carried))


def _facts(text: str, ctx: QualityContext, lex: Lexicon | None,
           whole: bool = True) -> list[Problem]:
    examples = tuple(e.text for e in ctx.kit.examples) if ctx.kit is not None else ()
    problems = invented_fact_problems(invented_pieces(text, ctx, lex, examples), examples)
    problems += reversal_problems(text, ctx.brief or "")
    if ctx.brief and whole:
        problems += missing_fact_problems(lacking_facts(text, ctx))
    return problems + repeated_fact_problems(repeated_facts(text, ctx.language))


def lacking_facts(text: str, ctx: QualityContext) -> list[str]:
    """The facts of the brief (its part a post must carry) that ``text`` leaves out, as
    ``missing_fact`` reads them."""
    brief, own = required_brief(ctx), own_names(ctx)
    found = missing(text, brief, ctx.language, own, brief_places(ctx.language))
    head = partial(compound_head, nouns=noun_index()) if ctx.language == "de" else None
    said = {piece.casefold() for piece in found}
    also = brief_small_words(brief) if ctx.language == "de" else ()
    banned = frozenset(entry.word.casefold() for entry in ctx.kit.banned_words) \
        if ctx.kit is not None else frozenset()
    return found + [thing for thing in unnamed_things(
        text, list(_things(brief, ctx.language, own, banned)), head, also)
        if thing.casefold() not in said]


@lru_cache(maxsize=64)
def _things(brief: str, language: str, own: frozenset[str],
            banned: frozenset[str]) -> tuple[str, ...]:
    """The things ``brief`` is about (``subject.brief_things``): for a German brief its
    capitalised words that the dictionary does not know written small."""
    found = dictionaries(language) if language == "de" else None
    if language == "de" and found is None:
        return ()

    def is_noun(word: str) -> bool:
        return found is not None and not found[0].spell(word.lower())

    return tuple(brief_things(brief, language, is_noun, brief_places(language), own, banned))


def quality_problems(text: str, hashtags: Sequence[str], ctx: QualityContext) -> list[Problem]:
    """Every quality finding for one post, errors first. ``hashtags`` are the post's tags
    kept apart from its text; they are the brand's choice, not facts or prose to check."""
    del hashtags  # tags are checked by the brand rules; nothing here reads them
    examples = [e.text for e in ctx.kit.examples] if ctx.kit is not None else []
    return [*_text_problems(text, ctx, whole=True),
            *copies_example_problems(text, examples)]


def comment_quality_problems(text: str, ctx: QualityContext) -> list[Problem]:
    """The quality findings of a post's first comment: the post's checks, except the two
    that read a whole post (a comment need not restate the brief's facts, and a short
    one is no copy of an example)."""
    return _text_problems(text, ctx, whole=False)


def _text_problems(text: str, ctx: QualityContext, whole: bool) -> list[Problem]:
    lex = lexicon(ctx)
    facts = _facts(text, ctx, lex, whole) if ctx.brief is not None else []
    return [
        *placeholder_problems(text, preferred_terms(ctx), brief_sources(ctx)),
        *[p for p in facts if p.is_error],
        *[p for p in facts if not p.is_error],
        *(_spelling(text, ctx, lex) if lex is not None else []),
        *(_grammar(text, ctx, lex) if lex is not None else []),
        *cut_off_problems(text, ctx.brief),
        *(lowercase_start_problems(text, partial(_written_small, lex))
          if lex is not None else []),
        *repeated_problems(text),
        *(topic_below_fold_problems(text, required_brief(ctx), ctx.platform)
          if ctx.brief and whole else []),
        *link_in_bio_problems(text, ctx.platform),
        *link_below_problems(text, ctx.link),
        *(claim_problems(text, ctx.brief) if ctx.brief else []),
        *(daypart_problems(text, ctx.brief, ctx.language) if ctx.brief else []),
        *(brief_only_problems(text, ctx.brief, ctx.kit.brief_only_words)
          if ctx.brief and ctx.kit is not None else []),
        *first_person_problems(text, ctx.language, kit_voice_texts(ctx)),
        *(own_handle_problems(text, own_accounts(channel.handle for channel in ctx.kit.channels))
          if ctx.kit is not None else []),
        *emoji_not_in_kit_problems(text, ctx.kit),
        # without a kit the language is a default ("de"), not one the post was asked for
        *(sentence_language_problems(text, ctx.language) if ctx.kit is not None else []),
    ]
