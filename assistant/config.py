"""Settings from the environment, `.env` and Streamlit secrets.

Precedence, highest first: init arguments, environment, `.env`, Streamlit
secrets (`.streamlit/secrets.toml`), defaults. Names are those of DESIGN.md's
table (prefix ``POSTWERK_``). API keys are ``SecretStr`` so that they never show
in ``repr``, logs or exports, and nothing here writes them anywhere.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from assistant.errors import ConfigError
from assistant.redact import mask_url

LOCAL_PARALLEL = 2  # slots of the embedded llama.cpp server (2 cores: more only time-slice)
SECRETS_FILES = (Path(".streamlit/secrets.toml"), Path.home() / ".streamlit/secrets.toml")


def valid_zone(value: str) -> str:
    """``value`` if it names an IANA time zone; otherwise a ValueError that says what to use."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown time zone {value!r}; use an IANA name like Europe/Berlin"
        ) from exc
    return value


def read_secrets_file(path: Path) -> tuple[dict[str, Any], str | None]:
    """The table in one secrets.toml and, if it cannot be used, a one-line reason why.

    A missing file is normal (no reason); a file that is not valid TOML is skipped, but
    the reason is kept so that the UI and the CLI can say that its keys were ignored.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as exc:
        return {}, f"{path} cannot be read ({exc}); its settings are ignored"
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        return {}, (
            f"{path} is not valid TOML ({exc}); its settings (e.g. an API key) are ignored "
            'until you fix it: write key = "value" lines'
        )


def secrets_warnings() -> list[str]:
    """One line per secrets.toml that exists but cannot be used."""
    problems = (read_secrets_file(path)[1] for path in SECRETS_FILES)
    return [p for p in problems if p]


class StreamlitSecretsSource(PydanticBaseSettingsSource):
    """Reads ``POSTWERK_*`` (and ``OPENAI_API_KEY``) keys from Streamlit's secrets.toml.

    Read with tomllib so that the settings do not import streamlit.
    """

    def _values(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for path in reversed(SECRETS_FILES):
            data, _problem = read_secrets_file(path)
            merged.update(
                {k.upper(): v for k, v in data.items() if isinstance(v, str | int | float | bool)}
            )
        return merged

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self._values().get(f"POSTWERK_{field_name.upper()}"), field_name, False

    def __call__(self) -> dict[str, Any]:
        values = self._values()
        out: dict[str, Any] = {}
        for name in self.settings_cls.model_fields:
            key = f"POSTWERK_{name.upper()}"
            if key in values:
                out[name] = values[key]
        if "llm_api_key" not in out and "OPENAI_API_KEY" in values:
            out["llm_api_key"] = values["OPENAI_API_KEY"]
        return out


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="POSTWERK_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Path("./data")
    kits_dir: Path = Path("./brand_kits")
    local_model_path: Path | None = None
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    # seconds for one LLM request; unset: 60 for an endpoint, 600 for the embedded model,
    # which writes ~30 tokens/s on 2 cores and queues concurrent requests
    llm_timeout: float | None = Field(None, gt=0)
    llm_max_retries: int = Field(2, ge=0, le=10)
    llm_max_tokens: int = Field(2048, gt=0)
    llm_concurrency: int = Field(8, ge=1, le=64)
    embeddings_base_url: str | None = None
    embeddings_model: str | None = None
    database_url: str | None = None
    chroma_url: str | None = None  # a chromadb server for teams, e.g. http://10.0.0.5:8000
    timezone: str = "Europe/Berlin"
    links_allow_private: bool = False
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    secret_key: SecretStr | None = None  # signs client review links (else a key file)
    # publishing (assistant/publish): the in-app worker thread (unset: on when a channel is
    # connected), seconds between its passes
    publish_in_app: bool | None = None
    publish_interval: float = Field(30.0, ge=1, le=3600)
    public_url: str = "http://127.0.0.1:8501"  # the app's address in review links
    local_ctx: int = Field(8192, ge=512)
    # generation threads of the embedded model; unset: chosen from the cores (llm/threads.py)
    local_threads: int | None = Field(None, ge=1, le=256)
    # seconds a shared embedded model server stays up without requests; 0 = until stopped
    local_idle_timeout: float = Field(900.0, ge=0)
    # OpenMP threads of the built-in embedder; unset: 1 (``embedder_threads``;
    # brand/embeddings.py and bench/README.md say why)
    embed_threads: int | None = Field(None, ge=1, le=256)
    # How drafts are made (issue 13: quality from structure); defaults chosen by
    # bench/bench_quality.py on the embedded model, see bench/README.md.
    draft_proofread: bool = False  # a second call that may fix only spelling and grammar
    draft_adapt_example: bool = False  # the closest kit example as a pattern to rewrite
    draft_platform_style: bool = True  # per-platform length and form in the rules
    draft_split_platforms: bool = True  # one call per platform instead of one per brief
    draft_fact_list: bool = True  # the brief's facts as a checklist in the prompt
    # split mode: each platform's reply in named parts / held to its budget (drafting_form);
    # on since 2026-11-30: in every side-by-side run it cut the briefs whose platforms got
    # the same text (5 of 6 -> 1 of 6 at temperature 0.3) and never had fewer ready drafts
    draft_platform_form: bool = True
    # first drafts per call; the checker keeps the one with the fewest findings
    # (drafting_pick); the others cost their tokens
    draft_candidates: int = Field(1, ge=1, le=4)
    # sampling temperature of a first draft (a second variant adds 0.1, up to 1.0); 0.3
    # against 0.7 on 12 briefs of the embedded model: more ready, fewer problems and
    # missed facts, more briefs with the same text (bench/README.md, 2026-11-30)
    draft_temperature: float = Field(0.3, ge=0.0, le=1.0)
    # one call per platform: each later platform of a brief drafts this much warmer than
    # the one before (the second at temperature + step, the third + 2 steps, up to 1.0), so
    # that at a low temperature not every platform restates the brief the same way
    draft_temperature_step: float = Field(0.0, ge=0.0, le=0.5)
    # with the platform form: the second short platform of a brief (X, Bluesky, Threads,
    # Mastodon) gets a headline and "label: value" lines instead of one text, so that two
    # short platforms do not restate the brief alike (drafting_form.list_form). Off: it
    # parted X and Bluesky, but its lines read badly and lost words to their caps (bench,
    # 2026-11-30)
    draft_short_list: bool = False
    # with the platform form: the part with the brief's facts (Instagram's lines, the
    # details of Facebook and LinkedIn) is written before the hook, question or context.
    # Off: the hook and question lost their topic and the same text rose (bench, 2026-11-30)
    draft_facts_first: bool = False
    # with the platform form: the second short platform of a brief asks for its text in the
    # model's own words, not the brief's. On: 11 against 9 of 18 English drafts ready, the
    # same text in 2 against 3 of 6 briefs, side by side (bench/README.md, 2026-12-01)
    draft_own_words: bool = True
    # with the platform form: Instagram's hook and Facebook's question name the topic, not
    # its date, time or price, which the model said there and again below (repeated_fact).
    # On: with own words, 12 of 18 English ready and the same text in 1 of 6 briefs
    draft_bare_hook: bool = True
    # with the platform form: every platform after the brief's first is asked for its facts
    # in the model's own words (the short ones for their text), so that no two restate the
    # brief alike. Off: on 6 German briefs side by side, 7 against 9 of 18 ready and the
    # same text in 3 of 6 briefs either way (bench/README.md, 2026-12-01)
    draft_reword_later: bool = False
    # with the platform form: a short platform's post (X, Bluesky, Threads, Mastodon) is an
    # opener of its own to the reader, then the brief's facts (drafting_form.with_opener),
    # so that a longer platform carrying the brief does not hold all of it. Off: on 5
    # German briefs the X post of the Kolumbien brief put the brief's first words in the
    # opener (the same text as Instagram's stayed), and the other openers were nonsense
    # that no check reads ("Kaffee ist eine Art von Kaffee, der sich oft in der Küche ü?",
    # bench/README.md, 2026-12-02)
    draft_short_opener: bool = False
    # split mode with the platform form: Facebook's question to the readers opens with a verb
    # to them ("Kennst du ...", "Hast du Lust ...", "Do you ..."), not a question word, which
    # the 1.5B model used to ask about the brief's own facts ("Was ist der Röstkurs am 12.
    # Dezember?"); see drafting_question.question_pattern. Off: side by side on 13 German briefs,
    # 21 against 21 of 39 ready and the same text in 5 against 3 briefs, five of its nine
    # questions "Wartest du auf ...", no fewer that make no sense (bench/README.md,
    # 2026-12-04, evening)
    draft_reader_question: bool = False
    # split mode with the platform form: Facebook's post opens with a hook line of its own,
    # as Instagram's does, instead of a question that the server's grammar forces to begin
    # with a question word or a verb to the reader (drafting_form.facebook_form). On: side
    # by side on the 11 briefs with Facebook, 21 against 17 of 33 drafts ready, the same
    # text in 2 against 4 briefs, no draft with problems against 3; of the 9 German
    # Facebook posts none opened with a question that made sense ("Was ist der Kaffee der
    # Woche?" over a Christmas closure), 2 or 3 with the hook were fit to post
    # (bench/README.md, 2026-12-05)
    draft_facebook_hook: bool = True
    # split mode with the platform form: LinkedIn's post opens with a hook line (Instagram's)
    # instead of a paragraph on why the news matters (drafting_form.linkedin_form). Off: side
    # by side on the 6 German briefs with LinkedIn, 12 against 11 of 18 drafts ready, and of
    # the 6 German LinkedIn posts on each side 1 or 2 were fit to post; the hook's were
    # shorter, with as much nonsense in fewer words (bench/README.md, 2026-12-05)
    draft_linkedin_hook: bool = False
    # split mode with the platform form: LinkedIn's facts as "label: value" lines instead of
    # sentences (drafting_form.FACT_LINES), which a shorter platform's restated brief cannot
    # match (``same_text_as``). Off: side by side on the 13 briefs with LinkedIn, 14 against
    # 23 of 39 drafts ready, the same text in 4 against 2 briefs, and labels that did not
    # fit their values ("When: Turn them on under Settings") (bench/README.md, 2026-12-06)
    draft_linkedin_list: bool = False
    # one call per platform: how many rewrites the parting round (drafting_distinct) asks
    # for at once when a platform got nearly another's text, beside its fresh drafts; the
    # sample with the fewest findings, ``same_text_as`` of the new set included, is kept
    # (one repair however many). 0: over the 69 parting rounds of five bench runs the
    # rewrite parted the texts in 5 and was the only sample to part them in 4, the fresh
    # draft parted them in 30 and the example's in 20 of 48; a third sample is a second
    # pass on the model server's two slots (bench/README.md, 2026-12-07, eleventh session)
    draft_parting_candidates: int = Field(0, ge=0, le=4)
    # one call per platform: how many fresh first drafts of that platform the parting round
    # asks beside those rewrites, warmer (PARTING_FRESH_TEMPERATURE) and in a new
    # conversation that quotes no text; the round stays one repair of the platform's at
    # most two. 1: in 16 rounds of one run, side by side, the rewrite parted the texts
    # with no finding left 4 times, the fresh draft 6 times, the best of both 8 times
    # (bench/README.md, 2026-12-03, night)
    draft_parting_fresh: int = Field(1, ge=0, le=4)
    # one call per platform: of two near-same texts with as many findings, the parting
    # round keeps the one of the platform with the smaller limit (X before Bluesky before
    # Instagram ...) and rewrites the other, which has room for words of its own; off, it
    # keeps the earlier platform's. On: in 16 rounds (bench, 2026-12-03, night) an X text
    # was rewritten 4 times and never parted; side by side on 12 briefs, 20 against 13 of
    # 36 drafts ready and the same text in 6 against 8 briefs, the rounds keeping a parted
    # text in 5 of 11 against 1 of 9 (bench/README.md)
    draft_parting_keep_short: bool = True
    # one call per platform: the parting round also asks for a fresh first draft that
    # follows the kit's example post for that platform (its form, none of its facts:
    # ``briefing.template_block``), beside the rewrite and the fresh draft; the one with
    # the fewest findings is kept as before. The pattern is the platform's example that
    # shares most of the brief's topic words, none if none shares one, and tidy strikes a
    # long question copied from an example off the brief's topic (in the browser the job
    # ad's "Du schmeckst gern genau hin ...?" had parted a ready LinkedIn post on opening
    # hours). On: side by side on briefs 1-12, 19 against 12 of 36 drafts ready and the
    # same text in 3 against 6 briefs (2026-12-06); on briefs 13-24, 26 against 15 of 36
    # and 2 against 4 (2026-12-07, seventh session; bench/README.md)
    draft_parting_example: bool = True
    # one call per platform, embedded model: the parting round's samples may not use the
    # words that carry the text they must differ from (``drafting_hinges``: not its facts,
    # nouns, function words or the kit's own words), banned in the sampler by token. Told
    # in words, the 1.5B model restated a brief that is a finished post for every platform
    # again; an endpoint's tokenizer is unknown, so it has none
    draft_parting_ban: bool = True
    # one call per platform, embedded model: the parting round's samples may not say the
    # runs of three words of the text they must differ from (``drafting_hinges.hinge_runs``:
    # not a run that ends on a fact of the brief or a noun, nor one with a number or a word
    # of the brief's state, nor one of the kit's own texts), forbidden by the reply's
    # grammar (``llm.grammar``). German wording is words of several tokens, which no token
    # ban reaches; an endpoint takes no grammar. Off: on the 13 German briefs 18 against 13
    # of 39 ready, but the 1.5B model bent facts ("Vom 24. zu 26. Dezember"); with the
    # facts' runs spared, all 24 briefs made 38 against 37 of 72 ready and the same text in
    # 5 against 4 briefs, with more unfit ready drafts (bench/README.md, 2026-12-08)
    draft_parting_runs: bool = False
    # whether the warnings a repair names (a fact left out, a word or claim no source
    # makes, a text cut off, a slip of grammar, ...) go back to the model, or only errors
    # (too long, a banned word, the wrong form of address); the parting round for texts
    # that two platforms share is a repair of its own and runs either way. Unset: off for
    # the embedded model, on for an endpoint (``repair_warnings``). On the embedded model
    # 2 of 40 such findings came back cleared and the repairs took more model time than
    # the first drafts; side by side on 8 briefs x 2 rounds, off: 21 against 23 of 48
    # ready (inside the spread), 0.72x the wait per post (bench/README.md, 2026-12-07,
    # tenth session); a larger model follows them
    draft_repair_warnings: bool | None = None
    # LinkedIn publishing (assistant/publish/linkedin.py): the month of the versioned REST API
    # (LinkedIn retires a version about a year after it comes out), the developer app that
    # users connect through, and the API's addresses (tests point them at a local fake)
    linkedin_version: str = Field("202605", pattern=r"^20\d{4}$")
    linkedin_client_id: str | None = None
    linkedin_client_secret: SecretStr | None = None
    linkedin_api_url: str = "https://api.linkedin.com"
    linkedin_oauth_url: str = "https://www.linkedin.com"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            dotenv_settings,
            StreamlitSecretsSource(settings_cls),
            file_secret_settings,
        )

    @field_validator("timezone")
    @classmethod
    def _zone_exists(cls, value: str) -> str:
        return valid_zone(value)

    @field_validator("llm_base_url", "embeddings_base_url", "webhook_url", "chroma_url",
                     "linkedin_api_url", "linkedin_oauth_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        assert value is not None
        if not value.startswith(("http://", "https://")):
            raise ValueError(
                f"{mask_url(value)!r} is not an http(s) URL; e.g. http://127.0.0.1:11434/v1"
            )
        return value.rstrip("/")

    # -- derived -----------------------------------------------------------
    @property
    def shown_llm_url(self) -> str | None:
        """The endpoint as it may be shown: credentials masked (``redact.mask_url``)."""
        return mask_url(self.llm_base_url) if self.llm_base_url else None

    @property
    def api_key(self) -> str | None:
        """The key for the endpoint: POSTWERK_LLM_API_KEY, else OPENAI_API_KEY."""
        if self.llm_api_key is not None:
            return self.llm_api_key.get_secret_value()
        return os.environ.get("OPENAI_API_KEY") or None

    @property
    def secret_values(self) -> list[str]:
        """Every key value that must never reach a log, a message or an export."""
        webhook = self.webhook_secret.get_secret_value() if self.webhook_secret else None
        signing = self.secret_key.get_secret_value() if self.secret_key else None
        linkedin = (self.linkedin_client_secret.get_secret_value()
                    if self.linkedin_client_secret else None)
        return [value for value in (self.api_key, webhook, signing, linkedin) if value]

    @property
    def uses_local_model(self) -> bool:
        return self.llm_base_url is None

    @property
    def repair_warnings(self) -> bool:
        """``draft_repair_warnings``, or when unset: on for an endpoint, off for the
        embedded model, whose repairs cleared 2 of 40 warnings (bench/README.md)."""
        if self.draft_repair_warnings is not None:
            return self.draft_repair_warnings
        return not self.uses_local_model

    @property
    def embedder_threads(self) -> int:
        """Threads of the built-in embedder: one unless set. Beside the embedded model its
        generation threads need the cores. With an endpoint, the vector cache leaves a
        draft only small batches to embed (a query, a draft's text), where a second
        OpenMP thread mostly spins at its barriers on a busy machine: a 7 x 3 week against
        a 1 s endpoint took 10.0 s with 1 thread and 11.7 s with 2 (bench/README.md). Big
        re-indexing on a free machine is faster with more (POSTWERK_EMBED_THREADS)."""
        return self.embed_threads or 1

    @property
    def concurrency(self) -> int:
        """Calls in flight: the embedded server drafts LOCAL_PARALLEL at a time, so more
        would only wait in its queue (and run into the timeout)."""
        if self.uses_local_model:
            return min(self.llm_concurrency, LOCAL_PARALLEL)
        return self.llm_concurrency

    @property
    def request_timeout(self) -> float:
        if self.llm_timeout is not None:
            return self.llm_timeout
        return 600.0 if self.uses_local_model else 60.0

    @property
    def queue_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'postwerk.db').resolve()}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def ensure_data_dir(self) -> Path:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"cannot create the data directory {self.data_dir}: {exc.strerror}; "
                "set POSTWERK_DATA_DIR to a writable folder"
            ) from exc
        return self.data_dir


def user_cache_dir() -> Path:
    """Files derived from installed packages (the German noun index) and the bundled
    embedder's vectors, shared by every data dir of this user: ``$XDG_CACHE_HOME/postwerk``,
    else ``~/.cache/postwerk``. No text of a user's own (kits, posts) and no key is ever
    written there: vectors are stored under hashes (brand/vectorcache.py)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "postwerk"


def load_settings(**overrides: Any) -> Settings:
    """Read the settings; a bad value becomes one ConfigError line naming the variable."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = "POSTWERK_" + str(err["loc"][0]).upper() if err["loc"] else "settings"
        raise ConfigError(f"{name}: {err['msg']}") from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests call ``get_settings.cache_clear()``)."""
    return load_settings()
