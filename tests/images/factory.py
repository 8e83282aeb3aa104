"""Test images made in code: photo-like noise (so byte budgets matter), markers, profiles."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
from PIL import Image

RED = (230, 20, 20)


def photo(
    width: int, height: int, *, seed: int = 1, grain: float = 12.0, texture: float = 0.0
) -> Image.Image:
    """Detail at several scales plus grain: compresses like a real photo, not like a flat fill.

    ``texture`` adds detail ~4 px across (foliage, gravel) that survives downscaling.
    """
    rng = np.random.default_rng(seed)
    canvas = np.full((height, width, 3), 128.0, dtype=np.float32)
    octaves = [(6, 60.0), (24, 30.0), (96, 16.0)] + ([(width // 4, texture)] if texture else [])
    for cells, amplitude in octaves:
        rows = max(2, cells * height // width)
        small = rng.normal(0.0, amplitude, (rows, cells, 3)).astype(np.float32)
        layers = [
            np.asarray(
                Image.fromarray(small[..., c]).resize((width, height), Image.Resampling.BICUBIC)
            )
            for c in range(3)
        ]
        canvas += np.stack(layers, axis=-1)
    canvas += rng.normal(0.0, grain, (height, width, 3)).astype(np.float32)
    return Image.fromarray(np.clip(canvas, 0, 255).astype(np.uint8), "RGB")


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def marked(width: int, height: int) -> Image.Image:
    """Grey picture with a red block in the top-left corner (to check orientation)."""
    image = Image.new("RGB", (width, height), (120, 120, 120))
    image.paste(RED, (0, 0, width // 4, height // 4))
    return image


def subject_scene(width: int, height: int, subject_x: float) -> Image.Image:
    """A calm, slightly grainy background and one detailed, colourful subject at ``subject_x``."""
    rng = np.random.default_rng(3)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    sky = np.stack([90 + 60 * yy / height, 120 + 40 * xx / width, 150 + 0 * xx], axis=-1)
    sky += rng.normal(0.0, 4.0, (height, width, 3))
    radius = height * 0.18
    cx, cy = subject_x * width, height * 0.55
    inside = (xx - cx) ** 2 + (yy - cy) ** 2 < radius**2
    stripes = ((xx // max(2, width // 120) + yy // max(2, width // 120)) % 2).astype(np.float32)
    subject = np.stack([200 + 55 * stripes, 40 + 120 * stripes, 30 + 0 * stripes], axis=-1)
    sky[inside] = subject[inside]
    return Image.fromarray(np.clip(sky, 0, 255).astype(np.uint8), "RGB")


def with_orientation(upright: Image.Image, orientation: int, fmt: str = "JPEG") -> bytes:
    """Store ``upright`` the way a camera would for EXIF ``orientation`` (3, 6 or 8)."""
    # the stored pixels are what a viewer must turn by the tag's rotation to show ``upright``
    stored = {
        3: Image.Transpose.ROTATE_180,
        6: Image.Transpose.ROTATE_90,
        8: Image.Transpose.ROTATE_270,
    }[orientation]
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "TestCam"  # Make: must not survive
    return encode(upright.transpose(stored), fmt, exif=exif.tobytes(), quality=95)


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (53.0, 33.0, 0.0)
    return exif.tobytes()


def png_header_only(width: int, height: int, bit_depth: int = 1, colour: int = 0) -> bytes:
    """A PNG that declares ``width`` x ``height`` with no pixel data: a bomb's header, cheap."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def swapped_rgb_profile() -> bytes:
    """An ICC v2 RGB profile whose red and green primaries are swapped (sRGB's otherwise).

    Pixels (255, 0, 0) tagged with it are really green: a converter that honours profiles
    turns them green, one that ignores profiles leaves them red.
    """

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    curve = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, int(2.2 * 256)) + b"\0\0"
    text = b"swapped primaries"
    desc = (
        b"desc"
        + b"\0" * 4
        + struct.pack(">I", len(text) + 1)
        + text
        + b"\0"
        + b"\0" * 8
        + b"\0" * 3
        + b"\0" * 67
    )
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.3851, 0.7169, 0.0971)),  # sRGB's green primary (D50)
        (b"gXYZ", xyz(0.4361, 0.2225, 0.0139)),  # sRGB's red primary
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text" + b"\0" * 4 + b"none\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        padded = data + b"\0" * (-len(data) % 4)
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += padded
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + bytes([2, 0x10, 0, 0])
        + b"mntr"
        + b"RGB "
        + b"XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + b"\0" * 48
    )
    return header + struct.pack(">I", len(tags)) + table + body
