"""Assembly of the embedded model from its parts (small synthetic parts, real files)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.errors import LocalModelError
from assistant.llm.local import ModelSpec, assemble, bundled_parts, is_verified, model_file


def make_parts(tmp_path: Path, count: int = 3) -> tuple[tuple[Path, ...], bytes]:
    parts, whole = [], b""
    for n in range(count):
        data = bytes([n]) * (1000 + n) + b"gguf-part"
        path = tmp_path / f"part{n:02d}.bin"
        path.write_bytes(data)
        parts.append(path)
        whole += data
    return tuple(parts), whole


def spec_for(parts: tuple[Path, ...], whole: bytes, sha: str | None = None) -> ModelSpec:
    return ModelSpec("tiny", sha or hashlib.sha256(whole).hexdigest(), len(whole), parts)


def test_assemble_joins_verifies_and_is_idempotent(tmp_path: Path) -> None:
    parts, whole = make_parts(tmp_path)
    spec = spec_for(parts, whole)
    out = assemble(spec, tmp_path / "models")
    assert out.read_bytes() == whole and is_verified(out, spec.sha256)
    mtime = out.stat().st_mtime_ns
    assert assemble(spec, tmp_path / "models") == out and out.stat().st_mtime_ns == mtime


def test_wrong_hash_leaves_no_file(tmp_path: Path) -> None:
    parts, whole = make_parts(tmp_path)
    dest = tmp_path / "models"
    with pytest.raises(LocalModelError, match="corrupt"):
        assemble(spec_for(parts, whole, sha="0" * 64), dest)
    assert not (dest / "tiny.gguf").exists()
    assert list(dest.iterdir()) == []  # no temporary file left either


def test_missing_part_leaves_no_file(tmp_path: Path) -> None:
    parts, whole = make_parts(tmp_path)
    parts[1].unlink()
    dest = tmp_path / "models"
    with pytest.raises(LocalModelError, match="part 2 of 3 is missing"):
        assemble(spec_for(parts, whole), dest)
    assert list(dest.iterdir()) == []


def test_changed_file_is_not_trusted(tmp_path: Path) -> None:
    parts, whole = make_parts(tmp_path)
    spec = spec_for(parts, whole)
    out = assemble(spec, tmp_path / "models")
    out.write_bytes(b"tampered")
    assert not is_verified(out, spec.sha256)
    assert assemble(spec, tmp_path / "models").read_bytes() == whole


def test_uninstalled_part_package_is_a_clear_error() -> None:
    with pytest.raises(LocalModelError, match="not installed"):
        bundled_parts(dist="postwerk-no-such-part{n}", count=2)


def test_explicit_model_path_must_exist(tmp_path: Path) -> None:
    with pytest.raises(LocalModelError, match="POSTWERK_LOCAL_MODEL_PATH"):
        model_file(tmp_path / "nope.gguf", tmp_path)
    gguf = tmp_path / "other.gguf"
    gguf.write_bytes(b"GGUF")
    assert model_file(gguf, tmp_path) == (gguf, False)
