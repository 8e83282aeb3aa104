"""Compliance: the Impressum generator and validator, the channel checklist, the ad-label
checker, AI disclosure and the link report of the kit and its queue."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.compliance.channels import ChannelReport, check_channels
from assistant.compliance.findings import FIELD_LABELS, Finding
from assistant.compliance.forms import (
    PROFESSION_FIELDS,
    TEXT_FIELDS,
    entity_from_form,
    form_values,
    validated_entity,
)
from assistant.compliance.labels import add_ad_label, check_ad_label
from assistant.compliance.legalforms import LEGAL_FORMS
from assistant.compliance.linkreport import LinkReport, kit_link_report
from assistant.compliance.report import impressum_report
from assistant.ui.common import attempt, page_header, pick_kit, settings

PURPOSE = (
    "Was das deutsche Recht von einem geschäftlichen Kanal verlangt: Impressum, Kennzeichnung, "
    "Links. / What German law asks of a commercial channel. Checks and explains; not legal "
    "advice."
)
# the form's layout: (field, widget) in the order of § 5 DDG
FORM_LAYOUT: tuple[tuple[str, str], ...] = (
    ("name", "text"), ("legal_form", "select"), ("representatives", "area"),
    ("representative_title", "text"), ("street", "text"), ("postal_code", "text"),
    ("city", "text"), ("country", "text"), ("email", "text"), ("phone", "text"),
    ("contact_form_url", "text"), ("register_court", "text"), ("register_number", "text"),
    ("vat_id", "text"), ("business_id", "text"), ("supervisory_authority", "text"),
    ("share_capital", "text"), ("share_capital_paid", "text"),
    ("editorial_responsible", "text"),
)


def _key(kit_id: str, field: str) -> str:
    return f"legal:{kit_id}:{field}"


def _init_form(kit: Any, reset: bool = False) -> None:
    """Put the kit's values into the form once (or again on reset); edits then stay."""
    for field, value in form_values(kit.legal).items():
        key = _key(kit.id, field)
        if reset or key not in st.session_state:
            st.session_state[key] = value


def _current_values(kit_id: str) -> dict[str, Any]:
    fields = [*TEXT_FIELDS, "legal_form", "representatives", "regulated"]
    fields += [f"profession.{f}" for f in PROFESSION_FIELDS]
    return {f: st.session_state.get(_key(kit_id, f)) for f in fields}


def _label(field: str) -> str:
    de, en = FIELD_LABELS.get(field, (field, field))
    return de if de == en else f"{de} / {en}"


def _form(kit_id: str) -> None:
    for field, widget in FORM_LAYOUT:
        key = _key(kit_id, field)
        if widget == "select":
            st.selectbox(_label(field), LEGAL_FORMS, key=key)
        elif widget == "area":
            st.text_area(_label(field) + " (eine pro Zeile / one per line)", key=key, height=80)
        else:
            st.text_input(_label(field), key=key)
    st.checkbox("Reglementierter Beruf / regulated profession", key=_key(kit_id, "regulated"))
    if st.session_state.get(_key(kit_id, "regulated")):
        for f in PROFESSION_FIELDS:
            st.text_input(_label(f"profession.{f}"), key=_key(kit_id, f"profession.{f}"))


def finding_list(findings: list[Finding]) -> None:
    """Each finding in German and English, errors red, warnings amber."""
    for f in findings:
        show = st.error if f.is_error else st.warning
        show(f"**{f.message_de}**\n\n{f.message_en}\n\n`{f.code}` · `{f.field}`",
             icon="⛔" if f.is_error else "⚠️")


def _save(kit: Any, values: dict[str, Any]) -> None:
    from assistant.brand.kit import save_kit

    entity = attempt(validated_entity, values)
    if entity is None:
        return
    saved = attempt(save_kit, kit.model_copy(update={"legal": entity}))
    if saved is not None:
        st.success("Im Kit gespeichert. / Saved to the kit.")


def impressum_tab(kit: Any) -> None:
    _init_form(kit)
    left, right = st.columns([2, 3])
    with left:
        st.subheader("Angaben / Details")
        st.caption("Jede Änderung prüft sofort neu; gespeichert wird erst auf Knopfdruck. / "
                   "Every change re-validates at once; nothing is saved until you press save.")
        _form(kit.id)
        values = _current_values(kit.id)
        c1, c2 = st.columns(2)
        if c1.button("Im Kit speichern / Save to kit", key="impressum_save"):
            _save(kit, values)
        # a callback: widget values may only be set before the widgets are drawn
        c2.button("Zurücksetzen / Reset", key="impressum_reset", on_click=_init_form,
                  args=(kit, True))
    with right:
        report = impressum_report(kit, entity_from_form(values))
        st.subheader("Prüfung / Findings")
        if report.complete:
            st.success("Vollständig nach § 5 DDG. / Complete under § 5 DDG.", icon="✅")
        finding_list(report.findings)
        st.subheader("Website-Impressum")
        st.code(report.website_text, language=None, wrap_lines=True)
        st.subheader("Profil-Text / profile text")
        st.code(report.profile_text, language=None, wrap_lines=True)


def _checklist(kit_id: str, report: ChannelReport) -> None:
    st.markdown("**Von Hand prüfen / check by hand**")
    for item in report.checklist:
        key = f"check:{kit_id}:{report.platform}:{report.handle}:{item.key}"
        st.checkbox(f"{item.text_de} / {item.text_en}", key=key, help=item.reason)
        st.caption(f"Grund / reason: {item.reason}")


