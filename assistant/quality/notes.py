"""The tasting notes of the brief, said as something else (pure).

"Neuer Filterkaffee aus Kolumbien, Noten von roter Johannisbeere und Kakao" became "Der
Kolumbianer Filterkaffee ist eine Art roter Johannisbeere mit Kakao" (a ready Facebook
draft, bench 2026-12-05), and "mit Noten von Marzipan und dunkler Schokolade" became
"Marzipan und dunkle Schokolade sind die Hauptprodukte" (a ready Threads draft): the
currant and the chocolate are how the coffee tastes, not what it is or holds. No fact
reading saw it, since a note holds no number, date or name. Here each thing of a note in
the brief ("Noten von X und Y", "notes of X and Y") that the post names in a sentence
which says nothing of taste, but says what something is, has or is made with ("ist",
"sind", "enthält", "mit", "is", "with"), is a note the post leaves out (``missing_fact``).

Lenient on purpose: a post may leave a note out, name it in a sentence that speaks of taste
anywhere ("Johannisbeere und Kakao: so schmeckt er"), or list it bare ("Kolumbien –
Johannisbeere, Kakao"), as coffee bags do.
"""

from __future__ import annotations

import regex

from assistant.quality.textnorm import sentence_spans

# a note's items: up to two adjectives (a word written small with an adjective's ending,
# not "ab Samstag") and a noun (German), one or two words (English); "and" is no item
_DE_ITEM = r"(?:\p{Ll}+(?:e|er|en|es|em)\s+){0,2}\p{Lu}[\p{L}-]*"
_EN_ITEM = r"(?:(?!and\b)\p{L}+\s+)?(?!and\b)\p{L}+"
_NOTES = {
    "de": regex.compile(rf"\b(?:Noten|Note|Aromen|Aroma|Anklängen?|Nuancen?)\s+(?:von|nach)\s+"
                        rf"({_DE_ITEM}(?:\s*(?:,|und|&|sowie)\s*{_DE_ITEM})*)"),
    "en": regex.compile(rf"(?i)\b(?:notes?|hints?|flavou?rs?|aromas?)\s+of\s+"
                        rf"({_EN_ITEM}(?:\s*(?:,|and|&)\s*{_EN_ITEM})*)"),
}
_ITEM_CUT = regex.compile(r"\s*(?:,|&|\bund\b|\bsowie\b|\band\b)\s*")
# a sentence that speaks of taste or smell, or compares: a note named there is a note
_TASTE = regex.compile(
    r"(?i)\b(?:not(?:e|en|es)|aroma\w*|ankl[äa]ng\w*|nuance\w*|geschmack\w*|schmeck\w*|"
    r"duft\w*|riech\w*|erinnert|hauch|wie|nach|hints?|flavou?rs?|tast\w*|smell\w*|"
    r"like|reminiscent|palate|cup|tasse|finish|abgang|körper|body)\b")
# a sentence that says what a thing is, has or is made with
_RELATION = regex.compile(
    r"(?i)\b(?:ist|sind|war|waren|hat|haben|enthält|enthalten|besteht|bestehen|"
    r"vermischt|gemischt|gemixt|kombiniert|verbunden|gemacht|mit|aus|art|"
    r"is|are|was|were|has|have|contains?|made|mixed|blended|combined|with)\b")


# a label before a colon or a dash is read apart from what follows it: "Neuer Filterkaffee
# aus Kolumbien: rote Johannisbeere und Kakao" (a fit Instagram hook, bench 2026-12-07)
# lists the notes bare, and the label's "aus" says nothing of them
_LABEL_CUT = regex.compile(r":\s|\s[–—-]\s")


def tasting_notes(brief: str, language: str) -> list[tuple[str, list[str]]]:
    """Each note of ``brief``: (the note as written, the nouns of its items)."""
    pattern = _NOTES.get(language)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(brief):
        items = [item.split()[-1] for item in _ITEM_CUT.split(match.group(1)) if item.split()]
        found.append((match.group(0), items))
    return found


