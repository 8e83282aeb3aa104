"""A drafting call's reply: the response model sent (a free text capped, or a platform
form's parts) and how its parts are joined into the one text every check reads. Split from
``drafting_form`` (the forms themselves); see its module doc for why the shape matters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, create_model

from assistant.drafting_form import TAGS, Form, Part
from assistant.quality.textnorm import (
    CLAUSE_CUT,
    CLOSING_TOKEN,
    mask_addresses,
    sentence_spans,
)

# characters a grammar's cut can stop short of a cap: a token of the 1.5B model's
# vocabulary is rarely longer
TOKEN_SLACK = 12
_CLOSED_END = regex.compile(rf"(?:[.!?…)\]\"'»«“”]|{CLOSING_TOKEN})\s*\Z")


# the fields every post of a reply has besides its text; in the schema sent, alt text only
# when an image is attached (the prompt says so too) and never a first comment: nobody asks
# for one, and every one the 1.5B model wrote unasked had a finding (bench, 2026-11-30)
def _null_only(schema: dict[str, Any]) -> None:
    schema.clear()  # pydantic's anyOf of str | None would stay beside an added "type"
    schema["type"] = "null"


def _short_or_none(cap: int) -> dict[str, Any]:
    # the cap inside the string branch: beside "anyOf" a grammar may not apply it
    return {"anyOf": [{"type": "string", "maxLength": cap}, {"type": "null"}]}


def post_extras(images: bool) -> dict[str, Any]:
    """The hashtags, alt text and first comment fields of a post model. Only the schema
    sent is narrowed: a reply that has them anyway (an endpoint that ignores the schema) is
    read, and its first comment checked."""
    alt: Any = _short_or_none(500) if images else _null_only
    return {"hashtags": (list[str], Field(default_factory=list, json_schema_extra=TAGS)),
            "alt_text": (str | None, Field(None, json_schema_extra=alt)),
            "first_comment": (str | None, Field(None, json_schema_extra=_null_only))}


def free_reply(platforms: Sequence[str], cap: int, images: bool = False) -> type[BaseModel]:
    """The response model of a call without a form: ``DraftReply``'s shape with every field
    bounded in the schema sent (the text by ``cap``, a platform's name, at most one post per
    platform), and nothing enforced when parsing (an endpoint that ignores the schema gets
    its reply read as before)."""
    fields: dict[str, Any] = {
        "platform": (str, Field(json_schema_extra={"maxLength": 24})),
        "text": (str, Field(json_schema_extra={"maxLength": cap})),
    } | post_extras(images)
    post = create_model("PostReply", **fields)
    posts = Field(json_schema_extra={"minItems": 1, "maxItems": len(platforms)})
    return create_model("DraftReply", posts=(list[post], posts))  # type: ignore[valid-type]


def free_texts(reply: BaseModel, cap: int) -> dict[str, Any]:
    """A free reply as ``DraftReply``'s dict, each text that filled its cap cut back to its
    last whole sentence (:func:`whole`)."""
    posts = [post.model_dump() for post in getattr(reply, "posts", [])]
    return {"posts": [post | {"text": whole(post["text"], cap)} for post in posts]}


def reply_model(platform: str, form: Form, images: bool = False) -> type[BaseModel]:
    """The response model of one platform's call: its post with the form's parts (each
    required in the schema sent; a part missing from a reply is read as empty)."""
    fields: dict[str, Any] = {"platform": (str, Field(json_schema_extra={"maxLength": 24}))}
    for part in form.parts:
        kind: Any = (list[Any] if _pairs(part) else list[str]) if part.many else str
        empty: Any = list if part.many else str
        fields[part.name] = (kind, Field(default_factory=empty,
                                         json_schema_extra=dict(part.schema)))
    fields |= post_extras(images)
    title = "".join(word.title() for word in platform.split("_"))
    # extra keys are kept for ``flat_reply`` (the schema sent still forbids them)
    post = create_model(f"{title}FormPost", __config__=ConfigDict(extra="allow"), **fields)
    # one platform per call: one post (the 1.5B model wrote a post for each of several
    # platforms nobody asked for)
    posts = Field(json_schema_extra={"minItems": 1, "maxItems": 1})
    return create_model(f"{title}FormReply", posts=(list[post], posts))  # type: ignore[valid-type]


def _pairs(part: Part) -> bool:
    return part.schema.get("items", {}).get("type") == "object"


def _line(item: Any) -> str:
    """One item of a list part as its line: "label: value" for a pair."""
    if isinstance(item, dict):
        label, value = str(item.get("label") or "").strip(), str(item.get("value") or "").strip()
        return f"{label.rstrip(':')}: {value}" if label and value else value
    return str(item).strip() if item else ""


def whole(value: str, cap: int | None) -> str:
    """A part that filled its cap was cut by the grammar, maybe mid-word: back to its last
    sentence end when that keeps at least half of it (else as it is, for the checks). A
    dot or "?" inside a web address ends no sentence: cut there, the link would break; nor
    does the dot of a date ("14. Dezember": an Instagram hook cut back to "... am Samstag,
    14.", CLI, 2026-12-01).

    The grammar ends a string when its next token would overrun the cap, so a cut part
    may stop a few characters short of it ("... Join us in our remote office within", 122
    of 123, an X post on the CLI, 2026-11-30): within TOKEN_SLACK of the cap, a part that
    does not end in a mark, an emoji or an address counts as cut too."""
    if cap is None or not _at_cap(value, cap):
        return value
    if len(value) < cap and _CLOSED_END.search(value):
        return value
    # sentences as the checks read them: a date's dot or an address's ends none
    masked = mask_addresses(value)
    ends = [end for _, end in sentence_spans(value) if masked[end - 1] in ".!?"]
    if ends and ends[-1] > cap // 2:
        return value[:ends[-1]]
    # no sentence ends late enough: back to the last clause's end, so that no cut word
    # stays ("... 1 Liter kaltes Wasser, 16 Stunden im Kühl", a ready Instagram hook whose
    # next line began anew, bench 2026-12-02)
    clauses = [found.start() for found in CLAUSE_CUT.finditer(masked)]
    return value[:clauses[-1]] if clauses and clauses[-1] > cap // 2 else value


def joined(form: Form, values: Mapping[str, Any]) -> str:
    """The post's text: the parts in the form's layout, empty parts dropped."""
    caps = {part.name: part.schema.get("maxLength", part.schema.get("items", {}).get(
        "maxLength")) for part in form.parts}
    paragraphs: list[list[tuple[str, int | None]]] = []
    for names in form.layout:
        pieces: list[tuple[str, int | None]] = []
        for name in names:
            value = values.get(name)
            items = value if isinstance(value, list) else [value]
            cap = caps.get(name)
            pieces += [(line, cap) for line in map(_line, items) if line]
        if paragraphs and pieces:
            # a paragraph that goes on with the sentence the last one was cut in
            together = _rejoined([paragraphs[-1][-1], pieces[0]])
            if len(together) == 1:
                paragraphs[-1][-1] = together[0]
                pieces = pieces[1:]
        if pieces:
            paragraphs.append(pieces)
    return form.paragraph_sep.join(
        form.line_sep.join(whole(text, cap) for text, cap in _rejoined(paragraph))
        for paragraph in paragraphs)


def _rejoined(pieces: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """The pieces of a paragraph, a cut one joined to the next where the model began the
    cut word again there: Instagram's hook stopped at its cap ("... auf 1 Liter kaltes W",
    "... ab Samstag im K") and the first line went on with the whole word ("Wasser, 16
    Stunden ...", "Kontor und im Shop"; bench, 2026-11-30); or where the next goes on with
    the cut sentence in small letters ("... geschlossen vom 24. bis 26. Dezember, aber wir
    sind" / "wieder für euch da ab dem 27. Dezember.", bench 2026-12-02). The same holds
    from one paragraph to the next (:func:`joined`): LinkedIn's context cut at its cap
    ("... This helps you catch schema changes that would") and its details went on in small
    letters ("break your dbt, Airflow, or Dagster pipelines before they cause problems."),
    in 3 of 4 LinkedIn replies of one English brief (CLI, 2026-12-07). Cut back to its last
    sentence end, the context lost the sentence's head, and the details' first line, written
    large by ``linestart``, said the opposite ("Break your dbt ... pipelines"). The pieces as
    the model wrote them, each with its cap; a joined one has none (it is whole)."""
    out: list[tuple[str, int | None]] = []
    for text, cap in pieces:
        if out:
            last, last_cap = out[-1]
            fragment = _cut_word(last, last_cap)
            first = text.split(maxsplit=1)[0]
            if fragment and len(first) > len(fragment) and \
                    first.casefold().startswith(fragment.casefold()):
                out[-1] = (last[:len(last) - len(fragment)] + text, None)
                continue
            if _goes_on(last, last_cap, text):
                out[-1] = (f"{last.rstrip()} {text}", None)
                continue
        out.append((text, cap))
    return out


def _goes_on(last: str, cap: int | None, text: str) -> bool:
    """Whether ``text`` goes on with the sentence that the cap cut ``last`` off in: it
    begins with a small letter and ``last`` filled its cap without a closing mark."""
    return (cap is not None and _at_cap(last, cap) and not _CLOSED_END.search(last)
            and text[:1].islower())


def _at_cap(text: str, cap: int) -> bool:
    """Whether ``text`` may have been cut by its grammar cap: it is within TOKEN_SLACK of
    it (the grammar ends a string when the next token would overrun the cap)."""
    return len(text) >= cap - TOKEN_SLACK


def _cut_word(text: str, cap: int | None) -> str | None:
    """The letters a part that filled its cap ends in, if it ends in letters."""
    if cap is None or not _at_cap(text, cap):
        return None
    found = regex.search(r"\p{L}+\Z", text)
    return found.group() if found else None


def flat_reply(form: Form, reply: BaseModel) -> dict[str, Any]:
    """A form reply as the one-"text" reply drafting reads (``DraftReply``'s shape). An
    endpoint that ignored the schema and sent one "text" instead of the parts (a hosted
    API without strict schemas) is read as it is."""
    posts = []
    for post in getattr(reply, "posts", []):
        values = post.model_dump()
        text = joined(form, values) or str((post.model_extra or {}).get("text") or "")
        posts.append({"platform": values["platform"], "text": text,
                      "hashtags": values["hashtags"], "alt_text": values["alt_text"],
                      "first_comment": values["first_comment"]})
    return {"posts": posts}
