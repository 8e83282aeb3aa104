"""The Brand kits page, driven with AppTest as a new user would use it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.brand.fsutil import MAX_DOC_BYTES
from assistant.brand.kit import list_kits, load_kit
from assistant.brand.store import index_current
from assistant.config import get_settings
from tests.brand.conftest import COFFEE, SOFTWARE, pdf_bytes, snapshot

NEW = "+ New kit"


def page() -> AppTest:
    return AppTest.from_string("from assistant.ui import brand\nbrand.render()",
                               default_timeout=180)


@pytest.fixture()
def empty_kits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my-kits"
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(folder))
    get_settings.cache_clear()
    return folder


def keyed(widgets: Any, prefix: str, suffix: str = "") -> Any:
    """The widget whose key starts with ``prefix`` (edit keys carry the kit's version)."""
    return next(w for w in widgets if str(w.key).startswith(prefix) and
                str(w.key).endswith(suffix))


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_first_run_copies_an_example_kit(empty_kits: Path) -> None:
    at = page().run()
    assert not at.exception
    assert "No brand kit yet" in at.info[0].value
    at.selectbox(key="brand_copy_src").select(SOFTWARE).run()
    at.button(key="brand_copy").click().run()
    assert not at.exception and not errors(at)
    assert "Copied the example into kit 'tessaline-software'" in at.success[0].value
    assert at.selectbox(key="brand_choice").value == SOFTWARE
    assert list_kits(empty_kits) == [SOFTWARE]
    assert index_current(load_kit(SOFTWARE, empty_kits))  # indexed on copy, not at a draft


def _create_kit(at: AppTest) -> AppTest:
    at.selectbox(key="brand_choice").select(NEW).run()
    at.text_input(key="new_name").input("Nordlicht Bäckerei")
    at.text_input(key="new_id").input("nordlicht")
    at.multiselect(key="new_langs").set_value(["de", "en"])
    at.radio(key="new_formality").set_value("Sie")
    at.text_input(key="new_tone").input("warm, bodenständig")
    at.text_area(key="new_pillars").input("Backstube | Handwerk am Morgen | 3\nTeam | Menschen")
    at.text_area(key="new_banned").input("billig -> günstig\nlecker")
    at.text_input(key="new_tags_always").input("#Nordlicht")
    at.text_input(key="new_link_website").input("https://nordlicht.example/")
    at.text_input(key="new_lname").input("Nordlicht Backwaren GmbH")
    at.text_input(key="new_legal_email").input("info@nordlicht.example")
    return at.button(key="FormSubmitter:brand_new-Create kit").click().run()


def test_create_a_kit_from_nothing_and_use_it(empty_kits: Path) -> None:
    at = _create_kit(page().run())
    assert not at.exception and not errors(at), errors(at)
    assert "Created kit 'nordlicht'" in at.success[0].value
    kit = load_kit("nordlicht", empty_kits)
    assert kit.formality == "Sie" and kit.languages == ["de", "en"]
    assert [p.weight for p in kit.pillars] == [3.0, 1.0]
    assert kit.banned_words[0].replacement == "günstig" and kit.banned_words[1].word == "lecker"
    assert kit.hashtags.always == ["Nordlicht"] and kit.legal.email == "info@nordlicht.example"

    at.text_input(key="ch_h_nordlicht").input("nordlicht.baeckerei")
    at.selectbox(key="ch_p_nordlicht").select("instagram")
    at.button(key="FormSubmitter:chan_add_nordlicht-Add channel").click().run()
    assert not errors(at)
    assert load_kit("nordlicht", empty_kits).channels[0].handle == "nordlicht.baeckerei"

    posts = [("de", "Frische Franzbrötchen ab sechs Uhr. Kommen Sie vorbei, solange sie warm "
                    "sind."),
             ("de", "Unser Sauerteig reift 24 Stunden. Deshalb schmeckt das Brot auch am "
                    "dritten Tag noch."),
             ("en", "Fresh cinnamon buns from six in the morning, while they are still warm.")]
    for lang, text in posts:
        at.selectbox(key="ex_l_nordlicht").select(lang)
        at.text_area(key="ex_t_nordlicht").input(text)
        at.button(key="FormSubmitter:ex_add_nordlicht-Add example").click().run()
        assert not errors(at), errors(at)
    assert len(load_kit("nordlicht", empty_kits).examples) == 3

    uploader = at.file_uploader(key="doc_up_nordlicht")
    uploader.upload("leitfaden.md", b"# Leitfaden\n\nWir siezen unsere Kundschaft. Immer "
                    b"freundlich, nie aufdringlich.", "text/markdown").run()
    at.button(key="doc_add_nordlicht").click().run()
    assert not errors(at) and "Added leitfaden.md" in at.success[0].value
    assert index_current(load_kit("nordlicht", empty_kits))  # each save indexed what changed

    at.button(key="reindex_nordlicht").click().run()
    assert not errors(at)
    assert at.progress and "0 added, 0 removed, 4 unchanged" in at.success[0].value

    at.text_area(key="prev_q_nordlicht").input("Zimtschnecken am Morgen")
    at.button(key="prev_go_nordlicht").click().run()
    shown = [m.value for m in at.markdown]
    ranked = [m.split("`")[1] for m in shown if "· example ·" in m]
    # the German query about morning pastries ranks both pastry posts (de, en) first
    assert ranked == ["examples/x-01.md", "examples/x-03.md", "examples/x-02.md"], shown
    assert any("guideline" in m and "docs/leitfaden.md" in m for m in shown)
    assert any("cinnamon buns" in c.value for c in at.code)


def test_bad_uploads_show_errors_and_keep_documents(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(COFFEE).run()
    before = snapshot(kits_dir / COFFEE)
    uploader = at.file_uploader(key=f"doc_up_{COFFEE}")
    uploader.upload("scan.pdf", pdf_bytes(None), "application/pdf")
    uploader.upload("alt.txt", "Röstung".encode("latin-1"), "text/plain")
    uploader.upload("riesig.md", b"a" * (MAX_DOC_BYTES + 10), "text/markdown")
    uploader.upload("gut.md", b"# Gut\n\nEin Dokument mit Text.", "text/markdown").run()
    at.button(key=f"doc_add_{COFFEE}").click().run()
    assert not at.exception
    shown = " | ".join(errors(at))
    assert "scan.pdf: the PDF has no text" in shown
    assert "alt.txt: not UTF-8 text" in shown
    assert "riesig.md: 5.2 MB is over the limit" in shown
    assert "Added gut.md" in at.success[0].value
    after = snapshot(kits_dir / COFFEE)
    assert set(after) - set(before) == {"docs/gut.md"}
    assert all(after[name] == data for name, data in before.items())


def test_edit_form_and_yaml_editor_validate_before_saving(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(SOFTWARE).run()
    before = snapshot(kits_dir / SOFTWARE)
    prefix = f"edit_{SOFTWARE}_"
    keyed(at.text_area, prefix, "_pillars").input("Product | releases | lots")
    at.button(key=f"FormSubmitter:brand_edit_{SOFTWARE}-Save").click().run()
    assert "pillars, line 1: weight 'lots' is not a number" in errors(at)[0]
    assert snapshot(kits_dir / SOFTWARE) == before

    original = keyed(at.text_area, f"yaml_{SOFTWARE}_").value
    for text, expected in [
        ("id: tessaline-software\nname: [x\n", "YAML editor: not valid YAML"),
        (original.replace("cta:", "colour: blue\ncta:"), "unknown field 'colour'"),
        (original.replace("id: tessaline-software", "id: other-id"), "an id cannot be changed"),
    ]:
        keyed(at.text_area, f"yaml_{SOFTWARE}_").input(text)
        at.button(key=f"yaml_save_{SOFTWARE}").click().run()
        assert expected in errors(at)[0]
        assert snapshot(kits_dir / SOFTWARE) == before

    keyed(at.text_area, f"yaml_{SOFTWARE}_").input(
        original.replace("name: Tessaline", "name: Tessaline AI"))
    at.button(key=f"yaml_save_{SOFTWARE}").click().run()
    assert not errors(at) and at.success[0].value == "Saved kit.yaml."
    assert load_kit(SOFTWARE).name == "Tessaline AI"
    assert len(load_kit(SOFTWARE).examples) == 16

    # the form now shows the name saved from the YAML editor (no stale widget state)
    assert keyed(at.text_input, prefix, "_name").value == "Tessaline AI"
    keyed(at.text_input, prefix, "_name").input("Tessaline Software")
    at.button(key=f"FormSubmitter:brand_edit_{SOFTWARE}-Save").click().run()
    assert not errors(at) and load_kit(SOFTWARE).name == "Tessaline Software"
    assert keyed(at.text_area, f"yaml_{SOFTWARE}_").value.count("name: Tessaline Software") == 1


def test_duplicate_id_and_broken_kit_repair(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(NEW).run()
    at.text_input(key="new_name").input("Copy")
    at.text_input(key="new_id").input(COFFEE)
    at.text_input(key="new_lname").input("Copy GmbH")
    at.button(key="FormSubmitter:brand_new-Create kit").click().run()
    assert "already exists; choose another id" in errors(at)[0]

    path = kits_dir / SOFTWARE / "kit.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("formality: neutral", "formality: casual"), encoding="utf-8")
    at = page().run()
    at.selectbox(key="brand_choice").select(SOFTWARE).run()
    assert "field 'formality'" in errors(at)[0]
    at.text_area(key=f"repair_{SOFTWARE}").input(good)
    at.button(key=f"repair_save_{SOFTWARE}").click().run()
    assert not errors(at) and "loads again" in at.success[0].value
    assert load_kit(SOFTWARE).formality == "neutral"


def test_remove_example_channel_and_document(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(COFFEE).run()
    at.button(key=f"ex_del_{COFFEE}_mastodon-03.md").click().run()
    assert not errors(at) and len(load_kit(COFFEE).examples) == 17
    at.selectbox(key=f"chan_rm_{COFFEE}").select("mastodon · @moewenbohne@norden.social")
    at.button(key=f"chan_rm_btn_{COFFEE}").click().run()
    assert "mastodon" not in [c.platform for c in load_kit(COFFEE).channels]
    at.button(key=f"doc_rm_{COFFEE}_markenstimme.md").click().run()
    assert not errors(at) and not (kits_dir / COFFEE / "docs" / "markenstimme.md").exists()
