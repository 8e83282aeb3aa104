"""A fact of the brief that the post left out, put back in the brief's own words
(issue 13): the brief cut into pieces, where a piece goes, and when it is not added."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.models import Problem
from assistant.quality.completion import appended, brief_pieces, with_brief_facts
from assistant.quality.context import problem
from assistant.quality.factcheck import missing

CLASS = ("Barista class in English on Sunday, 15 December, 2 pm, six people max, 49 euros "
         "per person.")
ROESTKURS = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im "
             "Laden oder per Mail.")


def test_a_brief_is_cut_into_pieces_that_stand_alone() -> None:
    assert brief_pieces(ROESTKURS) == [
        "Einladung zum Röstkurs am 12. Dezember, 18 Uhr.",  # "18 Uhr" stays with its date
        "Maximal 8 Plätze.", "Anmeldung im Laden oder per Mail."]
    assert brief_pieces(CLASS)[1:] == ["Six people max.", "49 euros per person."]
    # what goes on from the piece before stays with it; brackets are not cut
    assert brief_pieces("Kalt ansetzen, 16 Stunden im Kühlschrank ziehen lassen, dann "
                        "filtern.") == ["Kalt ansetzen, 16 Stunden im Kühlschrank ziehen "
                                        "lassen, dann filtern."]
    assert brief_pieces("We are hiring a senior data engineer, remote in the EU, to work "
                        "on alerting (Python, Postgres).") == [
        "We are hiring a senior data engineer.",
        "Remote in the EU, to work on alerting (Python, Postgres)."]
    assert brief_pieces("Frohe Weihnachten! Ab dem 27. Dezember sind wir wieder da.") == [
        "Frohe Weihnachten!", "Ab dem 27. Dezember sind wir wieder da."]


def test_a_piece_goes_before_the_link_the_bio_hint_and_the_label() -> None:
    assert appended("Komm vorbei!\n\nhttps://x.example/a\n\nKI-generiert", "Nur heute.",
                    ["KI-generiert"]) == \
        "Komm vorbei! Nur heute.\n\nhttps://x.example/a\n\nKI-generiert"
    assert appended("Hook!\nErste Zeile\nKomm vorbei im Kontor – Link in Bio", "Nur heute.") \
        == "Hook!\nErste Zeile\nNur heute.\nKomm vorbei im Kontor – Link in Bio"
    assert appended("Join us. Register now! https://x.example/a", "49 euros per person.") \
        == "Join us. Register now! 49 euros per person. https://x.example/a"


def test_a_sentence_without_its_mark_ends_before_the_piece() -> None:
    """"Anmeldung im Laden oder per Mail Einladung zum Röstkurs am 12. Dezember, 18 Uhr."
    stood in a ready LinkedIn draft (bench, 2026-12-02): a paragraph that ends without a
    mark gets its full stop before the piece; a mark or an emoji stays as it is, and a
    line among lines takes the piece on a line of its own."""
    piece = "Einladung zum Röstkurs am 12. Dezember, 18 Uhr."
    assert appended("Wir freuen uns.\n\nAnmeldung im Laden oder per Mail", piece) == (
        f"Wir freuen uns.\n\nAnmeldung im Laden oder per Mail. {piece}")
    assert appended("Komm vorbei ☕", piece) == f"Komm vorbei ☕ {piece}"
    assert appended("Hook\nErste Zeile", piece) == f"Hook\nErste Zeile\n{piece}"


def test_the_posts_closing_hashtags_stay_after_the_piece() -> None:
    """"... no credit card #DataEngineering #dbt. We sponsor the meetup on 18 December ..."
    (a Mastodon draft, bench 2026-12-03): the piece goes before the tags that close the
    body, in a sentence as on a line of its own."""
    piece = "We sponsor the meetup on 18 December at 19:00."
    assert appended("Don't miss out! Try it free #DataEngineering #dbt.", piece) == (
        f"Don't miss out! Try it free. {piece} #DataEngineering #dbt")
    assert appended("Hook\nErste Zeile\n#Kaffee #Hamburg", piece) == (
        f"Hook\nErste Zeile\n{piece}\n#Kaffee #Hamburg")
    assert appended("Komm vorbei #Kaffee", piece) == f"Komm vorbei. {piece} #Kaffee"
    # tags inside a sentence, or a post of tags alone, stay where they are
    assert appended("Unser #Kaffee ist da.", piece) == f"Unser #Kaffee ist da. {piece}"
    assert appended("#Kaffee #Hamburg", piece) == f"#Kaffee #Hamburg. {piece}"


def lacking(brief: str) -> object:
    return lambda text: missing(text, brief, "en")


def findings(*codes: str) -> object:
    def found(text: str) -> Sequence[Problem]:
        return [problem(code, code) for code in codes]
    return found


def test_the_piece_with_the_missing_fact_is_added() -> None:
    post = "Join our barista class in English on Sunday, 15 December, 2 pm. Six people max."
    done = with_brief_facts(post, CLASS, lacking(CLASS), findings(), [])
    assert done == post + " 49 euros per person."
    assert with_brief_facts(done, CLASS, lacking(CLASS), findings(), []) == done


def test_no_piece_is_added_that_the_checker_finds_fault_with() -> None:
    post = "Join our barista class in English on Sunday, 15 December, 2 pm. Six people max."
    assert with_brief_facts(post, CLASS, lacking(CLASS), findings("too_long"), []) == post
    # what the post had before may stay
    kept = [problem("spelling", "x")]
    assert with_brief_facts(post, CLASS, lacking(CLASS), findings("spelling"), kept) != post


def test_a_piece_leaves_out_its_first_part_when_the_post_says_it() -> None:
    """The brief's "Kostenlos, Anmeldung über den Link." under a post that says "kostenlos"
    made "kostenlos. Kostenlos, Anmeldung ..." (CLI, 2026-12-06): only the unsaid rest goes."""
    brief = ("Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor. Kostenlos, Anmeldung über "
             "den Link.")
    post = "Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor, kostenlos."
    done = with_brief_facts(post, brief, lambda text: missing(text, brief, "de"), findings(), [])
    assert done == post + " Anmeldung über den Link."
    # a post that does not say the first part gets the whole piece
    bare = "Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor."
    assert with_brief_facts(bare, brief, lambda text: missing(text, brief, "de"), findings(),
                            []).endswith(" Kostenlos, Anmeldung über den Link.")
