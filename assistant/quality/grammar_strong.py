"""Rule 9h of the German grammar check: the "ihr" form of a strong verb said of one (pure).

"Wir suchen eine Barista, die sich in Teilzeit an unserem Café in Altona bewerbt." (a
ready Facebook draft, bench 2026-12-07): a strong verb that changes its e to i in the
singular ("bewerben": "sie bewirbt") has its "-t" form only for "ihr" ("ihr bewerbt"), so
where no "ihr" is the subject it is wrong, and the dictionary, which knows the "ihr" form,
lets it pass. Read for a closed list of such verbs, where the form does not open its
sentence (the call to "ihr": "Bewerbt euch jetzt!") and the sentence holds neither "ihr"
nor "euch". Its one correction is the singular ("bewirbt"), so it is mended; after "sie"
the subject may be many or formal ("sie nehmen"), so it is only flagged.
"""

from __future__ import annotations

from assistant.quality.grammar_person import IHR_FORMS
from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_words import GrammarLexicon, Token, sentences

# the "ihr" form -> the third person singular
_SINGULAR = {"bewerbt": "bewirbt", "erwerbt": "erwirbt", "nehmt": "nimmt", "übernehmt":
             "übernimmt", "gebt": "gibt", "vergebt": "vergibt", "helft": "hilft",
             "sprecht": "spricht", "lest": "liest", "seht": "sieht", "esst": "isst",
             "trefft": "trifft", "vergesst": "vergisst", "werft": "wirft", "brecht": "bricht",
             "empfehlt": "empfiehlt", "sterbt": "stirbt", "verderbt": "verdirbt"}
_YOU = IHR_FORMS | {"ihr"}


def strong_ihr_forms(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 9h (see the module doc): "die sich ... bewerbt" -> "bewirbt"."""
    found = []
    for sentence in sentences(words):
        if any(token.lower in _YOU for token in sentence):
            continue
        for before, token in zip(sentence, sentence[1:], strict=False):
            single = _SINGULAR.get(token.lower)
            if single is None or token.capitalised:
                continue
            # the word before it too: the phrase must stand once for tidy to mend it
            phrase = plain[before.start:token.end]
            # after "sie" the subject may be many or formal ("sie nehmen"): no one correction
            fix = None if before.lower == "sie" else plain[before.start:token.start] + single
            found.append(Finding(phrase, f"'{token.text}' is the form for 'ihr'; said of one, "
                                         f"write '{single}'", fix))
    return found
