"""Issue 12, item 1: import and ZIP export cannot read the server's files or escape a folder.

The media store holds every image; an import brings images in only as http(s) URLs fetched
through the SSRF guard or as files inside an uploaded ZIP; the ZIP export reads only files
inside the store and names entries from safe parts.
"""

from __future__ import annotations

import io
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from assistant.errors import ImageError
from assistant.queue import QueueItem, QueueService
from assistant.queue.exports import entry_name, to_zip
from assistant.queue.importing import import_upload
from assistant.queue.media_fetch import MediaFetchError, fetch_image
from assistant.queue.media_store import MediaStore
from assistant.queue.models import HistoryEntry
from assistant.queue.storage import QueueStorage
from tests.queue.conftest import BERLIN, word_checker

WHEN = datetime(2026, 12, 9, 9, 0, tzinfo=BERLIN)
SAFE_ENTRY = re.compile(r"^images/[0-9]+-[a-z0-9_]+(-[a-z0-9-]+)?-[0-9]+(-[0-9]+)?\.[a-z0-9]+$")


def _png(size: tuple[int, int] = (32, 24)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture()
def queue(tmp_path: Path) -> QueueService:
    return QueueService(QueueStorage(f"sqlite:///{tmp_path / 'postwerk.db'}"), word_checker,
                        media_store=MediaStore(tmp_path / "media-store"))


@pytest.fixture()
def secrets(tmp_path: Path) -> dict[str, Path]:
    env = tmp_path / "secret.env"
    env.write_text("POSTWERK_LLM_API_KEY=sk-VERY-SECRET\n")
    return {"env": env, "db": tmp_path / "postwerk.db"}


def _attack_csv(secrets: dict[str, Path]) -> bytes:
    # the exact row, with its /path/ placeholders pointing at real files here
    media = f"/etc/passwd\n{secrets['env']}\n{secrets['db']}"
    return ("uid,kit_id,platform,text,scheduled_at,media\n"
            f'../../../../tmp/zipslip,kaffeekontor-hamburg,x,exfil,2026-12-09 09:00,"{media}"\n'
            ).encode()


def test_the_attack_csv_is_refused_per_row(queue: QueueService,
                                           secrets: dict[str, Path]) -> None:
    report = import_upload(queue, _attack_csv(secrets), "attack.csv")
    [row] = report.rows
    assert row.outcome == "refused" and row.number == 2
    assert "/etc/passwd is a local file path" in row.reason and "ZIP" in row.reason
    assert queue.list() == []


def _assert_harmless(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        contents = b"".join(zf.read(n) for n in names)
    for name in names:
        assert not name.startswith("/") and ".." not in name and "\\" not in name
        assert name in ("queue.csv", "missing-images.txt") or SAFE_ENTRY.match(name), name
    assert not any(n.endswith((".env", ".db", "passwd")) for n in names)
    assert b"root:" not in contents and b"sk-VERY-SECRET" not in contents
    assert b"SQLite format" not in contents


def test_zip_export_of_an_old_hostile_item_reads_nothing_outside_the_store(
    queue: QueueService, secrets: dict[str, Path]
) -> None:
    # an item stored before this fix (straight into the database, as the old import did)
    hostile = QueueItem(uid="../../../../tmp/zipslip", kit_id="kaffeekontor-hamburg",
                        platform="x", text="exfil", scheduled_at=WHEN,
                        media=["/etc/passwd", str(secrets["env"]), str(secrets["db"]),
                               "../../../etc/hostname"], created_at=WHEN, updated_at=WHEN)
    queue.storage.insert(hostile, HistoryEntry(at=WHEN, actor="old", action="imported"))
    data = to_zip(queue.list(), store=queue.media_store)  # type: ignore[arg-type]
    _assert_harmless(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert [n for n in zf.namelist() if n.startswith("images/")] == []
        assert "/etc/passwd" in zf.read("missing-images.txt").decode()


def test_a_symlink_in_the_store_pointing_outside_is_not_read(
    queue: QueueService, secrets: dict[str, Path]
) -> None:
    store = queue.media_store
    assert store is not None
    stored = store.put(_png(), "ok.png")
    link = store.root / "0123.png"
    link.symlink_to(secrets["env"])
    assert store.resolve(str(link)) is None and store.resolve(stored) is not None
    with pytest.raises(OSError):
        store.read(str(store.root / ".." / "secret.env"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(uid=st.text(min_size=1, max_size=60), platform=st.text(min_size=1, max_size=30),
       text=st.text(max_size=80), item_id=st.one_of(st.none(), st.integers(0, 10**9)),
       media=st.lists(st.one_of(
           st.text(max_size=60),
           st.sampled_from(["/etc/passwd", "../../x.jpg", "..\\..\\x.png", "/", ".", "~/.env",
                            "images/../../a.jpg", "C:\\Windows\\win.ini", "a/../../b.jpeg"])),
           max_size=4))
def test_random_items_never_give_an_escaping_entry_or_a_read_outside(
    tmp_path: Path, uid: str, platform: str, text: str, item_id: int | None,
    media: list[str]
) -> None:
    store = _SpyStore(tmp_path / "spy-store")
    good = store.put(_png(), "good.png")
    item = QueueItem.model_construct(
        id=item_id, uid=uid, kit_id="k", platform=platform, text=text, hashtags=[],
        media=[*media, good], scheduled_at=WHEN, timezone="Europe/Berlin", status="draft",
        problems=[], brief="", first_comment=None, alt_text=None, link=None, language=None,
        sponsored=False, slot_key=None, reviewed=False, posted_url=None, posted_at=None,
        error=None, created_at=None, updated_at=None)
    for n, path in enumerate(item.media, start=1):
        assert SAFE_ENTRY.match(entry_name(item, n, path)), entry_name(item, n, path)
    with zipfile.ZipFile(io.BytesIO(to_zip([item], store=store))) as zf:
        for name in zf.namelist():
            assert name in ("queue.csv", "missing-images.txt") or SAFE_ENTRY.match(name)
    root = store.root.resolve()
    assert store.returned and all(p.parent == root for p in store.returned)


class _SpyStore(MediaStore):
    """The real store, remembering every file it let ``to_zip`` read."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.returned: list[Path] = []

    def resolve(self, path: str) -> Path | None:
        real = super().resolve(path)
        if real is not None:
            self.returned.append(real)
        return real


# -- the media store -----------------------------------------------------------------------
def test_store_names_files_by_content_and_refuses_non_images(queue: QueueService,
                                                             tmp_path: Path) -> None:
    store = queue.media_store
    assert store is not None
    first, again = store.put(_png(), "a.png"), store.put(_png(), "b.png")
    assert first == again and re.fullmatch(r"[0-9a-f]{64}\.png", Path(first).name)
    with pytest.raises(ImageError, match="not an image"):
        store.put(b"root:x:0:0:root:/root:/bin/bash\n", "passwd")
    with pytest.raises(ImageError, match="not found"):
        store.add_file("/dev/zero")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header(width: int, height: int) -> bytes:
    """A tiny PNG file that declares a huge 1-bit image (the pixels are never there)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", zlib.compress(b"\0")) + _chunk(b"IEND", b""))


def test_store_keeps_the_pixel_limit(queue: QueueService) -> None:
    with pytest.raises(ImageError, match="too large to process safely"):
        queue.media_store.put(_png_header(30000, 30000), "bomb.png")  # type: ignore[union-attr]


def test_every_add_and_edit_copies_into_the_store(queue: QueueService, tmp_path: Path) -> None:
    photo = tmp_path / "cup.png"
    photo.write_bytes(_png())
    item = queue.add(QueueItem(kit_id="kaffee", platform="instagram", text="Moin",
                               media=[str(photo)], scheduled_at=WHEN))
    assert queue.media_store is not None
    assert all(queue.media_store.resolve(p) for p in item.media)
    notes = tmp_path / "notes.txt"
    notes.write_text("not an image")
    with pytest.raises(ImageError, match="not an image"):
        queue.edit(item.id or 0, media=[str(notes)])
    with pytest.raises(ImageError):
        queue.add(QueueItem(kit_id="kaffee", platform="x", text="x", media=["/etc/passwd"],
                            scheduled_at=WHEN))


# -- ZIP uploads ----------------------------------------------------------------------------
def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_zip_upload_reads_entries_by_name_only(queue: QueueService) -> None:
    rows = ("kit_id,platform,text,scheduled_at,media\n"
            "kaffee,instagram,one,2030-01-01 09:00,pics/a.png\n"
            "kaffee,instagram,two,2030-01-01 10:00,../../etc/passwd\n"
            "kaffee,instagram,three,2030-01-01 11:00,bomb.png\n"
            "kaffee,instagram,four,2030-01-01 12:00,notes.txt\n")
    data = _zip({"queue.csv": rows.encode(), "pics/a.png": _png(),
                 "bomb.png": b"\0" * (31 * 2**20), "notes.txt": b"hello"})
    report = import_upload(queue, data, "upload.zip")
    outcomes = [(r.number, r.outcome) for r in report.rows]
    assert outcomes == [(2, "imported"), (3, "refused"), (4, "refused"), (5, "refused")]
    assert "not in the ZIP" in report.rows[1].reason
    assert "unpacks to more than 30 MB" in report.rows[2].reason
    assert "not an image" in report.rows[3].reason
    [item] = queue.list()
    assert queue.media_store is not None and queue.media_store.resolve(item.media[0])


# -- image URLs through the guard ------------------------------------------------------------
class _Images(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        body, kind = {"/cup.png": (_png(), "image/png"),
                      "/page": (b"<html></html>", "text/html")}.get(self.path, (b"", ""))
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", "/cup.png")
            self.end_headers()
            return
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind or "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def image_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Images)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_image_urls_are_fetched_through_the_guard(image_server: str) -> None:
    assert fetch_image(f"{image_server}/hop", allow_private=True) == _png()
    with pytest.raises(MediaFetchError, match="loopback address"):
        fetch_image(f"{image_server}/cup.png")  # the guard's default: public addresses only
    with pytest.raises(MediaFetchError, match="text/html, not an image"):
        fetch_image(f"{image_server}/page", allow_private=True)
    with pytest.raises(MediaFetchError, match="answered 404"):
        fetch_image(f"{image_server}/nope", allow_private=True)
    with pytest.raises(MediaFetchError, match="a queue image may have"):
        fetch_image(f"{image_server}/cup.png", allow_private=True, max_bytes=10)


def test_import_with_an_image_url(queue: QueueService, image_server: str) -> None:
    rows = ("kit_id,platform,text,scheduled_at,media\n"
            f"kaffee,instagram,one,2030-01-01 09:00,{image_server}/cup.png\n"
            "kaffee,instagram,two,2030-01-01 10:00,http://169.254.169.254/latest/meta-data\n")
    report = import_upload(queue, rows.encode(), "urls.csv")
    assert [r.outcome for r in report.rows] == ["refused", "refused"]
    assert "loopback" in report.rows[0].reason and "link-local" in report.rows[1].reason
    allowed = import_upload(queue, rows.encode(), "urls.csv",
                            fetch=lambda url: fetch_image(url, allow_private=True))
    assert allowed.rows[0].outcome == "imported"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(refs=st.lists(st.one_of(
    st.sampled_from(["{outside}", "{outside_rel}", "file://{outside}", " {outside} ",
                     "{outside}/", "{store}/../outside.png", "~/outside.png", "\\\\host\\x.png"]),
    st.text(max_size=40)), min_size=1, max_size=3), as_zip=st.booleans())
def test_random_media_values_never_bring_an_outside_file_in(
    tmp_path: Path, refs: list[str], as_zip: bool
) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(_png((7, 5)))
    store = MediaStore(tmp_path / "store")
    queue = QueueService(QueueStorage(f"sqlite:///{tmp_path / 'prop.db'}"), word_checker,
                         media_store=store)
    fetched: list[str] = []

    def no_network(url: str) -> bytes:
        fetched.append(url)
        raise MediaFetchError(f"{url}: no network in this test")

    values = [r.replace("{outside}", str(outside)).replace("{outside_rel}", "../outside.png")
              .replace("{store}", str(store.root)) for r in refs]
    media = "\n".join(v.replace('"', "") for v in values)
    text = f'kit_id,platform,text,scheduled_at,media\nkaffee,x,hi,2030-01-01 09:00,"{media}"\n'
    data = _zip({"queue.csv": text.encode(), "ok.png": _png()}) if as_zip else text.encode()
    import_upload(queue, data, "prop.zip" if as_zip else "prop.csv", fetch=no_network)
    stored = {p.read_bytes() for p in store.root.glob("*")} if store.root.exists() else set()
    assert outside.read_bytes() not in stored
    assert all(u.lower().startswith(("http://", "https://")) for u in fetched)
