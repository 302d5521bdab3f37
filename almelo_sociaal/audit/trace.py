"""W3C Trace Context for the Logboek Dataverwerkingen: every request has a trace id, taken from the caller's
``traceparent`` header when it sends a valid one, generated otherwise, and returned in ``traceparent`` (with
this system's own span id). The read log and the change log record it, so beheer finds every log row that one
Werkplein request caused (``Beheer → Inzagelog``, search by trace id)."""

from __future__ import annotations

import re
import secrets
from contextvars import ContextVar
from dataclasses import dataclass

from .activities import activity_for

TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")


@dataclass(frozen=True)
class Trace:
    trace_id: str
    span_id: str
    api_token_id: int | None = None
    path: str = ""

    @property
    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-01"


current: ContextVar[Trace | None] = ContextVar("audit_trace", default=None)


def from_header(value: str | None) -> str | None:
    """The trace id of a valid ``traceparent`` (version 00; an all-zero id is invalid), else None."""
    match = TRACEPARENT.match((value or "").strip().lower())
    if not match or set(match.group(1)) == {"0"} or set(match.group(2)) == {"0"}:
        return None
    return match.group(1)


def current_trace_id() -> str:
    trace = current.get()
    return trace.trace_id if trace else ""


def current_token_id() -> int | None:
    trace = current.get()
    return trace.api_token_id if trace else None


class TraceContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        trace_id = from_header(request.headers.get("traceparent")) or secrets.token_hex(16)
        trace = Trace(trace_id=trace_id, span_id=secrets.token_hex(8), path=request.path_info)
        request.trace = trace
        reset = current.set(trace)
        try:
            response = self.get_response(request)
        finally:
            current.reset(reset)
        response["traceparent"] = trace.traceparent
        return response


def note_api_token(token_id: int) -> None:
    """Called by the token authentication: the API client's token goes into the log rows of this request."""
    trace = current.get()
    if trace is not None:
        current.set(Trace(trace.trace_id, trace.span_id, api_token_id=token_id, path=trace.path))


def change_reason(activity: str) -> str:
    """What a change-log row (django-simple-history's ``history_change_reason``) records of the request:
    ``trace:<id> verwerking:<code> token:<id>`` — found by trace id like the read log."""
    trace = current.get()
    if trace is None:
        return ""
    parts = [f"trace:{trace.trace_id}", f"verwerking:{activity}" if activity else ""]
    if trace.api_token_id is not None:
        parts.append(f"token:{trace.api_token_id}")
    return " ".join(part for part in parts if part)[:100]


def on_historical_record(sender, history_instance, **kwargs) -> None:
    """simple-history's ``pre_create_historical_record``: the change log row gets the request's trace."""
    trace = current.get()
    if trace is None or getattr(history_instance, "history_change_reason", None):
        return
    history_instance.history_change_reason = change_reason(activity_for(trace.path))
