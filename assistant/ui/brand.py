"""Brand kits page: list, create, edit (form + YAML), channels, examples, documents,
re-index with progress, and a preview of what the model is shown for a brief."""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from assistant.brand import forms
from assistant.brand.kit import (
    PLATFORM_IDS,
    BrandKit,
    copy_example_kit,
    create_kit,
    example_kit_ids,
    kit_dir,
    kit_to_yaml,
    list_kits,
    load_kit,
    save_kit,
)
from assistant.brand.schema import BUNDESLAENDER, VISIBILITIES
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.ui.common import attempt, page_header, settings
from assistant.ui.learned import learned_tab

NEW = "+ New kit"
LANGS = ["de", "en", "fr", "es", "it", "nl", "pl", "da"]
LEGAL_FORMS = ["GmbH", "UG (haftungsbeschränkt)", "AG", "e.K.", "OHG", "KG", "GmbH & Co. KG",
               "GbR", "Einzelunternehmen", "Freiberufler", "eG", "e.V."]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def render() -> None:
    page_header("Brand kits", "The voice, rules, channels and legal details every draft is "
                "built from, and what the model is shown from them.")
    s = settings()
    kits = attempt(list_kits, s.kits_dir) or []
    if msg := st.session_state.pop("brand_flash", None):
        st.success(msg)
    _example_copier(s, kits)
    _overview(kits, s)
    if pending := st.session_state.pop("brand_pending", None):
        st.session_state["brand_choice"] = pending
    choice = st.selectbox("Kit", [*kits, NEW], key="brand_choice",
                          help=f"Kits live in {s.kits_dir}, one folder each.")
    if choice == NEW:
        _create(s)
        return
    kit = attempt(load_kit, choice, s.kits_dir)
    if kit is None:
        _repair(choice, s)
        return
    _kit_tabs(kit, s)


def _done(message: str, kit_id: str | None = None) -> None:
    st.session_state["brand_flash"] = message
    if kit_id:
        st.session_state["brand_pending"] = kit_id
    st.rerun()


def _overview(kits: list[str], s: Settings) -> None:
    if not kits:
        return
    with st.expander(f"All kits ({len(kits)})"):
        rows: list[dict[str, object]] = []
        for kit_id in kits:
            try:
                kit = load_kit(kit_id, s.kits_dir)
            except AssistantError as exc:
                rows.append({"id": kit_id, "name": "(does not load)", "problem": str(exc)})
                continue
            rows.append({"id": kit.id, "name": kit.name, "languages": ", ".join(kit.languages),
                         "examples": len(kit.examples),
                         "channels": ", ".join(c.platform for c in kit.channels), "problem": ""})
        st.dataframe(rows, hide_index=True)


# -- first run ------------------------------------------------------------------------------
def _example_copier(s: Settings, kits: list[str]) -> None:
    examples = example_kit_ids()
    if not examples:
        return
    if not kits:
        st.info("No brand kit yet. Copy an example kit to look around, or create your own "
                "with **+ New kit** below.")
    with st.expander("Copy an example kit", expanded=not kits):
        source = st.selectbox("Example", examples, key="brand_copy_src")
        default = source if source not in kits else f"my-{source}"[:63]
        new_id = st.text_input("New kit id", value=default, key=f"brand_copy_id_{source}")
        if st.button("Copy example kit", key="brand_copy"):
            kit = attempt(copy_example_kit, source, new_id.strip() or None, s.kits_dir)
            if kit:
                _done(f"Copied the example into kit '{kit.id}'.{_prepared(kit, s)}", kit.id)


# -- create and edit ----------------------------------------------------------------------
def _create(s: Settings) -> None:
    st.subheader("New kit")
    st.caption("Start with the basics; channels, example posts and documents come next.")
    with st.form("brand_new"):
        values = _fields(forms.form_values(None), "new", new=True)
        submitted = st.form_submit_button("Create kit", type="primary")
    if submitted:
        kit = attempt(forms.kit_from_form, values)
        if kit and attempt(create_kit, kit, s.kits_dir):
            _done(f"Created kit '{kit.id}'. Add channels, example posts and documents.", kit.id)


