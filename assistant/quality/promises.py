"""Promises a post makes that the brand would have to keep (pure): an offer, something
given away, a call to book, a sample, a call to apply for a job, and an event. Each one no
source makes is an invented fact (``factcheck.invented``); a promise is read by what it
promises, so a source covers it in other words too.
"""

from __future__ import annotations

import regex

# an event of a kind no source names: "Was ist der Silvestermarkt in Hamburg?" over a
# brief on the opening hours at New Year, "Hier ist ein schöner Weihnachtsmarkt in Altona"
# in a Christmas greeting (ready Facebook and Mastodon drafts, bench 2026-12-04). A market,
# a fair, a festival or a party is a date the brand would have to keep; any word of that
# kind in a source covers every one ("Markt" in the brief, "Weihnachtsmarkt" in the post).
# German compounds of these heads and the plain "Markt", "Festival", "Party"; not "Fest"
# ("Frohes Fest" is a greeting) nor "Messe" alone (also the mass). Each kind maps to every
# form a source may name it in
# A celebration too: "Join us for a special Christmas celebration at our roastery café"
# in a ready Instagram greeting of a shop that is closed (bench, 2026-12-06): in English one
# named by its feast ("a celebration of flavour" is none), in German a compound of "Feier"
# ("Weihnachtsfeier"; "Feiertage" ends otherwise)
_EVENT_KINDS = {"markt": "markt|märkte", "märkte": "markt|märkte", "messe": "messe",
                "festival": "festival", "party": "party|partys", "partys": "party|partys",
                "feier": "feier|celebration", "celebration": "feier|celebration",
                "celebrations": "feier|celebration"}
_EVENT = regex.compile(r"\b(?:\p{Lu}\p{Ll}+(markt|märkte|messe|festival|party|partys|feier)|"
                       r"(Markt|Festival|Party)|(?i:(?:christmas|xmas|holiday|new\s+year['’]?s?"
                       r"|anniversary|birthday|opening|launch|summer|winter|festive)\s+"
                       r"(celebrations?)))\b")


def events(text: str) -> list[tuple[str, str]]:
    """The events ``text`` names, as written, each with the pattern of its kind."""
    return [(match.group(0), _EVENT_KINDS[next(group for group in match.groups()
                                               if group).casefold()])
            for match in _EVENT.finditer(text)]


# an offer is a promise the brand must keep (and, made up, misleading advertising): "Don't
# miss out on our special offer until the end of the day!" closed a ready Instagram tip
# (bench, 2026-12-01) whose brief offered nothing, "this special holiday offer" a ready
# Facebook greeting (2026-12-02). Words that name an offer and nothing else; "Angebot" is
# also the range ("ein großes Angebot") and stays out. A price called special is a discount:
# "a special price of 49 euros per person" for the brief's "49 euros per person" (a ready
# Facebook draft, bench 2026-12-05). So is one for a limited time: "Don't miss out on this
# limited time offer!" in a ready Christmas greeting of a shop that is closed (2026-12-06)
_OFFER = regex.compile(r"(?i)\b(special\s+(?:[\w-]+\s+)?(?:offer|deal|price)s?|"
                       r"limited[\s-]time\s+(?:offer|deal)s?|"
                       r"discount(?:s|ed)?|"
                       r"coupons?|vouchers?|"
                       r"promo(?:tion(?:al)?)? codes?|giveaways?|sonderangebot\w*|rabatt\w*|"
                       r"gutschein\w*|gewinnspiel\w*|verlosung\w*|sonderaktion\w*|"
                       r"sonderpreis\w*|aktionspreis\w*)\b")
_OFFER_KEY = 6  # a one-word offer is covered by a source with its first letters ("rabatt")
# something given away: "Join us for a free tasting session next Tuesday" closed a ready
# Instagram tip (bench, 2026-12-02) whose brief gave nothing away. Not "feel free",
# "gluten-free" or "free up"; any "free" of a source covers every one ("free, recording for
# everyone" in a brief and "a free webinar" in its post), in either language ("kostenlos"
# in the brief, "gratis" in the post); "Eintritt frei" (a kit example's cupping, copied
# into a ready Mastodon post on a new coffee: CLI, 2026-12-02)
_FREE = regex.compile(r"(?i)(?<!\bfeel\s)(?<![\w-])(free(?!-|\s+up\b)|kostenlos\w*|gratis|"
                      r"eintritt\s+(?:ist\s+)?frei|freie[nr]?\s+eintritt)\b")
