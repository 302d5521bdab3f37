from functools import cached_property

from django.core.paginator import Paginator


class CappedCountPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows: exact for small results, a constant cost for large ones
    (COUNT(*) over a million visible clients took ~1 s; nobody pages to page 40,000)."""

    def __init__(self, *args, cap: int = 1000, **kwargs):
        super().__init__(*args, **kwargs)
        self.cap = cap
        self.capped = False

    @cached_property
    def count(self) -> int:
        n = self.object_list[: self.cap + 1].count()
        self.capped = n > self.cap
        return min(n, self.cap)
