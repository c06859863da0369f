"""Settings: flag > environment > config > default; the key hidden; LLM off without a key."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from reviewer.errors import UsageError
from reviewer.llm.settings import (
    DEFAULT_BASE_URL,
    DEFAULT_MODEL,
    LOCAL_PLACEHOLDER_KEY,
    NOTE_NO_KEY,
    Secret,
    add_llm_arguments,
    default_cache_dir,
    display_url,
    resolve_settings,
    settings_from_args,
)

KEY = {"OPENAI_API_KEY": "sk-abc"}


def test_defaults_with_a_key() -> None:
    s = resolve_settings({}, KEY, {})
    assert s.enabled and s.note == ""
    assert (s.model, s.base_url, s.concurrency, s.use_cache) == (
        DEFAULT_MODEL,
        DEFAULT_BASE_URL,
        4,
        True,
    )
    assert s.api_key.reveal() == "sk-abc"


@pytest.mark.parametrize(
    ("cli", "env", "config", "expected"),
    [
        ({"model": "flag"}, {"REVIEWER_MODEL": "env"}, {"model": "conf"}, "flag"),
        ({}, {"REVIEWER_MODEL": "env"}, {"model": "conf"}, "env"),
        ({}, {"OPENAI_MODEL": "openai-env"}, {"model": "conf"}, "openai-env"),
        ({}, {"REVIEWER_MODEL": "ours", "OPENAI_MODEL": "theirs"}, {}, "ours"),
        ({}, {}, {"model": "conf"}, "conf"),
        ({"model": None}, {}, {}, DEFAULT_MODEL),
    ],
)
def test_model_precedence(
    cli: dict[str, str], env: dict[str, str], config: dict[str, str], expected: str
) -> None:
    assert resolve_settings(cli, {**KEY, **env}, config).model == expected


@pytest.mark.parametrize(
    ("cli", "env", "config", "expected"),
    [
        (
            {"base_url": "https://flag/v1"},
            {"OPENAI_BASE_URL": "https://env/v1"},
            {},
            "https://flag/v1",
        ),
        (
            {},
            {"OPENAI_BASE_URL": "https://env/v1/"},
            {"base_url": "https://c/v1"},
            "https://env/v1",
        ),
        ({}, {}, {"base_url": "https://conf/v1"}, "https://conf/v1"),
        ({}, {}, {}, DEFAULT_BASE_URL),
    ],
)
def test_base_url_precedence(
    cli: dict[str, str], env: dict[str, str], config: dict[str, str], expected: str
) -> None:
    assert resolve_settings(cli, {**KEY, **env}, config).base_url == expected


def test_concurrency_and_timeout_flag_over_config() -> None:
    s = resolve_settings(
        {"concurrency": 8, "llm_timeout": 9.5}, KEY, {"concurrency": 2, "timeout": 30}
    )
    assert (s.concurrency, s.timeout) == (8, 9.5)
    s = resolve_settings({}, KEY, {"concurrency": 2, "timeout": 30})
    assert (s.concurrency, s.timeout) == (2, 30.0)


def test_no_key_means_offline_with_one_line_note() -> None:
    s = resolve_settings({}, {}, {})
    assert not s.enabled
    assert s.note == NOTE_NO_KEY
    assert "\n" not in s.note and "OPENAI_API_KEY" in s.note and "--model" in s.note


def test_no_key_with_remote_base_url_stays_off() -> None:
    s = resolve_settings({}, {"OPENAI_BASE_URL": "https://api.deepseek.com"}, {})
    assert not s.enabled and s.note == NOTE_NO_KEY


@pytest.mark.parametrize(
    "url", ["http://localhost:11434/v1", "http://127.0.0.1:8000/v1", "http://[::1]:8000/v1"]
)
def test_local_server_needs_no_key(url: str) -> None:
    s = resolve_settings({}, {"OPENAI_BASE_URL": url}, {})
    assert s.enabled and s.api_key.reveal() == LOCAL_PLACEHOLDER_KEY


def test_local_server_with_placeholder_key_keeps_it() -> None:
    s = resolve_settings(
        {}, {"OPENAI_BASE_URL": "http://localhost:8000/v1", "OPENAI_API_KEY": "x"}, {}
    )
    assert s.enabled and s.api_key.reveal() == "x"


def test_key_from_config_and_from_named_env_var() -> None:
    assert resolve_settings({}, {}, {"api_key": "sk-conf"}).api_key.reveal() == "sk-conf"
    s = resolve_settings({}, {"DEEPSEEK_API_KEY": "sk-ds"}, {"api_key_env": "DEEPSEEK_API_KEY"})
    assert s.enabled and s.api_key.reveal() == "sk-ds"


def test_no_llm_flag_turns_it_off_even_with_a_key() -> None:
    s = resolve_settings({"no_llm": True}, KEY, {})
    assert not s.enabled and "--no-llm" in s.note


def test_the_key_never_shows_in_repr_or_str() -> None:
    secret = "sk-very-distinctive-123456"
    s = resolve_settings({}, {"OPENAI_API_KEY": secret}, {})
    for text in (repr(s), str(s), repr(s.api_key), str(s.api_key), f"{s.api_key}"):
        assert secret not in text
    with pytest.raises(TypeError):
        import pickle

        pickle.dumps(Secret(secret))


def test_cache_dir_resolution(tmp_path: Path) -> None:
    assert default_cache_dir({"REVIEWER_CACHE_DIR": str(tmp_path / "a")}) == tmp_path / "a"
    assert default_cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "reviewer"
    assert default_cache_dir({}) == Path.home() / ".cache" / "reviewer"
    env = {**KEY, "REVIEWER_CACHE_DIR": str(tmp_path / "env")}
    assert (
        resolve_settings({}, env, {"cache_dir": str(tmp_path / "c")}).cache_dir == tmp_path / "env"
    )
    assert resolve_settings({}, KEY, {"cache_dir": str(tmp_path / "c")}).cache_dir == tmp_path / "c"


def test_no_cache_flag_and_config() -> None:
    assert resolve_settings({"no_cache": True}, KEY, {}).use_cache is False
    assert resolve_settings({}, KEY, {"cache": False}).use_cache is False
    assert resolve_settings({}, KEY, {}).use_cache is True


def test_prices_and_retry_settings() -> None:
    s = resolve_settings(
        {},
        KEY,
        {"price_input_per_1m": 0.15, "price_output_per_1m": "0.6", "retry_base_delay": 0.5},
    )
    assert (s.price_input_per_1m, s.price_output_per_1m) == (0.15, 0.6)
    assert s.retry.server.base_delay == 0.5 and s.retry.rate_limit.base_delay == 0.5


@pytest.mark.parametrize(
    ("cli", "config"),
    [
        ({"concurrency": 0}, {}),
        ({}, {"concurrency": "many"}),
        ({"llm_timeout": -1}, {}),
        ({}, {"temperature": "hot"}),
        ({}, {"modle": "typo"}),
        ({"llm_record": "a", "llm_replay": "b"}, {}),
    ],
)
def test_invalid_settings_are_usage_errors(
    cli: dict[str, object], config: dict[str, object]
) -> None:
    with pytest.raises(UsageError) as info:
        resolve_settings(cli, KEY, config)
    assert info.value.exit_code == 2 and info.value.message


def test_replay_needs_no_key(tmp_path: Path) -> None:
    s = resolve_settings({"llm_replay": str(tmp_path)}, {}, {})
    assert s.enabled and s.cassette_mode == "replay" and s.cassette_dir == tmp_path


def test_add_llm_arguments_round_trip(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    add_llm_arguments(parser)
    args = parser.parse_args(
        [
            "--model",
            "qwen-plus",
            "--base-url",
            "https://dashscope.aliyuncs.com/compatible-mode/v1",
            "--concurrency",
            "8",
            "--llm-timeout",
            "12",
            "--no-cache",
            "--llm-record",
            str(tmp_path),
        ]
    )
    s = settings_from_args(args, KEY, {"model": "ignored"})
    assert s.model == "qwen-plus"
    assert s.base_url == "https://dashscope.aliyuncs.com/compatible-mode/v1"
    assert (s.concurrency, s.timeout, s.use_cache) == (8, 12.0, False)
    assert (s.cassette_dir, s.cassette_mode) == (tmp_path, "record")
    help_text = parser.format_help()
    assert "--api-key" not in help_text  # keys never go on a command line


def test_display_url_hides_credentials() -> None:
    assert display_url("https://user:pw@host:8443/v1?key=sk-1#x") == "https://host:8443/v1"


# -- model quirks and provider parameters -------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "temperature", "token_parameter", "extra"),
    [
        ("gpt-4o-mini", 0.0, "max_tokens", {}),
        ("o3-mini", None, "max_completion_tokens", {}),
        ("o1", None, "max_completion_tokens", {}),
        ("openai/o4-mini", None, "max_completion_tokens", {}),
        ("gpt-5-mini", None, "max_completion_tokens", {}),
        ("deepseek-reasoner", None, "max_tokens", {}),
        ("deepseek-chat", 0.0, "max_tokens", {}),
        ("qwen3-32b", 0.0, "max_tokens", {"enable_thinking": False}),
        ("Qwen/Qwen3-8B", 0.0, "max_tokens", {"enable_thinking": False}),
        ("qwen-plus", 0.0, "max_tokens", {}),
        ("omni-moderation", 0.0, "max_tokens", {}),
    ],
)
def test_known_families_get_their_parameters_by_default(
    model: str, temperature: float | None, token_parameter: str, extra: dict[str, bool]
) -> None:
    s = resolve_settings({"model": model}, KEY, {})
    assert (s.temperature, s.token_parameter, s.extra_body) == (temperature, token_parameter, extra)


def test_the_config_overrides_a_family_default() -> None:
    s = resolve_settings({"model": "o3-mini"}, KEY, {"temperature": 1})
    assert s.temperature == 1.0
    s = resolve_settings({"model": "qwen3-32b"}, KEY, {"extra_body": {"enable_thinking": True}})
    assert s.extra_body == {"enable_thinking": True}


def test_extra_body_from_config_and_environment() -> None:
    env = {**KEY, "REVIEWER_LLM_EXTRA_BODY": '{"top_k": 20, "enable_thinking": false}'}
    s = resolve_settings({"model": "qwen-plus"}, env, {"extra_body": {"top_k": 5, "seed": 1}})
    assert s.extra_body == {"top_k": 20, "seed": 1, "enable_thinking": False}  # env wins


@pytest.mark.parametrize(
    ("env", "config", "fragment"),
    [
        ({"REVIEWER_LLM_EXTRA_BODY": "{enable_thinking: false}"}, {}, "应为 JSON 对象"),
        ({"REVIEWER_LLM_EXTRA_BODY": "[1]"}, {}, "应为键值表"),
        ({}, {"extra_body": "enable_thinking"}, "应为 JSON 对象"),
    ],
)
def test_a_bad_extra_body_is_a_usage_error(
    env: dict[str, str], config: dict[str, str], fragment: str
) -> None:
    with pytest.raises(UsageError, match=fragment):
        resolve_settings({}, {**KEY, **env}, config)
