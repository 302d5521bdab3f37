"""Content negotiation: ``Accept: application/problem+json`` is an answer in JSON (RFC 9457), not a 406."""

from __future__ import annotations

from rest_framework.negotiation import DefaultContentNegotiation

from .errors import PROBLEM_CONTENT_TYPE


class ContentNegotiation(DefaultContentNegotiation):
    def get_accept_list(self, request):
        accepted = []
        for media_range in super().get_accept_list(request):
            accepted.append(media_range)
            if media_range.split(";")[0].strip() == PROBLEM_CONTENT_TYPE:
                accepted.append("application/json")
        return accepted
