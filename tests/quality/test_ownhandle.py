"""``own_handle``: a post that speaks to the brand's own account (``quality.ownhandle``)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.ownhandle import own_accounts, own_handle_problems
from tests.quality.conftest import context

ACCOUNTS = own_accounts(["moewenbohne", "@moewenbohne@norden.social", "moewenbohne.kaffeekontor",
                         "Möwenbohne Kaffeekontor Altona"])


def test_the_own_accounts_are_the_channels_one_word_handles() -> None:
    assert ACCOUNTS == {"moewenbohne", "moewenbohne.kaffeekontor"}


@pytest.mark.parametrize("text", [
    # a ready Mastodon draft of the CLI on a busy machine (2026-12-08)
    "Hey @moewenbohne, ist es heute ein Latte-Art-Abend im Kontor?",
    "Moin @moewenbohne@norden.social! Am Freitag gibt es Latte Art.",
    "Liebe @Moewenbohne, wir freuen uns auf euch.",
    "Latte-Art-Abend am Freitag.\n@moewenbohne, bist du dabei?",
    "@moewenbohne.kaffeekontor: Freitag, 19 Uhr!",
])
def test_a_post_that_speaks_to_the_brands_own_account_is_flagged(text: str) -> None:
    [found] = own_handle_problems(text, ACCOUNTS)
    assert found.code == "own_handle" and "own account" in found.message
    assert "@" in found.message.split("'")[1]


@pytest.mark.parametrize("text", [
    "Folgt @moewenbohne für mehr Latte Art.",
    "Fotos vom Abend gibt es bei @moewenbohne, schaut vorbei!",  # named, not called
    "Hey @kaffeeliebe_hh, kommst du am Freitag?",  # another account
    "Hey du, am Freitag gibt es Latte Art bei uns.",
    "Schreib an moin@moewenbohne.example.",  # an e-mail address
])
def test_a_post_that_names_its_account_or_speaks_to_another_passes(text: str) -> None:
    assert own_handle_problems(text, ACCOUNTS) == []


def test_the_check_reads_the_kits_channels(coffee: BrandKit) -> None:
    ctx = context(coffee, brief="Latte-Art-Abend im Kontor: Freitag, 19. Dezember, 19 Uhr.",
                  platform="mastodon")
    post = "Hey @moewenbohne, ist am Freitag, 19. Dezember, um 19 Uhr Latte-Art-Abend im Kontor?"
    assert "own_handle" in {found.code for found in quality_problems(post, [], ctx)}
    assert "own_handle" not in {found.code for found in quality_problems(
        post.replace("@moewenbohne", "du"), [], ctx)}
