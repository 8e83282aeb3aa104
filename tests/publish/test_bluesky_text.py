"""Facets with UTF-8 byte offsets and the attempt's record key (pure; no server)."""

from __future__ import annotations

import re

from assistant.publish.bluesky_text import facets, first_link, link_target, record_key

TID_RE = re.compile(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}")
KNOWN = {"alice.test": "did:plc:alice"}


def _spans(text: str) -> list[tuple[str, str]]:
    """(feature type, the bytes the facet covers) for every facet of ``text``."""
    raw = text.encode("utf-8")
    out = []
    for facet in facets(text, KNOWN.get):
        index = facet["index"]
        kind = facet["features"][0]["$type"].rsplit("#", 1)[-1]
        out.append((kind, raw[index["byteStart"]:index["byteEnd"]].decode("utf-8")))
    return out


def test_offsets_are_utf8_bytes_after_umlauts_and_emoji() -> None:
    text = "Grüße aus der Rösterei ☕🎉 https://kaffee.example/shop #Röstfrisch mit @alice.test"
    assert _spans(text) == [("link", "https://kaffee.example/shop"), ("tag", "#Röstfrisch"),
                            ("mention", "@alice.test")]
    link = facets(text, KNOWN.get)[0]
    # 'ü', 'ß', 'ö' take 2 bytes, '☕' 3 and '🎉' 4: the link starts 8 bytes after its index
    assert link["index"]["byteStart"] == text.index("https://") + 8


def test_features_carry_target_tag_and_did() -> None:
    text = "Neu: www.kaffee.example/bohnen #Kaffee @alice.test"
    features = [f["features"][0] for f in facets(text, KNOWN.get)]
    assert features == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://www.kaffee.example/bohnen"},
        {"$type": "app.bsky.richtext.facet#tag", "tag": "Kaffee"},
        {"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:alice"},
    ]


def test_unknown_handles_emails_and_anchors_stay_plain() -> None:
    text = "Fragen an info@kaffee.example oder @niemand.test; siehe https://kaffee.example/#top"
    assert _spans(text) == [("link", "https://kaffee.example/#top")]


def test_record_key_is_a_tid_fixed_by_the_attempt() -> None:
    keys = {record_key(f"attempt-{n}") for n in range(500)}
    assert len(keys) == 500 and all(TID_RE.fullmatch(k) for k in keys)
    assert record_key("attempt-1") == record_key("attempt-1")
    assert record_key("attempt-1", "comment") != record_key("attempt-1")


def test_link_target_and_first_link() -> None:
    assert link_target("kaffee.example/x") == "https://kaffee.example/x"
    assert link_target("http://kaffee.example") == "http://kaffee.example"
    assert first_link("Kein Link hier.") is None
    assert first_link("Mehr: kaffee.de/shop und https://b.example") == "https://kaffee.de/shop"
