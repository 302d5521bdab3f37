"""Helpers every tegenprestatie service uses: the client timeline entry (through the one timeline writer)."""

from __future__ import annotations

from cases.events import record_client_event


def _event(client_id: int, kind: str, text: str, actor) -> None:
    record_client_event(client_id=client_id, kind=kind, text=text, actor=actor)
