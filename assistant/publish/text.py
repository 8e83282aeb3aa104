"""What a provider sends as the post's text (pure)."""

from __future__ import annotations

from assistant.publish.base import PostRequest


def text_with_link(request: PostRequest) -> str:
    """The text, and the request's link after it unless the text already has it.

    Networks that build a preview from a link in the text (Mastodon) take the last one, so
    the link goes last; on the others it is at least clickable.
    """
    if request.link and request.link not in request.text:
        return f"{request.text.rstrip()}\n\n{request.link}"
    return request.text
