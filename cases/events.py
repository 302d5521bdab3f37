"""The client timeline, written from one place.

Every service that changes something a coach should see on the client page calls ``record_client_event``
with one of the kinds in ``ClientEvent.Kind``; no app writes ``ClientEvent`` rows by hand.
"""

from __future__ import annotations

from .models import ClientEvent

TEXT_LENGTH = ClientEvent._meta.get_field("text").max_length


def record_client_event(*, client_id: int, kind: ClientEvent.Kind, text: str, actor) -> ClientEvent:
    """Add one line to the client's timeline (``text`` cut to the column's 300 characters)."""
    return ClientEvent.objects.create(client_id=client_id, kind=kind, text=text[:TEXT_LENGTH], actor=actor)
