"""An image ready for a Bluesky blob: within the byte limit, with its size for the aspect ratio.

A file already within the limit in a format Bluesky shows (JPEG, PNG, WebP) is sent as it
is. Anything else is re-encoded by the image pipeline (``imaging.encode``: the highest JPEG
quality that fits, PNG kept where transparency needs it) after scaling the long side down to
``MAX_SIDE`` (what Bluesky's own app uploads). What still cannot fit is refused with a
one-line reason, before anything is uploaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from assistant.errors import ImageError
from assistant.imaging.convert import to_working, upright
from assistant.imaging.encode import MIME_TYPES, encode_for
from assistant.imaging.load import decode, open_source
from assistant.publish.base import MediaFile

MAX_SIDE = 2000
SENT_AS_IS = frozenset({"JPEG", "PNG", "WEBP"})


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    mime_type: str
    alt_text: str
    width: int
    height: int


def _read(media: MediaFile) -> bytes:
    try:
        return Path(media.path).read_bytes()
    except OSError as exc:
        raise ImageError(f"cannot read the image {media.path} ({exc.strerror}); attach it "
                         "again") from None


def _reencode(data: bytes, name: str, max_bytes: int, formats: tuple[str, ...]
              ) -> tuple[bytes, str, tuple[int, int]]:
    image, _ = to_working(upright(decode(open_source(data, name))))
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    encoded = encode_for(image, formats, max_bytes)
    return encoded.data, MIME_TYPES[encoded.format], image.size


def prepare_bytes(data: bytes, name: str, alt_text: str, max_bytes: int,
                  formats: tuple[str, ...] = ("JPEG", "PNG")) -> PreparedImage:
    """``data`` as an image Bluesky takes; ImageError (one line) when it cannot be made so."""
    source = open_source(data, name)
    if len(data) <= max_bytes and source.format in SENT_AS_IS and source.orientation == 1:
        return PreparedImage(data, MIME_TYPES[source.format], alt_text,
                             source.width, source.height)
    try:
        out, mime, (width, height) = _reencode(data, name, max_bytes, formats)
    except ImageError as exc:
        raise ImageError(f"{name} does not fit Bluesky's {max_bytes:,} byte limit: {exc}"
                         ) from None
    return PreparedImage(out, mime, alt_text, width, height)


def prepare_image(media: MediaFile, max_bytes: int) -> PreparedImage:
    """The attached file ``media`` as an image Bluesky takes (see ``prepare_bytes``)."""
    return prepare_bytes(_read(media), Path(media.path).name, media.alt_text, max_bytes)
