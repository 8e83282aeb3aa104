"""Tidy a model's post before it is checked: take out what a person would always take out
(pure, deterministic, never adds words of its own).

Small models keep writing "Link in Bio" on platforms whose posts carry the link, and emoji
that the brand never uses, whatever the prompt says; both are warnings that would send the
draft to "needs a look" and cost a repair call. The rules are the checks' own
(``linkbio.find_link_in_bio``, ``emoji.foreign_emoji``), so what is tidied here is exactly
what the checks would flag:

* a bio hint becomes the post's link where there is one ("Anmeldung: Link in Bio" ->
  "Anmeldung: https://..."); without a link the hint goes, with an arrow or a short label
  that only pointed at it ("Mehr Infos: Link in Bio!", "👉 Link in Bio"). Where links do
  not work, a bio hint said twice is said once (the last stays);
* emoji outside the kit's list are removed (the kit lists its emoji: ``emoji.allowed``),
  and every emoji where the kit allows none (``emoji.limit`` 0);
* invisible characters that belong to no emoji (a variation selector after a space, a
  zero-width space) go, and so do runs of spaces and blank lines (one stays);
* Markdown emphasis ("die **perfekte** Barista") loses its marks: no platform renders it,
  the reader sees the asterisks. Single asterisks stay (they are also the gender star). A
  web address or a bio hint in square brackets loses them ("[Link in bio]" reads as a
  template leftover), and a Markdown link "[Text](https://...)" becomes "Text:
  https://...";
* a German post that says Sie where the kit says du is turned into du when every formal
  form is one a person would mend without thinking (``formality_fix``), and the brief's
  article or possessive comes back where the post says the brief's phrase in the brief's
  place with another form of it ("unsere Partnerkooperative zahlen wir" -> "unserer",
  ``briefforms``), and the brief's separable verb its particle where the post dropped it
  ("Wir stellen unseren Hafer-Cappuccino ab Montag im Café" -> "... vor",
  ``briefparticles``), and "wir" first where the post opens a statement with the verb that
  the brief says after its first part ("Stellen wir unseren Hafer-Cappuccino ... vor." ->
  "Wir stellen ..."), and the brief's noun its capital where the post writes it small and
  the dictionary does not know it so ("mit handmühle Hansen H2" -> "Handmühle",
  ``smallnouns``);
* a web address that no source states (the test of ``invented_fact``: not the brief's link,
  not in the brief or the kit's facts) goes, with the label or arrow that pointed at it
  ("Mehr: https://..."), when the brief is known; and so does the year of a date whose
  day a source states but whose year none does ("am 12. Dezember 2023" -> "am 12.
  Dezember");
* (these four strikes live in ``borrowed``) a sentence taken from the kit's guideline
  documents that carries no fact of the brief goes (it says how to write, or describes the
  brand, it is not what the brief is about), when another sentence stays;
* a sentence taken from a kit example that carries a fact no source states ("Wir rösten
  zweimal die Woche in Chargen von 15 Kilo ...", copied into a holiday greeting), or a
  statement with no fact of the brief at all ("Wir rösten live, erklären, was im Röster
  passiert ...", in a post on a new coffee), goes, when the brief is known and another
  sentence stays: the example shows the voice, what it says is not today's news (the
  ``invented_fact`` test on the sentence, ``copied_share``); its calls and short
  questions stay, a question of eight words or more with none of the brief's topic words
  goes ("Du schmeckst gern genau hin, arbeitest sorgfältig ...?" from the job ad, in a
  post on new opening hours);
* the kit's usual call to action goes where the brief has a call of its own ("Komm
  vorbei im Kontor oder bestell im Shop" under "Anmeldung im Laden oder per Mail",
  ``calls.usual_call``), when another sentence stays;
* a sentence or line that another sentence of the post says in full, word for word, goes
  (the later of two equal ones), and so does a run of three words or more said twice with
  nothing between ("Bewerbung per Mail an moin@... Bewerbung per Mail an moin@..."), and a
  label line that the next line begins with ("Anmeldung:" over "Anmeldung im Laden ..."):
  a small model's echo, never new information; the post's
  link said twice stays only where it stands last, or where a sentence leads to it
  (``one_link``, after drafting has put the tagged link in);
* the rules a person accepted into the kit: its banned emoji go like foreign ones
  (``rules.banned_emoji``), its never-tags, preferred terms and opener are applied by
  ``kit_rules``;
* the brand's name as a label before a line goes ("Möwenbohne Kaffeekontor: Frohe
  Weihnachten!", ``linestart.without_name_labels``): the post stands under that name;
* a line begun in small letters whose first word the dictionary knows as written and
  that does not go on from the line before ("für unser Café in Altona" under "20 Stunden
  pro Woche") begins large (``linestart``);
* a German agreement error that the grammar check finds with exactly one correction is
  corrected ("mit maximal 8 Plätze" -> "Plätzen", "Wir suchen ein Barista" -> "einen
  Barista"), when every rule run again finds fewer errors and no new one
  (``grammar_de.mend_grammar``); one with two possible corrections ("Der Kontor": das or
  dem?) is left to the check and the repair.
"""

