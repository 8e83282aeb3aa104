"""The name lists are kept in the user cache dir and built again only when their sources
change (real files, real marshal)."""

from __future__ import annotations

import logging
from pathlib import Path

import gender_guesser.detector
import pytest

from assistant.quality import dictionary
from assistant.quality.marshalcache import word_set


class Builder:
    def __init__(self) -> None:
        self.runs = 0

    def __call__(self) -> frozenset[str]:
        self.runs += 1
        return frozenset({"Hanne", "Okan", "Priya"})


def test_built_once_then_read_until_a_source_changes(tmp_path: Path) -> None:
    source, build = tmp_path / "names.txt", Builder()
    source.write_text("Hanne\nOkan\n")
    first = word_set("names", [source], build, tmp_path / "cache")
    assert word_set("names", [source], build, tmp_path / "cache") == first
    assert build.runs == 1
    source.write_text("Hanne\nOkan\nPriya\n")  # an upgraded package
    word_set("names", [source], build, tmp_path / "cache")
    assert build.runs == 2


def test_a_broken_file_is_built_again(tmp_path: Path) -> None:
    source, build = tmp_path / "names.txt", Builder()
    source.write_text("Hanne\n")
    word_set("names", [source], build, tmp_path)
    for cached in tmp_path.glob("names-*.marshal"):
        cached.write_bytes(b"not marshal")
    assert word_set("names", [source], build, tmp_path) == {"Hanne", "Okan", "Priya"}
    assert build.runs == 2


def test_an_unwritable_cache_costs_only_time(tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    source, build, blocker = tmp_path / "names.txt", Builder(), tmp_path / "a-file"
    source.write_text("Hanne\n")
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        assert word_set("names", [source], build, blocker / "cache") == build()
    assert "cannot cache names-" in caplog.text


def test_the_name_lists_come_from_the_user_cache_dir(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    loaders = (dictionary.given_names, dictionary.german_plain_names, dictionary.place_names)
    for loader in loaders:
        loader.cache_clear()
    built = [loader() for loader in loaders]
    names = sorted(p.name.split("-")[0] for p in (tmp_path / "postwerk").glob("*.marshal"))
    assert names == ["german", "given", "place"]
    for loader in loaders:  # a new process reads them back
        loader.cache_clear()
    assert [loader() for loader in loaders] == built
    assert built[0] == frozenset(gender_guesser.detector.Detector(case_sensitive=True).names)
    assert "Kolumbien" in built[2] and "Hanne" in built[1]
