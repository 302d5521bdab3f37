"""The main navigation: one registry that every app adds its menu entries to, filtered by role.

An app adds an entry with one line in its ``AppConfig.ready()``::

    nav.register(NavEntry("Bijstand", "bijstand:list", roles=(Role.COACH,), order=32, matches=("bijstand:*",)))

The base layout shows the entries the user's roles allow, in ``order``; the entry whose ``matches`` pattern fits
the current page most specifically is marked ``aria-current="page"`` (one entry at most). Entries with
``section="beheer"`` go into the "Beheer" menu, so that the main row stays one row on a desk screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from django.urls import NoReverseMatch, reverse

MAIN = "main"
BEHEER = "beheer"


@dataclass(frozen=True)
class NavEntry:
    """A menu entry: ``label`` (or a callable returning it), the URL name, the roles that see it."""

    label: str | Callable[[], str]
    url_name: str
    roles: tuple[str, ...]
    order: int = 50
    # View names ("namespace:url_name", fnmatch patterns) that belong to this entry; default: the URL itself.
    matches: tuple[str, ...] = ()
    # Roles that do not see the entry even when they have one of ``roles`` (e.g. SRT staff have their own menu).
    hidden_for: tuple[str, ...] = ()
    section: str = MAIN
    key: str = field(default="", compare=False)

    def visible_to(self, roles: frozenset[str]) -> bool:
        names = {str(r) for r in self.roles}
        return bool(names & roles) and not ({str(r) for r in self.hidden_for} & roles)

    def text(self) -> str:
        return self.label() if callable(self.label) else str(self.label)

    def specificity(self, view_name: str) -> int:
        """How well this entry fits the current view: 0 is no match; a longer literal pattern fits better."""
        best = 0
        for pattern in self.matches or (self.url_name,):
            if fnmatchcase(view_name, pattern):
                best = max(best, 1 + len(pattern.replace("*", "")) + (1000 if "*" not in pattern else 0))
        return best


class NavRegistry:
    def __init__(self) -> None:
        self._entries: dict[str, NavEntry] = {}

    def register(self, entry: NavEntry) -> NavEntry:
        """Add (or, on a second ``ready()``, replace) the entry for its URL name and section."""
        self._entries[f"{entry.section}:{entry.url_name}"] = entry
        return entry

    def entries(self) -> list[NavEntry]:
        return sorted(self._entries.values(), key=lambda e: (e.order, e.url_name))

    def for_user(self, roles: Iterable[str], view_name: str = "") -> list[dict]:
        """The entries these roles see, each ``{label, url, section, current}``; at most one is current."""
        roles = frozenset(str(r) for r in roles)
        visible = [e for e in self.entries() if e.visible_to(roles)]
        scores = [e.specificity(view_name) if view_name else 0 for e in visible]
        top = max(scores, default=0)
        items = []
        for entry, score in zip(visible, scores, strict=True):
            try:
                url = reverse(entry.url_name)
            except NoReverseMatch:
                continue
            current = bool(top) and score == top
            if current:
                top = -1  # only the first best fit is current
            items.append({"label": entry.text(), "url": url, "section": entry.section, "current": current})
        return items


nav = NavRegistry()


class UserNavigation:
    """What the base layout iterates over; computed once per request, only when a template asks for it."""

    def __init__(self, request) -> None:
        self.request = request
        self._items: list[dict] | None = None

    def _load(self) -> list[dict]:
        if self._items is None:
            from almelo_sociaal.accounts.roles import user_roles

            match = getattr(self.request, "resolver_match", None)
            view_name = match.view_name if match else ""
            self._items = nav.for_user(user_roles(getattr(self.request, "user", None)), view_name)
        return self._items

    @property
    def main(self) -> list[dict]:
        return [i for i in self._load() if i["section"] == MAIN]

    @property
    def beheer(self) -> list[dict]:
        return [i for i in self._load() if i["section"] == BEHEER]

    @property
    def beheer_current(self) -> bool:
        return any(i["current"] for i in self.beheer)


def navigation(request) -> dict:
    """Context processor: ``nav`` with ``nav.main`` and ``nav.beheer``."""
    return {"nav": UserNavigation(request)}
