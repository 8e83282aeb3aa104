"""Per channel: does the profile link the Impressum, labelled so, and does the link answer?

What software can see comes from the kit (``links_impressum``, ``impressum_label``) and,
when online, from checking the Impressum URL. What only a person can see (two clicks, no
scrolling, the name matches) is a checklist, each item with the court case behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.compliance.findings import Finding, finding
from assistant.compliance.links import LinkResult, check_links
from assistant.config import Settings
from assistant.models import Severity

if TYPE_CHECKING:
    from assistant.brand.kit import BrandKit, Channel

# words a court or the practice accepts as the link's label (LEGAL-DE.md)
ACCEPTED_LABELS = ("impressum", "kontakt", "anbieterkennzeichnung")
# where each platform lets a profile carry the link (a hint for the person doing it)
PLATFORM_HINTS: dict[str, tuple[str, str]] = {
    "mastodon": ("Profil-Zusatzfeld mit Bezeichnung „Impressum“ und der URL als Inhalt.",
                 "a profile metadata field labelled 'Impressum' with the URL as its value."),
    "facebook": ("Seiteninfo: das Feld „Impressum“ bzw. ein Link „Impressum“ im Info-Bereich.",
                 "page info: the 'Impressum' field or a link 'Impressum' in the about section."),
    "instagram": ("Bio: ein Profil-Link mit dem Titel „Impressum“ (oder ein Link-in-Bio mit "
                  "„Impressum“ auf der ersten Ebene).",
                  "bio: a profile link titled 'Impressum' (or a link-in-bio page showing "
                  "'Impressum' at the top level)."),
}
DEFAULT_HINT = ("Profiltext oder Profil-Link, der sichtbar „Impressum“ heißt.",
                "the bio or a profile link visibly named 'Impressum'.")


class ChecklistItem(BaseModel):
    """A point only a person can verify, with the reason (statute or court case)."""

    key: str
    text_de: str
    text_en: str
    reason: str


class ChannelReport(BaseModel):
    platform: str
    platform_name: str
    handle: str
    profile_url: str | None
    findings: list[Finding] = Field(default_factory=list)
    impressum_link: LinkResult | None = None
    checklist: list[ChecklistItem] = Field(default_factory=list)
    hint_de: str = ""
    hint_en: str = ""

    @property
    def ok(self) -> bool:
        return not any(f.is_error for f in self.findings)


def platform_name(platform_id: str) -> str:
    from assistant.errors import UnknownPlatformError
    from assistant.platforms import get_platform

    try:
        return get_platform(platform_id).name
    except UnknownPlatformError:
        return platform_id


def channel_profile_url(channel: Channel) -> str | None:
    """The profile's URL: the kit's, else built from the platform's template and handle."""
    if channel.profile_url:
        return channel.profile_url
    from assistant.platforms import get_platform

    template = get_platform(channel.platform).profile_url
    handle = channel.handle.strip().lstrip("@")
    if "{domain}" in template:  # Mastodon: @user@instance
        user, _, domain = handle.partition("@")
        return template.format(user=user, domain=domain) if domain else None
    if " " in handle:
        return None  # a display name (Google Business Profile), not a handle
    return template.format(handle=handle)


def checklist(entity_name: str) -> list[ChecklistItem]:
    return [
        ChecklistItem(
            key="two_clicks",
            text_de="Das Impressum ist vom Profil aus mit höchstens zwei Klicks erreichbar.",
            text_en="The Impressum can be reached from the profile in at most two clicks.",
            reason="BGH I ZR 228/03: unmittelbar erreichbar heißt höchstens zwei Klicks.",
        ),
        ChecklistItem(
            key="label_clear",
            text_de="Der Link heißt sichtbar „Impressum“ oder „Kontakt“, nicht „Info“ o. Ä.",
            text_en="The link is visibly named 'Impressum' or 'Kontakt', not 'Info' or similar.",
            reason="LG Aschaffenburg, 19.08.2011, 2 HK O 54/11: ein Link hinter „Info“ genügte "
                   "nicht.",
        ),
        ChecklistItem(
            key="visible_without_scrolling",
            text_de="Der Link ist ohne Scrollen sichtbar und nicht zu klein, auch mobil.",
            text_en="The link is visible without scrolling and not too small, on mobile too.",
            reason="LG Stuttgart, 27.06.2014, 11 O 51/14: zu klein und erst nach Scrollen "
                   "sichtbar genügte nicht.",
        ),
        ChecklistItem(
            key="name_matches",
            text_de=f"Profil und Impressum nennen exakt den registrierten Namen „{entity_name}“.",
            text_en=f"Profile and Impressum show exactly the registered name '{entity_name}'.",
            reason="§ 5 Abs. 1 Nr. 1 DDG (Name und Rechtsform); abweichende Namen machen den "
                   "Anbieter nicht erkennbar.",
        ),
        ChecklistItem(
            key="website_lists_profile",
            text_de="Das Impressum auf der Website nennt dieses Profil.",
            text_en="The website Impressum lists this profile.",
            reason="Praxis: das Website-Impressum sagt, für welche Profile es auch gilt.",
        ),
    ]


