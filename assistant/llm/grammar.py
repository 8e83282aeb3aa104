"""A reply's JSON schema as an llguidance grammar in which no text field may say the given
runs of words (pure).

The embedded model's server reads a ``response_format`` JSON schema through llguidance, and
takes a grammar of its own (``grammar``, in llguidance's Lark form) instead. Only the
grammar can forbid a run of words: a lexeme may be the intersection of regexes and the
negation of one. A text field is a JSON string that holds none of the runs, and has no
``maxLength``: beside a negation, a length of any form (a counted repetition, or a regex of
its own intersected) made the server's lexer give up, and the server then sampled without
any grammar at all (xllamacpp 2026.10, 2026-12-07). The post's checks read its length as
they read any other's (an X post over its limit loses sentences without facts, or is an
error a repair is asked for). The rest of the reply (the platform's name, hashtags, a part
with a ``pattern`` of its own, null fields) keeps its schema's bounds.

A run is forbidden where its words stand with nothing but spaces, marks or an escaped line
break between them, or nothing at all ("9bis 14 Uhr" stood in a sample that the run "von 9
bis" was forbidden from), each word's first letter in either case ("bleibt das Kontor" and
"Bleibt das Kontor"), its last word also as the start of a longer one ("zu" in "zurück"):
the model writes a word a token at a time, and may not finish the run either way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import regex

Run = tuple[str, ...]

# the properties that hold no text of the post (names, tags, alt text)
NOT_TEXT = frozenset({"platform", "hashtags", "alt_text", "first_comment"})
# a JSON string's body: any character but a quote, a backslash or a control character, or
# an escape (its slash escaped: a bare one ends the Lark regex); letters of other scripts
# are left out, or "Kontор" (Cyrillic "ор") writes the word the grammar forbids
# (2026-12-07)
_CHAR = r'(?:[^"\\\x00-\x1F\p{Cyrillic}\p{Greek}]|\\["\\\/bfnrt]|\\u[0-9a-fA-F]{4})'
_STRING = rf'/"{_CHAR}*"/'
# what stands between two words of a run: spaces, marks, an escaped line break or quote
GAP_MARKS = " ,.;:!?()-–—…"
_GAP = "(?:[" + GAP_MARKS.replace("-", "\\-") + r']|\\n|\\")*'


def run_grammar(schema: dict[str, Any], runs: Sequence[Run]) -> str:
    """The llguidance grammar of ``schema`` (a strict schema: every object closed and all
    its properties required) whose text fields hold none of ``runs`` (words as written)."""
    builder = _Builder(schema.get("$defs", {}), _runs_regex(runs))
    start = builder.node(schema, text=False)
    lines = ["%llguidance {}", f"start: {start}", *builder.rules, r"%ignore /[ \t\n\r]+/"]
    return "\n".join(lines) + "\n"


class _Builder:
    """The rules of one grammar, a rule per object and array and a lexeme per kind of
    string. llguidance's own JSON (``%json``) is not used inside: a space before it did not
    parse, and one allowed there made the parser panic (llguidance 1.9, 2026-12-07)."""

    def __init__(self, defs: dict[str, Any], forbidden: str | None) -> None:
        self.defs = defs
        self.forbidden = forbidden
        self.rules: list[str] = []
        self._lexemes: dict[tuple[bool, int | None, str | None], str] = {}

    def node(self, node: dict[str, Any], text: bool) -> str:
        """The Lark expression of ``node``; ``text``: whether a string here is post text."""
        while "$ref" in node:
            node = self.defs[node["$ref"].rsplit("/", 1)[-1]]
        kind = node.get("type")
        if kind == "object":
            fields = [f'"{json.dumps(json.dumps(name))[1:-1]}" ":" '
                      f"{self.node(value, name not in NOT_TEXT)}"
                      for name, value in node["properties"].items()]
            return self._rule('"{" ' + ' "," '.join(fields) + ' "}"')
        if kind == "array":
            return self._array(node, text)
        if kind == "string":
            return self._string(node, text)
        if kind == "null":
            return '"null"'
        if "anyOf" in node:
            return "(" + " | ".join(self.node(option, text) for option in node["anyOf"]) + ")"
        raise ValueError(f"no grammar for the schema node {node}")

    def _array(self, node: dict[str, Any], text: bool) -> str:
        item = self.node(node["items"], text)
        most = node.get("maxItems")
        more = f'("," {item})*' if most is None else " ".join(
            f'("," {item})?' for _ in range(most - 1))
        items = f"{item} {more}".strip()
        return self._rule(f'"[" {items} "]"' if node.get("minItems") else f'"[" ({items})? "]"')

    def _string(self, node: dict[str, Any], text: bool) -> str:
        """A lexeme: a JSON string of its ``pattern`` (read on the raw string: the
        patterns sent allow no quote or escape), and where it is text, holding no
        forbidden run; no longer than its ``maxLength`` where it is not."""
        cap, pattern = node.get("maxLength"), node.get("pattern")
        banned = text and pattern is None and self.forbidden is not None
        if banned:  # see the module doc: a forbidden run drops the cap
            cap = None
        key = (banned, cap, pattern)
        if key not in self._lexemes:
            parts = [_STRING]
            if cap is not None:
                parts.append(f"/.{{0,{cap + 2}}}/")  # the quotes count too
            if pattern is not None:
                body = pattern.removeprefix("^").removesuffix("$").replace("/", "\\/")
                parts.append(f'/"(?:{body})"/')
            if banned:
                parts.append(f"~/.*(?:{self.forbidden}).*/")
            self._lexemes[key] = f"TEXT{len(self._lexemes)}"
            self.rules.append(f"{self._lexemes[key]}: {' & '.join(parts)}")
        return self._lexemes[key]

    def _rule(self, body: str) -> str:
        name = f"r{len(self.rules)}"
        self.rules.append(f"{name}: {body}")
        return name


def says_run(raw: str, runs: Sequence[Run]) -> bool:
    """Whether ``raw`` (a reply's JSON as the model wrote it) says one of ``runs``: what a
    server that did not apply the grammar lets through (see the module doc)."""
    forbidden = _runs_regex(runs)
    return forbidden is not None and regex.search(forbidden, raw) is not None


def _runs_regex(runs: Sequence[Run]) -> str | None:
    """One alternation of every run, as it may stand in a JSON string's raw text."""
    found = [_GAP.join(_word(word) for word in run) for run in runs if run]
    return "|".join(dict.fromkeys(found)) or None


def _word(word: str) -> str:
    """``word`` with its first letter in either case, the rest as written (anything but a
    letter or a digit escaped by its code)."""
    first, rest = word[:1], "".join(_literal(char) for char in word[1:])
    if first.lower() != first.upper():
        return f"[{first.lower()}{first.upper()}]{rest}"
    return _literal(first) + rest


def _literal(char: str) -> str:
    """``char`` as itself, or by its code in the one form both llguidance's regexes and
    Python's ``regex`` (``says_run``) read: "\\x{2d}" for the hyphen of "Hafer-Cappuccino"
    was llguidance's alone, and crashed the check (bench, 2026-12-08)."""
    if char.isalnum():
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
