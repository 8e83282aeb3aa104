"""Browser-test fixtures (a pytest plugin, loaded by tests/conftest.py): a real Streamlit
server in a subprocess and Debian's Chromium driven by playwright.

The browser is module-scoped on purpose: playwright's sync API keeps an event loop running
in the main thread while it is open, which would break ``asyncio.run`` in later tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from assistant.llm.local import free_port
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "tests" / "artifacts"


class AppServer:
    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = cwd / "streamlit.log"
        cmd = [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.address", "127.0.0.1", "--server.port", str(self.port),
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        self._log_file = self.log.open("w")
        self.proc = subprocess.Popen(
            cmd, cwd=str(isolated_cwd(cwd)), env=env, stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/_stcore/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("streamlit did not become healthy")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._log_file.close()


def isolated_cwd(tmp_path: Path) -> Path:
    """A working folder with only the project's Streamlit config: no developer .env or
    .streamlit/secrets.toml of the checkout is read by the app under test."""
    folder = tmp_path / "app-cwd"
    (folder / ".streamlit").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    return folder


@pytest.fixture()
def start_app(tmp_path: Path) -> Iterator[Callable[..., AppServer]]:
    """Start the app with extra environment; stopped after the test. The app runs in an
    isolated folder with its own HOME (no ~/.streamlit/secrets.toml of the developer); the
    environment is the test's, already cleaned of POSTWERK_* by conftest."""
    servers: list[AppServer] = []

    def start(**env_overrides: str) -> AppServer:
        env = dict(os.environ)
        env["HOME"] = str(tmp_path / "home")
        env.setdefault("POSTWERK_KITS_DIR", str(ROOT / "brand_kits"))
        env.update(env_overrides)
        server = AppServer(env, tmp_path)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: object, tmp_path: Path) -> Iterator[object]:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1400, "height": 1000}, accept_downloads=True
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


# Anything on screen that is not the page's final content: the "Running…" widget, spinners,
# the grey skeletons of elements whose code is still loading, and elements of the previous
# run that Streamlit keeps (faded) until the new run replaces them.
PENDING = ", ".join((
    '[data-testid="stStatusWidget"]',
    '[data-testid="stSpinner"]',
    '[data-testid="stSkeleton"]',
    '[data-testid="stSkeletonElement"]',
    '[data-testid="stAppSkeleton"]',
    '[data-stale="true"]',
))
RENDERED_JS = """(selector) => {
    const visible = [...document.querySelectorAll(selector)]
        .filter((e) => e.getClientRects().length > 0);
    const images = [...document.images].every((i) => i.complete);
    return visible.length === 0 && images && document.fonts.status === "loaded";
}"""


def wait_rendered(pg: object, timeout: float = 60_000, settle_ms: int = 400) -> None:
    """Wait until Streamlit has finished the run and drawn every element, twice in a row
    ``settle_ms`` apart (a rerun can start right after the first quiet moment)."""
    for _ in range(2):
        pg.wait_for_timeout(settle_ms)  # type: ignore[attr-defined]
        pg.wait_for_function(RENDERED_JS, arg=PENDING, timeout=timeout)  # type: ignore[attr-defined]


def screenshot(pg: object, name: str, *, top: bool = True) -> Path:
    """Save tests/artifacts/<name>.png once the page is fully rendered; ``top`` scrolls the
    page back up first."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if top:  # Streamlit scrolls its own container, not the window
        pg.evaluate(  # type: ignore[attr-defined]
            "for (const e of document.querySelectorAll('*')) "
            "{ if (e.scrollTop > 0) e.scrollTop = 0; }"
        )
    wait_rendered(pg)
    pg.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