def _fields(v: dict[str, Any], p: str, new: bool) -> dict[str, Any]:
    """The common fields; ``p`` keeps widget keys apart per kit."""
    out = dict(v)
    a, b = st.columns(2)
    out["name"] = a.text_input("Brand name", v["name"], key=f"{p}_name")
    if new:
        out["id"] = b.text_input("Kit id", v["id"], key=f"{p}_id", placeholder="my-brand",
                                 help="3-63 lowercase letters, digits and '-'; the folder name")
    langs = sorted(set(LANGS) | set(v["languages"]))
    out["languages"] = a.multiselect("Languages", langs, v["languages"], key=f"{p}_langs")
    out["default_language"] = b.selectbox("Default language", langs,
                                          langs.index(v["default_language"]), key=f"{p}_dl")
    out["formality"] = a.radio("Address readers as", ["du", "Sie", "neutral"],
                               ["du", "Sie", "neutral"].index(v["formality"]),
                               horizontal=True, key=f"{p}_formality")
    out["tone"] = b.text_input("Tone words (comma separated)", v["tone"], key=f"{p}_tone")
    out["audience"] = st.text_area("Audience", v["audience"], key=f"{p}_aud", height=80)
    out["pillars"] = st.text_area("Content pillars, one per line: Name | description | weight",
                                  v["pillars"], key=f"{p}_pillars", height=110)
    out["banned_words"] = a.text_area("Banned words, one per line (word -> replacement)",
                                      v["banned_words"], key=f"{p}_banned", height=110)
    out["cta"] = b.text_input("Default call to action", v["cta"], key=f"{p}_cta")
    out["emoji_policy"] = b.selectbox("Emoji", ["none", "few", "many"],
                                      ["none", "few", "many"].index(v["emoji_policy"]),
                                      key=f"{p}_emoji")
    out["emoji_max"] = b.number_input("Max emoji per post", 0, 30, int(v["emoji_max"]),
                                      key=f"{p}_emax")
    out["emoji_allowed"] = b.text_input(
        "The brand's emoji", v["emoji_allowed"], key=f"{p}_eallowed", placeholder="☕ 🧊 🍋",
        help="When listed, any other emoji in a post is a warning; leave empty to allow all")
    out["spelling_words"] = a.text_area(
        "Spelling: the brand's own words", v["spelling_words"], key=f"{p}_words", height=80,
        help="Names, products and dialect words the spelling check should accept")
    out["brief_only_words"] = b.text_area(
        "Words only a brief may bring", v["brief_only_words"], key=f"{p}_brief_only",
        height=80, help="A post may use these only when its brief does: the brand's trade "
        "verb or noun, which a small model puts into every post (e.g. rösten, Röster); the "
        "forms count too, and a noun is written large")
    _approval_fields(out, v, p)
    _hashtag_and_link_fields(out, v, p)
    _legal_fields(out, v, p)
    return out


def _approval_fields(out: dict[str, Any], v: dict[str, Any], p: str) -> None:
    a, b = st.columns(2)
    out["client_approval_required"] = a.toggle(
        "Client approval required", bool(v["client_approval_required"]), key=f"{p}_client",
        help="A post is approved, exported as approved or sent on only after the client "
        "approved it through a review link")
    labels = {"posted": "posts marked posted", "approved": "approved posts",
              "off": "nothing (off)"}
    choices = list(labels)
    out["learn_from"] = b.selectbox(
        "Learn example posts from", choices, choices.index(v["learn_from"]), key=f"{p}_learn",
        format_func=lambda c: labels[str(c)],
        help="Such posts become example posts of the kit (kept apart from yours, capped)")
    late = {"send_late": "go out late, marked late", "wait": "wait for a person"}
    out["late_posts"] = a.selectbox(
        "A post that missed its time (no worker ran)", list(late),
        list(late).index(v["late_posts"]), key=f"{p}_late",
        format_func=lambda c: late[str(c)])
    out["late_after_minutes"] = b.number_input(
        "Late after (minutes past its time)", 0, 10080, int(v["late_after_minutes"]),
        key=f"{p}_late_after")


