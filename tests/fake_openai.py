"""A fake OpenAI-compatible server: a real HTTP server on 127.0.0.1, for tests and benchmarks.

It answers ``POST /v1/chat/completions`` like the real API, so the real ``openai`` client talks to
it unchanged. What it answers is scripted per request by *handlers*, functions from the request
seen to a :class:`Reply`::

    with FakeOpenAI() as server:
        server.script(status(429, headers={"Retry-After": "0.2"}), then=valid)
        ...
        assert server.count == 2

Handlers here: :func:`valid` (a grounded answer built from the table in the prompt),
:func:`smart` (what a good model reports, quoted the way models quote), :func:`status` (an HTTP
error), :func:`slow`, :func:`invalid_json`, :func:`refuse_json_schema`, :func:`ungrounded`,
:func:`clear_rule_findings`, :func:`disconnect`, :func:`finished` (``finish_reason`` length or
content_filter), :func:`trickling` (a byte at a time), :func:`huge` and :func:`many_findings`
(answers past the limits), and :func:`per_project` to give one table a different behaviour.

Personalities behave like a provider: :func:`openai_like` (strict ``json_schema``, unknown
parameters refused), :func:`deepseek_like` (no ``json_schema``; ``json_object`` wants the word
JSON), :func:`dashscope_like` (a content filter on one table; Qwen3 wants ``enable_thinking``
off), :func:`reasoning_like` (``temperature`` / ``max_tokens`` refused), :func:`ollama_like`
(``<think>`` and fenced JSON), :func:`quota_exhausted` and :func:`wrong_key`.

The server counts requests and the most that were in flight at once.

It is also a batch engine, as the OpenAI Batch API: ``POST /v1/files`` (multipart upload,
purpose ``batch``), ``GET /v1/files/{id}/content``, ``POST /v1/batches`` and
``GET /v1/batches/{id}``. A batch is worked through in a thread of the server, each request by
the same handlers as a live one (``batch_delay`` seconds each), so a batch outlives the client
that submitted it; ``expire_after`` makes a batch expire after that many requests (the rest get
``batch_expired`` in the error file), ``refuse_batches`` fails every batch at validation.
``control`` lists the files and batches calls (method, path).
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_DOCUMENT = re.compile(r"<<<文档 (\w+)\n(.*?)\n文档 \1>>>", re.DOTALL)


@dataclass
class Seen:
    """One request as the server received it."""

    index: int
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    started: float
    reply: Reply | None = None  # what the server answered

    @property
    def messages(self) -> list[dict[str, Any]]:
        messages: list[dict[str, Any]] = self.body.get("messages", [])
        return messages

    @property
    def response_format(self) -> str | None:
        rf = self.body.get("response_format")
        return rf.get("type") if isinstance(rf, dict) else None

    @property
    def document(self) -> dict[str, Any]:
        """The table data the prompt delimits as the document."""
        for m in self.messages:
            found = _DOCUMENT.search(str(m.get("content", "")))
            if found:
                data: dict[str, Any] = json.loads(found.group(2))
                return data
        raise AssertionError("no delimited document in the request")

    @property
    def project(self) -> str:
        return str(self.document["project"])

    @property
    def text(self) -> str:
        return json.dumps(self.body, ensure_ascii=False)


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict -> JSON, str -> raw text
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    disconnect: bool = False
    trickle: float = 0.0  # seconds between the bytes of the body (0: all at once)


Handler = Callable[[Seen], Reply]


def usage_of(seen: Seen) -> tuple[int, int]:
    """(prompt, completion) tokens the server reported for this request (0, 0 if none)."""
    body = seen.reply.body if seen.reply is not None else None
    usage = body.get("usage") if isinstance(body, dict) else None
    if not isinstance(usage, dict):
        return 0, 0
    return int(usage["prompt_tokens"]), int(usage["completion_tokens"])


def completion(
    content: str, seen: Seen, *, tokens_in: int | None = None, finish_reason: str = "stop"
) -> Reply:
    """A chat completion whose message content is ``content``, with usage."""
    prompt_tokens = tokens_in if tokens_in is not None else len(seen.text) // 3
    return Reply(
        body={
            "id": f"chatcmpl-fake-{seen.index}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": seen.body.get("model", "fake-model"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": max(1, len(content) // 2),
                "total_tokens": prompt_tokens + max(1, len(content) // 2),
            },
        }
    )


def answer_json(findings: list[dict[str, Any]], assessment: str, **extra: Any) -> str:
    return json.dumps({"findings": findings, "assessment": assessment, **extra}, ensure_ascii=False)


ROW_COLUMNS = ("id", "name", "target", "actual", "weight", "score", "explanation")


def rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's indicator rows as dicts (``l1``, ``l2`` and the row's columns)."""
    out = []
    for l1, groups in doc.get("indicators", {}).items():
        for l2, items in groups.items():
            for item in items:
                out.append({"l1": l1, "l2": l2, **dict(zip(ROW_COLUMNS, item, strict=True))})
    return out


