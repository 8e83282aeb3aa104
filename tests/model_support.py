"""Helpers for the tests of the real embedded model: which server processes run, and what
`postwerk model status` says (a command of its own, as a user types it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def model_servers(data_dir: Path) -> list[int]:
    """Pids of model server processes for ``data_dir`` (every process on the machine)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            env = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in argv and f"POSTWERK_DATA_DIR={data_dir}".encode() in env:
            found.append(int(proc.name))
    return found


def status_command() -> dict[str, object]:
    """`postwerk model status --json` in a new process with this test's environment."""
    proc = subprocess.run([sys.executable, "-m", "assistant", "model", "status", "--json"],
                          capture_output=True, text=True, env=dict(os.environ), timeout=600)
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(proc.stdout))
