"""``own_handle``: the post speaks to the brand's own account as if it were a reader (pure).

"Hey @moewenbohne, ist es heute ein Latte-Art-Abend im Kontor? ..." (a ready Mastodon draft
of the embedded model, CLI on a busy machine, 2026-12-08): the brand asks itself. A post
may name its own account ("Folgt @moewenbohne für mehr"), but a greeting right before it
("Hey", "Hallo", "Moin", "Liebe", "Dear"), or the handle opening the post or a sentence
with a comma or a mark after it ("@moewenbohne, ..."), speaks to it. The own accounts are
the kit's channels' handles ("@moewenbohne@norden.social" is "moewenbohne" there too). A
warning: the repair call rewrites it, a person decides.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from assistant.models import Problem
from assistant.quality.context import problem
from assistant.quality.textnorm import HANDLE_RE

# a greeting that speaks to the one named after it
_GREETING = regex.compile(
    r"(?i)(?:^|(?<![\p{L}\p{N}]))(?:hey|hallo|hallöchen|hi|hello|moin|servus|huhu|ahoi|"
    r"liebe[rs]?|dear|danke|thanks|thank\s+you)[ \t]*,?[ \t]*$")
# what follows a handle that is spoken to: a comma or a mark ("@moewenbohne, ...",
# "@moewenbohne!")
_SPOKEN_TO = regex.compile(r"^[ \t]*[,!?:]")
# what a handle opens: the post, a line or a sentence
_OPENS = regex.compile(r"(?:^|[\n.!?][ \t]*)$")


def own_accounts(handles: Iterable[str]) -> frozenset[str]:
    """The brand's account names (folded, without "@" and server) of its channels'
    ``handles``: those that are one word, not a page's title ("Möwenbohne Kaffeekontor
    Altona")."""
    found = set()
    for handle in handles:
        name = handle.strip().removeprefix("@").split("@")[0].casefold()
        if name and not any(char.isspace() for char in name):
            found.add(name)
    return frozenset(found)


def own_handle_problems(text: str, accounts: frozenset[str]) -> list[Problem]:
    """A warning when ``text`` greets one of the brand's own ``accounts`` or opens a
    sentence by calling it."""
    for match in HANDLE_RE.finditer(text):
        name = match.group().removeprefix("@").split("@")[0].casefold()
        if name not in accounts:
            continue
        before, after = text[:match.start()], text[match.end():]
        greeted = _GREETING.search(before)
        if greeted is not None or (_OPENS.search(before) and _SPOKEN_TO.match(after)):
            start = greeted.start() if greeted is not None else match.start()
            said = text[start:match.end()].strip()
            return [problem("own_handle",
                            f"'{said}' speaks to the brand's own account as if it were a "
                            "reader; speak to the readers (or name the account without "
                            "greeting it)")]
    return []
