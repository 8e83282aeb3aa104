"""A CSV row whose text is over the length cap is refused with its row number and why; the
other rows are imported (the cap of ``check_post`` reaches imports through the checker)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import get_settings
from assistant.queue import open_queue
from assistant.queue.importing import import_upload


def test_a_row_over_the_text_cap_is_refused_alone(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    queue = open_queue()
    huge = "a." * 50_001  # 100,002 characters, under the CSV field limit of 128 KB
    data = ("kit_id,platform,text,scheduled_at\n"
            f"kaffee,facebook,{huge},2030-03-04 09:00\n"
            "kaffee,facebook,Moin,2030-03-05 09:00\n").encode()
    report = import_upload(queue, data, "cap.csv", by="test")
    first, second = report.rows
    assert first.outcome == "refused" and "100,000" in first.reason
    assert second.outcome == "imported"
    get_settings.cache_clear()
