"""Images: one upload, every platform's exact size, format and byte budget.

Session state this page owns or fills:
  images_source       {"name", "data"} of the last upload (survives switching pages)
  images_result       {"key", "renditions"}: the last render, reused while nothing changed
  image_alt_texts     {slug: alt text} per uploaded picture
  attached_media      [{path, platform, preset, format, bytes, width, height, alt_text}]
                      read by the Compose and Queue pages
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.images import (
    Preview,
    Rendition,
    make_preview,
    mark_focus,
    render_images,
    renditions_zip,
    slugify,
    thumbnail,
    write_renditions,
)
from assistant.platforms import PLATFORM_IDS, get_platform
from assistant.ui.common import attempt, link_to, page_header, settings

SOURCE = "images_source"
RESULT = "images_result"
ALT_TEXTS = "image_alt_texts"
ATTACHED = "attached_media"
UPLOAD_TYPES = ["jpg", "jpeg", "png", "webp", "heic", "heif", "avif", "gif", "tif", "tiff", "bmp"]
GRID_COLUMNS = 4


def render() -> None:
    page_header(
        "Images",
        "One photo in, a file for every platform preset out: exact size, an accepted "
        "format, within the byte budget.",
    )
    source = _source()
    if source is None:
        st.info("Upload a photo (JPEG, PNG, WebP, HEIC, AVIF or GIF) to cut it for every platform.")
        return
    name, data = source
    slug = slugify(Path(name).stem) or "image"
    options = _options(data)
    if options is None:
        return
    renditions = _rendered(data, slug, options)
    if not renditions:
        return
    alt_text = _alt_text(slug, options["platforms"])
    _actions(renditions, slug, alt_text)
    _grid(renditions, alt_text)


# --- the upload ---------------------------------------------------------------------------


def _forget_upload() -> None:
    # the user removed the file in the uploader: forget the stored copy too
    if st.session_state.get("images_upload") is None:
        st.session_state.pop(SOURCE, None)
        st.session_state.pop(RESULT, None)


def _source() -> tuple[str, bytes] | None:
    upload = st.file_uploader(
        "Photo",
        type=UPLOAD_TYPES,
        key="images_upload",
        on_change=_forget_upload,
        help="Up to 120 megapixels. It is cut, never stretched; EXIF and GPS are removed.",
    )
    if upload is not None:
        st.session_state[SOURCE] = {"name": upload.name, "data": upload.getvalue()}
    stored = st.session_state.get(SOURCE)
    if not stored:
        return None
    if upload is None:
        st.caption(f"Working on **{stored['name']}** (uploaded earlier).")
    return str(stored["name"]), bytes(stored["data"])


# --- options: focal point, fit, platforms -------------------------------------------------


def _options(data: bytes) -> dict[str, Any] | None:
    preview = attempt(make_preview, data)  # a bad upload stops here with its one-line error
    if preview is None:
        return None
    left, right = st.columns([3, 2])
    with right:
        platforms = st.multiselect(
            "Platforms",
            PLATFORM_IDS,
            default=list(PLATFORM_IDS),
            format_func=lambda pid: get_platform(pid).name,
            key="images_platforms",
        )
        mode = st.radio(
            "Fit",
            ["crop", "pad"],
            format_func={"crop": "Crop to fill", "pad": "Pad (keep everything)"}.get,
            horizontal=True,
            key="images_mode",
        )
        pad_colour = _pad_colour() if mode == "pad" else None
        manual = mode == "crop" and not st.toggle(
            "Find the subject automatically", value=True, key="images_auto"
        )
    with left:
        if manual:
            _focus_picker(preview)
        else:
            st.image(preview.image, width="stretch")
        note = " · animated: the first frame is used" if preview.animated else ""
        hint = " · click to set the focal point" if manual else ""
        st.caption(f"{preview.width}×{preview.height} {preview.format}{note}{hint}")
    with right:
        focus = _focus_sliders() if manual else None
    if not platforms:
        st.warning("Choose at least one platform.")
        return None
    return {"platforms": platforms, "mode": mode, "pad_color": pad_colour, "focus": focus}


def _pad_colour() -> str | None:
    fill = st.radio(
        "Fill",
        ["blur", "colour"],
        horizontal=True,
        key="images_fill",
        format_func={"blur": "Blurred photo", "colour": "Brand colour"}.get,
    )
    if fill == "blur":
        return None
    return str(st.color_picker("Pad colour", "#FFFFFF", key="images_pad_colour"))


def _focus_picker(preview: Preview) -> None:
    """The preview with the focal point marked; a click on it moves the point."""
    focus = (st.session_state.get("images_fx", 0.5), st.session_state.get("images_fy", 0.5))
    click = _clickable(mark_focus(preview.image, focus))
    if click and click.get("unix_time") != st.session_state.get("images_click"):
        st.session_state["images_click"] = click.get("unix_time")
        st.session_state["images_fx"] = round(min(1.0, max(0.0, click["x"] / click["width"])), 2)
        st.session_state["images_fy"] = round(min(1.0, max(0.0, click["y"] / click["height"])), 2)
        st.rerun()


def _clickable(image: Any) -> dict[str, Any] | None:
    try:
        from streamlit_image_coordinates import streamlit_image_coordinates
    except ImportError:  # optional: the sliders alone still set the point
        st.image(image, width="stretch")
        return None
    value = streamlit_image_coordinates(
        image,
        key="images_click_picker",
        use_column_width="always",
        image_format="JPEG",
        jpeg_quality=85,
        cursor="crosshair",
    )
    return value if isinstance(value, dict) and value.get("width") else None


def _focus_sliders() -> tuple[float, float]:
    st.session_state.setdefault("images_fx", 0.5)
    st.session_state.setdefault("images_fy", 0.5)
    x = st.slider("Focal point: left → right", 0.0, 1.0, step=0.01, key="images_fx")
    y = st.slider("Focal point: top → bottom", 0.0, 1.0, step=0.01, key="images_fy")
    return float(x), float(y)


# --- rendering ----------------------------------------------------------------------------


def _rendered(data: bytes, slug: str, options: dict[str, Any]) -> list[Rendition] | None:
    """Render when the photo or an option changed; otherwise reuse the last result."""
    kit = str(st.session_state.get("kit_id") or "postwerk")
    key = (
        hashlib.sha256(data).hexdigest(),
        tuple(options["platforms"]),
        options["mode"],
        options["pad_color"],
        options["focus"],
        kit,
    )
    cached = st.session_state.get(RESULT)
    if cached and cached.get("key") == key:
        return list(cached["renditions"])
    bar = st.progress(0.0, text="Cutting every preset…")

    def tick(done: int, total: int) -> None:
        bar.progress(done / total, text=f"{done} of {total} presets")

    with st.spinner("Rendering…"):
        renditions = attempt(
            render_images,
            data,
            options["platforms"],
            focus=options["focus"],
            mode=options["mode"],
            pad_color=options["pad_color"],
            kit=kit,
            slug=slug,
            progress=tick,
        )
    bar.empty()
    if renditions is not None:
        st.session_state[RESULT] = {"key": key, "renditions": renditions}
    return renditions


# --- alt text, downloads, attaching ---------------------------------------------------------


def _alt_text(slug: str, platforms: list[str]) -> str:
    texts: dict[str, str] = st.session_state.setdefault(ALT_TEXTS, {})
    limits = {
        pid: get_platform(pid).alt_text_limit
        for pid in platforms
        if get_platform(pid).alt_text_limit
    }
    strictest = min(limits.items(), key=lambda item: item[1] or 0) if limits else None
    hint = (
        f" ({strictest[1]} characters at most on {get_platform(strictest[0]).name})"
        if strictest
        else ""
    )
    value = st.text_area(
        "Alt text for this picture" + hint,
        value=texts.get(slug, ""),
        key=f"images_alt_{slug}",
        placeholder="What is in the picture, for people who cannot see it.",
        height=80,
    )
    texts[slug] = value
    return value


def _actions(renditions: list[Rendition], slug: str, alt_text: str) -> None:
    total = sum(r.bytes for r in renditions)
    cols = st.columns([2, 2, 3])
    kit = str(st.session_state.get("kit_id") or "postwerk")
    cols[0].download_button(
        f"Download all ({len(renditions)} files, ZIP)",
        data=renditions_zip(renditions),
        file_name=f"{slugify(kit) or 'postwerk'}-{slug}.zip",
        mime="application/zip",
        icon=":material/download:",
        key="images_zip",
    )
    if cols[1].button("Attach to draft", icon=":material/attach_file:", key="images_attach"):
        picks = _default_picks(renditions)
        chosen = [r for r in renditions if st.session_state.get(_attach_key(r), picks[r.filename])]
        _attach(chosen, slug, alt_text)
    attached = st.session_state.get(ATTACHED) or []
    if attached:
        cols[1].caption(f"{len(attached)} image(s) attached to the next draft.")
    cols[2].caption(
        f"{len(renditions)} files, {total / 1e6:.1f} MB in all. Ticked ones are attached to "
        "the next draft (Compose) or queue item."
    )


def _attach(chosen: list[Rendition], slug: str, alt_text: str) -> None:
    if not chosen:
        st.warning("Tick at least one image to attach.")
        return
    folder = settings().data_dir / "media" / slug
    paths = attempt(write_renditions, chosen, folder)
    if paths is None:
        return
    st.session_state[ATTACHED] = [
        {
            "path": str(path),
            "platform": r.platform,
            "preset": r.preset,
            "format": r.format,
            "bytes": r.bytes,
            "width": r.width,
            "height": r.height,
            "alt_text": alt_text or None,
        }
        for r, path in zip(chosen, paths, strict=True)
    ]
    st.success(f"{len(paths)} images attached (saved in {folder}).")
    link_to("compose", "Write the post in Compose", ":material/edit_note:")
    link_to("queue", "Or attach them in the Queue", ":material/schedule_send:")


def _attach_key(rendition: Rendition) -> str:
    return f"images_pick_{rendition.platform}_{rendition.preset}"


def _default_picks(renditions: list[Rendition]) -> dict[str, bool]:
    """Ticked at first: each platform's first (preferred) preset, one image per platform."""
    seen: set[str] = set()
    picks = {}
    for r in renditions:
        picks[r.filename] = r.platform not in seen
        seen.add(r.platform)
    return picks


