"""One client over the openai SDK for any OpenAI-compatible endpoint (sync and async).

Structured output goes through ``response_format`` json_schema and is validated by
pydantic here, so the validator's message can be told to the model on a retry.
Every library error becomes one of ours (errors.py) with a message that says what
to do. Timeouts and retries are explicit (Settings.request_timeout / llm_max_retries).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

import httpx
import openai
from pydantic import BaseModel, ValidationError

from assistant.errors import (
    LLMAuthError,
    LLMBadReplyError,
    LLMConnectionError,
    LLMError,
    LLMModelNotFoundError,
    LLMRateLimitError,
    LLMServerError,
    LLMTimeoutError,
    LLMTruncatedError,
)
from assistant.llm.grammar import Run, run_grammar, says_run
from assistant.llm.schema import strict_schema
from assistant.models import TokenUsage
from assistant.redact import mask_text, mask_url

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
V = TypeVar("V")
# token ids a reply may not use, and the bias that bans one (llama.cpp reads -100 as a ban
# in effect: the token's logit falls below every other's)
Bans = tuple[int, ...]
BANNED = -100
TOKENIZE_SECONDS = 10.0


@dataclass(frozen=True)
class Avoid:
    """What a structured reply may not say: ``tokens`` (from :meth:`LLMClient.aword_tokens`)
    and, in its text fields, ``runs`` of words (``llm.grammar``). Both only on the embedded
    model's server: an endpoint ignores a token's id it never gave, and takes no grammar."""

    tokens: Bans = ()
    runs: tuple[Run, ...] = ()


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class Endpoint:
    """Where requests go. ``api_key`` is excluded from repr so it never shows in logs."""

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    local: bool = False

    @property
    def shown_url(self) -> str:
        """``base_url`` as it may be shown or stored: credentials masked."""
        return mask_url(self.base_url)

    @property
    def label(self) -> str:
        where = "embedded local model" if self.local else self.shown_url
        return f"{self.model} @ {where}"


@dataclass(frozen=True)
class LLMResult(Generic[V]):
    value: V
    usage: TokenUsage
    raw: str
    seconds: float
    model: str


def _usage(raw_usage: Any) -> TokenUsage:
    if raw_usage is None:
        return TokenUsage(calls=1)
    details = getattr(raw_usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", 0) or 0
    return TokenUsage(
        prompt_tokens=raw_usage.prompt_tokens or 0,
        completion_tokens=raw_usage.completion_tokens or 0,
        cached_tokens=cached,
        calls=1,
    )


def translate(exc: Exception, endpoint: Endpoint) -> LLMError:
    """Map an openai exception to ours; the message says what to do."""
    where = endpoint.label
    # the raw error goes to the log (secrets are masked there); the user gets the advice
    log.warning("LLM call failed (%s): %s: %s", where, type(exc).__name__, exc)
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return LLMAuthError(
            f"the endpoint refused the API key ({where}); set POSTWERK_LLM_API_KEY "
            "(or OPENAI_API_KEY) to a valid key"
        )
    if isinstance(exc, openai.RateLimitError):
        return LLMRateLimitError(
            f"the endpoint is rate limiting us ({where}) even after retries; wait a minute "
            "and try again, or lower POSTWERK_LLM_CONCURRENCY"
        )
    if isinstance(exc, openai.NotFoundError):
        return LLMModelNotFoundError(
            f"model '{endpoint.model}' was not found at {endpoint.shown_url}; set "
            "POSTWERK_LLM_MODEL to a model the endpoint serves (and check the /v1 in the URL)"
        )
    if isinstance(exc, openai.APITimeoutError):
        return LLMTimeoutError(
            f"the model did not answer in time ({where}); try again, or raise POSTWERK_LLM_TIMEOUT"
        )
    if isinstance(exc, openai.APIConnectionError):
        return LLMConnectionError(
            f"cannot reach the LLM endpoint {endpoint.shown_url}; check that it is running "
            "and that POSTWERK_LLM_BASE_URL is right (or unset it to use the embedded model)"
        )
    if isinstance(exc, openai.InternalServerError):
        return LLMServerError(
            f"the LLM endpoint failed with a server error ({where}) after retries; "
            "try again later or check the server's log"
        )
    if isinstance(exc, openai.APIStatusError):
        return LLMError(
            f"the LLM endpoint answered {exc.status_code} ({where}): "
            f"{_short(mask_text(exc.message) or '')}; "
            "check the model name and settings"
        )
    return LLMError(f"the LLM call failed ({where}): {_short(mask_text(str(exc)) or '')}")


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_reply(content: str, schema: type[T], finish_reason: str | None) -> T:
    """Validate a reply into ``schema``; cut-off and invalid replies are clear errors."""
    if finish_reason == "length":
        raise LLMTruncatedError(
            "the reply was cut off by the token limit before it was complete; "
            "raise POSTWERK_LLM_MAX_TOKENS or ask for fewer platforms/variants at once"
        )
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise LLMBadReplyError(
            f"the model's reply is not valid JSON ({exc.msg} at position {exc.pos}); "
            "try again or use a stronger model"
        ) from None
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise LLMBadReplyError(
            f"the model's reply does not match the expected form: {validation_summary(exc)}; "
            "try again or use a stronger model"
        ) from None


def validation_summary(exc: ValidationError, limit: int = 5) -> str:
    parts = [f"{'.'.join(str(p) for p in e['loc']) or 'reply'}: {e['msg']}" for e in exc.errors()]
    return "; ".join(parts[:limit])


class LLMClient:
    """Sync and async calls against one endpoint; the SDK clients are created once."""

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        timeout: float = 60.0,
        max_retries: int = 2,
        max_tokens: int = 2048,
    ) -> None:
        self.endpoint = endpoint
        self.max_tokens = max_tokens
        key = endpoint.api_key or "not-needed"
        common: dict[str, Any] = {
            "base_url": endpoint.base_url,
            "api_key": key,
            "timeout": openai.Timeout(timeout, connect=min(10.0, timeout)),
            "max_retries": max_retries,
        }
        self._common = common
        self._sync = openai.OpenAI(**common)
        # An async client's connections belong to the event loop that opened them, and
        # every asyncio.run() (each Streamlit click) makes a new loop: one client per loop.
        self._async_by_loop: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, openai.AsyncOpenAI
        ]
        self._async_by_loop = weakref.WeakKeyDictionary()

    def __repr__(self) -> str:
        return f"LLMClient({self.endpoint!r})"

    # -- request building ---------------------------------------------------
    def _kwargs(
        self,
        messages: list[ChatMessage],
        schema: type[BaseModel] | None,
        temperature: float,
        max_tokens: int | None,
        avoid: Avoid = Avoid(),
    ) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "model": self.endpoint.model,
            "messages": [m.model_dump() for m in messages],
            "temperature": temperature,
            "max_tokens": max_tokens or self.max_tokens,
        }
        extra: dict[str, Any] = {}
        if avoid.tokens:  # llama.cpp's form: [[token id, bias], ...]
            extra["logit_bias"] = [[token, BANNED] for token in avoid.tokens]
        if schema is not None and avoid.runs and self.endpoint.local:
            # the schema as a grammar of its own, which llama.cpp takes in its place
            extra["grammar"] = run_grammar(strict_schema(schema), avoid.runs)
        elif schema is not None:
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": schema.__name__,
                    "schema": strict_schema(schema),
                    "strict": True,
                },
            }
        if extra:
            kwargs["extra_body"] = extra
        return kwargs

    def _result(self, response: Any, schema: type[T] | None, started: float) -> LLMResult[Any]:
        if not response.choices:
            raise LLMBadReplyError("the endpoint sent a reply without choices; try again")
        choice = response.choices[0]
        content = choice.message.content or ""
        value: Any
        if schema is not None:
            value = parse_reply(content, schema, choice.finish_reason)
        else:
            if choice.finish_reason == "length" and not content.strip():
                parse_reply(content, BaseModel, "length")
            value = content
        return LLMResult(
            value=value,
            usage=_usage(response.usage),
            raw=content,
            seconds=time.perf_counter() - started,
            model=getattr(response, "model", None) or self.endpoint.model,
        )

    # -- sync ---------------------------------------------------------------
    def _call(self, kwargs: dict[str, Any]) -> Any:
        try:
            return self._sync.chat.completions.create(**kwargs)
        except openai.OpenAIError as exc:
            raise translate(exc, self.endpoint) from exc

    def structured(
        self,
        messages: list[ChatMessage],
        schema: type[T],
        *,
        temperature: float = 0.7,
        max_tokens: int | None = None,
    ) -> LLMResult[T]:
        started = time.perf_counter()
        response = self._call(self._kwargs(messages, schema, temperature, max_tokens))
        return self._result(response, schema, started)

    def text(
        self,
        messages: list[ChatMessage],
        *,
        temperature: float = 0.7,
        max_tokens: int | None = None,
    ) -> LLMResult[str]:
        started = time.perf_counter()
        response = self._call(self._kwargs(messages, None, temperature, max_tokens))
        return self._result(response, None, started)

    # -- async --------------------------------------------------------------
    def _async_client(self) -> openai.AsyncOpenAI:
        loop = asyncio.get_running_loop()
        client = self._async_by_loop.get(loop)
        if client is None:
            client = openai.AsyncOpenAI(**self._common)
            self._async_by_loop[loop] = client
        return client

    async def _acall(self, kwargs: dict[str, Any]) -> Any:
        try:
            return await self._async_client().chat.completions.create(**kwargs)
        except openai.OpenAIError as exc:
            raise translate(exc, self.endpoint) from exc

    async def astructured(
        self,
        messages: list[ChatMessage],
        schema: type[T],
        *,
        temperature: float = 0.7,
        max_tokens: int | None = None,
        avoid: Avoid = Avoid(),
    ) -> LLMResult[T]:
        """``avoid``: tokens and runs of words the reply may not use (:class:`Avoid`)."""
        started = time.perf_counter()
        kwargs = self._kwargs(messages, schema, temperature, max_tokens, avoid)
        result = self._result(await self._acall(kwargs), schema, started)
        if "grammar" in kwargs.get("extra_body", {}) and says_run(result.raw, avoid.runs):
            log.warning("the model's server did not apply the reply's grammar (a run it "
                        "forbids stands in the reply); update xllamacpp, or set "
                        "POSTWERK_DRAFT_PARTING_RUNS=false")
        return result

    async def aword_tokens(self, words: Sequence[str]) -> Bans:
        """The token ids that write ``words`` whole, each as one token of the embedded
        model's vocabulary, with and without a space before it and capitalised or not
        (what :meth:`astructured` can ban). A word of several tokens is left out: banning
        its first piece would ban every word that begins so. An endpoint's tokenizer is
        unknown (an OpenAI-compatible API has no way to ask it): none there."""
        if not self.endpoint.local or not words:
            return ()
        root = self.endpoint.base_url.rstrip("/").removesuffix("/v1")
        forms = list(dict.fromkeys(form for word in words for form in (
            f" {word}", f" {word.capitalize()}", word, word.capitalize())))
        tokens: list[int] = []
        try:
            async with httpx.AsyncClient(timeout=TOKENIZE_SECONDS) as http:
                for form in forms:
                    reply = await http.post(f"{root}/tokenize", json={"content": form})
                    reply.raise_for_status()
                    found = reply.json().get("tokens") or []
                    if len(found) == 1 and isinstance(found[0], int):
                        tokens.append(found[0])
        except (httpx.HTTPError, ValueError) as exc:
            # no bans is a sample as before, not a failed draft
            log.warning("the embedded model could not tokenize the words to avoid: %s", exc)
            return ()
        return tuple(dict.fromkeys(tokens))

    async def atext(
        self,
        messages: list[ChatMessage],
        *,
        temperature: float = 0.7,
        max_tokens: int | None = None,
    ) -> LLMResult[str]:
        started = time.perf_counter()
        response = await self._acall(self._kwargs(messages, None, temperature, max_tokens))
        return self._result(response, None, started)

    def close(self) -> None:
        self._sync.close()
