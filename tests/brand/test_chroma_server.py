"""Teams: the brand store on a real chromadb server (`chroma run`) on 127.0.0.1."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.brand import store
from assistant.brand.kit import load_kit
from assistant.config import load_settings
from assistant.errors import StoreError
from assistant.llm.local import free_port
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([exe, "run", "--path", str(path), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma run did not start")
    yield url
    proc.terminate()
    proc.wait(10)


def test_index_and_retrieve_through_a_server(chroma_server: str, tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "d", chroma_url=chroma_server)
    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    report = store.index_kit(kit, settings=settings, kits_dir=ROOT / "brand_kits")
    assert report.added > 10
    hits = store.retrieve(kit, "Cold Brew im Sommer", k=3, settings=settings,
                          kits_dir=ROOT / "brand_kits")
    assert hits and hits[0].score > 0
    assert not (tmp_path / "d" / "chroma").exists()  # nothing stored locally


def test_unreachable_server_is_one_clear_line(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "d", chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="POSTWERK_CHROMA_URL"):
        store.get_client(settings)
