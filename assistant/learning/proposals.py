"""Findings as proposed kit rules, and a rule applied to a kit (pure).

A rule has a stable id (kit, kind, key hashed), so proposing again finds the same rules and
a dismissal is remembered. Kinds and what accepting one changes in kit.yaml:

    preferred_term  banned_words: {word: Kunden, replacement: Gäste}  (the prompt says it too)
    banned_word     banned_words: {word: Jetzt zuschlagen}
    banned_emoji    emoji.banned: [🎉]
    banned_hashtag  hashtags.never: [angebot]
    opener          opener: Moin
    max_chars       max_chars: {linkedin: 600}
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from assistant.brand.schema import BannedWord, BrandKit
from assistant.hashtags import tag_key
from assistant.learning.mining import Finding

RuleKind = Literal["preferred_term", "banned_word", "banned_emoji", "banned_hashtag", "opener",
                   "max_chars"]
_KINDS: dict[str, RuleKind] = {"replace": "preferred_term", "remove": "banned_word",
                               "emoji": "banned_emoji", "hashtag": "banned_hashtag",
                               "opener": "opener", "length": "max_chars"}


class ProposedRule(BaseModel):
    id: str
    kit_id: str
    kind: RuleKind
    key: str
    value: str | int | None = None
    seen: int
    could: int
    examples: list[tuple[str, str]] = Field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line a marketer reads: the rule, then how often the edits said so."""
        return f"{self.rule_text} (changed in {self.seen} of {self.could} posts)"

    @property
    def rule_text(self) -> str:
        texts = {
            "preferred_term": f"Write '{self.value}' instead of '{self.key}'",
            "banned_word": f"Never write '{self.key}'",
            "banned_emoji": f"No {self.key} emoji",
            "banned_hashtag": f"Never use #{self.key}",
            "opener": f"Open every post with '{self.key}'",
            "max_chars": f"{self.key}: at most {self.value} characters",
        }
        return texts[self.kind]


def rule_id(kit_id: str, kind: str, key: str) -> str:
    digest = hashlib.sha256(f"{kit_id}\x1f{kind}\x1f{key.casefold()}".encode()).hexdigest()
    return f"{kind.replace('_', '-')}-{digest[:8]}"


def propose(kit: BrandKit, findings: Sequence[Finding],
            dismissed: Sequence[str] = ()) -> list[ProposedRule]:
    """The findings the kit does not follow yet and nobody dismissed, as rules."""
    out = []
    for finding in findings:
        kind = _KINDS[finding.kind]
        rule = ProposedRule(
            id=rule_id(kit.id, kind, finding.key), kit_id=kit.id, kind=kind, key=finding.key,
            value=finding.value, seen=finding.support.seen, could=finding.support.could,
            examples=[tuple(e) for e in finding.examples])  # type: ignore[misc]
        if rule.id not in dismissed and not in_kit(kit, rule):
            out.append(rule)
    return out


def in_kit(kit: BrandKit, rule: ProposedRule) -> bool:
    """True when the kit already says what the rule says (nothing left to accept)."""
    if rule.kind in ("preferred_term", "banned_word"):
        return any(b.word.casefold() == rule.key.casefold() and
                   (rule.kind == "banned_word" or b.replacement == rule.value)
                   for b in kit.banned_words)
    if rule.kind == "banned_emoji":
        return rule.key in kit.emoji.banned or kit.emoji.limit == 0
    if rule.kind == "banned_hashtag":
        return tag_key(rule.key) in {tag_key(t) for t in kit.hashtags.never}
    if rule.kind == "opener":
        return kit.opener == rule.key
    limit = kit.max_chars.get(rule.key)
    return limit is not None and isinstance(rule.value, int) and limit <= rule.value


Path = tuple[str, ...]


def kit_changes(kit: BrandKit, rule: ProposedRule) -> dict[Path, object]:
    """What accepting ``rule`` sets in kit.yaml: field path -> new value (JSON data; only
    the fields that change, so the file keeps everything else, comments included)."""
    if rule.kind in ("preferred_term", "banned_word"):
        words = [b for b in kit.banned_words if b.word.casefold() != rule.key.casefold()]
        value = rule.value if rule.kind == "preferred_term" else None
        words.append(BannedWord(word=rule.key, replacement=value))  # type: ignore[arg-type]
        return {("banned_words",): [w.model_dump(exclude_none=True) for w in words]}
    if rule.kind == "banned_emoji":
        changes: dict[Path, object] = {("emoji", "banned"): [*kit.emoji.banned, rule.key]}
        if rule.key in kit.emoji.allowed:
            changes[("emoji", "allowed")] = [e for e in kit.emoji.allowed if e != rule.key]
        return changes
    if rule.kind == "banned_hashtag":
        key = tag_key(rule.key)
        changes = {("hashtags", "never"): [*kit.hashtags.never, rule.key]}
        for name in ("always", "pool"):
            tags = getattr(kit.hashtags, name)
            if any(tag_key(t) == key for t in tags):
                changes[("hashtags", name)] = [t for t in tags if tag_key(t) != key]
        return changes
    if rule.kind == "opener":
        return {("opener",): rule.key}
    return {("max_chars", rule.key): rule.value}
