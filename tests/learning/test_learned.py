"""A posted post becomes a learned example of its kit: indexed at once, retrieved by the next
draft (real chromadb, the fake LLM server), kept apart from the hand-written examples, capped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from assistant.brand.kit import load_kit
from assistant.brand.learned import learned_folder, load_learned
from assistant.brand.store import index_kit, retrieve
from assistant.config import get_settings, load_settings
from assistant.drafting import DraftOptions, draft_posts
from assistant.learning.keep import Candidate, kept
from assistant.models import Draft
from assistant.queue import QueueService
from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer
from tests.learning.conftest import KIT

WHEN = datetime(2030, 3, 4, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
LEARNED = ("Moin! Unser Röstmeister Okan zeigt am Samstag, wie er den Peru Cajamarca "
           "röstet: Schokolade, rote Beeren, eine Spur Karamell. Komm ins Kontor!")


def _post(queue: QueueService, text: str, platform: str = "instagram") -> int:
    # the brief carries every fact of the text: the queue's checks find nothing invented
    item = queue.add_draft(Draft(kit_id=KIT, platform=platform, text=text, brief=text,
                                 hashtags=["Möwenbohne"]), WHEN)
    item = queue.approve(item.id or 0, needs_look=True)
    return queue.mark_posted(item.id or 0).id or 0


def _set_learning(kits: Path, **values: object) -> None:
    path = kits / KIT / "kit.yaml"
    data = yaml.safe_load(path.read_text())
    data["learning"] = values
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


def _drafted_before(kits: Path) -> None:
    """The kit's index in the data dir, as after its first draft."""
    index_kit(load_kit(KIT, kits))


def test_a_posted_post_is_learned_apart_and_retrieved_by_the_next_draft(
        kits: Path, queue: QueueService, fake_llm: FakeLLMServer) -> None:
    settings = get_settings()
    kit = load_kit(KIT, kits)
    _drafted_before(kits)
    _post(queue, LEARNED)
    learned = load_learned(learned_folder(settings.data_dir, KIT))
    # learned as posted: the text with its hashtags
    assert [p.text for p in learned] == [LEARNED + "\n\n#Möwenbohne"]
    assert learned[0].typical is not None
    assert not (kits / KIT / "learned").exists()  # the kit folder holds only hand-written ones
    assert not [e for e in load_kit(KIT, kits).examples if LEARNED in e.text]
    # indexed when it was learned: the next retrieval embeds nothing more
    report = index_kit(kit)
    assert report.added == 0 and report.removed == 0
    hits = retrieve(kit, "Röstmeister zeigt Peru Cajamarca", platform="instagram", k=2)
    assert hits[0].text.startswith(LEARNED) and hits[0].source.startswith("learned/")
    script = DraftScript()
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(draft_adapt_example=True))
    draft_posts(kit, "Röstmeister zeigt, wie er Peru Cajamarca röstet", ["instagram"],
                options=options)
    user = _user_text(script.calls[0])
    assert "Pattern:" in user and LEARNED[:80] in user.split("Pattern:", 1)[1]


def _user_text(call: dict[str, Any]) -> str:
    return "\n".join(m["content"] for m in call["messages"] if m["role"] == "user")


def test_the_kit_decides_when_a_post_is_learned(kits: Path, queue: QueueService) -> None:
    folder = learned_folder(get_settings().data_dir, KIT)
    _set_learning(kits, learn_from="off")
    _post(queue, LEARNED)
    assert load_learned(folder) == []
    _set_learning(kits, learn_from="approved")
    item = queue.add_draft(Draft(kit_id=KIT, platform="x", text="Moin! Neue Bohne da.",
                                 brief="Neue Bohne", hashtags=["Möwenbohne"]), WHEN)
    queue.approve(item.id or 0, needs_look=True)
    assert [p.text for p in load_learned(folder)] == ["Moin! Neue Bohne da.\n\n#Möwenbohne"]


def test_the_cap_keeps_the_newest_and_most_typical(kits: Path, queue: QueueService) -> None:
    _set_learning(kits, learn_from="posted", max_examples=2)
    _drafted_before(kits)
    odd = "Die Umsatzsteuervoranmeldung der Holding für das dritte Quartal liegt vor."
    for text in [LEARNED, odd, "Moin! Filterkaffee-Kurs im Kontor am Freitag."]:
        _post(queue, text)
    learned = load_learned(learned_folder(get_settings().data_dir, KIT))
    # not the oldest goes, but the one least typical of a coffee roastery
    assert len(learned) == 2 and not [p for p in learned if "Holding" in p.text]
    assert all(p.typical is not None and p.typical > 0 for p in learned)


def test_kept_ranks_age_and_typicality_together() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    old_typical = Candidate("a.md", now - timedelta(days=30), 90.0)
    new_odd = Candidate("b.md", now, 10.0)
    mid = Candidate("c.md", now - timedelta(days=1), 60.0)
    unknown = Candidate("d.md", now - timedelta(days=2), None)
    # ranks (age + typical): a 3+0, b 0+2, c 1+1, d 2+3; b and c tie, c is more typical
    assert kept([old_typical, new_odd, mid, unknown], 2) == ["c.md", "b.md"]
    assert kept([old_typical, new_odd, mid, unknown], 3) == ["c.md", "b.md", "a.md"]
    assert kept([old_typical, new_odd], 5) == ["a.md", "b.md"]
    assert kept([old_typical], 0) == []


def test_a_kit_not_indexed_yet_learns_without_embedding_everything(
        kits: Path, queue: QueueService) -> None:
    _post(queue, LEARNED)  # no index in this data dir: nothing is embedded now
    [post] = load_learned(learned_folder(get_settings().data_dir, KIT))
    assert post.typical is None
    hits = retrieve(load_kit(KIT, kits), "Röstmeister zeigt Peru Cajamarca",
                    platform="instagram", k=1)  # the first retrieval indexes it with the kit
    assert hits[0].source == f"learned/{post.source}"