def _hashtag_and_link_fields(out: dict[str, Any], v: dict[str, Any], p: str) -> None:
    with st.expander("Hashtags and links"):
        for key, label in (("tags_always", "Always use"), ("tags_pool", "Rotating pool"),
                           ("tags_never", "Never use")):
            out[key] = st.text_input(f"Hashtags: {label}", v[key], key=f"{p}_{key}")
        for field in forms.LINK_FIELDS:
            key = f"link_{field}"
            out[key] = st.text_input(field.replace("_", " ").capitalize(), v[key], key=f"{p}_{key}")


def _legal_fields(out: dict[str, Any], v: dict[str, Any], p: str) -> None:
    with st.expander("Legal entity (for the Impressum)", expanded=not v["legal_name"]):
        a, b = st.columns(2)
        out["legal_name"] = a.text_input("Registered name", v["legal_name"], key=f"{p}_lname")
        out["legal_legal_form"] = b.selectbox("Legal form", LEGAL_FORMS,
                                              LEGAL_FORMS.index(v["legal_legal_form"]),
                                              key=f"{p}_lform")
        labels = {"representatives": "Representatives (comma separated)",
                  "representative_title": "Their title (e.g. Geschäftsführer)",
                  "street": "Street and number", "postal_code": "Postal code", "city": "City",
                  "email": "E-mail", "phone": "Phone", "register_court": "Register court",
                  "register_number": "Register number (e.g. HRB 123456)", "vat_id": "VAT ID"}
        for i, (field, label) in enumerate(labels.items()):
            col = a if i % 2 == 0 else b
            key = f"legal_{field}"
            out[key] = col.text_input(label, v[key], key=f"{p}_{key}")


def _kit_tabs(kit: BrandKit, s: Settings) -> None:
    st.caption(f"{len(kit.examples)} example posts · {len(kit.channels)} channels · "
               f"folder {kit_dir(kit.id, s.kits_dir)}")
    # keyed and rerun-tracked so that the open tab survives a button press (Streamlit
    # otherwise shows the first tab again after every rerun)
    tabs = st.tabs(["Settings", "Channels", "Example posts", "Documents", "YAML",
                    "Index & preview", "Learned"], key=f"brand_tabs_{kit.id}",
                   on_change="rerun")
    with tabs[0]:
        _edit_form(kit, s)
    with tabs[1]:
        _channels(kit, s)
    with tabs[2]:
        _examples(kit, s)
    with tabs[3]:
        _documents(kit, s)
    with tabs[4]:
        _yaml_editor(kit, s)
    with tabs[5]:
        _index_and_preview(kit, s)
    with tabs[6]:
        learned_tab(kit, s)


def _save(kit: BrandKit | None, s: Settings, message: str) -> None:
    if kit is not None and attempt(save_kit, kit, s.kits_dir) is not None:
        _done(message + _prepared(kit, s))


def _prepared(kit: BrandKit, s: Settings) -> str:
    """Index the saved kit now (only what changed), so that its first draft need not;
    a failure leaves the kit saved and is said in the message (drafting tries again)."""
    from assistant.brand.voice import prepare_kit

    with st.spinner("Indexing the kit's examples and documents…"):
        try:
            prepare_kit(kit, settings=s)
        except AssistantError as exc:
            return f" Not indexed yet ({exc}); its first draft tries again."
    return ""


def _version(kit: BrandKit) -> str:
    """Changes with every saved change: widget keys carry it, so that after a save (from the
    form or the YAML editor) every editor shows the saved kit, not stale widget state."""
    return hashlib.sha1(kit.model_dump_json().encode()).hexdigest()[:8]


def _edit_form(kit: BrandKit, s: Settings) -> None:
    with st.form(f"brand_edit_{kit.id}"):
        values = _fields(forms.form_values(kit), f"edit_{kit.id}_{_version(kit)}", new=False)
        submitted = st.form_submit_button("Save", type="primary")
    if submitted:
        _save(attempt(forms.kit_from_form, values, kit), s, "Saved.")


