"""The reply's grammar that forbids runs of words (``llm.grammar``), read by llguidance, the
library the embedded model's server reads it with, one byte a token."""

from __future__ import annotations

import json
from typing import Any

import llguidance
import pytest

from assistant.brand.kit import load_kit
from assistant.drafting_form import form_for
from assistant.drafting_reply import free_reply, reply_model
from assistant.llm.grammar import run_grammar, says_run
from assistant.llm.schema import strict_schema
from tests.conftest import ROOT

NEW_YEAR = (("das", "Kontor", "zu"), ("Januar", "bleibt", "das"), ("von", "9", "bis"))


class _Bytes:
    """A tokenizer of single bytes: every text is one token per byte."""

    eos_token_id = 256
    bos_token_id = None
    tokens = [bytes([value]) for value in range(256)] + [b"<eos>"]
    special_token_ids = [256]

    def __call__(self, text: bytes | str) -> list[int]:
        return list(text if isinstance(text, bytes) else text.encode())


TOKENIZER = llguidance.LLTokenizer(llguidance.TokenizerWrapper(_Bytes()))


def _takes(grammar: str, reply: str) -> bool:
    """Whether the grammar lets the model write ``reply`` whole and stop there."""
    matcher = llguidance.LLMatcher(TOKENIZER, grammar, log_level=0)
    assert not matcher.is_error(), matcher.get_error()
    return matcher.consume_tokens(list(reply.encode())) and matcher.is_accepting()


def _free(text: str, spaced: bool = True) -> str:
    reply = {"posts": [{"platform": "facebook", "text": text, "hashtags": ["Kaffee"],
                        "alt_text": None, "first_comment": None}]}
    return json.dumps(reply, ensure_ascii=False, indent=2 if spaced else None)


@pytest.fixture(scope="module")
def free_grammar() -> str:
    return run_grammar(strict_schema(free_reply(["facebook"], 120)), NEW_YEAR)


@pytest.mark.parametrize(("text", "taken"), [
    ("Am 1. Januar ist das Kontor geschlossen.", True),
    ("Am 1. Januar bleibt das Kontor zu.", False),
    ("Am 1. JANUAR bleibt das Kontor zu? Nein: Das Kontor, zu!", False),  # case, marks
    ("Das Kontor\nzu Neujahr", False),  # an escaped line break is a gap too
    ("Das Kontor zumachen", False),  # the last word as the start of a longer one
    ("Das Kontor ist Neujahr zu.", True),
    ("Von 9bis 14 Uhr", False),  # no gap is a gap too
    ("x" * 121, True),  # beside a negation the server's lexer takes no length (module doc)
])
def test_a_text_field_may_not_say_a_run(free_grammar: str, text: str, taken: bool) -> None:
    assert _takes(free_grammar, _free(text)) is taken


def test_the_rest_of_the_reply_is_its_schema(free_grammar: str) -> None:
    assert _takes(free_grammar, _free("Frohes neues Jahr!", spaced=False))
    wrong = _free("Frohes neues Jahr!").replace('"alt_text": null', '"alt_text": "Bild"')
    assert not _takes(free_grammar, wrong)
    tags = _free("Frohes neues Jahr!", spaced=False)
    assert not _takes(free_grammar, tags.replace('["Kaffee"]', json.dumps(["a"] * 9)))
    assert _takes(free_grammar, tags.replace('["Kaffee"]', json.dumps(["a"] * 8)))
    # the platform's name is no text: it may say a run (nobody would), and its cap holds
    named = _free("Frohes neues Jahr!").replace('"facebook"', '"das Kontor zu"')
    assert _takes(free_grammar, named)
    assert not _takes(free_grammar, named.replace("das Kontor zu", "x" * 25))


@pytest.mark.parametrize("platform", ["instagram", "facebook"])
def test_a_form_forbids_the_runs_in_every_part_but_one_with_a_pattern_of_its_own(
    platform: str,
) -> None:
    """Instagram's hook, lines and call, Facebook's details: no run in any; the lines of a
    list part each hold none. Facebook's question keeps its pattern and is no text here."""
    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    form = form_for(platform, kit, False)
    assert form is not None
    grammar = run_grammar(strict_schema(reply_model(platform, form)), NEW_YEAR)
    assert grammar.count("~/") == 1  # every text field, whatever its cap, is one lexeme
    post: dict[str, Any] = {"platform": platform}
    for part in form.parts:
        post[part.name] = ["Neujahr: geschlossen", "Ab 2. Januar offen"] if part.many \
            else "Frohes neues Jahr!"
    post["question_to_readers"] = "Wie feiert ihr Neujahr, wenn das Kontor zu ist?"
    post = {name: value for name, value in post.items()
            if name == "platform" or name in {part.name for part in form.parts}}
    post |= {"hashtags": [], "alt_text": None, "first_comment": None}
    assert _takes(grammar, json.dumps({"posts": [post]}, ensure_ascii=False))
    last = form.parts[-1].name  # the call to action
    post[last] = "Am 1. Januar bleibt das Kontor zu."
    assert not _takes(grammar, json.dumps({"posts": [post]}, ensure_ascii=False))
    many = [part.name for part in form.parts if part.many]
    if many:
        post[last] = "Komm vorbei!"
        post[many[0]] = ["Neujahr: das Kontor zu", "Ab 2. Januar offen"]
        assert not _takes(grammar, json.dumps({"posts": [post]}, ensure_ascii=False))


@pytest.mark.parametrize("word", ["Hafer-Cappuccino", "Kaffee’s", "Café", "Röst🎉kurs"])
def test_a_word_with_a_mark_or_an_emoji_is_written_so_both_readers_take_it(word: str) -> None:
    """llguidance (the server) and Python's ``regex`` (``says_run``, the log's warning)
    read the run alike: "\\x{2d}" for the hyphen was llguidance's alone, and the check
    raised (bench, 2026-12-08)."""
    runs = (("unseren", word, "vor"),)
    grammar = run_grammar(strict_schema(free_reply(["facebook"], 120)), runs)
    said = f"Wir stellen unseren {word} vor."
    assert not _takes(grammar, _free(said))
    assert _takes(grammar, _free(f"Unser {word} ist da."))
    assert says_run(_free(said), runs) and not says_run(_free(f"Unser {word} ist da."), runs)
