"""The review link records (``review_links.json`` in the data dir): what was shared with
whom, until when, and whether it was revoked. The tokens themselves are not stored: they are
re-made from a record and the key, so the file holds nothing a visitor could use."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from assistant.errors import ConfigError

LINKS_FILE = "review_links.json"
_LOCK = threading.Lock()


class ReviewLink(BaseModel):
    id: str
    kit_id: str
    first_day: date
    last_day: date
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None

    def state(self, now: datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if now >= self.expires_at else "active"


_ADAPTER = TypeAdapter(list[ReviewLink])


class LinkStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LINKS_FILE

    def all(self) -> list[ReviewLink]:
        if not self.path.exists():
            return []
        try:
            return _ADAPTER.validate_json(self.path.read_bytes())
        except (OSError, ValidationError) as exc:
            raise ConfigError(f"cannot read {self.path} ({exc.__class__.__name__}); restore "
                              "it from a backup or delete it (all review links stop)") from exc

    def get(self, link_id: str) -> ReviewLink | None:
        return next((link for link in self.all() if link.id == link_id), None)

    def add(self, link: ReviewLink) -> None:
        with _LOCK:
            self._write([*self.all(), link])

    def replace(self, link: ReviewLink) -> None:
        with _LOCK:
            self._write([link if old.id == link.id else old for old in self.all()])

    def _write(self, links: list[ReviewLink]) -> None:
        # write a sibling file and rename it over: a reader never sees half a file
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps([json.loads(link.model_dump_json()) for link in links], indent=1)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".review_links.")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(tmp, self.path)
