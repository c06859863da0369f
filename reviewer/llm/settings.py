"""Resolve the LLM stage's settings: flag > environment > config file > default.

The API key comes from the environment (``OPENAI_API_KEY``, or the variable named by the config's
``api_key_env``) or the config file; never from a flag, because command lines are visible to other
users. It is held in a :class:`Secret`, whose ``repr`` and ``str`` never show it.

Known model families get the parameters they need by default (:mod:`reviewer.llm.quirks`);
``extra_body`` (the config's ``[llm]`` table, or ``REVIEWER_LLM_EXTRA_BODY`` as a JSON object,
which wins key by key) adds provider parameters to every request.

A local OpenAI-compatible server (vLLM, Ollama) needs no key: with a base URL on this machine and
no key, a placeholder is sent. With no key and a remote (or default) endpoint the stage is off, and
``LlmSettings.note`` says in one Chinese line how to turn it on.
"""

from __future__ import annotations

import argparse
import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit, urlunsplit

from reviewer.cachedir import default_cache_dir
from reviewer.errors import UsageError
from reviewer.llm.quirks import quirks_for

if TYPE_CHECKING:
    from reviewer.llm.batch_answers import BatchAnswers

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_CONCURRENCY = 4
DEFAULT_TIMEOUT = 120.0
DEFAULT_BATCH_POLL = 30.0  # seconds between two looks at a submitted batch
DEFAULT_BATCH_SIZE = 50_000  # requests per batch (OpenAI's limit)
DEFAULT_MAX_ANSWER_CHARS = 100_000  # a table's answer is a few thousand characters
DEFAULT_MAX_FINDINGS = 100  # findings in one table's answer; a real table has a dozen at most
LOCAL_PLACEHOLDER_KEY = "no-key-required"
EXTRA_BODY_ENV = "REVIEWER_LLM_EXTRA_BODY"

NOTE_NO_KEY = (
    "未配置 OPENAI_API_KEY：仅进行确定性复核。"
    "设置 OPENAI_API_KEY（及 OPENAI_BASE_URL、--model）即可启用大模型叙述审读。"
)
NOTE_DISABLED = "已按 --no-llm 关闭大模型叙述审读：仅进行确定性复核。"

CassetteMode = Literal["record", "replay"]

_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "host.docker.internal"}

# Keys accepted in the [llm] section of the config file.
CONFIG_KEYS = frozenset(
    {
        "model",
        "base_url",
        "api_key",
        "api_key_env",
        "concurrency",
        "timeout",
        "cache",
        "cache_dir",
        "temperature",
        "max_tokens",
        "max_answer_chars",
        "max_findings",
        "extra_body",
        "price_input_per_1m",
        "price_output_per_1m",
        "currency",
        "cassette_dir",
        "cassette_mode",
        "retry_base_delay",
        "retry_max_delay",
        "retry_after_max",
        "batch_poll",
        "batch_size",
    }
)


class Secret:
    """A string that does not show itself: ``repr``, ``str`` and format give ``'***'``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('***')" if self._value else "Secret('')"

    def __str__(self) -> str:
        return "***" if self._value else ""

    def __format__(self, spec: str) -> str:
        return str(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not pickled")


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded exponential backoff with jitter for one kind of transient failure.

    ``attempts`` counts tries of that kind (the first included); the wait before try ``n + 1`` is
    ``min(max_delay, base_delay * 2 ** (n - 1))`` scaled by a random factor in [0.5, 1].
    """

    attempts: int
    base_delay: float
    max_delay: float


@dataclass(frozen=True)
class RetryPolicies:
    """One policy per failure kind: connection errors, 429, 5xx, timeouts."""

    connection: RetryPolicy = RetryPolicy(3, 1.0, 20.0)
    rate_limit: RetryPolicy = RetryPolicy(6, 2.0, 60.0)
    server: RetryPolicy = RetryPolicy(4, 1.0, 30.0)
    timeout: RetryPolicy = RetryPolicy(2, 1.0, 10.0)
    # A Retry-After longer than this is not waited for: the table fails instead.
    retry_after_max: float = 120.0

    def scaled(
        self, base: float | None, cap: float | None, after_max: float | None
    ) -> RetryPolicies:
        def one(p: RetryPolicy) -> RetryPolicy:
            return RetryPolicy(
                p.attempts,
                p.base_delay if base is None else base,
                p.max_delay if cap is None else cap,
            )

        return RetryPolicies(
            connection=one(self.connection),
            rate_limit=one(self.rate_limit),
            server=one(self.server),
            timeout=one(self.timeout),
            retry_after_max=self.retry_after_max if after_max is None else after_max,
        )


