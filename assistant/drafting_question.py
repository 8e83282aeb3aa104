"""Facebook's question to the readers, held by the server's grammar to one question that
begins as a question begins (option of the platform form, ``drafting_form``). Pure."""

from __future__ import annotations

# one line of up to 200 characters that ends in one "?" (llguidance anchors every pattern;
# the anchors keep it valid for llama.cpp's GBNF converter, which requires them). No "?"
# inside, and no "!", ".", ":", ";", "," or space right before the last one: the model's
# own question mark and the pattern's made "Wie geht es dir??" and "Lass uns
# herausfinden!?", a label cut short "Bewerbung per Mail:?" (bench, 2026-11-30)
# One sentence, begun as a question begins: a question word, or one of the verbs a question
# to readers opens with ("Kennst du ...", "Habt ihr ...", "Möchten Sie ...", "Do you ...").
# A free first word let the model fill the part with a paragraph that merely ended in "?":
# "Hier ist ein Röstkurs für dich! Du kannst ... Wir sind nicht nur ein Café?",
# "Möwenbohne Kaffeekontor sucht Barista ... Bewerbung per Mail an moin@...?" (2 of 3
# German Facebook drafts, bench 2026-12-02). The verbs are a closed list: any capitalised
# word in -t let it glue the brand's name to its verb, "Möwenbohneischeeröstereiwartet
# dich ...?" (bench, the same day). A "." stands only after a digit ("12. Dezember")
_DU_VERBS = ("Kenn|Hab|Wiss|Such|Brauch|Lieb|Trink|Komm|Probier|Plan|Feier|Erinner|Verpass|"
             "Freu|Wart|Mag|Mög|Möcht|Woll|Hätt|Würd|Geh|Seh|Hör|Schmeck|Hol|Mach")
_SIE_VERBS = ("Kennen|Haben|Sind|Wissen|Suchen|Brauchen|Lieben|Trinken|Kommen|Möchten|"
              "Wollen|Planen|Feiern|Hätten|Würden|Freuen")
_ASKS = ("Was|Wie|Wer|Wen|Wem|Wo|Woher|Wohin|Wann|Warum|Weshalb|Wieso|Welche|Welcher|"
         "Welches|Welchen|Womit|Wofür|Worauf|Worüber|Darf|Kann|Soll|Sollen|Muss|Will|Ist|Gibt|"
         "Wird|Lust|Do|Does|Did|Are|Is|Were|Have|Has|Can|Could|Will|Would|Should|Who|What|"
         "When|Where|Why|How|Which|Ever|Ready|Want|Need")
# the verbs of the kit's form of address only: offered "Möchten Sie", a du-kit's question
# came out in Sie ("Möchten Sie sich für den Röstkurs ... anmelden?", bench 2026-12-02)
_ADDRESSED = {"du": f"Seid|Bist|Hast|Weißt|Willst|Magst|Kannst|"
                    f"(?:{_DU_VERBS})(?:e?st|e?t|test|tet)",
              "Sie": f"(?:{_SIE_VERBS}) Sie"}


# ``reader_question``: the question opens with a verb to the reader ("Kennst du ...",
# "Hast du Lust ...", "Do you ..."), not a question word. Of 18 German Facebook questions of
# three bench runs that opened with one, 3 made sense ("Wann kommt die Weihnachtsmischung
# zurück?"); the rest asked about the brief's own facts ("Was ist der Röstkurs am 12.
# Dezember?") or nothing ("Wie geht es mit der Weihnachtsmischung in Kolumbien und
# Guatemala?"). Of 5 that opened with a verb to the reader, 4 were sound German, two of
# them beside the topic ("Möchtest du unser Café in Altona besuchen?" over a job ad),
# 2026-12-04
_READER_ASKS = ("Lust|Do|Did|Are|Have|Can|Could|Would|Ever|Ready|Want|Need")


def question_pattern(formality: str, reader: bool = False) -> str:
    """Facebook's question for a kit that says ``formality`` (du, Sie or neutral: both);
    ``reader``: only the verbs to the reader open it (see ``_READER_ASKS``)."""
    verbs = [_ADDRESSED[form] for form in ("du", "Sie") if formality in (form, "neutral")]
    asks = _READER_ASKS if reader else _ASKS
    return rf"^(?:{'|'.join([asks, *verbs])}) (?:[^\n?!.]|[0-9]\.){{5,190}}[^\n?!.:;, ]\?$"


QUESTION_PATTERN = question_pattern("neutral")
