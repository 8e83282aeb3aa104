"""Parting near-same texts of one brief across platforms (drafting_distinct, pure)."""

from __future__ import annotations

import asyncio

from assistant.drafting_distinct import Alike, alike_notes, distinct_texts
from assistant.models import Draft, Problem, Severity

SAME = "Röstkurs am 12. Dezember um 18 Uhr im Kontor, maximal 8 Plätze. Melde dich im Laden an!"
OTHER = ("Am 12. Dezember um 18 Uhr zeigen wir dir im Kontor, wie Rösten geht. Acht Plätze "
         "gibt es, die Anmeldung läuft im Laden.")


def _draft(platform: str, text: str, variant: int = 0) -> Draft:
    return Draft(kit_id="k", platform=platform, text=text, variant=variant)


def _placeholder(platform: str) -> Draft:
    error = Problem(code="placeholder", severity=Severity.ERROR, message="fill it in")
    return _draft(platform, "Ganz neu: [Datum]").model_copy(update={"problems": [error]})


def test_the_first_platform_keeps_its_text_and_later_ones_get_a_note() -> None:
    drafts = [_draft("instagram", SAME), _draft("x", OTHER), _draft("facebook", SAME + " 👋")]
    notes = alike_notes(drafts)
    assert list(notes) == [2]
    assert "instagram post" in notes[2].note and f"«{SAME}»" in notes[2].note
    assert "two short paragraphs" in notes[2].note  # facebook's own form
    assert notes[2].other == SAME  # the text a parting sample must differ from


def test_keep_short_rewrites_the_platform_with_more_room() -> None:
    """With ``keep_short`` the X text stays and the longer platform's is rewritten, whatever
    their order; the draft with fewer problems still stays first."""
    drafts = [_draft("instagram", SAME), _draft("x", SAME)]
    assert list(alike_notes(drafts)) == [1]
    notes = alike_notes(drafts, keep_short=True)
    assert list(notes) == [0] and "the x post" in notes[0].note
    warned = _draft("x", SAME).model_copy(update={"problems": [
        Problem(code="missing_fact", severity=Severity.WARNING, message="add '18 Uhr'")]})
    assert list(alike_notes([_draft("instagram", SAME), warned], keep_short=True)) == [1]


def test_a_rewrite_is_kept_only_when_it_is_no_worse() -> None:
    drafts = [_draft("instagram", SAME), _draft("x", SAME), _draft("facebook", SAME)]
    asked: list[str] = []

    async def rewrite(draft: Draft, alike: Alike) -> list[Draft]:
        asked.append(draft.platform)
        if draft.platform == "x":
            return [_draft("x", OTHER)]
        return [_placeholder("facebook")]

    out = asyncio.run(distinct_texts(drafts, rewrite))
    assert asked == ["x", "facebook"]
    assert [d.text for d in out] == [SAME, OTHER, SAME]  # facebook's rewrite was worse
    flagged = {d.platform for d in out if any(p.code == "same_text_as" for p in d.problems)}
    assert flagged == {"instagram", "facebook"}


def test_no_rewrite_keeps_the_drafts_and_variants_stay_apart() -> None:
    drafts = [_draft("instagram", SAME, 0), _draft("x", OTHER, 0),
              _draft("instagram", SAME, 1), _draft("x", SAME, 1)]

    async def rewrite(draft: Draft, alike: Alike) -> list[Draft]:
        assert draft.variant == 1
        return []

    out = asyncio.run(distinct_texts(drafts, rewrite))
    assert [d.text for d in out] == [d.text for d in drafts]
    assert [bool(d.problems) for d in out] == [False, False, True, True]


def test_the_draft_with_fewer_problems_is_the_one_kept() -> None:
    warned = _draft("instagram", SAME).model_copy(update={"problems": [
        Problem(code="missing_fact", severity=Severity.WARNING, message="add '18 Uhr'")]})
    notes = alike_notes([warned, _draft("x", SAME)])
    assert list(notes) == [0] and "the x post" in notes[0].note


def test_of_several_samples_the_one_that_parts_the_texts_is_kept() -> None:
    drafts = [_draft("instagram", SAME), _draft("x", SAME)]

    async def rewrite(draft: Draft, alike: Alike) -> list[Draft]:
        # the first sample says it again, the second has an error, the third parts them
        return [_draft("x", SAME + " Bis dann!"), _placeholder("x"), _draft("x", OTHER)]

    out = asyncio.run(distinct_texts(drafts, rewrite))
    assert [d.text for d in out] == [SAME, OTHER]
    assert not any(p.code == "same_text_as" for d in out for p in d.problems)


def test_samples_all_worse_keep_the_text_it_had() -> None:
    drafts = [_draft("instagram", SAME), _draft("x", SAME)]

    async def rewrite(draft: Draft, alike: Alike) -> list[Draft]:
        return [_placeholder("x"), _placeholder("x")]

    out = asyncio.run(distinct_texts(drafts, rewrite))
    assert [d.text for d in out] == [SAME, SAME]
    assert all(any(p.code == "same_text_as" for p in d.problems) for d in out)
