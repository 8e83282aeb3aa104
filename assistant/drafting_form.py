"""Option "platform form" (``draft_platform_form``): each platform's form given by the
shape of the reply, not only told in words. Pure.

With one call per platform the 1.5B model restated the brief the same way for every
platform (``same_text_as``), whatever the prompt said about length and form. It does follow
the shape of a JSON reply that the server enforces: llama.cpp (xllamacpp, built with
llguidance) turns the request's json_schema into a grammar, ``maxLength``, ``minItems``,
``maxItems`` and an anchored ``pattern`` included (checked against the embedded server), and
the model reads field names. So in split mode a platform's call asks for its post as named
parts (a hook and short lines for Instagram, a question to the readers for Facebook, three
paragraphs for LinkedIn) or, on a short platform, for a text that cannot exceed its budget;
the parts are joined into the one text every check reads (``drafting_reply``).

The constraints go into the schema the server enforces, not into parsing: an endpoint that
ignores them (a hosted API) gets a longer text, which the checker flags as usual, rather
than a reply refused as invalid. A reply without a form (the default) is bounded the same
way (``drafting_reply.free_reply``): every field capped, no first comment, alt text only
for an image.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from assistant.brand.kit import BrandKit
from assistant.briefing import text_budget
from assistant.drafting_passes import Passes
from assistant.drafting_question import QUESTION_PATTERN, question_pattern
from assistant.platforms import get_platform

# Instagram's hook: what shows above its "more" fold (125), less room for the ad label
# ("Werbung | "). At 90 the grammar cut the hook mid-word in 11 of 44 Instagram drafts of
# the bench dumps (2026-11-30/12-01): the model writes the brief's first sentence there,
# often 100-110 characters ("... für unser caf" / "in Altona", "... im K" / "Kontor ...").
# At 110, 0 of 6 such cuts against 2 of 6 at 90 in one run (bench/README.md)
HOOK_CHARS = 110
LINE_CHARS = 140
# every free part is capped too: without a cap the 1.5B model once wrote on until the
# reply hit the token limit, twice, and the brief got no draft (bench/README.md)
CONTEXT_CHARS = 300
DETAILS_CHARS = 450
CTA_CHARS = 200
TAGS: dict[str, Any] = {"maxItems": 8, "items": {"type": "string", "maxLength": 40}}
# the platforms whose form is "short": one text, held to its budget by the grammar
SHORT = ("x", "bluesky", "threads", "mastodon")


@dataclass(frozen=True)
class Part:
    """One named part of a platform's post and what it is for (named in the user text)."""

    name: str
    purpose: str
    schema: Mapping[str, Any]  # JSON-schema keywords the server's grammar enforces
    many: bool = False  # a list of lines
    facts: bool = False  # the part that carries the brief's facts


@dataclass(frozen=True)
class Form:
    """A platform's parts and how they join: paragraphs of part names, the paragraphs
    separated by ``paragraph_sep`` and the parts within one by ``line_sep``."""

    parts: tuple[Part, ...]
    layout: tuple[tuple[str, ...], ...]
    paragraph_sep: str = "\n\n"
    line_sep: str = " "


HOOK = Part("hook", "one short line that makes people stop scrolling",
            {"maxLength": HOOK_CHARS})
CTA = Part("call_to_action", "one sentence: what the reader should do now",
           {"maxLength": CTA_CHARS})
