"""The legal entity as flat form values and back (pure), for the Compliance page.

The page edits one field at a time and re-validates on every change without saving, so
``entity_from_form`` builds the entity *without* pydantic validation (a half-typed e-mail
must give a finding, not an exception); ``validated_entity`` is the strict path for saving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from assistant.errors import InputError

if TYPE_CHECKING:
    from assistant.brand.kit import LegalEntity

TEXT_FIELDS: tuple[str, ...] = (
    "name", "representative_title", "street", "postal_code", "city", "country", "email",
    "phone", "contact_form_url", "register_court", "register_number", "vat_id", "business_id",
    "supervisory_authority", "share_capital", "share_capital_paid", "editorial_responsible",
)
PROFESSION_FIELDS: tuple[str, ...] = (
    "chamber", "professional_title", "title_state", "professional_rules",
)


def form_values(entity: LegalEntity) -> dict[str, Any]:
    """Flat values: text fields as strings, representatives one per line, profession flag."""
    values: dict[str, Any] = {f: getattr(entity, f) or "" for f in TEXT_FIELDS}
    values["legal_form"] = entity.legal_form
    values["representatives"] = "\n".join(entity.representatives or [])
    values["regulated"] = entity.profession is not None
    for f in PROFESSION_FIELDS:
        values[f"profession.{f}"] = getattr(entity.profession, f, None) or ""
    return values


def _clean(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {f: _clean(values.get(f)) for f in TEXT_FIELDS}
    out["name"] = out["name"] or ""
    out["country"] = out["country"] or "Deutschland"
    out["legal_form"] = values.get("legal_form") or "GmbH"
    lines = str(values.get("representatives") or "").splitlines()
    out["representatives"] = [line.strip() for line in lines if line.strip()]
    return out


def _profession(values: dict[str, Any]) -> dict[str, Any] | None:
    if not values.get("regulated"):
        return None
    return {f: _clean(values.get(f"profession.{f}")) for f in PROFESSION_FIELDS}


def entity_from_form(values: dict[str, Any]) -> LegalEntity:
    """The entity as typed, unvalidated, so that ``validate_impressum`` can judge it."""
    from assistant.brand.kit import LegalEntity, RegulatedProfession

    fields = _fields(values)
    profession = _profession(values)
    fields["profession"] = (RegulatedProfession.model_construct(**profession)
                            if profession is not None else None)
    return LegalEntity.model_construct(**fields)


def validated_entity(values: dict[str, Any]) -> LegalEntity:
    """The entity checked by the kit's own rules (for saving); one clear line if it fails."""
    from assistant.brand.kit import LegalEntity

    fields = _fields(values)
    fields["profession"] = _profession(values)
    try:
        return LegalEntity.model_validate(fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "legal"
        raise InputError(f"{where}: {err['msg']}; fix it before saving") from None