from __future__ import annotations

import regex

from assistant.brand.schema import BrandKit
from assistant.quality.borrowed import (
    copied_examples,
    without_doubled_runs,
    without_echoes,
    without_guidance,
    without_sentences,
    without_usual_call,
)
from assistant.quality.briefforms import keep_brief_forms
from assistant.quality.briefparticles import keep_brief_order, keep_brief_particles
from assistant.quality.context import QualityContext
from assistant.quality.dictionary import dictionaries
from assistant.quality.emoji import foreign_emoji
from assistant.quality.factcheck import Known, invented_urls, without_made_up_years
from assistant.quality.facts import trim_web
from assistant.quality.filler import brief_nouns, empty_definition
from assistant.quality.formality_fix import mend_address
from assistant.quality.grammar_de import mend_grammar
from assistant.quality.grammar_words import GrammarLexicon
from assistant.quality.kit_rules import apply_kit_rules, clean_gaps
from assistant.quality.linestart import capitalised, without_name_labels
from assistant.quality.linkbio import bio_hints, find_link_in_bio, links_work
from assistant.quality.placeholders import (
    SELF_REFERENCE,
    SHOWN_EXAMPLE,
    without_part_labels,
)
from assistant.quality.smallnouns import nouns_written_large
from assistant.quality.sources import source_texts
from assistant.quality.splitwords import joined_brief_words
from assistant.rules import banned_emoji, emoji_key, find_emoji

# what only points at the hint: a short label with a colon ("Mehr Infos:"), or arrows,
# dashes and an opening bracket ("👉", "– 🔗", "("); a call to action before a dash stays
_POINTER_BEFORE = regex.compile(
    r"(?:[\p{L}\p{N} ]{0,25}:\s*|(?:[👉👇⬇➡→>(\[–—🔗-]\ufe0f?\s*)+)$")
_SENTENCE_END = regex.compile(r"[.!?…]+|\n|$")
_CLOSING = regex.compile(r"\s*[)\]]")
_MARKS = regex.compile(r"[.!?…]*")
_MARKDOWN_EMPHASIS = regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# a web address or a bio hint in square brackets, or a Markdown link: no platform renders
# either, and the brackets read as a template leftover ("Learn more at [https://...]", a
# LinkedIn draft; "Book your spot now at [Link in bio]!", an Instagram one)
_BRACKETED = regex.compile(r"\[([^\[\]\n]+)\]")
_WEB_ADDRESS = regex.compile(r"https?://[^\s\[\]]+")
_MARKDOWN_LINK = regex.compile(r"\[([^\[\]\n]{1,80})\]\((https?://[^\s()]+)\)")
# invisible characters that belong to no emoji: a variation selector after a space, a
# zero-width space. Held off a digit by the grammar, the model filled Instagram's hook
# with 50 variation selectors ("Röstkurs am ️️️…"), and the draft was "ready" (bench,
# 2026-11-30)
_STRAY_INVISIBLE = regex.compile(r"(?<![\p{Emoji}\u200d])[\ufe0e\ufe0f\u200b\u200c\u2060]+")
# a label on a line of its own that the next line begins with: "Anmeldung:" over
# "Anmeldung im Laden oder per Mail." (a ready Instagram draft, bench 2026-12-02)
_ECHOED_LABEL = regex.compile(r"(?im)^[ \t]*(\p{L}[\p{L} -]{1,30}):[ \t]*\n(?=[ \t]*\1\b)")
MAX_HINTS = 5  # a post with more bio hints than this is left to the checks


