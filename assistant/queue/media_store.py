"""The media store: the one folder in the data dir where queue items' images live.

Every path that puts an image on a queue item (Compose, Week, Images, import, service add and
edit) copies it in here first, after checking that it is an image within the pixel limit.
Files are named by their content (sha256 + the extension of the detected format), so the same
image attached twice is stored once and a name never comes from a user or a CSV.
Reads (exports, downloads) go through ``resolve``: only regular files whose real path lies
inside the store are returned, so a stored path like ``/etc/passwd`` or ``../x`` is never read.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

from assistant.errors import ImageError, InputError

# a queue image is a finished post image; the biggest platform budgets are far below this
MAX_MEDIA_BYTES = 30 * 1024 * 1024
STORE_FOLDER = "media-store"
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "HEIF": "heic",
              "AVIF": "avif", "TIFF": "tif", "BMP": "bmp"}


def image_extension(data: bytes, name: str) -> str:
    """The extension for ``data`` after checking it is a whole image within the pixel limit."""
    from PIL import Image

    from assistant.imaging.load import LOAD_ERRORS, OPEN_FORMATS, open_source

    if len(data) > MAX_MEDIA_BYTES:
        raise ImageError(f"{name} is {len(data) // 2**20} MB; a queue image may have at most "
                         f"{MAX_MEDIA_BYTES // 2**20} MB")
    source = open_source(data, name)  # header, format and pixel limit, nothing decoded yet
    try:
        with Image.open(io.BytesIO(data), formats=OPEN_FORMATS) as image:
            image.verify()  # structure and checksums without decoding every pixel
    except LOAD_ERRORS as exc:
        raise ImageError(f"{name} is damaged ({exc}); export or download it again") from None
    return EXTENSIONS.get(source.format, source.format.lower())


class MediaStore:
    """Content-addressed image files under ``root``."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def put(self, data: bytes, name: str) -> str:
        """Check ``data`` is an image and store it; returns the stored file's path."""
        ext = image_extension(data, name)
        target = self._real_root() / f"{hashlib.sha256(data).hexdigest()}.{ext}"
        if not target.is_file():
            self._write(target, data)
        return str(target)

    def add_file(self, path: str) -> str:
        """A local image (e.g. one the Images page wrote) copied into the store."""
        inside = self.resolve(path)
        if inside is not None:
            return str(inside)
        return self.put(_read_local(Path(path)), Path(path).name or path)

    def resolve(self, path: str) -> Path | None:
        """The real file for ``path`` if it is a regular file inside the store, else None."""
        try:
            real = Path(path).resolve(strict=True)
            root = self._real_root()
        except (OSError, RuntimeError, ValueError):
            return None
        if real.parent != root or not real.is_file():
            return None
        return real

    def read(self, path: str) -> bytes:
        """The bytes of a stored file; OSError for anything outside the store."""
        real = self.resolve(path)
        if real is None:
            raise FileNotFoundError(f"{path} is not in the media store")
        return real.read_bytes()

    def _real_root(self) -> Path:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot create the media store {self.root}: {exc.strerror}; "
                             "check POSTWERK_DATA_DIR") from None
        return self.root.resolve()

    def _write(self, target: Path, data: bytes) -> None:
        # write then rename: a reader never sees half a file, two writers of the same
        # content end with the same file
        handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise InputError(f"cannot store the image in {self.root}: {exc.strerror}; "
                             "check the free space and permissions") from None


def _read_local(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise ImageError(f"image {path} not found (or not a file); attach it again")
        if path.stat().st_size > MAX_MEDIA_BYTES:
            raise ImageError(f"image {path} is over {MAX_MEDIA_BYTES // 2**20} MB; "
                             "use the Images page to make a smaller one")
        return path.read_bytes()
    except OSError as exc:
        raise ImageError(f"cannot read image {path}: {exc.strerror or exc}; attach it again") \
            from None


def media_store_for(data_dir: Path) -> MediaStore:
    return MediaStore(data_dir / STORE_FOLDER)
