"""Option "platform form" (issue 13 item 5c): in split mode each platform's reply has the
platform's shape, joined into the text; pure, then against the fake OpenAI server."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.briefing import text_budget
from assistant.config import load_settings
from assistant.drafting import DraftOptions, draft_posts
from assistant.drafting_form import FORMS, Form, Part, form_for, platform_form
from assistant.drafting_passes import Passes
from assistant.drafting_question import QUESTION_PATTERN, question_pattern
from assistant.drafting_reply import flat_reply, joined, reply_model, whole
from assistant.llm.schema import strict_schema
from assistant.platforms import get_platform
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript, post, requested_platforms
from tests.fakes.llm_server import FakeLLMServer, Reply

BRIEF = "Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im Laden"
FACTS = ("12. Dezember", "18 Uhr", "8 Plätze")
ON = Passes(split_platforms=True, platform_form=True)
# What the parts of each platform say: the same facts, in each platform's shape
PARTS: dict[str, dict[str, Any]] = {
    "instagram": {"hook": "Selbst rösten? Jetzt geht's los ☕",
                  "lines": ["Röstkurs am 12. Dezember", "Los geht's um 18 Uhr",
                            "Nur 8 Plätze frei"],
                  "call_to_action": "Meld dich im Laden an!"},
    "facebook": {"question_to_readers": "Wolltest du schon immer wissen, wie aus grünen "
                 "Bohnen dein Lieblingskaffee wird?",
                 "details": "Am 12. Dezember um 18 Uhr zeigen wir es dir im Kontor, mit "
                 "maximal 8 Plätzen bleibt Zeit für jede Frage.",
                 "call_to_action": "Schreib uns oder komm im Laden vorbei."},
    "linkedin": {"context": "Wer Kaffee verkauft, sollte wissen, wie Röstung den Geschmack "
                 "prägt: Das stärkt jedes Gespräch mit Kundinnen und Kunden.",
                 "details": "Unser Röstkurs am 12. Dezember beginnt um 18 Uhr und ist auf "
                 "8 Plätze begrenzt.",
                 "call_to_action": "Die Anmeldung läuft direkt bei uns im Laden."},
    "x": {"text": "Röstkurs im Kontor: 12. Dezember, 18 Uhr, 8 Plätze. Anmelden im Laden!"},
}


@pytest.fixture()
def kit() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")


def _post_schema(platform: str, kit: BrandKit) -> dict[str, Any]:
    form = form_for(platform, kit, False)
    assert form is not None
    schema = strict_schema(reply_model(platform, form))
    assert schema["properties"]["posts"]["maxItems"] == 1
    return next(iter(schema["$defs"].values()))["properties"]  # type: ignore[no-any-return]


def test_each_platform_gets_its_own_shape(kit: BrandKit) -> None:
    instagram = _post_schema("instagram", kit)
    assert [k for k in instagram if k not in {"platform", "hashtags", "alt_text",
                                              "first_comment"}] == ["hook", "lines",
                                                                    "call_to_action"]
    # the hook stays above Instagram's "more" fold, the ad label before it included
    fold = get_platform("instagram").fold
    assert fold is not None and instagram["hook"]["maxLength"] + len("Werbung | ") <= fold
    assert (instagram["lines"]["minItems"], instagram["lines"]["maxItems"]) == (2, 3)
    assert "text" not in instagram
    assert _post_schema("facebook", kit)["question_to_readers"]["pattern"].endswith(r"\?$")
    assert {"context", "details", "call_to_action"} <= set(_post_schema("linkedin", kit))
    for short in ("x", "bluesky", "threads", "mastodon"):
        budget = text_budget(get_platform(short), kit)
        assert _post_schema(short, kit)["text"]["maxLength"] == budget
    assert _post_schema("x", kit)["text"]["maxLength"] < 280
    assert form_for("tiktok", kit, False) is None and form_for("pinterest", kit, False) is None


@pytest.mark.parametrize(("question", "fits"), [
    ("Wolltest du schon immer wissen, wie aus grünen Bohnen dein Kaffee wird?", True),
    ("Kennst du schon unseren Röstkurs am 12. Dezember?", True),
    ("Habt ihr Lust auf einen Abend in der Rösterei?", True),
    ("Möchten Sie wissen, wie wir rösten?", True),
    ("Lust auf Kaffee aus Kolumbien?", True),
    ("Ever wondered why your filter coffee tastes of paper?", True),
    ("What would you monitor first?", True),
    # one sentence only, begun as a question: Facebook drafts of the bench (2026-12-02)
    ("Hey! Kennst du schon unseren Röstkurs?", False),
    ("Hier ist ein Röstkurs für dich! Du kannst dich per Mail anmelden. Wir sind nicht nur "
     "ein Café?", False),
    ("Wir sind nicht nur ein Café?", False),
    ("Bewerbung per Mail an moin@moewenbohne.example?", False),
    ("Möwenbohneischeeröstereiwartet dich am 12. Dezember um 18 Uhr?", False),
    ("Probierst du den neuen Filterkaffee aus Kolumbien?", True),
    ("Gibt es bei dir schon Weihnachtskaffee?", True),
    ("Habt ihr schon Pläne für Silvester?", True),
    # both from the platform form's Facebook drafts (bench, 2026-11-30)
    ("Was ist der Schluss der Weihnachtszeit für Möwenbohne Kaffeekontor??", False),
    ("Lass uns herausfinden!?", False),
    ("Möwenbohne Kaffeekontor sucht Barista in Teilzeit! Bewerbung per Mail:?", False),
    ("Kommst du,?", False),
    ("Kurz?", False),
    ("Eine Frage?\nZwei Zeilen?", False),
])
def test_the_facebook_question_is_one_question(question: str, fits: bool) -> None:
    assert bool(re.fullmatch(QUESTION_PATTERN.strip("^$"), question)) is fits


def test_the_facebook_question_asks_in_the_kits_form_of_address(kit: BrandKit) -> None:
    """Offered "Möchten Sie", the coffee kit's (du) question came out in Sie (bench,
    2026-12-02); its form offers the du-verbs only, a Sie-kit's the Sie-verbs."""
    form = form_for("facebook", kit, False)
    assert form is not None and kit.formality == "du"
    pattern = next(p.schema["pattern"] for p in form.parts if p.name == "question_to_readers")
    asks = {text: bool(re.fullmatch(pattern.strip("^$"), text)) for text in (
        "Möchtest du dich für den Röstkurs anmelden?", "Habt ihr Lust auf den Röstkurs?",
        "Möchten Sie sich für den Röstkurs anmelden?", "Was gibt es Neues im Kontor?")}
    assert asks == {"Möchtest du dich für den Röstkurs anmelden?": True,
                    "Habt ihr Lust auf den Röstkurs?": True,
                    "Möchten Sie sich für den Röstkurs anmelden?": False,
                    "Was gibt es Neues im Kontor?": True}
    formal = re.compile(question_pattern("Sie").strip("^$"))
    assert formal.fullmatch("Möchten Sie sich für den Röstkurs anmelden?")
    assert not formal.fullmatch("Möchtest du dich für den Röstkurs anmelden?")


