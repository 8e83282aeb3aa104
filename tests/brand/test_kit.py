"""Kit files: round trips, validation messages, atomic saves, the example kits' content."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brand.fsutil import atomic_write
from assistant.brand.kit import (
    BrandKit,
    ExamplePost,
    create_kit,
    kit_from_yaml,
    list_kits,
    load_kit,
    save_kit,
)
from assistant.errors import BrandKitError, InputError, KitNotFoundError
from tests.brand.conftest import COFFEE, EXAMPLE_KITS, SOFTWARE, snapshot


def _vat_ok(vat: str) -> bool:
    """ISO 7064 MOD 11,10 check digit of a German USt-IdNr."""
    if len(vat) != 11 or not vat.startswith("DE") or not vat[2:].isdigit():
        return False
    product = 10
    for digit in vat[2:10]:
        total = (int(digit) + product) % 10 or 10
        product = (2 * total) % 11
    return (11 - product) % 10 == int(vat[10])


def test_known_vat_id_passes_the_check_helper() -> None:
    assert _vat_ok("DE136695976")
    assert not _vat_ok("DE136695975")


@pytest.mark.parametrize("kit_id", [COFFEE, SOFTWARE])
def test_round_trip_load_save_load(kit_id: str, kits_dir: Path) -> None:
    kit = load_kit(kit_id)
    saved = save_kit(kit)
    assert saved == kit
    again = load_kit(kit_id)
    assert again == kit
    assert again.model_dump() == kit.model_dump()
    # a second save of an unchanged kit leaves example files byte for byte alone
    before = snapshot(kits_dir / kit_id / "examples")
    save_kit(again)
    assert snapshot(kits_dir / kit_id / "examples") == before


def test_example_kits_meet_the_brief() -> None:
    coffee = load_kit(COFFEE, EXAMPLE_KITS)
    software = load_kit(SOFTWARE, EXAMPLE_KITS)
    assert list_kits(EXAMPLE_KITS) == [COFFEE, SOFTWARE]
    assert coffee.formality == "du" and coffee.default_language == "de"
    assert {"instagram", "facebook", "linkedin", "mastodon", "google_business"} <= {
        c.platform for c in coffee.channels}
    assert all(c.bundesland == "HH" and c.posts_per_week > 0 and c.weekdays and c.times
               for c in coffee.channels)
    assert {"linkedin", "x", "bluesky"} <= {c.platform for c in software.channels}
    for kit in (coffee, software):
        assert len(kit.examples) >= 15
        assert len({e.platform for e in kit.examples}) >= 3
        assert kit.pillars and kit.banned_words and kit.hashtags.pool
        assert list((EXAMPLE_KITS / kit.id / "docs").glob("*.md"))
    assert all(e.language == "en" for e in software.examples)


def test_coffee_legal_entity_is_complete_for_section_5_ddg() -> None:
    legal = load_kit(COFFEE, EXAMPLE_KITS).legal
    assert legal.legal_form == "GmbH" and legal.representatives
    assert legal.street and legal.postal_code and legal.city == "Hamburg"
    assert legal.email and legal.phone
    assert legal.register_court == "Amtsgericht Hamburg"
    assert legal.register_number and legal.register_number.startswith("HRB ")
    assert legal.vat_id and _vat_ok(legal.vat_id)
    assert _vat_ok(str(load_kit(SOFTWARE, EXAMPLE_KITS).legal.vat_id))


def _write(kits_dir: Path, kit_id: str, text: str) -> Path:
    path = kits_dir / kit_id / "kit.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_yaml_names_file_and_line(kits_dir: Path) -> None:
    _write(kits_dir, COFFEE, "id: kaffeekontor-hamburg\nname: [unclosed\nlegal: {}\n")
    with pytest.raises(BrandKitError, match=r"kaffeekontor-hamburg/kit.yaml: not valid YAML "
                                            r"\(line \d+, column \d+"):
        load_kit(COFFEE)


def test_unknown_field_is_an_error_with_the_allowed_fields(kits_dir: Path) -> None:
    path = kits_dir / COFFEE / "kit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  register_court:", "  registry_court: x\n  register_court:"), encoding="utf-8")
    with pytest.raises(BrandKitError) as err:
        load_kit(COFFEE)
    msg = str(err.value)
    assert "kit.yaml" in msg and "unknown field 'legal.registry_court'" in msg
    assert "register_court" in msg  # the fix: the allowed spelling is listed


def test_missing_field_names_it(kits_dir: Path) -> None:
    path = kits_dir / COFFEE / "kit.yaml"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if not ln.startswith("name:")]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(BrandKitError, match=r"kit.yaml: missing field 'name'; add it"):
        load_kit(COFFEE)


def test_bad_value_names_field_and_fix(kits_dir: Path) -> None:
    path = kits_dir / COFFEE / "kit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "platform: facebook", "platform: myspace"), encoding="utf-8")
    with pytest.raises(BrandKitError, match=r"field 'channels\[1\]\.platform': unknown "
                                            r"platform 'myspace'; use one of x, bluesky"):
        load_kit(COFFEE)


def test_non_utf8_kit_yaml(kits_dir: Path) -> None:
    (kits_dir / COFFEE / "kit.yaml").write_bytes("name: Möwe\n".encode("latin-1"))
    with pytest.raises(BrandKitError, match="not UTF-8 text.*save the file as UTF-8"):
        load_kit(COFFEE)


def test_id_must_match_folder(kits_dir: Path) -> None:
    path = kits_dir / COFFEE / "kit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        f"id: {COFFEE}", f"id: {SOFTWARE}"), encoding="utf-8")
    with pytest.raises(BrandKitError, match="field 'id' is 'tessaline-software' but the folder"):
        load_kit(COFFEE)


def test_duplicate_id_on_create_keeps_existing_kit(kits_dir: Path) -> None:
    before = snapshot(kits_dir / COFFEE)
    other = load_kit(SOFTWARE).model_copy(update={"id": COFFEE})
    with pytest.raises(BrandKitError, match="already exists; choose another id"):
        create_kit(other)
    assert snapshot(kits_dir / COFFEE) == before


def test_duplicates_inside_a_kit(kits_dir: Path) -> None:
    kit = load_kit(COFFEE)
    data = kit.model_dump()
    data["pillars"].append(dict(data["pillars"][0]))
    with pytest.raises(ValueError, match="duplicate pillar name"):
        BrandKit.model_validate(data)
    # the same post in two example files is an error naming both files
    src = kits_dir / COFFEE / "examples" / "instagram-01.md"
    (src.parent / "instagram-99.md").write_bytes(src.read_bytes())
    with pytest.raises(BrandKitError, match="instagram-99.md: duplicate of examples/"
                                            "instagram-01.md"):
        load_kit(COFFEE)


@pytest.mark.parametrize(("content", "expected"), [
    ("just text, no front matter\n", "no front matter"),
    ("---\nplatform: myspace\nlanguage: de\n---\nHallo\n", "unknown platform 'myspace'"),
    ("---\nplatform: x\nlanguage: de\nmood: happy\n---\nHallo\n", "unknown field 'mood'"),
    ("---\nplatform: x\nlanguage: de\n---\n\n", "field 'text'"),
    ("---\nplatform: [x\n---\nHallo\n", "front matter is not valid YAML"),
])
def test_bad_example_file(kits_dir: Path, content: str, expected: str) -> None:
    (kits_dir / COFFEE / "examples" / "broken.md").write_text(content, encoding="utf-8")
    with pytest.raises(BrandKitError, match="examples/broken.md: .*" + expected):
        load_kit(COFFEE)


def test_unknown_kit_lists_the_available_ones(kits_dir: Path) -> None:
    with pytest.raises(KitNotFoundError, match="available: kaffeekontor-hamburg, tessaline"):
        load_kit("no-such-kit")
    with pytest.raises(InputError, match="not a kit id"):
        load_kit("../etc")


def test_invalid_kit_is_not_saved(kits_dir: Path) -> None:
    before = snapshot(kits_dir / COFFEE)
    broken = load_kit(COFFEE).model_copy(update={"default_language": "fr"})
    with pytest.raises(BrandKitError, match="default_language 'fr' is not in languages"):
        save_kit(broken)
    assert snapshot(kits_dir / COFFEE) == before


def test_failed_save_never_damages_the_kit(kits_dir: Path) -> None:
    kit = load_kit(COFFEE)
    before = snapshot(kits_dir / COFFEE)
    new_post = ExamplePost(platform="x", language="de", text="Neu!", source="x-01.md")
    # a folder where the new example file must go makes the write fail half-way
    (kits_dir / COFFEE / "examples" / "x-01.md").mkdir()
    changed = kit.model_copy(update={"name": "Anders", "examples": [*kit.examples, new_post]})
    with pytest.raises(BrandKitError, match="cannot save kit .*not damaged"):
        save_kit(changed)
    after = snapshot(kits_dir / COFFEE)
    assert after == before  # kit.yaml and every example untouched, no temp files left
    assert load_kit(COFFEE) == kit


def test_atomic_write_keeps_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_yaml_with_examples_key_is_rejected() -> None:
    with pytest.raises(BrandKitError, match="'examples' does not belong in kit.yaml"):
        kit_from_yaml("id: abc\nname: A\nlegal: {name: A, legal_form: GmbH}\nexamples: []\n")


def test_unquoted_times_are_read_as_times() -> None:
    kit = kit_from_yaml("id: abc\nname: A\nlegal: {name: A, legal_form: GmbH}\n"
                        "channels:\n- {platform: x, handle: a, times: [10:30, '08:00']}\n")
    assert kit.channels[0].times == ["10:30", "08:00"]


def test_new_examples_get_file_names(kits_dir: Path) -> None:
    kit = load_kit(SOFTWARE)
    post = ExamplePost(platform="x", language="en", text="A brand new post.")
    saved = save_kit(kit.model_copy(update={"examples": [*kit.examples, post]}))
    assert saved.examples[-1].source == "x-06.md"  # x-01..x-05 exist
    assert (kits_dir / SOFTWARE / "examples" / "x-06.md").read_text(encoding="utf-8") == (
        "---\nplatform: x\nlanguage: en\n---\nA brand new post.\n")
    assert load_kit(SOFTWARE).examples[-1].text == "A brand new post."