@dataclass(frozen=True)
class LlmSettings:
    """Everything the LLM stage needs. ``api_key`` is a :class:`Secret` and is never shown."""

    enabled: bool
    note: str = ""
    model: str = DEFAULT_MODEL
    base_url: str = DEFAULT_BASE_URL
    api_key: Secret = field(default_factory=lambda: Secret(""), repr=False, compare=False)
    concurrency: int = DEFAULT_CONCURRENCY
    timeout: float = DEFAULT_TIMEOUT
    use_cache: bool = True
    cache_dir: Path = field(default_factory=lambda: default_cache_dir({}))
    temperature: float | None = 0.0
    max_tokens: int | None = None
    token_parameter: str = "max_tokens"  # or max_completion_tokens (reasoning models)
    extra_body: dict[str, Any] = field(default_factory=dict)  # provider parameters, sent as is
    price_input_per_1m: float | None = None
    price_output_per_1m: float | None = None
    currency: str = ""
    cassette_dir: Path | None = None
    cassette_mode: CassetteMode | None = None
    retry: RetryPolicies = field(default_factory=RetryPolicies)
    max_reasks: int = 2
    batch_poll: float = DEFAULT_BATCH_POLL
    batch_size: int = DEFAULT_BATCH_SIZE
    # Answers from the provider's batch engine: the stage reads them instead of asking.
    batch_answers: BatchAnswers | None = field(default=None, repr=False, compare=False)
    max_answer_chars: int = DEFAULT_MAX_ANSWER_CHARS  # a longer answer fails its table
    max_findings: int = DEFAULT_MAX_FINDINGS  # an answer with more findings fails its table

    @property
    def display_base_url(self) -> str:
        return display_url(self.base_url)


