"""Rule mining on German edit pairs: recurring corrections are found, one-offs are not."""

from __future__ import annotations

from assistant.learning.mining import Pair, Thresholds, changed_spans, mine

KUNDEN = [
    Pair("instagram", "Moin! Für unsere Kunden rösten wir heute die neue Bohne aus Peru.",
         "Moin! Für unsere Gäste rösten wir heute die neue Bohne aus Peru."),
    Pair("facebook", "Moin Hamburg, viele Kunden fragen nach Cold Brew: ab Montag gibt es ihn.",
         "Moin Hamburg, viele Gäste fragen nach Cold Brew: ab Montag gibt es ihn."),
    Pair("instagram", "Moin! Danke an alle Kunden, die beim Cupping dabei waren.",
         "Moin! Danke an alle Gäste, die beim Cupping dabei waren."),
]


def _kinds(pairs: list[Pair]) -> dict[tuple[str, str], object]:
    return {(f.kind, f.key): f.value for f in mine(pairs)}


def test_a_replacement_seen_in_three_pairs_is_found() -> None:
    found = _kinds(KUNDEN)
    assert found[("replace", "Kunden")] == "Gäste"


def test_a_one_off_replacement_proposes_nothing() -> None:
    one = [KUNDEN[0], Pair("x", "Moin! Der Kurs ist voll.", "Moin! Der Kurs ist ausgebucht."),
           Pair("x", "Moin! Neue Tassen.", "Moin! Neue Becher.")]
    assert not [f for f in mine(one) if f.kind in ("replace", "remove")]


def test_a_replacement_made_in_under_70_percent_of_its_pairs_is_not_proposed() -> None:
    kept = [Pair("instagram", f"Moin! Unsere Kunden lieben Sorte {n}.",
                 f"Moin! Unsere Kunden lieben Sorte {n}.") for n in range(3)]
    # 3 of 6 pairs with "Kunden" changed it: 50 %
    assert ("replace", "Kunden") not in _kinds(KUNDEN + kept)


def test_an_emoji_always_removed_is_found_and_one_kept_is_not() -> None:
    pairs = [Pair("instagram", f"Moin! Röstkurs Nummer {n} 🎉☕", f"Moin! Röstkurs Nummer {n} ☕")
             for n in range(4)]
    found = _kinds(pairs)
    assert ("emoji", "🎉") in found
    assert ("emoji", "☕") not in found


def test_a_hashtag_always_removed_is_found() -> None:
    pairs = [Pair("instagram", f"Moin! Neue Bohne {n}. #Kaffee #Angebot",
                  f"Moin! Neue Bohne {n}. #Kaffee") for n in range(3)]
    found = _kinds(pairs)
    assert ("hashtag", "angebot") in found and ("hashtag", "kaffee") not in found


def test_an_opener_put_in_front_is_found() -> None:
    pairs = [Pair("instagram", "Heute rösten wir Peru.", "Moin! Heute rösten wir Peru."),
             Pair("x", "Neue Kurse im März.", "Moin, neue Kurse im März."),
             Pair("facebook", "Das Café hat länger offen.", "Moin! Das Café hat länger offen."),
             Pair("x", "Moin! Schon da?", "Moin! Schon da? Wir freuen uns.")]
    assert ("opener", "Moin") in _kinds(pairs)


def test_an_opener_added_once_is_not_found() -> None:
    pairs = [Pair("instagram", "Heute rösten wir Peru.", "Moin! Heute rösten wir Peru."),
             Pair("x", "Neue Kurse im März.", "Neue Kurse im März, jetzt buchen."),
             Pair("facebook", "Das Café hat länger offen.", "Das Café hat bis 20 Uhr offen.")]
    assert not [f for f in mine(pairs) if f.kind == "opener"]


def test_a_platform_made_shorter_gets_a_length_and_others_do_not() -> None:
    long = "Moin! " + "Wir haben lange an diesem Röstprofil gearbeitet und erzählen davon. " * 8
    short = "Moin! Wir haben lange an diesem Röstprofil gearbeitet."
    pairs = [Pair("linkedin", long + str(n), short + str(n)) for n in range(4)]
    pairs += [Pair("instagram", f"Moin! Bohne {n}.", f"Moin! Bohne {n}, frisch.") for n in range(3)]
    found = _kinds(pairs)
    assert found[("length", "linkedin")] == 60  # the longest final text, rounded up to ten
    assert ("length", "instagram") not in found


def test_a_removed_phrase_is_found() -> None:
    pairs = [Pair("instagram", f"Moin! Neue Bohne {n} ist da. Jetzt zuschlagen!",
                  f"Moin! Neue Bohne {n} ist da.") for n in range(3)]
    found = _kinds(pairs)
    assert ("remove", "Jetzt zuschlagen") in found and found[("remove", "Jetzt zuschlagen")] is None


def test_stricter_thresholds_drop_weak_findings() -> None:
    assert not [f for f in mine(KUNDEN, Thresholds(min_pairs=4)) if f.kind == "replace"]


def test_changed_spans_ignore_punctuation_and_case() -> None:
    assert changed_spans("Liebe Kunden, willkommen!", "liebe Gäste - willkommen") == [
        ("Kunden", "Gäste")]