def test_the_reader_question_opens_with_a_verb_to_the_reader(kit: BrandKit) -> None:
    """With ``draft_reader_question`` no question word opens it: "Was ist der Röstkurs am
    12. Dezember?" asked the readers about the brief's own facts (bench, 2026-12-04)."""
    passes = Passes(split_platforms=True, platform_form=True, reader_question=True)
    form = platform_form(passes, ["facebook"], kit, False)
    assert form is not None
    pattern = next(p.schema["pattern"] for p in form.parts if p.name == "question_to_readers")
    asks = {text: bool(re.fullmatch(pattern.strip("^$"), text)) for text in (
        "Kennst du schon unseren Röstkurs am 12. Dezember?", "Hast du Lust auf einen Röstkurs?",
        "Lust auf einen Röstkurs im Kontor?", "Do you rinse your paper filter first?",
        "Was ist der Röstkurs am 12. Dezember?", "Wie geht es mit der Weihnachtsmischung?",
        "Möchten Sie sich für den Röstkurs anmelden?")}
    assert [text for text, fits in asks.items() if fits] == [
        "Kennst du schon unseren Röstkurs am 12. Dezember?", "Hast du Lust auf einen Röstkurs?",
        "Lust auf einen Röstkurs im Kontor?", "Do you rinse your paper filter first?"]
    default = platform_form(replace(passes, reader_question=False), ["facebook"], kit, False)
    assert default is not None and any(
        re.fullmatch(p.schema["pattern"].strip("^$"), "Was ist der Röstkurs am 12. Dezember?")
        for p in default.parts if p.name == "question_to_readers")