def _channels(kit: BrandKit, s: Settings) -> None:
    if kit.channels:
        st.dataframe([{"platform": c.platform, "handle": c.handle, "posts/week": c.posts_per_week,
                       "weekdays": ", ".join(c.weekdays), "times": ", ".join(c.times),
                       "Bundesland": c.bundesland, "links Impressum": c.links_impressum,
                       "visibility": c.visibility, "content warning": c.content_warning or ""}
                      for c in kit.channels], hide_index=True)
        labels = [f"{c.platform} · {c.handle}" for c in kit.channels]
        gone = st.selectbox("Channel", labels, key=f"chan_rm_{kit.id}")
        if st.button("Remove channel", key=f"chan_rm_btn_{kit.id}"):
            _save(forms.without_channel(kit, labels.index(gone)), s, f"Removed {gone}.")
    else:
        st.info("No channels yet: add the profiles this brand posts to.")
    with st.form(f"chan_add_{kit.id}"):
        st.markdown("**Add a channel**")
        a, b = st.columns(2)
        channel = {
            "platform": a.selectbox("Platform", PLATFORM_IDS, key=f"ch_p_{kit.id}"),
            "handle": b.text_input("Handle", key=f"ch_h_{kit.id}"),
            "profile_url": a.text_input("Profile URL", key=f"ch_u_{kit.id}") or None,
            "posts_per_week": b.number_input("Posts per week", 0, 70, 3, key=f"ch_n_{kit.id}"),
            "weekdays": a.multiselect("Weekdays", WEEKDAYS, ["mon", "wed", "fri"],
                                      key=f"ch_d_{kit.id}"),
            "times": forms.split_list(b.text_input("Times (HH:MM, comma separated)", "09:00",
                                                   key=f"ch_t_{kit.id}")),
            "bundesland": a.selectbox("Bundesland (holidays)", BUNDESLAENDER,
                                      BUNDESLAENDER.index("HH"), key=f"ch_b_{kit.id}"),
            "links_impressum": b.checkbox("The profile links the Impressum", key=f"ch_i_{kit.id}"),
            "visibility": a.selectbox("Mastodon: who sees the posts", VISIBILITIES,
                                      key=f"ch_v_{kit.id}"),
            "content_warning": b.text_input("Mastodon: content warning on every post (e.g. "
                                            "Werbung)", key=f"ch_cw_{kit.id}") or None,
        }
        if st.form_submit_button("Add channel"):
            _save(attempt(forms.with_channel, kit, channel), s, f"Added {channel['platform']}.")


def _examples(kit: BrandKit, s: Settings) -> None:
    with st.form(f"ex_add_{kit.id}", clear_on_submit=True):
        st.markdown("**Add an example post** (a real post that sounds like the brand)")
        a, b = st.columns(2)
        platform = a.selectbox("Platform", PLATFORM_IDS, key=f"ex_p_{kit.id}")
        language = b.selectbox("Language", kit.languages, key=f"ex_l_{kit.id}")
        text = st.text_area("Post text", key=f"ex_t_{kit.id}", height=140)
        if st.form_submit_button("Add example"):
            _save(attempt(forms.with_example, kit, platform, language, text), s, "Example added.")
    if not kit.examples:
        st.info("No example posts yet. Ten or more make drafts sound like the brand.")
    for post in kit.examples:
        with st.container(border=True):
            top, button = st.columns([5, 1])
            top.caption(f"{post.platform} · {post.language} · examples/{post.source}")
            if button.button("Delete", key=f"ex_del_{kit.id}_{post.source}"):
                _save(forms.without_example(kit, str(post.source)), s, f"Deleted {post.source}.")
            st.text(post.text)


