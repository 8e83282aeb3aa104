"""What § 5 DDG asks of each legal form, as data (pure).

Which forms must name representatives, which are entered in which register (and with
which number prefix), how the registered name must show the form (§ 4 GmbHG, § 5a GmbHG,
§ 4 AktG, § 19 HGB, § 3 GenG, § 65 BGB), and the usual title of the representatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LegalFormRules:
    form: str
    needs_representatives: bool
    # (register name, number prefix) where the form is entered in a register
    register: tuple[str, str] | None
    # the register entry is mandatory (a GbR may register, but need not)
    register_required: bool
    # pattern the registered name must match so that it shows the form; None: no rule
    name_pattern: re.Pattern[str] | None
    title_de: str
    title_en: str
    # capital companies and merchants nearly always have a USt-IdNr.
    vat_expected: bool


def _p(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_GMBH = _p(r"gmbh|gesellschaft mit beschränkter haftung", re.IGNORECASE)
RULES: dict[str, LegalFormRules] = {
    r.form: r
    for r in (
        LegalFormRules("GmbH", True, ("Handelsregister", "HRB"), True, _GMBH,
                       "Geschäftsführer", "managing directors", True),
        LegalFormRules("UG (haftungsbeschränkt)", True, ("Handelsregister", "HRB"), True,
                       _p(r"\bUG\b|Unternehmergesellschaft"),
                       "Geschäftsführer", "managing directors", True),
        LegalFormRules("AG", True, ("Handelsregister", "HRB"), True,
                       _p(r"\bAG\b|Aktiengesellschaft"), "Vorstand", "management board", True),
        LegalFormRules("e.K.", False, ("Handelsregister", "HRA"), True,
                       _p(r"e\.\s?K\.|e\.\s?Kfm\.|e\.\s?Kfr\.|eingetragene[rn]? Kauf(mann|frau)",
                          re.IGNORECASE),
                       "Inhaber", "owner", True),
        LegalFormRules("OHG", True, ("Handelsregister", "HRA"), True,
                       _p(r"\bOHG\b|\boHG\b|offene Handelsgesellschaft", re.IGNORECASE),
                       "Gesellschafter", "partners", True),
        LegalFormRules("KG", True, ("Handelsregister", "HRA"), True,
                       _p(r"\bKG\b|Kommanditgesellschaft"),
                       "persönlich haftende Gesellschafter", "general partners", True),
        LegalFormRules("GmbH & Co. KG", True, ("Handelsregister", "HRA"), True,
                       _p(r"GmbH\s*(&|und|u\.)\s*Co\.?\s*KG", re.IGNORECASE),
                       "Komplementärin, vertreten durch ihre Geschäftsführer",
                       "general partner (GmbH) and its managing directors", True),
        LegalFormRules("GbR", True, ("Gesellschaftsregister", "GsR"), False, None,
                       "Gesellschafter", "partners", False),
        LegalFormRules("Einzelunternehmen", False, None, False, None,
                       "Inhaber", "owner", False),
        LegalFormRules("Freiberufler", False, None, False, None, "Inhaber", "owner", False),
        LegalFormRules("eG", True, ("Genossenschaftsregister", "GnR"), True,
                       _p(r"\beG\b|eingetragene Genossenschaft"), "Vorstand", "board", True),
        LegalFormRules("e.V.", True, ("Vereinsregister", "VR"), True,
                       _p(r"e\.\s?V\.|eingetragener Verein", re.IGNORECASE),
                       "Vorstand", "board", False),
    )
}

LEGAL_FORMS: tuple[str, ...] = tuple(RULES)


def rules_for(form: str) -> LegalFormRules:
    """The rules of ``form``; an unknown form gets the strictest company rules."""
    return RULES.get(form, RULES["GmbH"])


def register_number_matches(form: str, number: str) -> bool:
    """True when the number has the prefix of the form's register, e.g. 'HRB 123456'."""
    rules = rules_for(form)
    if rules.register is None:
        return True
    prefix = rules.register[1]
    # Berlin numbers carry a suffix letter ("HRB 12345 B")
    return re.fullmatch(rf"{prefix}\s*\d+(\s*[A-Z]{{1,2}})?", number.strip()) is not None