def test_the_facebook_hook_opens_the_post_instead_of_a_question(kit: BrandKit) -> None:
    """With ``draft_facebook_hook`` Facebook's post opens with Instagram's free hook line: the
    question the grammar forced asked nonsense ("Was ist der Silvester-Tag für uns?", bench,
    2026-12-05). Its details and call to action stay, and the hook is told to leave the
    brief's date, time and price to the details (``draft_bare_hook``)."""
    passes = Passes(split_platforms=True, platform_form=True, facebook_hook=True)
    form = platform_form(passes, ["facebook"], kit, False)
    assert form is not None
    assert [part.name for part in form.parts] == ["hook", "details", "call_to_action"]
    assert form.layout == (("hook",), ("details", "call_to_action"))
    hook = form.parts[0]
    assert "pattern" not in hook.schema and hook.schema["maxLength"] == FORMS["instagram"].parts[
        0].schema["maxLength"]
    assert "not its date, time or price" in hook.purpose
    post = joined(form, {**PARTS["facebook"], "hook": "Selbst rösten, mit uns im Kontor!"})
    assert post.startswith("Selbst rösten, mit uns im Kontor!\n\n") and "18 Uhr" in post
    question = platform_form(replace(passes, facebook_hook=False), ["facebook"], kit, False)
    assert question is not None and question.parts[0].name == "question_to_readers"


def test_the_linkedin_hook_takes_the_place_of_its_context(kit: BrandKit) -> None:
    """With ``draft_linkedin_hook`` LinkedIn's post opens with the hook line instead of the
    paragraph on why the news matters; its facts and call to action stay paragraphs of
    their own. Off, the context paragraph opens it as before."""
    passes = Passes(split_platforms=True, platform_form=True, linkedin_hook=True)
    form = platform_form(passes, ["linkedin"], kit, False)
    assert form is not None
    assert [part.name for part in form.parts] == ["hook", "details", "call_to_action"]
    assert form.layout == (("hook",), ("details",), ("call_to_action",))
    assert "not its date, time or price" in form.parts[0].purpose
    post = joined(form, {"hook": "Selbst rösten lernen", "details": "Am 12. Dezember, 18 Uhr.",
                         "call_to_action": "Meld dich an!"})
    assert post == "Selbst rösten lernen\n\nAm 12. Dezember, 18 Uhr.\n\nMeld dich an!"
    context = platform_form(replace(passes, linkedin_hook=False), ["linkedin"], kit, False)
    assert context is not None and context.parts[0].name == "context"


def test_the_linkedin_list_gives_its_facts_as_label_lines(kit: BrandKit) -> None:
    """With ``draft_linkedin_list`` LinkedIn's facts come as "label: value" lines, which a
    shorter platform's restated brief cannot be; its context is told to leave them to the
    lines, and the server's grammar holds each line to a label and a value."""
    passes = Passes(split_platforms=True, platform_form=True, linkedin_list=True)
    form = platform_form(passes, ["linkedin"], kit, False)
    assert form is not None
    details = next(part for part in form.parts if part.name == "details")
    assert details.many and details.facts and details.schema["items"]["required"] == [
        "label", "value"]
    assert "not its date, time, price or number" in form.parts[0].purpose
    post = joined(form, {"context": "Selbst rösten lernen.", "details": [
        {"label": "Wann", "value": "12. Dezember, 18 Uhr"},
        {"label": "Plätze:", "value": "maximal 8"}], "call_to_action": "Meld dich an!"})
    assert post == ("Selbst rösten lernen.\n\nWann: 12. Dezember, 18 Uhr\nPlätze: maximal 8"
                    "\n\nMeld dich an!")
    schema = strict_schema(reply_model("linkedin", form))
    assert "label" in str(schema) and "maxItems" in str(schema)
    sentences = platform_form(replace(passes, linkedin_list=False), ["linkedin"], kit, False)
    assert sentences is not None and not next(
        part for part in sentences.parts if part.name == "details").many


def test_the_parts_join_in_each_platforms_layout() -> None:
    instagram = joined(FORMS["instagram"], {**PARTS["instagram"], "lines": ["a", " ", "b"]})
    assert instagram == "Selbst rösten? Jetzt geht's los ☕\na\nb\nMeld dich im Laden an!"
    facebook = joined(FORMS["facebook"], PARTS["facebook"])
    question, rest = facebook.split("\n\n")
    assert question.endswith("?") and rest.endswith("im Laden vorbei.") and "18 Uhr" in rest
    linkedin = joined(FORMS["linkedin"], PARTS["linkedin"])
    assert linkedin.count("\n\n") == 2 and linkedin.startswith("Wer Kaffee")
    assert joined(FORMS["linkedin"], {**PARTS["linkedin"], "details": " "}).count("\n\n") == 1


