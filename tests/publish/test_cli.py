"""`postwerk channels ...` and `postwerk publish run` end to end, and no token anywhere."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.config import get_settings
from assistant.queue import QueueItem, open_queue
from tests.fakes.social_server import TOKEN, FakeNetwork
from tests.publish.conftest import BERLIN, KIT


def run(capsys: pytest.CaptureFixture[str], *args: str,
        stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None,
        ) -> tuple[int, str, str]:
    if stdin is not None and monkeypatch is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


def _connect(capsys: pytest.CaptureFixture[str], network: FakeNetwork,
             monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    code, out, err = run(capsys, "channels", "connect", "--brand", KIT, "--network", "mastodon",
                         "--field", f"base_url={network.url}", "--stdin", "--json",
                         stdin=f"access_token={TOKEN}\n", monkeypatch=monkeypatch)
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_connect_refuses_without_a_key(capsys: pytest.CaptureFixture[str],
                                       network: FakeNetwork) -> None:
    code, out, err = run(capsys, "channels", "connect", "--brand", KIT, "--network",
                         "mastodon", "--field", f"base_url={network.url}",
                         "--field", f"access_token={TOKEN}")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "set POSTWERK_SECRET_KEY" in err
    assert network.state.requests == 0


def test_connect_refuses_a_revoked_token_and_stores_nothing(
        capsys: pytest.CaptureFixture[str], network: FakeNetwork, secret_key: str) -> None:
    network.state.revoked = True
    code, _out, err = run(capsys, "channels", "connect", "--brand", KIT, "--network",
                          "mastodon", "--field", f"base_url={network.url}",
                          "--field", f"access_token={TOKEN}")
    assert code == 2 and "did not accept these credentials" in err and TOKEN not in err
    assert run(capsys, "channels", "list", "--json")[1].strip() == "[]"


def test_unknown_network_and_bad_field(capsys: pytest.CaptureFixture[str],
                                       secret_key: str) -> None:
    code, _out, err = run(capsys, "channels", "connect", "--brand", KIT, "--network",
                          "myspace", "--field", "a=b")
    assert code == 2 and "no provider for network 'myspace'" in err
    code, _out, err = run(capsys, "channels", "connect", "--brand", KIT, "--network",
                          "webhook", "--field", "secret-token-pasted")
    assert code == 2 and "joined by '='" in err and "secret-token-pasted" not in err


def test_connect_list_test_publish_remove_and_no_token_anywhere(
        capsys: pytest.CaptureFixture[str], network: FakeNetwork, secret_key: str,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    channel = _connect(capsys, network, monkeypatch)
    assert channel["account"] == "@brand@fake.test" and channel["status"] == "ok"
    queue = open_queue()
    due = datetime.now(BERLIN) - timedelta(minutes=5)
    item = queue.add(QueueItem(kit_id=KIT, platform="mastodon", scheduled_at=due,
                               text="Moin! Heute rösten wir in Altona eine neue Bohne."))
    queue.approve(item.id or 0)
    code, out, err = run(capsys, "publish", "run", "--json")
    assert code == 0, err
    assert json.loads(out)["posted"] == [item.id]
    posted = open_queue().get(item.id or 0)
    assert posted.status == "posted" and posted.posted_url == network.post_url(1)
    code, out, _ = run(capsys, "channels", "list", "--json")
    assert json.loads(out)[0]["network"] == "mastodon"
    code, out, _ = run(capsys, "channels", "test", str(channel["id"]))
    assert code == 0 and "ok" in out
    exports = tmp_path / "exports"
    exports.mkdir()
    for fmt in ("csv", "json", "ics", "buffer", "zip"):
        code, _out, err = run(capsys, "queue", "export", "--format", fmt,
                              "--out", str(exports / f"all.{fmt}"))
        assert code == 0, err
    assert network.post_url(1) in (exports / "all.csv").read_text(encoding="utf-8-sig")
    for folder in (get_settings().data_dir, exports):
        for path in Path(folder).rglob("*"):
            if path.is_file():
                assert TOKEN.encode() not in path.read_bytes(), path
    network.state.revoked = True
    code, out, _ = run(capsys, "channels", "test", str(channel["id"]))
    assert code == 1 and "needs reconnect" in out
    code, out, _ = run(capsys, "channels", "remove", str(channel["id"]))
    assert code == 0 and run(capsys, "channels", "list", "--json")[1].strip() == "[]"


def test_weeks_as_jobs_need_postgresql(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "publish", "weeks", "--start", "2030-03-04")
    assert code == 2 and out == "" and err.count("\n") == 1 and "needs PostgreSQL" in err