def _label_findings(channel: Channel) -> list[Finding]:
    E = Severity.ERROR
    if not channel.links_impressum:
        return [finding(
            "channel_impressum_not_linked", E, "channel.links_impressum",
            "Das Profil verlinkt das Impressum nicht. Ein geschäftliches Profil braucht einen "
            "Link „Impressum“ (§ 5 DDG); setzen Sie ihn und haken Sie es im Kit an.",
            "the profile does not link the Impressum. A business profile needs a link named "
            "'Impressum' (§ 5 DDG); add it and tick it in the kit.")]
    label = (channel.impressum_label or "").strip()
    if not label:
        return [finding(
            "channel_impressum_label_missing", Severity.WARNING, "channel.impressum_label",
            "nicht eingetragen. Tragen Sie ein, wie der Link heißt (am besten „Impressum“).",
            "not given. Enter what the link is called (best: 'Impressum').")]
    if not any(word in label.casefold() for word in ACCEPTED_LABELS):
        return [finding(
            "channel_impressum_label_unclear", E, "channel.impressum_label",
            f"„{label}“ ist nicht eindeutig; nennen Sie den Link „Impressum“ oder „Kontakt“ "
            "(LG Aschaffenburg 2 HK O 54/11: „Info“ genügt nicht).",
            f"'{label}' is not clear enough; name the link 'Impressum' or 'Kontakt' "
            "(LG Aschaffenburg 2 HK O 54/11: 'Info' was not enough).")]
    return []


def _link_findings(result: LinkResult | None) -> list[Finding]:
    if result is None or result.ok:
        return []
    severity = Severity.WARNING if result.status in ("unreachable", "blocked") else Severity.ERROR
    return [finding(
        "channel_impressum_unreachable", severity, "links.impressum_url",
        f"{result.url} antwortet nicht richtig ({result.status}: {result.message}). "
        "Das Impressum muss ständig verfügbar sein; prüfen Sie die Adresse.",
        f"{result.url} does not answer properly ({result.status}: {result.message}). "
        "The Impressum must always be available; check the address.")]


def check_channel(
    channel: Channel, entity_name: str, impressum_link: LinkResult | None = None
) -> ChannelReport:
    """The report for one channel (pure: the link result, if any, is passed in)."""
    hint = PLATFORM_HINTS.get(channel.platform, DEFAULT_HINT)
    findings = _label_findings(channel)
    if channel.links_impressum:
        findings += _link_findings(impressum_link)
    return ChannelReport(
        platform=channel.platform, platform_name=platform_name(channel.platform),
        handle=channel.handle, profile_url=channel_profile_url(channel), findings=findings,
        impressum_link=impressum_link if channel.links_impressum else None,
        checklist=checklist(entity_name), hint_de=hint[0], hint_en=hint[1],
    )


def check_channels(
    kit: BrandKit, *, online: bool = False, settings: Settings | None = None,
    timeout: float = 5.0,
) -> list[ChannelReport]:
    """One report per channel; ``online`` also checks that the Impressum URL answers."""
    link: LinkResult | None = None
    url = kit.links.impressum_url
    if online and url and any(c.links_impressum for c in kit.channels):
        link = check_links([url], settings=settings, timeout=timeout)[0]
    return [check_channel(c, kit.legal.name, link) for c in kit.channels]
