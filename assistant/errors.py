"""One exception tree for Postwerk.

Every message says what the user should do next. Adapters translate library
errors into these with ``raise X(...) from exc``; the UI shows ``str(e)`` and the
CLI prints it as one line on stderr and exits 2 (bad input or configuration).

    AssistantError
    ├── ConfigError              settings that cannot work (bad URL, bad zone, ...)
    ├── InputError               bad input from the user (text, file, date, id)
    │   ├── UnknownPlatformError
    │   ├── ImageError           an upload that is not a usable image
    │   └── ReviewLinkError      a client review link that is expired, revoked or changed
    ├── BrandKitError            a kit that cannot be loaded, saved or indexed
    │   └── KitNotFoundError
    ├── LLMError                 anything that went wrong talking to the model
    │   ├── LLMConnectionError   endpoint down or unreachable
    │   ├── LLMAuthError         key missing or refused
    │   ├── LLMRateLimitError    429 after the retries
    │   ├── LLMModelNotFoundError
    │   ├── LLMTimeoutError
    │   ├── LLMServerError       5xx after the retries
    │   ├── LLMBadReplyError     reply is not valid JSON / not the asked schema
    │   └── LLMTruncatedError    reply cut off by max_tokens
    ├── LocalModelError          the embedded model cannot be assembled or started
    ├── StoreError               vector store failures
    ├── QueueError               queue storage and transitions
    │   └── TransitionError      a status change that the rules forbid
    ├── ComplianceError          link checks refused (e.g. private address)
    └── PublishError             webhook delivery failed
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error Postwerk raises on purpose."""


class ConfigError(AssistantError):
    pass


class InputError(AssistantError):
    pass


class UnknownPlatformError(InputError):
    pass


class ImageError(InputError):
    pass


class ReviewLinkError(InputError):
    pass


class BrandKitError(AssistantError):
    pass


class KitNotFoundError(BrandKitError):
    pass


class LLMError(AssistantError):
    pass


class LLMConnectionError(LLMError):
    pass


class LLMAuthError(LLMError):
    pass


class LLMRateLimitError(LLMError):
    pass


class LLMModelNotFoundError(LLMError):
    pass


class LLMTimeoutError(LLMError):
    pass


class LLMServerError(LLMError):
    pass


class LLMBadReplyError(LLMError):
    pass


class LLMTruncatedError(LLMError):
    pass


class LocalModelError(AssistantError):
    pass


class StoreError(AssistantError):
    pass


class QueueError(AssistantError):
    pass


class TransitionError(QueueError):
    pass


class ComplianceError(AssistantError):
    pass


class PublishError(AssistantError):
    pass
