"""The German noun index: parsed from the german-nouns CSV, cached in the data dir."""

from __future__ import annotations

from pathlib import Path

from assistant.quality.nounforms import cases_of, genus_words
from assistant.quality.nouns import cache_file, csv_path, load_index, parse

HEADER = ("lemma,pos,genus,genus 1,genus 2,nominativ singular,nominativ plural,"
          "genitiv singular,dativ singular,dativ singular*,dativ plural,akkusativ plural\n")
ROWS = ("Platz,Substantiv,m,,,Platz,Plätze,Platzes,Platz,Platze,Plätzen,Plätze\n"
        "See,Substantiv,m,,,See,Seen,Sees,See,,Seen,Seen\n"
        "See,Substantiv,f,,,See,Seen,See,See,,Seen,Seen\n"
        "-ant,\"Affix,Substantiv\",,m,n,-ant,-anten,,,,,\n"
        "Müller,\"Nachname,Substantiv\",,,,,,,,,,\n")


def _csv(tmp_path: Path, rows: str = ROWS) -> Path:
    path = tmp_path / "nouns.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_forms_get_every_reading_of_every_entry(tmp_path: Path) -> None:
    index = parse(_csv(tmp_path))
    assert genus_words(index["plätze"]) == "plural"
    assert cases_of(index["plätze"]) == ["nom", "acc"]
    assert cases_of(index["plätzen"]) == ["dat"]
    assert genus_words(index["platze"]) == "masculine"  # the old dative "dem Platze"
    assert genus_words(index["see"]) == "masculine or feminine"
    assert genus_words(index["-ant"]) == "masculine or neuter"
    assert "müller" not in index  # a surname row without forms


def test_the_index_is_cached_per_csv_content(tmp_path: Path) -> None:
    source, cache_dir = _csv(tmp_path), tmp_path / "cache"
    first = load_index(source, cache_dir)
    cached = cache_file(source, cache_dir)
    assert cached.is_file()
    assert load_index(source, cache_dir) == first
    # a changed CSV gets a new cache file, never the old index
    _csv(tmp_path, ROWS + "Kurs,Substantiv,m,,,Kurs,Kurse,Kurses,Kurs,,Kursen,Kurse\n")
    assert "kursen" in load_index(source, cache_dir)
    assert cache_file(source, cache_dir) != cached


def test_a_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    source, cache_dir = _csv(tmp_path), tmp_path / "cache"
    cache_dir.mkdir()
    cache_file(source, cache_dir).write_bytes(b"not marshal")
    assert "plätzen" in load_index(source, cache_dir)


def test_the_installed_package_ships_the_csv() -> None:
    assert csv_path().name == "nouns.csv" and csv_path().stat().st_size > 10_000_000