def tidy_post(text: str, kit: BrandKit, platform: str, link: str | None, *,
              language: str = "de", lex: GrammarLexicon | None = None,
              brief: str | None = None, guidelines: str = "") -> str:
    """``text`` with misplaced bio hints, invented links, foreign and banned emoji and
    Markdown emphasis taken out, the kit's du mended and its accepted rules applied (see
    the module doc); ``lex`` is the German noun lexicon the preferred terms need, ``brief``
    the brief the post was written from (None: links are left to the checks), ``guidelines``
    the text of the kit's guideline documents (a source, as for the checks)."""
    # runs of spaces as one ("Neue   ab 5. Januar." was a ready Instagram line, CLI
    # 2026-12-02), no space at a line's end or before a mark, at most one blank line
    text = clean_gaps(_STRAY_INVISIBLE.sub("", text))
    text = _MARKDOWN_EMPHASIS.sub(r"\2", text)
    text = _BRACKETED.sub(_unbracket, _MARKDOWN_LINK.sub(r"\1: \2", text))
    text = _bio_hints(text, platform, link)
    if brief is not None:
        text = _brief_words_joined(text, brief, language)
        context = QualityContext(brief=brief, link=link, language=language,
                                 platform=platform, kit=kit, guidelines=guidelines)
        sources = Known.of(source_texts(context), language)
        text = without_made_up_years(_invented_links(text, sources), sources, language)
        text = copied_examples(text, kit, sources, language, brief)
        text = without_usual_call(text, kit.cta, brief, language)
        if language == "de":
            nouns = brief_nouns(brief)
            text = without_sentences(text, lambda sentence: empty_definition(sentence, nouns))
    text = without_guidance(text, guidelines, language, brief)
    text = without_sentences(without_part_labels(text),
                              lambda sentence: SHOWN_EXAMPLE.search(sentence) is not None
                              or SELF_REFERENCE.search(sentence) is not None)
    text = _ECHOED_LABEL.sub("", without_echoes(without_doubled_runs(text)))
    text = _drop_emoji(text, kit)
    if language == "de":
        text = mend_address(text, kit.formality)
        text = keep_brief_order(keep_brief_particles(keep_brief_forms(text, brief), brief),
                                brief) if brief else text
        text = _brief_nouns_large(text, brief) if brief else text
    text = apply_kit_rules(text, kit, language, lex)
    text = _capitalised(without_name_labels(text, (kit.name, kit.legal.name)), language)
    return mend_grammar(text, lex) if language == "de" and lex is not None else text


def one_link(text: str, link: str) -> str:
    """The post's link said once: where the model wrote it twice or more ("... at no extra
    cost. https://..." and "Try it free for 30 days - https://...", a ready LinkedIn draft,
    bench 2026-12-01), the earlier ones go with what only points at them. One that a
    sentence of its own words leads to ("Details unter https://... und im Laden") stays,
    and a later one that stands bare goes ("Register now at https://... . https://...", a
    ready Mastodon draft, bench 2026-12-02)."""
    for _ in range(MAX_HINTS):
        places = [found for found in _WEB_ADDRESS.finditer(text)
                  if trim_web(found.group()) == link]
        gone = next((found for found in places[:-1]
                     if _pointed_at(text, found.start(), found.start() + len(link))), None)
        if gone is None and len(places) > 1 and _bare(text, places[-1].start()):
            gone = places[-1]  # the one a sentence leads to stays, a bare repeat goes
        if gone is None:
            break
        text = _take_out(text, gone.start(), gone.start() + len(link))
    return text


def _bare(text: str, start: int) -> bool:
    """Whether what stands at ``start`` opens its sentence, with no word before it."""
    head, _ = _sentence(text, start, start)
    return not text[head:start].strip()


def _capitalised(text: str, language: str) -> str:
    """A list line begun in small letters written large (``linestart.capitalised``)."""
    found = dictionaries(language)
    return text if found is None else capitalised(text, found[0].spell)


def _brief_words_joined(text: str, brief: str, language: str) -> str:
    """The brief's words that the model wrote with a space inside joined (``splitwords``)."""
    found = dictionaries(language)
    return text if found is None else joined_brief_words(text, brief, found[0].spell)