def _documents(kit: BrandKit, s: Settings) -> None:
    from assistant.brand.ingest import add_document, list_documents, remove_document

    docs = attempt(list_documents, kit.id, s.kits_dir) or []
    st.caption("Brand book, tone-of-voice guide, FAQ: Markdown, text or PDF with text, up to 5 MB.")
    for name in docs:
        left, right = st.columns([5, 1])
        size = (kit_dir(kit.id, s.kits_dir) / "docs" / name).stat().st_size
        left.markdown(f"`{name}` · {size / 1024:.0f} KB")
        if right.button("Remove", key=f"doc_rm_{kit.id}_{name}"):
            if attempt(remove_document, kit.id, name, s.kits_dir) is not None:
                _done(f"Removed {name}.{_prepared(kit, s)}")
    files = st.file_uploader("Add documents", type=["pdf", "md", "txt"],
                             accept_multiple_files=True, key=f"doc_up_{kit.id}")
    replace = st.checkbox("Replace documents with the same name", key=f"doc_rep_{kit.id}")
    if files and st.button("Add to kit", key=f"doc_add_{kit.id}", type="primary"):
        added = [f.name for f in files
                 if attempt(add_document, kit.id, f.name, f.getvalue(), s.kits_dir,
                            replace=replace) is not None]
        if added and len(added) == len(files):
            _done(f"Added {', '.join(added)}.{_prepared(kit, s)}")
        elif added:
            st.success(f"Added {', '.join(added)}; the others were not added (see above)."
                       f"{_prepared(kit, s)}")


def _yaml_editor(kit: BrandKit, s: Settings) -> None:
    st.caption("Every field of kit.yaml (the examples live in examples/). Checked before saving.")
    text = st.text_area("kit.yaml", kit_to_yaml(kit), height=480,
                        key=f"yaml_{kit.id}_{_version(kit)}")
    if st.button("Validate and save", key=f"yaml_save_{kit.id}"):
        _save(attempt(forms.kit_from_edited_yaml, kit, text), s, "Saved kit.yaml.")


def _repair(kit_id: str, s: Settings) -> None:
    """A kit that does not load can be fixed here instead of in a text editor."""
    path = kit_dir(kit_id, s.kits_dir) / "kit.yaml"
    st.warning("This kit does not load. Fix kit.yaml below (the error above says where).")
    try:
        current = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        current = ""
    text = st.text_area("kit.yaml", current, height=480, key=f"repair_{kit_id}")
    if st.button("Validate and save", key=f"repair_save_{kit_id}"):
        if attempt(forms.save_raw_kit_yaml, kit_id, text, s.kits_dir):
            _done("Saved; the kit loads again.")


def _index_and_preview(kit: BrandKit, s: Settings) -> None:
    from assistant.brand.store import index_kit, retrieve

    if st.button("Re-index", key=f"reindex_{kit.id}",
                 help="Embeds new examples and document chunks; unchanged ones are kept."):
        bar = st.progress(0.0, text="Reading the kit…")

        def progress(done: int, total: int) -> None:
            bar.progress(done / total if total else 1.0, text=f"Embedding {done}/{total}")

        report = attempt(index_kit, kit, progress=progress, settings=s)
        if report:
            bar.progress(1.0, text="Done")
            st.success(f"{report.added} added, {report.removed} removed, "
                       f"{report.unchanged} unchanged ({report.total} items in the store).")
    st.markdown("**Preview: what the model is shown for a brief**")
    brief = st.text_area("Brief", key=f"prev_q_{kit.id}",
                         placeholder="e.g. Our new autumn blend is in the shop")
    a, b, c = st.columns(3)
    platform = a.selectbox("Platform", ["any", *PLATFORM_IDS], key=f"prev_p_{kit.id}")
    language = b.selectbox("Language", ["any", *kit.languages], key=f"prev_l_{kit.id}")
    k = c.slider("Examples", 1, 10, 4, key=f"prev_k_{kit.id}")
    if st.button("Show what the model sees", key=f"prev_go_{kit.id}", type="primary"):
        hits = attempt(retrieve, kit, brief, platform=None if platform == "any" else platform,
                       language=None if language == "any" else language, k=k, settings=s)
        for hit in hits or []:
            where = hit.platform or hit.section or "guideline"
            st.markdown(f"**{hit.score:.3f}** · {hit.kind} · {where} · {hit.language} · "
                        f"`{hit.source}`")
            st.code(hit.text, language=None, wrap_lines=True)
