from __future__ import annotations

from collections.abc import Mapping

import pytest

from assistant.errors import ConfigError
from assistant.publish import registry
from assistant.publish.base import Health, Limits, PostRequest, Published, SaveCredentials


class _Echo:
    network = "echo"
    auth_kind = "none"

    def __init__(self, credentials: Mapping[str, str], save: SaveCredentials) -> None:
        self.credentials = dict(credentials)

    def limits(self) -> Limits:
        return Limits(max_chars=10, max_images=0, max_image_bytes=0)

    def check(self) -> Health:
        return Health(state="ok", message="fine")

    def publish(self, request: PostRequest) -> Published:
        return Published(url="https://echo.test/1", remote_id="1")

    def find_existing(self, request: PostRequest) -> Published | None:
        return None


def test_unknown_network_is_a_one_line_config_error() -> None:
    with pytest.raises(ConfigError, match="no provider for network 'myspace'") as info:
        registry.factory_for("myspace")
    assert "\n" not in str(info.value)


def test_registered_factory_builds_a_provider_with_its_credentials() -> None:
    registry.register("echo", _Echo)
    try:
        assert "echo" in registry.networks()
        provider = registry.build("echo", {"token": "t"}, lambda _creds: None)
        assert isinstance(provider, _Echo) and provider.credentials == {"token": "t"}
    finally:
        registry.unregister("echo")
    assert "echo" not in registry.networks()


def test_every_listed_factory_imports() -> None:
    for network in registry.FACTORIES:
        assert callable(registry.factory_for(network))