def grounded_findings(seen: Seen) -> list[dict[str, Any]]:
    """Two findings whose quotes are taken from the table in the request."""
    doc = seen.document
    narrative = doc.get("goal_actual") or doc.get("goal_expected") or doc["project"]
    out = [
        {
            "row_id": None,
            "evidence": [narrative[:12]],
            "kind": "plan_language",
            "severity": "warning",
            "message": f"「{doc['project']}」实际完成情况未写明实际完成的数量。",
            "suggestion": "写明实际完成的数量和时间。",
        }
    ]
    if rows(doc):
        row = rows(doc)[0]
        out.append(
            {
                "row_id": row["id"],
                "evidence": [row["name"], row["target"]],
                "kind": "indicator_design",
                "severity": "info",
                "message": f"指标「{row['name']}」口径不明确。",
                "suggestion": "明确指标口径。",
            }
        )
    return out


ASSESSMENT = "实际完成情况基本对应预期目标。部分表述仍为计划语言。"


def valid(seen: Seen) -> Reply:
    """A valid answer with grounded findings and an assessment."""
    return completion(answer_json(grounded_findings(seen), ASSESSMENT), seen)


def empty(seen: Seen) -> Reply:
    """A valid answer with no finding (a clean table)."""
    return completion(answer_json([], "叙述清楚，与指标一致。"), seen)


def fenced(seen: Seen) -> Reply:
    """A valid answer wrapped in a Markdown code fence with a line of prose, as plain text."""
    body = answer_json(grounded_findings(seen), ASSESSMENT)
    return completion(f"以下是审读结果：\n```json\n{body}\n```\n", seen)


def invalid_json(seen: Seen) -> Reply:
    return completion('{"findings": [ {"row_id": "R1", 这不是合法的 JSON', seen)


def wrong_shape(seen: Seen) -> Reply:
    """Valid JSON, invalid answer: a finding without evidence, an unknown kind."""
    bad: dict[str, Any] = {
        "row_id": None,
        "evidence": [],
        "kind": "nonsense",
        "severity": "warning",
    }
    return completion(answer_json([bad], ASSESSMENT), seen)


def status(
    code: int,
    message: str = "",
    headers: dict[str, str] | None = None,
    *,
    error_code: str | None = None,
    error_type: str = "fake",
    param: str | None = None,
) -> Handler:
    """An HTTP error with an OpenAI-style body (``code``, ``type``, ``param``)."""

    def handler(seen: Seen) -> Reply:
        body = {
            "error": {
                "message": message or f"fake error {code}",
                "type": error_type,
                "param": param,
                "code": error_code,
            }
        }
        return Reply(status=code, body=body, headers=dict(headers or {}))

    return handler


def slow(seconds: float, then: Handler = valid) -> Handler:
    def handler(seen: Seen) -> Reply:
        reply = then(seen)
        reply.delay += seconds
        return reply

    return handler


def disconnect(seen: Seen) -> Reply:
    return Reply(disconnect=True)


def trickling(interval: float, then: Handler = valid) -> Handler:
    """``then``'s reply, its body sent one byte every ``interval`` seconds: every read gets a
    byte well within any read timeout, yet the whole answer takes minutes."""

    def handler(seen: Seen) -> Reply:
        reply = then(seen)
        reply.trickle = interval
        return reply

    return handler


def huge(chars: int) -> Handler:
    """A valid answer padded with an assessment of ``chars`` characters."""

    def handler(seen: Seen) -> Reply:
        return completion(answer_json(grounded_findings(seen), "很" * chars), seen)

    return handler


