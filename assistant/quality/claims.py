"""A claim to be the best, the first or the leading one, or a launch, that the brief does not
make (pure).

"Tessaline, a leading data platform, has achieved ISO 27001 certification, ensuring the
highest level of data security" and "Diese röstende Handmühle ist eine der besten Röster
der Stadt und bietet ein unvergleichliches Geröstete Kaffee" were ready drafts (bench,
2026-12-05). A claim of being ahead of everyone else (Alleinstellungswerbung) must be true
and provable, or it misleads (§ 5 UWG); a small model makes it up as filler, and the
coffee kit's guideline says "Keine Superlative: nicht ‚der beste Kaffee der Stadt'". Only
the brief can make such a claim: the guideline documents quote it as what not to write.
Praise that ranks nothing ("perfekt für einen ruhigen Morgen", "the perfect shot") and the
adverb ("schmeckt am besten frisch", "the best way to store beans") stay.
"""

from __future__ import annotations

import regex

from assistant.models import Problem
from assistant.quality.calendar_words import WEEKDAYS
from assistant.quality.context import problem, shorten
from assistant.quality.textnorm import strip_markup

# each claim, with the stem a brief that makes it names ("leading" in "a leading ...")
_CLAIM = regex.compile(
    r"\b(?i:der|die|das|den|dem|des)\s+(beste[nrms]?)\s+\p{Lu}\p{L}*"
    r"|(?i:\b(?:eine[rns]?|einer)\s+der\s+(besten|führenden|größten|beliebtesten|bekanntesten"
    r"|gefragtesten|meistverkauften)\b(?:\s+\p{Lu}\p{L}*)?)"
    r"|\b(?i:der|die|das|den|dem|des|unser\w*)\s+((?i:beliebteste|meistverkaufte)[nrms]?)\b"
    r"|(?i:\b(most\s+popular|best[-\s]?selling|bestsellers?|(?:fan|customer)\s+favou?rites?"
    r"|most\s+loved)\b)"
    r"|(?i:\b(weltbeste\w*|marktführ\w*|führend\w*|unvergleichlich\w*|einzigartig\w*"
    r"|unschlagbar\w*|unübertroffen\w*|unerreicht\w*)\b)"
    r"|(?i:\b(?:nr\.|nummer)\s?(1|eins)\b)"
    r"|(?i:\bhöchste[nrms]?\s+(qualität|niveau|standard)\b)"
    r"|(?i:\bone\s+of\s+the\s+(best|leading|top|finest|largest)\b)"
    r"|(?i:\b(?:a|the)\s+(leading)\b(?:\s+[\p{L}-]+){0,2})"
    r"|(?i:\b(market[-\s]lead\w*|industry[-\s]leading|best[-\s]in[-\s]class|world[-\s]class"
    r"|unbeatable|unmatched|unparall?ell?ed|unrivall?ed|second\s+to\s+none)\b)"
    r"|(?i:\b(number\s+one|no\.\s?1)\b)"
    r"|(?i:\bthe\s+(highest)\s+(?:levels?|standards?|quality)\b)"
    r"|(?i:\b(?:the|our)\s+(best)\s+(?:\S+\s+){0,2}?(?:in|of)\s+(?:the\s+)?(?:city|town|world"
    r"|country|market|industry|business)\b)")


def claims(text: str) -> list[tuple[str, str]]:
    """Each claim of ``text`` as written, with the stem a source that makes it names."""
    return [(match.group(0), next(group for group in match.groups() if group).casefold())
            for match in _CLAIM.finditer(text)]


# a product called new: "Hier ist ein neuer Kaffee:" opened a ready Mastodon post on a trip
# to a partner farm (bench, 2026-12-05), which launched nothing. A launch is a fact the
# brand must keep; only a brief that announces something (new, now, from a day on,
# presented, here) makes one. People ("neue Kollegin"), dates ("neues Jahr") and opening
# hours are not products and pass
# the word after "new", or a small word and the one after it ("our new feature that", "ein
# neuer leckerer Kaffee"): either may be the product
_NEW = regex.compile(r"\b(?:[Nn]eu(?:e[nrms]?)?|[Nn]ew)\s+(\p{L}[\p{L}-]*)(?:\s+(\p{L}[\p{L}-]*))?")
_PRODUCTS = ("kaffee", "espresso", "mischung", "sorte", "sorten", "bohne", "bohnen", "röstung",
             "produkt", "produkte", "kollektion", "edition", "coffee", "roast", "blend",
             "product", "products", "feature", "features", "release", "decaf", "collection",
             # a new place of the brand is a launch too: "Check out our new roastery in
             # Altona!" under a Christmas closure (a ready Instagram draft, bench 2026-12-06)
             "roastery", "rösterei", "café", "cafe", "filiale", "standort", "location")
