"""Which problems go back to the model, and which version of a post is kept (pure)."""

from __future__ import annotations

from assistant.drafting_passes import better, rank, to_fix
from assistant.models import Draft, Problem, Severity


def _problem(code: str, severity: Severity) -> Problem:
    return Problem(code=code, severity=severity, message=f"fix {code}")


def _draft(text: str, *problems: Problem) -> Draft:
    return Draft(kit_id="k", platform="x", text=text, problems=list(problems))


def test_fixable_warnings_go_back_with_the_errors() -> None:
    draft = _draft(
        "Neue Filterkaffee",
        _problem("spelling", Severity.WARNING),
        _problem("missing_fact", Severity.WARNING),
        _problem("same_text_as", Severity.WARNING),
        _problem("link_in_bio", Severity.WARNING),
        _problem("utm_missing", Severity.WARNING),  # not the model's to fix
        _problem("too_many_media", Severity.ERROR),  # the image must change, not the text
        _problem("placeholder", Severity.ERROR),
    )
    assert [p.code for p in to_fix(draft)] == [
        "spelling", "missing_fact", "same_text_as", "link_in_bio", "placeholder"
    ]
    assert to_fix(_draft("ok", _problem("utm_missing", Severity.WARNING))) == []


def test_a_repair_that_comes_back_worse_is_dropped() -> None:
    warned = _draft("a", _problem("spelling", Severity.WARNING))
    broken = _draft("b", _problem("placeholder", Severity.ERROR))
    clean = _draft("c")
    assert better(broken, warned) is warned  # an error is worse than a warning
    assert better(clean, warned) is clean
    assert better(_draft("", ), warned) is warned  # no text at all is worst
    assert rank(_draft("d", _problem("spelling", Severity.WARNING))) == rank(warned)
    assert better(_draft("d", _problem("spelling", Severity.WARNING)), warned).text == "d"


def test_a_missed_fact_counts_once_for_each_fact_left_out() -> None:
    brief = ("Neuer Filterkaffee aus Kolumbien, ab Samstag im Kontor und im Shop, 250 g für "
             "11,90 €.")
    gutted = Draft(kit_id="k", platform="instagram", brief=brief, language="de",
                   text="Hey Kaffeetrinker! 🍋 Link in Bio",
                   problems=[_problem("missing_fact", Severity.WARNING)])
    whole = Draft(kit_id="k", platform="instagram", brief=brief, language="de",
                  text=f"{brief} Link in Bio",
                  problems=[_problem("same_text_as", Severity.WARNING),
                            _problem("grammar", Severity.WARNING)])
    assert rank(gutted)[2] >= 4  # Samstag, Kontor, Shop, 250 g, 11,90 € are gone
    assert better(gutted, whole) is whole
    # one fact left out is one warning, as before
    one = gutted.model_copy(update={"text": brief.replace(", ab Samstag", "")})
    assert rank(one) == (0, 0, 1)


def test_without_warnings_only_errors_go_back() -> None:
    draft = _draft("Neue Filterkaffee",
                   _problem("spelling", Severity.WARNING),
                   _problem("missing_fact", Severity.WARNING),
                   _problem("too_many_media", Severity.ERROR),
                   _problem("banned_word", Severity.ERROR))
    assert [p.code for p in to_fix(draft, warnings=False)] == ["banned_word"]
    assert to_fix(_draft("x", _problem("spelling", Severity.WARNING)), warnings=False) == []