def test_every_free_part_is_capped(kit: BrandKit) -> None:
    """Without caps the model once wrote until the token limit cut the reply, twice."""
    for platform in ("instagram", "facebook", "linkedin"):
        post = _post_schema(platform, kit)
        for name, part in post.items():
            if part.get("type") == "null":  # alt text without an image, the first comment
                continue
            cap = part.get("maxLength") or part.get("items", {}).get("maxLength") \
                or part.get("pattern") or next((alt.get("maxLength") for alt in
                                                part.get("anyOf", []) if "maxLength" in alt),
                                               None)
            assert cap, (platform, name)
        assert post["hashtags"]["maxItems"] == 8


def test_a_part_cut_at_its_cap_ends_at_its_last_sentence() -> None:
    cut = "Der Kurs ist am 12. Dezember. Es gibt 8 Plätze. Meld dich im La"
    form = FORMS["linkedin"]
    cap = len(cut)
    parts = {"context": "Warum?", "details": cut, "call_to_action": "Komm vorbei!"}
    capped = Form(tuple(Part(p.name, p.purpose, {"maxLength": cap}) for p in form.parts),
                  form.layout)
    details = joined(capped, parts).split("\n\n")[1]
    assert details == "Der Kurs ist am 12. Dezember. Es gibt 8 Plätze."
    # a date's dot ends no sentence (CLI, 2026-12-01)
    hook = "Möwenbohne Kaffeekontor: Barista-Kurs am Samstag, 14. Dezember, 10 Uhr im Kontor: Mi"
    assert whole(hook, len(hook)) == hook.removesuffix(": Mi")
    # no sentence end in the second half: back to the last clause's end (bench 2026-12-02)
    cut = ("Jetzt Cold Brew zu Hause! 70 g grob gemahlener Kaffee auf 1 Liter kaltes "
           "Wasser, 16 Stunden im Kühl")
    assert whole(cut, len(cut)) == cut.removesuffix(", 16 Stunden im Kühl")
    assert whole("Kurz, dann geht es hier immer weiter und weiter im Te", 53).endswith("Te")
    # a decimal comma is no clause's end: "11,90" stays whole
    price = "Neuer Filterkaffee aus Kolumbien mit Noten von Kakao ab Samstag für 11,90"
    assert whole(price, len(price)) == price
    assert whole("Kurz und gut", 50) == "Kurz und gut"  # under the cap: untouched
    assert whole("Ohne Satzende geht es hier immer weiter und we", 46).endswith("we")


def test_a_part_the_grammar_stopped_a_token_short_of_its_cap_is_cut_too() -> None:
    """The grammar ends a string when the next token would overrun the cap: an X post
    stopped at 122 of 123 characters, mid-sentence (CLI, 2026-11-30)."""
    text = ("We're hiring a senior data engineer to work on the alerting engine (Python, "
            "Postgres). Join us in our remote office within")
    assert whole(text, len(text) + 1) == text[:text.index(")") + 2]
    for closed in ("Frohe Weihnachten! Wir sehen uns im neuen Jahr 🎄",
                   "Alles zum Kurs: https://moewenbohne.example/kurs",
                   "Der Kurs ist am 12. Dezember. Es gibt 8 Plätze. Meld dich an!"):
        assert whole(closed, len(closed) + 5) == closed  # ends whole: left as it is
    assert whole("Kurz. Und gut", 50) == "Kurz. Und gut"  # far under the cap


def test_the_form_applies_only_with_the_option_in_split_mode(kit: BrandKit) -> None:
    assert platform_form(ON, ["instagram"], kit, False) is not None
    assert platform_form(Passes(split_platforms=False, platform_form=True),
                         ["instagram"], kit, False) is None
    assert platform_form(Passes(split_platforms=True), ["instagram"], kit, False) is None


def test_the_option_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().draft_platform_form  # on: chosen by the bench (2026-11-30)
    monkeypatch.setenv("POSTWERK_DRAFT_PLATFORM_FORM", "false")
    assert not load_settings().draft_platform_form
    assert not Passes.from_settings(load_settings()).platform_form