def display_url(url: str) -> str:
    """The URL without user info, query or fragment (where a token could hide)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<无效地址>"
    try:
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
    except ValueError:  # a port out of range or not a number: show it as written
        host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


_URL_EXAMPLE = "应为 http:// 或 https:// 开头的完整地址，如 https://api.deepseek.com"


def endpoint_problem(settings: LlmSettings) -> str | None:
    """Why no request can be sent with these settings (one Chinese line), or None.

    Checked before the first request: a key or a base URL that the HTTP client cannot even put
    into a request would otherwise fail every table alike, each with its own traceback.
    """
    key = settings.api_key.reveal()
    if any(not (ch.isascii() and ch.isprintable()) or ch.isspace() for ch in key):
        return (
            "大模型密钥含有非 ASCII 字符、空格或控制字符（如全角字符、中文、换行），无法发送："
            "请检查 OPENAI_API_KEY 或配置的密钥"
        )
    url = settings.base_url
    shown = display_url(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        return f"大模型接口地址无效：{shown}（端口或格式有误），{_URL_EXAMPLE}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"大模型接口地址无效：{shown}（协议不是 http 或 https），{_URL_EXAMPLE}"
    if not parts.hostname or any(ch.isspace() for ch in url):
        return f"大模型接口地址无效：{shown}（没有主机名或含有空格），{_URL_EXAMPLE}"
    return None


def is_local_url(url: str) -> bool:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    return host in _LOCAL_HOSTS or host.endswith(".localhost")


def _first(*values: Any) -> Any:
    for v in values:
        if v is not None and v != "":
            return v
    return None


def _number(name: str, value: Any, *, integer: bool = False, positive: bool = False) -> Any:
    """Parse a number from a flag or config value; UsageError (Chinese) if invalid or negative."""
    try:
        if isinstance(value, bool) or (integer and isinstance(value, float) and value % 1):
            raise ValueError
        x = int(value) if integer else float(value)
    except (TypeError, ValueError):
        raise UsageError(f"大模型设置 {name} 应为数字，实际为：{value!r}") from None
    if not math.isfinite(x) or x < 0 or (positive and x == 0):
        bound = "大于 0" if positive else "不小于 0"
        raise UsageError(f"大模型设置 {name} 应{bound}，实际为：{value!r}")
    return x


def _flag(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise UsageError(f"大模型设置 {name} 应为 true 或 false，实际为：{value!r}")


def _extra_body(value: Any, where: str) -> dict[str, Any]:
    """Provider parameters from a config table or a JSON object in the environment."""
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise UsageError(f'{where} 应为 JSON 对象，如 {{"enable_thinking": false}}') from None
    if not isinstance(value, dict):
        raise UsageError(f"{where} 应为键值表（JSON 对象），实际为：{value!r}")
    return dict(value)


def resolve_settings(
    cli: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    config: Mapping[str, Any] | None = None,
) -> LlmSettings:
    """Resolve the settings: command-line flag > environment > ``[llm]`` config > default.

    ``cli`` holds the parsed flags of :func:`add_llm_arguments` (``model``, ``base_url``,
    ``concurrency``, ``no_cache``, ``llm_timeout``, ``no_llm``, ``llm_record``, ``llm_replay``;
    missing or ``None`` means not given). ``env`` is the process environment (``os.environ`` when
    ``None``). ``config`` is the ``[llm]`` section of the user's config file; unknown keys there are
    a :class:`~reviewer.errors.UsageError`, as are invalid numbers anywhere.
    """
    cli = dict(cli or {})
    env = os.environ if env is None else env
    config = dict(config or {})
    unknown = sorted(set(config) - CONFIG_KEYS)
    if unknown:
        raise UsageError(
            f"配置文件 [llm] 中有未知设置：{'、'.join(unknown)}"
            f"（可用：{'、'.join(sorted(CONFIG_KEYS))}）"
        )

    model = str(
        _first(cli.get("model"), env.get("REVIEWER_MODEL"), env.get("OPENAI_MODEL"))
        or _first(config.get("model"))
        or DEFAULT_MODEL
    )
    base_url_given = _first(cli.get("base_url"), env.get("OPENAI_BASE_URL"), config.get("base_url"))
    base_url = str(base_url_given or DEFAULT_BASE_URL).rstrip("/")

    key_env = config.get("api_key_env")
    key = _first(
        env.get(str(key_env)) if key_env else None,
        env.get("OPENAI_API_KEY"),
        config.get("api_key"),
    )

    concurrency = _number(
        "concurrency",
        _first(cli.get("concurrency"), config.get("concurrency"), DEFAULT_CONCURRENCY),
        integer=True,
        positive=True,
    )
    timeout = _number(
        "timeout",
        _first(cli.get("llm_timeout"), cli.get("timeout"), config.get("timeout"), DEFAULT_TIMEOUT),
        positive=True,
    )
    use_cache = not bool(cli.get("no_cache")) and _flag(_first(config.get("cache"), True), "cache")
    cache_dir = (
        Path(str(config["cache_dir"])).expanduser()
        if config.get("cache_dir") and not env.get("REVIEWER_CACHE_DIR")
        else default_cache_dir(env)
    )

    quirks = quirks_for(model)
    temperature_raw = config.get("temperature", 0.0 if quirks.temperature else None)
    temperature = (
        None
        if temperature_raw is None or str(temperature_raw).lower() == "none"
        else _number("temperature", temperature_raw)
    )
    extra_body = {
        **quirks.extra_body,
        **_extra_body(config.get("extra_body"), "配置文件 [llm] 的 extra_body"),
        **_extra_body(env.get(EXTRA_BODY_ENV), f"环境变量 {EXTRA_BODY_ENV}"),
    }
    max_tokens = (
        None
        if config.get("max_tokens") is None
        else _number("max_tokens", config["max_tokens"], integer=True, positive=True)
    )
    limits = {
        name: _number(name, _first(config.get(name), default), integer=True, positive=True)
        for name, default in (
            ("max_answer_chars", DEFAULT_MAX_ANSWER_CHARS),
            ("max_findings", DEFAULT_MAX_FINDINGS),
        )
    }
    prices = {
        name: None if config.get(name) is None else _number(name, config[name])
        for name in ("price_input_per_1m", "price_output_per_1m")
    }

    cassette_dir: Path | None = None
    cassette_mode: CassetteMode | None = None
    if cli.get("llm_record") and cli.get("llm_replay"):
        raise UsageError("--llm-record 与 --llm-replay 不能同时使用")
    if cli.get("llm_record"):
        cassette_dir, cassette_mode = Path(str(cli["llm_record"])), "record"
    elif cli.get("llm_replay"):
        cassette_dir, cassette_mode = Path(str(cli["llm_replay"])), "replay"
    elif config.get("cassette_dir"):
        mode = config.get("cassette_mode", "replay")
        if mode not in ("record", "replay"):
            raise UsageError(f"大模型设置 cassette_mode 应为 record 或 replay，实际为：{mode!r}")
        cassette_dir, cassette_mode = Path(str(config["cassette_dir"])), mode

    retry = RetryPolicies().scaled(
        None
        if config.get("retry_base_delay") is None
        else _number("retry_base_delay", config["retry_base_delay"]),
        None
        if config.get("retry_max_delay") is None
        else _number("retry_max_delay", config["retry_max_delay"]),
        None
        if config.get("retry_after_max") is None
        else _number("retry_after_max", config["retry_after_max"]),
    )

    batch_poll = _number(
        "batch_poll", _first(config.get("batch_poll"), DEFAULT_BATCH_POLL), positive=True
    )
    batch_size = _number(
        "batch_size",
        _first(config.get("batch_size"), DEFAULT_BATCH_SIZE),
        integer=True,
        positive=True,
    )

    if cli.get("no_llm"):
        enabled, note, secret = False, NOTE_DISABLED, Secret("")
    elif cassette_mode == "replay":
        enabled, note, secret = True, "", Secret("")  # offline: no key, no network
    elif key:
        enabled, note, secret = True, "", Secret(str(key))
    elif base_url_given and is_local_url(str(base_url_given)):
        enabled, note, secret = True, "", Secret(LOCAL_PLACEHOLDER_KEY)
    else:
        enabled, note, secret = False, NOTE_NO_KEY, Secret("")

    return LlmSettings(
        enabled=enabled,
        note=note,
        model=model,
        base_url=base_url,
        api_key=secret,
        concurrency=concurrency,
        timeout=timeout,
        use_cache=use_cache,
        cache_dir=cache_dir,
        temperature=temperature,
        max_tokens=max_tokens,
        token_parameter=quirks.token_parameter,
        extra_body=extra_body,
        price_input_per_1m=prices["price_input_per_1m"],
        price_output_per_1m=prices["price_output_per_1m"],
        currency=str(config.get("currency") or ""),
        cassette_dir=cassette_dir,
        cassette_mode=cassette_mode,
        retry=retry,
        batch_poll=batch_poll,
        batch_size=batch_size,
        max_answer_chars=limits["max_answer_chars"],
        max_findings=limits["max_findings"],
    )


def add_llm_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the LLM flags to a command (``review FILE``). No flag takes the API key."""
    g = parser.add_argument_group(
        "大模型叙述审读",
        "密钥只从环境变量 OPENAI_API_KEY 或配置文件读取；未配置密钥时仅进行确定性复核。",
    )
    g.add_argument(
        "--model", metavar="NAME", help="模型名（默认取 REVIEWER_MODEL / OPENAI_MODEL / 配置文件）"
    )
    g.add_argument(
        "--base-url",
        dest="base_url",
        metavar="URL",
        help="OpenAI 兼容接口地址（默认取 OPENAI_BASE_URL），如 https://api.deepseek.com",
    )
    g.add_argument(
        "--concurrency",
        type=int,
        metavar="N",
        help=f"同时审读的表数（默认 {DEFAULT_CONCURRENCY}）",
    )
    g.add_argument(
        "--llm-timeout",
        dest="llm_timeout",
        type=float,
        metavar="SECONDS",
        help=f"单次请求的总时限秒数，含等待与接收回答（默认 {DEFAULT_TIMEOUT:g}）",
    )
    g.add_argument(
        "--no-cache", dest="no_cache", action="store_true", help="不读取也不写入大模型应答缓存"
    )
    g.add_argument("--no-llm", dest="no_llm", action="store_true", help="不使用大模型，即使已配置")
    g.add_argument(
        "--llm-record",
        dest="llm_record",
        metavar="DIR",
        help="把本次大模型请求与应答记录到目录（供离线回放与评测）",
    )
    g.add_argument(
        "--llm-replay",
        dest="llm_replay",
        metavar="DIR",
        help="从记录目录回放大模型应答，不联网",
    )


LLM_ARGUMENT_NAMES = (
    "model",
    "base_url",
    "concurrency",
    "llm_timeout",
    "no_cache",
    "no_llm",
    "llm_record",
    "llm_replay",
)


def settings_from_args(
    args: argparse.Namespace,
    env: Mapping[str, str] | None = None,
    config: Mapping[str, Any] | None = None,
) -> LlmSettings:
    """:func:`resolve_settings` from a namespace parsed with :func:`add_llm_arguments`."""
    cli = {name: getattr(args, name, None) for name in LLM_ARGUMENT_NAMES}
    return resolve_settings(cli, env, config)
