"""Promises a post makes that the brand would have to keep (pure): an offer, something
given away, a call to book, a sample, a call to apply for a job, and an event. Each one no
source makes is an invented fact (``factcheck.invented``); a promise is read by what it
promises, so a source covers it in other words too.
"""

from __future__ import annotations

import regex

from assistant.quality.textnorm import strip_markup

# an event of a kind no source names: "Was ist der Silvestermarkt in Hamburg?" over a
# brief on the opening hours at New Year, "Hier ist ein schöner Weihnachtsmarkt in Altona"
# in a Christmas greeting (ready Facebook and Mastodon drafts, bench 2026-12-04). A market,
# a fair, a festival or a party is a date the brand would have to keep; any word of that
# kind in a source covers every one ("Markt" in the brief, "Weihnachtsmarkt" in the post).
# German compounds of these heads and the plain "Markt", "Festival", "Party"; not "Fest"
# ("Frohes Fest" is a greeting) nor "Messe" alone (also the mass). Each kind maps to every
# form a source may name it in
# A workshop too: "Join us for a hands-on workshop" for a 15-minute talk at a meetup (a
# ready Mastodon post, bench 2026-12-06); a course, a class or a seminar of a source names one.
# A celebration too: "Join us for a special Christmas celebration at our roastery café"
# in a ready Instagram greeting of a shop that is closed (bench, 2026-12-06): in English one
# named by its feast ("a celebration of flavour" is none), in German a compound of "Feier"
# ("Weihnachtsfeier"; "Feiertage" ends otherwise)
# A tasting too: "Join us for a tasting session." in a ready Instagram post on a new decaf
# (bench, 2026-12-07); a tasting, a "Verkostung" or a cupping of a source names one
# A German course too: "Werbung | Barista-Kurs im Kontor ☕ In drei Stunden zeigen wir dir
# ..." (the kit's example, copied into a ready Instagram post on a hand grinder, bench
# 2026-12-07): a compound of "Kurs" ("Röstkurs", "Barista-Kurs"), not a rate's or a
# course of action ("Wechselkurs", "Sparkurs"), nor "Diskurs", "Exkurs", "Konkurs"
_WORKSHOP = "workshops?|kurse?|courses?|class|classes|seminare?|schulung|training"
_TASTING = "tastings?|verkostung|verkostungen|cuppings?"
_EVENT_KINDS = {"markt": "markt|märkte", "märkte": "markt|märkte", "messe": "messe",
                "festival": "festival", "party": "party|partys", "partys": "party|partys",
                "feier": "feier|celebration", "celebration": "feier|celebration",
                "celebrations": "feier|celebration", "workshop": _WORKSHOP,
                "workshops": _WORKSHOP, "tasting": _TASTING, "verkostung": _TASTING,
                "cupping": _TASTING, "kurs": _WORKSHOP}
_EVENT = regex.compile(r"\b(?:\p{Lu}\p{Ll}+(markt|märkte|messe|festival|party|partys|feier)|"
                       r"(Markt|Festival|Party)|(?i:(?:christmas|xmas|holiday|new\s+year['’]?s?"
                       r"|anniversary|birthday|opening|launch|summer|winter|festive)\s+"
                       r"(celebrations?))|(?i:(workshops?))|(?i:(tasting)s?\s+(?:sessions?|"
                       r"events?|evenings?|nights?))|(Verkostung|Cupping)(?:en|s)?"
                       r"|\p{Lu}[\p{L}]*?(?<!Wechsel|Aktien|Zickzack|Börsen|Spar|Kollisions|"
                       r"Dis|Ex|Kon)-?([Kk]urs)(?:e|en)?)\b")


def events(text: str) -> list[tuple[str, str]]:
    """The events ``text`` names, as written, each with the pattern of its kind."""
    return [(match.group(0), _EVENT_KINDS[next(group for group in match.groups()
                                               if group).casefold()])
            for match in _EVENT.finditer(text)]