# a call to book what no source offers to book: "Book now and taste the difference!" stayed
# when that tasting was struck, "Book your reservation now at our roastery café" closed a
# ready Instagram greeting of a shop that is closed (bench, 2026-12-03). A source that
# speaks of booking, signing up, places, tickets, a cap or a price per head ("maximal 8
# Plätze", "six people max, 49 euros per person") makes every such call
_BOOKING = regex.compile(
    r"(?i)\b(book\s+(?:now|today|online|your\s+(?:seat|spot|place|table|ticket|"
    r"reservation)s?|a\s+(?:seat|spot|place|table|reservation))|"
    r"make\s+(?:a|your)\s+reservation|reserve\s+(?:your|a)\s+(?:seat|spot|place|table)|"
    r"(?:save|grab)\s+your\s+(?:seat|spot|place|ticket)s?|(?:register|sign\s+up)\s+"
    r"(?:now|today|here)|jetzt\s+(?:anmelden|buchen|reservieren|registrieren)|"
    r"meldet?\s+(?:dich|euch)\s+(?:jetzt\s+|gleich\s+|schnell\s+)?an|"
    r"sichere?\s+(?:dir|euch)\s+(?:jetzt\s+)?(?:deinen|euren|einen)\s+platz)\b")
_BOOKABLE = regex.compile(r"(?i)\b(?:book|buch|anmeld|reserv|regist|sign(?:s|ing)?\s?up|"
                          r"tickets?\b|plätze\b|platz\b|seats?\b|spots?\b|max\b|maximal|"
                          r"teilnehm|participants?\b|(?:per|pro)\s+(?:person|kopf|head))")
# a sample sent or handed out: "Jetzt gibt es ein Probierpaket vorbei." closed a ready
# Mastodon tip on cold brew (bench, 2026-12-04), from a kit example's office delivery
_SAMPLE = regex.compile(r"(?i)\b(probier(?:paket|set|packung)\w*|probe(?:paket|packung)\w*|"
                        r"kostproben?|sample\s+(?:pack|box|kit|bag)s?|"
                        r"tasting\s+(?:kit|box)(?:es)?)\b")
# a call to apply for a job that no source offers: "Kannst du dich heute zum Röster in
# Altona bewerben?" opened a ready Instagram post on a trip to a partner cooperative
# (bench, 2026-12-05). A source that offers a job says so ("Bewerbung per Mail", "(m/w/d)",
# "we're hiring", "apply"); a guideline that names applicants as an audience
# ("Bewerber:innen", "Team & hiring") offers none
_APPLY = regex.compile(
    r"(?i)\b(bewirb\s+dich|bewerbt\s+euch|bewerben\s+Sie\s+sich|jetzt\s+bewerben|"
    r"(?:dich|euch)\s+(?:\S+\s+){0,5}?(?:bei\s+uns\s+)?bewerben|"
    r"apply\s+(?:now|today|here)|(?:send|submit)\s+your\s+application|"
    r"join\s+our\s+team)\b")
_HIRING = regex.compile(r"(?i)(?:bewerbung|bewirb|bewerben|\(m/w/d\)|stellenanzeige|"
                        r"offene\s+stelle|wir\s+suchen|(?:we['’]re|are|now|is)\s+hiring|"
                        r"\bapply\b|application|job\s+opening)")
# offers read by what they promise, not by their words: the post's pattern, and the pattern
# of a source that makes every such offer
_PROMISES = {"free": (_FREE, _FREE), "booking": (_BOOKING, _BOOKABLE),
             "sample": (_SAMPLE, _SAMPLE), "job": (_APPLY, _HIRING)}


def offers(text: str) -> list[tuple[str, str]]:
    """The offers ``text`` names, as written, each with the key a source must hold: a
    phrase in the singular ("special offer"), a word by its first letters, or the name of a
    promise (``_PROMISES``: anything given away, a call to book)."""
    found = []
    for match in _OFFER.finditer(text):
        offer = match.group(1)
        folded = " ".join(offer.casefold().split())
        key = folded.removesuffix("s") if " " in folded else folded[:_OFFER_KEY]
        found.append((offer, key))
    for key, (pattern, _) in _PROMISES.items():
        found += [(match.group(1), key) for match in pattern.finditer(text)]
    return found


def offered(key: str, sources: str) -> bool:
    """Whether the case-folded ``sources`` make the offer of ``key``."""
    promise = _PROMISES.get(key)
    return key in sources if promise is None else promise[1].search(sources) is not None


def named(kind: str, sources: str) -> bool:
    """Whether the case-folded ``sources`` name an event of ``kind`` (from :func:`events`)."""
    return regex.search(rf"(?<!\w)\w*(?:{kind})(?!\w)", sources) is not None
