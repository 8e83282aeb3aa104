"""A post that reads as cut off: it ends in "...", a colon, an open quotation, a sentence
with no mark, or a line or paragraph stops inside a sentence (pure). Split from
``placeholders``: ``cut_off`` is a warning that tidy may clear by striking the broken
sentence, a leftover an error.
"""

from __future__ import annotations

from functools import partial

import regex

from assistant.brand.schema import EMOJI_CHARS
from assistant.models import Problem
from assistant.quality.calls import brief_parts
from assistant.quality.context import Reading, first_found
from assistant.quality.linkbio import ends_in_pointer
from assistant.quality.quotes import stray_quote
from assistant.quality.textnorm import CLOSING_TOKEN, sentence_spans, strip_markup, words

# the end of a post: trailing tags, emoji and spaces do not count
_TRAILING = regex.compile(rf"(?:\s|#\w+|[{EMOJI_CHARS}])*\Z")
_CUT = regex.compile(r"(?:\.{2,}|…)\Z")


# a last sentence this long without a mark stops mid-sentence ("Es ist ideal geeignet, für
# jeden, der sich mit dem Thema"); a shorter one is a call to action ("Komm vorbei im Kontor
# oder bestell im Shop – Link im Profil"), and an emoji, a link or an address closes one
_OPEN_WORDS = 10
# ... and this long when it goes on the line of a sentence that ends in a mark: "...
# testing dbt models. Join us for a deep dive into the world" (a ready X post, bench
# 2026-12-07). A call to action without a mark stands on a line of its own; none of the
# kits' examples ends so
_OPEN_AFTER_WORDS = 6
# the words a last sentence must share with the end of a brief's part to end as it ends
# (fewer when the part is shorter, but two at least: "per Mail", not "Mail")
_BRIEF_END_WORDS = 3
_MIN_BRIEF_END = 2
_TAGS_AFTER = regex.compile(r"(?:\s|#\w+)*\Z")
_LAST_SENTENCE = regex.compile(r"(?:^|[.!?…:;\n])([^.!?…:;\n]*)\Z")
_LINK_LINE = regex.compile(r"\s*\n[ \t]*https?://\S+\s*\Z")
_CLOSED = regex.compile(rf"(?:[.!?…:;)\]\"'»«“”\ufe0f\u200d]|{CLOSING_TOKEN})\Z")


def cut_off_problems(text: str, brief: str | None = None) -> list[Problem]:
    """A post that reads as cut off, by the first of ``_CUT_READINGS`` that finds it: one
    that ends in an ellipsis ("Mehr..." with nothing after it), in a colon (what it
    announces is missing: "Hier ist der Link zur Anmeldung:" with no link, or a list
    announced over the link alone), inside a quotation that „ opened, or whose last
    sentence runs on for ten words or more with no mark (unless it ends as a part of
    ``brief`` ends), and a paragraph or line that stops inside a sentence."""
    if not brief:
        return first_found("cut_off", text, _CUT_READINGS)
    *others, (_, message) = _CUT_READINGS
    return first_found("cut_off", text,
                       (*others, (partial(_open_last_sentence, brief=brief), message)))


def _last_words(text: str) -> str:
    return " ".join(text.split()[-4:])


def _end(text: str) -> str:
    """The post without the tags, emoji and spaces at its end."""
    return _TRAILING.sub("", text)


def _ellipsis_end(text: str) -> str | None:
    end = _end(text)
    return _last_words(end) if _CUT.search(end) is not None else None


def _colon_end(text: str) -> str | None:
    end = _end(text)
    return _last_words(end) if end.endswith(":") else None


# a colon that announces things the post would list: "Hier sind einige der Gründe, warum
# wir dies tun:" with only the link after it (a ready LinkedIn draft, bench 2026-12-07);
# "Alle Infos und Anmeldung:" over the link points to it and passes
_PRESENTS = regex.compile(r"(?i)\b(?:hier\s+sind|das\s+sind|folgende\w*|einige|ein\s+paar|"
                          r"here\s+are|these\s+are|the\s+following|some|a\s+few|\d+)\b")
_LISTED = regex.compile(r"(?i)\b(?:Gründe|Tipps|Schritte|Vorteile|Möglichkeiten|Punkte|"
                        r"Beispiele|Ideen|Funktionen|reasons|tips|steps|ways|benefits|"
                        r"features|examples|ideas|things)\b")


def _list_over_link(text: str) -> str | None:
    """The last words of a sentence that announces a list with a colon over the post's
    link alone (``_PRESENTS`` and ``_LISTED``)."""
    body = _body(text)
    if _LINK_LINE.search(body) is None:
        return None
    end = _LINK_LINE.sub("", body).rstrip()
    tail = _LAST_SENTENCE.search(end[:-1]) if end.endswith(":") else None
    said = tail.group(1) if tail is not None else ""
    return _last_words(end) if _PRESENTS.search(said) and _LISTED.search(said) else None


