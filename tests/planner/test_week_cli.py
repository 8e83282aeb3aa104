"""`postwerk week` as a user runs it: bad input is one clear line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", "week", *args], cwd=ROOT,
                          env=dict(os.environ), capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("args", "needle"), [
    (["--brand", "kaffeekontor-hamburg", "--start", "2020-01-06"], "in the past"),
    (["--brand", "kaffeekontor-hamburg", "--start", "06.01.2031"], "YYYY-MM-DD"),
    (["--brand", "no-such-kit", "--start", "2031-01-06"], "no brand kit"),
    (["--brand", "kaffeekontor-hamburg", "--start", "2031-01-06", "--platform", "myspace"],
     "unknown platform"),
    (["--brand", "kaffeekontor-hamburg", "--start", "2031-01-06", "--days", "99"], "days"),
])
def test_bad_input_exits_2_with_one_line(args: list[str], needle: str) -> None:
    proc = run(*args)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert needle in proc.stderr and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_dry_run_prints_the_plan_as_json() -> None:
    proc = run("--brand", "kaffeekontor-hamburg", "--start", "2031-01-06", "--dry-run", "--json")
    assert proc.returncode == 0, proc.stderr
    plan = json.loads(proc.stdout)
    assert len(plan["slots"]) == 11 and plan["timezone"] == "Europe/Berlin"
