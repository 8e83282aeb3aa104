"""The brand's own rules for a post (pure): banned words, emoji, hashtag sets,
language and, for German, du/Sie. Platform rules live in ``assistant.platforms``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from assistant.brand.kit import BrandKit
from assistant.brand.schema import EMOJI_PATTERN, BannedWord
from assistant.compliance.labels import label_end
from assistant.hashtags import extract_hashtags, normalise_tag, tag_key
from assistant.models import Problem, Severity
from assistant.platforms.catalogue import load_catalogue

SOURCE = "brand"
_EMOJI = regex.compile(EMOJI_PATTERN)
_GRAPHEME = regex.compile(r"\X")
# variation selectors and skin tones do not make another emoji: 👍🏽 is 👍, ☕️ is ☕
_EMOJI_VARIANTS = regex.compile(r"[\ufe0e\ufe0f\U0001F3FB-\U0001F3FF]")
_WORD = regex.compile(r"\p{L}+")

# Forms that address the reader formally. Capitalisation decides ("sie" = they), and at
# the start of a sentence "Sie"/"Ihr" are ambiguous ("Ihr seid" is plural du), so those
# count only in mid-sentence; "Ihnen" is formal wherever it stands.
_SIE_FORMS = regex.compile(r"\bIhnen\b")
_SIE_MID = regex.compile(r"(?<=\p{L}[,;]?\s+)\b(?:Sie|Ihr|Ihre[mnrs]?)\b")
# "Sie" opening a sentence may mean "they" ("Sie rösten jeden Morgen"), but not before "sind
# ein(e)" and a person: "Sie sind ein echter Kaffeefan" in a ready LinkedIn draft of the
# du-kit (bench, 2026-12-01). A group stays "they": "Sie sind ein eingespieltes Team"
_SIE_PREDICATE = regex.compile(
    r"\bSie(?=\s+(?:sind|waren)\s+eine?\s+(?:\p{Ll}+\s+){0,2}"
    r"(?!\p{L}*(?i:team|paar|duo|trio|gespann|familie|gruppe|einheit)\b)\p{Lu})")
# nor before a modal and what a reader does on a post's call: "Sie können sich per Mail
# bewerben" in a ready Facebook draft of the du-kit (bench, 2026-12-02); "they" would need
# a group named before, and a post's call is to its reader
_SIE_CALL = regex.compile(
    r"\bSie(?=\s+(?:können|möchten|dürfen|sollten|müssen)\s+(?:[^\s.!?,;:]+\s+){0,6}?"
    r"(?:bewerben|anmelden|melden|vorbeikommen|vorbeischauen|bestellen|besuchen|reservieren|"
    r"registrieren|abholen|kontaktieren|schreiben|buchen)\b)")
_SIE_ANY = regex.compile(r"\b(?:Sie|Ihr|Ihre[mnrs]?)\b")
# a formal greeting: "Sehr geehrte Kaffeetrinkerinnen und Gäste, wir haben noch drei Plätze
# für deinen Barista-Kurs" (the Instagram draft of the browser test on the embedded model,
# 2026-12-04). Not one of ``formal_matches``: tidy's du/Sie mending reads those, and a
# greeting has no du-form to mend to; the repair call rewrites it
_FORMAL_GREETING = regex.compile(r"\bSehr\s+geehrte[rn]?\b")
_DU_FORMS = regex.compile(
    r"\b(du|dich|dir|dein|deine[mnrs]?|euch|euer|eure[mnrs]?)\b", regex.IGNORECASE
)

_STOP = {
    "de": {
        "und",
        "der",
        "die",
        "das",
        "ist",
        "nicht",
        "mit",
        "für",
        "auf",
        "ein",
        "eine",
        "ich",
        "wir",
        "du",
        "sie",
        "es",
        "zu",
        "den",
        "dem",
        "von",
        "im",
        "auch",
        "bei",
        "uns",
        "unser",
        "unsere",
        "noch",
        "jetzt",
        "heute",
        "dein",
        "deine",
        "wie",
        "was",
        "oder",
    },
    "en": {
        "the",
        "and",
        "is",
        "are",
        "to",
        "of",
        "for",
        "with",
        "on",
        "in",
        "a",
        "an",
        "you",
        "your",
        "we",
        "our",
        "it",
        "this",
        "that",
        "at",
        "be",
        "by",
        "from",
        "how",
        "what",
        "can",
        "now",
        "today",
        "more",
        "new",
        "or",
        "not",
    },
}


def _problem(code: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code=code, severity=severity, message=message, source=SOURCE)


def find_emoji(text: str) -> list[str]:
    """Emoji as people see them: each grapheme cluster that holds a pictograph or flag."""
    return [g for g in _GRAPHEME.findall(text) if _EMOJI.search(g)]


def count_emoji(text: str) -> int:
    return len(find_emoji(text))


# the endings a German or English word takes in a post: a banned word is banned in each of
# its forms ("billig" in "billigen Kaffee" or "am billigsten", "Kaffeejunkie" in "Liebe
# Kaffeejunkies", "cheap" in "cheapest")
_ENDINGS = r"(?:(?:er|e?st)?e[mnrs]?|e?s|n|ern|er|e?st)?"


@lru_cache(maxsize=512)
def banned_word_pattern(word: str, forms: bool = False) -> regex.Pattern[str]:
    """Where a banned word stands in a post: as a whole word, in any case; with ``forms``
    in any of its forms too (the check reads those, tidy replaces only the word itself)."""
    endings = _ENDINGS if forms else ""
    return regex.compile(rf"(?<!\p{{L}}){regex.escape(word)}{endings}(?!\p{{L}})",
                         regex.IGNORECASE)


def banned_word_problems(kit: BrandKit, text: str) -> list[Problem]:
    problems = []
    for banned in kit.banned_words:
        found = banned_word_pattern(banned.word, forms=True).search(text)
        if found is None:
            continue
        fix = f"use '{banned.replacement}' instead" if banned.replacement else "rephrase"
        form = found.group(0)
        named = f"'{banned.word}'" if form.casefold() == banned.word.casefold() else \
            f"'{form}', a form of '{banned.word}',"
        problems.append(_problem("banned_word", f"{named} is banned by the brand; {fix}"))
    return problems


def emoji_key(emoji: str) -> str:
    """An emoji without its variation selector or skin tone (what makes two emoji one)."""
    return _EMOJI_VARIANTS.sub("", emoji)


def banned_emoji(kit: BrandKit, text: str) -> list[str]:
    """The emoji of ``text`` that the kit never uses (``emoji.banned``), as written."""
    banned = {emoji_key(e) for e in kit.emoji.banned}
    return list(dict.fromkeys(e for e in find_emoji(text) if emoji_key(e) in banned))


def emoji_problems(kit: BrandKit, text: str) -> list[Problem]:
    limit, found = kit.emoji.limit, count_emoji(text)
    problems = []
    if found > limit:
        problems.append(_problem(
            "too_many_emoji", f"{found} emoji, the brand allows {limit}; remove {found - limit}"
        ))
    banned = banned_emoji(kit, text)
    if banned:
        problems.append(_problem(
            "banned_emoji", f"the brand never uses {' '.join(banned)}; remove it"))
    return problems


def opens_with(text: str, opener: str) -> bool:
    """Whether the post's first word starts the opener ("Moin! ...", "☕ Moin ..."); an ad
    label that the law puts first ("Werbung | Moin ...") does not count as the start."""
    first = _WORD.search(text, label_end(text))
    return first is not None and text[first.start():].casefold().startswith(opener.casefold())


def opener_problems(kit: BrandKit, text: str) -> list[Problem]:
    """A brand that opens every post with its word ("Moin"): a post that does not is
    worth a look, not a refusal (a sad announcement may need another start)."""
    if not kit.opener or opens_with(text, kit.opener):
        return []
    return [_problem("missing_opener", f"the brand opens its posts with '{kit.opener}'; "
                     "start the post with it", Severity.WARNING)]


def length_problems(kit: BrandKit, text: str, platform: str | None) -> list[Problem]:
    """The brand's own cap on a platform's text (shorter than the platform's limit)."""
    cap = kit.max_chars.get(platform or "")
    length = len(text.strip())
    if cap is None or length <= cap:
        return []
    return [_problem("over_brand_length", f"{length} characters; the brand keeps {platform} "
                     f"posts to {cap}; shorten it by {length - cap}", Severity.WARNING)]


def banned_tags(kit: BrandKit) -> list[BannedWord]:
    """The kit's banned words that make a tag: "#Kaffeejunkie" stood beside "#Kaffeefan"
    under a ready LinkedIn post (bench, 2026-12-03; the kit prefers 'Kaffeefan' to
    'Kaffeejunkie'), and the tags were read against the never-list only."""
    return [banned for banned in kit.banned_words if normalise_tag(banned.word) is not None]


def never_tags(kit: BrandKit) -> list[str]:
    """The tags a post of the brand never carries: its never-list and its banned words."""
    return [*kit.hashtags.never, *(banned.word for banned in banned_tags(kit))]


def hashtag_set_problems(kit: BrandKit, text: str, hashtags: Iterable[str],
                         tags_useless: bool = False) -> list[Problem]:
    """Tags the brand never uses (its never-list, its banned words), and the brand's
    always-tags a post lacks (not where ``tags_useless``: a platform on which hashtags have
    no function). A banned word in the text is ``banned_word_problems``'s."""
    used = {tag_key(t) for t in [*extract_hashtags(text), *hashtags]}
    problems = []
    for tag in kit.hashtags.never:
        if tag_key(tag) in used:
            problems.append(
                _problem("banned_hashtag", f"#{tag} is on the brand's never-list; remove it")
            )
    listed = {tag_key(t) for t in hashtags}
    for banned in banned_tags(kit):
        if tag_key(banned.word) in listed:
            fix = f"use #{banned.replacement}" if banned.replacement and \
                normalise_tag(banned.replacement) else "remove it"
            problems.append(_problem("banned_hashtag", f"#{banned.word}: '{banned.word}' is "
                                     f"banned by the brand; {fix}"))
    missing = [t for t in kit.hashtags.always if tag_key(t) not in used]
    if missing and not tags_useless:
        tags = " ".join(f"#{t}" for t in missing)
        # a style rule, not a reason to block a post: drafting adds these tags itself
        problems.append(_problem("missing_brand_hashtag", f"the brand always uses {tags}; add it",
                                 Severity.WARNING))
    return problems


def guess_language(text: str) -> str | None:
    """'de' or 'en' when the stop words say so clearly; None for short or mixed text."""
    words = [w.casefold() for w in _WORD.findall(text)]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
    umlauts = len(regex.findall(r"[äöüß]", text.casefold()))
    scores["de"] += min(umlauts, 3)
    best = max(scores, key=lambda k: scores[k])
    other = min(scores.values())
    if scores[best] >= 3 and scores[best] >= 2 * max(other, 1):
        return best
    return None


LANGUAGE_NAMES = {"de": "German", "en": "English"}


def language_problems(text: str, language: str) -> list[Problem]:
    """The post in another language than asked for (one sentence of it in another language
    is ``quality.language``'s warning)."""
    found = guess_language(text)
    if found is None or found == language:
        return []
    return [_problem("wrong_language", f"the post reads as {LANGUAGE_NAMES.get(found, found)}, "
                     f"but {LANGUAGE_NAMES.get(language, language)} was asked for; write it "
                     "in the requested language")]


def formal_matches(text: str) -> list[regex.Match[str]]:
    """Where ``text`` addresses the reader formally (Sie, Ihnen, Ihr...), in order: the one
    reading of "formal address" that the check and tidy's mending both use."""
    found = {match.start(): match
             for pattern in (_SIE_FORMS, _SIE_MID, _SIE_PREDICATE, _SIE_CALL)
             for match in pattern.finditer(text)}
    return [found[start] for start in sorted(found)]


def formal_forms(text: str) -> list[str]:
    """The German formal forms of address (Sie, Ihnen, Ihr...) in ``text``, in order."""
    return [match.group() for match in formal_matches(text)]


def ambiguous_formal(text: str) -> list[regex.Match[str]]:
    """"Sie"/"Ihr..." where it may be formal or not (at a sentence start: "Sie rösten" about
    the team, "Ihr seid" to many): the forms ``formal_matches`` leaves out on purpose."""
    formal = {match.start() for match in formal_matches(text)}
    return [m for m in _SIE_ANY.finditer(text) if m.start() not in formal]


def informal_forms(text: str) -> list[str]:
    """The German informal forms of address (du, dich, euch...) in ``text``, in order."""
    return list(_DU_FORMS.findall(text))


def formality_problems(kit: BrandKit, text: str, language: str) -> list[Problem]:
    if language != "de" or kit.formality == "neutral":
        return []
    if kit.formality == "du":
        hits = formal_forms(text) + [" ".join(match.group().split())
                                     for match in _FORMAL_GREETING.finditer(text)]
        if hits:
            return [
                _problem(
                    "wrong_formality",
                    f"the brand says du, but the post says {', '.join(sorted(set(hits)))}; "
                    "address the reader with du/dich/dir/dein",
                )
            ]
        return []
    hits = sorted({h.lower() for h in informal_forms(text)})
    if hits:
        return [
            _problem(
                "wrong_formality",
                f"the brand says Sie, but the post says {', '.join(hits)}; "
                "address the reader with Sie/Ihnen/Ihr",
            )
        ]
    return []


def brand_problems(
    kit: BrandKit, text: str, hashtags: Iterable[str], language: str,
    platform: str | None = None,
) -> list[Problem]:
    """Everything the brand would refuse to sign, for one post."""
    tags = list(hashtags)
    return [
        *text_rule_problems(kit, text, language),
        *opener_problems(kit, text),
        *length_problems(kit, text, platform),
        *hashtag_set_problems(kit, text, tags, _tags_useless(platform)),
    ]


def _tags_useless(platform: str | None) -> bool:
    known = load_catalogue().platforms.get(platform or "")
    return known is not None and known.tags_useless


def text_rule_problems(kit: BrandKit, text: str, language: str) -> list[Problem]:
    """The brand's rules for any text posted under its name, a post or its first comment:
    banned words, emoji, language, du/Sie (the opener, length and tags are a post's)."""
    return [
        *banned_word_problems(kit, text),
        *emoji_problems(kit, text),
        *language_problems(text, language),
        *formality_problems(kit, text, language),
    ]
