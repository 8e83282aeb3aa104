"""What German law asks of a commercial channel: Impressum, ad labels, links, AI disclosure.

Pure modules: impressum (validation), impressum_text, legalforms, vat, labels, disclosure,
urls. Network: links (httpx, behind the netguard SSRF guard). channels, report and checks
combine them for the CLI, the Compliance page, drafting and the queue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.lazy import lazy_getattr

if TYPE_CHECKING:
    from assistant.compliance.channels import ChannelReport, ChecklistItem, check_channels
    from assistant.compliance.checks import compliance_problems, repair_draft_text
    from assistant.compliance.disclosure import apply_ai_disclosure, disclosure_problems
    from assistant.compliance.findings import Finding
    from assistant.compliance.impressum import validate_impressum
    from assistant.compliance.impressum_text import impressum_text, profile_impressum_text
    from assistant.compliance.labels import add_ad_label, check_ad_label, strip_label_hashtags
    from assistant.compliance.links import (
        LinkResult,
        check_links,
        clear_link_cache,
        link_problems,
        offline_link_problems,
    )
    from assistant.compliance.report import ImpressumReport, impressum_report, kit_link_urls
    from assistant.compliance.urls import add_utm, find_urls
    from assistant.compliance.vat import is_valid_vat_id

# imported on first use: the CLI registers every command at start-up, and most
# commands need none of the heavy parts (httpx, the link checker)
_EXPORTS = {
    "ChannelReport": "assistant.compliance.channels",
    "ChecklistItem": "assistant.compliance.channels",
    "check_channels": "assistant.compliance.channels",
    "compliance_problems": "assistant.compliance.checks",
    "repair_draft_text": "assistant.compliance.checks",
    "apply_ai_disclosure": "assistant.compliance.disclosure",
    "disclosure_problems": "assistant.compliance.disclosure",
    "Finding": "assistant.compliance.findings",
    "validate_impressum": "assistant.compliance.impressum",
    "impressum_text": "assistant.compliance.impressum_text",
    "profile_impressum_text": "assistant.compliance.impressum_text",
    "add_ad_label": "assistant.compliance.labels",
    "check_ad_label": "assistant.compliance.labels",
    "strip_label_hashtags": "assistant.compliance.labels",
    "LinkResult": "assistant.compliance.links",
    "check_links": "assistant.compliance.links",
    "clear_link_cache": "assistant.compliance.links",
    "link_problems": "assistant.compliance.links",
    "offline_link_problems": "assistant.compliance.links",
    "ImpressumReport": "assistant.compliance.report",
    "impressum_report": "assistant.compliance.report",
    "kit_link_urls": "assistant.compliance.report",
    "add_utm": "assistant.compliance.urls",
    "find_urls": "assistant.compliance.urls",
    "is_valid_vat_id": "assistant.compliance.vat",
}


__all__ = [
    "ChannelReport", "ChecklistItem", "Finding", "ImpressumReport", "LinkResult",
    "add_ad_label", "add_utm", "apply_ai_disclosure", "check_ad_label", "check_channels",
    "check_links", "clear_link_cache", "compliance_problems", "disclosure_problems",
    "find_urls", "impressum_report", "impressum_text", "is_valid_vat_id", "kit_link_urls",
    "link_problems", "offline_link_problems", "profile_impressum_text",
    "repair_draft_text", "strip_label_hashtags", "validate_impressum",
]


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
