"""Completeness of an Impressum per § 5 DDG, by legal form (pure).

``validate_impressum(entity)`` returns findings; each names the field, says what is
wrong and how to fix it, in German and English. Nothing here does I/O; the entity may
also be an unvalidated ``LegalEntity.model_construct(...)`` from the UI form, so every
value is re-checked here rather than trusted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.compliance.findings import Finding, finding
from assistant.compliance.legalforms import register_number_matches, rules_for
from assistant.compliance.vat import (
    business_id_format_ok,
    normalise_vat_id,
    vat_id_check_digit_ok,
    vat_id_format_ok,
)
from assistant.models import Severity

if TYPE_CHECKING:
    from assistant.brand.kit import LegalEntity

E, W = Severity.ERROR, Severity.WARNING
EMAIL_RE = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
# A PO box is no address where documents can be served (ladungsfähige Anschrift).
PO_BOX_RE = re.compile(
    r"\bpostfach\b|\bpostf\.|\bpf\.?\s*\d|\bp\.?\s*o\.?\s*box\b|\bpostlagernd\b|\bpackstation\b",
    re.IGNORECASE,
)
GERMANY = {"deutschland", "germany", "de", "bundesrepublik deutschland"}


def _blank(value: object) -> bool:
    return value is None or not str(value).strip()


def _name_rules(entity: LegalEntity) -> list[Finding]:
    name, form = (entity.name or "").strip(), entity.legal_form
    if not name:
        return [finding("name_missing", E, "name", "fehlt. Tragen Sie den exakten Namen ein.",
                        "missing. Enter the exact name.")]
    out: list[Finding] = []
    pattern = rules_for(form).name_pattern
    if form == "UG (haftungsbeschränkt)" and pattern and pattern.search(name):
        if "(haftungsbeschränkt)" not in name:
            out.append(finding(
                "ug_suffix_missing", E, "name",
                f"„{name}“ muss den Zusatz „(haftungsbeschränkt)“ tragen (§ 5a GmbHG), "
                "z. B. „Muster UG (haftungsbeschränkt)“.",
                f"'{name}' must carry '(haftungsbeschränkt)' (§ 5a GmbHG), "
                "e.g. 'Muster UG (haftungsbeschränkt)'."))
    elif pattern and not pattern.search(name):
        out.append(finding(
            "legal_form_not_in_name", E, "name",
            f"„{name}“ enthält die Rechtsform {form} nicht. Tragen Sie den exakten Namen aus "
            f"dem Register ein, z. B. „{name} {form}“.",
            f"'{name}' does not contain the legal form {form}. Enter the exact registered "
            f"name, e.g. '{name} {form}'."))
    return out


def _representative_rules(entity: LegalEntity) -> list[Finding]:
    rules = rules_for(entity.legal_form)
    names = [r for r in (entity.representatives or []) if str(r).strip()]
    if rules.needs_representatives and not names:
        return [finding(
            "representative_missing", E, "representatives",
            f"fehlen. Eine {entity.legal_form} muss nennen, wer sie vertritt "
            f"({rules.title_de}); tragen Sie die vollen Vor- und Nachnamen ein.",
            f"missing. A {entity.legal_form} must name who represents it "
            f"({rules.title_en}); enter their full first and last names.")]
    if not rules.needs_representatives and not names and len((entity.name or "").split()) < 2:
        return [finding(
            "owner_name_missing", W, "representatives",
            "Nennen Sie die Inhaberin oder den Inhaber mit Vor- und Nachnamen, falls der Name "
            "das nicht schon tut.",
            "name the owner with first and last name unless the name field already does.")]
    return []


def _address_rules(entity: LegalEntity) -> list[Finding]:
    out: list[Finding] = []
    for field, de, en in (
        ("street", "Straße und Hausnummer", "street and number"),
        ("postal_code", "die Postleitzahl", "the postal code"),
        ("city", "den Ort", "the city"),
    ):
        if _blank(getattr(entity, field)):
            out.append(finding(
                f"{field}_missing", E, field,
                f"fehlt. Eine ladungsfähige Anschrift ist Pflicht; tragen Sie {de} ein.",
                f"missing. A postal address for service is required; enter {en}."))
    street = str(entity.street or "")
    if PO_BOX_RE.search(street):
        out.append(finding(
            "po_box", E, "street",
            f"„{street}“ ist ein Postfach. Ein Postfach genügt nicht; nennen Sie Straße und "
            "Hausnummer, unter der Schriftstücke zugestellt werden können.",
            f"'{street}' is a PO box. A PO box is not enough; give the street address where "
            "documents can be served."))
    elif street and not re.search(r"\d", street):
        out.append(finding(
            "street_number_missing", W, "street",
            f"„{street}“ hat keine Hausnummer; ergänzen Sie sie.",
            f"'{street}' has no house number; add it."))
    postal = str(entity.postal_code or "").strip()
    country = str(entity.country or "Deutschland").strip().casefold()
    if postal and country in GERMANY and not re.fullmatch(r"\d{5}", postal):
        out.append(finding(
            "postal_code_invalid", E, "postal_code",
            f"„{postal}“ ist keine deutsche Postleitzahl (fünf Ziffern).",
            f"'{postal}' is not a German postal code (five digits)."))
    return out


def phone_ok(value: str) -> bool:
    """A dialable number: + or 0 first, then digits and common separators, 6-15 digits."""
    text = value.strip()
    if not re.fullmatch(r"(\+|00|0)[\d\s()/.\-]+", text):
        return False
    return 6 <= len(re.sub(r"\D", "", text)) <= 15


def email_ok(value: str) -> bool:
    return EMAIL_RE.fullmatch(value.strip()) is not None


def _contact_rules(entity: LegalEntity) -> list[Finding]:
    out: list[Finding] = []
    email, phone, form_url = entity.email, entity.phone, entity.contact_form_url
    if _blank(email):
        out.append(finding(
            "email_missing", E, "email",
            "fehlt. Eine E-Mail-Adresse ist Pflicht, z. B. info@ihre-firma.de.",
            "missing. An e-mail address is required, e.g. info@your-company.de."))
    elif not email_ok(str(email)):
        out.append(finding(
            "email_invalid", E, "email",
            f"„{email}“ ist keine gültige E-Mail-Adresse; schreiben Sie sie wie info@beispiel.de.",
            f"'{email}' is not a valid e-mail address; write it like info@example.de."))
    if _blank(phone) and _blank(form_url):
        out.append(finding(
            "second_contact_missing", E, "phone",
            "Neben der E-Mail ist ein zweiter schneller Kontaktweg Pflicht; tragen Sie eine "
            "Telefonnummer oder die URL eines Kontaktformulars ein.",
            "besides e-mail a second fast way of contact is required; enter a phone number "
            "or the URL of a contact form."))
    if not _blank(phone) and not phone_ok(str(phone)):
        out.append(finding(
            "phone_invalid", E, "phone",
            f"„{phone}“ ist keine gültige Telefonnummer; schreiben Sie sie wie +49 40 1234567.",
            f"'{phone}' is not a valid phone number; write it like +49 40 1234567."))
    if not _blank(form_url) and not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", str(form_url)):
        out.append(finding(
            "contact_form_url_invalid", E, "contact_form_url",
            f"„{form_url}“ ist keine Web-Adresse; schreiben Sie sie wie https://beispiel.de/kontakt.",
            f"'{form_url}' is not a web address; write it like https://example.de/contact."))
    return out


def _register_rules(entity: LegalEntity) -> list[Finding]:
    rules = rules_for(entity.legal_form)
    court, number = entity.register_court, entity.register_number
    if rules.register is None and _blank(court) and _blank(number):
        return []
    kind, prefix = rules.register or ("Register", "")
    mandatory = rules.register_required or not (_blank(court) and _blank(number))
    out: list[Finding] = []
    if mandatory and _blank(court):
        out.append(finding(
            "register_court_missing", E, "register_court",
            f"fehlt. Eine {entity.legal_form} steht im {kind}; tragen Sie das Registergericht "
            "ein, z. B. „Amtsgericht Hamburg“.",
            f"missing. A {entity.legal_form} is entered in the {kind}; enter the register "
            "court, e.g. 'Amtsgericht Hamburg'."))
    if mandatory and _blank(number):
        out.append(finding(
            "register_number_missing", E, "register_number",
            f"fehlt. Tragen Sie die Nummer im {kind} ein, z. B. „{prefix} 123456“.",
            f"missing. Enter the number in the {kind}, e.g. '{prefix} 123456'."))
    elif not _blank(number) and not register_number_matches(entity.legal_form, str(number)):
        out.append(finding(
            "register_number_format", W, "register_number",
            f"„{number}“ passt nicht zur {entity.legal_form}; erwartet wird „{prefix} <Nummer>“. "
            "Prüfen Sie Rechtsform und Nummer im Registerauszug.",
            f"'{number}' does not fit a {entity.legal_form}; expected '{prefix} <number>'. "
            "Check the legal form and number against the register extract."))
    return out


def _vat_rules(entity: LegalEntity) -> list[Finding]:
    out: list[Finding] = []
    vat, wid = entity.vat_id, entity.business_id
    if not _blank(vat):
        compact = normalise_vat_id(str(vat))
        if not vat_id_format_ok(compact):
            out.append(finding(
                "vat_id_format", E, "vat_id",
                f"„{vat}“ hat nicht die Form DE + neun Ziffern (z. B. DE123456788).",
                f"'{vat}' is not of the form DE + nine digits (e.g. DE123456788)."))
        elif not vat_id_check_digit_ok(compact):
            out.append(finding(
                "vat_id_check_digit", E, "vat_id",
                f"„{vat}“: die Prüfziffer stimmt nicht (ISO 7064 MOD 11,10); vermutlich ein "
                "Tippfehler. Übernehmen Sie die Nummer aus dem Bescheid des BZSt.",
                f"'{vat}': the check digit is wrong (ISO 7064 MOD 11,10); probably a typo. "
                "Copy the number from the BZSt notice."))
    if not _blank(wid) and not business_id_format_ok(str(wid)):
        out.append(finding(
            "business_id_format", E, "business_id",
            f"„{wid}“ hat nicht die Form DE + neun Ziffern (+ optional -00001).",
            f"'{wid}' is not of the form DE + nine digits (optionally -00001)."))
    if _blank(vat) and _blank(wid) and rules_for(entity.legal_form).vat_expected:
        out.append(finding(
            "vat_id_missing", W, "vat_id",
            "nicht angegeben. Hat das Unternehmen eine USt-IdNr. (oder W-IdNr.), muss sie ins "
            "Impressum; hat es keine, ignorieren Sie diesen Hinweis.",
            "not given. If the business has a VAT ID (or W-IdNr.), it must be in the Impressum; "
            "if it has none, ignore this note."))
    return out


def _capital_rules(entity: LegalEntity) -> list[Finding]:
    capital, paid = entity.share_capital, entity.share_capital_paid
    if not _blank(capital) and _blank(paid):
        return [finding(
            "share_capital_paid_missing", E, "share_capital_paid",
            f"fehlt. Wer das Stammkapital ({capital}) nennt, muss auch den eingezahlten Betrag "
            "nennen; tragen Sie ihn ein oder löschen Sie das Stammkapital.",
            f"missing. Stating the share capital ({capital}) requires the paid-in amount too; "
            "enter it or remove the share capital.")]
    if _blank(capital) and not _blank(paid):
        return [finding(
            "share_capital_missing", W, "share_capital",
            "fehlt, obwohl ein eingezahlter Betrag angegeben ist; ergänzen Sie das Stammkapital.",
            "missing although a paid-in amount is given; add the share capital.")]
    return []


_PROFESSION_FIELDS = (
    ("chamber", "profession_chamber_missing",
     "die zuständige Kammer, z. B. „Steuerberaterkammer Hamburg“",
     "the competent chamber, e.g. 'Steuerberaterkammer Hamburg'"),
    ("professional_title", "profession_title_missing",
     "die gesetzliche Berufsbezeichnung, z. B. „Steuerberater“",
     "the statutory professional title, e.g. 'Steuerberater'"),
    ("title_state", "profession_state_missing",
     "den Staat, der sie verliehen hat, z. B. „Deutschland“",
     "the state that granted it, e.g. 'Deutschland'"),
    ("professional_rules", "profession_rules_missing",
     "die berufsrechtlichen Regelungen und wo sie zugänglich sind, z. B. „StBerG, BOStB“",
     "the professional rules and where to read them, e.g. 'StBerG, BOStB'"),
)


def _profession_rules(entity: LegalEntity) -> list[Finding]:
    profession = entity.profession
    if profession is None:
        return []
    out: list[Finding] = []
    for attr, code, de, en in _PROFESSION_FIELDS:
        if _blank(getattr(profession, attr, None)):
            out.append(finding(
                code, E, f"profession.{attr}",
                f"fehlt. Ein reglementierter Beruf muss {de} nennen.",
                f"missing. A regulated profession must state {en}."))
    return out


RULES: tuple[Callable[[LegalEntity], list[Finding]], ...] = (
    _name_rules, _representative_rules, _address_rules, _contact_rules,
    _register_rules, _vat_rules, _capital_rules, _profession_rules,
)


def validate_impressum(entity: LegalEntity) -> list[Finding]:
    """Every gap of ``entity`` for an Impressum per § 5 DDG, errors first, in field order."""
    findings = [f for rule in RULES for f in rule(entity)]
    return sorted(findings, key=lambda f: 0 if f.is_error else 1)
