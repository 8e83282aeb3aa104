"""Learning from use and edits: the I/O around the pure ``assistant.learning`` package.

- ``learner_for``: what the queue calls when a post is approved or posted; per the kit's
  ``learning.learn_from`` the post becomes a learned example (``brand.learned``), scored
  for how typical it is and indexed at once, so the next draft can retrieve it.
- ``propose_rules``: the edit pairs of a kit's queue -> mined corrections -> rules the kit
  does not follow yet and nobody dismissed. The proposals are kept in
  ``<data_dir>/learning/<kit id>.json`` with the dismissals, so an id can be accepted later.
- ``accept_rule`` changes kit.yaml (only the fields of the rule, see ``brand.kitpatch``);
  ``dismiss_rule`` remembers the dismissal. Nothing changes a kit without one of them.
"""

from __future__ import annotations

import difflib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, ValidationError

from assistant.brand.kit import KIT_FILE, BrandKit, kit_dir, kit_from_yaml, list_kits, load_kit
from assistant.config import Settings, get_settings
from assistant.errors import AssistantError, BrandKitError, InputError
from assistant.learning.mining import Pair, mine
from assistant.learning.proposals import ProposedRule, kit_changes, propose
from assistant.queue.edits import EditPair, edit_pairs
from assistant.queue.models import QueueItem

if TYPE_CHECKING:  # the queue calls us (open_queue wires the learner): no import back
    from assistant.brand.schema import LearnedPost
    from assistant.queue.service import Learner, QueueService

log = logging.getLogger(__name__)
STATE_DIR = "learning"


class LearningState(BaseModel):
    """What the data dir remembers per kit: the last proposals and the dismissed ids."""

    proposed: list[ProposedRule] = Field(default_factory=list)
    dismissed: list[str] = Field(default_factory=list)
    accepted: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Accepted:
    rule: ProposedRule
    path: Path  # the kit.yaml that changed
    diff: str  # unified diff of that change, as git shows it


# -- learned examples -----------------------------------------------------------------------
def learner_for(settings: Settings) -> Learner:
    def learn(item: QueueItem, status: str) -> None:
        learn_from_item(item, status, settings)

    return learn


def learn_from_item(item: QueueItem, status: str, settings: Settings) -> str | None:
    """Make ``item`` a learned example of its kit when the kit learns at ``status``;
    the file name, or None when the kit does not learn from it.

    With the kit's index in place (the kit has drafted here) the post is scored against
    it and added to it at once, embedding only the post; without one, the kit's first
    draft indexes everything, this post included (marking a post posted never waits for
    a whole kit to be embedded).
    """
    from assistant.brand.learned import add_learned, learned_folder
    from assistant.brand.schema import LearnedPost

    try:
        kit = load_kit(item.kit_id, settings.kits_dir)
    except BrandKitError:
        return None  # a post of a kit that does not load teaches nothing
    if kit.learning.learn_from != status or not item.text.strip():
        return None
    indexed = _indexed(kit, settings)
    typical = _typical(kit, item.full_text, settings) if indexed else None
    post = LearnedPost(platform=item.platform, language=item.language or kit.default_language,
                       text=item.full_text, learned_at=datetime.now(UTC), item=item.uid,
                       typical=typical)
    folder = learned_folder(settings.data_dir, kit.id)
    name, removed = add_learned(folder, post, kit.learning.max_examples)
    if indexed and name not in removed:
        from assistant.brand.store import index_kit

        index_kit(kit, settings=settings)  # only the new post is embedded
    return name


def _indexed(kit: BrandKit, settings: Settings) -> bool:
    """The kit's index is in place; without a local store folder there is none, and the
    vector store (chromadb) is not even loaded."""
    if not settings.chroma_url and not (settings.data_dir / "chroma").is_dir():
        return False
    from assistant.brand.store import index_current

    return index_current(kit, settings)


def _typical(kit: BrandKit, text: str, settings: Settings) -> float | None:
    """How close the text is to the centroid of the kit's examples, before it joins them."""
    from assistant.brand.embeddings import get_embedder
    from assistant.brand.store import example_vectors
    from assistant.learning.keep import closeness

    try:
        embedder = get_embedder(settings)
        examples = example_vectors(kit, settings=settings, embedder=embedder)
        return closeness(embedder.embed_passages([text])[0], examples)
    except AssistantError as exc:  # the store is not reachable: learn it anyway
        log.info("no closeness for a learned post of %s: %s", kit.id, exc)
        return None