def _channel(kit_id: str, report: ChannelReport) -> None:
    mark = "✅" if report.ok else "⛔"
    with st.expander(f"{mark} {report.platform_name} · {report.handle}", expanded=not report.ok):
        if report.profile_url:
            st.markdown(f"Profil / profile: {report.profile_url}")
        if report.impressum_link is not None:
            r = report.impressum_link
            st.caption(f"Impressum-Link: {r.status} ({r.http_status or '-'}) {r.message}")
        finding_list(report.findings)
        st.caption(f"Wo / where: {report.hint_de} / {report.hint_en}")
        _checklist(kit_id, report)


def channels_tab(kit: Any) -> None:
    if not kit.channels:
        st.info("Dieses Kit hat keine Kanäle. / This kit has no channels.")
        return
    state_key = f"channels_online:{kit.id}"
    if st.button("Impressum-Link online prüfen / check the Impressum link online",
                 key="channels_online"):
        st.session_state[state_key] = attempt(check_channels, kit, online=True,
                                              settings=settings())
    reports = st.session_state.get(state_key) or check_channels(kit)
    for report in reports:
        _channel(kit.id, report)


def ad_label_tab(kit: Any) -> None:
    st.caption("§ 5a Abs. 4 UWG, § 22 MStV: „Werbung“ oder „Anzeige“ ganz am Anfang; "
               "#ad am Ende genügt nicht. / 'Werbung' or 'Anzeige' at the very start; "
               "#ad at the end is not enough.")
    text = st.text_area("Beitrag / post", key="adlabel_text", height=120)
    languages = ["de", "en"]
    default = getattr(kit, "default_language", "de")
    default = default if default in languages else "de"
    language = st.radio("Sprache / language", languages, index=languages.index(default),
                        horizontal=True, key="adlabel_lang")
    sponsored = st.toggle("Gesponsert / sponsored", value=True, key="adlabel_sponsored")
    if not text.strip():
        return
    problems = attempt(check_ad_label, text, language, sponsored)
    if problems is None:
        return
    if not problems:
        st.success("Kennzeichnung in Ordnung. / Label is fine." if sponsored else
                   "Nicht gesponsert: kein Label nötig. / Not sponsored: no label needed.")
        return
    for p in problems:
        st.error(f"**{p.code}**: {p.message}", icon="⛔")
    st.markdown("Mit Label / with the label:")
    st.code(add_ad_label(text, language), language=None, wrap_lines=True)


def ai_section(kit: Any) -> None:
    st.subheader("KI-Kennzeichnung / AI disclosure")
    names = {"never": "nie / never", "ai_images": "bei KI-Bildern / for AI images",
             "always": "immer / always"}
    st.markdown(f"Einstellung im Kit / kit setting: **{names[kit.ai_disclosure]}** · "
                f"Label: `{kit.ai_label}`")
    st.caption(
        "EU AI Act Art. 50 (ab 2. August 2026): realistische KI-Bilder müssen gekennzeichnet "
        "werden; KI-Text, den ein Mensch geprüft hat und redaktionell verantwortet, meist "
        "nicht. Das Häkchen „geprüft“ an jedem Eintrag der Warteschlange hält fest, dass eine "
        "Person ihn geprüft hat. / Realistic AI images must be labelled; AI text a person "
        "reviewed and holds editorial responsibility for mostly not. The 'reviewed' flag of "
        "each queue item records that a person reviewed it."
    )


def _progress_callback(bar: Any) -> Any:
    def update(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"{done} / {total} Links")

    return update


def _link_table(report: LinkReport) -> None:
    rows = [{
        "Status": row.result.status, "HTTP": row.result.http_status,
        "URL": row.url, "Wo / where": row.where, "Meldung / message": row.result.message,
        "Probleme / problems": ", ".join(p.code for p in row.problems),
    } for row in report.rows]
    st.dataframe(rows, hide_index=True, width="stretch")


def links_tab(kit: Any) -> None:
    include_queue = st.checkbox("Auch die Warteschlange / include the queue", value=True,
                                key="links_queue")
    state_key = f"link_report:{kit.id}"
    if st.button("Links prüfen / check links", key="links_check", type="primary"):
        bar = st.progress(0.0, text="Links werden geprüft / checking links")
        st.session_state[state_key] = attempt(
            kit_link_report, kit, settings=settings(), include_queue=include_queue,
            progress=_progress_callback(bar))
    report: LinkReport | None = st.session_state.get(state_key)
    if report is None:
        st.caption("Prüft die Links des Kits, die Profile und die offenen Einträge der "
                   "Warteschlange. / Checks the kit's links, its profiles and the open queue "
                   "items.")
        return
    counts = report.counts()
    cols = st.columns(4)
    for col, status in zip(cols, ("ok", "redirected", "broken", "unreachable"), strict=True):
        col.metric(status, counts.get(status, 0))
    if report.note:
        st.info(report.note)
    elif report.queue_checked:
        st.caption(f"{report.queue_items} offene Einträge geprüft / open queue items checked")
    if report.broken:
        st.error("Mindestens ein Link ist kaputt. / At least one link is broken.", icon="⛔")
    _link_table(report)


def render() -> None:
    page_header("Compliance", PURPOSE)
    kit = pick_kit()
    tabs = st.tabs(["Impressum", "Kanäle / Channels", "Werbung / Ad label", "Links"])
    with tabs[2]:
        ad_label_tab(kit)
        if kit is not None:
            ai_section(kit)
    if kit is None:
        return
    with tabs[0]:
        impressum_tab(kit)
    with tabs[1]:
        channels_tab(kit)
    with tabs[3]:
        links_tab(kit)
