"""The genus of a name of several words, learned from what a person wrote (pure).

"French Press", "Flat White", "Cold Brew": names the noun list does not know, which the
grammar rules therefore left alone, so "Mit dem French Press" (the embedded model, in a
draft that was "ready") passed. The brief and the kit's example posts are a person's
German: where they put an article before such a name ("für die French Press"), the
article's readings say which genus the name can have. Every place a name stands narrows
it further; a name whose places leave no genus in common is not learned. The rules then
read a learned name like a known noun (``grammar_phrase.head_after``).
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.quality.grammar_phrase import is_article, name_after, name_key
from assistant.quality.grammar_words import determiner_bits, tokens
from assistant.quality.nounforms import ALL_PLURAL, genera_of, of_genus, union


def learned_names(texts: Iterable[str]) -> dict[str, int]:
    """Name (lower case, one space between words) -> every reading its genera allow."""
    genera: dict[str, set[str]] = {}
    for text in texts:
        for key, found in _places(text):
            genera[key] = genera[key] & found if key in genera else found
    return {key: _paradigm(found) for key, found in genera.items() if found}


def _places(text: str) -> Iterable[tuple[str, set[str]]]:
    """(name, the genera its article allows: "m", "f", "n", "pl") for each name after an
    article in ``text``."""
    _, words = tokens(text)
    for index, token in enumerate(words):
        if not is_article(token, words[index - 1] if index else None):
            continue
        run = name_after(words, index + 1)
        if run is None:
            continue
        word = token.determiner
        bits = determiner_bits(word)
        found = set(genera_of(bits)) | ({"pl"} if bits & ALL_PLURAL else set())
        yield name_key(words, *run), found


def _paradigm(genera: set[str]) -> int:
    """Every case of each genus (a name's article shows its genus, not every case)."""
    bits = union(of_genus(genus) for genus in genera if genus != "pl")
    return bits | (ALL_PLURAL if "pl" in genera else 0)
