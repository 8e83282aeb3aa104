"""The two example kits, loaded once: real kits are the realistic input for these checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.quality import QualityContext

KITS = Path(__file__).resolve().parents[2] / "brand_kits"


@pytest.fixture(scope="session")
def coffee() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", KITS)


@pytest.fixture(scope="session")
def software() -> BrandKit:
    return load_kit("tessaline-software", KITS)


def context(kit: BrandKit | None, *, brief: str | None = None, platform: str = "facebook",
            language: str = "de", link: str | None = None) -> QualityContext:
    return QualityContext(brief=brief, link=link, language=language, platform=platform, kit=kit)


def codes(problems: object) -> list[str]:
    return [p.code for p in problems]  # type: ignore[attr-defined]
