"""Impressum completeness per § 5 DDG: one table of cases, each breaking one thing."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.brand.kit import EXAMPLE_KITS_DIR, LegalEntity, load_kit
from assistant.compliance.findings import FIELD_LABELS
from assistant.compliance.impressum import email_ok, phone_ok, validate_impressum
from assistant.compliance.impressum_text import impressum_text, profile_impressum_text
from assistant.compliance.legalforms import LEGAL_FORMS
from assistant.compliance.report import impressum_report

from .conftest import gmbh

STEUERBERATER = dict(chamber="Steuerberaterkammer Hamburg", professional_title="Steuerberater",
                     title_state="Deutschland", professional_rules="StBerG, DVStB, BOStB")
SOLE = dict(representatives=[], register_court=None, register_number=None, vat_id=None)

# (case, overrides of the complete GmbH, error codes expected, warning codes expected)
CASES: list[tuple[str, dict[str, Any], set[str], set[str]]] = [
    ("complete GmbH", {}, set(), set()),
    ("GmbH without register number", {"register_number": None},
     {"register_number_missing"}, set()),
    ("GmbH without register court", {"register_court": ""}, {"register_court_missing"}, set()),
    ("GmbH without representative", {"representatives": []}, {"representative_missing"}, set()),
    ("PO box", {"street": "Postfach 10 20 30"}, {"po_box"}, set()),
    ("PO box english", {"street": "P.O. Box 1234"}, {"po_box"}, set()),
    ("no street", {"street": None}, {"street_missing"}, set()),
    ("bad postal code", {"postal_code": "2276"}, {"postal_code_invalid"}, set()),
    ("invalid VAT check digit", {"vat_id": "DE274180535"}, {"vat_id_check_digit"}, set()),
    ("VAT not DE + 9 digits", {"vat_id": "DE27418053"}, {"vat_id_format"}, set()),
    ("VAT with spaces is fine", {"vat_id": "DE 274 180 534"}, set(), set()),
    ("no VAT ID at all", {"vat_id": None}, set(), {"vat_id_missing"}),
    ("bad W-IdNr.", {"business_id": "DE12345"}, {"business_id_format"}, set()),
    ("missing second contact", {"phone": None, "contact_form_url": None},
     {"second_contact_missing"}, set()),
    ("contact form instead of phone", {"phone": None,
                                       "contact_form_url": "https://moewenbohne.example/kontakt"},
     set(), set()),
    ("invalid e-mail", {"email": "moin(at)moewenbohne.example"}, {"email_invalid"}, set()),
    ("missing e-mail", {"email": None}, {"email_missing"}, set()),
    ("invalid phone", {"phone": "ruf an: 040 123"}, {"phone_invalid"}, set()),
    ("share capital without paid-in", {"share_capital": "25.000 EUR"},
     {"share_capital_paid_missing"}, set()),
    ("share capital with paid-in", {"share_capital": "25.000 EUR",
                                    "share_capital_paid": "12.500 EUR"}, set(), set()),
    ("name without legal form", {"name": "Möwenbohne Kaffeerösterei"},
     {"legal_form_not_in_name"}, set()),
    ("register number of the wrong register", {"register_number": "HRA 12345"},
     set(), {"register_number_format"}),
    ("Einzelunternehmen without a register entry is fine",
     {"legal_form": "Einzelunternehmen", "name": "Hanne Petersen Kaffeehandel", **SOLE},
     set(), set()),
    ("Einzelunternehmen with only a half register entry",
     {"legal_form": "Einzelunternehmen", "name": "Hanne Petersen Kaffeehandel",
      **{**SOLE, "register_court": "Amtsgericht Hamburg"}},
     {"register_number_missing"}, set()),
    ("Freiberufler with chamber",
     {"legal_form": "Freiberufler", "name": "Steuerberatung Hanne Petersen",
      "profession": STEUERBERATER, **SOLE}, set(), set()),
    ("regulated profession missing chamber",
     {"legal_form": "Freiberufler", "name": "Steuerberatung Hanne Petersen",
      "profession": {**STEUERBERATER, "chamber": None}, **SOLE},
     {"profession_chamber_missing"}, set()),
    ("regulated profession with nothing filled in",
     {"legal_form": "Freiberufler", "name": "Hanne Petersen", "profession": {}, **SOLE},
     {"profession_chamber_missing", "profession_title_missing", "profession_state_missing",
      "profession_rules_missing"}, set()),
    ("UG complete", {"legal_form": "UG (haftungsbeschränkt)",
                     "name": "Möwenbohne UG (haftungsbeschränkt)"}, set(), set()),
    ("UG without (haftungsbeschränkt)", {"legal_form": "UG (haftungsbeschränkt)",
                                         "name": "Möwenbohne UG"}, {"ug_suffix_missing"}, set()),
    ("AG", {"legal_form": "AG", "name": "Möwenbohne AG"}, set(), set()),
    ("e.K. complete", {"legal_form": "e.K.", "name": "Möwenbohne Kaffee e.K.",
                       "representatives": [], "register_number": "HRA 98765"}, set(), set()),
    ("e.K. not registered", {"legal_form": "e.K.", "name": "Möwenbohne Kaffee e.K.",
                             "representatives": [], "register_number": None,
                             "register_court": None},
     {"register_number_missing", "register_court_missing"}, set()),
    ("KG without partners", {"legal_form": "KG", "name": "Möwenbohne KG", "representatives": [],
                             "register_number": "HRA 1"}, {"representative_missing"}, set()),
    ("GmbH & Co. KG", {"legal_form": "GmbH & Co. KG", "name": "Möwenbohne GmbH & Co. KG",
                       "register_number": "HRA 4711"}, set(), set()),
    ("GmbH & Co. KG named like a GmbH", {"legal_form": "GmbH & Co. KG",
                                         "register_number": "HRA 4711"},
     {"legal_form_not_in_name"}, set()),
    ("GbR without register is fine", {"legal_form": "GbR", "name": "Petersen & Demir GbR",
                                      "register_court": None, "register_number": None,
                                      "vat_id": None}, set(), set()),
    ("e.V.", {"legal_form": "e.V.", "name": "Kaffeefreunde Altona e.V.",
              "register_number": "VR 12345", "vat_id": None}, set(), set()),
    ("eG without register", {"legal_form": "eG", "name": "Röster eG", "register_number": None,
                             "register_court": None},
     {"register_number_missing", "register_court_missing"}, set()),
]


@pytest.mark.parametrize(("case", "overrides", "errors", "warnings"), CASES,
                         ids=[c[0] for c in CASES])
def test_impressum_cases(case: str, overrides: dict[str, Any], errors: set[str],
                         warnings: set[str]) -> None:
    findings = validate_impressum(gmbh(**overrides))
    assert {f.code for f in findings if f.is_error} == errors, case
    assert {f.code for f in findings if not f.is_error} == warnings, case


def test_every_finding_names_field_and_fix_in_both_languages() -> None:
    broken = gmbh(representatives=[], street="Postfach 1", phone=None, email="x",
                  register_number=None, vat_id="DE274180535", share_capital="25.000 EUR",
                  name="Möwenbohne", profession=dict(chamber=None))
    findings = validate_impressum(broken)
    assert len(findings) >= 8
    for f in findings:
        de_label, en_label = FIELD_LABELS[f.field]
        assert f.message_de.startswith(de_label) and f.message_en.startswith(en_label)
        assert len(f.message_de) > len(de_label) + 20 and len(f.message_en) > len(en_label) + 20
    # errors come first so the UI shows what blocks before what merely warns
    severities = [f.is_error for f in findings]
    assert severities == sorted(severities, reverse=True)


def test_codes_are_stable_per_field() -> None:
    f = validate_impressum(gmbh(register_number=None))[0]
    assert (f.code, f.field, f.severity.value) == (
        "register_number_missing", "register_number", "error")
    problem = f.to_problem()
    assert problem.source == "compliance" and problem.code == "register_number_missing"


def test_all_legal_forms_have_rules() -> None:
    from typing import get_args

    from assistant.brand.schema import LegalForm

    assert set(get_args(LegalForm)) == set(LEGAL_FORMS)


@pytest.mark.parametrize("number", ["+49 40 5550 1274", "040/555 01274", "0049 (40) 555-0",
                                    "+49-151-12345678"])
def test_phone_ok(number: str) -> None:
    assert phone_ok(number)


@pytest.mark.parametrize("number", ["12", "+49", "call 040 1234", "49 40 1234567",
                                    "+49 40 1234 5678 9012 3456"])
def test_phone_not_ok(number: str) -> None:
    assert not phone_ok(number)


@pytest.mark.parametrize(("email", "ok"), [("moin@moewenbohne.example", True),
                                           ("a.b+c@sub.firma.de", True), ("moin@", False),
                                           ("moin@firma", False), ("mo in@firma.de", False)])
def test_email_ok(email: str, ok: bool) -> None:
    assert email_ok(email) is ok


def test_website_text_order_and_content() -> None:
    entity = LegalEntity(
        name="Möwenbohne Kaffeerösterei GmbH", legal_form="GmbH",
        representatives=["Hanne Petersen", "Okan Demir"], street="Bohnenkai 12",
        postal_code="22767", city="Hamburg", email="moin@moewenbohne.example",
        phone="+49 40 5550 1274", register_court="Amtsgericht Hamburg",
        register_number="HRB 187654", vat_id="DE274180534", share_capital="25.000 EUR",
        share_capital_paid="25.000 EUR", supervisory_authority="Bezirksamt Altona",
        editorial_responsible="Hanne Petersen, Bohnenkai 12, 22767 Hamburg",
    )
    text = impressum_text(entity, [("Instagram", "https://www.instagram.com/moewenbohne")])
    lines = text.splitlines()
    assert lines[0] == "Impressum" and lines[2] == "Angaben gemäß § 5 DDG"
    order = ["Möwenbohne Kaffeerösterei GmbH", "Bohnenkai 12", "22767 Hamburg", "Deutschland",
             "Geschäftsführer: Hanne Petersen, Okan Demir", "Telefon: +49 40 5550 1274",
             "E-Mail: moin@moewenbohne.example", "Registergericht: Amtsgericht Hamburg",
             "Registernummer: HRB 187654", "DE274180534", "Bezirksamt Altona",
             "Stammkapital: 25.000 EUR, davon eingezahlt: 25.000 EUR",
             "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV:",
             "Dieses Impressum gilt auch für unsere Social-Media-Profile:",
             "- Instagram: https://www.instagram.com/moewenbohne"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "\n\n\n" not in text


def test_text_leaves_out_empty_sections_and_names_the_owner() -> None:
    entity = gmbh(legal_form="Freiberufler", name="Steuerberatung Petersen",
                  representatives=["Hanne Petersen"], register_court=None,
                  register_number=None, profession=STEUERBERATER)
    text = impressum_text(entity)
    assert "Registereintrag" not in text and "Social-Media" not in text
    assert "Inhaber: Hanne Petersen" in text and "Vertreten durch" not in text
    assert "Berufsbezeichnung: Steuerberater (verliehen in: Deutschland)" in text
    assert "Zuständige Kammer: Steuerberaterkammer Hamburg" in text


def test_register_kind_follows_legal_form() -> None:
    verein = gmbh(legal_form="e.V.", name="Kaffeefreunde e.V.", register_number="VR 1")
    assert "Eintragung im Vereinsregister." in impressum_text(verein)


def test_profile_text() -> None:
    text = profile_impressum_text(gmbh(), "https://www.moewenbohne.example/impressum")
    assert text == ("Möwenbohne Kaffeerösterei GmbH · Bohnenkai 12, 22767 Hamburg\n"
                    "Impressum: https://www.moewenbohne.example/impressum\n")


def test_coffee_kit_comes_out_complete() -> None:
    kit = load_kit("kaffeekontor-hamburg", EXAMPLE_KITS_DIR)
    report = impressum_report(kit)
    assert report.complete, [f.message_en for f in report.findings]
    assert "- Instagram: https://www.instagram.com/moewenbohne" in report.website_text
    assert "- Mastodon: https://norden.social/@moewenbohne" in report.website_text
    assert "Impressum: https://www.moewenbohne.example/impressum" in report.profile_text


def test_report_flags_missing_impressum_url() -> None:
    kit = load_kit("kaffeekontor-hamburg", EXAMPLE_KITS_DIR)
    kit = kit.model_copy(update={"links": kit.links.model_copy(update={"impressum_url": None})})
    report = impressum_report(kit)
    assert not report.complete
    assert [f.code for f in report.errors] == ["impressum_url_missing"]