def _open_quotation(text: str) -> str | None:
    end = _end(text)
    return _last_words(end) if end.rfind("„") > max(end.rfind(mark) for mark in '“”"') \
        else None


def _body(text: str) -> str:
    """The post without the hashtags and spaces at its end."""
    return _TAGS_AFTER.sub("", text)


def _open_last_sentence(text: str, brief: str | None = None) -> str | None:
    """The last words of a post whose last sentence runs on with no mark for
    ``_OPEN_WORDS`` words or more, or for ``_OPEN_AFTER_WORDS`` on the line of a sentence
    that ends in a mark; none when it ends as a part of ``brief`` ends."""
    # the post's link on a line of its own closes nothing: drafting puts it under the text
    # ("... you will be responsible" over the link, an X post cut at its cap, 2026-12-02)
    body = _LINK_LINE.sub("", _body(text))
    tail = _LAST_SENTENCE.search(body)
    # a call that ends in a hint to the link is closed by it: "Try it free for 30 days, no
    # credit card - link below" over the link (a LinkedIn draft, bench 2026-12-05)
    if tail is None or _CLOSED.search(body) or ends_in_pointer(tail.group(1)):
        return None
    if brief and _ends_as_brief(tail.group(1), brief):
        return None
    said = len(words(strip_markup(tail.group(1))))
    if said >= _OPEN_WORDS or (said >= _OPEN_AFTER_WORDS and _after_sentence(body)):
        return _last_words(body)
    return None


def _ends_as_brief(tail: str, brief: str) -> bool:
    """Whether ``tail`` (a last sentence with no mark) ends in the last words of a part of
    ``brief`` (``calls.brief_parts``): the brief's facts as a line, "18 Uhr, maximal 8
    Plätze, Anmeldung im Laden oder per Mail" under a LinkedIn post (bench, 2026-12-07),
    end where the brief's phrase ends, not inside a sentence."""
    said = [word.casefold() for word in words(strip_markup(tail))]
    for part in brief_parts(brief):
        own = [word.casefold() for word in words(part)]
        size = min(len(own), _BRIEF_END_WORDS)
        if size >= _MIN_BRIEF_END and said[-size:] == own[-size:]:
            return True
    return False


def _after_sentence(body: str) -> bool:
    """Whether the last sentence of ``body`` goes on the line of one that ends in a mark
    (a date's dot ends none: ``sentence_spans``)."""
    spans = sentence_spans(body)
    if len(spans) < 2:
        return False
    before, last = body[:spans[-2][1]].rstrip(), spans[-1][0]
    return before.endswith((".", "!", "?")) and "\n" not in body[len(before):last]


# a clause that a paragraph before the last leaves open: ten words or more since its last
# mark, one of them a person ("Mit uns kannst du ein bisschen mehr über die Kaffeefabriken
# und die Röster lüg", a ready Facebook draft, bench 2026-12-06, stopped inside "lernen").
# A headline of no person ("Neuer Filterkaffee aus Kolumbien, Noten von roter
# Johannisbeere und Kakao") may stand without a mark
_PERSONS = frozenset({"ich", "du", "wir", "ihr", "i", "you", "we"})


def _open_paragraph(body: str) -> str | None:
    """The last words of the first paragraph but the last whose open clause has a person."""
    for paragraph in regex.split(r"\n[ \t]*\n", body)[:-1]:
        paragraph = paragraph.rstrip()
        tail = _LAST_SENTENCE.search(paragraph)
        if tail is None or _CLOSED.search(paragraph):
            continue
        said = [word.casefold() for word in words(strip_markup(tail.group(1)))]
        if len(said) >= _OPEN_WORDS and _PERSONS.intersection(said):
            return " ".join(paragraph.split()[-4:])
    return None


# a sentence of nothing but what opens an announcement: "Wir stellen unseren
# Hafer-Cappuccino ... vor, ab Montag im Café für 3,80 €. Hier ist." (a ready Facebook
# draft, bench 2026-12-03: the model stopped where a link or an offer would follow)
_STUBS = frozenset({"hier ist", "hier sind", "das ist", "das sind", "es gibt", "here is",
                    "here are", "here's", "this is", "there is", "there are"})


def _false_start(text: str) -> str | None:
    """A sentence that breaks off after a lone letter and starts again: "Bewerbung per E.
    Bewerbung per Mail an moin@..." (a ready Facebook draft, bench 2026-12-06). Two words
    or more before the letter open the next sentence too."""
    said = [text[start:end].strip() for start, end in sentence_spans(text)]
    for sentence, following in zip(said, said[1:], strict=False):
        tokens = sentence.rstrip(".").split()
        if len(tokens) >= 3 and len(tokens[-1]) == 1 and tokens[-1].isalpha() \
                and following.split()[:len(tokens) - 1] == tokens[:-1]:
            return sentence
    return None


