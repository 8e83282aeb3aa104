"""The Impressum of a kit: both texts and every finding, plus the kit's own URLs (pure)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.compliance.findings import Finding, finding
from assistant.compliance.impressum import validate_impressum
from assistant.compliance.impressum_text import (
    covered_profiles,
    impressum_text,
    profile_impressum_text,
)
from assistant.compliance.urls import host_of
from assistant.models import Severity

if TYPE_CHECKING:
    from assistant.brand.kit import BrandKit, LegalEntity


class ImpressumReport(BaseModel):
    kit_id: str
    website_text: str
    profile_text: str
    impressum_url: str | None
    profiles: list[tuple[str, str]] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def complete(self) -> bool:
        """No errors (warnings, such as a missing VAT ID that may not exist, are allowed)."""
        return not self.errors


def url_findings(impressum_url: str | None) -> list[Finding]:
    """The profile version needs a link to the website Impressum."""
    if not impressum_url:
        return [finding(
            "impressum_url_missing", Severity.ERROR, "links.impressum_url",
            "fehlt. Jedes Profil muss auf das Impressum verlinken; tragen Sie die Adresse "
            "der Impressum-Seite ein, z. B. https://ihre-firma.de/impressum.",
            "missing. Every profile must link to the Impressum; enter the address of the "
            "Impressum page, e.g. https://your-company.de/impressum.")]
    if not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", impressum_url):
        return [finding(
            "impressum_url_invalid", Severity.ERROR, "links.impressum_url",
            f"„{impressum_url}“ ist keine Web-Adresse; schreiben Sie sie wie "
            "https://ihre-firma.de/impressum.",
            f"'{impressum_url}' is not a web address; write it like "
            "https://your-company.de/impressum.")]
    return []


def impressum_report(kit: BrandKit, entity: LegalEntity | None = None) -> ImpressumReport:
    """Texts and findings for ``kit`` (or for ``entity``, e.g. the edited form in the UI)."""
    legal = entity if entity is not None else kit.legal
    url = kit.links.impressum_url
    profiles = covered_profiles(kit.channels)
    return ImpressumReport(
        kit_id=kit.id,
        website_text=impressum_text(legal, profiles),
        profile_text=profile_impressum_text(legal, url),
        impressum_url=url,
        profiles=profiles,
        findings=validate_impressum(legal) + url_findings(url),
    )


def kit_link_urls(kit: BrandKit) -> list[tuple[str, str]]:
    """(where, URL) for every URL a kit names: its links section and the channel profiles."""
    from assistant.compliance.channels import channel_profile_url

    out: list[tuple[str, str]] = []
    for field in ("website", "shop", "impressum_url", "link_in_bio_url"):
        url = getattr(kit.links, field, None)
        if url:
            out.append((f"links.{field}", url))
    if kit.legal.contact_form_url:
        out.append(("legal.contact_form_url", kit.legal.contact_form_url))
    for channel in kit.channels:
        url = channel_profile_url(channel)
        if url:
            out.append((f"channel {channel.platform} ({channel.handle})", url))
    return out


def kit_domains(kit: BrandKit) -> list[str]:
    """The kit's own hosts (website, shop, ...): links there should carry UTM parameters."""
    urls = [kit.links.website, kit.links.shop, kit.links.link_in_bio_url]
    return sorted({host_of(u).removeprefix("www.") for u in urls if u} - {""})
