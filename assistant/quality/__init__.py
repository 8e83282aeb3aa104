"""Is a draft worth posting? The checks a careful person makes before posting.

``quality_problems`` checks one post against its brief, link and brand kit;
``same_text_problems`` compares the drafts of one brief across platforms. The single
checker (``assistant.checks``) composes them with the platform, brand and compliance
checks. Without a brief (a post typed by hand) there is nothing to compare facts with,
so the two fact checks are skipped. The checks are pure functions; ``dictionary`` loads
the word lists they use once per process. Every problem has ``source="quality"`` and a
stable code:

    placeholder       error    a template leftover such as [Link], {name}, XXX, TODO
    invented_fact     error    a number, date, time, price, address, person or name that
                               neither the brief, the kit's facts nor the link state;
                               a place, name, time frame or topic carried over from a
                               kit example; "on by default" against "turn it on"
    missing_fact      warning  a date, time, price, number, weekday or place of the brief
                               that the post leaves out
    spelling          warning  a word in no Hunspell dictionary of the post's language
                               (nor the brief, the kit's names or its word list); a
                               German noun written small after an article ("unser café")
    grammar           warning  German agreement: "mit 8 Plätze", "zur Röstkurs", "eine
                               Kaffee", "Neue Filterkaffee" (a known noun, no reading fits),
                               "wenn du ein Kaffee brauchst" (an object in the nominative)
    cut_off           warning  the post ends in an ellipsis ("Mehr..."), as if cut off
    repeated_fact     warning  a date, time, price or percentage said twice in one post
    lowercase_start   warning  a line begins in small letters ("en Altona."), as if the
                               line before were cut off
    link_in_bio       warning  "Link in Bio" on a platform whose posts can carry the link
    missing_link      warning  "link below" under a post that carries no link
    unproven_claim    warning  a claim to be the best or the leading one ("eine der besten
                               Röster", "a leading data platform"), or a launch ("ein neuer
                               Kaffee"), that the brief does not make
    unbriefed_word    warning  a word the kit lists as brief-only ("rösten") that the brief
                               does not use
    first_person      warning  the post speaks as "ich"/"I" where the kit's examples and
                               guidelines only say "wir"/"we"
    own_handle        warning  the post greets the brand's own account ("Hey @moewenbohne,")
                               as if it were a reader
    emoji_not_in_kit  warning  an emoji the kit does not list among its own
    copies_example    warning  most of the post is copied from one kit example
    same_text_as      warning  two platforms of one brief got (nearly) the same text
"""

from __future__ import annotations

from assistant.quality.compose import comment_quality_problems, quality_problems
from assistant.quality.context import QualityContext
from assistant.quality.similarity import same_text_problems

__all__ = ["QualityContext", "comment_quality_problems", "quality_problems",
           "same_text_problems"]
