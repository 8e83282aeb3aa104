"""Kill the worker with -9 while the network holds its publish request (the post already
accepted), restart it: nothing is posted twice and nothing is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from assistant.config import get_settings
from assistant.publish.channels import open_channels
from assistant.queue import QueueItem, open_queue
from assistant.queue.publish_store import AttemptStore
from tests.fakes.social_server import TOKEN, FakeNetwork
from tests.publish.conftest import BERLIN, KIT

ROOT = Path(__file__).resolve().parents[2]


def _worker(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ["nice", "-n", "19", sys.executable, "-m", "tests.fakes.social_worker", *args],
        cwd=ROOT, env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(condition: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def test_kill_9_mid_publish_then_restart_posts_each_item_once(
        network: FakeNetwork, secret_key: str) -> None:
    open_channels().connect(KIT, "mastodon", {"base_url": network.url, "access_token": TOKEN})
    queue = open_queue()
    now = datetime.now(BERLIN)
    ids = []
    for minutes, text in ((10, "Erster Beitrag."), (5, "Zweiter Beitrag.")):
        item = queue.add(QueueItem(kit_id=KIT, platform="mastodon", text=text,
                                   scheduled_at=now - timedelta(minutes=minutes)))
        ids.append(queue.approve(item.id or 0).id or 0)
    network.reset("accept_hang", hang_seconds=8)
    first = _worker("worker", "--interval", "1", "--lease", "2")
    try:
        _wait_for(lambda: len(network.posts()) == 1, 60)
        attempt = AttemptStore(queue.storage).get(ids[0])
        assert attempt is not None and attempt.state == "in_flight"
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
    assert first.returncode == -signal.SIGKILL
    assert queue.get(ids[0]).status == "approved"  # the crash left it unrecorded
    time.sleep(2.5)  # the dead worker's lease runs out
    second = _worker("publish", "run", "--json", "--lease", "2")
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err.decode()
    assert [p.text.split()[0] for p in network.posts()] == ["Erster", "Zweiter"]
    for item_id, post_id in zip(ids, (1, 2), strict=True):
        item = queue.get(item_id)
        assert item.status == "posted" and item.posted_url == network.post_url(post_id)
    assert get_settings().data_dir.is_dir()