FORMS: dict[str, Form] = {
    "instagram": Form(
        (HOOK,
         Part("lines", "two or three short lines with the facts of the brief",
              {"minItems": 2, "maxItems": 3,
               "items": {"type": "string", "maxLength": LINE_CHARS}}, many=True, facts=True),
         CTA),
        (("hook", "lines", "call_to_action"),), line_sep="\n"),
    "facebook": Form(
        (Part("question_to_readers", "a question to your readers about the brief's topic, "
              "ending in '?'", {"pattern": QUESTION_PATTERN}),
         Part("details", "two or three sentences with the facts of the brief",
              {"maxLength": DETAILS_CHARS}, facts=True),
         CTA),
        (("question_to_readers",), ("details", "call_to_action"))),
    "linkedin": Form(
        (Part("context", "why this matters to the reader or the team",
              {"maxLength": CONTEXT_CHARS}),
         Part("details", "the facts of the brief", {"maxLength": DETAILS_CHARS}, facts=True),
         CTA),
        (("context",), ("details",), ("call_to_action",))),
}


# what a part is told when the model should not restate the brief word for word
OWN_WORDS = "in your own words, not the brief's wording"


def short_form(budget: int, own_words: bool = False, opener: bool = False) -> Form:
    """One text held to ``budget``; ``own_words`` (option ``draft_own_words``, a brief's
    second short platform): asked in the model's own words. X and Bluesky, or X and
    Mastodon, both restated the brief word for word in 3 of 6 English briefs (bench,
    2026-11-30/12-01); told so, the second paraphrased it in some ("Make sure to rinse
    your paper filter ... It not only removes the papery taste but also warms the cup").
    ``opener`` (option ``draft_short_opener``): the text follows a sentence of its own to
    the reader (:func:`with_opener`), where the budget leaves room for both."""
    how = f"{OWN_WORDS}, " if own_words else ""
    if opener and budget >= OPENER_CHARS + OPENER_MIN_TEXT:
        return with_opener(budget, how)
    text = Part("text", f"the whole post {how}at most {budget} characters",
                {"maxLength": budget})
    return Form((text,), (("text",),))


# a short platform's opener: one sentence that ends in "!" or "?" and holds no other
# sentence end (the anchors as in QUESTION_PATTERN); the text after it keeps the rest of
# the budget, at least OPENER_MIN_TEXT characters for the brief's facts
OPENER_CHARS = 60
OPENER_MIN_TEXT = 100
OPENER_PATTERN = r"^[^\n?!.]{6,58}[^\n?!.:;, ][!?]$"


def with_opener(budget: int, how: str = "") -> Form:
    """A short platform's post as an opener to the reader and then the facts. The 1.5B
    model's X, Bluesky and Mastodon posts were the brief restated and little else, so any
    other platform that carried the brief held all of them: ``same_text_as`` on 12 of 24
    briefs (bench, 2026-12-02), and a rewrite told to differ came back the same in 15 of
    17 tries. A sentence of the post's own, which names no fact, is what the brief cannot
    give it."""
    opener = Part("opener", "one short sentence to the reader that makes them care: a "
                  "question or an exclamation, with no date, time, price or number",
                  {"pattern": OPENER_PATTERN})
    room = budget - OPENER_CHARS - 1
    text = Part("text", f"the facts of the brief {how}in at most {room} characters",
                {"maxLength": room}, facts=True)
    return Form((opener, text), (("opener", "text"),))


def bare_hook(form: Form) -> Form:
    """``form`` with Instagram's hook and Facebook's question told to name the topic
    without its date, time or price (option ``draft_bare_hook``): the 1.5B model said them
    there and again in the lines or details, which ``repeated_fact`` flags ("Wie geht es
    dem Röstkurs am 12. Dezember?" over "Der Röstkurs am 12. Dezember, 18 Uhr, ...")."""
    return _told(form, lambda part: part.name in ("hook", "question_to_readers"),
                 "; it names the topic, not its date, time or price (those go in the part "
                 "with the facts)")


def reworded(form: Form) -> Form:
    """``form`` with the part that carries the facts asked in the model's own words (option
    ``draft_reword_later``, a platform after the brief's first): Instagram's lines,
    Facebook's details and X's text all restated the brief word for word in 3 of 6 German
    briefs (bench, 2026-12-01: "Neuer Filterkaffee aus Kolumbien, Noten von roter
    Johannisbeere und Kakao, ab Samstag im Kontor und im Shop" three times)."""
    return _told(form, lambda part: part.facts, f", {OWN_WORDS}")


