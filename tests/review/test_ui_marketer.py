"""The marketer's side with AppTest: the Queue page makes a review link and shows what the
client sent back, with the comment; the Week card shows it too."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

from streamlit.testing.v1 import AppTest

from assistant.review.service import ReviewService
from tests.review.conftest import KIT, MONDAY


def page(name: str) -> AppTest:
    return AppTest.from_string(f"from assistant.ui import {name}\n{name}.render()",
                               default_timeout=60)


def _send_back(review: ReviewService, item_id: int) -> None:
    link = review.create(KIT, MONDAY, MONDAY + timedelta(days=6))
    token = parse_qs(urlparse(review.url(link)).query)["review"][0]
    review.decide(token, item_id, "Anna Berg", "changes", "Bitte ohne Ausrufezeichen")


def test_queue_page_makes_a_link(review: ReviewService, posts: dict[str, int]) -> None:
    at = page("queue").run()
    assert not at.exception
    at.button(key="queue_rmake").click().run()
    assert not at.exception
    url = next(c.value for c in at.code if "?review=v1." in c.value)
    assert url.startswith("http://127.0.0.1:8501/?review=")
    assert [link.kit_id for link in review.links()] == [KIT]
    assert any("active" in str(df.value) for df in at.dataframe)


def test_queue_page_shows_the_clients_request(review: ReviewService,
                                              posts: dict[str, int]) -> None:
    review.queue.approve(posts["wed"])
    _send_back(review, posts["wed"])
    at = page("queue").run()
    assert not at.exception
    assert any("Client feedback (1)" in h.value for h in at.subheader)
    notes = [w.value for w in at.warning if "Client asks for changes" in w.value]
    assert notes and "Anna Berg \\(client\\)" in notes[0]  # markdown-escaped source
    assert "Bitte ohne Ausrufezeichen" in notes[0]


def test_queue_page_revokes_a_link(review: ReviewService, posts: dict[str, int]) -> None:
    link = review.create(KIT, MONDAY, MONDAY + timedelta(days=6))
    at = page("queue").run()
    at.selectbox(key="queue_rrev").select(link.id)
    at.button(key="queue_rrevoke").click().run()
    assert not at.exception
    assert review.links()[0].revoked_at is not None


def test_week_card_shows_the_clients_request(review: ReviewService,
                                             posts: dict[str, int]) -> None:
    _send_back(review, posts["mon"])
    at = page("week")
    at.session_state["kit_id"] = KIT
    at.run()
    at.date_input(key="week_start").set_value(MONDAY).run()
    assert not at.exception
    notes = [w.value for w in at.warning if "Client asks for changes" in w.value]
    assert notes and "Bitte ohne Ausrufezeichen" in notes[0]


def test_a_clients_markdown_is_shown_as_text(review: ReviewService,
                                             posts: dict[str, int]) -> None:
    link = review.create(KIT, MONDAY, MONDAY + timedelta(days=6))
    token = parse_qs(urlparse(review.url(link)).query)["review"][0]
    review.decide(token, posts["mon"], "[Anna](http://x.test)", "changes",
                  "![t](http://tracker.test/p.png) <img src=x>")
    at = page("queue").run()
    note = next(w.value for w in at.warning if "Client asks for changes" in w.value)
    # every bracket, angle and bang from the client is escaped: nothing renders as markup
    assert not re.search(r"(?<!\\)[<>\[\]()!]", note.split("UTC): ", 1)[1])
    assert not re.search(r"(?<!\\)[\[\]!<]", note.split("(client", 1)[0])
    assert "tracker" in note  # still readable
