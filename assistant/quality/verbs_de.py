"""German verb forms for the reader addressed with du (pure): the du-form of the present
("ihr findet" is not needed here, only "du findest") and the du-imperative ("Melde dich").

Regular verbs follow the stem; the strong verbs that change their vowel and the modal and
auxiliary verbs are an explicit table, matched with a prefix ("Bewerben" is be + werben).
A verb that is neither regular-looking nor in the table gives None: the caller then leaves
the post to the checks.
"""

from __future__ import annotations

from typing import NamedTuple

from assistant.quality.textnorm import keep_case


class Forms(NamedTuple):
    present: str  # du ...
    imperative: str


# present and imperative with du, for the verbs a person would not form from the stem
_IRREGULAR: dict[str, Forms] = {
    "sein": Forms("bist", "sei"), "sind": Forms("bist", "sei"), "seien": Forms("bist", "sei"),
    "haben": Forms("hast", "hab"), "werden": Forms("wirst", "werde"),
    "können": Forms("kannst", ""), "möchten": Forms("möchtest", ""),
    "wollen": Forms("willst", ""), "dürfen": Forms("darfst", ""),
    "müssen": Forms("musst", ""), "sollen": Forms("sollst", ""), "mögen": Forms("magst", ""),
    "wissen": Forms("weißt", "wisse"), "tun": Forms("tust", "tu"),
    "geben": Forms("gibst", "gib"), "nehmen": Forms("nimmst", "nimm"),
    "sehen": Forms("siehst", "sieh"), "lesen": Forms("liest", "lies"),
    "helfen": Forms("hilfst", "hilf"), "sprechen": Forms("sprichst", "sprich"),
    "vergessen": Forms("vergisst", "vergiss"), "treffen": Forms("triffst", "triff"),
    "essen": Forms("isst", "iss"), "werben": Forms("wirbst", "wirb"),
    "werfen": Forms("wirfst", "wirf"), "brechen": Forms("brichst", "brich"),
    "empfehlen": Forms("empfiehlst", "empfiehl"), "treten": Forms("trittst", "tritt"),
    "gelten": Forms("giltst", "gilt"), "sterben": Forms("stirbst", "stirb"),
    "fahren": Forms("fährst", "fahr"), "tragen": Forms("trägst", "trag"),
    "laden": Forms("lädst", "lade"), "halten": Forms("hältst", "halte"),
    "lassen": Forms("lässt", "lass"), "laufen": Forms("läufst", "lauf"),
    "schlafen": Forms("schläfst", "schlaf"), "fangen": Forms("fängst", "fang"),
    "waschen": Forms("wäschst", "wasch"), "wachsen": Forms("wächst", "wachs"),
    "stoßen": Forms("stößt", "stoß"),
}
# the modal verbs have no imperative; with a formal "Sie" after them they ask or state
MODALS = frozenset(verb for verb, forms in _IRREGULAR.items() if not forms.imperative)
# prefixes under which a table verb keeps its forms ("abgeben", "teilnehmen", "bewerben")
_PREFIXES = frozenset({
    "ab", "an", "auf", "aus", "be", "bei", "dar", "durch", "ein", "emp", "ent", "er", "fest",
    "fort", "her", "heraus", "hin", "hinein", "los", "mit", "nach", "teil", "über", "um",
    "unter", "ver", "vor", "vorbei", "weg", "weiter", "wieder", "zu", "zurück", "zusammen",
})
# "sammeln", "feiern": a stem ending in -el/-er takes the ending directly
_ENDINGS = ("eln", "ern", "en")
# words that end like an infinitive but are no verb here ("Sie gern", "für Sie eben")
_NOT_VERBS = frozenset({"eben", "oben", "unten", "neben", "gegen", "selten", "trotzdem",
                        "morgen", "übermorgen", "wegen", "einen", "keinen", "den", "denen"})


def looks_like_verb(word: str) -> bool:
    """Whether ``word`` reads as the form a verb takes with a formal "Sie" (an infinitive
    form: "finden", "sammeln", "sind")."""
    lower = word.lower()
    if lower in _IRREGULAR or _table_entry(lower) is not None:
        return True
    return lower not in _NOT_VERBS and len(lower) > 3 and lower.endswith(_ENDINGS)


def _table_entry(lower: str) -> tuple[str, Forms] | None:
    """The prefix and the table's forms of ``lower``, longest table verb first."""
    for verb in sorted(_IRREGULAR, key=len, reverse=True):
        prefix = lower[: len(lower) - len(verb)]
        if lower.endswith(verb) and (not prefix or prefix in _PREFIXES):
            return prefix, _IRREGULAR[verb]
    return None


def _stem(lower: str) -> str | None:
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            return lower[:-1] if ending != "en" else lower[:-2]
    return None


def _needs_e(stem: str) -> bool:
    """"findest", "öffnest", "atmest": after d/t, and after m/n that follow another
    consonant (not l, r, h or a doubled m/n)."""
    if stem.endswith(("d", "t")):
        return True
    return (len(stem) > 1 and stem[-1] in "mn" and stem[-2] not in "aeiouäöülrhmn")


def present_du(word: str) -> str | None:
    """The du-form of the present for a verb as it stands with "Sie" ("finden" ->
    "findest", "Können" -> "Kannst"), or None when it is not known."""
    lower = word.lower()
    entry = _table_entry(lower)
    if entry is not None:
        return keep_case(word, entry[0] + entry[1].present)
    stem = _stem(lower)
    if stem is None:
        return None
    if stem.endswith(("s", "ß", "x", "z")):
        return keep_case(word, stem + "t")
    return keep_case(word, stem + ("est" if _needs_e(stem) else "st"))


def imperative_du(word: str) -> str | None:
    """The du-imperative for a verb as it stands in "Melden Sie" ("Melde", "Komm",
    "Bewirb", "Sei"), or None for a modal verb or an unknown one."""
    lower = word.lower()
    entry = _table_entry(lower)
    if entry is not None:
        return keep_case(word, entry[0] + entry[1].imperative) if entry[1].imperative else None
    stem = _stem(lower)
    if stem is None:
        return None
    if lower.endswith("eln"):  # sammeln -> sammle
        return keep_case(word, stem[:-2] + "le")
    if lower.endswith("ern") or _needs_e(stem) or stem.endswith("ig"):
        return keep_case(word, stem + "e")
    return keep_case(word, stem)