def misread_notes(text: str, brief: str, language: str) -> list[str]:
    """The brief's notes (as written) of which the post names a thing in a sentence that
    says nothing of taste and says what something is, has or holds."""
    sentences = [part for start, end in sentence_spans(text)
                 for part in _LABEL_CUT.split(text[start:end])]
    shown = []
    for note, things in tasting_notes(brief, language):
        for thing in things:
            named = regex.compile(rf"(?i)(?<![\p{{L}}#-]){regex.escape(thing)}(?![\p{{L}}-])")
            if any(named.search(sentence) and not _TASTE.search(sentence)
                   and _RELATION.search(named.sub(" ", sentence)) for sentence in sentences):
                shown.append(note)
                break
    return shown


# Tasting notes the brief does not give: "a rich, creamy taste" for a decaf whose brief
# names "notes of caramel and orange" (a ready Instagram draft, bench 2026-12-06). How a
# coffee tastes is a fact of the product, and a small model fills it in from what coffee
# usually tastes like. Read only where the brief names a flavour itself (a product with
# notes): a holiday post may speak of "heiße Schokolade". Each flavour by its stem, German
# and English alike, in any case; a German compound holds it anywhere ("Johannisbeere")
_FLAVOURS = {
    "cocoa": r"\w*(?:kakao|cocoa|schokolad|chocolat)\w*",
    "caramel": r"\w*(?:karamell|caramel|toffee)\w*",
    "orange": r"\w*orange\w*",
    "lemon": r"\w*(?:zitrone|lemon)\w*",
    "citrus": r"(?:zitrus|citrus|citric)\w*",
    "currant": r"\w*(?:johannisbeer|currant)\w*",
    "berry": r"\w*(?:beere|berry|berries)\w*",
    "cherry": r"\w*(?:kirsch|cherry|cherries)\w*",
    "stone": r"\w*(?:aprikose|apricot|pfirsich|peach|pflaume)\w*|plums?",
    # not "Genuss" (enjoyment), which ends in "nuss" as "Haselnuss" does
    "nut": r"\w*(?<!ge)(?:nuss|nüss)\w*|\w*(?:hazelnut|almond|mandel)\w*|nutty|nuts?",
    "marzipan": r"marzipan\w*",
    "vanilla": r"\w*vanill\w*",
    "honey": r"\w*(?:honig|honey)\w*",
    "floral": r"(?:blumig|floral|jasmin)\w*",
    "fruit": r"(?:fruchtig|fruity|fruitiness)\w*",
    "creamy": r"(?:cremig|creamy|creaminess)\w*",
}
_FLAVOUR = regex.compile(r"(?<![\p{L}#])(?:" + "|".join(
    rf"(?P<{key}>{stems})" for key, stems in _FLAVOURS.items()) + r")(?!\p{L})",
    regex.IGNORECASE)
# what a flavour of the brief also covers: "fruity" for currant, "nutty" for marzipan
_COVERS = {"orange": {"citrus", "fruit"}, "lemon": {"citrus", "fruit"}, "citrus": {"fruit"},
           "currant": {"berry", "fruit"}, "berry": {"fruit"}, "cherry": {"fruit"},
           "stone": {"fruit"}, "marzipan": {"nut"}}


def flavours(text: str) -> list[tuple[str, str]]:
    """Each flavour ``text`` names: (as written, its key)."""
    return [(match.group(0), next(key for key, found in match.groupdict().items() if found))
            for match in _FLAVOUR.finditer(text)]


def invented_notes(text: str, brief: str, sources: tuple[str, ...]) -> list[str]:
    """The flavours of the post (as written) that neither ``brief`` nor any other source
    names or covers, read only where the brief names a flavour."""
    named = {key for _, key in flavours(brief)}
    if not named:
        return []
    named |= {key for source in sources for _, key in flavours(source)}
    named |= {covered for key in tuple(named) for covered in _COVERS.get(key, ())}
    return list(dict.fromkeys(shown for shown, key in flavours(text) if key not in named))