class PartsScript:
    """Replies in the shape each request's schema asks for; ``parts(platform, call)``."""

    def __init__(self, parts: Any = None) -> None:
        self.parts = parts or (lambda platform, call: PARTS[platform])
        self.calls: list[dict[str, Any]] = []

    def __call__(self, body: dict[str, Any]) -> Reply:
        call = len(self.calls)
        self.calls.append(body)
        platform = requested_platforms(body)[0]
        reply = {**post(platform, ""), **self.parts(platform, call)}
        reply.pop("text") if "text" not in _fields(body) else None
        return Reply.json({"posts": [reply]}, usage=(900, 150, 0))


def _fields(body: dict[str, Any]) -> list[str]:
    schema = body["response_format"]["json_schema"]["schema"]
    item = schema["properties"]["posts"]["items"]
    found = schema["$defs"][item["$ref"].split("/")[-1]] if "$ref" in item else item
    return list(found["properties"])


def _options(**overrides: Any) -> DraftOptions:
    return DraftOptions(settings=load_settings(**overrides))


def test_facebook_opens_with_its_hook_by_default(fake_llm: FakeLLMServer,
                                                 kit: BrandKit) -> None:
    """``draft_facebook_hook`` is on: the request asks for a hook, not a question, and the
    post opens with the hook the reply gives (bench/README.md, 2026-12-05)."""
    hook = "Selbst rösten, mit uns im Kontor!"
    script = PartsScript(lambda platform, call: {
        key: value for key, value in {**PARTS[platform], "hook": hook}.items()
        if key != "question_to_readers"})
    fake_llm.responder = script
    [draft] = draft_posts(kit, BRIEF, ["facebook"], options=_options())
    fields = _fields(script.calls[0])
    assert "hook" in fields and "question_to_readers" not in fields
    assert draft.text.startswith(hook + "\n\n")
    assert all(fact in draft.text for fact in FACTS), draft.text