def _brief_nouns_large(text: str, brief: str) -> str:
    """The brief's nouns written small written large (``smallnouns``)."""
    found = dictionaries("de")
    return text if found is None else nouns_written_large(text, found[0].spell, brief)


def _unbracket(match: regex.Match[str]) -> str:
    """ "[https://...]" and "[Link in bio]" without their brackets; any other bracket stays
    (a template leftover, for the check)."""
    inner = match.group(1)
    hints = bio_hints(inner)
    plain = _WEB_ADDRESS.fullmatch(inner) or (hints and hints[0].group(0).strip() == inner.strip())
    return inner if plain else match.group(0)


def _bio_hints(text: str, platform: str, link: str | None) -> str:
    if not links_work(platform):
        return _one_bio_hint(text)
    for _ in range(MAX_HINTS):
        match = find_link_in_bio(text, platform)
        if match is None:
            break
        if link and link not in text and _pointed_at(text, match.start(), match.end()):
            text = text[:match.start()] + link + text[match.end():]
        else:
            text = _take_out(text, match.start(), match.end())
    return text


def _one_bio_hint(text: str) -> str:
    """Where links do not work a bio hint is right, once: all but the last go ("Link in
    Bio! Komm vorbei oder bestell im Shop – Link in Bio!", an Instagram draft)."""
    for _ in range(MAX_HINTS):
        found = bio_hints(text)
        if len(found) < 2:
            break
        text = _take_out(text, found[0].start(), found[0].end())
    return text


def _invented_links(text: str, sources: Known) -> str:
    for _ in range(MAX_HINTS):
        spans = invented_urls(text, sources)
        if not spans:
            break
        text = _take_out(text, *spans[0])
    return text


def _pointed_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone or after a label or arrow, not inside a
    sentence of its own ("unter dem Link in unserer Bio")."""
    head, _ = _sentence(text, start, end)
    return _POINTER_BEFORE.search(text, head, start) is not None or _bare(text, start)


def _take_out(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]`` and what only points at it; a sentence that
    only points at it ("Alle Infos unter dem Link in unserer Bio.") goes as a whole."""
    head, tail = _sentence(text, start, end)
    pointer = _POINTER_BEFORE.search(text, head, start)
    if pointer is None and text[head:start].strip():
        return clean_gaps(text[:head] + " " + text[tail:])
    return _cut_hint(text, pointer.start() if pointer else start, end)


def _cut_hint(text: str, cut: int, end: int) -> str:
    """Remove ``text[cut:end]`` (a hint and what points at it) and a closing bracket after
    it. A hint that was a sentence of its own takes its full stop with it; one that ended a
    sentence leaves the mark ("Jetzt anmelden – Link in Bio!" -> "Jetzt anmelden!")."""
    closing = _CLOSING.match(text, end)
    end = closing.end() if closing else end
    before = text[:cut].rstrip(" \t")
    if not before or before.endswith(("\n", *".!?…")):
        marks = _MARKS.match(text, end)
        rest = text[marks.end() if marks else end:].lstrip(" \t")
        if before.endswith("\n") and rest.startswith("\n"):
            rest = rest[1:]  # a hint on a line of its own takes its line with it
        return clean_gaps(before + " " + rest)
    return clean_gaps(before + text[end:])


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) around ``text[start:end]``."""
    heads = [text.rfind("\n", 0, start) + 1]
    heads += [found + 2 for mark in ".!?…" if (found := text.rfind(mark + " ", 0, start)) >= 0]
    tail = _SENTENCE_END.search(text, end)
    return max(heads), tail.end() if tail else len(text)


def _drop_emoji(text: str, kit: BrandKit) -> str:
    # a kit that allows no emoji wants none ("🚀 Senior Data Engineer" kept a Tessaline X
    # draft at too_many_emoji after two repairs)
    foreign = find_emoji(text) if kit.emoji.limit == 0 else foreign_emoji(text, kit)
    unwanted = {emoji_key(e) for e in [*foreign, *banned_emoji(kit, text)]}
    if not unwanted:
        return text
    for emoji in dict.fromkeys(find_emoji(text)):
        if emoji_key(emoji) in unwanted:
            text = text.replace(emoji, "")
    return clean_gaps(text)