def _told(form: Form, applies: Callable[[Part], bool], addition: str) -> Form:
    """``form`` with ``addition`` to the purpose of each part that ``applies`` (the server's
    grammar, the parts' schemas, stays as it is)."""
    return replace(form, parts=tuple(
        replace(part, purpose=part.purpose + addition) if applies(part) else part
        for part in form.parts))


# the list form needs room for a headline and two lines of a few words each
LIST_MIN_BUDGET = 120
HEADLINE_CHARS = 50
LABEL_CHARS = 14
NO_LINK = "no link: it is added below"


def label_value(label_cap: int, value_cap: int) -> dict[str, Any]:
    """The JSON schema of one "label: value" line of a list part (``drafting_reply`` joins
    such an item as that line)."""
    return {"type": "object", "additionalProperties": False, "required": ["label", "value"],
            "properties": {"label": {"type": "string", "maxLength": label_cap},
                           "value": {"type": "string", "maxLength": value_cap}}}


def list_form(budget: int) -> Form:
    """The form of a brief's second short platform (option ``draft_short_list``): a
    headline in the model's own words, then the facts as "label: value" lines. Two short
    platforms in one form (X and Bluesky, X and Mastodon) both restated the brief the same
    way in 3 of 6 English briefs (bench, 2026-11-30); facts as lines of a few words cannot
    be the sentence the other platform restates. The parts share the platform's budget.
    Measured, it parted them, but its lines read badly: off (bench/README.md)."""
    lines = 3 if budget >= 2 * LIST_MIN_BUDGET else 2
    # each line "label: value" and a line break
    value_cap = min(LINE_CHARS // 2, (budget - HEADLINE_CHARS) // lines - LABEL_CHARS - 3)
    # a headline, not a sentence: an intro sentence held to a third of a link post's
    # budget stopped mid-sentence ("... to work on the '.") and restated the brief like the
    # other short platform (CLI, 2026-11-30); a few words fit any cap
    headline = Part("headline", "a headline of three to six words, in your own words, with "
                    f"no date, time, price or number ({NO_LINK})",
                    {"maxLength": HEADLINE_CHARS})
    # a label and a value: asked for "short lines of a few words", the model wrote sentences
    # that the cap cut ("We are hiring a senior data engineer to a", CLI, 2026-11-30)
    pair = label_value(LABEL_CHARS, value_cap)
    facts = Part("facts", f"two or three facts of the brief, each a short label (what, when, "
                 f"where, who) and its value in a few words ({NO_LINK})",
                 {"minItems": 2, "maxItems": lines, "items": pair}, many=True)
    return Form((headline, facts), (("headline",), ("facts",)), paragraph_sep="\n",
                line_sep="\n")


def facts_first(form: Form) -> Form:
    """``form`` with the part that carries the brief's facts asked for first (option
    ``draft_facts_first``); the post still joins in the form's layout. The server's grammar
    writes the fields in the schema's order, and asked for the hook first, the 1.5B model
    began the brief there and ran on into the lines: the hook cut at its cap mid-word and
    the first line going on with the rest ("... für unser caf" / "en Altona", 4 of 4 German
    Instagram drafts of a bench run, 2026-11-30). Written after the facts, the hook and the
    question were meant only to frame them; measured, they lost their topic instead and
    the same text on two platforms rose (bench/README.md), so the option is off."""
    parts = tuple(sorted(form.parts, key=lambda part: not part.facts))
    return replace(form, parts=tuple(_HOOK_AFTER if part.name == "hook" else part
                                     for part in parts))


# written after the lines, the hook began with the facts again ("Viel Spaß mit deinem
# Kaffee! Ab dem 27. Dezember sind wir wieder für euch da.", CLI, 2026-11-30); it is told
# to leave them out. A grammar that forbade digits in it made things worse: held off the
# "12" it wanted, the model filled the hook with 50 invisible variation selectors
# ("Röstkurs am ️️️…", bench, 2026-11-30)
_HOOK_AFTER = Part("hook", "one short line above those lines that makes people stop "
                   "scrolling, with no date, time, price or number",
                   {"maxLength": HOOK_CHARS})


def short_rank(platform: str, platforms: Sequence[str]) -> int:
    """How many short platforms come before ``platform`` among a brief's ``platforms``."""
    before = platforms[:platforms.index(platform)] if platform in platforms else platforms
    return sum(other in SHORT for other in before)


def platform_form(passes: Passes, platforms: Sequence[str], kit: BrandKit,
                  sponsored: bool, link: str | None = None, rank: int = 0,
                  order: int = 0) -> Form | None:
    """The form of a call's reply: only with the option on and one call per platform (the
    one-call-for-all-platforms reply stays one "text" per post). ``rank``: the platform's
    :func:`short_rank` in its brief; with ``draft_short_list`` every second short platform
    gets the list form, with ``draft_own_words`` it is asked in its own words. ``order``:
    the platform's place in its brief (from 0); with ``draft_reword_later`` every platform
    after the first is asked for its facts in its own words (:func:`reworded`)."""
    if not (passes.platform_form and passes.split_platforms) or len(platforms) != 1:
        return None
    second = rank % 2 == 1
    later = passes.reword_later and order > 0
    form = form_for(platforms[0], kit, sponsored, link, listed=passes.short_list and second,
                    own_words=(passes.own_words and second) or later,
                    opener=passes.short_opener, reader_question=passes.reader_question,
                    facebook_hook=passes.facebook_hook, linkedin_hook=passes.linkedin_hook,
                    linkedin_list=passes.linkedin_list)
    if form is not None and later:
        form = reworded(form)
    if form is not None and passes.bare_hook:
        form = bare_hook(form)
    return facts_first(form) if form is not None and passes.facts_first else form


def parting_form(passes: Passes, platform: str) -> Form | None:
    """The form a near-same text is rewritten in (the parting round), when its call did not
    already have one: the structured platforms' (Instagram, Facebook, LinkedIn), whose
    shape differs from a plain restated brief; a short platform stays one text."""
    if passes.platform_form:
        return None
    return FORMS.get(platform)


def form_line(platforms: Sequence[str], form: Form | None) -> str:
    """What the platform rules of the user text gain: a line naming the parts, if any."""
    return "" if form is None else "\n" + form_rule(platforms[0], form)


def form_for(platform: str, kit: BrandKit, sponsored: bool, link: str | None = None,
             listed: bool = False, own_words: bool = False,
             opener: bool = False, reader_question: bool = False,
             facebook_hook: bool = False, linkedin_hook: bool = False,
             linkedin_list: bool = False) -> Form | None:
    """The form of ``platform``'s post, or None where the reply stays one free "text";
    ``listed``: a short platform's :func:`list_form`, where its budget has room for it;
    ``own_words``, ``opener``: as :func:`short_form` takes them; ``reader_question``,
    ``facebook_hook``: as :func:`facebook_form` takes them; ``linkedin_hook``,
    ``linkedin_list``: as :func:`linkedin_form` takes them."""
    if platform in SHORT:
        budget = text_budget(get_platform(platform), kit, sponsored, link)
        if listed and budget >= LIST_MIN_BUDGET:
            return list_form(budget)
        return short_form(budget, own_words, opener)
    if platform == "facebook":
        return facebook_form(kit.formality, reader_question, facebook_hook)
    if platform == "linkedin":
        return linkedin_form(linkedin_hook, linkedin_list)
    return FORMS.get(platform)


def linkedin_form(hook: bool = False, listed: bool = False) -> Form:
    """LinkedIn's form: why the news matters, its facts, a call to action; with ``hook``
    (option ``draft_linkedin_hook``) a hook line in place of the first paragraph, the line
    LinkedIn shows above its "see more" fold. On the 1.5B model the German "why it matters"
    paragraph was filler or nonsense in most drafts ("nicht nur ein Kaffee, sondern ein Teil
    des Lebens", "der uns helfen kann, uns die Röster zu rösten", bench 2026-12-05). With
    ``listed`` (option ``draft_linkedin_list``) the facts come as :data:`FACT_LINES`."""
    form = FORMS["linkedin"]
    if listed:  # the context told to leave the facts to the lines, which it restated
        form = replace(form, parts=tuple(FACT_LINES if part.facts else part
                                         for part in form.parts), line_sep="\n")
        form = _told(form, lambda part: part.name == "context", "; it names the topic, not "
                     "its date, time, price or number (those go in the details)")
    if not hook:
        return form
    return replace(form, parts=(HOOK, *form.parts[1:]), layout=(("hook",), *form.layout[1:]))


# LinkedIn's facts as "label: value" lines (option ``draft_linkedin_list``), the form its
# event and job posts often take ("Wann: Samstag, 7. Dezember, 11 Uhr" / "Wo: im Kontor").
# In sentences, the 1.5B model's LinkedIn details were the brief word for word, and any
# shorter platform that restated the brief too was the same text (``same_text_as`` with
# LinkedIn in 3 of the 7 such briefs of a full run, bench 2026-12-06); lines of a label and
# a few words cannot be that sentence. LinkedIn's budget leaves the values room, unlike
# the short platforms' list (:func:`list_form`), whose caps cut words
FACT_LINES = Part(
    "details", "the facts of the brief as two to five lines, each a short label (what, when, "
    "where, price, how to sign up or apply) and its value in a few words",
    {"minItems": 2, "maxItems": 5, "items": label_value(24, LINE_CHARS)},
    many=True, facts=True)


def facebook_form(formality: str, reader_question: bool = False,
                  hook: bool = False) -> Form:
    """Facebook's form for a kit that says ``formality``: its question to the readers held
    to :func:`question_pattern` (``reader_question``: opened by a verb to the reader), or
    with ``hook`` (option ``draft_facebook_hook``) a free hook line instead, Instagram's,
    which the 1.5B model filled with a sound line where the forced question asked nonsense
    ("Was ist der Silvester-Tag für uns?")."""
    form = FORMS["facebook"]
    if hook:
        return replace(form, parts=(HOOK, *form.parts[1:]),
                       layout=(("hook",), *form.layout[1:]))
    return replace(form, parts=tuple(
        replace(part, schema={"pattern": question_pattern(formality, reader_question)})
        if part.name == "question_to_readers" else part for part in form.parts))


def form_rule(platform: str, form: Form) -> str:
    """The line of the user text that names the parts, so the model knows each field's use."""
    if len(form.parts) == 1:
        part = form.parts[0]
        return f'"{part.name}" of the {platform} post: {part.purpose} (no more fits).'
    named = "; ".join(f'"{part.name}": {part.purpose}' for part in form.parts)
    return (f'Instead of one "text", give the {platform} post in these parts (they are '
            f"joined into the post): {named}.")


def free_cap(platforms: Sequence[str], kit: BrandKit, sponsored: bool,
             link: str | None = None, written_link: int = 0) -> int:
    """The longest "text" the grammar lets a reply without a form have: the largest budget
    of the call's platforms and half again (at least 200 more), and the ``written_link``
    characters of the link the model is told to write out (the budget counts it as the
    platform does: 23 on X). Room for a long text that the checks flag and fit or repair;
    no room to write on until the token limit, as the 1.5B model did twice in 69 drafts (a
    reply cut off twice: that platform got no draft)."""
    budget = max(text_budget(get_platform(pid), kit, sponsored, link) for pid in platforms)
    return budget + max(200, budget // 2) + written_link
