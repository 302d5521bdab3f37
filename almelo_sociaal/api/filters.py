"""The API's filter backend: django-filter with lowerCamelCase query parameters, without its cost on an
unfiltered page."""

from __future__ import annotations

import django_filters
from django import forms
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .naming import camel, snake

# Query parameters that belong to the pagination or the renderer, never to a filter.
NOT_FILTERS = frozenset({"cursor", "pageSize", "page_size", "format"})


class FilterBackend(DjangoFilterBackend):
    """``DjangoFilterBackend`` that reads each filter under its lowerCamelCase name and leaves the queryset
    alone when the request names no filter parameter.

    A filter declared as ``gestart_vanaf`` is read from ``gestartVanaf`` (``naming.camel``; the schema shows
    that name). The snake_case name is still accepted for one release (deprecated). A 400 names the
    parameter as the caller wrote it in camelCase.

    Without parameters every filter is blank and filters nothing; building and validating the filter form
    anyway costs ~0.3 ms per request on the busiest lists (docs/benchmarks.md). With any other parameter the
    filterset runs as usual: its filtering, and its 400 for a bad value.
    """

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        filterset_class = self.get_filterset_class(view, queryset)
        names = {camel(name): name for name in getattr(filterset_class, "base_filters", {})}
        data = kwargs["data"].copy()
        for key in list(data.keys()):
            target = names.get(key) or snake(key)
            if target != key and target not in data:
                data.setlist(target, data.getlist(key))
        kwargs["data"] = data
        return kwargs

    def filter_queryset(self, request, queryset, view):
        if not set(request.query_params) - NOT_FILTERS:
            return queryset
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid() and self.raise_exception:
            error = utils.translate_validation(filterset.errors)
            error.detail = {camel(str(key)): value for key, value in error.detail.items()}
            raise error
        return filterset.qs


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    """A filter on an id (``coach``, ``client``): an integer in the schema and at runtime (a NumberFilter is a
    decimal, documented as a float)."""

    field_class = forms.IntegerField
