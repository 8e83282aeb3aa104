"""May this item leave? The one answer used by approval, export-as-approved, the webhook and
every future publisher: it must be approved and, when its kit requires it, approved by the
client in exactly this version."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.config import Settings
from assistant.errors import BrandKitError, InputError, KitNotFoundError, TransitionError
from assistant.models import Problem
from assistant.queue.checks import Checker
from assistant.queue.models import QueueItem
from assistant.review.gate import client_refusal


def requires_client_approval(kit_id: str, settings: Settings | None = None) -> bool:
    from assistant.brand.kit import load_kit

    kits_dir = settings.kits_dir if settings is not None else None
    try:
        return load_kit(kit_id, kits_dir).client_approval_required
    except (KitNotFoundError, InputError):
        return False  # no kit (gone, or an id no kit can have), no setting
    except BrandKitError:
        return True  # a kit that does not load might require it: hold the post back


def release_refusal(item: QueueItem, settings: Settings | None = None) -> str | None:
    """Why ``item`` may not leave the queue now, or None when it may."""
    if item.status != "approved":
        return f"#{item.id} is {item.status}; only approved items leave the queue"
    return client_refusal(item, requires_client_approval(item.kit_id, settings))


def held_back(items: Sequence[QueueItem], settings: Settings | None = None) -> list[QueueItem]:
    """``items`` with every approved one that may not leave shown as the draft it still is
    (exports: "approved" in a file means "may be posted")."""
    required: dict[str, bool] = {}
    out = []
    for item in items:
        if item.status == "approved":
            if item.kit_id not in required:
                required[item.kit_id] = requires_client_approval(item.kit_id, settings)
            if client_refusal(item, required[item.kit_id]) is not None:
                item = item.model_copy(update={"status": "draft"})
        out.append(item)
    return out


def with_client_gate(checker: Checker, settings: Settings | None = None) -> Checker:
    """The approve checker with the client's OK first: a stored item whose kit requires
    it and that lacks it is refused at once with TransitionError (before any link is
    requested). An item not stored yet (an import) is only checked: its approval step
    comes after it is stored and is refused there, so the imported row is kept."""
    def gated(item: QueueItem) -> list[Problem]:
        if item.id is not None:
            refusal = client_refusal(item, requires_client_approval(item.kit_id, settings))
            if refusal is not None:
                raise TransitionError(refusal)
        return checker(item)

    return gated