# an offer is a promise the brand must keep at the till, and one no source makes misleads
# (§ 5 UWG): "Don't miss out on our special offer until the end of the day!" closed a ready
# Instagram tip (bench, 2026-12-01) whose brief offered nothing, "this special holiday
# offer" a ready Facebook greeting (2026-12-02), "our Christmas special" and "Come in for a
# special treat" two ready English greetings of a café that is closed (2026-12-06). Offers
# come in kinds; a source that makes one kind makes it in any words ("Kostenlos" in the
# brief, "free" in the post), never another kind. "Angebot" alone is also the range ("ein
# großes Angebot", "unser Angebot") and stays out. A price called special is a discount:
# "a special price of 49 euros per person" for the brief's "49 euros per person" (a ready
# Facebook draft, 2026-12-05)
_WHEN = (r"christmas|holiday|holidays|festive|seasonal|winter|summer|spring|autumn|easter|"
         r"weekend|weekly|daily|today's|todays")
# something given away: "Join us for a free tasting session next Tuesday" closed a ready
# Instagram tip (bench, 2026-12-02) whose brief gave nothing away. Not "feel free", "free
# to", "free up", "gluten-free" or "free of added sugar"; "Eintritt frei" (a kit example's
# cupping, copied into a ready Mastodon post on a new coffee: CLI, 2026-12-02); "Testen
# ohne zu zahlen!" in a ready Instagram post on an advent calendar for 29 € (CLI,
# 2026-12-06), "kostet nichts", "costs nothing"
_FREE = (r"\bfor\s+free\b|\bfree\s+of\s+charge\b|\bcomplimentary\b|\bon\s+the\s+house\b"
         r"|(?<![-\w])(?<!\bfeel\s)free\b(?!-|\s+(?:to|up|from|time|of)\b)"
         r"|\bat\s+no\s+(?:extra\s+|additional\s+)?cost\b|\bno\s+extra\s+cost\b"
         r"|\bkostenlos\w*|\bkostenfrei\w*|\bgratis\b|(?<!\bnicht\s)\bumsonst\b"
         r"|\bgeht\s+aufs\s+haus\b|\bohne\s+aufpreis\b"
         r"|\beintritt\s+(?:ist\s+)?frei\b|\bfreie[nr]?\s+eintritt\b"
         r"|\bohne\s+(?:etwas\s+|einen\s+cent\s+)?zu\s+(?:be)?zahlen\b|\bwithout\s+paying\b"
         r"|\bkostet\s+(?:dich\s+|euch\s+|Sie\s+)?nichts\b|\bcosts?\s+(?:you\s+)?nothing\b")
_DISCOUNT = (r"\bdiscount(?:s|ed)?\b|\b\d+\s?%\s?(?:off|rabatt|günstiger)\b|\bon\s+sale\b"
             r"|\b(?:" + _WHEN + r"|big|flash)\s+sale\b|\bsale\b(?=\s*[!%])"
             r"|\b(?:special|reduced)\s+(?:[\w-]+\s+)?prices?\b"
             r"|\b(?:special|great|exclusive|best)\s+deals?\b(?!\s+of\b)"
             r"|\brabatt\w*|\bsonderpreis\w*|\baktionspreis\w*|\bpreisnachlass\w*"
             r"|\bschnäppchen\w*")
# "special" as a noun ("our Christmas special!"), or an offer, a treat or a promotion
# called special, limited or seasonal ("this special holiday offer")
_SPECIAL = (r"\b(?:special|exclusive|limited(?:[-\s]time)?|" + _WHEN + r")\s+(?:[\w-]+\s+)?"
            r"(?:offers?|treats?|promotions?)\b"
            r"|\b(?:our|a|the|this|an)\s+(?:(?:" + _WHEN + r")\s+)?specials?\b"
            r"(?=\s*(?:[^\s\p{L}]|$|(?:and|or|on|for|is|until|at|in|this|today)\b))"
            r"|\w*sonderangebot\w*|\bsonderaktion\w*|\b(?:weihnachts|oster|sommer|winter|"
            r"spezial|aktions|wochen|tages)angebot\w*|\bangebot\s+des\s+tages\b"
            r"|\b(?:exklusive|besondere|spezielle|limitierte)[sn]?\s+angebot\w*")
_VOUCHER = (r"\bvouchers?\b|\bcoupons?\b|\bpromo(?:tion(?:al)?)?(?:\s+|-)?codes?\b"
            r"|\bgutschein\w*|\brabattcode\w*")
_GIVEAWAY = (r"\bgiveaways?\b|\bgewinnspiel\w*|\bverlosung\w*"
             r"|\bgifts?\s+with\s+(?:every|each|your)\b"
             r"|\b(?:a|an)\s+(?:little\s+|small\s+)?surprise\s+for\b"
             r"|\b(?:eine?|kleine)\s+(?:kleine\s+)?überraschung\s+für\b"
             r"|\bgeschenk\s+(?:dazu|obendrauf|für\s+(?:dich|euch|sie|jede[nrs]?))\b")
