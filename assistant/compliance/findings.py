"""The result type of the Impressum and channel checks, with German and English text.

A finding is about the kit (its legal entity or a channel), not about one post, so it
carries the field it is about and a message in both languages; ``to_problem`` turns it
into a ``models.Problem`` where a post-level list is wanted.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.models import Problem, Severity

# field name -> (German label, English label); the UI and the messages use the same words.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("Name (exakt wie im Register)", "name (exactly as registered)"),
    "legal_form": ("Rechtsform", "legal form"),
    "representatives": ("Vertretungsberechtigte", "authorised representatives"),
    "representative_title": ("Funktion der Vertreter", "title of the representatives"),
    "street": ("Straße und Hausnummer", "street and number"),
    "postal_code": ("PLZ", "postal code"),
    "city": ("Ort", "city"),
    "country": ("Land", "country"),
    "email": ("E-Mail", "e-mail"),
    "phone": ("Telefon", "phone"),
    "contact_form_url": ("Kontaktformular (URL)", "contact form (URL)"),
    "register_court": ("Registergericht", "register court"),
    "register_number": ("Registernummer", "register number"),
    "vat_id": ("USt-IdNr.", "VAT ID (USt-IdNr.)"),
    "business_id": ("W-IdNr.", "business ID (W-IdNr.)"),
    "supervisory_authority": ("Aufsichtsbehörde", "supervisory authority"),
    "profession.chamber": ("Kammer", "chamber"),
    "profession.professional_title": ("Berufsbezeichnung", "professional title"),
    "profession.title_state": (
        "Staat, in dem die Berufsbezeichnung verliehen wurde", "state that granted the title"
    ),
    "profession.professional_rules": ("Berufsrechtliche Regelungen", "professional rules"),
    "share_capital": ("Stammkapital", "share capital"),
    "share_capital_paid": ("davon eingezahlt", "paid-in amount"),
    "editorial_responsible": (
        "Verantwortlich nach § 18 Abs. 2 MStV", "responsible under § 18 (2) MStV"
    ),
    "links.impressum_url": ("Impressum-Link (URL)", "Impressum link (URL)"),
    "channel.links_impressum": ("Profil verlinkt Impressum", "profile links the Impressum"),
    "channel.impressum_label": ("Beschriftung des Links", "label of the link"),
}


def field_label(field: str, language: str = "de") -> str:
    de, en = FIELD_LABELS.get(field, (field, field))
    return de if language == "de" else en


class Finding(BaseModel):
    """One gap in an Impressum or a channel. ``code`` is stable; tests and the UI use it."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    field: str
    message_de: str
    message_en: str

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def message(self, language: str = "de") -> str:
        return self.message_de if language == "de" else self.message_en

    def to_problem(self, language: str = "en") -> Problem:
        return Problem(
            code=self.code,
            severity=self.severity,
            message=self.message(language),
            source="compliance",
        )


def finding(
    code: str, severity: Severity, field: str, de: str, en: str
) -> Finding:
    """A finding whose messages start with the field's label, so each names its field."""
    return Finding(
        code=code,
        severity=severity,
        field=field,
        message_de=f"{field_label(field, 'de')}: {de}",
        message_en=f"{field_label(field, 'en')}: {en}",
    )


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)