def _stub_sentence(text: str) -> str | None:
    for start, end in sentence_spans(text):
        sentence = text[start:end].strip()
        # "Hier ist:" over a link announces what follows it
        if not sentence.endswith(":") and " ".join(words(sentence)) in _STUBS:
            return sentence
    return None


def _comma_paragraph(body: str) -> str | None:
    """The last words of the first paragraph that ends on a comma ("Register now," twice
    before the link, a ready LinkedIn draft, bench 2026-12-02); a list's lines may end on
    one, a paragraph may not."""
    for paragraph in regex.split(r"\n[ \t]*\n", body):
        end = _TRAILING.sub("", paragraph)
        if end.endswith(","):
            return " ".join(end.split()[-4:])
    return None


# words that never end a line of German or English without a mark: what they open follows
# them ("Möwenbohne Kaffeekontor: Röstkurs am", an Instagram hook stopped at its cap, came
# out ready; bench, 2026-12-01). Not the words that are also a verb's particle ("Komm mit",
# "Ruf an", "Pass auf") or a pronoun ("genau das").
_NEVER_LAST = frozenset({
    "am", "im", "zum", "zur", "vom", "beim", "für", "von", "bei", "pro", "per", "und", "oder",
    "sowie", "dass", "weil",
    "ein", "eine", "einen", "einem", "einer", "eines", "des", "dem", "den", "unser",
    "unsere", "unseren", "unserem", "unserer", "dein", "deine", "deinen", "deinem", "deiner",
    "the", "and", "our", "your",
})
_LINE_END = regex.compile(r"(\S+\s+)?(\S+)$")
# a word's hyphen with nothing after it: "ein neuer Kaffee-"
_HYPHEN_END = regex.compile(r"\p{L}-$")
# an apostrophe that ends a line's last word with no quotation to close: "Hier geht'" (the
# "s" of "geht's" lost: a ready Instagram line, bench 2026-12-05). A genitive apostrophe
# ("Hans'") is followed by its noun; "es 'Kaffee Royal'" closes a quotation (the quotes at
# a word's edge pair up, the apostrophe inside "Let's" is none of them)
_APOSTROPHE_END = regex.compile(r"\p{L}['’]$")
_EDGE_QUOTE = regex.compile(r"(?<!\p{L})['‘’]|['’](?!\p{L})")


# what a word's end may add to it as one of its forms: a line that ends in "Kaffee" over
# "Kaffees" below ends in a word, one that ends in "Lieferun" over "Lieferung" in a cut one
_INFLECTIONS = frozenset({"s", "e", "n", "en", "es", "er", "em", "ern", "ens", "st", "t",
                          "et", "te", "ten", "d", "ed", "ing", "ly", "r", "est", "se", "sen",
                          "ses", "in", "nen"})
_MIN_CUT = 4  # letters a cut word keeps: a shorter one may be any word
_MAX_LOST = 3  # letters a cap cuts off a word


def _cut_word(line_end: str, words: set[str]) -> bool:
    """Whether ``line_end``, a line's last word, is one of the post's ``words`` cut short:
    "Der Kaffee fürs Büro ... und die erste Lieferun" over "Die erste Lieferung ist
    kostenlos." (Facebook's hook cut at its cap, a ready draft, bench 2026-12-07;
    "Liefe|Run" passed as a compound)."""
    if len(line_end) < _MIN_CUT or not line_end.isalpha():
        return False
    return any(len(line_end) < len(word) <= len(line_end) + _MAX_LOST
               and word.startswith(line_end) and word[len(line_end):] not in _INFLECTIONS
               for word in words)


def _dangling_line(body: str) -> str | None:
    """The end of the first line (or sentence) that stops on a word of ``_NEVER_LAST``, or
    on a lone small letter: a word cut at the grammar's cap ("... 16 Stunden im Kühlschrank
    ziehen, z", an Instagram hook, whose next line went on "then filtern."; bench,
    2026-12-01), or on a word's hyphen ("Hier ist ein neuer Kaffee-", a ready Instagram
    hook of the full bench run, 2026-12-01) or apostrophe (``_APOSTROPHE_END``), on a word
    that another word of the post goes on from (``_cut_word``), or on an opening bracket
    ("If you are interested, please visit our [" over the link, a ready LinkedIn draft,
    bench 2026-12-05). A lone capital stays after a name ("Plan B"), not
    after a small word (``_lone_capital``)."""
    words = set(regex.findall(r"\p{L}+", body))
    for line in body.split("\n"):
        end = _LINE_END.search(_TRAILING.sub("", line))
        if end is None:
            continue
        last = end.group(2)
        if last.casefold() in _NEVER_LAST or (len(last) == 1 and last.islower()) \
                or _lone_capital(end.group(1), last) or _bare_adjective(end.group(1), last) \
                or _HYPHEN_END.search(last) or last.endswith(("(", "[", "{")) \
                or _cut_word(last, words) \
                or (_APOSTROPHE_END.search(last) and len(_EDGE_QUOTE.findall(line)) % 2):
            return end.group(0)
    return None