def learned_examples(kit: BrandKit, settings: Settings | None = None) -> list[LearnedPost]:
    """The kit's example posts learned from use, newest first."""
    from assistant.brand.learned import learned_folder, load_learned

    settings = settings or get_settings()
    posts = load_learned(learned_folder(settings.data_dir, kit.id))
    return sorted(posts, key=lambda p: p.learned_at, reverse=True)


# -- edit pairs and proposals ---------------------------------------------------------------
def kit_edit_pairs(queue: QueueService, kit_id: str) -> list[EditPair]:
    """The latest correction of every model draft of the kit in the queue."""
    items = queue.list(kit_id=kit_id)
    histories = queue.storage.histories([i.id for i in items if i.id is not None])
    return edit_pairs(i.model_copy(update={"history": histories.get(i.id or 0, [])})
                      for i in items)


def propose_rules(kit_id: str, queue: QueueService,
                  settings: Settings | None = None) -> list[ProposedRule]:
    """The kit's proposed rules from its edit pairs in ``queue`` (kept for accept/dismiss
    by id)."""
    settings = settings or get_settings()
    kit = load_kit(kit_id, settings.kits_dir)
    pairs = kit_edit_pairs(queue, kit.id)
    findings = mine([Pair(p.platform, p.model_text, p.final_text) for p in pairs])
    state = _load_state(settings, kit.id)
    state.proposed = propose(kit, findings, state.dismissed)
    _save_state(settings, kit.id, state)
    return state.proposed


def pending_rules(kit_id: str, settings: Settings | None = None) -> list[ProposedRule]:
    """The proposals last made for the kit, minus those accepted or dismissed since."""
    state = _load_state(settings or get_settings(), kit_id)
    done = set(state.dismissed) | set(state.accepted)
    return [r for r in state.proposed if r.id not in done]


def accept_rule(rule_id: str, settings: Settings | None = None) -> Accepted:
    """Write the rule into its kit's kit.yaml (validated as a whole kit first)."""
    from assistant.brand.examplefiles import read_text_file
    from assistant.brand.fsutil import atomic_write_text
    from assistant.brand.kitpatch import patch_yaml

    settings = settings or get_settings()
    rule, state = _find_rule(rule_id, settings)
    kit = load_kit(rule.kit_id, settings.kits_dir)
    path = kit_dir(kit.id, settings.kits_dir) / KIT_FILE
    before = read_text_file(path, f"{kit.id}/{KIT_FILE}")
    after = patch_yaml(before, kit_changes(kit, rule))
    kit_from_yaml(after, kit.examples, f"{kit.id}/{KIT_FILE}")  # never write a broken kit
    try:
        atomic_write_text(path, after)
    except OSError as exc:
        raise BrandKitError(f"cannot write {path} ({exc.strerror or exc}); check that the "
                            "kit folder is writable") from exc
    state.accepted = [*state.accepted, rule.id]
    _save_state(settings, rule.kit_id, state)
    diff = "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                        f"a/{kit.id}/{KIT_FILE}", f"b/{kit.id}/{KIT_FILE}"))
    return Accepted(rule, path, diff)


def dismiss_rule(rule_id: str, settings: Settings | None = None) -> ProposedRule:
    """Remember that a person does not want the rule: it is not proposed again."""
    settings = settings or get_settings()
    rule, state = _find_rule(rule_id, settings)
    if rule.id not in state.dismissed:
        state.dismissed = [*state.dismissed, rule.id]
    _save_state(settings, rule.kit_id, state)
    return rule


# -- state ----------------------------------------------------------------------------------
def _state_path(settings: Settings, kit_id: str) -> Path:
    kit_dir(kit_id, settings.kits_dir)  # checks the id (it names a file)
    return settings.data_dir / STATE_DIR / f"{kit_id}.json"


def _load_state(settings: Settings, kit_id: str) -> LearningState:
    path = _state_path(settings, kit_id)
    if not path.is_file():
        return LearningState()
    try:
        return LearningState.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise InputError(f"{path} cannot be read ({exc.__class__.__name__}); delete it and "
                         "propose the rules again") from None


def _save_state(settings: Settings, kit_id: str, state: LearningState) -> None:
    from assistant.brand.fsutil import atomic_write_text

    path = _state_path(settings, kit_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(state.model_dump(mode="json"), ensure_ascii=False,
                                       indent=1))


def _find_rule(rule_id: str, settings: Settings) -> tuple[ProposedRule, LearningState]:
    for kit_id in list_kits(settings.kits_dir):
        if not _state_path(settings, kit_id).is_file():
            continue
        state = _load_state(settings, kit_id)
        for rule in state.proposed:
            if rule.id == rule_id:
                return rule, state
    raise InputError(f"no proposed rule {rule_id!r}; run `postwerk learn propose --brand KIT` "
                     "and use an id it lists")