def test_parted_replies_give_distinct_texts_with_every_fact(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = PartsScript()
    fake_llm.responder = script
    platforms = ["instagram", "facebook", "linkedin"]
    drafts = draft_posts(kit, BRIEF, platforms, options=_options(
        draft_split_platforms=True, draft_platform_form=True, draft_facebook_hook=False))
    asked = {requested_platforms(c)[0]: c for c in script.calls}
    assert _fields(asked["instagram"])[1:4] == ["hook", "lines", "call_to_action"]
    assert "question_to_readers" in _fields(asked["facebook"])
    user = asked["instagram"]["messages"][-1]["content"]
    assert '"hook": one short line' in user
    systems = {c["messages"][0]["content"] for c in script.calls}
    assert len(systems) == 1  # the prefix cache: one system text for every platform
    assert [d.platform for d in drafts] == platforms
    assert drafts[0].text.startswith("Selbst rösten? Jetzt geht's los ☕\nRöstkurs am")
    assert drafts[1].text.split("\n\n")[0].endswith("Lieblingskaffee wird?")
    for draft in drafts:
        assert all(fact in draft.text for fact in FACTS), draft.text
        assert not any(p.code == "same_text_as" for p in draft.problems), draft.problems


def test_a_repair_keeps_the_platforms_shape(fake_llm: FakeLLMServer, kit: BrandKit) -> None:
    def parts(platform: str, call: int) -> dict[str, Any]:
        # in the hook, the first line: a leftover there is never struck, it is repaired
        broken = {"hook": "Selbst rösten mit [Name] ☕"}
        return {**PARTS[platform], **(broken if call == 0 else {})}

    script = PartsScript(parts)
    fake_llm.responder = script
    drafts = draft_posts(kit, BRIEF, ["instagram"], options=_options(
        draft_split_platforms=True, draft_platform_form=True))
    assert len(script.calls) == 2 and "Rewrite only" in script.calls[1]["messages"][-1]["content"]
    first, repair = (c["response_format"]["json_schema"] for c in script.calls)
    assert repair == first and first["name"] == "InstagramFormReply"
    assert drafts[0].text.endswith("Meld dich im Laden an!")
    assert not any(p.code == "placeholder" for p in drafts[0].problems)


def test_x_is_asked_for_one_text_held_to_its_budget(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = PartsScript()
    fake_llm.responder = script
    drafts = draft_posts(kit, BRIEF, ["x"], options=_options(
        draft_split_platforms=True, draft_platform_form=True))
    sent = script.calls[0]["response_format"]["json_schema"]["schema"]
    assert sent["$defs"]["XFormPost"]["properties"]["text"]["maxLength"] == text_budget(
        get_platform("x"), kit)
    assert drafts[0].text.startswith(PARTS["x"]["text"])


@pytest.mark.usefixtures("one_call_per_brief")
def test_one_call_for_all_platforms_is_unchanged_by_the_option(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = DraftScript()
    fake_llm.responder = script
    platforms = ["instagram", "x"]
    draft_posts(kit, BRIEF, platforms, options=_options(draft_platform_form=True,
                                                        draft_split_platforms=False))
    draft_posts(kit, BRIEF, platforms, options=_options(draft_platform_form=False,
                                                        draft_split_platforms=False))
    with_form, without = (c for c in script.calls if len(c["messages"]) == 2)
    assert with_form["messages"] == without["messages"]
    assert with_form["response_format"] == without["response_format"]
    assert with_form["response_format"]["json_schema"]["name"] == "DraftReply"


def test_a_reply_that_ignores_the_shape_is_read_as_one_text(kit: BrandKit) -> None:
    """An endpoint without strict schemas may answer with the usual one "text"."""
    form = form_for("instagram", kit, False)
    assert form is not None
    shape = reply_model("instagram", form)
    reply = shape.model_validate({"posts": [{"platform": "instagram",
                                             "text": "Röstkurs am 12. Dezember!",
                                             "hashtags": ["Kaffee"]}]})
    flat = flat_reply(form, reply)
    assert flat["posts"][0]["text"] == "Röstkurs am 12. Dezember!"
    assert flat["posts"][0]["hashtags"] == ["Kaffee"]


def test_the_parting_round_asks_in_the_platforms_form(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    """Option off: both platforms came back with one text, and the 1.5B model wrote it again
    when asked in words to write it differently. The parting rewrite asks for the
    platform's parts instead, so the texts part."""
    same = "Röstkurs am 12. Dezember um 18 Uhr, maximal 8 Plätze: Anmeldung im Laden."
    calls: list[dict[str, Any]] = []

    def responder(body: dict[str, Any]) -> Reply:
        calls.append(body)
        platform = requested_platforms(body)[0]
        shaped = "text" not in _fields(body)
        reply = {**post(platform, "" if shaped else same), **(PARTS[platform] if shaped else {})}
        reply.pop("text") if shaped else None
        return Reply.json({"posts": [reply]}, usage=(900, 150, 0))

    fake_llm.responder = responder
    drafts = draft_posts(kit, BRIEF, ["instagram", "facebook"], options=_options(
        draft_split_platforms=True, draft_platform_form=False, draft_parting_candidates=1))
    shaped = [body for body in calls if "text" not in _fields(body)]
    assert len(shaped) == 1 and "question_to_readers" in _fields(shaped[0])
    assert '"question_to_readers": a question' in shaped[0]["messages"][-1]["content"]
    by = {draft.platform: draft for draft in drafts}
    assert by["instagram"].text == same
    assert by["facebook"].text.split("\n\n")[0].endswith("Lieblingskaffee wird?")
    assert not any(p.code == "same_text_as" for d in drafts for p in d.problems)


def test_the_budget_leaves_room_for_the_link_as_the_platform_counts_it(kit: BrandKit) -> None:
    """Bluesky counts every character of a tagged link, X 23 for a link it recognises and
    every character of one it does not (".example"): the model is told what is left. The
    bench's X and Bluesky drafts with a link came back too long."""
    tagged = ("https://shop.moewenbohne.example/kolumbien?utm_source=bluesky&utm_medium=social"
              "&utm_campaign=social")
    bluesky, x, instagram = (get_platform(p) for p in ("bluesky", "x", "instagram"))

    def room(platform: Any, link: str) -> int:  # the budget keeps 90 % of what is left
        return round((text_budget(platform, kit) - text_budget(platform, kit, link=link)) / 0.9)

    assert abs(room(bluesky, tagged) - (len(tagged) + 2)) <= 1
    assert abs(room(x, "https://moewenbohne.de/k") - 25) <= 1
    assert abs(room(x, tagged) - (len(tagged) + 2)) <= 1
    assert room(instagram, tagged) < 20  # "Link in Bio" stands there instead
    form = form_for("bluesky", kit, False, tagged)
    assert form is not None
    assert form.parts[0].schema["maxLength"] == text_budget(bluesky, kit, link=tagged)
