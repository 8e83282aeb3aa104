"""The Compliance page with AppTest: break one field at a time, see the right finding."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from streamlit.testing.v1 import AppTest

from assistant.brand.kit import EXAMPLE_KITS_DIR, load_kit, save_kit
from assistant.config import get_settings

from .conftest import Server

KIT = "kaffeekontor-hamburg"


@pytest.fixture
def kits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    kits_dir = tmp_path / "kits"
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(kits_dir))
    monkeypatch.setenv("POSTWERK_LINKS_ALLOW_PRIVATE", "true")
    get_settings.cache_clear()
    save_kit(load_kit(KIT, EXAMPLE_KITS_DIR), kits_dir)
    return kits_dir


def page() -> AppTest:
    at = AppTest.from_string("from assistant.ui import compliance\ncompliance.render()",
                             default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def key(field: str) -> str:
    return f"legal:{KIT}:{field}"


def shown_codes(at: AppTest) -> set[str]:
    """Finding codes shown anywhere on the page (each finding ends with `code` · `field`)."""
    out = set()
    for element in [*at.error, *at.warning]:
        text = element.value
        if "` · `" in text:
            out.add(text.rsplit("`", 4)[-4])
    return out


def codes(at: AppTest) -> set[str]:
    """The Impressum findings (the channel tab shows its own, e.g. Google Business)."""
    return {c for c in shown_codes(at) if not c.startswith("channel_")}


def test_coffee_kit_impressum_complete(kits: Path) -> None:
    at = page()
    assert any("Vollständig" in s.value for s in at.success)
    website, profile = at.code[0].value, at.code[1].value
    assert website.startswith(
        "Impressum\n\nAngaben gemäß § 5 DDG\n\nMöwenbohne Kaffeerösterei GmbH")
    assert "Impressum: https://www.moewenbohne.example/impressum" in profile
    assert at.text_input(key=key("register_number")).value == "HRB 187654"


@pytest.mark.parametrize(("field", "value", "code"), [
    ("register_number", "", "register_number_missing"),
    ("register_court", "", "register_court_missing"),
    ("street", "Postfach 10 20 30", "po_box"),
    ("vat_id", "DE274180535", "vat_id_check_digit"),
    ("vat_id", "DE2741805", "vat_id_format"),
    ("email", "moin@", "email_invalid"),
    ("email", "", "email_missing"),
    ("phone", "Telefon folgt", "phone_invalid"),
    ("share_capital", "25.000 EUR", "share_capital_paid_missing"),
    ("name", "Möwenbohne Kaffeerösterei", "legal_form_not_in_name"),
    ("postal_code", "227", "postal_code_invalid"),
])
def test_breaking_one_field_shows_its_finding(kits: Path, field: str, value: str,
                                              code: str) -> None:
    at = page()
    assert codes(at) == set()
    at.text_input(key=key(field)).set_value(value).run()
    assert not at.exception
    assert codes(at) == {code}
    assert not any("Vollständig" in s.value for s in at.success)
    # the message names the field in both languages
    shown = next(e.value for e in at.error if f"`{code}`" in e.value)
    assert "\n\n" in shown


def test_second_contact_needs_both_cleared(kits: Path) -> None:
    at = page()
    at.text_input(key=key("phone")).set_value("").run()
    assert codes(at) == set()  # the contact form is still there
    at.text_input(key=key("contact_form_url")).set_value("").run()
    assert codes(at) == {"second_contact_missing"}


def test_representatives_and_legal_form(kits: Path) -> None:
    at = page()
    at.text_area(key=key("representatives")).set_value("").run()
    assert codes(at) == {"representative_missing"}
    at.text_area(key=key("representatives")).set_value("Hanne Petersen").run()
    at.selectbox(key=key("legal_form")).set_value("UG (haftungsbeschränkt)").run()
    assert codes(at) == {"legal_form_not_in_name"}
    at.text_input(key=key("name")).set_value("Möwenbohne UG").run()
    assert codes(at) == {"ug_suffix_missing"}


def test_regulated_profession_fields(kits: Path) -> None:
    at = page()
    at.checkbox(key=key("regulated")).check().run()
    assert {"profession_chamber_missing", "profession_title_missing"} <= codes(at)
    for field, value in (("chamber", "Steuerberaterkammer Hamburg"),
                         ("professional_title", "Steuerberater"),
                         ("title_state", "Deutschland"), ("professional_rules", "StBerG")):
        at.text_input(key=key(f"profession.{field}")).set_value(value).run()
    assert codes(at) == set()
    assert "Zuständige Kammer: Steuerberaterkammer Hamburg" in at.code[0].value


def test_reset_restores_kit_values(kits: Path) -> None:
    at = page()
    at.text_input(key=key("register_number")).set_value("").run()
    at.button(key="impressum_reset").click().run()
    assert not at.exception
    assert at.text_input(key=key("register_number")).value == "HRB 187654"
    assert codes(at) == set()


def test_save_to_kit(kits: Path) -> None:
    at = page()
    at.text_input(key=key("register_number")).set_value("HRB 999999").run()
    at.button(key="impressum_save").click().run()
    assert any("gespeichert" in s.value for s in at.success)
    assert load_kit(KIT, kits).legal.register_number == "HRB 999999"


def test_save_refuses_what_the_kit_would_not_load(kits: Path) -> None:
    at = page()
    at.text_input(key=key("email")).set_value("moin@").run()
    at.button(key="impressum_save").click().run()
    assert any("email" in e.value and "fix it before saving" in e.value for e in at.error)
    assert load_kit(KIT, kits).legal.email == "moin@moewenbohne.example"


def test_channels_offline_and_online(kits: Path, http_server: Server) -> None:
    kit = load_kit(KIT, kits)
    links = kit.links.model_copy(update={"impressum_url": http_server.url("/missing")})
    save_kit(kit.model_copy(update={"links": links}), kits)
    at = page()
    assert "channel_impressum_not_linked" in shown_codes(at)  # Google Business Profile
    assert any("I ZR 228/03" in c.value for c in at.caption)
    at.button(key="channels_online").click().run()
    assert not at.exception
    assert "channel_impressum_unreachable" in shown_codes(at)
    assert http_server.hits["HEAD /missing"] == 1  # one check for all channels


def test_ad_label_checker(kits: Path) -> None:
    at = page()
    at.text_area(key="adlabel_text").set_value("Neuer Espresso!\n\n#kaffee #werbung").run()
    assert any("ad_label_hashtag_only" in e.value for e in at.error)
    fixed = [c.value for c in at.code if c.value.startswith("Werbung | ")]
    assert fixed == ["Werbung | Neuer Espresso!\n\n#kaffee"]
    at.toggle(key="adlabel_sponsored").set_value(False).run()
    assert not any("ad_label" in e.value for e in at.error)
    at.toggle(key="adlabel_sponsored").set_value(True).run()
    at.radio(key="adlabel_lang").set_value("en").run()
    at.text_area(key="adlabel_text").set_value("Ad: new espresso").run()
    assert any("Label is fine" in s.value for s in at.success)


def test_link_report_with_queue(kits: Path, http_server: Server) -> None:
    from assistant.queue import QueueItem, open_queue

    kit = load_kit(KIT, kits)
    links = kit.links.model_copy(update={
        "website": http_server.url("/ok"), "shop": http_server.url("/redirect"),
        "impressum_url": http_server.url("/ok"), "link_in_bio_url": None})
    channels = [c.model_copy(update={"profile_url": http_server.url("/ok")})
                for c in kit.channels if c.platform != "google_business"]
    legal = kit.legal.model_copy(update={"contact_form_url": None})
    save_kit(kit.model_copy(update={"links": links, "channels": channels, "legal": legal}), kits)
    queue = open_queue(get_settings())
    queue.add(QueueItem(kit_id=KIT, platform="instagram",
                        scheduled_at=datetime(2026, 3, 3, 8, 30, tzinfo=ZoneInfo("Europe/Berlin")),
                        text="Neu: " + http_server.url("/missing")))
    queue.storage.dispose()
    at = page()
    assert not at.dataframe  # nothing is requested until asked
    assert http_server.hits["total"] == 0
    at.button(key="links_check").click().run()
    assert not at.exception
    table = at.dataframe[0].value
    statuses = dict(zip(table["Wo / where"], table["Status"], strict=True))
    assert statuses["links.website"] == "ok" and statuses["links.shop"] == "redirected"
    queue_rows = [s for w, s in statuses.items() if w.startswith("queue #")]
    assert queue_rows == ["broken"]
    assert any("kaputt" in e.value for e in at.error)
    assert {m.label: m.value for m in at.metric}["broken"] == "1"