# a job's terms, each its own kind (the brief's "Teilzeit" allows no "Vollzeit"): "Wir suchen
# eine Röster:in in Ausbildung (m/w/d) ... Vollzeit, unbefristet, mitten in Altona." opened a
# ready LinkedIn post on a barista job "in Teilzeit" (bench, 2026-12-06), copied from the
# kit's example of another job
_JOB_TERMS = {
    "full_time": r"\bvollzeit\w*|\bfull[-\s]time\b",
    "part_time": r"\bteilzeit\w*|\bpart[-\s]time\b",
    "apprenticeship": r"\bin\s+ausbildung\b|\bausbildungsplatz\w*|\bazubis?\b"
                      r"|\bauszubildende\w*|\bapprenticeships?\b",
    "internship": r"\bpraktik(?:um|a|ant\w*)\b|\binternships?\b",
    "permanent": r"\bunbefristet\w*|\bpermanent\s+(?:position|role|contract|job)s?\b",
    "fixed_term": r"\bbefristet\w*|\bfixed[-\s]term\b",
}
_OFFER_KINDS = {kind: regex.compile(f"(?i:{pattern})") for kind, pattern in (
    ("free", _FREE), ("discount", _DISCOUNT), ("special", _SPECIAL), ("voucher", _VOUCHER),
    ("giveaway", _GIVEAWAY), *_JOB_TERMS.items())}
# a call to book what no source offers to book: "Book now and taste the difference!" stayed
# when that tasting was struck, "Book your reservation now at our roastery café" closed a
# ready Instagram greeting of a shop that is closed (bench, 2026-12-03). A source that
# speaks of booking, signing up, places, tickets, a cap or a price per head ("maximal 8
# Plätze", "six people max, 49 euros per person") makes every such call
_BOOKING = regex.compile(
    r"(?i)\b(?:book\s+(?:now|today|online|your\s+(?:seat|spot|place|table|ticket|"
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
# Mastodon tip on cold brew (bench, 2026-12-04), from a kit example's office delivery;
# "Jetzt ab sofort ein Testpaket vorbei!" closed a ready X post on a new cappuccino (bench
# 2026-12-07)
_SAMPLE = regex.compile(r"(?i)\b((?:probier|test)(?:paket|set|packung)\w*|"
                        r"probe(?:paket|packung)\w*|"
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
# of a source that makes every such offer (an offer kind's own pattern: any wording of it)
_PROMISES = {**{kind: (pattern, pattern) for kind, pattern in _OFFER_KINDS.items()},
             "booking": (_BOOKING, _BOOKABLE), "sample": (_SAMPLE, _SAMPLE),
             "job": (_APPLY, _HIRING)}


def offers(text: str) -> list[tuple[str, str]]:
    """The offers ``text`` makes, as written, each with its kind (``_PROMISES``); links and
    tags offer nothing ("?utm_campaign=free-trial")."""
    plain = strip_markup(text)
    return [(match.group(0), kind) for kind, (pattern, _) in _PROMISES.items()
            for match in pattern.finditer(plain)]


def invented_offers(text: str, sources: tuple[str, ...]) -> list[str]:
    """The offers of ``text`` whose kind no source makes, as written. The sources are those
    that state what the brand offers (the brief, the link, the kit's facts with its call to
    action), not its guidelines: a style guide's "write 'Aktion', not 'Sonderangebot'"
    offers nothing."""
    plain = "\n".join(strip_markup(source) for source in sources)
    return list(dict.fromkeys(offer for offer, kind in offers(text)
                              if _PROMISES[kind][1].search(plain) is None))


def invented_events(text: str, sources: tuple[str, ...]) -> list[str]:
    """The events of ``text`` (as written) of a kind that no source names. The sources are
    the brief and its link: an event is a date the brand must keep, and the kit's pillars
    ("Barista-Kurse, Cuppings") or guidelines name what it posts about, not what happens
    this week."""
    said = "\n".join(sources).casefold()
    return list(dict.fromkeys(event for event, kind in events(text)
                              if regex.search(rf"(?<!\w)\w*(?:{kind})(?!\w)", said) is None))
