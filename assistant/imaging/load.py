"""Safe loading: bytes in, an opened (not yet decoded) image out, or one clear ImageError.

Decoding is deferred so that the caller can ask JPEG's decoder for a smaller scale first
(``draft``); the declared size is checked against a pixel limit before any pixel is decoded,
so a decompression bomb costs nothing.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pillow_heif
from PIL import Image, UnidentifiedImageError

from assistant.errors import ImageError

pillow_heif.register_heif_opener()
# We enforce our own pixel limit (below); Pillow's warning would only be noise on stderr.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

# 120 MP: room for 108 MP phone photos, far below what would exhaust memory when decoded.
DEFAULT_MAX_PIXELS = 120_000_000
MAX_FILE_BYTES = 200 * 1024 * 1024
# Memory for decoding: the decoded frame plus the RGB(A) working copy made from it. A 14 KB
# 1-bit PNG can declare 119 MP (under the pixel limit) and still need ~600 MB once converted.
MAX_DECODED_BYTES = 512 * 1024 * 1024
WORKING_PIXEL_BYTES = 4  # Pillow keeps RGB and RGBA in 4 bytes a pixel
# 16-bit and float greys go through numpy float64 arrays (convert.py): ~16 more bytes a pixel
WIDE_EXTRA_BYTES = 16
SUPPORTED = "JPEG, PNG, WebP, HEIC, AVIF or GIF"
# Only these decoders are tried: fewer exotic parsers exposed to uploads (JPEG covers MPO).
OPEN_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF", "AVIF", "TIFF", "BMP")
ANIMATED_FORMATS = {"GIF", "PNG", "WEBP", "AVIF"}
LOAD_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError)

ImageSource = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]

# (magic prefix, offset, human name) to tell "damaged PNG" from "not an image at all".
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"GIF8", 0, "GIF"),
    (b"WEBP", 8, "WebP"),
    (b"ftypheic", 4, "HEIC"),
    (b"ftypheix", 4, "HEIC"),
    (b"ftypmif1", 4, "HEIF"),
    (b"ftypavif", 4, "AVIF"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"BM", 0, "BMP"),
)


@dataclass(frozen=True)
class Source:
    """An image whose header was read and checked; pixels not yet decoded."""

    data: bytes
    format: str
    width: int
    height: int
    orientation: int
    frames: int
    animated: bool
    name: str

    @property
    def oriented_size(self) -> tuple[int, int]:
        """Size after EXIF orientation (5..8 swap width and height)."""
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height


def read_bytes(source: ImageSource) -> tuple[bytes, str]:
    """The raw bytes and a name for messages; empty, missing or huge files are refused."""
    if isinstance(source, bytes | bytearray | memoryview):
        data, name = bytes(source), "the upload"
    elif isinstance(source, str | os.PathLike):
        data, name = _read_path(Path(source)), str(source)
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "") or "the upload")
        data = source.getvalue() if hasattr(source, "getvalue") else source.read()
    else:
        raise ImageError(f"cannot read an image from {type(source).__name__}; pass a path or bytes")
    if not data:
        raise ImageError(f"{name} is empty (0 bytes); choose a {SUPPORTED} photo")
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(
            f"{name} is {len(data) // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB"
        )
    return data, name


def _read_path(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ImageError(f"{path} is a folder; give the path of one image file")
        if not path.is_file() and path.exists():
            # /dev/zero, a FIFO or a socket: it could be read forever
            raise ImageError(f"{path} is not a regular file; give the path of one image file")
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)  # capped even if the size changes under us
        if len(data) > MAX_FILE_BYTES:
            raise ImageError(f"{path} is larger than {MAX_FILE_BYTES // 2**20} MB")
        return data
    except FileNotFoundError:
        raise ImageError(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise ImageError(f"cannot read {path}: {exc.strerror or exc}") from None


def sniff(data: bytes) -> str | None:
    """The format the first bytes claim, if any (for the 'damaged' vs 'not an image' message)."""
    for magic, offset, label in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return label
    return None


def open_source(data: bytes, name: str, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> Source:
    """Open the header and check the pixel limit; pixels stay undecoded."""
    try:
        image = Image.open(io.BytesIO(data), formats=OPEN_FORMATS)
    except Image.DecompressionBombError:
        # Pillow's own hard stop (twice its default limit) fired before ours could
        declared = f"over {2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6:.0f} megapixels declared"
        raise ImageError(_bomb_message(name, max_pixels, declared)) from None
    except UnidentifiedImageError:
        raise ImageError(_unreadable_message(data, name)) from None
    except LOAD_ERRORS as exc:
        raise ImageError(f"{name} is damaged ({exc}); export or download it again") from None
    width, height = image.size
    if width < 1 or height < 1:
        raise ImageError(f"{name} declares an empty size {width}x{height}; export it again")
    if width * height > max_pixels:
        raise ImageError(_bomb_message(name, max_pixels, f"{width}x{height} pixels declared"))
    fmt = (image.format or "").upper()
    frames = int(getattr(image, "n_frames", 1) or 1)
    return Source(
        data=data,
        format="JPEG" if fmt == "MPO" else fmt,
        width=width,
        height=height,
        orientation=_orientation(image),
        frames=frames,
        # MPO (phone JPEGs with a depth/preview frame) is not an animation
        animated=fmt in ANIMATED_FORMATS and frames > 1,
        name=name,
    )


def _orientation(image: Image.Image) -> int:
    if image.format == "PNG" and "exif" not in image.info:
        # Pillow would decode every pixel to look for an eXIf chunk after the image data
        # (before the memory budget is checked); such files are rare, upright is assumed.
        return 1
    try:
        value = image.getexif().get(0x0112, 1)
    except LOAD_ERRORS:
        return 1  # unreadable EXIF: treat as upright rather than refuse the photo
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _bomb_message(name: str, max_pixels: int, detail: str) -> str:
    return (
        f"{name} is too large to process safely ({detail}; the limit is "
        f"{max_pixels / 1e6:.0f} megapixels, a guard against decompression bombs); "
        "scale it down and try again"
    )


def _unreadable_message(data: bytes, name: str) -> str:
    claimed = sniff(data)
    if claimed:
        return f"{name} looks like a {claimed} file but is damaged; export or download it again"
    return f"{name} is not an image (or not a supported format); choose a {SUPPORTED} file"


def decode(source: Source, need: tuple[int, int] | None = None) -> Image.Image:
    """Decode the pixels; JPEG decodes at the smallest 1/2, 1/4, 1/8 scale still >= ``need``.

    ``need`` is in oriented (upright) pixels. Returns a fresh loaded image (frame 0). A new
    handle per call because ``draft`` is one-shot and the source stays reusable.
    """
    try:
        image = Image.open(io.BytesIO(source.data), formats=OPEN_FORMATS)
        if need and source.format == "JPEG":
            want = need if source.orientation < 5 else (need[1], need[0])
            image.draft(image.mode, (max(1, want[0]), max(1, want[1])))
        check_memory(source.name, image.size, image.mode)
        image.load()
    except LOAD_ERRORS as exc:
        raise ImageError(_load_message(source, exc)) from None
    return image


def decoded_bytes(size: tuple[int, int], mode: str) -> int:
    """Memory to decode a ``mode`` image of ``size`` and convert it to the working RGB(A)."""
    source = 1 if mode in ("1", "L", "P") else 2 if mode.startswith("I;16") else 4
    extra = WIDE_EXTRA_BYTES if mode in ("I", "F") or mode.startswith("I;16") else 0
    return size[0] * size[1] * (source + WORKING_PIXEL_BYTES + extra)


def check_memory(name: str, size: tuple[int, int], mode: str) -> None:
    """Refuse, before decoding, a picture whose pixels would not fit the memory budget."""
    need = decoded_bytes(size, mode)
    if need > MAX_DECODED_BYTES:
        raise ImageError(
            f"{name} would need about {need // 2**20} MB of memory to process "
            f"({size[0]}x{size[1]} pixels, mode {mode}; the limit is "
            f"{MAX_DECODED_BYTES // 2**20} MB); scale it down, e.g. to 6000x4000, and try again"
        )


def _load_message(source: Source, exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, EOFError) or "truncated" in text or "premature" in text.lower():
        return f"{source.name} is truncated (the file ends early); upload the complete file"
    return f"{source.name} is damaged ({text}); export or download it again"
