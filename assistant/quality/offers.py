"""An offer that neither the brief nor the kit's standing call to action makes (pure).

"Don't miss out on our Christmas special!" and "Come in for a special treat" closed two
ready English posts on the days a café is closed, and "our special offer until the end of
the day" an Instagram tip (bench, 2026-12-01 and 2026-12-06). The brief offered nothing.
An offer in a post is a promise the brand must keep at the till, and one it never made
misleads (§ 5 UWG): only the brief, or the kit's own call to action ("Try it free for 30
days"), can make one.

Offers come in kinds (free, a discount, a special, a voucher, a gift); a source that makes
one kind allows any wording of that kind ("Kostenlos" in the brief, "free" in the post),
not another kind. Plain words stay: "feel free", "gluten-free", "a great deal of", "offers
a taste of caramel", "unser Angebot" (what a shop sells).
"""

from __future__ import annotations

import regex

from assistant.models import Problem
from assistant.quality.context import problem, shorten
from assistant.quality.textnorm import strip_markup

# a season or a day that names a special or an offer ("our Christmas special")
_WHEN = (r"christmas|holiday|holidays|festive|seasonal|winter|summer|spring|autumn|easter|"
         r"weekend|weekly|daily|today's|todays")
_OFFER_KINDS: dict[str, str] = {
    "free": r"\bfor\s+free\b|\bfree\s+of\s+charge\b|\bcomplimentary\b|\bon\s+the\s+house\b"
            r"|(?<![-\w])free(?!-)\b(?<!\bfeel\s+free)(?!\s+(?:to|up|from|time|of)\b)"
            r"|\bat\s+no\s+(?:extra\s+|additional\s+)?cost\b|\bno\s+extra\s+cost\b"
            r"|\bkostenlos\w*|\bkostenfrei\w*|\bgratis\w*|(?<!\bnicht\s)\bumsonst\b"
            r"|\bgeht\s+aufs\s+haus\b|\bohne\s+aufpreis\b",
    "discount": r"\bdiscount\w*|\b\d+\s?%\s?(?:off|rabatt|günstiger)\b|\bon\s+sale\b"
                r"|\b(?:" + _WHEN + r"|big|flash)\s+sale\b|\bsale\b(?=\s*[!%])"
                r"|\b(?:special|reduced)\s+prices?\b|\b(?:special|great|exclusive|best)\s+deals?\b(?!\s+of\b)"
                r"|\brabatt\w*|\bsonderpreis\w*|\baktionspreis\w*|\bpreisnachlass\w*"
                r"|\bschnäppchen\w*",
    # "special" as a noun ("our Christmas special!"), or a special offer or treat
    "special": r"\b(?:(?:a|an|our|the|this)\s+)?(?:special|exclusive|limited(?:[-\s]time)?|"
               + _WHEN + r")\s+(?:offers?|treats?|promotions?)\b"
               r"|\b(?:our|a|the|this|an)\s+(?:(?:" + _WHEN + r")\s+)?specials?\b"
               r"(?=\s*(?:[^\s\p{L}]|$|(?:and|or|on|for|is|until|at|in|this|today)\b))"
               r"|\w*sonderangebot\w*|\b(?:weihnachts|oster|sommer|winter|spezial|aktions|"
               r"wochen|tages)angebot\w*|\bangebot\s+des\s+tages\b"
               r"|\b(?:exklusive|besondere|spezielle|limitierte)[sn]?\s+angebot\w*",
    "voucher": r"\bvouchers?\b|\bcoupons?\b|\bpromo(?:\s+|-)?codes?\b|\bgutschein\w*"
               r"|\brabattcode\w*",
    "gift": r"\bgifts?\s+with\s+(?:every|each|your)\b"
            r"|\b(?:a|an)\s+(?:little\s+|small\s+)?surprise\s+for\b"
            r"|\b(?:eine?|kleine)\s+(?:kleine\s+)?überraschung\s+für\b"
            r"|\bgeschenk\s+(?:dazu|obendrauf|für\s+(?:dich|euch|sie|jede[nrs]?))\b",
}
_PATTERNS = {kind: regex.compile(f"(?i:{pattern})") for kind, pattern in _OFFER_KINDS.items()}


def offer_kinds(text: str) -> dict[str, list[str]]:
    """Each kind of offer ``text`` makes, with the phrases as written (links and tags left
    out: "?utm_campaign=free-trial" offers nothing)."""
    plain = strip_markup(text)
    found = {kind: [match.group(0) for match in pattern.finditer(plain)]
             for kind, pattern in _PATTERNS.items()}
    return {kind: phrases for kind, phrases in found.items() if phrases}


def offer_problems(text: str, sources: tuple[str, ...]) -> list[Problem]:
    """A warning for the offers of ``text`` whose kind no source (the brief, the kit's call
    to action) makes."""
    allowed = {kind for source in sources for kind in offer_kinds(source)}
    phrases = [phrase for kind, found in offer_kinds(text).items() if kind not in allowed
               for phrase in found]
    if not phrases:
        return []
    quoted = ", ".join(f"'{shorten(phrase, 40)}'" for phrase in dict.fromkeys(phrases))
    return [problem("unproven_claim",
                    f"{quoted} promises an offer that the brief does not make; the brand must "
                    "keep it at the till, so take it out or add it to the brief")]