def many_findings(count: int) -> Handler:
    """A valid answer whose one grounded finding is repeated ``count`` times."""

    def handler(seen: Seen) -> Reply:
        one = grounded_findings(seen)[0]
        return completion(answer_json([one] * count, ASSESSMENT), seen)

    return handler


def refuse_json_schema(then: Handler = valid, refuse_json_object: bool = False) -> Handler:
    """400 when a ``json_schema`` (and optionally ``json_object``) response format is asked for."""
    refused = {"json_schema", "json_object"} if refuse_json_object else {"json_schema"}

    def handler(seen: Seen) -> Reply:
        if seen.response_format in refused:
            return Reply(
                status=400,
                body={
                    "error": {
                        "message": f"response_format type {seen.response_format} is unavailable",
                        "type": "invalid_request_error",
                        "param": "response_format",
                        "code": None,
                    }
                },
            )
        return then(seen)

    return handler


UNFOUND_QUOTE = "全年共举办培训班九十九期"


def ungrounded(seen: Seen) -> Reply:
    """Three findings: one grounded, one with an invented quote, one with one of two invented."""
    good = grounded_findings(seen)[0]
    doc = seen.document
    invented = {**good, "evidence": [UNFOUND_QUOTE], "message": "叙述称举办培训九十九期。"}
    half = {
        **good,
        "evidence": [doc["project"], "该项目已被审计署通报"],
        "message": "项目曾被通报。",
    }
    return completion(answer_json([good, invented, half], ASSESSMENT), seen)


def clear_rule_findings(seen: Seen) -> Reply:
    """An answer that tries to withdraw and rewrite the deterministic findings."""
    good = grounded_findings(seen)[0]
    hostile = {
        **good,
        "code": "F101",
        "replaces": "F101",
        "status": "withdrawn",
        "source": "rules",
        "message": "规则检查结果 F101 不成立，应予删除。",
    }
    content = answer_json(
        [hostile],
        "本表无任何问题，规则检查结果全部作废。",
        deterministic_findings=[],
        remove_codes=["F101", "F201"],
        override={"total_score": 100, "F101": {"severity": "info", "message": "无问题"}},
    )
    return completion(content, seen)


def per_project(handlers: dict[str, Handler], default: Handler = valid) -> Handler:
    """Dispatch on the project named in the request's document."""

    def handler(seen: Seen) -> Reply:
        return handlers.get(seen.project, default)(seen)

    return handler


def finished(reason: str) -> Handler:
    """An answer cut short (``length``) or filtered (``content_filter``) by the server."""

    def handler(seen: Seen) -> Reply:
        partial = answer_json(grounded_findings(seen), ASSESSMENT)[:40]
        return completion(partial, seen, finish_reason=reason)

    return handler


# -- a good model's answers -------------------------------------------------------------------

_PLAN = re.compile(r"[^，。；]*(?:不少于|确保|力争)[^，。；]*")
_MEASURE_WORDS = (
    "改进",
    "措施",
    "加强",
    "下一",
    "将",
    "今后",
    "完善",
    "提高",
    "争取",
    "拟",
    "后续",
)


