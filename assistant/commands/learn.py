"""`postwerk learn ...`: what the edits of a brand's drafts teach, as rules for its kit.

postwerk learn propose --brand KIT [--json]   the proposed rules with their ids
postwerk learn accept RULE_ID [--json]        write the rule into the kit's kit.yaml
postwerk learn dismiss RULE_ID [--json]       never propose it again
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit

if TYPE_CHECKING:
    from assistant.learning.proposals import ProposedRule

learn_app = typer.Typer(
    help="Rules learned from the edits of the model's drafts; a person accepts each one.",
    no_args_is_help=True,
)
RULE_ARGUMENT = typer.Argument(..., metavar="RULE_ID", help="An id `learn propose` listed.")


def _row(rule: ProposedRule) -> dict[str, object]:
    return {**rule.model_dump(mode="json"), "rule": rule.rule_text}


@learn_app.command("propose")
def propose_command(
    brand: str = typer.Option(..., "--brand", "-b", help="The brand kit id."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The corrections people made again and again to this brand's drafts, as kit rules."""
    from assistant.config import get_settings
    from assistant.learn import propose_rules
    from assistant.queue import open_queue

    settings = get_settings()
    rules = propose_rules(brand, open_queue(settings), settings)

    def render() -> None:
        if not rules:
            typer.echo(f"nothing to propose for {brand}: no correction was made often enough "
                       "(at least 3 posts and 70 % of the posts where it applies)")
        for rule in rules:
            typer.echo(f"{rule.id}  {rule.summary}")
        if rules:
            typer.echo("accept one with `postwerk learn accept RULE_ID`, or dismiss it")

    emit(as_json, {"kit_id": brand, "rules": [_row(r) for r in rules]}, render)


@learn_app.command("accept")
def accept_command(rule_id: str = RULE_ARGUMENT, as_json: bool = JSON_OPTION) -> None:
    """Write the rule into the kit's kit.yaml (the change is shown as a diff)."""
    from assistant.learn import accept_rule

    done = accept_rule(rule_id.strip())
    emit(as_json, {"accepted": _row(done.rule), "kit_file": str(done.path), "diff": done.diff},
         lambda: typer.echo(f"accepted {done.rule.id}: {done.rule.rule_text}\n{done.diff}"))


@learn_app.command("dismiss")
def dismiss_command(rule_id: str = RULE_ARGUMENT, as_json: bool = JSON_OPTION) -> None:
    """Do not want the rule: the kit stays as it is and the rule is not proposed again."""
    from assistant.learn import dismiss_rule

    rule = dismiss_rule(rule_id.strip())
    emit(as_json, {"dismissed": _row(rule)},
         lambda: typer.echo(f"dismissed {rule.id}: {rule.rule_text}"))


def register(app: typer.Typer) -> None:
    app.add_typer(learn_app, name="learn")
