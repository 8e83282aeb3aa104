"""Names of several words ("French Press", "Flat White") get the genus that a person's
article gives them in the brief or the kit's examples; the grammar rules then read them
like a known noun. Before, "Mit dem French Press" passed in a "ready" draft."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.compose import grammar_lexicon, lexicon
from assistant.quality.grammar_de import grammar_findings
from assistant.quality.grammar_names import learned_names
from assistant.quality.grammar_words import GrammarLexicon
from assistant.quality.nounforms import genus_words
from tests.quality.conftest import context

BRIEF = ("Mahlgrad für die French Press: grob wie Meersalz, 4 Minuten ziehen lassen, dann "
         "langsam herunterdrücken.")
# the embedded model's X draft of that brief (bench_quality, 2026-11-30), "ready" then
DRAFT = ("Mehr als 4 Minuten lassen? Wir haben es geschafft! Mit dem French Press rösten wir "
         "grob wie Meersalz und bringen sie in deine Tasse in 4 Minuten.")


@pytest.fixture(scope="module")
def lex() -> GrammarLexicon:
    german = lexicon(context(None))
    assert german is not None
    return grammar_lexicon(german)


def _messages(text: str, lex: GrammarLexicon, *sources: str) -> list[str]:
    return [f.message for f in grammar_findings(text, replace(lex, names=learned_names(sources)))]


def test_an_article_gives_a_name_its_genus() -> None:
    names = learned_names([BRIEF, "Heute einen Flat White, der wärmt."])
    assert genus_words(names["french press"]) == "feminine"  # "die": feminine or plural
    assert genus_words(names["flat white"]) == "masculine"
    assert learned_names(["French Press und Flat White ohne Artikel."]) == {}


def test_every_place_narrows_the_genus_and_a_conflict_learns_nothing() -> None:
    # "der" alone: masculine, or feminine (dative, genitive), or plural (genitive)
    assert genus_words(learned_names(["Mit der French Press."])["french press"]) \
        == "masculine or feminine"
    assert genus_words(learned_names(["Mit der French Press.", "Für die French Press."])[
        "french press"]) == "feminine"
    assert learned_names(["Das Cold Brew ist fertig.", "Ein Cold Brew, der wärmt: einen "
                          "Cold Brew bitte."]) == {}


def test_a_learned_name_is_read_like_a_noun(lex: GrammarLexicon) -> None:
    assert _messages("Mit dem French Press brühst du.", lex, BRIEF) == [
        "'dem French Press': 'French Press' is feminine and does not fit 'dem'; use 'der' "
        "or 'den'"]
    assert _messages("Zum French Press!", lex, BRIEF) == [
        "'Zum French Press': 'French Press' is feminine, so 'zur' or 'zu den'"]
    for correct in ("Mit der French Press brühst du.", "Die neue French Press ist da.",
                    "Zur French Press!"):
        assert _messages(correct, lex, BRIEF) == [], correct


def test_without_a_source_a_name_is_left_alone(lex: GrammarLexicon) -> None:
    assert _messages("Mit dem French Press brühst du.", lex) == []


def test_the_check_learns_from_the_brief_and_the_kits_examples(coffee: BrandKit) -> None:
    found = quality_problems(DRAFT, [], context(coffee, brief=BRIEF, platform="x"))
    assert any("'dem French Press'" in p.message for p in found if p.code == "grammar")
    # the coffee kit's example says "einen Flat White": no brief needed
    wrong = quality_problems("Probier eine Flat White im Kontor.", [], context(coffee))
    assert any("'eine Flat White'" in p.message for p in wrong if p.code == "grammar")
    right = quality_problems("Probier einen Flat White im Kontor.", [], context(coffee))
    assert not [p for p in right if p.code == "grammar"]


def test_a_name_that_ends_in_a_compound_is_the_compounds(lex: GrammarLexicon) -> None:
    """"Cold Brew-Tipp" is a "Cold-Brew-Tipp" written with a space: a Tipp, masculine. The
    ready Mastodon draft's "Ein einfaches und effizientes Cold Brew-Tipp" (bench,
    2026-12-07) passed, its adjectives joined by "und" besides."""
    assert _messages("Ein einfaches und effizientes Cold Brew-Tipp für zu Hause.", lex) == [
        "'Ein einfaches und effizientes Cold Brew-Tipp': after 'Ein' the adjective "
        "'einfaches' takes 'einfacher'"]
    assert _messages("Das ist ein neuer Happy Hour-Angebot.", lex) != []
    for correct in ("Ein einfacher und effizienter Cold Brew-Tipp für zu Hause.",
                    "Das neue Happy Hour-Angebot gilt ab Montag.",
                    # after a German noun, or a word with a hyphen, the compound is a name
                    "Standardmäßig wird das Feld Build-Kernel-Version nicht geschrieben.",
                    "Dann werden die Option und das Argument-h Fake-Rechner angehängt."):
        assert _messages(correct, lex) == [], correct
