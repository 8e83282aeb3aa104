"""The German noun index behind the grammar check, built once per process.

The data is ``german_nouns/nouns.csv`` of the PyPI package ``german-nouns`` (about
100,000 nouns from the German Wiktionary with genus and every case and number form,
CC BY-SA 4.0). Only that CSV file is read, through the package's metadata: the package's
module pulls in its Wiktionary parser (lxml, mwparserfromhell) and its ``Nouns()`` takes
~7 s and ~235 MB. Parsing the CSV into our index (lower-cased form -> reading bits) takes
~4 s and ~42 MB, so the index is cached as a marshal file keyed by the CSV's SHA-256 and
the Python version; hashing and loading that take ~0.7 s (bench/bench_grammar.py). The
cache lives in the user's cache dir (``config.user_cache_dir``), not in a data dir: it is
derived from the installed package alone, so a new data dir (a second brand, a team
member's checkout, a test) does not parse the CSV again.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import marshal
import sys
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from assistant.config import user_cache_dir
from assistant.errors import ConfigError
from assistant.quality import marshalcache
from assistant.quality.nounforms import plural, singular

log = logging.getLogger(__name__)

_CSV = "german_nouns/nouns.csv"
_NUMBERS = {"singular": "sg", "plural": "pl"}
_CASE_COLUMNS = {"nominativ": "nom", "genitiv": "gen", "dativ": "dat", "akkusativ": "acc"}


def csv_path() -> Path:
    """Where the installed ``german-nouns`` package keeps its CSV."""
    try:
        path = Path(str(distribution("german-nouns").locate_file(_CSV)))
    except PackageNotFoundError as exc:
        raise ConfigError("the package german-nouns is missing; run `make run` "
                          "(or pip install -e .) to install Postwerk's dependencies") from exc
    return path


def _form_columns(header: list[str]) -> list[tuple[int, str, str]]:
    """(column index, case, number) of every form column ("dativ plural 2", ...)."""
    found = []
    for index, name in enumerate(header):
        parts = name.split()
        if len(parts) >= 2 and parts[0] in _CASE_COLUMNS and parts[1].rstrip("*") in _NUMBERS:
            found.append((index, _CASE_COLUMNS[parts[0]], _NUMBERS[parts[1].rstrip("*")]))
    return found


def _row_bits(genera: list[str], case: str, number: str) -> int:
    if number == "pl":
        return plural(case)
    bits = 0
    # a noun without a stated genus could be any: give it every one (never a false flag)
    for genus in genera or ["m", "f", "n"]:
        bits |= singular(genus, case)
    return bits


def parse(path: Path) -> dict[str, int]:
    """Lower-cased noun form -> the union of its readings over every entry."""
    index: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        columns = _form_columns(header)
        genus_columns = [i for i, name in enumerate(header) if name.startswith("genus")]
        pos_column = header.index("pos")
        for row in rows:
            if len(row) != len(header) or "Substantiv" not in row[pos_column]:
                continue
            genera = [row[i] for i in genus_columns if row[i] in ("m", "f", "n")]
            for column, case, number in columns:
                form = row[column]
                if form and " " not in form and form != "—":
                    key = form.lower()
                    index[key] = index.get(key, 0) | _row_bits(genera, case, number)
    return index


def cache_file(source: Path, cache_dir: Path) -> Path:
    """The cache of ``source``'s index: a changed CSV or another Python gets a new file."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    version = f"py{sys.version_info.major}{sys.version_info.minor}m{marshal.version}"
    return cache_dir / f"german-nouns-{digest}-{version}.marshal"


def load_index(source: Path, cache_dir: Path) -> dict[str, int]:
    """The index of ``source``, from the cache when it is unchanged, else parsed and cached."""
    cache = cache_file(source, cache_dir)
    index = marshalcache.read(cache)
    if not isinstance(index, dict):
        index = parse(source)
        marshalcache.write(cache, index)
    return index


@lru_cache(maxsize=1)
def noun_index() -> dict[str, int]:
    """The index of the installed CSV, cached in the user's cache dir; loaded once per
    process."""
    return load_index(csv_path(), user_cache_dir())
