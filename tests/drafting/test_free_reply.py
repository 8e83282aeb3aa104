"""A reply without a platform form is bounded in every field of the schema sent, so that a
small model cannot write on until the token limit (the 1.5B model did, twice in 69 drafts:
that platform got no draft); a text cut at its cap ends at its last whole sentence."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.briefing import text_budget
from assistant.config import load_settings
from assistant.drafting import DraftOptions, draft_posts
from assistant.drafting_form import free_cap
from assistant.drafting_post import tag_link
from assistant.drafting_reply import free_reply, free_texts, whole
from assistant.llm.schema import strict_schema
from assistant.platforms import get_platform
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript, post
from tests.fakes.llm_server import FakeLLMServer

BRIEF = "Neuer Äthiopien-Filterkaffee ist da, mit Blüten und Pfirsich"
SENTENCE = "Neu im Kontor: Äthiopien-Filterkaffee mit Blüten und Pfirsich. "


@pytest.fixture
def kit() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")


def _post_schema(sent: dict[str, Any]) -> dict[str, Any]:
    return sent["$defs"]["PostReply"]["properties"]


def _null_only(field: dict[str, Any]) -> bool:
    return field.get("type") == "null" and "anyOf" not in field


def test_the_cap_is_the_largest_budget_and_half_again(kit: BrandKit) -> None:
    x_budget = text_budget(get_platform("x"), kit)
    linkedin_budget = text_budget(get_platform("linkedin"), kit)
    assert free_cap(["x"], kit, False) == x_budget + max(200, x_budget // 2)
    assert free_cap(["x", "linkedin"], kit, False) == linkedin_budget + linkedin_budget // 2


def test_every_field_is_bounded_and_one_post_per_platform() -> None:
    sent = strict_schema(free_reply(["instagram", "x"], 500, images=True))
    fields = _post_schema(sent)
    assert fields["text"]["maxLength"] == 500
    assert fields["platform"]["maxLength"] == 24
    assert fields["hashtags"]["maxItems"] == 8
    assert fields["hashtags"]["items"]["maxLength"] == 40
    # inside the string branch, where a grammar applies it
    assert fields["alt_text"]["anyOf"][0] == {"type": "string", "maxLength": 500}
    assert sent["properties"]["posts"]["maxItems"] == 2
    assert sent["title"] == "DraftReply"


def test_no_alt_text_without_an_image_and_never_a_first_comment() -> None:
    """Nobody asks the model for a first comment; every one it wrote unasked had a finding.
    Alt text only for an image. The reply is still read with them (another endpoint)."""
    for images in (False, True):
        fields = _post_schema(strict_schema(free_reply(["x"], 300, images)))
        assert _null_only(fields["first_comment"])
        assert _null_only(fields["alt_text"]) is not images
    reply = free_reply(["x"], 300).model_validate(
        {"posts": [post("x", "Kaffee ist da.", alt_text="Eine Tasse", first_comment="Hallo")]})
    assert reply.posts[0].first_comment == "Hallo"  # type: ignore[attr-defined]


def test_the_cap_leaves_room_for_the_link_as_written(kit: BrandKit) -> None:
    """X counts a link as 23, but the model writes all of it (with its UTM tags)."""
    link = "https://shop.moewenbohne.example/kolumbien?utm_source=x&utm_medium=social"
    assert free_cap(["x"], kit, False, link, len(link)) == free_cap(["x"], kit, False,
                                                                     link) + len(link)


def test_a_cut_never_ends_inside_a_web_address() -> None:
    link = "https://shop.moewenbohne.example/kolumbien?utm_source=x"
    first = ("Neuer Filterkaffee aus Kolumbien ist da, mit Noten von roter Johannisbeere, "
             "Kakao und Rohrzucker, ab Samstag im Kontor.")
    text = f"{first} Jetzt bestellen: {link} und"
    assert whole(text, len(text)) == first


def test_nothing_is_enforced_when_reading_a_reply() -> None:
    """An endpoint that ignores the schema (a hosted API) gets its reply read; the checks
    flag what is too long."""
    shape = free_reply(["x"], 50)
    reply = shape.model_validate({"posts": [post("x", "Kaffee. " * 40, ["Kaffee"] * 12)]})
    assert len(reply.posts[0].hashtags) == 12  # type: ignore[attr-defined]


def test_a_text_that_filled_its_cap_ends_at_its_last_sentence() -> None:
    cap = len(SENTENCE) * 2 + 10
    cut = (SENTENCE * 3)[:cap]  # what the grammar let through: two sentences and a piece
    reply = free_reply(["x"], cap).model_validate({"posts": [post("x", cut)]})
    assert free_texts(reply, cap)["posts"][0]["text"] == (SENTENCE * 2).strip()
    shorter = free_reply(["x"], cap).model_validate({"posts": [post("x", "Kaffee ist da")]})
    assert free_texts(shorter, cap)["posts"][0]["text"] == "Kaffee ist da"


def test_drafting_sends_the_bounds(
        fake_llm: FakeLLMServer, kit: BrandKit) -> None:
    cap = free_cap(["x"], kit, False)  # no link: nothing written out
    rambling = (SENTENCE * 20)[:cap]
    script = DraftScript(lambda platform, call: post(platform, rambling))
    fake_llm.responder = script
    free = DraftOptions(settings=load_settings(draft_platform_form=False))
    draft = draft_posts(kit, BRIEF, ["x"], options=free)[0]
    fields = _post_schema(script.calls[0]["response_format"]["json_schema"]["schema"])
    assert fields["text"]["maxLength"] == cap
    assert _null_only(fields["alt_text"])  # no image attached
    assert draft.text.startswith(SENTENCE.strip())


def test_tagging_the_brief_link_never_rewrites_it_inside_a_tagged_one() -> None:
    """The model wrote the tagged link and then the bare address; replacing the bare one
    everywhere broke the first ("...organic-social?utm_source=mastodon...", 2026-11-30)."""
    tagged = ("https://tessaline.example/webinar?utm_source=mastodon&utm_medium=social"
              "&utm_campaign=organic-social")
    text = f"Register now: {tagged} or https://tessaline.example/webinar and https://x.example/a"
    assert tag_link(text, tagged) == f"Register now: {tagged} or {tagged} and https://x.example/a"
