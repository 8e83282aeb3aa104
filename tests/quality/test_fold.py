"""topic_below_fold: the brief's topic in what a platform shows before "more"."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.fold import topic_below_fold_problems, topic_words
from tests.quality.conftest import codes, context

HUILA = ("Zurück aus Huila in Kolumbien - unserer Partnerkooperative zahlen wir 30 Prozent über "
         "dem Fairtrade-Mindestpreis.")
# a ready LinkedIn draft of the embedded model (bench 2026-12-03), shortened
BURIED = ("Möwenbohne Kaffeekontor ist ein altes Kontorhaus in Altona. Wir sind eine kleine "
          "Rösterei mit Café, die morgens um halb sieben den Röster anwirft und mittags selbst "
          "hinter dem Tresen steht, und wir suchen seit Jahren frisch geröstete Bohnen für "
          "die Stadt.\n\nZurück aus Huila in Kolumbien. Unserer "
          "Partnerkooperative zahlen wir 30 Prozent über dem Fairtrade-Mindestpreis.")


def test_the_topic_words_are_the_briefs_own() -> None:
    assert topic_words(HUILA) == ["zurück", "huila", "kolumbien", "partnerkooperative",
                                  "zahlen", "30", "prozent", "fairtrade-mindestpreis"]
    assert topic_words("Join us with your team for the webinar") == ["join", "team", "webinar"]


def test_a_post_that_buries_the_brief_below_linkedins_fold(coffee: BrandKit) -> None:
    [found] = topic_below_fold_problems(BURIED, HUILA, "linkedin")
    assert found.message == (
        "the first 210 characters, which LinkedIn shows before 'more', say nothing of the "
        "brief ('zurück', 'huila', 'kolumbien' …); open with what the post is about")
    assert "topic_below_fold" in codes(quality_problems(
        BURIED, [], context(coffee, brief=HUILA, platform="linkedin")))


@pytest.mark.parametrize(("text", "platform"), [
    # the news first, the brand after it
    ("Zurück aus Huila! " + BURIED, "linkedin"),
    # a compound of a topic word counts
    ("Unser Kolumbien-Kaffee ist da. " + BURIED, "linkedin"),
    # Facebook shows 480 characters: the news is above its fold
    (BURIED, "facebook"),
    # X has no fold
    (BURIED, "x"),
])
def test_the_topic_above_the_fold_passes(text: str, platform: str) -> None:
    assert topic_below_fold_problems(text, HUILA, platform) == []


def test_a_post_typed_by_hand_has_no_brief_to_read(coffee: BrandKit) -> None:
    assert "topic_below_fold" not in codes(quality_problems(
        BURIED, [], context(coffee, brief=None, platform="linkedin")))
