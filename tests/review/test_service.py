"""Review links on the real SQLite queue: scope (kit, days, ids), revocation, expiry, the
client's decisions in the history, and the kit's "client approval required" gate on approval,
export and the webhook."""

from __future__ import annotations

import csv
import io
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest

from assistant.config import get_settings
from assistant.errors import InputError, ReviewLinkError, TransitionError
from assistant.queue import QueueService
from assistant.queue.exports import to_csv
from assistant.queue.publishers import WebhookPublisher, publish
from assistant.review.gate import client_approved, open_change_request
from assistant.review.keys import KEY_FILE
from assistant.review.service import ReviewService
from tests.review.conftest import KIT, MONDAY, OTHER, SUNDAY


def token_of(review: ReviewService, *, kit: str = KIT, days: int = 7,
             expires: int = 14) -> str:
    link = review.create(kit, MONDAY, MONDAY + timedelta(days=days - 1), expires)
    return parse_qs(urlparse(review.url(link)).query)["review"][0]


def test_the_link_shows_exactly_its_kit_and_days(review: ReviewService,
                                                 posts: dict[str, int]) -> None:
    shown = {i.id for i in review.items(token_of(review))}
    assert shown == {posts["mon"], posts["wed"], posts["sun_late"]}


def test_the_url_uses_the_public_address(review: ReviewService, monkeypatch:
                                         pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_PUBLIC_URL", "https://posts.example.de/")
    get_settings.cache_clear()
    review = ReviewService(review.queue, get_settings())
    link = review.create(KIT, MONDAY, SUNDAY)
    assert review.url(link).startswith("https://posts.example.de/?review=v1.")


@pytest.mark.parametrize("target", ["next_week", "before", "other_kit"])
def test_a_post_outside_the_link_cannot_be_decided(review: ReviewService,
                                                   posts: dict[str, int], target: str) -> None:
    token = token_of(review)
    with pytest.raises(ReviewLinkError, match="not part of this review link"):
        review.decide(token, posts[target], "Anna", "approve")
    assert review.queue.get(posts[target]).history[-1].action == "created"


def test_an_unknown_id_is_refused(review: ReviewService, posts: dict[str, int]) -> None:
    with pytest.raises(ReviewLinkError, match="not part"):
        review.decide(token_of(review), 99999, "Anna", "approve")


def test_a_link_of_another_kit_sees_only_that_kit(review: ReviewService,
                                                  posts: dict[str, int]) -> None:
    token = token_of(review, kit=OTHER)
    assert {i.id for i in review.items(token)} == {posts["other_kit"]}
    with pytest.raises(ReviewLinkError):
        review.decide(token, posts["mon"], "Anna", "approve")


def test_a_shorter_range_does_not_reach_later_days(review: ReviewService,
                                                   posts: dict[str, int]) -> None:
    token = token_of(review, days=1)
    assert {i.id for i in review.items(token)} == {posts["mon"]}
    with pytest.raises(ReviewLinkError):
        review.decide(token, posts["wed"], "Anna", "approve")


def test_revoked_links_stop_at_once(review: ReviewService, posts: dict[str, int]) -> None:
    token = token_of(review)
    review.revoke(review.links()[0].id)
    with pytest.raises(ReviewLinkError, match="withdrawn"):
        review.items(token)
    assert review.links()[0].state(datetime.now(UTC)) == "revoked"


def test_expired_links_stop(review: ReviewService, posts: dict[str, int]) -> None:
    token = token_of(review, expires=1)
    later = ReviewService(review.queue, review.settings,
                          clock=lambda: datetime.now(UTC) + timedelta(days=1, minutes=1))
    with pytest.raises(ReviewLinkError, match="expired"):
        later.items(token)


def test_a_new_key_invalidates_old_links(review: ReviewService, posts: dict[str, int]) -> None:
    token = token_of(review)
    (review.settings.data_dir / KEY_FILE).write_text("n" * 64)
    with pytest.raises(ReviewLinkError, match="not valid"):
        review.items(token)


def test_the_key_file_is_private_and_not_in_the_records(review: ReviewService) -> None:
    review.url(review.create(KIT, MONDAY, SUNDAY))
    key_file = review.settings.data_dir / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().strip() not in review.store.path.read_text()


def test_the_configured_key_is_used_and_not_written(review: ReviewService,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_SECRET_KEY", "team-key-" + "z" * 40)
    get_settings.cache_clear()
    review = ReviewService(review.queue, get_settings())
    review.url(review.create(KIT, MONDAY, SUNDAY))
    assert not (review.settings.data_dir / KEY_FILE).exists()
    assert "team-key" not in review.store.path.read_text()


@pytest.mark.parametrize(("first", "last", "expires", "message"), [
    (SUNDAY, MONDAY, 14, "before the first day"), (MONDAY, SUNDAY, 0, "expires-days"),
    (MONDAY, MONDAY + timedelta(days=200), 14, "at most")])
def test_bad_link_requests(review: ReviewService, first: object, last: object, expires: int,
                           message: str) -> None:
    with pytest.raises(InputError, match=message):
        review.create(KIT, first, last, expires)  # type: ignore[arg-type]


def test_decisions_go_into_the_history(review: ReviewService, posts: dict[str, int]) -> None:
    token = token_of(review)
    queue = review.queue
    queue.approve(posts["wed"])
    review.decide(token, posts["mon"], "  Anna  Berg ", "approve", "passt")
    item = review.decide(token, posts["wed"], "Anna Berg", "changes", "Bitte ohne Emoji")
    assert item.status == "draft"  # back to the marketer
    entry = item.history[-1]
    assert (entry.actor, entry.old_status, entry.new_status) == (
        "Anna Berg (client)", "approved", "draft")
    request = open_change_request(item)
    assert request is not None and request.note and request.note.endswith("Bitte ohne Emoji")
    assert client_approved(queue.get(posts["mon"]))


def test_a_change_request_needs_a_comment_and_a_name(review: ReviewService,
                                                     posts: dict[str, int]) -> None:
    token = token_of(review)
    with pytest.raises(InputError, match="comment"):
        review.decide(token, posts["mon"], "Anna", "changes", " ")
    with pytest.raises(InputError, match="name"):
        review.decide(token, posts["mon"], "", "approve")


def test_approve_all_covers_the_link_only(review: ReviewService, posts: dict[str, int]) -> None:
    result = review.approve_all(token_of(review), "Anna")
    assert sorted(i.id for i in result.done) == sorted(
        [posts["mon"], posts["wed"], posts["sun_late"]])
    assert not client_approved(review.queue.get(posts["next_week"]))


def test_required_client_approval_gates_approval(
        review: ReviewService, posts: dict[str, int],
        require_client: Callable[[bool], None]) -> None:
    require_client(True)
    queue: QueueService = review.queue
    with pytest.raises(TransitionError, match="client's approval"):
        queue.approve(posts["mon"])
    review.decide(token_of(review), posts["mon"], "Anna", "approve")
    assert queue.approve(posts["mon"]).status == "approved"
    queue.edit(posts["mon"], text="Montag: neue Bohne aus Peru")  # back to draft
    with pytest.raises(TransitionError, match="client's approval"):
        queue.approve(posts["mon"])


def test_without_the_setting_approval_is_as_before(review: ReviewService,
                                                   posts: dict[str, int]) -> None:
    assert review.queue.approve(posts["mon"]).status == "approved"


def test_export_and_webhook_hold_back_what_the_client_has_not_approved(
        review: ReviewService, posts: dict[str, int],
        require_client: Callable[[bool], None]) -> None:
    queue = review.queue
    queue.approve(posts["mon"])  # approved before the kit asked for the client
    require_client(True)
    rows = list(csv.DictReader(io.StringIO(to_csv([queue.get(posts["mon"])]))))
    assert rows[0]["status"] == "approved"  # the plain formatter is unchanged
    from assistant.queue.exports import export

    exported = export([queue.get(posts["mon"])], "csv").decode("utf-8-sig")
    assert list(csv.DictReader(io.StringIO(exported)))[0]["status"] == "draft"
    publisher = WebhookPublisher("http://127.0.0.1:9/never")
    with pytest.raises(TransitionError, match="client's approval"):
        publish(queue, posts["mon"], publisher)
    review.decide(token_of(review), posts["mon"], "Anna", "approve")
    exported = export([queue.get(posts["mon"])], "csv").decode("utf-8-sig")
    assert list(csv.DictReader(io.StringIO(exported)))[0]["status"] == "approved"


@pytest.mark.parametrize("kit_id", ["gone-kit", "k"])
def test_items_of_missing_kits_are_not_held_back(review: ReviewService, kit_id: str) -> None:
    from assistant.queue import QueueItem
    from tests.review.conftest import at

    item = review.queue.add(QueueItem(kit_id=kit_id, platform="x", text="Moin",
                                      scheduled_at=at(5)))
    assert review.queue.approve(item.id or 0).status == "approved"


def test_an_import_as_approved_waits_for_the_client_and_is_kept(
        review: ReviewService, require_client: Callable[[bool], None]) -> None:
    from assistant.queue import QueueItem
    from tests.review.conftest import at

    require_client(True)
    queue = review.queue
    stored, created, why = queue.import_item(
        QueueItem(kit_id=KIT, platform="instagram", text="Importiert", scheduled_at=at(5)),
        "approved")
    assert created and stored.status == "draft" and "client's approval" in why
    review.decide(token_of(review), stored.id or 0, "Anna", "approve")
    assert queue.approve(stored.id or 0).status == "approved"  # nothing stale holds it


def test_the_refusal_is_one_clear_line(review: ReviewService, posts: dict[str, int],
                                       require_client: Callable[[bool], None]) -> None:
    require_client(True)
    result = review.queue.approve_many([posts["mon"]])
    message = result.refused[posts["mon"]]
    assert "client's approval" in message and "edit it" not in message


def test_with_history_reads_each_cards_history(review: ReviewService,
                                               posts: dict[str, int]) -> None:
    from assistant.review.service import with_history

    review.decide(token_of(review), posts["wed"], "Anna", "changes", "kürzer")
    review.queue.archive(posts["before"])
    listed = review.queue.list()
    assert all(not i.history for i in listed)  # the list leaves it out
    loaded = {i.id: i for i in with_history(review.queue, listed)}
    assert open_change_request(loaded[posts["wed"]]) is not None
    assert [e.action for e in loaded[posts["mon"]].history] == ["created"]
    assert loaded[posts["before"]].history == []  # archived: nothing to decide


def test_a_client_approves_only_the_version_they_saw(review: ReviewService,
                                                     posts: dict[str, int]) -> None:
    from assistant.review.gate import content_mark

    token = token_of(review)
    shown = content_mark(review.queue.get(posts["mon"]))
    review.queue.edit(posts["mon"], text="Montag: ganz anders")
    with pytest.raises(ReviewLinkError, match="changed since you opened"):
        review.decide(token, posts["mon"], "Anna", "approve", seen=shown)
    assert not client_approved(review.queue.get(posts["mon"]))
    result = review.approve_all(token, "Anna", seen={posts["mon"]: shown,
                                                     posts["wed"]: content_mark(
                                                         review.queue.get(posts["wed"]))})
    assert [i.id for i in result.done] == [posts["wed"]]  # sun_late was not on the page
    assert "changed since" in result.refused[posts["mon"]]
