"""The worker against the fake network: every error kind, late posts, the review gate."""

from __future__ import annotations

from datetime import timedelta

from assistant.queue.cadence import channel_cadence
from tests.publish.conftest import SLOT, Env


def test_publishes_due_items_once_with_their_url(env: Env) -> None:
    env.connect()
    due = env.approved("Heute frisch geröstet.")
    later = env.approved("Morgen auch.", when=SLOT + timedelta(days=1))
    report = env.worker().run_once()
    assert report.posted == [due.id]
    item = env.queue.get(due.id or 0)
    assert item.status == "posted" and item.posted_url == env.network.post_url(1)
    assert item.posted_at == env.clock.now
    assert [p.text for p in env.network.posts()] == ["Heute frisch geröstet."]
    assert env.queue.get(later.id or 0).status == "approved"
    assert env.worker().run_once().posted == []  # a second pass posts nothing again
    assert len(env.network.posts()) == 1


def test_items_without_a_connected_channel_are_left_alone(env: Env) -> None:
    item = env.approved()
    assert env.worker().run_once().posted == []
    assert env.queue.get(item.id or 0).status == "approved"
    env.connect()
    other = env.approved("Für Bluesky.", platform="bluesky")
    assert env.worker().run_once().posted == [item.id]
    assert env.queue.get(other.id or 0).status == "approved"


def test_drafts_are_never_published(env: Env) -> None:
    env.connect()
    env.queue.add(env.approved().model_copy(update={"id": None, "uid": "x1", "status": "draft",
                                                    "slot_key": "s2"}))
    assert len(env.worker().run_once().posted) == 1


def test_revoked_token_makes_the_channel_need_reconnect_and_the_item_wait(env: Env) -> None:
    channel_id = env.connect()
    item = env.approved()
    env.network.reset(401)
    report = env.worker().run_once()
    assert report.waiting == [item.id]
    channel = env.channels.get(channel_id)
    assert channel.health == "needs_reconnect"
    assert channel.health_line(env.clock.now).startswith("needs reconnect")
    assert env.queue.get(item.id or 0).status == "approved"
    env.clock.advance(hours=1)
    assert env.worker().run_once().posted == []  # no retry loop against a dead token
    assert env.network.state.requests == 1
    env.connect()  # the person reconnects: health ok again, the item goes out
    assert env.worker().run_once().posted == [item.id]


def test_rate_limit_waits_the_servers_time(env: Env) -> None:
    env.connect()
    item = env.approved()
    env.network.reset(429)
    assert env.worker().run_once().retrying == [item.id]
    env.clock.advance(seconds=119)
    assert env.worker().run_once().posted == []
    env.clock.advance(seconds=2)
    assert env.worker().run_once().posted == [item.id]
    assert len(env.network.posts()) == 1


def test_transient_errors_back_off_then_fail_for_a_person(env: Env) -> None:
    env.connect()
    item = env.approved()
    env.network.reset(500, 500, 500)
    waits = []
    for _ in range(3):
        report = env.worker(max_tries=3).run_once()
        attempt = env.attempts.get(item.id or 0)
        assert attempt is not None
        if attempt.next_at:
            waits.append((attempt.next_at - env.clock.now).total_seconds())
        env.clock.advance(hours=1)
    assert waits == [30.0, 60.0]
    assert report.failed == [item.id]
    failed = env.queue.get(item.id or 0)
    assert failed.status == "failed" and "after 3 tries" in (failed.error or "")
    assert env.network.posts() == []


def test_a_timeout_after_the_server_accepted_is_not_posted_twice(env: Env) -> None:
    env.connect()
    item = env.approved()
    env.network.reset("accept_hang", hang_seconds=2.5)  # the client times out after 1 s
    assert env.worker().run_once().retrying == [item.id]
    assert len(env.network.posts()) == 1
    env.clock.advance(minutes=5)
    assert env.worker().run_once().posted == [item.id]  # found by its attempt id
    assert len(env.network.posts()) == 1
    assert env.queue.get(item.id or 0).posted_url == env.network.post_url(1)


def test_rejected_goes_back_to_draft_with_the_platforms_reason(env: Env) -> None:
    env.connect()
    item = env.approved()
    env.network.reset(422)
    assert env.worker().run_once().rejected == [item.id]
    back = env.queue.get(item.id or 0)
    assert back.status == "draft" and not back.reviewed
    assert back.history[-1].action == "rejected"
    assert "Text too long" in (back.history[-1].note or "")
    assert env.attempts.get(item.id or 0) is None


def test_a_missed_post_goes_out_late_with_a_late_mark(env: Env) -> None:
    env.connect()
    item = env.approved()
    env.clock.advance(hours=5)
    report = env.worker().run_once()
    assert report.posted == report.late == [item.id]
    done = env.queue.get(item.id or 0)
    assert any(h.action == "published_late" and "5 h" in (h.note or "") for h in done.history)


