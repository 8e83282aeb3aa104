"""The client page with AppTest through app.py (a review link in the URL): only the link's
posts, decisions with the typed name, approve all; a bad link shows one line and nothing else."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from streamlit.testing.v1 import AppTest

from assistant.review.gate import client_approved, open_change_request
from assistant.review.service import ReviewService
from tests.conftest import ROOT
from tests.review.conftest import KIT, MONDAY


def app(token: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["review"] = token
    return at.run()


def make_token(review: ReviewService, days: int = 7) -> str:
    link = review.create(KIT, MONDAY, MONDAY + timedelta(days=days - 1))
    return parse_qs(urlparse(review.url(link)).query)["review"][0]


def _only_one_line(at: AppTest, expected: str) -> None:
    assert not at.exception
    assert [e.value for e in at.error] == [e.value for e in at.error if expected in e.value]
    assert len(at.error) == 1
    assert not at.title and not at.text_input and not at.button and not at.sidebar.children


def test_the_client_sees_the_links_posts_only(review: ReviewService,
                                              posts: dict[str, int]) -> None:
    at = app(make_token(review))
    assert not at.exception
    assert at.title[0].value == "Posts for review: Möwenbohne Kaffeekontor"
    shown = " ".join(m.value for m in at.markdown)
    assert "Montag: neue Bohne" in shown and "Röstkurs" in shown and "Sonntag spät" in shown
    assert "Montag danach" not in shown and "Sonntag davor" not in shown
    assert "Release notes" not in shown
    assert not at.sidebar.children  # no navigation, no kit picker


def test_approve_and_request_changes(review: ReviewService, posts: dict[str, int]) -> None:
    at = app(make_token(review))
    at.text_input(key="client_name").input("Anna Berg")
    at.button(key=f"ca_{posts['mon']}").click().run()
    assert not at.exception
    assert any("approved" in s.value for s in at.success)
    at.button(key=f"cr_{posts['wed']}").click().run()
    assert any("say what should change" in e.value for e in at.error)
    at.text_input(key=f"cc_{posts['wed']}").input("Bitte den Termin nennen")
    at.button(key=f"cr_{posts['wed']}").click().run()
    assert not at.exception
    queue = review.queue
    assert client_approved(queue.get(posts["mon"]))
    request = open_change_request(queue.get(posts["wed"]))
    assert request is not None and request.actor == "Anna Berg (client)"
    assert "Bitte den Termin nennen" in (request.note or "")


def test_a_decision_needs_the_name(review: ReviewService, posts: dict[str, int]) -> None:
    at = app(make_token(review))
    at.button(key=f"ca_{posts['mon']}").click().run()
    assert any("type your name" in e.value for e in at.error)
    assert not client_approved(review.queue.get(posts["mon"]))


def test_approve_all(review: ReviewService, posts: dict[str, int]) -> None:
    at = app(make_token(review, days=3))
    at.text_input(key="client_name").input("Anna")
    at.button(key="client_all").click().run()
    assert not at.exception
    assert client_approved(review.queue.get(posts["mon"]))
    assert client_approved(review.queue.get(posts["wed"]))
    assert not client_approved(review.queue.get(posts["sun_late"]))  # outside 3 days


@pytest.mark.parametrize(("mangle", "expected"), [
    (lambda t: t[:-2] + ("A" if t[-2] != "A" else "B") + t[-1], "not valid"),
    (lambda t: "", "not valid"), (lambda t: "garbage", "not valid")])
def test_a_changed_link_shows_one_line(review: ReviewService, posts: dict[str, int],
                                       mangle: object, expected: str) -> None:
    _only_one_line(app(mangle(make_token(review))), expected)  # type: ignore[operator]


def test_a_revoked_link_shows_one_line(review: ReviewService, posts: dict[str, int]) -> None:
    token = make_token(review)
    review.revoke(review.links()[0].id)
    _only_one_line(app(token), "withdrawn")


def test_an_edit_after_the_page_was_drawn_is_not_approved(review: ReviewService,
                                                          posts: dict[str, int]) -> None:
    at = app(make_token(review))
    at.text_input(key="client_name").input("Anna").run()
    review.queue.edit(posts["mon"], text="Montag: heimlich geändert")
    at.button(key=f"ca_{posts['mon']}").click().run()
    assert not at.exception
    assert any("changed since you opened" in e.value for e in at.error)
    assert not client_approved(review.queue.get(posts["mon"]))
    assert "heimlich geändert" in " ".join(m.value for m in at.markdown)  # now shown
