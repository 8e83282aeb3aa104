"""Prompts are files: ``prompts/<name>.yaml`` with named variables, rendered by one function.

A prompt file holds ``description``, ``variables`` (the names it needs) and one or more
templates (``system``, ``user``). Placeholders are ``{{ name }}``; braces elsewhere (JSON
examples, brand texts) are left alone. A variable that a template uses but the caller
does not give, or one the file does not declare, is an error (simonw/llm templates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.errors import ConfigError

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")
TEMPLATE_KEYS = ("system", "user")


@dataclass(frozen=True)
class PromptFile:
    name: str
    description: str
    variables: tuple[str, ...]
    templates: dict[str, str]

    def placeholders(self) -> set[str]:
        return {m for text in self.templates.values() for m in PLACEHOLDER.findall(text)}


@lru_cache(maxsize=32)
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> PromptFile:
    path = directory / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"prompt file {path} is missing; reinstall Postwerk") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"prompt file {path} is not valid YAML: {exc}") from None
    templates = {k: str(data[k]) for k in TEMPLATE_KEYS if k in data}
    prompt = PromptFile(
        name=name,
        description=str(data.get("description", "")),
        variables=tuple(data.get("variables") or ()),
        templates=templates,
    )
    undeclared = prompt.placeholders() - set(prompt.variables)
    if not templates or undeclared:
        raise ConfigError(
            f"prompt file {path}: {'no templates' if not templates else 'undeclared variables '}"
            f"{', '.join(sorted(undeclared))}; declare them under 'variables'"
        )
    return prompt


def render(name: str, directory: Path = PROMPTS_DIR, **values: object) -> dict[str, str]:
    """Render every template of prompt ``name``; returns e.g. {"system": ..., "user": ...}."""
    prompt = load_prompt(name, directory)
    missing = [v for v in prompt.variables if v not in values]
    unknown = [v for v in values if v not in prompt.variables]
    if missing or unknown:
        raise ConfigError(
            f"prompt {name!r}: missing variables {missing or 'none'}, unknown {unknown or 'none'}"
        )
    return {
        key: PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), text).strip()
        for key, text in prompt.templates.items()
    }


def prompt_names(directory: Path = PROMPTS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml"))