_ANNOUNCES = regex.compile(
    r"(?i)\b(?:neu\w*|new\w*|jetzt|now|vorstell\w*|stell\w*\b.*\bvor\b|introduc\w*|"
    r"launch\w*|erstmals|premiere|eingetroffen|(?:ist|sind)\s+da|(?:is|are)\s+here|"
    rf"ab\s+(?:sofort|heute|morgen|{'|'.join(WEEKDAYS['de'])})|"
    rf"(?:from|starting)\s+(?:today|tomorrow|{'|'.join(WEEKDAYS['en'])}))\b")


def launches(text: str) -> list[str]:
    """Each product that ``text`` calls new, as written ("ein neuer Kaffee")."""
    found = []
    for match in _NEW.finditer(text):
        first, second = match.group(1), match.group(2)
        if first.casefold().endswith(_PRODUCTS):
            found.append(match.group(0)[:match.end(1) - match.start()])
        elif first.islower() and second and second.casefold().endswith(_PRODUCTS):
            found.append(match.group(0))
    return found


# a product presented ("Hier ist ...", "Here is ...") that the brief does not name: "Hier
# ist ein schöner Weihnachtskaffee für dich!" over the days the Kontor is closed, and for a
# grinder "Hier ist ein neuer Kaffee für dich: die Handmühle Hansen H2!" and "Hier ist ein
# neuer Kaffee-Röster für dich!" (drafts of two bench runs, 2026-12-06, three of them
# ready). Only a coffee or its tools (the generic "feature" or "product" may
# name the brief's thing in other words); the brief names it in any compound ("die
# Mischung" for its "Weihnachtsmischung")
_PRESENTS = regex.compile(r"\b(?i:hier\s+(?:ist|sind)|here\s+(?:is|are)|here's)"
                          r"((?:\s+[\p{L}-]+){1,4})")
_PRESENTED = ("kaffee", "espresso", "mischung", "sorte", "bohne", "bohnen", "röstung",
              "coffee", "roast", "blend", "decaf", "röster", "roaster", "mühle", "grinder")


# what may follow the product in the phrase: a word that ends its name. Any other word is
# what the product word qualifies ("Here is a coffee tip": a tip)
_AFTER_PRODUCT = frozenset({"für", "fürs", "aus", "von", "mit", "zu", "zum", "zur",
                            "und", "der", "die", "das", "den", "im", "in", "for", "from", "of",
                            "with", "to", "and", "that", "which"})


# a place presented with an indefinite article, which makes it one the reader does not know:
# "Hier ist eine kleine Rösterei aus der Altona" in a post on a grinder (a German draft,
# bench 2026-12-06). The brand's own place ("Hier ist unser Café") passes
_PLACES = ("rösterei", "roastery", "café", "cafe", "laden", "shop", "filiale", "standort",
           "location", "kontor")
_INDEFINITE = frozenset({"ein", "eine", "einen", "a", "an"})


def presented(text: str, brief: str, kinds: tuple[str, ...] = _PRESENTED,
              unknown_only: bool = False) -> list[str]:
    """Each coffee that ``text`` presents and ``brief`` does not name, as written up to it;
    with ``kinds=_PLACES, unknown_only=True`` each place presented with an indefinite
    article, as one the reader does not know."""
    folded, found = brief.casefold(), []
    for match in _PRESENTS.finditer(text):
        words = match.group(1).split()
        at = next((index for index, word in enumerate(words)
                   if word.casefold().endswith(kinds)), None)
        after = words[at + 1].casefold() if at is not None and at + 1 < len(words) else ""
        if at is None or words[at].casefold() in folded or (
                after and after not in _AFTER_PRODUCT):
            continue
        if unknown_only and words[0].casefold() not in _INDEFINITE:
            continue
        found.append(" ".join([text[match.start():match.start(1)].strip(), *words[:at + 1]]))
    return found


# an organic claim: "Made with organic beans from Peru" under a decaf whose brief says
# nothing of it (a ready Instagram draft, bench 2026-12-06). Only a certified product may be
# called organic or "Bio" (EU regulation 2018/848), so the brief must say it. "Link in Bio"
# is no claim: "Bio" counts joined to its noun only ("Bio-Bohnen"), and a link's
# "utm_campaign=organic-social" none
_ORGANIC = regex.compile(r"(?i:\b(organic\w*|biologisch\w*|ökologisch\w*)\b)|\b(Bio)-\p{L}+")


def organic_claims(text: str, brief: str) -> list[str]:
    """Each organic claim of ``text`` (as written) whose word the brief does not use."""
    folded = brief.casefold()
    return [match.group(0) for match in _ORGANIC.finditer(strip_markup(text))
            if (match.group(1) or match.group(2)).casefold()[:4] not in folded]


# how long the brand has done something: "Wir liefern seit einigen Jahren Kaffee fürs Büro"
# (a ready LinkedIn draft, bench 2026-12-06, after the kit example's "Seit diesem Jahr
# beliefern wir ..."), "for years". A fact of the brand's history, which only the brief
# can give; a year ("seit 2019") is a number, which ``invented_fact`` reads
_HISTORY = regex.compile(
    r"(?i)\bseit\s+(?:(?:einigen|vielen|mehreren|über|fast|knapp)\s+)?"
    r"(?:jahren|jahrzehnten|generationen|langem|ewigkeiten)\b"
    r"|\bfor\s+(?:(?:many|several|some|over|nearly|almost)\s+)?(?:years|decades|generations)\b"
    r"|\bsince\s+day\s+one\b")


