"""Which provider publishes to which network: network name -> ``ProviderFactory``.

Each provider module registers itself here with ONE line in ``FACTORIES`` as
``"network": "module.path:factory_name"``. The import is lazy so that the CLI and the app do
not pay for the atproto SDK or Mastodon.py before a channel of that network is used, and so
this module imports no provider (no import cycles: providers import ``base``, never this).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from assistant.errors import ConfigError
from assistant.publish.base import Provider, ProviderFactory, SaveCredentials

# network -> "module:factory". One line per provider; keep sorted to ease merges.
FACTORIES: dict[str, str] = {
    "bluesky": "assistant.publish.bluesky:bluesky_factory",
    "linkedin": "assistant.publish.linkedin:connect",
    "mastodon": "assistant.publish.mastodon:connect",
    "webhook": "assistant.publish.webhook:provider_factory",
}

# Factories added at run time (tests, plugins); they win over FACTORIES.
_EXTRA: dict[str, ProviderFactory] = {}


def networks() -> tuple[str, ...]:
    """Every network a channel can be connected to, sorted."""
    return tuple(sorted(set(FACTORIES) | set(_EXTRA)))


def register(network: str, factory: ProviderFactory) -> None:
    """Add or replace a network's factory at run time (tests use it for a fake network)."""
    _EXTRA[network] = factory


def unregister(network: str) -> None:
    _EXTRA.pop(network, None)


def factory_for(network: str) -> ProviderFactory:
    """The factory for ``network``; a one-line ConfigError for a network nobody provides."""
    if network in _EXTRA:
        return _EXTRA[network]
    target = FACTORIES.get(network)
    if target is None:
        known = ", ".join(networks()) or "none"
        raise ConfigError(f"no provider for network {network!r}; use one of: {known}")
    module_name, _, attr = target.partition(":")
    factory: ProviderFactory = getattr(importlib.import_module(module_name), attr)
    return factory


def build(network: str, credentials: Mapping[str, str], save: SaveCredentials) -> Provider:
    """A provider for one connected channel."""
    return factory_for(network)(credentials, save)