# --- the preview grid -----------------------------------------------------------------------


@st.cache_data(max_entries=256, show_spinner=False)
def _thumb(data: bytes) -> bytes:
    return thumbnail(data)


def _grid(renditions: list[Rendition], alt_text: str) -> None:
    picks = _default_picks(renditions)
    for start in range(0, len(renditions), GRID_COLUMNS):
        cols = st.columns(GRID_COLUMNS)
        for col, r in zip(cols, renditions[start : start + GRID_COLUMNS], strict=False):
            with col.container(border=True):
                _card(r, alt_text, default=picks[r.filename])


def _card(r: Rendition, alt_text: str, *, default: bool) -> None:
    platform = get_platform(r.platform)
    st.image(_thumb(r.data), caption=f"{platform.name} · {r.preset_name}")
    quality = f" · q{r.quality}" if r.quality is not None else ""
    st.caption(
        f"{r.width}×{r.height} · {r.format} · {r.bytes / 1e6:.2f} of "
        f"{r.max_bytes / 1e6:g} MB{quality}"
    )
    for warning in r.warnings:
        st.caption(f":orange[⚠ {warning}]")
    limit = platform.alt_text_limit
    if limit and len(alt_text) > limit:
        st.caption(f":red[alt text {len(alt_text)}/{limit}: too long for {platform.name}]")
    st.download_button(
        "Download",
        data=r.data,
        file_name=r.filename,
        mime=r.mime_type,
        key=f"images_dl_{r.platform}_{r.preset}",
        icon=":material/download:",
    )
    st.checkbox("Attach", value=default, key=_attach_key(r))