# what a job ad asks of the applicant: "Sie sollten eine höhere Erfahrung in der Rösterei
# haben und sind aktiv und neugierig" (a ready LinkedIn draft of a barista ad, bench
# 2026-12-06). The requirements are the employer's to set, and an invented one may exclude
# people it should not (AGG): only the brief can give them
_REQUIREMENT = regex.compile(
    r"(?i)\b(?:erfahrung(?:en)?|kenntnisse|vorkenntnisse|berufserfahrung)\s+(?:in|im|mit|als|von)\b"
    r"|\b(?:voraussetzung\w*|erforderlich\w*|mitbringen|mitbringst|bringst\s+du\s+mit)\b"
    r"|\b(?:experience|knowledge|background)\s+(?:in|with|of|as)\b|\byears\s+of\s+experience\b"
    r"|\b(?:is|are)\s+required\b|\bmust\s+have\b|\byou(?:'ll|\s+will|\s+should)\s+(?:need|have)\b")


# a reputation: "Our paper filters are known for their high-quality and consistent
# brewing. They are used by many coffee enthusiasts and professionals alike." under a tip
# to rinse the filter (a ready Instagram draft, bench 2026-12-07). What others think of the
# brand or its product is a fact the brand must be able to show (§ 5 UWG): only the brief
# can give it. "Bekannt als" names a thing ("Cold Brew, auch bekannt als ...") and passes
_REPUTATION = regex.compile(
    r"(?i)\b(?:well[-\s])?known\s+for\b|\b(?:famous|renowned|popular|beloved)\s+(?:for|with|"
    r"among)\b|\b(?:loved|trusted|used|chosen|preferred|favou?red|enjoyed|recommended)\s+by\s+"
    r"(?:many|most|thousands|millions|hundreds|countless|lots|professionals|experts|baristas|"
    r"coffee\s+lovers|\d)"
    r"|\b(?:bekannt|berühmt|geschätzt|beliebt)\s+(?:für|bei|unter)\b"
    r"|\b(?:bei|unter)\s+(?:\p{L}+\s+){0,2}?(?:beliebt|bekannt|geschätzt)\b"
    r"|\b(?:von|bei)\s+(?:vielen|zahlreichen|tausenden|unzähligen|\d[\d.]*)\s+"
    r"(?:\p{L}+\s+){0,2}?(?:geschätzt|geliebt|genutzt|empfohlen|gekauft|getrunken|gewählt)\b"
    r"|\b(?:profis|experten|baristas|kenner)\s+(?:schwören|vertrauen|setzen)\b")


def unbriefed(pattern: regex.Pattern[str], text: str, brief: str) -> list[str]:
    """Each phrase of ``text`` that ``pattern`` finds, when the brief says nothing of the
    kind (a history, a job's requirement)."""
    return [] if pattern.search(brief) else [match.group(0)
                                             for match in pattern.finditer(text)]


def claim_problems(text: str, brief: str) -> list[Problem]:
    """A warning for the claims of ``text`` that ``brief`` does not make: to be the best or
    the leading one, a launch, a product or a place presented, organic, a history, a job's
    requirement, a reputation; one per kind."""
    folded = brief.casefold()
    new = launches(text) if not _ANNOUNCES.search(brief) else []
    kinds: tuple[tuple[list[str], int, str], ...] = (
        ([claim for claim, stem in claims(text) if stem not in folded], 40,
         "claims more than the brief says; a claim to be the best or the leading one needs "
         "proof, so take it out or add it to the brief"),
        (new, 40, "announces something new that the brief does not; take it out or add it to "
                  "the brief"),
        ([shown for shown in presented(text, brief) if not any(launch in shown
                                                               for launch in new)], 50,
         "presents a product that the brief does not name; take it out or add it to the "
         "brief"),
        (organic_claims(text, brief), 50,
         "says organic, which the brief does not; only a certified product may be called so "
         "(EU 2018/848), so take it out or add it to the brief"),
        (presented(text, brief, _PLACES, unknown_only=True), 50,
         "presents a place that the brief does not name; take it out or add it to the brief"),
        (unbriefed(_HISTORY, text, brief), 40,
         "says how long the brand has done it, which the brief does not; take it out or add "
         "it to the brief"),
        (unbriefed(_REQUIREMENT, text, brief), 40,
         "asks of the applicant what the brief does not; a job's requirements are the "
         "employer's to set, so take it out or add it to the brief"),
        (unbriefed(_REPUTATION, text, brief), 40,
         "says what others think of the brand or its product, which the brief does not; "
         "take it out or add it to the brief"),
    )
    return [problem("unproven_claim", ", ".join(f"'{shorten(phrase, width)}'"
                                                for phrase in dict.fromkeys(found))
                    + f" {message}")
            for found, width, message in kinds if found]
