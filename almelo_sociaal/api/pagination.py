from rest_framework.pagination import CursorPagination, _positive_int

from .naming import camel


class IdCursorPagination(CursorPagination):
    """Keyset pagination on the primary key: page 10,000 costs the same as page 1.

    ``pageSize`` sets the page size (``page_size`` is still read for one release, deprecated)."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 500

    def get_page_size(self, request):
        for key in (self.page_size_query_param, "page_size"):
            if key in request.query_params:
                try:
                    return _positive_int(request.query_params[key], strict=True, cutoff=self.max_page_size)
                except ValueError:
                    return self.page_size
        return self.page_size

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "De cursor van de pagina: de waarde uit `next` of `previous` van het vorige antwoord.",
                "schema": {"type": "string"},
            },
            {
                "name": camel(self.page_size_query_param),
                "required": False,
                "in": "query",
                "description": f"Aantal resultaten per pagina (standaard {self.page_size}, "
                f"hoogstens {self.max_page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "De volgende pagina (volledige URL), of null op de laatste pagina.",
                    "example": "https://example.org/api/v1/clienten?cursor=cD00ODY%3D",
                },
                "previous": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "De vorige pagina (volledige URL), of null op de eerste pagina.",
                    "example": "https://example.org/api/v1/clienten?cursor=cj0xJnA9NDg3",
                },
                "results": schema,
            },
        }