# a line that stops on an adjective after an indefinite or possessive article: "Wir haben
# ein großes" (the end of a LinkedIn draft, bench 2026-12-06). Words that stand for a noun
# on their own ("eine andere", "einen jeden") are left alone
_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine",
                       "keinen", "keinem", "keiner", "unser", "unsere", "unseren", "unserem",
                       "unserer", "dein", "deine", "deinen", "deinem", "deiner"})
_NOMINAL = frozenset({"andere", "anderen", "anderer", "anderes", "anderem", "jeden", "jeder",
                      "jedes", "jedem", "einzige", "einzigen", "einzelne", "einzelnen"})
_DECLINED = regex.compile(r"^\p{Ll}{2,}(?:e|en|er|es|em)$")


def _bare_adjective(before: str | None, last: str) -> bool:
    return before is not None and before.strip().casefold() in _ARTICLES \
        and bool(_DECLINED.match(last)) and last not in _NOMINAL


# a word left alone after the post's last sentence: "... Filtern und du hast deinen Kaffee!
# Brew" (a ready Threads post, bench 2026-12-06: what is left of "Cold Brew"); a one-word
# greeting or thanks may close a post so
_STRAY_LAST = regex.compile(r"[.!?]\s+(\p{L}+)\s*$")
_SIGN_OFFS = frozenset({"moin", "prost", "cheers", "danke", "thanks", "tschüss", "ahoi",
                        "servus", "hallo", "hello", "bye"})


def _stray_last_word(text: str) -> str | None:
    """The end of a post whose last line closes on one word after its last sentence."""
    lines = [line for line in _LINK_LINE.sub("", _body(text)).split("\n") if line.strip()]
    found = _STRAY_LAST.search(lines[-1]) if lines else None
    if found is None or found.group(1).casefold() in _SIGN_OFFS:
        return None
    return _last_words(lines[-1])


def _lone_capital(before: str | None, last: str) -> bool:
    """A line that ends in one capital after a small word: a word cut after its first
    letter, "Dies ist eine wichtige S" (a German paragraph of the bench, 2026-12-06). After
    a name the letter names a variant ("Plan B", "Vitamin C"); English "I" is a word."""
    return (len(last) == 1 and last.isupper() and last != "I" and before is not None
            and before.strip()[:1].islower())


_CUT_READINGS: tuple[Reading, ...] = (
    (_stub_sentence, lambda stub: f"'{stub}' announces something that never follows; "
                                  "finish the sentence or take it out"),
    (_false_start, lambda start: f"'{start}' breaks off and starts again in the next "
                                  "sentence; take it out"),
    (_ellipsis_end, lambda last: f"the post ends in '…' as if cut off ('{last}'); finish "
                                 "the last sentence or end it with a full stop"),
    (_colon_end, lambda last: f"the post ends in ':' with nothing after it ('{last}'); add "
                              "what it announces or end the sentence with a full stop"),
    (_list_over_link, lambda last: f"'…{last}' announces a list that never follows, only "
                                   "the link; say what it announces or end the sentence "
                                   "with a full stop"),
    (_open_quotation, lambda last: f"the post ends inside a quotation that „ opened "
                                   f"('{last}'); finish it and close it with “"),
    (lambda text: _comma_paragraph(_body(text)),
     lambda comma: f"a paragraph stops on ',' ('…{comma}'); finish it or end it with a full "
                   "stop"),
    (lambda text: _open_paragraph(_body(text)),
     lambda paragraph: f"a paragraph stops mid-sentence ('…{paragraph}'); finish it or take "
                       "it out"),
    (lambda text: _dangling_line(_body(text)),
     lambda dangling: f"a line stops on '{dangling.split()[-1]}' as if cut off "
                      f"('…{dangling}'); finish it or take the word out"),
    (lambda text: stray_quote(_body(text)),
     lambda around: f"a quote mark pairs with none ('…{around}…'), as if a sentence broke "
                    "off; take it out or finish the quotation"),
    (_stray_last_word, lambda last: f"the post ends on a word left alone after its last "
                                    f"sentence ('…{last}'); take it out or finish it"),
    (_open_last_sentence, lambda last: f"the post stops mid-sentence ('…{last}'); finish "
                                       "the last sentence"),
)