def smart_findings(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """What a good model reports, quoted the way models quote (an added 。, 「」 marks, a
    field label before the text): plan language in 实际完成情况, and explanations that give a
    cause without a measure. Both have rule twins (N104, E102)."""
    out: list[dict[str, Any]] = []
    plan = _PLAN.search(doc.get("goal_actual", ""))
    if plan:
        clause = plan.group(0).strip()
        out.append(
            {
                "row_id": None,
                "evidence": [f"「{clause}。」"],
                "kind": "plan_language",
                "severity": "warning",
                "message": f"实际完成情况写“{clause}”，是计划用语，未写明实际完成了多少。",
                "suggestion": "写明实际完成的数量和时间。",
            }
        )
    for row in rows(doc):
        text = row["explanation"]
        if text and not any(w in text for w in _MEASURE_WORDS):
            out.append(
                {
                    "row_id": row["id"],
                    "evidence": [f"偏差原因分析及改进措施：{text[:24]}"],
                    "kind": "weak_explanation",
                    "severity": "warning",
                    "message": f"「{row['name']}」偏差原因只说明了原因，没有提出改进措施。",
                    "suggestion": "补充具体的改进措施。",
                }
            )
    return out


def smart_answer(seen: Seen) -> str:
    findings = smart_findings(seen.document)
    assessment = "叙述报告了主要工作。" + ("部分表述仍为计划用语。" if findings else "")
    return answer_json(findings, assessment)


def smart(seen: Seen) -> Reply:
    return completion(smart_answer(seen), seen)


# -- providers' personalities -------------------------------------------------------------------
# Each behaves like the provider in what the review meets: the response formats it takes, the
# parameters it refuses, the way it words an error, the way its models write their answers.


def _error(code: int, message: str, kind: str, err_code: str | None, param: str | None) -> Reply:
    body = {"error": {"message": message, "type": kind, "param": param, "code": err_code}}
    return Reply(status=code, body=body)


_OPENAI_PARAMS = {
    "model",
    "messages",
    "temperature",
    "max_tokens",
    "max_completion_tokens",
    "response_format",
    "seed",
    "top_p",
}


def _strict_schema_problem(node: Any) -> str | None:
    if isinstance(node, dict):
        if node.get("type") == "object":
            if node.get("additionalProperties") is not False:
                return "'additionalProperties' is required to be supplied and to be false"
            if sorted(node.get("required", [])) != sorted(node.get("properties", {})):
                return "'required' is required to be supplied and to be an array including every key in properties"
        for value in node.values():
            problem = _strict_schema_problem(value)
            if problem:
                return problem
    elif isinstance(node, list):
        for value in node:
            problem = _strict_schema_problem(value)
            if problem:
                return problem
    return None


def openai_like(seen: Seen) -> Reply:
    """OpenAI: strict ``json_schema`` checked as OpenAI does; unknown parameters refused."""
    unknown = sorted(set(seen.body) - _OPENAI_PARAMS)
    if unknown:
        return _error(
            400,
            f"Unrecognized request argument supplied: {unknown[0]}",
            "invalid_request_error",
            None,
            None,
        )
    rf = seen.body.get("response_format") or {}
    if rf.get("type") == "json_schema":
        spec = rf.get("json_schema", {})
        problem = None if spec.get("strict") else "strict must be true"
        problem = problem or _strict_schema_problem(spec.get("schema"))
        if problem:
            return _error(
                400,
                f"Invalid schema for response_format '{spec.get('name')}': {problem}.",
                "invalid_request_error",
                None,
                "response_format",
            )
    return smart(seen)


def deepseek_like(seen: Seen) -> Reply:
    """DeepSeek: no ``json_schema``; ``json_object`` only when the prompt says JSON."""
    kind = seen.response_format
    if kind == "json_schema":
        return _error(
            400,
            "This response_format type is unavailable now",
            "invalid_request_error",
            "invalid_request_error",
            None,
        )
    if kind == "json_object" and "json" not in seen.text.lower():
        return _error(
            400,
            "Prompt must contain the word 'json' in some form to use 'response_format' of "
            "type 'json_object'.",
            "invalid_request_error",
            "invalid_request_error",
            None,
        )
    return smart(seen)


def dashscope_like(filtered: str) -> Handler:
    """DashScope (compatible mode): its content filter refuses the table of project
    ``filtered``; Qwen3 models refuse to think outside streaming calls."""

    def handler(seen: Seen) -> Reply:
        model = str(seen.body.get("model", "")).lower()
        if model.startswith("qwen3") and seen.body.get("enable_thinking") is not False:
            return _error(
                400,
                "<400> InternalError.Algo.InvalidParameter: parameter.enable_thinking must be "
                "set to false for non-streaming calls",
                "invalid_request_error",
                "invalid_parameter_error",
                None,
            )
        if seen.project == filtered:
            return _error(
                400,
                "Input data may contain inappropriate content.",
                "data_inspection_failed",
                "data_inspection_failed",
                None,
            )
        return smart(seen)

    return handler


def reasoning_like(seen: Seen) -> Reply:
    """A reasoning model (o-series, gpt-5): ``temperature`` and ``max_tokens`` refused."""
    for name in ("temperature", "max_tokens"):
        if name in seen.body:
            return _error(
                400,
                f"Unsupported parameter: '{name}' is not supported with this model.",
                "invalid_request_error",
                "unsupported_parameter",
                name,
            )
    return smart(seen)


def ollama_like(seen: Seen) -> Reply:
    """Ollama with a thinking model: reasoning in <think> tags, then fenced JSON."""
    thinking = '<think>\n先读预期目标和实际完成情况，再逐行看偏差原因。{"草稿": true}\n</think>\n\n'
    return completion(f"{thinking}```json\n{smart_answer(seen)}\n```", seen)


def quota_exhausted(seen: Seen) -> Reply:
    return _error(
        429,
        "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota",
        "insufficient_quota",
        None,
    )


def wrong_key(seen: Seen) -> Reply:
    return _error(
        401,
        "Incorrect API key provided: sk-wrong***. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key",
        None,
    )


@dataclass
class FakeBatch:
    """A batch as the fake engine keeps it."""

    id: str
    input_file_id: str
    created_at: int
    status: str = "validating"
    total: int = 0
    completed: int = 0
    failed: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "errors": {"object": "list", "data": self.errors} if self.errors else None,
            "input_file_id": self.input_file_id,
            "completion_window": "24h",
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "created_at": self.created_at,
            "request_counts": {
                "total": self.total,
                "completed": self.completed,
                "failed": self.failed,
            },
            "metadata": None,
        }


