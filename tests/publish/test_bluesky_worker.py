"""The whole path on the real local PDS: connect a Bluesky channel (one login, the session
stored sealed), approve posts, let the worker publish them, read every record back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from assistant.errors import PublishError
from assistant.queue.models import QueueItem
from tests.pds_support import LocalPds
from tests.publish.conftest import KIT, SLOT, Env


def _connect(env: Env, pds: LocalPds) -> tuple[int, str]:
    account = pds.create_account()
    channel = env.channels.connect(KIT, "bluesky", {
        "service": pds.url, "handle": account.handle, "app_password": account.app_password})
    return channel.id, account.did


def test_worker_publishes_to_bluesky_with_image_alt_text_and_facets(
        env: Env, local_pds: LocalPds, tmp_path: Path) -> None:
    channel_id, did = _connect(env, local_pds)
    assert env.channels.get(channel_id).health == "ok"
    photo = tmp_path / "roestung.jpg"
    Image.new("RGB", (1200, 675), (120, 70, 30)).save(photo)
    text = "Röstfrische Grüße 🎉 https://kaffee.example/kurs #Röstkurs"
    item = env.queue.approve(env.queue.add(QueueItem(
        kit_id=KIT, platform="bluesky", text=text, scheduled_at=SLOT, media=[str(photo)],
        alt_text="Kaffeebohnen in der Rösttrommel", first_comment="Anmeldung im Laden.")).id or 0)
    report = env.worker().run_once()
    assert report.posted == [item.id]
    posted = env.queue.get(item.id or 0)
    assert posted.status == "posted"
    records = {r["value"]["text"]: r for r in local_pds.list_records(did)}
    assert set(records) == {text, "Anmeldung im Laden."}
    post = records[text]
    rkey = post["uri"].rsplit("/", 1)[1]
    assert posted.posted_url and posted.posted_url.endswith(f"/post/{rkey}")
    value = post["value"]
    raw = text.encode("utf-8")
    covered = [raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode()
               for f in value["facets"]]
    assert covered == ["https://kaffee.example/kurs", "#Röstkurs"]
    image = value["embed"]["images"][0]
    assert image["alt"] == "Kaffeebohnen in der Rösttrommel"
    assert local_pds.get_blob(did, image["image"]["ref"]["$link"]) == photo.read_bytes()
    assert records["Anmeldung im Laden."]["value"]["reply"]["root"]["uri"] == post["uri"]
    assert env.worker().run_once().posted == []  # nothing twice
    assert len(local_pds.list_records(did)) == 2


def test_wrong_app_password_is_refused_at_connect(env: Env, local_pds: LocalPds) -> None:
    account = local_pds.create_account()
    with pytest.raises(PublishError) as caught:
        env.channels.connect(KIT, "bluesky", {"service": local_pds.url,
                                              "handle": account.handle,
                                              "app_password": "aaaa-bbbb-cccc-dddd"})
    message = str(caught.value)
    assert "did not accept these credentials" in message and "\n" not in message
    assert env.channels.list(KIT) == []
