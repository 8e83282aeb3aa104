"""Impressum texts from a legal entity (pure): the website page and the short profile text.

The order follows § 5 Abs. 1 DDG: name and form, address, representatives, contact,
register, VAT/business ID, supervisory authority, profession, capital, then the person
responsible under § 18 Abs. 2 MStV and the social profiles the Impressum also covers.
Empty fields are left out; ``validate_impressum`` says which of them are required.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.compliance.legalforms import rules_for
from assistant.compliance.vat import normalise_vat_id

if TYPE_CHECKING:
    from assistant.brand.kit import Channel, LegalEntity


def _s(value: object) -> str:
    return "" if value is None else str(value).strip()


def _block(title: str | None, lines: Iterable[str]) -> list[str]:
    body = [line for line in lines if line]
    if not body:
        return []
    return ([title] if title else []) + body + [""]


def _address(entity: LegalEntity) -> list[str]:
    city = " ".join(p for p in (_s(entity.postal_code), _s(entity.city)) if p)
    return [_s(entity.name), _s(entity.street), city, _s(entity.country)]


def _representatives(entity: LegalEntity) -> list[str]:
    names = [_s(r) for r in entity.representatives or [] if _s(r)]
    if not names:
        return []
    title = _s(entity.representative_title) or rules_for(entity.legal_form).title_de
    if not rules_for(entity.legal_form).needs_representatives:
        return _block(None, [f"{title}: {', '.join(names)}"])
    return _block("Vertreten durch:", [f"{title}: {', '.join(names)}"])


def _contact(entity: LegalEntity) -> list[str]:
    return _block("Kontakt:", [
        f"Telefon: {_s(entity.phone)}" if _s(entity.phone) else "",
        f"E-Mail: {_s(entity.email)}" if _s(entity.email) else "",
        f"Kontaktformular: {_s(entity.contact_form_url)}" if _s(entity.contact_form_url) else "",
    ])


def _register(entity: LegalEntity) -> list[str]:
    court, number = _s(entity.register_court), _s(entity.register_number)
    if not (court or number):
        return []
    kind = (rules_for(entity.legal_form).register or ("Register", ""))[0]
    return _block("Registereintrag:", [
        f"Eintragung im {kind}.",
        f"Registergericht: {court}" if court else "",
        f"Registernummer: {number}" if number else "",
    ])


def _tax(entity: LegalEntity) -> list[str]:
    vat, wid = _s(entity.vat_id), _s(entity.business_id)
    lines = []
    if vat:
        lines += ["Umsatzsteuer-Identifikationsnummer gemäß § 27a Umsatzsteuergesetz:",
                  normalise_vat_id(vat)]
    if wid:
        lines += [f"Wirtschafts-Identifikationsnummer gemäß § 139c AO: {wid}"]
    return _block("Umsatzsteuer-ID:" if vat else "Wirtschafts-ID:", lines)


def _profession(entity: LegalEntity) -> list[str]:
    p = entity.profession
    if p is None:
        return []
    title, state = _s(p.professional_title), _s(p.title_state)
    return _block("Berufsbezeichnung und berufsrechtliche Regelungen:", [
        f"Berufsbezeichnung: {title}" + (f" (verliehen in: {state})" if state else "")
        if title else "",
        f"Zuständige Kammer: {_s(p.chamber)}" if _s(p.chamber) else "",
        f"Es gelten folgende berufsrechtliche Regelungen: {_s(p.professional_rules)}"
        if _s(p.professional_rules) else "",
    ])


def _capital(entity: LegalEntity) -> list[str]:
    capital, paid = _s(entity.share_capital), _s(entity.share_capital_paid)
    if not capital:
        return []
    label = "Grundkapital" if entity.legal_form == "AG" else "Stammkapital"
    return _block(None, [f"{label}: {capital}" + (f", davon eingezahlt: {paid}" if paid else "")])


def _profiles(profiles: list[tuple[str, str]]) -> list[str]:
    return _block(
        "Dieses Impressum gilt auch für unsere Social-Media-Profile:",
        [f"- {name}: {where}" for name, where in profiles],
    )


def impressum_text(entity: LegalEntity, profiles: Iterable[tuple[str, str]] = ()) -> str:
    """The website Impressum. ``profiles`` are (platform name, profile URL or handle)."""
    parts: list[str] = ["Impressum", "", "Angaben gemäß § 5 DDG", ""]
    parts += _block(None, _address(entity))
    parts += _representatives(entity)
    parts += _contact(entity)
    parts += _register(entity)
    parts += _tax(entity)
    if _s(entity.supervisory_authority):
        parts += _block("Zuständige Aufsichtsbehörde:", [_s(entity.supervisory_authority)])
    parts += _profession(entity)
    parts += _capital(entity)
    if _s(entity.editorial_responsible):
        parts += _block("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV:",
                        [_s(entity.editorial_responsible)])
    parts += _profiles(list(profiles))
    return "\n".join(parts).rstrip() + "\n"


def profile_impressum_text(entity: LegalEntity, impressum_url: str | None) -> str:
    """The short text for a profile's bio or info field: name, address, the link."""
    city = " ".join(p for p in (_s(entity.postal_code), _s(entity.city)) if p)
    address = ", ".join(p for p in (_s(entity.street), city) if p)
    first = f"{_s(entity.name)} · {address}" if address else _s(entity.name)
    link = f"Impressum: {impressum_url}" if impressum_url else "Impressum: (Link fehlt)"
    return f"{first}\n{link}\n"


def covered_profiles(channels: Iterable[Channel]) -> list[tuple[str, str]]:
    """(platform name, profile URL or @handle) for each channel, for the website text."""
    from assistant.compliance.channels import channel_profile_url, platform_name

    out: list[tuple[str, str]] = []
    for channel in channels:
        handle = channel.handle.strip()
        # a handle gets its "@"; a display name (Google Business Profile) is shown as it is
        shown = handle if " " in handle or handle.startswith("@") else f"@{handle}"
        where = channel_profile_url(channel) or shown
        out.append((platform_name(channel.platform), where))
    return out