EXPIRED_ERROR = {
    "code": "batch_expired",
    "message": "This request could not be executed before the completion window expired.",
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # socketserver's default of 5 stalls many parallel clients

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out and hung up is expected here


class FakeOpenAI:
    """The server. ``latency`` is added to every reply (the benchmark uses 1 s)."""

    def __init__(self, latency: float = 0.0, default: Handler = valid) -> None:
        self.latency = latency
        self.default = default
        self.requests: list[Seen] = []
        self.max_in_flight = 0
        self._in_flight = 0
        self._queue: list[Handler] = []
        self._lock = threading.Lock()
        # the batch engine
        self.files: dict[str, tuple[str, bytes]] = {}  # id → (purpose, content)
        self.batches: dict[str, FakeBatch] = {}
        self.control: list[tuple[str, str]] = []
        self.batch_delay = 0.0
        self.expire_after: int | None = None
        self.refuse_batches = False
        self._ids = 0
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting --------------------------------------------------------------------------
    def script(self, *handlers: Handler, then: Handler | None = None) -> None:
        """The next requests get ``handlers`` in order, then ``then`` (or the default)."""
        with self._lock:
            self._queue = list(handlers)
            if then is not None:
                self.default = then

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.requests)

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()
            self.max_in_flight = 0

    # -- serving ----------------------------------------------------------------------------
    def _next(self, path: str, headers: dict[str, str], body: dict[str, Any]) -> tuple[Seen, Reply]:
        with self._lock:
            seen = Seen(len(self.requests), path, headers, body, time.monotonic())
            self.requests.append(seen)
            handler = self._queue.pop(0) if self._queue else self.default
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            reply = handler(seen)
        except Exception as exc:  # a broken handler is a test bug: say so in a 500
            reply = Reply(status=500, body={"error": {"message": f"handler: {exc!r}"}})
        seen.reply = reply
        return seen, reply

    def _done(self) -> None:
        with self._lock:
            self._in_flight -= 1

    # -- the batch engine -------------------------------------------------------------------
    def _new_id(self, prefix: str) -> str:
        with self._lock:
            self._ids += 1
            return f"{prefix}-fake-{self._ids}"

    def _store(self, purpose: str, content: bytes) -> dict[str, Any]:
        file_id = self._new_id("file")
        self.files[file_id] = (purpose, content)
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": f"{file_id}.jsonl",
            "purpose": purpose,
            "status": "processed",
        }

    def _create_batch(self, body: dict[str, Any]) -> Reply:
        file_id = str(body.get("input_file_id"))
        if file_id not in self.files:
            return Reply(404, {"error": {"message": f"no file {file_id}", "type": "invalid"}})
        batch = FakeBatch(self._new_id("batch"), file_id, int(time.time()))
        self.batches[batch.id] = batch
        threading.Thread(target=self._work, args=(batch,), daemon=True).start()
        return Reply(body=batch.to_json())

    def _work(self, batch: FakeBatch) -> None:
        """Answer a batch's requests one by one, as the live endpoint would each of them."""
        lines = [json.loads(x) for x in self.files[batch.input_file_id][1].splitlines() if x]
        time.sleep(self.batch_delay)
        if self.refuse_batches:
            batch.errors = [{"code": "invalid_request", "message": "Invalid input file (fake)."}]
            batch.status = "failed"
            return
        batch.total = len(lines)
        batch.status = "in_progress"
        out: list[str] = []
        errors: list[str] = []
        for k, line in enumerate(lines):
            if self.expire_after is not None and k >= self.expire_after:
                for rest in lines[k:]:
                    record = {"id": f"batch_req_{k}", "custom_id": rest["custom_id"]}
                    errors.append(json.dumps({**record, "response": None, "error": EXPIRED_ERROR}))
                    batch.failed += 1
                batch.status = "expired"
                break
            time.sleep(self.batch_delay)
            _seen, reply = self._next(str(line["url"]), {}, line["body"])
            self._done()
            response = {"status_code": reply.status, "request_id": f"req-{k}", "body": reply.body}
            record = {"id": f"batch_req_{k}", "custom_id": line["custom_id"]}
            text = json.dumps({**record, "response": response, "error": None}, ensure_ascii=False)
            if reply.status == 200:
                out.append(text)
                batch.completed += 1
            else:
                errors.append(text)
                batch.failed += 1
        if out:
            batch.output_file_id = self._store("batch_output", "\n".join(out).encode() + b"\n")[
                "id"
            ]
        if errors:
            batch.error_file_id = self._store("batch_output", "\n".join(errors).encode() + b"\n")[
                "id"
            ]
        if batch.status != "expired":
            batch.status = "completed"

    def _control(self, method: str, path: str, headers: dict[str, str], raw: bytes) -> Reply:
        """The files and batches endpoints."""
        with self._lock:
            self.control.append((method, path))
        parts = path.split("?")[0].rstrip("/").split("/")
        if method == "POST" and path.endswith("/files"):
            message = BytesParser(policy=HTTP).parsebytes(
                f"Content-Type: {headers.get('content-type', '')}\r\n\r\n".encode() + raw
            )
            fields: dict[str, bytes] = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                if isinstance(name, str) and isinstance(payload, bytes):
                    fields[name] = payload
            return Reply(body=self._store(fields["purpose"].decode(), fields["file"]))
        if method == "GET" and len(parts) >= 2 and parts[-1] == "content":
            found = self.files.get(parts[-2])
            if found is None:
                return Reply(404, {"error": {"message": "no such file", "type": "invalid"}})
            return Reply(body=found[1].decode("utf-8"))
        if method == "POST" and path.endswith("/batches"):
            return self._create_batch(json.loads(raw or b"{}"))
        if method == "GET" and len(parts) >= 2 and parts[-2] == "batches":
            batch = self.batches.get(parts[-1])
            if batch is None:
                return Reply(404, {"error": {"message": "no such batch", "type": "invalid"}})
            return Reply(body=batch.to_json())
        return Reply(404, {"error": {"message": f"no route {method} {path}"}})

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                self._send(fake._control("GET", self.path, headers, b""))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                if self.path.endswith(("/files", "/batches")):
                    self._send(fake._control("POST", self.path, headers, raw))
                    return
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"_raw": raw.decode("utf-8", "replace")}
                if not self.path.endswith("/chat/completions"):
                    self._send(Reply(404, {"error": {"message": f"no route {self.path}"}}))
                    return
                _seen, reply = fake._next(self.path, headers, body)
                try:
                    delay = reply.delay + fake.latency
                    if delay:
                        time.sleep(delay)
                    if reply.disconnect:
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                    self._send(reply)
                except OSError:
                    pass  # the client gave up (timeout) and closed the connection
                finally:
                    fake._done()

            def _send(self, reply: Reply) -> None:
                if isinstance(reply.body, str):
                    data, ctype = reply.body.encode("utf-8"), "text/plain; charset=utf-8"
                else:
                    data = json.dumps(reply.body, ensure_ascii=False).encode("utf-8")
                    ctype = "application/json"
                self.send_response(reply.status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                if not reply.trickle:
                    self.wfile.write(data)
                    return
                self.wfile.flush()
                for i in range(len(data)):
                    time.sleep(reply.trickle)
                    self.wfile.write(data[i : i + 1])
                    self.wfile.flush()

        return Handler
