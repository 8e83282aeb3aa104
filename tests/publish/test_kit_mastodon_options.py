"""A kit's Mastodon channel says who sees its posts and which content warning they carry."""

from __future__ import annotations

import pytest

from assistant.brand.kit import kit_from_yaml
from assistant.errors import BrandKitError

KIT = "id: abc\nname: A\nlegal: {name: A, legal_form: GmbH}\nchannels:\n"


def test_visibility_and_content_warning_are_read_from_the_kit() -> None:
    kit = kit_from_yaml(KIT + "- {platform: mastodon, handle: '@a@social.test', "
                        "visibility: unlisted, content_warning: '  Werbung '}\n"
                        "- {platform: x, handle: a}\n")
    mastodon, x = kit.channels
    assert (mastodon.visibility, mastodon.content_warning) == ("unlisted", "Werbung")
    assert (x.visibility, x.content_warning) == ("public", None)


def test_unknown_visibility_is_a_one_line_kit_error() -> None:
    with pytest.raises(BrandKitError, match="visibility") as info:
        kit_from_yaml(KIT + "- {platform: mastodon, handle: a, visibility: everyone}\n")
    assert "\n" not in str(info.value)