def test_a_missed_post_waits_for_a_person_when_the_kit_says_so(
        env: Env, tmp_path: object, monkeypatch: object) -> None:
    import shutil
    from pathlib import Path

    import pytest

    from assistant.config import get_settings

    kits = Path(str(tmp_path)) / "kits"
    shutil.copytree(Path("brand_kits/kaffeekontor-hamburg"), kits / "kaffeekontor-hamburg")
    kit_file = kits / "kaffeekontor-hamburg" / "kit.yaml"
    kit_file.write_text(kit_file.read_text() + "\nlate_posts: wait\n")
    mp = monkeypatch
    assert isinstance(mp, pytest.MonkeyPatch)
    mp.setenv("POSTWERK_KITS_DIR", str(kits))
    get_settings.cache_clear()
    env.connect()
    item = env.approved()
    env.clock.advance(hours=3)
    assert env.worker().run_once().waiting == [item.id]
    assert env.worker().run_once().waiting == [item.id]
    held = env.queue.get(item.id or 0)
    assert held.status == "approved" and env.network.posts() == []
    assert [h.action for h in held.history].count("publish_held") == 1
    env.queue.edit(item.id or 0, scheduled_at=env.clock.now + timedelta(minutes=10))
    env.clock.advance(minutes=11)
    assert env.worker().run_once().posted == [item.id]


def test_cadence_counts_what_was_really_published(env: Env) -> None:
    from assistant.brand.schema import Channel

    env.connect()
    channel = Channel(platform="mastodon", handle="@brand", max_silence_days=7)
    item = env.approved()
    env.network.reset(401)  # not published: it does not count as posted
    env.worker().run_once()
    missed = env.queue.get(item.id or 0)
    assert channel_cadence([missed], channel, env.clock.now).last_posted_at is None
    env.connect()
    env.clock.advance(days=2)
    env.worker().run_once()
    posted = env.queue.get(item.id or 0)
    assert channel_cadence([posted], channel, env.clock.now).last_posted_at == env.clock.now


def test_the_kit_channels_visibility_and_content_warning_reach_the_provider() -> None:
    from assistant.brand.schema import Channel
    from assistant.publish.outcomes import request_for
    from assistant.queue.models import QueueItem

    item = QueueItem(kit_id="k", platform="mastodon", text="Moin", hashtags=["kaffee"],
                     scheduled_at=SLOT, alt_text="Bohnen", media=["/m/a.png"])
    channel = Channel(platform="mastodon", handle="@a@b.test", visibility="unlisted",
                      content_warning="Werbung")
    request = request_for(item, "att-1", channel)
    assert (request.visibility, request.content_warning) == ("unlisted", "Werbung")
    assert request.text == item.full_text and request.attempt_id == "att-1"
    assert request.media[0].alt_text == "Bohnen" and request.media[0].mime_type == "image/png"


def test_the_kit_form_keeps_the_late_policy() -> None:
    from assistant.brand.forms import form_values, kit_from_form
    from assistant.brand.kit import load_kit

    kit = load_kit("kaffeekontor-hamburg")
    values = form_values(kit)
    assert (values["late_posts"], values["late_after_minutes"]) == ("send_late", 60)
    changed = kit_from_form({**values, "late_posts": "wait", "late_after_minutes": 15}, kit)
    assert (changed.late_posts, changed.late_after_minutes) == ("wait", 15)


def test_health_says_when_a_token_runs_out() -> None:
    from assistant.publish.models import ConnectedChannel

    now = SLOT
    def channel(days: float | None, health: str = "ok") -> ConnectedChannel:
        expires = now + timedelta(days=days) if days is not None else None
        return ConnectedChannel(1, "k", "linkedin", "@a", health, "token revoked", expires, now)

    assert channel(None).health_line(now) == "ok"
    assert channel(40).health_line(now) == "ok"
    assert channel(9.5).health_line(now) == "ok, expires in 9 days"
    assert channel(-1).health_line(now) == "needs reconnect: the token has expired"
    assert not channel(-1).usable(now) and channel(3).usable(now)
    assert channel(40, "needs_reconnect").health_line(now) == "needs reconnect: token revoked"


def test_a_provider_bug_does_not_stop_the_pass_and_nothing_is_posted_twice(env: Env) -> None:
    from collections.abc import Mapping

    from assistant.publish import registry
    from assistant.publish.base import SaveCredentials
    from tests.fakes.social_server import FakeProvider

    class Broken(FakeProvider):
        calls = 0

        def publish(self, request):  # type: ignore[no-untyped-def]
            Broken.calls += 1
            if Broken.calls == 1:
                super().publish(request)  # the post is out, then the provider trips
                raise KeyError("id")
            return super().publish(request)

    def factory(credentials: Mapping[str, str], save: SaveCredentials) -> Broken:
        return Broken(credentials, save)

    env.connect()
    registry.register("mastodon", factory)
    first, second = env.approved("Eins."), env.approved("Zwei.", when=SLOT + timedelta(seconds=1))
    report = env.worker().run_once()
    assert report.posted == [second.id]  # the pass went on after the bug
    env.clock.advance(minutes=6)  # the claim runs out
    assert env.worker().run_once().posted == [first.id]  # found, not posted again
    assert sorted(p.text for p in env.network.posts()) == ["Eins.", "Zwei."]
